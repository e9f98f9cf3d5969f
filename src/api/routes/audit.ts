import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { log } from '../../administratie/audit.ts';
import { vereisRol } from '../../administratie/toegang.ts';
import { algemeen, beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';
import { uuidSchema } from '../validatie.ts';

/** The audit trail of a gemeente, for its auditors and the beheerder. */
export const registreerAuditRoutes: RouteModule = (_app, { db }, { registreer, actor }) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/audit',
      summary:
        'Het auditlog van een gemeente (rol auditor of beheerder), nieuwste eerst; met betrokkene: wie de gegevens van deze inwoner raadpleegde of wijzigde',
      tags: ['audit'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({
          limiet: z.coerce.number().int().min(1).max(1000).optional(),
          betrokkene: uuidSchema.optional().describe('Alleen de regels over deze inwoner (id)'),
        }),
      },
      responses: { 200: json(z.array(algemeen), 'Auditregels, nieuwste eerst'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, ['auditor', 'beheerder']);
      if (!rol.ok) return probleem(c, rol.fout);
      const q = c.req.valid('query');
      let lezen = db.selectFrom('audit').selectAll().where('gemeente', '=', gemeente);
      if (q.betrokkene) lezen = lezen.where('betrokkene', '=', q.betrokkene);
      const rijen = await lezen
        .orderBy('id', 'desc')
        .limit(q.limiet ?? 100)
        .execute();
      // Reading the trail is itself a read of personal data (who did what about whom).
      await log(db, actor(c), gemeente, 'audit-lezen', 'audit', null, q.betrokkene ?? null);
      return c.json(
        rijen.map((r) => ({ ...r, id: Number(r.id) })),
        200,
      );
    },
  );
};
