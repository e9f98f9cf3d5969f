import { sql } from 'kysely';
import type { Db } from '../opslag/database.ts';
import { gelukt, type Uitslag } from './fouten.ts';
import { type Actor, LEZERS, vereisRol } from './toegang.ts';

/** The code under which voorzieningen that simply reached their end date are counted. */
export const EINDDATUM_BEREIKT = 'einddatum';

export interface Managementoverzicht {
  readonly jaar: number;
  readonly budgetten: readonly {
    readonly voorziening: string;
    readonly plafondCent: number;
    readonly besteedCent: number;
    readonly resterendCent: number;
    readonly deelnemers: number;
    readonly deelnemersplafond: number | null;
    readonly artikel: string;
  }[];
  readonly beschutWerk: {
    readonly plaatsen: number | null;
    readonly bezet: number;
    readonly wachtlijst: number;
  };
  /** Per quarter of the year: voorzieningen started, and ended per ground (early) or at their end date. */
  readonly kwartalen: readonly {
    readonly kwartaal: number;
    readonly gestart: number;
    readonly beeindigd: number;
    readonly perGrond: Readonly<Record<string, number>>;
  }[];
}

const kwartaalVan = (datum: string) => Math.floor((Number(datum.slice(5, 7)) - 1) / 3) + 1;

/**
 * Figures for a manager: budget used against its ceiling and participants against theirs per
 * voorziening, beschut werk places planned against filled and the waiting list, and voorzieningen
 * started and ended per quarter. Counts only, no personal data, so no audit line.
 */
export async function managementoverzicht(
  db: Db,
  actor: Actor,
  gemeente: string,
  jaar: number,
  vandaag: string,
): Promise<Uitslag<Managementoverzicht>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const van = `${jaar}-01-01`;
  const tot = `${jaar}-12-31`;
  const [budgetten, plan, wachtend, gestart, vroeg, afgelopen] = await Promise.all([
    db
      .selectFrom('budget')
      .select(['voorziening', 'plafondCent', 'besteedCent', 'deelnemers', 'deelnemersplafond', 'artikel'])
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', jaar)
      .orderBy('voorziening')
      .execute(),
    db
      .selectFrom('beschutWerkPlan')
      .select(['plaatsen', 'bezet'])
      .where('gemeente', '=', gemeente)
      .where('jaar', '=', jaar)
      .executeTakeFirst(),
    db
      .selectFrom('beschutWerkIndicatie')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('gemeente', '=', gemeente)
      .where('status', '=', 'wachtend')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('beschikking')
      .select(['ingangsdatum'])
      .where('gemeente', '=', gemeente)
      .where('soort', '=', 'toekenning')
      .where('ingangsdatum', '>=', van)
      .where('ingangsdatum', '<=', tot)
      .execute(),
    db
      .selectFrom('beschikking')
      .select(['einddatum', 'beeindigingsgrond'])
      .where('gemeente', '=', gemeente)
      .where('soort', '=', 'beeindiging')
      .where('einddatum', '>=', van)
      .where('einddatum', '<=', tot)
      .execute(),
    db
      .selectFrom('beschikking as b')
      .select(['b.einddatum'])
      .where('b.gemeente', '=', gemeente)
      .where('b.soort', '=', 'toekenning')
      .where('b.einddatum', '>=', van)
      // Only ends that have happened: a grant ending later this year has not ended yet.
      .where('b.einddatum', '<', vandaag < tot ? vandaag : `${jaar + 1}-01-01`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('beschikking as e')
              .select(sql`1`.as('x'))
              .whereRef('e.vorigeId', '=', 'b.id')
              .where('e.soort', '=', 'beeindiging'),
          ),
        ),
      )
      .execute(),
  ]);
  const kwartalen = [1, 2, 3, 4].map((kwartaal) => ({
    kwartaal,
    gestart: 0,
    beeindigd: 0,
    perGrond: {} as Record<string, number>,
  }));
  for (const g of gestart) if (g.ingangsdatum) kwartalen[kwartaalVan(g.ingangsdatum) - 1]!.gestart++;
  const einde = (datum: string | null, grond: string) => {
    if (!datum) return;
    const k = kwartalen[kwartaalVan(datum) - 1]!;
    k.beeindigd++;
    k.perGrond[grond] = (k.perGrond[grond] ?? 0) + 1;
  };
  for (const e of vroeg) einde(e.einddatum, e.beeindigingsgrond ?? 'onbekend');
  for (const e of afgelopen) einde(e.einddatum, EINDDATUM_BEREIKT);
  return gelukt({
    jaar,
    budgetten: budgetten.map((b) => ({
      ...b,
      plafondCent: Number(b.plafondCent),
      besteedCent: Number(b.besteedCent),
      resterendCent: Number(b.plafondCent) - Number(b.besteedCent),
      deelnemers: Number(b.deelnemers),
    })),
    beschutWerk: {
      plaatsen: plan?.plaatsen ?? null,
      bezet: plan?.bezet ?? 0,
      wachtlijst: Number(wachtend.n),
    },
    kwartalen,
  });
}
