import { z } from 'zod';
import { casusSchemasVoor, LANDELIJK_VOCABULAIRE, type Vocabulaire, veldFouten } from '../casus/index.ts';
import { type BsnKluis, isGeldigBsn, maskeerBsn } from '../beveiliging/bsn.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import { log, logLijst } from './audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

export interface InwonerOverzicht {
  readonly id: string;
  readonly gemeente: string;
  readonly naam: string;
  readonly bsn: string;
  readonly geboortedatum: string | null;
  readonly casemanagerId: string | null;
  readonly versie: number;
}

export const nieuweInwonerSchema = z.strictObject({
  bsn: z.string().refine(isGeldigBsn, { message: 'geen geldig BSN (9 cijfers, elfproef)' }),
  naam: z.string().trim().min(1).max(200),
  geboortedatum: z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' }).optional(),
  casemanagerId: z.uuid().optional(),
});

export async function registreerInwoner(
  db: Db,
  kluis: BsnKluis,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
): Promise<Uitslag<InwonerOverzicht>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = nieuweInwonerSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldige inwoner', velden: veldFouten(p.error.issues) });
  const { bsn, naam, geboortedatum, casemanagerId } = p.data;
  const bsnHash = kluis.zoeksleutel(bsn);
  const bestaand = await db
    .selectFrom('inwoner')
    .select('id')
    .where('gemeente', '=', gemeente)
    .where('bsnHash', '=', bsnHash)
    .executeTakeFirst();
  if (bestaand)
    return mislukt({ code: 'conflict', bericht: 'deze inwoner staat al geregistreerd in deze gemeente' });
  const rij = await db
    .insertInto('inwoner')
    .values({
      gemeente,
      bsnHash,
      bsnVersleuteld: kluis.versleutel(bsn),
      naam,
      geboortedatum: geboortedatum ?? null,
      casemanagerId: casemanagerId ?? actor.gebruikerId,
    })
    .returning(['id', 'gemeente', 'naam', 'geboortedatum', 'casemanagerId', 'versie'])
    .executeTakeFirstOrThrow();
  await log(db, actor, gemeente, 'registreren', 'inwoner', rij.id, rij.id);
  return gelukt({ ...rij, bsn: maskeerBsn(bsn) });
}

export async function zoekInwoners(
  db: Db,
  kluis: BsnKluis,
  actor: Actor,
  gemeente: string,
  filter: { bsn?: string | undefined; naam?: string | undefined; limiet?: number; vanaf?: number },
): Promise<Uitslag<{ items: InwonerOverzicht[]; totaal: number }>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  let q = db.selectFrom('inwoner').where('gemeente', '=', gemeente);
  if (filter.bsn) q = q.where('bsnHash', '=', kluis.zoeksleutel(filter.bsn));
  if (filter.naam) q = q.where('naam', 'ilike', `%${filter.naam.replace(/[%_\\]/g, '\\$&')}%`);
  const { totaal } = await q.select((eb) => eb.fn.countAll<number>().as('totaal')).executeTakeFirstOrThrow();
  const rijen = await q
    .select(['id', 'gemeente', 'naam', 'geboortedatum', 'casemanagerId', 'versie', 'bsnVersleuteld'])
    .orderBy('naam')
    .orderBy('id')
    .limit(Math.min(filter.limiet ?? 50, 500))
    .offset(filter.vanaf ?? 0)
    .execute();
  await logLijst(
    db,
    actor,
    gemeente,
    'inwoner',
    rijen.map((r) => ({ betrokkene: r.id, objectId: r.id })),
  );
  return gelukt({
    totaal: Number(totaal),
    items: rijen.map(({ bsnVersleuteld, ...r }) => ({
      ...r,
      bsn: maskeerBsn(kluis.ontsleutel(bsnVersleuteld)),
    })),
  });
}

export async function leesInwoner(
  db: Db,
  kluis: BsnKluis,
  actor: Actor,
  gemeente: string,
  id: string,
  opties: { volledigBsn?: boolean } = {},
): Promise<Uitslag<InwonerOverzicht>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  if (!z.uuid().safeParse(id).success) return nietGevonden('inwoner');
  const r = await db
    .selectFrom('inwoner')
    .select(['id', 'gemeente', 'naam', 'geboortedatum', 'casemanagerId', 'versie', 'bsnVersleuteld'])
    .where('gemeente', '=', gemeente)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return nietGevonden('inwoner');
  const bsn = kluis.ontsleutel(r.bsnVersleuteld);
  await log(db, actor, gemeente, opties.volledigBsn ? 'lezen-met-bsn' : 'lezen', 'inwoner', id, id);
  const { bsnVersleuteld: _, ...rest } = r;
  return gelukt({ ...rest, bsn: opties.volledigBsn ? bsn : maskeerBsn(bsn) });
}

const feitInvoerSchema = z.strictObject({
  naam: z.string(),
  waarde: z.unknown(),
  geldigVanaf: z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' }),
  bron: z.string().trim().min(2).max(200),
});

/** Records a fact from a date; earlier values stay, so an evaluation on an earlier date sees the facts as they were. */
export async function legFeitVast(
  db: Db,
  actor: Actor,
  gemeente: string,
  inwonerId: string,
  invoer: unknown,
  /** The gemeente's vocabulary: a fact its regulations declare can be recorded too. */
  vocabulaire: Vocabulaire = LANDELIJK_VOCABULAIRE,
): Promise<Uitslag<{ id: number }>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = feitInvoerSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldig feit', velden: veldFouten(p.error.issues) });
  const def = vocabulaire.feiten.get(p.data.naam);
  if (!def || def.bron !== 'feiten' || p.data.naam === 'geboortedatum') {
    return mislukt({
      code: 'ongeldig',
      bericht: `onbekend of niet vast te leggen feit '${p.data.naam}'`,
      velden: [{ pad: 'naam', bericht: 'zie docs/feiten.md (feiten over de persoon)' }],
    });
  }
  const veld = (casusSchemasVoor(vocabulaire).feiten.shape as Record<string, z.ZodType>)[p.data.naam]!;
  const w = veld.safeParse(p.data.waarde);
  if (!w.success || w.data === undefined) {
    return mislukt({
      code: 'ongeldig',
      bericht: `ongeldige waarde voor ${p.data.naam}`,
      velden: [
        {
          pad: 'waarde',
          bericht: w.success ? 'waarde ontbreekt' : (w.error.issues[0]?.message ?? 'ongeldig'),
        },
      ],
    });
  }
  const inwoner = await db
    .selectFrom('inwoner')
    .select('id')
    .where('gemeente', '=', gemeente)
    .where('id', '=', inwonerId)
    .executeTakeFirst();
  if (!inwoner) return nietGevonden('inwoner');
  const rij = await db
    .insertInto('feit')
    .values({
      gemeente,
      inwonerId,
      naam: p.data.naam,
      waarde: JSON.stringify(w.data),
      geldigVanaf: p.data.geldigVanaf,
      bron: p.data.bron,
      vastgelegdDoor: actor.gebruikerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await log(db, actor, gemeente, 'feit-vastleggen', 'inwoner', inwonerId, inwonerId);
  return gelukt({ id: Number(rij.id) });
}

/** The facts as they stood on a date: per fact the latest value whose geldigVanaf is on or before it. */
export async function feitenOp(
  db: Db,
  gemeente: string,
  inwonerId: string,
  peildatum: string,
): Promise<Record<string, unknown>> {
  const rijen = await db
    .selectFrom('feit')
    .select(['naam', 'waarde', 'geldigVanaf', 'id'])
    .where('gemeente', '=', gemeente)
    .where('inwonerId', '=', inwonerId)
    .where('geldigVanaf', '<=', peildatum)
    .orderBy('geldigVanaf')
    .orderBy('id')
    .execute();
  return feitenUit(rijen);
}

/** Folds fact rows, oldest first, into the facts in force: the last value wins, null retracts. */
export function feitenUit(rijen: readonly { naam: string; waarde: unknown }[]): Record<string, unknown> {
  const feiten: Record<string, unknown> = {};
  for (const r of rijen) feiten[r.naam] = r.waarde;
  for (const [k, v] of Object.entries(feiten)) if (v === null) delete feiten[k];
  return feiten;
}

export async function feitgeschiedenis(db: Db, actor: Actor, gemeente: string, inwonerId: string) {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const inwoner = await db
    .selectFrom('inwoner')
    .select('id')
    .where('gemeente', '=', gemeente)
    .where('id', '=', inwonerId)
    .executeTakeFirst();
  if (!inwoner) return nietGevonden('inwoner');
  const rijen = await db
    .selectFrom('feit')
    .select(['id', 'naam', 'waarde', 'geldigVanaf', 'bron', 'vastgelegdDoor', 'vastgelegdOp'])
    .where('gemeente', '=', gemeente)
    .where('inwonerId', '=', inwonerId)
    .orderBy('naam')
    .orderBy('geldigVanaf')
    .orderBy('id')
    .execute();
  await log(db, actor, gemeente, 'feiten-lezen', 'inwoner', inwonerId, inwonerId);
  return gelukt(rijen.map((r) => ({ ...r, id: Number(r.id) })));
}
