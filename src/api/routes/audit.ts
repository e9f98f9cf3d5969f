import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { vereisRol } from '../../administratie/toegang.ts';
import { algemeen, beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';

/** The audit trail of a gemeente, for its auditors and the beheerder. */
export const registreerAuditRoutes: RouteModule = (_app, { db }, { registreer, actor }) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/audit',
      summary: 'Het auditlog van een gemeente (rol auditor of beheerder)',
      tags: ['audit'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({ limiet: z.coerce.number().int().min(1).max(1000).optional() }),
      },
      responses: { 200: json(z.array(algemeen), 'Auditregels, nieuwste eerst'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, ['auditor', 'beheerder']);
      if (!rol.ok) return probleem(c, rol.fout);
      const rijen = await db
        .selectFrom('audit')
        .selectAll()
        .where('gemeente', '=', gemeente)
        .orderBy('id', 'desc')
        .limit(c.req.valid('query').limiet ?? 100)
        .execute();
      return c.json(
        rijen.map((r) => ({ ...r, id: Number(r.id) })),
        200,
      );
    },
  );
};
