import { engineInWerking } from '../../administratie/ontwerpen.ts';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { BRIEF_FORMATEN, type BriefVan, leesBrief, maakBrief } from '../../documenten/brieven.ts';
import { documentAntwoord, documentContext, documentSamenvatting } from '../documentdiensten.ts';
import { beveiligd, FOUTEN, gemeenteParam, json, probleemAntwoord } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';
import { uuidSchema } from '../validatie.ts';

const beschikkingParam = gemeenteParam.extend({ id: uuidSchema });
const bezwaarParam = beschikkingParam.extend({ bezwaarId: uuidSchema });
const tags = ['brieven'];

const gemaakt = z.object({
  kenmerk: z.string(),
  nieuw: z.boolean().describe('false: de brief was al gemaakt en is ongewijzigd'),
  documenten: z.array(
    z.object({
      formaat: z.enum(['pdf', 'html']),
      mediatype: z.string(),
      sha256: z.string(),
      bytes: z.number().int(),
      aangemaaktOp: z.string(),
    }),
  ),
});
const formaatQuery = z.object({
  formaat: z.enum(['pdf', 'html']).default('pdf').describe('pdf (PDF/A-2b) of html'),
});
const briefInhoud = {
  description: 'De opgeslagen brief, byte voor byte (ETag = SHA-256; If-None-Match geeft 304)',
  content: {
    [BRIEF_FORMATEN.pdf]: { schema: z.string().describe('PDF/A-2b') },
    [BRIEF_FORMATEN.html]: { schema: z.string() },
  },
};

/**
 * The letter of a beschikking and of the decision on a bezwaar: made once from the stored decision
 * (POST, by whoever may decide), then served from the stored copy (GET, by every role). Both name
 * the inwoner, so both are in the audit trail with them as betrokkene.
 */
export const registreerBriefRoutes: RouteModule = (_app, { db, engine }, { registreer, actor }) => {
  const ctx = documentContext(engine);
  const naarJson = (r: Awaited<ReturnType<typeof maakBrief>>, c: Parameters<typeof probleem>[0]) =>
    r.ok
      ? new Response(
          JSON.stringify({
            kenmerk: r.waarde.kenmerk,
            nieuw: r.waarde.nieuw,
            documenten: r.waarde.documenten.map(documentSamenvatting),
          }),
          { status: r.waarde.nieuw ? 201 : 200, headers: { 'content-type': 'application/json' } },
        )
      : probleem(c, r.fout);
  const bestandsnaam = (v: BriefVan) => `brief-${v.bezwaarId ?? v.beschikkingId}`;

  for (const metBezwaar of [false, true]) {
    const pad = metBezwaar
      ? '/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren/{bezwaarId}/brief'
      : '/gemeenten/{gemeente}/beschikkingen/{id}/brief';
    const params = metBezwaar ? bezwaarParam : beschikkingParam;
    const van = (p: { id: string; bezwaarId?: string }): BriefVan =>
      metBezwaar ? { beschikkingId: p.id, bezwaarId: p.bezwaarId } : { beschikkingId: p.id };
    const wat = metBezwaar ? 'de beslissing op het bezwaar' : 'de beschikking';
    registreer(
      createRoute({
        method: 'post',
        path: pad,
        summary: `Maak de brief van ${wat} (PDF en HTML) uit het vastgelegde besluit; een tweede keer geeft dezelfde brief terug`,
        tags,
        security: beveiligd,
        request: { params },
        responses: {
          201: json(gemaakt, 'Gemaakt en opgeslagen'),
          200: json(gemaakt, 'Was al gemaakt: ongewijzigd'),
          ...FOUTEN,
          409: probleemAntwoord(
            metBezwaar ? 'Op het bezwaar is nog niet beslist' : 'Geen afzendergegevens voor deze gemeente',
          ),
        },
      }),
      async (c) => {
        const p = c.req.valid('param') as { gemeente: string; id: string; bezwaarId?: string };
        // A letter cites the versions the decision used, adopted drafts of the gemeente among them.
        const bibliotheek = (await engineInWerking(db, engine, p.gemeente)).bibliotheek;
        return naarJson(await maakBrief(db, { ...ctx, bibliotheek }, actor(c), p.gemeente, van(p)), c);
      },
    );
    registreer(
      createRoute({
        method: 'get',
        path: pad,
        summary: `De brief van ${wat}, zoals opgeslagen (persoonsgegevens: X-Doel verplicht)`,
        tags,
        security: beveiligd,
        request: { params, query: formaatQuery },
        responses: {
          200: briefInhoud,
          304: { description: 'Ongewijzigd (If-None-Match)' },
          ...FOUTEN,
        },
      }),
      async (c) => {
        const p = c.req.valid('param') as { gemeente: string; id: string; bezwaarId?: string };
        const { formaat } = c.req.valid('query');
        const r = await leesBrief(db, actor(c), p.gemeente, van(p), formaat);
        return r.ok ? documentAntwoord(c, r.waarde, bestandsnaam(van(p))) : probleem(c, r.fout);
      },
    );
  }
};
