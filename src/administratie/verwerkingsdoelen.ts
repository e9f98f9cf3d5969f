import { z } from 'zod';
import { veldFouten } from '../casus/index.ts';
import type { Db } from '../opslag/database.ts';
import { inTransactie } from '../opslag/transactie.ts';
import type { Rol } from '../opslag/schema.ts';
import { log } from './audit.ts';
import { gelukt, mislukt, type Uitslag } from './fouten.ts';
import { type Actor, vereisRol } from './toegang.ts';

/**
 * Purpose limitation (art. 5 lid 1 onder b AVG): personal data are read for a purpose named in
 * advance. Each read says its purpose in X-Doel, from the gemeente's list; the audit trail records
 * it. Only a purpose marked `volledigBsn` lets a casemanager see the whole BSN.
 */
export interface Verwerkingsdoel {
  readonly doel: string;
  readonly omschrijving: string;
  readonly volledigBsn: boolean;
}

/** The list of a gemeente that has not set its own. */
export const STANDAARD_DOELEN: readonly Verwerkingsdoel[] = [
  {
    doel: 'uitvoering re-integratie',
    omschrijving: 'Ondersteuning bij arbeidsinschakeling: het dossier bijhouden en voorzieningen aanbieden',
    volledigBsn: false,
  },
  {
    doel: 'caseload bekijken',
    omschrijving: 'Overzicht van de eigen inwoners, termijnen en agenda',
    volledigBsn: false,
  },
  {
    doel: 'aanvraag beoordelen',
    omschrijving: 'Een aanvraag of ambtshalve procedure beoordelen',
    volledigBsn: false,
  },
  {
    doel: 'beschikking nemen',
    omschrijving: 'Een beschikking voorbereiden, nemen of beëindigen',
    volledigBsn: false,
  },
  {
    doel: 'bezwaar behandelen',
    omschrijving: 'Een bezwaar tegen een beschikking behandelen',
    volledigBsn: false,
  },
  {
    doel: 'identificatie inwoner',
    omschrijving: 'Vaststellen wie de inwoner is (aan de balie, bij een aanvraag)',
    volledigBsn: true,
  },
  {
    doel: 'gegevensuitwisseling ketenpartner',
    omschrijving: 'Gegevens uitwisselen met UWV, SVB of een werkgever, op het BSN',
    volledigBsn: true,
  },
  {
    doel: 'verantwoording en controle',
    omschrijving: 'Interne controle, accountantscontrole en audit',
    volledigBsn: false,
  },
  { doel: 'beleid en sturing', omschrijving: 'Budget en beleid van de gemeente', volledigBsn: false },
];

/** Roles whose work needs the whole BSN (identifying a person, exchanging data with UWV or SVB). */
export const BSN_ROLLEN: readonly Rol[] = ['casemanager'];

/** The purposes of a gemeente: its own list, or the built-in one. */
export async function doelenVan(db: Db, gemeente: string): Promise<readonly Verwerkingsdoel[]> {
  const rijen = await db
    .selectFrom('verwerkingsdoel')
    .select(['doel', 'omschrijving', 'volledigBsn'])
    .where('gemeente', '=', gemeente)
    .orderBy('volgorde')
    .execute();
  return rijen.length > 0 ? rijen : STANDAARD_DOELEN;
}

/** The purpose from the list that X-Doel names (case and surrounding spaces do not matter). */
export function zoekDoel(doelen: readonly Verwerkingsdoel[], opgegeven: string): Verwerkingsdoel | undefined {
  const gezocht = opgegeven.trim().toLowerCase();
  return doelen.find((d) => d.doel.toLowerCase() === gezocht);
}

/** Whether this actor may see the whole BSN in this gemeente for this purpose. */
export function magVolledigBsn(actor: Actor, gemeente: string, doel: Verwerkingsdoel | undefined): boolean {
  const rollen = actor.rollen.get(gemeente);
  return !!doel?.volledigBsn && BSN_ROLLEN.some((r) => rollen?.has(r));
}

const lijstSchema = z.strictObject({
  doelen: z
    .array(
      z.strictObject({
        doel: z
          .string()
          .trim()
          .min(3)
          .max(100)
          .regex(/^[\p{L}\p{N} ,.'()-]+$/u, { message: 'alleen letters, cijfers, spaties en leestekens' })
          .refine((d) => !/\d{8}/.test(d.replace(/\D/g, '')), {
            message: 'geen nummers van 8 of meer cijfers',
          }),
        omschrijving: z.string().trim().min(3).max(300),
        volledigBsn: z.boolean(),
      }),
    )
    .min(1)
    .max(50),
});

/** Replaces a gemeente's list (beheerder); audited. */
export async function stelDoelenVast(
  db: Db,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
): Promise<Uitslag<readonly Verwerkingsdoel[]>> {
  const rol = vereisRol(actor, gemeente, ['beheerder']);
  if (!rol.ok) return rol;
  const p = lijstSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldige doelenlijst',
      velden: veldFouten(p.error.issues),
    });
  const namen = p.data.doelen.map((d) => d.doel.toLowerCase());
  const dubbel = namen.findIndex((n, i) => namen.indexOf(n) !== i);
  if (dubbel >= 0)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldige doelenlijst',
      velden: [{ pad: `doelen[${dubbel}].doel`, bericht: 'staat al eerder in de lijst' }],
    });
  await inTransactie(db, async (trx) => {
    await trx.deleteFrom('verwerkingsdoel').where('gemeente', '=', gemeente).execute();
    await trx
      .insertInto('verwerkingsdoel')
      .values(p.data.doelen.map((d, volgorde) => ({ gemeente, ...d, volgorde })))
      .execute();
    await log(trx, actor, gemeente, 'verwerkingsdoelen-vaststellen', 'verwerkingsdoel', null);
  });
  return gelukt(p.data.doelen);
}
