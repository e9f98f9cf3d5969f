import { sql } from 'kysely';
import type { Db } from '../opslag/database.ts';
import { plusDagen } from '../kalender/index.ts';
import type { Periode } from './perioden.ts';

/**
 * The progress report's figures for one gemeente and period, straight from the store. A trajectory
 * is a grant (beschikking 'toekenning'); it ends on its planned einddatum or, when ended early, on the
 * einddatum of the 'beeindiging' that follows it, whichever comes first.
 * - gestart: ingangsdatum in the period;
 * - lopend: started on or before the period's last day and not ended by then;
 * - beëindigd: its end in the period, by ground (the ordinance's code, or 'einde-looptijd');
 * - afgewezen: refusals decided in the period (of which for a ceiling: motivering.plafond);
 * - premies: premie terms falling due in the period that did not lapse;
 * - budget: booked grants minus releases for the period's year, decided up to the period's last day.
 */

export interface Telling {
  readonly gestart: number;
  readonly lopend: number;
  readonly beeindigd: number;
  readonly afgewezen: number;
  readonly afgewezenPlafond: number;
  readonly uitstroomNaarWerk: number;
  readonly premies: number;
  readonly premiesCent: number;
  /** Yearly amounts granted with the trajectories started in the period (e.g. loonkostensubsidie). */
  readonly toegekendJaarbedragCent: number;
}

export interface VoorzieningCijfers extends Telling {
  readonly voorziening: string;
  readonly eindgronden: Readonly<Record<string, number>>;
  readonly budget: {
    readonly jaar: number;
    readonly plafondCent: number | null;
    readonly besteedCent: number;
    readonly deelnemers: number;
    readonly deelnemersplafond: number | null;
  };
}

export interface Cijfers {
  readonly gemeente: string;
  readonly periode: Periode;
  readonly voorzieningen: readonly VoorzieningCijfers[];
  /** Persons are counted once however many voorzieningen they have (for the total only). */
  readonly totaal: Telling & {
    readonly eindgronden: Readonly<Record<string, number>>;
    readonly personenGestart: number;
    readonly personenLopend: number;
  };
  readonly beschutWerk: {
    readonly jaar: number;
    readonly plaatsen: number | null;
    readonly bezet: number;
    readonly wachtlijst: number;
  };
  readonly bezwaren: {
    readonly ontvangen: number;
    readonly beslist: Readonly<Record<string, number>>;
    readonly openAanHetEind: number;
  };
}

const n = (x: unknown) => Number(x ?? 0);

/** The figures of one period; see `cijfersVoorPerioden`. */
export async function cijfersVoor(
  db: Db,
  gemeente: string,
  p: Periode,
  uitstroomNaarWerk: readonly string[],
): Promise<Cijfers> {
  return (await cijfersVoorPerioden(db, gemeente, [p], uitstroomNaarWerk))[0]!;
}

/**
 * The figures of several periods (the report's period and the one before) from one pass over the
 * store per kind of figure. Each date is placed among the periods' boundaries (their first days and
 * the days after their last days) with `width_bucket`, which counts the boundaries on or before it;
 * the store returns counts per voorziening, ground and bucket, and each period's cells are sums of
 * those counts. A pass per period read the same grants twice and was most of the report's time over a
 * million trajectories (bench/documenten.ts).
 */
export async function cijfersVoorPerioden(
  db: Db,
  gemeente: string,
  perioden: readonly Periode[],
  uitstroomNaarWerk: readonly string[],
): Promise<Cijfers[]> {
  if (perioden.length === 0) return [];
  const grenzen = [...new Set(perioden.flatMap((p) => [p.van, plusDagen(p.tot, 1)]))].sort();
  // In bucket terms a date d lies in period p when eerste(p) <= k(d) <= laatste(p), and after it when
  // k(d) > laatste(p); an open end is 'infinity', after every boundary.
  const vak = perioden.map((p) => ({
    eerste: grenzen.indexOf(p.van) + 1,
    laatste: grenzen.indexOf(plusDagen(p.tot, 1)),
  }));
  const grensArray = sql`array[${sql.join(grenzen)}]::date[]`;
  const eersteVan = perioden.reduce((a, p) => (p.van < a ? p.van : a), perioden[0]!.van);
  const laatsteTot = perioden.reduce((a, p) => (p.tot > a ? p.tot : a), perioden[0]!.tot);
  const naarWerk = new Set(uitstroomNaarWerk);

  // The grants of the window, each with the decision that ended it early. A trajectory ends on its
  // planned einddatum or on the early end, whichever comes first. A grant whose own end lies before
  // the first period cannot be started, running or ended in any of them (an early end only comes
  // sooner): the index on the end (migration 0040) leaves it out before the join.
  const grants = sql`
    select b.voorziening, b.inwoner_id, b.jaarbedrag_cent,
      case when e.einddatum is not null and (b.einddatum is null or e.einddatum <= b.einddatum)
        then e.beeindigingsgrond else 'einde-looptijd' end as reden,
      width_bucket(b.ingangsdatum, ${grensArray}) as ki,
      width_bucket(coalesce(least(b.einddatum, e.einddatum), 'infinity'::date), ${grensArray}) as ke,
      width_bucket(coalesce(b.einddatum, 'infinity'::date), ${grensArray}) as kb
    from beschikking b
    left join beschikking e on e.vorige_id = b.id and e.soort = 'beeindiging' and e.gemeente = ${gemeente}
    where b.gemeente = ${gemeente} and b.soort = 'toekenning' and b.ingangsdatum <= ${laatsteTot}::date
      and coalesce(b.einddatum, 'infinity'::date) >= ${eersteVan}::date`;
  // The conditions of the cells of period i on one grant, in SQL (for the persons) and in code (for
  // the counts); each is the definition at the top of this file, with the grant's own end on or after
  // the period's first day as the row filter of a single period had it.
  const inP = (i: number) => sql`(ki <= ${vak[i]!.laatste} and kb >= ${vak[i]!.eerste})`;
  const gestartSql = (i: number) => sql`(${inP(i)} and ki >= ${vak[i]!.eerste})`;
  const lopendSql = (i: number) => sql`(${inP(i)} and ke > ${vak[i]!.laatste})`;
  type Vakken = { ki: number; ke: number; kb: number };
  const inPeriode = (i: number, r: Vakken) => r.ki <= vak[i]!.laatste && r.kb >= vak[i]!.eerste;
  const gestart = (i: number, r: Vakken) => inPeriode(i, r) && r.ki >= vak[i]!.eerste;
  const lopend = (i: number, r: Vakken) => inPeriode(i, r) && r.ke > vak[i]!.laatste;
  const beeindigd = (i: number, r: Vakken) =>
    inPeriode(i, r) && r.ke >= vak[i]!.eerste && r.ke <= vak[i]!.laatste;

  const [histogram, personen, afgewezen, premies, boekingen] = await Promise.all([
    zwaar(db, (d) =>
      sql<{
        voorziening: string;
        reden: string | null;
        ki: number;
        ke: number;
        kb: number;
        aantal: string;
        jaarbedrag: string;
      }>`
        with t as (${grants})
        select voorziening, reden, ki, ke, kb, count(*) as aantal, sum(jaarbedrag_cent) as jaarbedrag
        from t group by voorziening, reden, ki, ke, kb`.execute(d),
    ),
    // Persons are counted once however many voorzieningen they have: per inwoner first.
    zwaar(db, (d) =>
      sql<Record<string, string>>`
        with t as (${grants}),
        p as (
          select ${sql.join(
            perioden.flatMap((_, i) => [
              sql`bool_or(${gestartSql(i)}) as ${sql.id(`g${i}`)}`,
              sql`bool_or(${lopendSql(i)}) as ${sql.id(`l${i}`)}`,
            ]),
          )}
          from t group by inwoner_id
        )
        select ${sql.join(
          perioden.flatMap((_, i) => [
            sql`count(*) filter (where ${sql.id(`g${i}`)}) as ${sql.id(`g${i}`)}`,
            sql`count(*) filter (where ${sql.id(`l${i}`)}) as ${sql.id(`l${i}`)}`,
          ]),
        )}
        from p`.execute(d),
    ),
    sql<{ voorziening: string; k: number; aantal: string; plafond: string }>`
      select voorziening, width_bucket(besluitdatum, ${grensArray}) as k, count(*) as aantal,
        count(*) filter (where motivering ? 'plafond') as plafond
      from beschikking
      where gemeente = ${gemeente} and soort = 'afwijzing'
        and besluitdatum >= ${eersteVan}::date and besluitdatum <= ${laatsteTot}::date
      group by voorziening, k`.execute(db),
    sql<{ voorziening: string; k: number; aantal: string; cent: string | null }>`
      select b.voorziening, width_bucket(t.datum, ${grensArray}) as k, count(*) as aantal,
        sum(t.bedrag_cent) as cent
      from termijn t join beschikking b on b.id = t.beschikking_id
      where t.gemeente = ${gemeente} and t.soort = 'premie' and t.status <> 'vervallen'
        and t.datum >= ${eersteVan}::date and t.datum <= ${laatsteTot}::date
      group by b.voorziening, k`.execute(db),
    // One pass over the budget mutations of the periods' years: per period, what was booked by
    // decisions taken up to its last day, and the participants (booked grants not ended by an early
    // ending decided by then).
    zwaar(db, (d) =>
      sql<Record<string, string> & { jaar: number; voorziening: string }>`
        select m.jaar, m.voorziening, ${sql.join(
          perioden.flatMap((p, i) => {
            const telt = sql`m.jaar = ${p.jaar} and b.besluitdatum <= ${p.tot}::date`;
            return [
              sql`coalesce(sum(case when m.soort = 'toekenning' then m.bedrag_cent
                when m.soort = 'vrijval' then -m.bedrag_cent else 0 end) filter (where ${telt}), 0)
                as ${sql.id(`c${i}`)}`,
              sql`count(*) filter (where ${telt} and m.soort = 'toekenning'
                and (e.eerste is null or e.eerste > ${p.tot}::date)) as ${sql.id(`d${i}`)}`,
            ];
          }),
        )}
        from budgetmutatie m
        join beschikking b on b.id = m.beschikking_id
        left join (
          select vorige_id, min(besluitdatum) as eerste from beschikking
          where gemeente = ${gemeente} and soort = 'beeindiging' and vorige_id is not null
          group by vorige_id
        ) e on e.vorige_id = m.beschikking_id
        where m.gemeente = ${gemeente}
          and m.jaar in (${sql.join([...new Set(perioden.map((p) => p.jaar))])})
          and m.geboekt is not false and b.besluitdatum <= ${laatsteTot}::date
        group by m.jaar, m.voorziening`.execute(d),
    ),
  ]);

  return Promise.all(
    perioden.map(async (p, i): Promise<Cijfers> => {
      const inVak = (k: number) => k >= vak[i]!.eerste && k <= vak[i]!.laatste;
      const tel = (v: string | null) => {
        const rijen = histogram.rows.filter((r) => v === null || r.voorziening === v);
        const som = (f: (r: (typeof rijen)[number]) => boolean, w: (r: (typeof rijen)[number]) => number) =>
          rijen.reduce((s, r) => (f(r) ? s + w(r) : s), 0);
        const gronden: Record<string, number> = {};
        for (const r of rijen)
          if (beeindigd(i, r)) {
            const reden = r.reden ?? 'onbekend';
            gronden[reden] = (gronden[reden] ?? 0) + n(r.aantal);
          }
        return {
          gestart: som(
            (r) => gestart(i, r),
            (r) => n(r.aantal),
          ),
          lopend: som(
            (r) => lopend(i, r),
            (r) => n(r.aantal),
          ),
          beeindigd: som(
            (r) => beeindigd(i, r),
            (r) => n(r.aantal),
          ),
          uitstroomNaarWerk: som(
            (r) => beeindigd(i, r) && r.reden !== null && naarWerk.has(r.reden),
            (r) => n(r.aantal),
          ),
          toegekendJaarbedragCent: som(
            (r) => gestart(i, r),
            (r) => n(r.jaarbedrag),
          ),
          eindgronden: Object.fromEntries(Object.entries(gronden).sort(([a], [b]) => a.localeCompare(b))),
        };
      };
      const afgewezenHier = afgewezen.rows.filter((r) => inVak(r.k));
      const premiesHier = premies.rows.filter((r) => inVak(r.k));
      const boekingenHier = boekingen.rows.filter((r) => n(r.jaar) === p.jaar);
      const somVan = <R extends { voorziening: string }>(rijen: readonly R[], v: string, k: keyof R) =>
        rijen.reduce((s, r) => (r.voorziening === v ? s + n(r[k]) : s), 0);
      const { budgetten, plan, bw, bezwaren } = await perPeriode(db, gemeente, p);
      // A voorziening is listed when the period has a grant of it (as a single period's pass had),
      // a refusal of it, or a budget for it.
      const alle = new Set<string>([
        ...histogram.rows.filter((r) => inPeriode(i, r)).map((r) => r.voorziening),
        ...afgewezenHier.map((r) => r.voorziening),
        ...budgetten.map((r) => r.voorziening),
      ]);
      const voorzieningen = [...alle].sort().map((v): VoorzieningCijfers => {
        const bu = budgetten.find((r) => r.voorziening === v);
        return {
          voorziening: v,
          ...tel(v),
          afgewezen: somVan(afgewezenHier, v, 'aantal'),
          afgewezenPlafond: somVan(afgewezenHier, v, 'plafond'),
          premies: somVan(premiesHier, v, 'aantal'),
          premiesCent: somVan(premiesHier, v, 'cent'),
          budget: {
            jaar: p.jaar,
            plafondCent: bu ? n(bu.plafondCent) : null,
            besteedCent: somVan(boekingenHier, v, `c${i}`),
            deelnemers: somVan(boekingenHier, v, `d${i}`),
            deelnemersplafond: bu?.deelnemersplafond ?? null,
          },
        };
      });
      const som = (k: 'afgewezen' | 'afgewezenPlafond' | 'premies' | 'premiesCent') =>
        voorzieningen.reduce((s, v) => s + v[k], 0);
      return {
        gemeente,
        periode: p,
        voorzieningen,
        totaal: {
          ...tel(null),
          afgewezen: som('afgewezen'),
          afgewezenPlafond: som('afgewezenPlafond'),
          premies: som('premies'),
          premiesCent: som('premiesCent'),
          personenGestart: n(personen.rows[0]?.[`g${i}`]),
          personenLopend: n(personen.rows[0]?.[`l${i}`]),
        },
        beschutWerk: {
          jaar: p.jaar,
          plaatsen: plan?.plaatsen ?? null,
          bezet: n(bw.rows[0]?.bezet),
          wachtlijst: n(bw.rows[0]?.wachtlijst),
        },
        bezwaren: {
          ontvangen: bezwaren.rows.reduce((s, r) => s + n(r.ontvangen), 0),
          beslist: Object.fromEntries(
            bezwaren.rows
              .filter((r) => r.uitkomst !== null && n(r.beslist) > 0)
              .map((r) => [r.uitkomst!, n(r.beslist)]),
          ),
          openAanHetEind: bezwaren.rows.reduce((s, r) => s + n(r.open), 0),
        },
      };
    }),
  );
}

/** The small tables, read per period: budgets and places of its year, beschut werk and bezwaren. */
async function perPeriode(db: Db, gemeente: string, p: Periode) {
  const { van, tot, jaar } = p;
  const budgetten = await db
    .selectFrom('budget')
    .select(['voorziening', 'plafondCent', 'deelnemersplafond'])
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .execute();
  const plan = await db
    .selectFrom('beschutWerkPlan')
    .select('plaatsen')
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .executeTakeFirst();
  const bw = await sql<{ bezet: string; wachtlijst: string }>`
    select
      count(*) filter (where geplaatst_op <= ${tot}::date and (vrijgekomen_op is null or vrijgekomen_op > ${tot}::date)) as bezet,
      count(*) filter (where indicatiedatum <= ${tot}::date and (geplaatst_op is null or geplaatst_op > ${tot}::date)
        and (vrijgekomen_op is null or vrijgekomen_op > ${tot}::date)) as wachtlijst
    from beschut_werk_indicatie where gemeente = ${gemeente}`.execute(db);
  const bezwaren = await sql<{ uitkomst: string | null; ontvangen: string; beslist: string; open: string }>`
    select uitkomst,
      count(*) filter (where ontvangen_op between ${van}::date and ${tot}::date) as ontvangen,
      count(*) filter (where beslist_op between ${van}::date and ${tot}::date) as beslist,
      count(*) filter (where ontvangen_op <= ${tot}::date and (beslist_op is null or beslist_op > ${tot}::date)) as open
    from bezwaar where gemeente = ${gemeente}
    group by uitkomst`.execute(db);
  return { budgetten, plan, bw, bezwaren };
}

/**
 * Runs one of the passes over the grants or the bookings with the settings it needs: room to hash
 * half a million grants in memory (at the default 4 MB work_mem the join and the per-person step
 * spilled to disk), and no JIT compilation (it took 0.2–0.3 s per statement, more than it saved on
 * a pass this size). `set_config(…, true)` holds for the transaction only: on its own when the
 * caller has none, so the passes can run side by side on the pool; else the caller's, for its rest.
 */
async function zwaar<T>(db: Db, werk: (db: Db) => Promise<T>): Promise<T> {
  const instellen = (d: Db) =>
    sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`.execute(d);
  if (db.isTransaction) {
    await instellen(db);
    return werk(db);
  }
  return db.transaction().execute(async (trx) => {
    await instellen(trx);
    return werk(trx);
  });
}
