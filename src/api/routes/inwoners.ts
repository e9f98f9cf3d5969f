import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { log } from '../../administratie/audit.ts';
import {
  leesInwoner,
  nieuweInwonerSchema,
  registreerInwoner,
  zoekInwoners,
} from '../../administratie/inwoners.ts';
import { isCasemanagerVan } from '../../administratie/gebruikers.ts';
import { BESLISSERS, LEZERS, vereisRol } from '../../administratie/toegang.ts';
import { BSN_ROLLEN, magVolledigBsn, STANDAARD_DOELEN } from '../../administratie/verwerkingsdoelen.ts';
import { algemeen, beveiligd, FOUTEN, gemeenteParam, idParam, json, probleemAntwoord } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import { type RouteModule, verwachteVersie } from '../route-hulp.ts';
import { isGeldigBsn } from '../../beveiliging/bsn.ts';
import type { Db } from '../../opslag/database.ts';
import { ongeldig, uuidSchema } from '../validatie.ts';

/** A casemanager named for an inwoner must be one of this gemeente; anything else is a field error. */
async function casemanagerFout(db: Db, gemeente: string, invoer: unknown): Promise<Response | undefined> {
  const id = (invoer as { casemanagerId?: unknown } | null)?.casemanagerId;
  if (typeof id !== 'string' || !uuidSchema.safeParse(id).success) return undefined;
  if (await isCasemanagerVan(db, gemeente, id)) return undefined;
  return ongeldig([{ pad: 'casemanagerId', bericht: 'geen casemanager van deze gemeente' }]);
}

const BSN_DOELEN = STANDAARD_DOELEN.filter((d) => d.volledigBsn)
  .map((d) => `'${d.doel}'`)
  .join(' of ');

/** Inwoners: search (BSN masked), registration, reading one, and changing name or casemanager (If-Match). */
export const registreerInwonerRoutes: RouteModule = (
  _app,
  { db, kluis },
  { registreer, antwoord, actor },
) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/inwoners',
      summary: 'Zoek inwoners (BSN gemaskeerd); elke raadpleging komt in het auditlog',
      tags: ['inwoners'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({
          bsn: z
            .string()
            .refine(isGeldigBsn, { message: 'geen geldig BSN (9 cijfers, elfproef)' })
            .optional(),
          naam: z.string().max(200).optional(),
          limiet: z.coerce.number().int().min(1).max(500).optional(),
          vanaf: z.coerce.number().int().min(0).max(1_000_000).optional(),
        }),
      },
      responses: {
        200: json(z.object({ totaal: z.number(), items: z.array(algemeen) }), 'Inwoners'),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const q = c.req.valid('query');
      return antwoord(
        c,
        await zoekInwoners(db, kluis, actor(c), gemeente, {
          bsn: q.bsn,
          naam: q.naam,
          limiet: q.limiet ?? 50,
          vanaf: q.vanaf ?? 0,
        }),
      );
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/inwoners',
      summary: 'Registreer een inwoner (BSN met elfproef; versleuteld opgeslagen)',
      tags: ['inwoners'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: { content: { 'application/json': { schema: nieuweInwonerSchema } } },
      },
      responses: { 201: json(algemeen, 'Geregistreerd'), ...FOUTEN, 409: probleemAntwoord('Bestaat al') },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const a = actor(c);
      const rol = vereisRol(a, gemeente, BESLISSERS);
      if (!rol.ok) return probleem(c, rol.fout);
      const fout = await casemanagerFout(db, gemeente, c.req.valid('json'));
      if (fout) return fout;
      return antwoord(
        c,
        await registreerInwoner(db, kluis, a, gemeente, c.req.valid('json')),
        201,
        (w) => `W/"${w.versie}"`,
      );
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/inwoners/{id}',
      summary: `Lees een inwoner; met volledigBsn=true het hele BSN: alleen voor een ${BSN_ROLLEN.join(' of ')} met een doel dat het BSN vereist (standaard ${BSN_DOELEN}), apart gelogd`,
      tags: ['inwoners'],
      security: beveiligd,
      request: { params: idParam, query: z.object({ volledigBsn: z.enum(['true', 'false']).optional() }) },
      responses: { 200: json(algemeen, 'Inwoner (ETag = versie)'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const a = actor(c);
      const volledigBsn = c.req.valid('query').volledigBsn === 'true';
      const rol = vereisRol(a, gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      // Data minimisation: the whole BSN only where the role and the stated purpose need it.
      if (volledigBsn && !magVolledigBsn(a, gemeente, c.get('doel')))
        return probleem(c, {
          code: 'verboden',
          bericht: `het volledige BSN is alleen te zien voor een ${BSN_ROLLEN.join(' of ')} met een doel dat het vereist (X-Doel, bijvoorbeeld ${BSN_DOELEN})`,
        });
      return antwoord(
        c,
        await leesInwoner(db, kluis, a, gemeente, id, { volledigBsn }),
        200,
        (w) => `W/"${w.versie}"`,
      );
    },
  );

  registreer(
    createRoute({
      method: 'patch',
      path: '/gemeenten/{gemeente}/inwoners/{id}',
      summary: 'Wijzig naam of casemanager; vereist If-Match met de ETag (optimistische gelijktijdigheid)',
      tags: ['inwoners'],
      security: beveiligd,
      request: {
        params: idParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                naam: z.string().trim().min(1).max(200).optional(),
                casemanagerId: uuidSchema.optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(algemeen, 'Gewijzigd'),
        ...FOUTEN,
        412: probleemAntwoord('Versie gewijzigd sinds u las'),
        428: probleemAntwoord('If-Match ontbreekt'),
      },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const a = actor(c);
      const rol = vereisRol(a, gemeente, ['casemanager', 'manager']);
      if (!rol.ok) return probleem(c, rol.fout);
      const versie = verwachteVersie(c);
      if (versie instanceof Response) return versie;
      const wijziging = c.req.valid('json');
      const fout = await casemanagerFout(db, gemeente, wijziging);
      if (fout) return fout;
      const rij = await db
        .updateTable('inwoner')
        .set((eb) => ({ ...wijziging, versie: eb('versie', '+', 1) }))
        .where('gemeente', '=', gemeente)
        .where('id', '=', id)
        .where('versie', '=', versie)
        .returning(['id', 'versie'])
        .executeTakeFirst();
      if (!rij) {
        const huidig = await leesInwoner(db, kluis, a, gemeente, id);
        if (!huidig.ok) return probleem(c, huidig.fout);
        return probleem(c, {
          code: 'versie',
          bericht: 'de inwoner is gewijzigd sinds u hem las',
          huidig: huidig.waarde.versie,
        });
      }
      await log(db, a, gemeente, 'wijzigen', 'inwoner', id, id);
      return antwoord(c, await leesInwoner(db, kluis, a, gemeente, id), 200, (w) => `W/"${w.versie}"`);
    },
  );
};
