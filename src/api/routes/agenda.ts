import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { agenda } from '../../administratie/agenda.ts';
import { isGeldigeDatum } from '../../kalender/index.ts';
import { beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';

const punt = z.object({
  id: z.number().int(),
  soort: z.string().describe('evaluatie, premie, einde, lks-periode, lks-herberekening, bezwaartermijn'),
  datum: z.string(),
  omschrijving: z.string(),
  artikel: z.string(),
  regeling: z.string(),
  bedragCent: z.number().int().nullable(),
  bedragReden: z.string().nullable(),
  teLaat: z.boolean(),
  voorziening: z.string(),
  beschikkingId: z.string(),
  inwonerId: z.string(),
  klantnummer: z.number().int(),
  naam: z.string(),
});

/** The casemanager's agenda: open terms with the client's name, overdue first. */
export const registreerAgendaRoutes: RouteModule = (
  _app,
  { db },
  { registreer, antwoord, actor, vandaag },
) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/agenda',
      summary:
        'Agenda: open termijnen tot een datum met naam en klantnummer (evaluaties, premies, einddata, LKS-perioden, bezwaartermijnen), te laat eerst',
      tags: ['termijnen'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({
          tot: z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' }).optional(),
          casemanager: z.enum(['ik', 'iedereen']).optional().describe('Standaard: ik'),
          limiet: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: json(z.object({ punten: z.array(punt), teLaat: z.number().int() }), 'Agenda'),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const q = c.req.valid('query');
      const a = actor(c);
      return antwoord(
        c,
        await agenda(db, a, gemeente, {
          tot: q.tot ?? vandaag(),
          vandaag: vandaag(),
          casemanagerId: q.casemanager === 'iedereen' ? undefined : a.gebruikerId,
          limiet: q.limiet ?? 500,
        }),
      );
    },
  );
};
