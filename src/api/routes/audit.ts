import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { log } from '../../administratie/audit.ts';
import { verifieerAuditketen } from '../../administratie/auditketen.ts';
import { vereisRol } from '../../administratie/toegang.ts';
import { algemeen, beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';
import { uuidSchema } from '../validatie.ts';

const breuk = z
  .object({
    gemeente: z.string().nullable(),
    soort: z.enum([
      'inhoud-gewijzigd',
      'volgorde-gewijzigd',
      'ontbrekend',
      'schakel-verbroken',
      'afgekapt',
      'kop-ontbreekt',
    ]),
    volgnummer: z.number().int().describe('De plaats in de keten waar zij het eerst breekt'),
    auditId: z.number().int().nullable().describe('De auditregel op die plaats, als die er is'),
    uitleg: z.string(),
  })
  .openapi('AuditBreuk');

const verificatie = z
  .object({
    intact: z.boolean(),
    regels: z.number().int().describe('Aantal auditregels in de keten'),
    kopVolgnummer: z.number().int().describe('Aantal regels dat volgens de kop van de keten is geschreven'),
    kopHash: z
      .string()
      .nullable()
      .describe('Hash van de laatst geschreven regel (om buiten het systeem te bewaren)'),
    eersteBreuk: breuk.nullable(),
  })
  .openapi('AuditVerificatie');

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
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/audit/verificatie',
      summary:
        'Controleer de hashketen van het auditlog van een gemeente (rol auditor of beheerder): intact met aantallen, of de eerste breuk (gewijzigde inhoud, ontbrekende regel, verplaatste regel, afgekapt einde)',
      description:
        'Elke regel draagt een SHA-256 over een vaste serialisatie van haar velden en de hash van de regel ervoor (docs/auditketen.md); de server rekent elke hash opnieuw na.',
      tags: ['audit'],
      security: beveiligd,
      request: { params: gemeenteParam },
      responses: { 200: json(verificatie, 'Uitkomst van de controle'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, ['auditor', 'beheerder']);
      if (!rol.ok) return probleem(c, rol.fout);
      const v = await verifieerAuditketen(db, { gemeente });
      const k = v.ketens[0]!;
      // Recorded after the check, so the answer is about the trail as it stood before this request.
      await log(db, actor(c), gemeente, 'audit-verificatie', 'audit', null);
      return c.json(
        {
          intact: v.intact,
          regels: k.regels,
          kopVolgnummer: k.kopVolgnummer,
          kopHash: k.kopHash,
          eersteBreuk: v.eersteBreuk,
        },
        200,
      );
    },
  );
};
