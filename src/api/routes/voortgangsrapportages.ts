import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  leesVoortgangsrapportage,
  maakVoortgangsrapportage,
  periodeVan,
  RAPPORT_FORMATEN,
  voortgangsrapportages,
} from '../../documenten/voortgang.ts';
import { documentAntwoord, documentContext, documentSamenvatting } from '../documentdiensten.ts';
import { beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';
import { jaarSchema } from '../validatie.ts';

const tags = ['rapportages'];
const periodeSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(12)
  .describe('Het nummer van de periode in het jaar (1 tot het aantal perioden per jaar van de gemeente)');
const documentSchema = z.object({
  formaat: z.enum(['pdf', 'html', 'json']),
  mediatype: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  aangemaaktOp: z.string(),
});
const rapportSchema = z.object({
  sleutel: z.string(),
  jaar: z.number().int(),
  periode: z.number().int(),
  perJaar: z.number().int(),
  aangemaaktOp: z.string(),
  documenten: z.array(documentSchema),
});

/**
 * The progress report to raad and cliëntenraad (e.g. Dinkelland art. 2 lid 4): made per period on
 * request or by the scheduled job, then read as PDF, HTML or JSON. Counts only, suppressed below the
 * threshold: no personal data, so no purpose is asked.
 */
export const registreerVoortgangRoutes: RouteModule = (
  _app,
  { db, engine },
  { registreer, antwoord, actor },
) => {
  const ctx = documentContext(engine);
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/voortgangsrapportages',
      summary:
        'Maak de voortgangsrapportage van een periode (PDF, HTML, JSON); een tweede keer geeft dezelfde terug',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                jaar: z.number().int().min(2015).max(2100),
                periode: z.number().int().min(1).max(12),
              }),
            },
          },
        },
      },
      responses: {
        201: json(z.object({ nieuw: z.boolean(), documenten: z.array(documentSchema) }), 'Gemaakt'),
        200: json(z.object({ nieuw: z.boolean(), documenten: z.array(documentSchema) }), 'Was al gemaakt'),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const { jaar, periode } = c.req.valid('json');
      const p = periodeVan(ctx, gemeente, jaar, periode);
      if (!p.ok) return probleem(c, p.fout);
      const r = await maakVoortgangsrapportage(db, ctx, actor(c), gemeente, p.waarde);
      if (!r.ok) return probleem(c, r.fout);
      return antwoord(
        c,
        {
          ok: true,
          waarde: { nieuw: r.waarde.nieuw, documenten: r.waarde.documenten.map(documentSamenvatting) },
        },
        r.waarde.nieuw ? 201 : 200,
      );
    },
  );
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/voortgangsrapportages',
      'x-persoonsgegevens': false,
      summary: 'De gemaakte voortgangsrapportages, nieuwste periode eerst, en het aantal perioden per jaar',
      tags,
      security: beveiligd,
      request: { params: gemeenteParam },
      responses: {
        200: json(
          z.object({
            periodenPerJaar: z.number().int(),
            drempel: z.number().int(),
            rapportages: z.array(rapportSchema),
          }),
          'Rapportages',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const r = await voortgangsrapportages(db, actor(c), gemeente);
      if (!r.ok) return probleem(c, r.fout);
      const instelling = ctx.configuratie.get(gemeente)?.voortgangsrapportage;
      return antwoord(c, {
        ok: true,
        waarde: {
          periodenPerJaar: instelling?.periodenPerJaar ?? 3,
          drempel: instelling?.drempel ?? 5,
          rapportages: r.waarde,
        },
      });
    },
  );
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/voortgangsrapportages/{jaar}/{periode}',
      'x-persoonsgegevens': false,
      summary: 'Een gemaakte voortgangsrapportage, byte voor byte (ETag = SHA-256)',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam.extend({ jaar: jaarSchema, periode: periodeSchema }),
        query: z.object({ formaat: z.enum(['pdf', 'html', 'json']).default('pdf') }),
      },
      responses: {
        200: {
          description: 'De rapportage',
          content: {
            [RAPPORT_FORMATEN.pdf]: { schema: z.string() },
            [RAPPORT_FORMATEN.html]: { schema: z.string() },
            [RAPPORT_FORMATEN.json]: { schema: z.looseObject({}) },
          },
        },
        304: { description: 'Ongewijzigd (If-None-Match)' },
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente, jaar, periode } = c.req.valid('param');
      const { formaat } = c.req.valid('query');
      const p = periodeVan(ctx, gemeente, jaar, periode);
      if (!p.ok) return probleem(c, p.fout);
      const r = await leesVoortgangsrapportage(db, actor(c), gemeente, p.waarde, formaat);
      return r.ok
        ? documentAntwoord(c, r.waarde, `voortgangsrapportage-${gemeente}-${jaar}-${periode}`)
        : probleem(c, r.fout);
    },
  );
};
