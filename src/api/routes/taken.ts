import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { herberekeningen } from '../../administratie/taken.ts';
import { algemeen, beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { jaarSchema } from '../validatie.ts';

/** What the scheduled jobs found; the overdue signal itself shows in the due list (`teLaatSinds`). */
export const registreerTaakRoutes: RouteModule = (_app, { db }, { registreer, antwoord, actor }) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/herberekeningen/{jaar}',
      summary:
        'Loonkostensubsidies die per 1 januari opnieuw moeten worden vastgesteld (art. 10d lid 7 Pw), gevonden door de jaarlijkse taak',
      tags: ['termijnen'],
      security: beveiligd,
      request: { params: gemeenteParam.extend({ jaar: jaarSchema }) },
      responses: { 200: json(z.array(algemeen), 'Te herberekenen beschikkingen'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, jaar } = c.req.valid('param');
      return antwoord(c, await herberekeningen(db, actor(c), gemeente, jaar));
    },
  );
};
