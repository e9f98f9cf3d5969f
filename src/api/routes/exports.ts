import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LEZERS, vereisRol } from '../../administratie/toegang.ts';
import { exportCsv, kwartaalExport } from '../../documenten/exports.ts';
import { documentContext } from '../documentdiensten.ts';
import { beveiligd, FOUTEN, gemeenteParam } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';
import { jaarSchema } from '../validatie.ts';

/**
 * Counts and amounts per voorziening and quarter, CSV (';', 'x' for a suppressed cell) or JSON,
 * suppressed by the same rule as the progress report: no personal data.
 */
export const registreerExportRoutes: RouteModule = (_app, { db, engine }, { registreer, actor }) => {
  const ctx = documentContext(engine);
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/exports/{jaar}/{kwartaal}',
      'x-persoonsgegevens': false,
      summary:
        'Aantallen en bedragen per voorziening in een kwartaal, als CSV of JSON; kleine aantallen onderdrukt (x)',
      tags: ['rapportages'],
      security: beveiligd,
      request: {
        params: gemeenteParam.extend({ jaar: jaarSchema, kwartaal: z.coerce.number().int().min(1).max(4) }),
        query: z.object({ formaat: z.enum(['csv', 'json']).default('csv') }),
      },
      responses: {
        200: {
          description: 'De export',
          content: {
            'text/csv; charset=utf-8': { schema: z.string() },
            'application/json': { schema: z.looseObject({}) },
          },
        },
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente, jaar, kwartaal } = c.req.valid('param');
      const { formaat } = c.req.valid('query');
      const rol = vereisRol(actor(c), gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      const instelling = ctx.configuratie.get(gemeente)?.voortgangsrapportage;
      if (!instelling)
        return probleem(c, {
          code: 'conflict',
          bericht: `geen documentinstellingen voor gemeente '${gemeente}'`,
        });
      const e = await kwartaalExport(
        db,
        gemeente,
        jaar,
        kwartaal,
        instelling.drempel,
        instelling.uitstroomNaarWerk,
      );
      const naam = `export-${gemeente}-${jaar}-k${kwartaal}.${formaat}`;
      return new Response(formaat === 'csv' ? exportCsv(e) : JSON.stringify(e), {
        headers: {
          'content-type': formaat === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
          'content-disposition': `attachment; filename="${naam}"`,
        },
      });
    },
  );
};
