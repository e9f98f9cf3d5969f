import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { zoekAuditspoor } from '../../administratie/auditspoor.ts';
import { isGeldigeDatum } from '../../kalender/index.ts';
import { beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';

const dag = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });

/** The auditor's view of the audit trail: filters by person, client, action and period, names beside ids. */
export const registreerAuditspoorRoutes: RouteModule = (_app, { db }, { registreer, antwoord, actor }) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/auditspoor',
      summary:
        'Het auditlog gefilterd op gebruiker, cliënt, actie en periode, nieuwste eerst, met namen (rol auditor of beheerder)',
      tags: ['audit'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({
          gebruiker: z.string().max(200).optional().describe('Gebruikersnaam'),
          inwoner: z.string().max(100).optional().describe('Id van de cliënt'),
          actie: z.string().max(100).optional(),
          van: dag.optional(),
          tot: dag.optional(),
          limiet: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            acties: z.array(z.string()),
            regels: z.array(
              z.object({
                id: z.number().int(),
                tijdstip: z.string(),
                gebruikersnaam: z.string().nullable(),
                gebruiker: z.string().nullable(),
                actie: z.string(),
                object: z.string(),
                objectId: z.string().nullable(),
                inwoner: z.object({ naam: z.string(), klantnummer: z.number().int() }).nullable(),
                doel: z.string(),
              }),
            ),
          }),
          'Auditregels',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const q = c.req.valid('query');
      return antwoord(
        c,
        await zoekAuditspoor(db, actor(c), gemeente, {
          gebruiker: q.gebruiker,
          inwonerId: q.inwoner,
          actie: q.actie,
          van: q.van,
          tot: q.tot,
          limiet: q.limiet ?? 200,
        }),
      );
    },
  );
};
