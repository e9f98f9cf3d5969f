import { z } from 'zod';
import { aanvraagSchema, veldFouten } from '../casus/index.ts';
import { isGeldigeDatum, plusDagen, verlengdeEinddatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import { VOORZIENINGEN } from '../regelgeving/index.ts';
import { log } from './audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

const datum = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });

export const aanvraagInvoerSchema = z
  .strictObject({
    inwonerId: z.uuid(),
    /** On request of the person, or started by the college itself (ambtshalve). */
    soort: z.enum(['aanvraag', 'ambtshalve']),
    voorziening: z.enum(VOORZIENINGEN),
    ontvangenOp: datum,
    /** The request part of the case contract, as `reintegratie evaluate` takes it. */
    gegevens: aanvraagSchema,
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

export async function registreerAanvraag(
  db: Db,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
): Promise<Uitslag<Aanvraag>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = aanvraagInvoerSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldige aanvraag', velden: veldFouten(p.error.issues) });
  const a = p.data;
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
  await log(db, actor, gemeente, 'lijst-lezen', 'aanvraag', filter.inwonerId ?? null);
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
  await log(db, actor, gemeente, 'lezen', 'aanvraag', id);
  return gelukt({ ...metTermijn(rij), beschikkingen });
}
