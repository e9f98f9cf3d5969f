import { sql } from 'kysely';
import { z } from 'zod';
import { veldFouten } from '../casus/index.ts';
import type { Db } from '../opslag/database.ts';
import { VOORZIENINGEN } from '../regelgeving/index.ts';
import { bedragTekst } from '../taal/index.ts';
import { log } from './audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { type Actor, BELEID, LEZERS, vereisRol } from './toegang.ts';

export interface Plafond {
  readonly artikel: string;
  readonly regeling: string;
  readonly uitleg: string;
}

/**
 * Books a grant against its budget in one conditional UPDATE: the row changes only if the amount and
 * one more participant still fit, so concurrent grants can never overrun the ceiling (the CHECK
 * constraint on the table is the second line). No budget row means no ceiling was set.
 */
export async function boekToekenning(
  db: Db,
  gemeente: string,
  jaar: number,
  voorziening: string,
  bedragCent: number,
): Promise<{ ok: true } | { ok: false; plafond: Plafond }> {
  const budget = await db
    .selectFrom('budget')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .where('voorziening', '=', voorziening)
    .executeTakeFirst();
  if (!budget) return { ok: true };
  const geboekt = await db
    .updateTable('budget')
    .set({ besteedCent: sql`besteed_cent + ${bedragCent}`, deelnemers: sql`deelnemers + 1` })
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .where('voorziening', '=', voorziening)
    .where(sql<boolean>`besteed_cent + ${bedragCent} <= plafond_cent`)
    .where((eb) =>
      eb.or([eb('deelnemersplafond', 'is', null), eb('deelnemers', '<', eb.ref('deelnemersplafond'))]),
    )
    .returning('besteedCent')
    .executeTakeFirst();
  if (geboekt) return { ok: true };
  const over = budget.deelnemersplafond !== null && budget.deelnemers >= budget.deelnemersplafond;
  return {
    ok: false,
    plafond: {
      artikel: budget.artikel,
      regeling: `${gemeente}`,
      uitleg: over
        ? `Het college heeft voor ${jaar} een plafond van ${budget.deelnemersplafond} deelnemers voor deze voorziening vastgesteld, en dat is bereikt (artikel ${budget.artikel}).`
        : `Het budgetplafond voor deze voorziening in ${jaar} is ${bedragTekst(Number(budget.plafondCent))}; er is nog ${bedragTekst(Number(budget.plafondCent) - Number(budget.besteedCent))} over, te weinig voor ${bedragTekst(bedragCent)} (artikel ${budget.artikel}).`,
    },
  };
}

/** Frees a participant place when a voorziening ends; the money booked stays spent. */
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

const budgetSchema = z.strictObject({
  plafondCent: z.number().int().min(0),
  deelnemersplafond: z.number().int().min(0).nullable().optional(),
  /** The article that allows the ceiling (Dinkelland art. 3). */
  artikel: z.string().min(1),
  besluit: z.string().trim().min(3),
});

export async function stelBudgetVast(
  db: Db,
  actor: Actor,
  gemeente: string,
  jaar: number,
  voorziening: string,
  invoer: unknown,
) {
  const rol = vereisRol(actor, gemeente, BELEID);
  if (!rol.ok) return rol;
  if (!(VOORZIENINGEN as readonly string[]).includes(voorziening)) return nietGevonden('voorziening');
  if (!Number.isInteger(jaar) || jaar < 2015 || jaar > 2100)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldig jaar' });
  const p = budgetSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({ code: 'ongeldig', bericht: 'ongeldig budget', velden: veldFouten(p.error.issues) });
  return db.transaction().execute(async (trx) => {
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
  van: z.enum(VOORZIENINGEN),
  naar: z.enum(VOORZIENINGEN),
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
  return db
    .transaction()
    .execute(async (trx) => {
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
    })
    .catch((e: unknown) => {
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
