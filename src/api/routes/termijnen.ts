import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { dueLijst, handelTermijnAf } from '../../administratie/termijnen.ts';
import { algemeen, beveiligd, FOUTEN, gemeenteParam, json, probleemAntwoord } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { datumSchema, uuidSchema } from '../validatie.ts';

/** Open terms (reviews, premies, end dates, bezwaar terms) and marking one handled. */
export const registreerTermijnRoutes: RouteModule = (
  _app,
  { db },
  { registreer, antwoord, actor, vandaag },
) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/termijnen',
      summary:
        'Openstaande termijnen tot een datum (evaluaties, premies, einddata, bezwaartermijnen); te laat gemarkeerd',
      tags: ['termijnen'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({
          tot: datumSchema.optional(),
          casemanager: z.enum(['ik']).or(uuidSchema).optional(),
        }),
      },
      responses: { 200: json(z.array(algemeen), 'Termijnen'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const q = c.req.valid('query');
      const a = actor(c);
      return antwoord(
        c,
        await dueLijst(db, a, gemeente, {
          tot: q.tot ?? vandaag(),
          vandaag: vandaag(),
          casemanagerId: q.casemanager === 'ik' ? a.gebruikerId : q.casemanager,
        }),
      );
    },
  );
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/termijnen/{id}/afhandeling',
      summary: 'Handel een termijn af; een premie alleen met het oordeel over voldoende meewerking',
      tags: ['termijnen'],
      security: beveiligd,
      request: {
        params: gemeenteParam.extend({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) }),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                voldoendeMeegewerkt: z.boolean().optional(),
                toelichting: z.string().max(4000),
              }),
            },
          },
        },
      },
      responses: { 201: json(algemeen, 'Afgehandeld'), ...FOUTEN, 409: probleemAntwoord('Al afgehandeld') },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await handelTermijnAf(db, actor(c), gemeente, id, c.req.valid('json')), 201);
    },
  );
};
