import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { budgetten, hevelOver, stelBudgetVast } from '../../administratie/budgetten.ts';
import { algemeen, beveiligd, FOUTEN, gemeenteParam, json, probleemAntwoord } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { jaarSchema } from '../validatie.ts';

const budgetParam = gemeenteParam.extend({ jaar: jaarSchema });

/** Budgets per year and voorziening: use, ceilings as decided, transfers between voorzieningen. */
export const registreerBudgetRoutes: RouteModule = (
  _app,
  { db, engine },
  { registreer, antwoord, actor },
) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/budgetten/{jaar}',
      summary: 'Budgetten en gebruik in een jaar',
      tags: ['budgetten'],
      'x-persoonsgegevens': false,
      security: beveiligd,
      request: { params: budgetParam },
      responses: { 200: json(z.array(algemeen), 'Budgetten'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, jaar } = c.req.valid('param');
      return antwoord(c, await budgetten(db, actor(c), gemeente, jaar));
    },
  );
  registreer(
    createRoute({
      method: 'put',
      path: '/gemeenten/{gemeente}/budgetten/{jaar}/{voorziening}',
      summary: 'Stel een budgetplafond (en eventueel deelnemersplafond) vast',
      tags: ['budgetten'],
      security: beveiligd,
      request: {
        params: budgetParam.extend({ voorziening: z.string().max(100) }),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                plafondCent: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
                deelnemersplafond: z.number().int().min(0).max(1_000_000).nullable().optional(),
                artikel: z.string().max(50),
                besluit: z.string().max(2000),
              }),
            },
          },
        },
      },
      responses: {
        200: json(algemeen, 'Vastgesteld'),
        ...FOUTEN,
        409: probleemAntwoord('Lager dan al toegekend'),
      },
    }),
    async (c) => {
      const { gemeente, jaar, voorziening } = c.req.valid('param');
      return antwoord(
        c,
        await stelBudgetVast(
          db,
          engine.bibliotheek,
          actor(c),
          gemeente,
          jaar,
          voorziening,
          c.req.valid('json'),
        ),
      );
    },
  );
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/budgetten/{jaar}/overhevelingen',
      summary: 'Hevel budget over tussen voorzieningen (een vastgelegd besluit)',
      tags: ['budgetten'],
      security: beveiligd,
      request: {
        params: budgetParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                van: z.string().max(100),
                naar: z.string().max(100),
                bedragCent: z.number().int().max(Number.MAX_SAFE_INTEGER),
                besluit: z.string().max(2000),
              }),
            },
          },
        },
      },
      responses: {
        201: json(algemeen, 'Overgeheveld'),
        ...FOUTEN,
        409: probleemAntwoord('Onvoldoende ruimte'),
      },
    }),
    async (c) => {
      const { gemeente, jaar } = c.req.valid('param');
      return antwoord(c, await hevelOver(db, actor(c), gemeente, jaar, c.req.valid('json')), 201);
    },
  );
};
