import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { feitgeschiedenis, legFeitVast } from '../../administratie/inwoners.ts';
import { vocabulaireVoorGemeente } from '../../regelgeving/index.ts';
import { algemeen, beveiligd, FOUTEN, idParam, json } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { datumSchema } from '../validatie.ts';

/** An inwoner's facts: each recorded from a date with its source; earlier values stay in the history. */
export const registreerFeitRoutes: RouteModule = (_app, { db, engine }, { registreer, antwoord, actor }) => {
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/inwoners/{id}/feiten',
      summary: 'Leg een feit vast vanaf een datum (eerdere waarden blijven bewaard)',
      tags: ['inwoners'],
      security: beveiligd,
      request: {
        params: idParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                naam: z.string().max(100),
                waarde: z.unknown(),
                geldigVanaf: datumSchema,
                bron: z.string().max(200),
              }),
            },
          },
        },
      },
      responses: { 201: json(z.object({ id: z.number() }), 'Vastgelegd'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const vocabulaire = vocabulaireVoorGemeente(engine.bibliotheek, gemeente, []);
      return antwoord(
        c,
        await legFeitVast(db, actor(c), gemeente, id, c.req.valid('json'), vocabulaire),
        201,
      );
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/inwoners/{id}/feiten',
      summary: 'Geschiedenis van alle feiten',
      tags: ['inwoners'],
      security: beveiligd,
      request: { params: idParam },
      responses: { 200: json(z.array(algemeen), 'Feiten'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await feitgeschiedenis(db, actor(c), gemeente, id));
    },
  );
};
