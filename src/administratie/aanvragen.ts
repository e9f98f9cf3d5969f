import { z } from 'zod';
import {
  aanvraagOpenSchema,
  casusSchemasVoor,
  LANDELIJK_VOCABULAIRE,
  type Vocabulaire,
  veldFouten,
} from '../casus/index.ts';
import { VOORZIENING_ID } from '../casus/vocabulaire.ts';
import { isGeldigeDatum, plusDagen, verlengdeEinddatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import { inTransactie } from '../opslag/transactie.ts';
import { log, logLijst } from './audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

const datum = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });

export const aanvraagInvoerSchema = z
  .strictObject({
    inwonerId: z.uuid(),
    /** On request of the person, or started by the college itself (ambtshalve). */
    soort: z.enum(['aanvraag', 'ambtshalve']),
    /** A national voorziening or one the gemeente's regulations declare (checked against them). */
    voorziening: z.string().regex(VOORZIENING_ID),
    ontvangenOp: datum,
    /** The request part of the case contract, as `reintegratie evaluate` takes it. */
    gegevens: aanvraagOpenSchema(),
  })
  .superRefine((a, ctx) => {
    if (a.gegevens.voorziening !== a.voorziening)
      ctx.addIssue({
        code: 'custom',
        path: ['gegevens', 'voorziening'],
        message: `moet gelijk zijn aan voorziening '${a.voorziening}'`,
      });
  });

export interface Aanvraag {
  readonly id: string;
  readonly gemeente: string;
  readonly inwonerId: string;
  readonly soort: 'aanvraag' | 'ambtshalve';
  readonly voorziening: string;
  readonly ontvangenOp: string;
  readonly gegevens: Record<string, unknown>;
  readonly status: string;
  readonly versie: number;
  /** For a request: the last day to decide, eight weeks after receipt (art. 4:13 lid 2 Awb). */
  readonly beslistermijnEinde: string | null;
}

const VELDEN = [
  'id',
  'gemeente',
  'inwonerId',
  'soort',
  'voorziening',
  'ontvangenOp',
  'gegevens',
  'status',
  'versie',
] as const;

const metTermijn = <R extends Omit<Aanvraag, 'beslistermijnEinde'>>(r: R): R & Aanvraag => ({
  ...r,
  // An ambtshalve procedure has no request to answer, so no statutory decision term.
  beslistermijnEinde: r.soort === 'aanvraag' ? verlengdeEinddatum(plusDagen(r.ontvangenOp, 56)) : null,
});

/** Statuses of an aanvraag: open until a beschikking decides it or it is withdrawn. */
export const AANVRAAG_STATUSSEN = ['open', 'beslist', 'ingetrokken'] as const;

/**
 * Whether a beschikking may decide this aanvraag: it must exist in the gemeente, be open, belong to
 * the same inwoner and ask for the same voorziening. Null when it may, else the field and why not.
 * Another gemeente's aanvraag reads as one that does not exist.
 */
export async function aanvraagBezwaar(
  db: Db,
  gemeente: string,
  b: { aanvraagId: string; inwonerId: string; voorziening: string },
): Promise<{ pad: string; bericht: string } | null> {
  const a = await db
    .selectFrom('aanvraag')
    .select(['inwonerId', 'voorziening', 'status'])
    .where('gemeente', '=', gemeente)
    .where('id', '=', b.aanvraagId)
    .executeTakeFirst();
  if (!a) return { pad: 'aanvraagId', bericht: 'deze aanvraag bestaat niet in deze gemeente' };
  if (a.inwonerId !== b.inwonerId)
    return { pad: 'aanvraagId', bericht: 'deze aanvraag is van een andere inwoner' };
  if (a.status !== 'open') return { pad: 'aanvraagId', bericht: nietOpen(a.status) };
  if (a.voorziening !== b.voorziening)
    return {
      pad: 'aanvraag.voorziening',
      bericht: `de aanvraag vraagt om ${a.voorziening}, niet om ${b.voorziening}`,
    };
  return null;
}

const nietOpen = (status: string) =>
  status === 'ingetrokken' ? 'deze aanvraag is ingetrokken' : `deze aanvraag is al ${status}`;

/** Thrown inside a decision's transaction when its aanvraag is no longer open; rolls the decision back. */
export class AanvraagNietOpen extends Error {
  constructor(
    readonly aanvraagId: string,
    bericht: string,
  ) {
    super(bericht);
  }
}

/**
 * Closes the aanvragen that decisions refer to, inside the decisions' transaction. Each row is locked
 * first (in id order, so concurrent groups cannot deadlock) and checked, so a decision that lost a
 * race to another one changes nothing before it is rolled back: two decisions on one aanvraag, at the
 * same time or in one group, leave exactly one.
 */
export async function sluitAanvragen(trx: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const uniek = [...new Set(ids)].sort();
  const dubbel = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dubbel)
    throw new AanvraagNietOpen(dubbel, 'over deze aanvraag wordt tegelijk een andere beschikking genomen');
  const rijen = await trx
    .selectFrom('aanvraag')
    .select(['id', 'status'])
    .where('id', 'in', uniek)
    .orderBy('id')
    .forUpdate()
    .execute();
  const status = new Map(rijen.map((r) => [r.id, r.status]));
  for (const id of uniek) {
    const s = status.get(id);
    if (s !== 'open') throw new AanvraagNietOpen(id, s ? nietOpen(s) : 'deze aanvraag bestaat niet meer');
  }
  await trx
    .updateTable('aanvraag')
    .set((eb) => ({ status: 'beslist', versie: eb('versie', '+', 1) }))
    .where('id', 'in', uniek)
    .execute();
}

export async function registreerAanvraag(
  db: Db,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
  /** The gemeente's vocabulary (its declared facts and voorzieningen); the national one when absent. */
  vocabulaire: Vocabulaire = LANDELIJK_VOCABULAIRE,
): Promise<Uitslag<Aanvraag>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = aanvraagInvoerSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldige aanvraag', velden: veldFouten(p.error.issues) });
  const a = p.data;
  const g = casusSchemasVoor(vocabulaire).aanvraag.safeParse(a.gegevens);
  if (!g.success)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldige aanvraag',
      velden: veldFouten(
        g.error.issues.map((i) => ({ ...i, path: ['aanvraag', ...i.path] })),
        vocabulaire,
      ).map((v) => ({ ...v, pad: v.pad.replace(/^aanvraag/, 'gegevens') })),
    });
  const inwoner = await db
    .selectFrom('inwoner')
    .select('id')
    .where('gemeente', '=', gemeente)
    .where('id', '=', a.inwonerId)
    .executeTakeFirst();
  if (!inwoner) return nietGevonden('inwoner');
  const rij = await db
    .insertInto('aanvraag')
    .values({
      gemeente,
      inwonerId: a.inwonerId,
      soort: a.soort,
      voorziening: a.voorziening,
      ontvangenOp: a.ontvangenOp,
      gegevens: JSON.stringify(a.gegevens),
      aangemaaktDoor: actor.gebruikerId,
    })
    .returning(VELDEN)
    .executeTakeFirstOrThrow();
  await log(db, actor, gemeente, 'aanvraag-registreren', 'aanvraag', rij.id);
  return gelukt(metTermijn(rij));
}

export async function zoekAanvragen(
  db: Db,
  actor: Actor,
  gemeente: string,
  filter: { inwonerId?: string | undefined; status?: string | undefined; limiet: number; vanaf: number },
): Promise<Uitslag<{ totaal: number; items: Aanvraag[] }>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  if (filter.inwonerId !== undefined && !z.uuid().safeParse(filter.inwonerId).success)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldig filter',
      velden: [{ pad: 'inwonerId', bericht: 'geen uuid' }],
    });
  let q = db.selectFrom('aanvraag').where('gemeente', '=', gemeente);
  if (filter.inwonerId) q = q.where('inwonerId', '=', filter.inwonerId);
  if (filter.status) q = q.where('status', '=', filter.status);
  const { totaal } = await q.select((eb) => eb.fn.countAll<number>().as('totaal')).executeTakeFirstOrThrow();
  const rijen = await q
    .select(VELDEN)
    .orderBy('ontvangenOp', 'desc')
    .orderBy('aangemaaktOp', 'desc')
    .limit(filter.limiet)
    .offset(filter.vanaf)
    .execute();
  await logLijst(
    db,
    actor,
    gemeente,
    'aanvraag',
    rijen.map((r) => ({ betrokkene: r.inwonerId, objectId: r.id })),
  );
  return gelukt({ totaal: Number(totaal), items: rijen.map(metTermijn) });
}

export async function leesAanvraag(
  db: Db,
  actor: Actor,
  gemeente: string,
  id: string,
): Promise<Uitslag<Aanvraag & { beschikkingen: { id: string; soort: string; besluitdatum: string }[] }>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  if (!z.uuid().safeParse(id).success) return nietGevonden('aanvraag');
  const rij = await db
    .selectFrom('aanvraag')
    .select(VELDEN)
    .where('gemeente', '=', gemeente)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!rij) return nietGevonden('aanvraag');
  const beschikkingen = await db
    .selectFrom('beschikking')
    .select(['id', 'soort', 'besluitdatum'])
    .where('gemeente', '=', gemeente)
    .where('aanvraagId', '=', id)
    .orderBy('besluitdatum')
    .orderBy('aangemaaktOp')
    .execute();
  await log(db, actor, gemeente, 'lezen', 'aanvraag', id, rij.inwonerId);
  return gelukt({ ...metTermijn(rij), beschikkingen });
}

/**
 * Withdraws an open aanvraag (the person withdraws the request, or the college stops an ambtshalve
 * procedure). Needs the version the caller read (If-Match); a decided aanvraag cannot be withdrawn.
 */
export async function trekAanvraagIn(
  db: Db,
  actor: Actor,
  gemeente: string,
  id: string,
  verwachteVersie: number,
): Promise<Uitslag<Aanvraag>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  if (!z.uuid().safeParse(id).success) return nietGevonden('aanvraag');
  return inTransactie(db, async (trx) => {
    const nu = await trx
      .selectFrom('aanvraag')
      .select(VELDEN)
      .where('gemeente', '=', gemeente)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!nu) return nietGevonden('aanvraag');
    if (nu.versie !== verwachteVersie)
      return mislukt({
        code: 'versie',
        bericht: 'de aanvraag is gewijzigd sinds u haar las',
        huidig: nu.versie,
      });
    if (nu.status !== 'open') return mislukt({ code: 'conflict', bericht: nietOpen(nu.status) });
    const rij = await trx
      .updateTable('aanvraag')
      .set((eb) => ({ status: 'ingetrokken', versie: eb('versie', '+', 1) }))
      .where('id', '=', id)
      .returning(VELDEN)
      .executeTakeFirstOrThrow();
    await log(trx, actor, gemeente, 'aanvraag-intrekken', 'aanvraag', id);
    return gelukt(metTermijn(rij));
  });
}
