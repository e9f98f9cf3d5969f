import { sql } from 'kysely';
import { z } from 'zod';
import { veldFouten } from '../casus/index.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import { inTransactie } from '../opslag/transactie.ts';
import type { Bibliotheek } from '../regelgeving/index.ts';
import { log, logLijst } from './audit.ts';
import { type Fout, gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { type Actor, BELEID, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

/**
 * Beschut werk (art. 10b Participatiewet): the college plans a number of places per year, people
 * with an indication wait in order of the indication date (e.g. Zevenaar art. 10 lid 2) and no one
 * is placed beyond the planned number (Zevenaar art. 10 lid 5). Which article says so comes from the
 * gemeente's own ordinance (beschutWerkGrondslagen).
 *
 * A plan counts places as a stock: a person placed in year G occupies a place in the plan of G and of
 * every later year until the place frees in year F; from F on it is free again. `bezet` of each plan
 * row keeps that count, so a placement is one conditional UPDATE per plan row, as for budgets.
 */

/**
 * Locks every plan row of a gemeente, in year order as placements take them, so a count read after it
 * cannot miss a placement or a freed place that is being written at the same time.
 */
async function vergrendelPlannen(trx: Db, gemeente: string): Promise<void> {
  await trx
    .selectFrom('beschutWerkPlan')
    .select('jaar')
    .where('gemeente', '=', gemeente)
    .orderBy('jaar')
    .forUpdate()
    .execute();
}

const datum = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });
const jaarVan = (d: string) => Number(d.slice(0, 4));

/** The articles behind the plan and the order of the waiting list, as a gemeente's ordinance gives them. */
export interface BeschutWerkGrondslagen {
  readonly plan: string;
  readonly volgorde: string;
}

const artikelNaam = (p: { artikel: string; lid?: number | string | undefined }) =>
  `artikel ${p.artikel}${p.lid !== undefined ? ` lid ${p.lid}` : ''}`;

/**
 * Reads the grounds from the gemeente's ordinance in force on the date (`wachtlijst` on its
 * beschut-werk voorziening). Where the ordinance sets no order, the list still follows the
 * indication date, and says that this is the college's practice, not a rule of the ordinance.
 */
export function beschutWerkGrondslagen(
  bibliotheek: Bibliotheek,
  gemeente: string,
  datum: string,
): BeschutWerkGrondslagen {
  for (const id of bibliotheek.regelingenVan(gemeente)) {
    const r = bibliotheek.inWerking(id, datum);
    const w = r?.voorzieningen?.['beschut-werk']?.wachtlijst;
    if (!r || !w) continue;
    return {
      plan: `artikel 10b Participatiewet${w.raming ? `; ${r.citeertitel} ${artikelNaam(w.raming)}` : ''}`,
      volgorde: `${r.citeertitel} ${artikelNaam(w)} (volgorde van de datum van de indicatie)`,
    };
  }
  return {
    plan: 'artikel 10b Participatiewet',
    volgorde:
      'volgorde van de datum van de indicatie (werkwijze van het college; de verordening regelt de volgorde niet)',
  };
}

export interface BeschutWerkPlan {
  readonly gemeente: string;
  readonly jaar: number;
  readonly plaatsen: number;
  readonly bezet: number;
  readonly vrij: number;
}

export interface Indicatie {
  readonly id: string;
  readonly gemeente: string;
  readonly inwonerId: string;
  readonly indicatiedatum: string;
  readonly status: 'wachtend' | 'geplaatst' | 'vrijgekomen';
  readonly geplaatstOp: string | null;
  readonly plaatsingsjaar: number | null;
  readonly vrijgekomenOp: string | null;
  readonly vrijgavereden: string | null;
  readonly versie: number;
}

export interface Wachtende {
  readonly positie: number;
  readonly indicatieId: string;
  readonly inwonerId: string;
  readonly naam: string;
  readonly indicatiedatum: string;
}

/** Thrown inside a transaction to roll it back; turned into a value at the transaction's edge. */
class Terugdraaien extends Error {
  constructor(readonly fout: Fout) {
    super(fout.bericht);
  }
}
async function uitslagInTransactie<T>(db: Db, werk: (trx: Db) => Promise<Uitslag<T>>): Promise<Uitslag<T>> {
  try {
    return await inTransactie(db, werk);
  } catch (e) {
    if (e instanceof Terugdraaien) return mislukt(e.fout);
    throw e;
  }
}

const naarPlan = (p: { gemeente: string; jaar: number; plaatsen: number; bezet: number }) => ({
  gemeente: p.gemeente,
  jaar: p.jaar,
  plaatsen: p.plaatsen,
  bezet: p.bezet,
  vrij: p.plaatsen - p.bezet,
});

const INDICATIE_VELDEN = [
  'id',
  'gemeente',
  'inwonerId',
  'indicatiedatum',
  'status',
  'geplaatstOp',
  'plaatsingsjaar',
  'vrijgekomenOp',
  'vrijgavereden',
  'versie',
] as const;

const planSchema = z.strictObject({ plaatsen: z.number().int().min(0).max(100_000) });

/** Sets the planned number of places for a year; never below the places already taken. */
export async function stelPlanVast(
  db: Db,
  actor: Actor,
  gemeente: string,
  jaar: number,
  invoer: unknown,
): Promise<Uitslag<BeschutWerkPlan>> {
  const rol = vereisRol(actor, gemeente, BELEID);
  if (!rol.ok) return rol;
  if (!Number.isInteger(jaar) || jaar < 2015 || jaar > 2100)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldig jaar',
      velden: [{ pad: 'jaar', bericht: '2015–2100' }],
    });
  const p = planSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldig plan', velden: veldFouten(p.error.issues) });
  const { plaatsen } = p.data;
  return uitslagInTransactie(db, async (trx) => {
    await vergrendelPlannen(trx, gemeente);
    const bestaand = await trx
      .selectFrom('beschutWerkPlan')
      .selectAll()
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', jaar)
      .executeTakeFirst();
    // A new year starts with the people still placed from earlier years: places are a stock.
    const bezet = bestaand
      ? bestaand.bezet
      : Number(
          (
            await trx
              .selectFrom('beschutWerkIndicatie')
              .select((eb) => eb.fn.countAll<number>().as('aantal'))
              .where('gemeente', '=', gemeente)
              .where('plaatsingsjaar', '<=', jaar)
              .where((eb) =>
                eb.or([
                  eb('status', '=', 'geplaatst'),
                  eb.and([eb('status', '=', 'vrijgekomen'), eb('vrijgekomenOp', '>=', `${jaar + 1}-01-01`)]),
                ]),
              )
              .executeTakeFirstOrThrow()
          ).aantal,
        );
    if (bezet > plaatsen)
      return mislukt({
        code: 'conflict',
        bericht: `er zijn in ${jaar} al ${bezet} plaatsen bezet; het plan kan niet lager dan dat`,
      });
    const rij = bestaand
      ? await trx
          .updateTable('beschutWerkPlan')
          .set({ plaatsen })
          .where('gemeente', '=', gemeente)
          .where('jaar', '=', jaar)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('beschutWerkPlan')
          .values({ gemeente, jaar, plaatsen, bezet })
          .onConflict((oc) => oc.columns(['gemeente', 'jaar']).doNothing())
          .returningAll()
          .executeTakeFirst();
    if (!rij)
      return mislukt({
        code: 'conflict',
        bericht: `het plan voor ${jaar} werd tegelijk vastgesteld; probeer opnieuw`,
      });
    await log(trx, actor, gemeente, 'beschut-werk-plan-vaststellen', 'beschut-werk-plan', String(jaar));
    return gelukt(naarPlan(rij));
  });
}

export async function leesPlan(
  db: Db,
  actor: Actor,
  gemeente: string,
  jaar: number,
): Promise<Uitslag<BeschutWerkPlan>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const rij = await db
    .selectFrom('beschutWerkPlan')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .executeTakeFirst();
  if (!rij) return nietGevonden(`plan beschut werk ${jaar}`);
  return gelukt(naarPlan(rij));
}

const indicatieSchema = z.strictObject({
  inwonerId: z.uuid(),
  /** The date the college established, on UWV's advice, that the person belongs to the target group. */
  indicatiedatum: datum,
});

export async function registreerIndicatie(
  db: Db,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
): Promise<Uitslag<Indicatie & { positie: number }>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = indicatieSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldige indicatie', velden: veldFouten(p.error.issues) });
  const inwoner = await db
    .selectFrom('inwoner')
    .select('id')
    .where('gemeente', '=', gemeente)
    .where('id', '=', p.data.inwonerId)
    .executeTakeFirst();
  if (!inwoner) return nietGevonden('inwoner');
  return uitslagInTransactie(db, async (trx) => {
    const rij = await trx
      .insertInto('beschutWerkIndicatie')
      .values({
        gemeente,
        inwonerId: p.data.inwonerId,
        indicatiedatum: p.data.indicatiedatum,
        geplaatstOp: null,
        vrijgekomenOp: null,
        geregistreerdDoor: actor.gebruikerId,
        plaatsingsjaar: null,
        vrijgavereden: null,
      })
      .onConflict((oc) =>
        oc.columns(['gemeente', 'inwonerId']).where('status', 'in', ['wachtend', 'geplaatst']).doNothing(),
      )
      .returning(INDICATIE_VELDEN)
      .executeTakeFirst();
    if (!rij)
      return mislukt({
        code: 'conflict',
        bericht: 'deze inwoner heeft al een lopende indicatie beschut werk (wachtend of geplaatst)',
      });
    await log(trx, actor, gemeente, 'beschut-werk-indicatie-registreren', 'beschut-werk-indicatie', rij.id);
    const positie = (await wachtenden(trx, gemeente)).findIndex((w) => w.indicatieId === rij.id) + 1;
    return gelukt({ ...rij, positie });
  });
}

async function wachtenden(db: Db, gemeente: string, limiet?: number): Promise<Wachtende[]> {
  let q = db
    .selectFrom('beschutWerkIndicatie as i')
    .innerJoin('inwoner', 'inwoner.id', 'i.inwonerId')
    .select(['i.id', 'i.inwonerId', 'inwoner.naam', 'i.indicatiedatum'])
    .where('i.gemeente', '=', gemeente)
    .where('i.status', '=', 'wachtend')
    .orderBy('i.indicatiedatum')
    .orderBy('i.volgnummer');
  if (limiet !== undefined) q = q.limit(limiet);
  const rijen = await q.execute();
  return rijen.map((r, i) => ({
    positie: i + 1,
    indicatieId: r.id,
    inwonerId: r.inwonerId,
    naam: r.naam,
    indicatiedatum: r.indicatiedatum,
  }));
}

/** The waiting list in order of indication date, ties by registration. */
export async function wachtlijst(
  db: Db,
  actor: Actor,
  gemeente: string,
  grondslagen: BeschutWerkGrondslagen,
): Promise<Uitslag<{ grondslag: string; wachtenden: Wachtende[] }>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const lijst = await wachtenden(db, gemeente);
  await logLijst(
    db,
    actor,
    gemeente,
    'beschut-werk-wachtlijst',
    lijst.map((w) => ({ betrokkene: w.inwonerId, objectId: w.indicatieId })),
  );
  return gelukt({ grondslag: grondslagen.volgorde, wachtenden: lijst });
}

const plaatsingSchema = z.strictObject({ indicatieId: z.uuid(), geplaatstOp: datum.optional() });

/**
 * Places the first person on the waiting list. The plan rows from the placement year on are taken
 * with conditional UPDATEs in year order: a row only changes while a place is free, and the row
 * lock it takes makes concurrent placements wait their turn, so the waiting-list check after it
 * sees every placement committed before. Anyone but the first in line is refused.
 */
export async function plaats(
  db: Db,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
  vandaag: string,
  grondslagen: BeschutWerkGrondslagen,
): Promise<Uitslag<{ indicatie: Indicatie; plan: BeschutWerkPlan }>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = plaatsingSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldige plaatsing', velden: veldFouten(p.error.issues) });
  const { indicatieId } = p.data;
  const geplaatstOp = p.data.geplaatstOp ?? vandaag;
  const jaar = jaarVan(geplaatstOp);
  const indicatie = await db
    .selectFrom('beschutWerkIndicatie')
    .select(INDICATIE_VELDEN)
    .where('gemeente', '=', gemeente)
    .where('id', '=', indicatieId)
    .executeTakeFirst();
  if (!indicatie) return nietGevonden('indicatie');
  if (indicatie.status !== 'wachtend')
    return mislukt({ code: 'conflict', bericht: `deze indicatie is al ${indicatie.status}` });
  if (geplaatstOp < indicatie.indicatiedatum)
    return mislukt({
      code: 'ongeldig',
      bericht: 'plaatsing vóór de indicatiedatum',
      velden: [{ pad: 'geplaatstOp', bericht: `niet vóór ${indicatie.indicatiedatum}` }],
    });

  return uitslagInTransactie(db, async (trx) => {
    const plan = await trx
      .updateTable('beschutWerkPlan')
      .set({ bezet: sql`bezet + 1` })
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', jaar)
      .where(sql<boolean>`bezet < plaatsen`)
      .returningAll()
      .executeTakeFirst();
    if (!plan) {
      const bestaand = await trx
        .selectFrom('beschutWerkPlan')
        .selectAll()
        .where('gemeente', '=', gemeente)
        .where('jaar', '=', jaar)
        .executeTakeFirst();
      return mislukt({
        code: 'niet-toegestaan',
        bericht: bestaand
          ? `alle ${bestaand.plaatsen} geraamde plaatsen beschut werk voor ${jaar} zijn bezet; geen plaatsing boven het geraamde aantal (${grondslagen.plan})`
          : `er is geen plan beschut werk voor ${jaar}; zonder geraamd aantal geen plaatsing (${grondslagen.plan})`,
        details: { jaar, grondslag: grondslagen.plan, plan: bestaand ? naarPlan(bestaand) : null },
      });
    }
    // The person keeps the place in later years too: each later plan must have room as well.
    const later = await trx
      .selectFrom('beschutWerkPlan')
      .select('jaar')
      .where('gemeente', '=', gemeente)
      .where('jaar', '>', jaar)
      .orderBy('jaar')
      .execute();
    for (const { jaar: j } of later) {
      const ok = await trx
        .updateTable('beschutWerkPlan')
        .set({ bezet: sql`bezet + 1` })
        .where('gemeente', '=', gemeente)
        .where('jaar', '=', j)
        .where(sql<boolean>`bezet < plaatsen`)
        .returning('jaar')
        .executeTakeFirst();
      if (!ok)
        throw new Terugdraaien({
          code: 'niet-toegestaan',
          bericht: `het plan beschut werk voor ${j} is al vol; deze plaatsing zou daar boven het geraamde aantal komen (${grondslagen.plan})`,
          details: { jaar: j, grondslag: grondslagen.plan },
        });
    }
    const [eerste] = await wachtenden(trx, gemeente, 1);
    if (eerste?.indicatieId !== indicatieId)
      throw new Terugdraaien({
        code: 'conflict',
        bericht: `alleen de eerste op de wachtlijst kan worden geplaatst (${grondslagen.volgorde})`,
      });
    const geplaatst = await trx
      .updateTable('beschutWerkIndicatie')
      .set((eb) => ({ status: 'geplaatst', geplaatstOp, plaatsingsjaar: jaar, versie: eb('versie', '+', 1) }))
      .where('gemeente', '=', gemeente)
      .where('id', '=', indicatieId)
      .where('status', '=', 'wachtend')
      .returning(INDICATIE_VELDEN)
      .executeTakeFirst();
    if (!geplaatst)
      throw new Terugdraaien({ code: 'conflict', bericht: 'deze indicatie is intussen geplaatst' });
    await log(trx, actor, gemeente, 'beschut-werk-plaatsen', 'beschut-werk-indicatie', indicatieId);
    return gelukt({ indicatie: geplaatst, plan: naarPlan(plan) });
  });
}

const vrijgaveSchema = z.strictObject({
  vrijgekomenOp: datum.optional(),
  reden: z.string().trim().min(3).max(1000),
});

/** Frees a place and proposes the next in line; the proposal is recorded, not yet a placement. */
export async function geefPlaatsVrij(
  db: Db,
  actor: Actor,
  gemeente: string,
  indicatieId: string,
  invoer: unknown,
  vandaag: string,
  grondslagen: BeschutWerkGrondslagen,
): Promise<
  Uitslag<{
    vrijgekomen: Indicatie;
    plan: BeschutWerkPlan | null;
    voorstel: (Wachtende & { grondslag: string }) | null;
  }>
> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = vrijgaveSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldige vrijgave', velden: veldFouten(p.error.issues) });
  if (!z.uuid().safeParse(indicatieId).success) return nietGevonden('indicatie');
  const vrijgekomenOp = p.data.vrijgekomenOp ?? vandaag;
  const jaar = jaarVan(vrijgekomenOp);
  return uitslagInTransactie(db, async (trx) => {
    await vergrendelPlannen(trx, gemeente);
    const oud = await trx
      .selectFrom('beschutWerkIndicatie')
      .select(INDICATIE_VELDEN)
      .where('gemeente', '=', gemeente)
      .where('id', '=', indicatieId)
      .executeTakeFirst();
    if (!oud) return nietGevonden('indicatie');
    if (oud.status !== 'geplaatst')
      return mislukt({ code: 'conflict', bericht: `deze indicatie is ${oud.status}, niet geplaatst` });
    if (oud.geplaatstOp && vrijgekomenOp < oud.geplaatstOp)
      return mislukt({
        code: 'ongeldig',
        bericht: 'vrijgave vóór de plaatsing',
        velden: [{ pad: 'vrijgekomenOp', bericht: `niet vóór ${oud.geplaatstOp}` }],
      });
    const vrijgekomen = await trx
      .updateTable('beschutWerkIndicatie')
      .set((eb) => ({
        status: 'vrijgekomen',
        vrijgekomenOp,
        vrijgavereden: p.data.reden,
        versie: eb('versie', '+', 1),
      }))
      .where('gemeente', '=', gemeente)
      .where('id', '=', indicatieId)
      .where('status', '=', 'geplaatst')
      .returning(INDICATIE_VELDEN)
      .executeTakeFirst();
    if (!vrijgekomen)
      throw new Terugdraaien({ code: 'conflict', bericht: 'deze plaats is intussen vrijgegeven' });
    await trx
      .updateTable('beschutWerkPlan')
      .set({ bezet: sql`bezet - 1` })
      .where('gemeente', '=', gemeente)
      .where('jaar', '>=', Math.max(jaar, oud.plaatsingsjaar ?? jaar))
      .where('bezet', '>', 0)
      .execute();
    const plan = await trx
      .selectFrom('beschutWerkPlan')
      .selectAll()
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', jaar)
      .executeTakeFirst();
    await log(trx, actor, gemeente, 'beschut-werk-vrijgeven', 'beschut-werk-indicatie', indicatieId);
    const [eerste] = await wachtenden(trx, gemeente, 1);
    if (eerste)
      await log(trx, actor, gemeente, 'beschut-werk-voorstel', 'beschut-werk-indicatie', eerste.indicatieId);
    return gelukt({
      vrijgekomen,
      plan: plan ? naarPlan(plan) : null,
      voorstel: eerste ? { ...eerste, grondslag: grondslagen.volgorde } : null,
    });
  });
}
