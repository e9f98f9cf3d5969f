import { sql } from 'kysely';
import { z } from 'zod';
import { veldFouten } from '../casus/index.ts';
import type { Db } from '../opslag/database.ts';
import { inTransactie } from '../opslag/transactie.ts';
import { VOORZIENING_ID } from '../casus/vocabulaire.ts';
import { type Bibliotheek, VOORZIENINGEN, vocabulaireVoorGemeente } from '../regelgeving/index.ts';
import { bedragTekst } from '../taal/index.ts';
import { log } from './audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { type Actor, BELEID, LEZERS, vereisRol } from './toegang.ts';

export interface Plafond {
  readonly artikel: string;
  readonly regeling: string;
  readonly uitleg: string;
}

/** A grant to book: which budget, how much. */
export interface Boeking {
  readonly gemeente: string;
  readonly jaar: number;
  readonly voorziening: string;
  readonly bedragCent: number;
}

/**
 * Books one grant against its budget. No budget row means no ceiling was set.
 * Must run inside a transaction (it locks the budget row until commit).
 */
export async function boekToekenning(
  db: Db,
  gemeente: string,
  jaar: number,
  voorziening: string,
  bedragCent: number,
): Promise<Geboekt> {
  const [uit] = await boekToekenningen(db, [{ gemeente, jaar, voorziening, bedragCent }]);
  return uit!;
}

/** A booking's outcome: counted against the budget row (`geboekt`; false when no ceiling was set), or over a ceiling. */
export type Geboekt = { ok: true; geboekt: boolean } | { ok: false; plafond: Plafond };

/**
 * Books grants in order against their budgets, inside the caller's transaction. Each budget row is
 * locked (in key order, so concurrent batches cannot deadlock) and read once; the grants that still
 * fit the amount and participant ceilings are booked with one UPDATE per budget, the rest get the
 * ceiling as ground. Concurrent writers wait for the lock, so a ceiling is never overrun; the CHECK
 * constraint on the table is the second line.
 */
export async function boekToekenningen(db: Db, boekingen: readonly Boeking[]): Promise<Geboekt[]> {
  const sleutel = (b: Omit<Boeking, 'bedragCent'>) => `${b.gemeente}\u0000${b.jaar}\u0000${b.voorziening}`;
  const stand = new Map<
    string,
    {
      besteed: number;
      deelnemers: number;
      plafondCent: number;
      deelnemersplafond: number | null;
      artikel: string;
      erbij: number;
      nieuw: number;
    }
  >();
  const sleutels = [...new Map(boekingen.map((b) => [sleutel(b), b])).entries()].sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  for (const [k, b] of sleutels) {
    const rij = await db
      .selectFrom('budget')
      .selectAll()
      .where('gemeente', '=', b.gemeente)
      .where('jaar', '=', b.jaar)
      .where('voorziening', '=', b.voorziening)
      .forUpdate()
      .executeTakeFirst();
    if (rij)
      stand.set(k, {
        besteed: Number(rij.besteedCent),
        deelnemers: rij.deelnemers,
        plafondCent: Number(rij.plafondCent),
        deelnemersplafond: rij.deelnemersplafond,
        artikel: rij.artikel,
        erbij: 0,
        nieuw: 0,
      });
  }
  const uit = boekingen.map((b): Geboekt => {
    const s = stand.get(sleutel(b));
    if (!s) return { ok: true, geboekt: false };
    const over = s.deelnemersplafond !== null && s.deelnemers >= s.deelnemersplafond;
    if (!over && s.besteed + b.bedragCent <= s.plafondCent) {
      s.besteed += b.bedragCent;
      s.deelnemers++;
      s.erbij += b.bedragCent;
      s.nieuw++;
      return { ok: true, geboekt: true };
    }
    return {
      ok: false,
      plafond: {
        artikel: s.artikel,
        regeling: `${b.gemeente}`,
        uitleg: over
          ? `Het college heeft voor ${b.jaar} een plafond van ${s.deelnemersplafond} deelnemers voor deze voorziening vastgesteld, en dat is bereikt (artikel ${s.artikel}).`
          : `Het budgetplafond voor deze voorziening in ${b.jaar} is ${bedragTekst(s.plafondCent)}; er is nog ${bedragTekst(s.plafondCent - s.besteed)} over, te weinig voor ${bedragTekst(b.bedragCent)} (artikel ${s.artikel}).`,
      },
    };
  });
  for (const [k, b] of sleutels) {
    const s = stand.get(k);
    if (!s || s.nieuw === 0) continue;
    await db
      .updateTable('budget')
      .set({ besteedCent: sql`besteed_cent + ${s.erbij}`, deelnemers: sql`deelnemers + ${s.nieuw}` })
      .where('gemeente', '=', b.gemeente)
      .where('jaar', '=', b.jaar)
      .where('voorziening', '=', b.voorziening)
      .execute();
  }
  return uit;
}

/**
 * A group's grants on one budget booked at once, as common table expressions for the statement that
 * writes them (`schrijfBeschikkingen`), so the booking costs no round trip of its own. The row is
 * raised by the group's total only when the whole group fits both ceilings; the UPDATE checks that on
 * the row's latest committed version and locks it, so concurrent writers still queue on the row.
 * When all fit, booking one by one in order would book every one of them, so the outcome is the same.
 * Defines `boeking(ok, geboekt)`: `ok` false means the row exists and the group does not fit (nothing
 * was booked: the caller books one by one with `boekToekenningen`); `geboekt` whether there is a
 * budget row to count against (none: no ceiling set).
 */
export function boekGroepCtes(budget: Omit<Boeking, 'bedragCent'>, erbij: number, nieuw: number) {
  const rij = sql`gemeente = ${budget.gemeente} and jaar = ${budget.jaar} and voorziening = ${budget.voorziening}`;
  return sql`opgehoogd as (
      update budget set besteed_cent = besteed_cent + ${erbij}, deelnemers = deelnemers + ${nieuw}
      where ${rij} and besteed_cent + ${erbij} <= plafond_cent
        and (deelnemersplafond is null or deelnemers + ${nieuw} <= deelnemersplafond)
      returning 1),
    begroot as (select 1 from budget where ${rij}),
    boeking as (select exists (select 1 from opgehoogd) or not exists (select 1 from begroot) as ok,
      exists (select 1 from begroot) as geboekt)`;
}

/** Frees a participant place when a voorziening ends (only for a grant that took one: see `boekingVan`). */
export async function geefDeelnemerVrij(
  db: Db,
  gemeente: string,
  jaar: number,
  voorziening: string,
): Promise<void> {
  await db
    .updateTable('budget')
    .set({ deelnemers: sql`greatest(deelnemers - 1, 0)` })
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .where('voorziening', '=', voorziening)
    .execute();
}

/** The booking of a grant: its budget year and amount, and whether it counted against the budget row. */
export async function boekingVan(
  db: Db,
  gemeente: string,
  beschikkingId: string,
): Promise<{ jaar: number; voorziening: string; bedragCent: number; geboekt: boolean } | undefined> {
  const m = await db
    .selectFrom('budgetmutatie')
    .select(['id', 'jaar', 'voorziening', 'bedragCent', 'geboekt'])
    .where('gemeente', '=', gemeente)
    .where('beschikkingId', '=', beschikkingId)
    .where('soort', '=', 'toekenning')
    .executeTakeFirst();
  if (!m) return undefined;
  let geboekt = m.geboekt;
  if (geboekt === null) {
    // Written before bookings recorded this: it counted if the budget had been set before it.
    const vastgesteld = await db
      .selectFrom('budgetmutatie')
      .select('id')
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', m.jaar)
      .where('voorziening', '=', m.voorziening)
      .where('soort', '=', 'vaststelling')
      .where('id', '<', m.id)
      .executeTakeFirst();
    geboekt = vastgesteld !== undefined;
  }
  return { jaar: m.jaar, voorziening: m.voorziening, bedragCent: Number(m.bedragCent), geboekt };
}

/**
 * Gives part of a grant's booking back to its budget, inside the caller's transaction: lowers what
 * is spent (only if the grant counted against the budget) and records a 'vrijval' mutation with the
 * amount negative, so per budget the counted mutations of grants and releases add up to what is spent.
 */
export async function geefBudgetVrij(
  db: Db,
  v: {
    gemeente: string;
    jaar: number;
    voorziening: string;
    bedragCent: number;
    geboekt: boolean;
    beschikkingId: string;
    besluit: string;
    door: string;
  },
): Promise<void> {
  if (v.bedragCent <= 0) return;
  const verlaagd = v.geboekt
    ? await db
        .updateTable('budget')
        .set({ besteedCent: sql`besteed_cent - ${v.bedragCent}` })
        .where('gemeente', '=', v.gemeente)
        .where('jaar', '=', v.jaar)
        .where('voorziening', '=', v.voorziening)
        .returning('besteedCent')
        .executeTakeFirst()
    : undefined;
  await db
    .insertInto('budgetmutatie')
    .values({
      gemeente: v.gemeente,
      jaar: v.jaar,
      voorziening: v.voorziening,
      soort: 'vrijval',
      bedragCent: -v.bedragCent,
      beschikkingId: v.beschikkingId,
      besluit: v.besluit,
      door: v.door,
      geboekt: verlaagd !== undefined,
    })
    .execute();
}

const budgetSchema = z.strictObject({
  plafondCent: z.number().int().min(0),
  deelnemersplafond: z.number().int().min(0).nullable().optional(),
  /** The article that allows the ceiling (Dinkelland art. 3). */
  artikel: z.string().min(1),
  besluit: z.string().trim().min(3),
});

/**
 * Whether a ceiling for `voorziening` has a ground: a national voorziening may get one (the gemeente's
 * budget decision names its article); a voorziening a regulation declares itself only where that
 * regulation has an article on budget ceilings (`soort: budget`), and the decision names that article.
 */
function plafondGrond(
  bibliotheek: Bibliotheek,
  gemeente: string,
  voorziening: string,
  artikel: string,
): Uitslag<null> {
  if ((VOORZIENINGEN as readonly string[]).includes(voorziening)) return gelukt(null);
  const eigen = vocabulaireVoorGemeente(bibliotheek, gemeente, []).voorzieningen.get(voorziening);
  if (!eigen?.regeling) return nietGevonden('voorziening');
  const nummers = [
    ...new Set(
      bibliotheek
        .versies(eigen.regeling)
        .filter((r) => r.status === 'vastgesteld')
        .flatMap((r) => r.artikelen.filter((a) => a.soort === 'budget').map((a) => a.nummer)),
    ),
  ];
  const veld = (bericht: string) =>
    mislukt({ code: 'ongeldig', bericht, velden: [{ pad: 'artikel', bericht }] });
  if (nummers.length === 0)
    return veld(
      `${voorziening} is een eigen voorziening van ${eigen.regeling}, en die regeling kent geen artikel over budgetplafonds (soort: budget): een plafond heeft geen grondslag`,
    );
  if (!nummers.includes(artikel.trim().split(/\s/)[0]!))
    return veld(
      `artikel '${artikel}' is geen artikel over budgetplafonds van ${eigen.regeling}; dat is artikel ${nummers.join(' of ')}`,
    );
  return gelukt(null);
}

export async function stelBudgetVast(
  db: Db,
  bibliotheek: Bibliotheek,
  actor: Actor,
  gemeente: string,
  jaar: number,
  voorziening: string,
  invoer: unknown,
) {
  const rol = vereisRol(actor, gemeente, BELEID);
  if (!rol.ok) return rol;
  if (!VOORZIENING_ID.test(voorziening)) return nietGevonden('voorziening');
  if (!Number.isInteger(jaar) || jaar < 2015 || jaar > 2100)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldig jaar' });
  const p = budgetSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldig budget', velden: veldFouten(p.error.issues) });
  const grond = plafondGrond(bibliotheek, gemeente, voorziening, p.data.artikel);
  if (!grond.ok) return grond;
  return inTransactie(db, async (trx) => {
    const bestaand = await trx
      .selectFrom('budget')
      .selectAll()
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', jaar)
      .where('voorziening', '=', voorziening)
      .forUpdate()
      .executeTakeFirst();
    if (bestaand && Number(bestaand.besteedCent) > p.data.plafondCent) {
      return mislukt({
        code: 'conflict',
        bericht: `er is al ${bedragTekst(Number(bestaand.besteedCent))} toegekend; het plafond kan niet lager`,
      });
    }
    const waarden = {
      plafondCent: p.data.plafondCent,
      deelnemersplafond: p.data.deelnemersplafond ?? null,
      artikel: p.data.artikel,
    };
    if (bestaand)
      await trx
        .updateTable('budget')
        .set(waarden)
        .where('gemeente', '=', gemeente)
        .where('jaar', '=', jaar)
        .where('voorziening', '=', voorziening)
        .execute();
    else
      await trx
        .insertInto('budget')
        .values({ gemeente, jaar, voorziening, ...waarden })
        .execute();
    await trx
      .insertInto('budgetmutatie')
      .values({
        gemeente,
        jaar,
        voorziening,
        soort: 'vaststelling',
        bedragCent: p.data.plafondCent,
        beschikkingId: null,
        besluit: p.data.besluit,
        door: actor.gebruikerId,
      })
      .execute();
    await log(trx, actor, gemeente, 'budget-vaststellen', 'budget', `${jaar}/${voorziening}`);
    return gelukt(await leesBudgetRij(trx, gemeente, jaar, voorziening));
  });
}

const overhevelingSchema = z.strictObject({
  // A budget that does not exist is refused below; one exists only where stelBudgetVast found a ground.
  van: z.string().regex(VOORZIENING_ID),
  naar: z.string().regex(VOORZIENING_ID),
  bedragCent: z.number().int().positive(),
  besluit: z.string().trim().min(3),
});

/** A transfer between budgets during the year (Dinkelland art. 3 lid 3) is itself a recorded decision. */
export async function hevelOver(db: Db, actor: Actor, gemeente: string, jaar: number, invoer: unknown) {
  const rol = vereisRol(actor, gemeente, BELEID);
  if (!rol.ok) return rol;
  const p = overhevelingSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldige overheveling',
      velden: veldFouten(p.error.issues),
    });
  const { van, naar, bedragCent, besluit } = p.data;
  if (van === naar) return mislukt({ code: 'ongeldig', bericht: 'van en naar zijn hetzelfde budget' });
  return inTransactie(db, async (trx) => {
    const verlaagd = await trx
      .updateTable('budget')
      .set({ plafondCent: sql`plafond_cent - ${bedragCent}` })
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', jaar)
      .where('voorziening', '=', van)
      .where(sql<boolean>`plafond_cent - ${bedragCent} >= besteed_cent`)
      .returning('plafondCent')
      .executeTakeFirst();
    if (!verlaagd)
      return mislukt({
        code: 'conflict',
        bericht: `het budget ${van} ${jaar} bestaat niet of heeft niet genoeg ruimte`,
      });
    const verhoogd = await trx
      .updateTable('budget')
      .set({ plafondCent: sql`plafond_cent + ${bedragCent}` })
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', jaar)
      .where('voorziening', '=', naar)
      .returning('plafondCent')
      .executeTakeFirst();
    if (!verhoogd) throw new TerugdraaiFout(`het budget ${naar} ${jaar} bestaat niet`);
    await trx
      .insertInto('budgetmutatie')
      .values([
        {
          gemeente,
          jaar,
          voorziening: van,
          soort: 'overheveling',
          bedragCent: -bedragCent,
          beschikkingId: null,
          besluit,
          door: actor.gebruikerId,
        },
        {
          gemeente,
          jaar,
          voorziening: naar,
          soort: 'overheveling',
          bedragCent,
          beschikkingId: null,
          besluit,
          door: actor.gebruikerId,
        },
      ])
      .execute();
    await log(trx, actor, gemeente, 'budget-overhevelen', 'budget', `${jaar}/${van}->${naar}`);
    return gelukt({
      van: await leesBudgetRij(trx, gemeente, jaar, van),
      naar: await leesBudgetRij(trx, gemeente, jaar, naar),
    });
  }).catch((e: unknown) => {
    if (e instanceof TerugdraaiFout) return mislukt({ code: 'conflict', bericht: e.message });
    throw e;
  });
}

/** Thrown inside a transaction to roll it back; caught at the transaction's edge and returned as a value. */
class TerugdraaiFout extends Error {}

async function leesBudgetRij(db: Db, gemeente: string, jaar: number, voorziening: string) {
  const b = await db
    .selectFrom('budget')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .where('voorziening', '=', voorziening)
    .executeTakeFirstOrThrow();
  return {
    ...b,
    plafondCent: Number(b.plafondCent),
    besteedCent: Number(b.besteedCent),
    resterendCent: Number(b.plafondCent) - Number(b.besteedCent),
  };
}

export async function budgetten(db: Db, actor: Actor, gemeente: string, jaar: number) {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const rijen = await db
    .selectFrom('budget')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .orderBy('voorziening')
    .execute();
  return gelukt(
    rijen.map((b) => ({
      ...b,
      plafondCent: Number(b.plafondCent),
      besteedCent: Number(b.besteedCent),
      resterendCent: Number(b.plafondCent) - Number(b.besteedCent),
    })),
  );
}

export type { Uitslag };
