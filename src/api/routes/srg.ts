import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { leesSrgLevering, maakSrgLevering } from '../../documenten/srg.ts';
import { documentContext } from '../documentdiensten.ts';
import { beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';

const tags = ['srg'];
const maandSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'een maand is JJJJ-MM' })
  .describe('De verslagmaand, JJJJ-MM');
const samenvatting = z.object({
  verslagmaand: z.string(),
  gemeentecode: z.string(),
  records: z.number().int(),
  nieuw: z.boolean(),
  achtergehouden: z.array(z.object({ voorziening: z.string(), aantal: z.number().int(), reden: z.string() })),
});

/**
 * The monthly SRG delivery to CBS: made (validated first, stored encrypted) by the manager or the
 * administrator, and read back for sending. It holds BSNs: reading it needs a purpose and is audited.
 */
export const registreerSrgRoutes: RouteModule = (
  _app,
  { db, engine, kluis },
  { registreer, antwoord, actor },
) => {
  const ctx = documentContext(engine);
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/srg-leveringen',
      summary:
        'Maak de SRG-levering van een maand (gecontroleerd voordat zij wordt geschreven, versleuteld opgeslagen); het antwoord bevat geen BSN',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: { content: { 'application/json': { schema: z.strictObject({ maand: maandSchema }) } } },
      },
      responses: { 201: json(samenvatting, 'Gemaakt'), 200: json(samenvatting, 'Was al gemaakt'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const { maand } = c.req.valid('json');
      const r = await maakSrgLevering(db, ctx, kluis, gemeente, maand, actor(c));
      if (!r.ok) return probleem(c, r.fout);
      const l = r.waarde.levering;
      return antwoord(
        c,
        {
          ok: true,
          waarde: {
            verslagmaand: l.verslagmaand,
            gemeentecode: l.gemeentecode,
            records: l.records.length,
            nieuw: r.waarde.nieuw,
            achtergehouden: l.achtergehouden,
          },
        },
        r.waarde.nieuw ? 201 : 200,
      );
    },
  );
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/srg-leveringen/{maand}',
      summary:
        'De opgeslagen SRG-levering van een maand, met BSN (X-Doel verplicht; het lezen wordt vastgelegd)',
      tags,
      security: beveiligd,
      request: { params: gemeenteParam.extend({ maand: maandSchema }) },
      responses: { 200: json(z.looseObject({}), 'De levering (JSON met benoemde velden)'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, maand } = c.req.valid('param');
      const r = await leesSrgLevering(db, kluis, actor(c), gemeente, maand);
      if (!r.ok) return probleem(c, r.fout);
      return new Response(JSON.stringify(r.waarde.levering), {
        headers: {
          'content-type': 'application/json',
          etag: `"${r.waarde.sha256}"`,
          'content-disposition': `attachment; filename="srg-${gemeente}-${maand}.json"`,
          'cache-control': 'no-store',
        },
      });
    },
  );
};
