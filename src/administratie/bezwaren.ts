import { z } from 'zod';
import { veldFouten } from '../casus/index.ts';
import { bezwaartermijnEinde, isGeldigeDatum, plusDagen, verlengdeEinddatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import { BEZWAAR_UITKOMSTEN, type BezwaarUitkomst } from '../opslag/schema.ts';
import { log } from './audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

const datum = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });
const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** Who may register a bezwaar and record its outcome. */
export const BEZWAAR_ROLLEN = BESLISSERS;

export interface Bezwaar {
  readonly id: string;
  readonly gemeente: string;
  readonly beschikkingId: string;
  readonly ontvangenOp: string;
  readonly terPostBezorgdOp: string | null;
  /** Last day of the bezwaar term: six weeks from the day after sending, Algemene termijnenwet applied. */
  readonly termijnEinde: string;
  readonly tijdig: boolean;
  readonly uitkomst: BezwaarUitkomst | null;
  readonly beslistOp: string | null;
  readonly toelichting: string | null;
  readonly versie: number;
}

const VELDEN = [
  'id',
  'gemeente',
  'beschikkingId',
  'ontvangenOp',
  'terPostBezorgdOp',
  'termijnEinde',
  'tijdig',
  'uitkomst',
  'beslistOp',
  'toelichting',
  'versie',
] as const;

/**
 * Timely per art. 6:9 Awb: received by the last day, or (lid 2) posted by the last day and received
 * within a week after it. That week is a term set by statute too, so the Algemene termijnenwet
 * extends it like the term itself.
 */
export function isTijdig(termijnEinde: string, ontvangenOp: string, terPostBezorgdOp?: string): boolean {
  if (ontvangenOp <= termijnEinde) return true;
  return (
    terPostBezorgdOp !== undefined &&
    terPostBezorgdOp <= termijnEinde &&
    ontvangenOp <= verlengdeEinddatum(plusDagen(termijnEinde, 7))
  );
}

const registratieSchema = z
  .strictObject({
    ontvangenOp: datum,
    /** Only for a bezwaar sent by post: the date it was posted (art. 6:9 lid 2 Awb). */
    terPostBezorgdOp: datum.optional(),
  })
  .refine((b) => b.terPostBezorgdOp === undefined || b.terPostBezorgdOp <= b.ontvangenOp, {
    path: ['terPostBezorgdOp'],
    message: 'ter post bezorgd na ontvangst',
  });

async function beschikkingVan(db: Db, gemeente: string, id: string) {
  if (!isUuid(id)) return undefined;
  return db
    .selectFrom('beschikking')
    .select(['id', 'besluitdatum', 'verzondenOp', 'inwonerId'])
    .where('gemeente', '=', gemeente)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function registreerBezwaar(
  db: Db,
  actor: Actor,
  gemeente: string,
  beschikkingId: string,
  invoer: unknown,
): Promise<Uitslag<Bezwaar>> {
  const rol = vereisRol(actor, gemeente, BEZWAAR_ROLLEN);
  if (!rol.ok) return rol;
  const p = registratieSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldig bezwaar', velden: veldFouten(p.error.issues) });
  const beschikking = await beschikkingVan(db, gemeente, beschikkingId);
  if (!beschikking) return nietGevonden('beschikking');
  if (!beschikking.verzondenOp)
    return mislukt({
      code: 'conflict',
      bericht:
        'de beschikking heeft geen verzenddatum; de bezwaartermijn begint pas de dag na verzending (art. 6:8 Awb)',
    });
  const { ontvangenOp, terPostBezorgdOp } = p.data;
  // A bezwaar before sending is still admissible once the decision exists (art. 6:10 Awb), not before.
  if (ontvangenOp < beschikking.besluitdatum)
    return mislukt({
      code: 'ongeldig',
      bericht: 'bezwaar ontvangen vóór het besluit',
      velden: [{ pad: 'ontvangenOp', bericht: `niet vóór de besluitdatum ${beschikking.besluitdatum}` }],
    });
  const termijnEinde = bezwaartermijnEinde(beschikking.verzondenOp);
  const rij = await db
    .insertInto('bezwaar')
    .values({
      gemeente,
      beschikkingId,
      ontvangenOp,
      terPostBezorgdOp: terPostBezorgdOp ?? null,
      termijnEinde,
      tijdig: isTijdig(termijnEinde, ontvangenOp, terPostBezorgdOp),
      uitkomst: null,
      beslistOp: null,
      geregistreerdDoor: actor.gebruikerId,
      beslistDoor: null,
      toelichting: null,
    })
    .returning(VELDEN)
    .executeTakeFirstOrThrow();
  await log(db, actor, gemeente, 'bezwaar-registreren', 'bezwaar', rij.id);
  return gelukt(rij);
}

export async function bezwarenBij(
  db: Db,
  actor: Actor,
  gemeente: string,
  beschikkingId: string,
): Promise<Uitslag<Bezwaar[]>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const beschikking = await beschikkingVan(db, gemeente, beschikkingId);
  if (!beschikking) return nietGevonden('beschikking');
  const rijen = await db
    .selectFrom('bezwaar')
    .select(VELDEN)
    .where('gemeente', '=', gemeente)
    .where('beschikkingId', '=', beschikkingId)
    .orderBy('ontvangenOp')
    .orderBy('geregistreerdOp')
    .execute();
  await log(db, actor, gemeente, 'lijst-lezen', 'bezwaar', beschikkingId, beschikking.inwonerId);
  return gelukt(rijen);
}

async function leesRij(db: Db, gemeente: string, beschikkingId: string, id: string) {
  if (!isUuid(id) || !isUuid(beschikkingId)) return undefined;
  return db
    .selectFrom('bezwaar')
    .select(VELDEN)
    .where('gemeente', '=', gemeente)
    .where('beschikkingId', '=', beschikkingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function leesBezwaar(
  db: Db,
  actor: Actor,
  gemeente: string,
  beschikkingId: string,
  id: string,
): Promise<Uitslag<Bezwaar>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const rij = await leesRij(db, gemeente, beschikkingId, id);
  if (!rij) return nietGevonden('bezwaar');
  const beschikking = await beschikkingVan(db, gemeente, beschikkingId);
  await log(db, actor, gemeente, 'lezen', 'bezwaar', id, beschikking?.inwonerId ?? null);
  return gelukt(rij);
}

const uitkomstSchema = z.strictObject({
  uitkomst: z.enum(BEZWAAR_UITKOMSTEN),
  beslistOp: datum,
  toelichting: z.string().trim().min(3).max(4000),
});

/**
 * Records the outcome once. The caller states the version it read (If-Match); the UPDATE only
 * applies to that version, so of two people deciding at once the second learns it was too late.
 */
export async function beslisBezwaar(
  db: Db,
  actor: Actor,
  gemeente: string,
  beschikkingId: string,
  id: string,
  verwachteVersie: number,
  invoer: unknown,
): Promise<Uitslag<Bezwaar>> {
  const rol = vereisRol(actor, gemeente, BEZWAAR_ROLLEN);
  if (!rol.ok) return rol;
  const p = uitkomstSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldige uitkomst', velden: veldFouten(p.error.issues) });
  const huidig = await leesRij(db, gemeente, beschikkingId, id);
  if (!huidig) return nietGevonden('bezwaar');
  if (p.data.beslistOp < huidig.ontvangenOp)
    return mislukt({
      code: 'ongeldig',
      bericht: 'beslist vóór ontvangst',
      velden: [{ pad: 'beslistOp', bericht: `niet vóór ${huidig.ontvangenOp}` }],
    });
  const rij = await db
    .updateTable('bezwaar')
    .set((eb) => ({
      uitkomst: p.data.uitkomst,
      beslistOp: p.data.beslistOp,
      toelichting: p.data.toelichting,
      beslistDoor: actor.gebruikerId,
      versie: eb('versie', '+', 1),
    }))
    .where('gemeente', '=', gemeente)
    .where('id', '=', id)
    .where('versie', '=', verwachteVersie)
    .where('uitkomst', 'is', null)
    .returning(VELDEN)
    .executeTakeFirst();
  if (!rij) {
    const nu = (await leesRij(db, gemeente, beschikkingId, id))!;
    if (nu.versie !== verwachteVersie)
      return mislukt({
        code: 'versie',
        bericht: 'het bezwaar is gewijzigd sinds u het las',
        huidig: nu.versie,
      });
    return mislukt({ code: 'conflict', bericht: `op dit bezwaar is al beslist: ${nu.uitkomst}` });
  }
  await log(db, actor, gemeente, `bezwaar-${p.data.uitkomst}`, 'bezwaar', id);
  return gelukt(rij);
}
