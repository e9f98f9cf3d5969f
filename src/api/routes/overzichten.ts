import { engineInWerking } from '../../administratie/ontwerpen.ts';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { EINDDATUM_BEREIKT, managementoverzicht } from '../../administratie/overzichten.ts';
import { beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';

const overzichtSchema = z.object({
  jaar: z.number().int(),
  budgetten: z.array(
    z.object({
      voorziening: z.string(),
      titel: z.string(),
      plafondCent: z.number().int(),
      besteedCent: z.number().int(),
      resterendCent: z.number().int(),
      deelnemers: z.number().int(),
      deelnemersplafond: z.number().int().nullable(),
      artikel: z.string(),
    }),
  ),
  beschutWerk: z.object({
    plaatsen: z.number().int().nullable().describe('Geraamd in het plan; null als er geen plan is'),
    bezet: z.number().int(),
    wachtlijst: z.number().int(),
  }),
  kwartalen: z.array(
    z.object({
      kwartaal: z.number().int(),
      gestart: z.number().int(),
      beeindigd: z.number().int(),
      perGrond: z.record(z.string(), z.number().int()),
    }),
  ),
  gronden: z
    .array(z.object({ code: z.string(), omschrijving: z.string(), artikel: z.string() }))
    .describe(
      `De beëindigingsgronden van de verordening; '${EINDDATUM_BEREIKT}' is: de einddatum is bereikt`,
    ),
});

/** Figures for a manager per gemeente and year. */
export const registreerOverzichtRoutes: RouteModule = (
  _app,
  { db, engine },
  { registreer, antwoord, actor, vandaag },
) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/overzichten/{jaar}',
      // Counts only, no personal data.
      'x-persoonsgegevens': false,
      summary:
        'Managementoverzicht: budget en deelnemers tegen hun plafond, beschut werk (geraamd, bezet, wachtlijst), gestart en beëindigd per kwartaal met de gronden',
      tags: ['budgetten'],
      security: beveiligd,
      request: { params: gemeenteParam.extend({ jaar: z.coerce.number().int().min(2000).max(2100) }) },
      responses: { 200: json(overzichtSchema, 'Overzicht'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, jaar } = c.req.valid('param');
      const u = await managementoverzicht(db, actor(c), gemeente, jaar, vandaag());
      if (!u.ok) return antwoord(c, u);
      // Names from the ordinance in force at the end of the year (or today, when that is earlier).
      const peil = vandaag() < `${jaar}-12-31` ? vandaag() : `${jaar}-12-31`;
      const plan = (await engineInWerking(db, engine, gemeente)).planOp(
        gemeente,
        peil < `${jaar}-01-01` ? `${jaar}-01-01` : peil,
      );
      const titels = new Map(plan.ok ? [...plan.plan.voorzieningen].map(([id, v]) => [id, v.titel]) : []);
      const gronden = plan.ok
        ? plan.plan.gemeenteRegelingen.flatMap((r) =>
            (r.beeindigingsgronden ?? []).map((g) => ({
              code: g.code,
              omschrijving: g.omschrijving,
              artikel: `${g.artikel}${g.lid ? ` lid ${g.lid}` : ''}${g.onder ? ` onder ${g.onder}` : ''}`,
            })),
          )
        : [];
      return antwoord(c, {
        ok: true,
        waarde: {
          ...u.waarde,
          budgetten: u.waarde.budgetten.map((b) => ({
            ...b,
            titel: titels.get(b.voorziening as never) ?? b.voorziening,
          })),
          gronden,
        },
      });
    },
  );
};
