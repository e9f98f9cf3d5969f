import { sql } from 'kysely';
import type { Db } from '../opslag/database.ts';
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
  readonly personenGestart: number;
  readonly personenLopend: number;
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
  /** Persons are counted once however many voorzieningen they have. */
  readonly totaal: Telling & { readonly eindgronden: Readonly<Record<string, number>> };
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

export async function cijfersVoor(
  db: Db,
  gemeente: string,
  p: Periode,
  uitstroomNaarWerk: readonly string[],
): Promise<Cijfers> {
  const { van, tot } = p;
  // Without end grounds that mean work, nobody flowed out to work (a NUL placeholder in `in (…)` is
  // refused by PostgreSQL as text, which made the report of such a gemeente fail).
  const naarWerk =
    uitstroomNaarWerk.length > 0 ? sql`reden in (${sql.join(uitstroomNaarWerk)})` : sql<boolean>`false`;
  // One pass over the gemeente's grants, each joined to the decision that ended it early: the counts
  // per voorziening and the end grounds come from the same materialised set in one statement (two
  // passes over a million trajectories were most of the report's time, bench/documenten.ts).
  const rijen = await sql<{
    soort: 'telling' | 'grond';
    voorziening: string | null;
    reden: string | null;
    aantal: string | null;
    gestart: string | null;
    lopend: string | null;
    beeindigd: string | null;
    personenGestart: string | null;
    personenLopend: string | null;
    uitstroomNaarWerk: string | null;
    toegekendJaarbedragCent: string | null;
  }>`
    with t as materialized (
      select b.voorziening, b.inwoner_id, b.ingangsdatum, b.jaarbedrag_cent,
        least(b.einddatum, e.einddatum) as einde,
        case when e.einddatum is not null and (b.einddatum is null or e.einddatum <= b.einddatum)
          then e.beeindigingsgrond else 'einde-looptijd' end as reden
      from beschikking b
      left join beschikking e on e.vorige_id = b.id and e.soort = 'beeindiging' and e.gemeente = b.gemeente
      where b.gemeente = ${gemeente} and b.soort = 'toekenning' and b.ingangsdatum <= ${tot}::date
        -- A grant whose own end lies before the period cannot be started, running or ended in it (an
        -- early end only comes sooner): leaving it out before the join keeps the set small.
        and (b.einddatum is null or b.einddatum >= ${van}::date)
    ),
    telling as (
      select voorziening,
        count(*) filter (where ingangsdatum >= ${van}::date) as gestart,
        count(*) filter (where einde is null or einde > ${tot}::date) as lopend,
        count(*) filter (where einde between ${van}::date and ${tot}::date) as beeindigd,
        count(distinct inwoner_id) filter (where ingangsdatum >= ${van}::date) as "personenGestart",
        count(distinct inwoner_id) filter (where einde is null or einde > ${tot}::date) as "personenLopend",
        count(*) filter (where einde between ${van}::date and ${tot}::date and ${naarWerk}) as "uitstroomNaarWerk",
        coalesce(sum(jaarbedrag_cent) filter (where ingangsdatum >= ${van}::date), 0) as "toegekendJaarbedragCent"
      from t
      group by grouping sets ((voorziening), ())
    ),
    grond as (
      select voorziening, reden, count(*) as aantal from t
      where einde between ${van}::date and ${tot}::date
      group by grouping sets ((voorziening, reden), (reden))
    )
    select 'telling' as soort, voorziening, null::text as reden, null::bigint as aantal, gestart, lopend,
      beeindigd, "personenGestart", "personenLopend", "uitstroomNaarWerk", "toegekendJaarbedragCent"
    from telling
    union all
    select 'grond', voorziening, reden, aantal, null, null, null, null, null, null, null from grond`.execute(
    db,
  );
  const trajecten = { rows: rijen.rows.filter((r) => r.soort === 'telling') };
  const gronden = { rows: rijen.rows.filter((r) => r.soort === 'grond') };

  const afgewezen = await db
    .selectFrom('beschikking')
    .select((eb) => [
      'voorziening',
      eb.fn.countAll<string>().as('aantal'),
      sql<string>`count(*) filter (where motivering ? 'plafond')`.as('plafond'),
    ])
    .where('gemeente', '=', gemeente)
    .where('soort', '=', 'afwijzing')
    .where('besluitdatum', '>=', van)
    .where('besluitdatum', '<=', tot)
    .groupBy('voorziening')
    .execute();

  const premies = await db
    .selectFrom('termijn as t')
    .innerJoin('beschikking as b', 'b.id', 't.beschikkingId')
    .select((eb) => [
      'b.voorziening',
      eb.fn.countAll<string>().as('aantal'),
      eb.fn.sum<string>('t.bedragCent').as('cent'),
    ])
    .where('t.gemeente', '=', gemeente)
    .where('t.soort', '=', 'premie')
    .where('t.status', '<>', 'vervallen')
    .where('t.datum', '>=', van)
    .where('t.datum', '<=', tot)
    .groupBy('b.voorziening')
    .execute();

  const jaar = p.jaar;
  const budgetten = await db
    .selectFrom('budget')
    .select(['voorziening', 'plafondCent', 'deelnemersplafond'])
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .execute();
  // One pass over the year's budget mutations: what was booked by decisions taken up to the period's
  // last day, and the participants (booked grants not ended by an early ending decided by then).
  const budgetRijen = await sql<{ voorziening: string; cent: string; deelnemers: string }>`
    select m.voorziening,
      coalesce(sum(case when m.soort = 'toekenning' then m.bedrag_cent when m.soort = 'vrijval' then -m.bedrag_cent else 0 end), 0) as cent,
      count(*) filter (where m.soort = 'toekenning' and e.vorige_id is null) as deelnemers
    from budgetmutatie m
    join beschikking b on b.id = m.beschikking_id
    left join (
      select distinct vorige_id from beschikking
      where gemeente = ${gemeente} and soort = 'beeindiging' and besluitdatum <= ${tot}::date
    ) e on e.vorige_id = b.id
    where m.gemeente = ${gemeente} and m.jaar = ${jaar} and m.geboekt is not false and b.besluitdatum <= ${tot}::date
    group by m.voorziening`.execute(db);
  const boekingen = budgetRijen.rows;
  const deelnemers = {
    rows: budgetRijen.rows.map((r) => ({ voorziening: r.voorziening, aantal: r.deelnemers })),
  };

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

  const perVoorziening = new Map(
    trajecten.rows.filter((r) => r.voorziening !== null).map((r) => [r.voorziening!, r]),
  );
  const alle = new Set<string>([
    ...perVoorziening.keys(),
    ...afgewezen.map((r) => r.voorziening),
    ...budgetten.map((r) => r.voorziening),
  ]);
  const eindgronden = (v: string | null) =>
    Object.fromEntries(
      gronden.rows
        .filter((g) => g.voorziening === v)
        .map((g) => [g.reden ?? 'onbekend', n(g.aantal)] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  const voorzieningen = [...alle].sort().map((v): VoorzieningCijfers => {
    const t = perVoorziening.get(v);
    const a = afgewezen.find((r) => r.voorziening === v);
    const pr = premies.find((r) => r.voorziening === v);
    const bu = budgetten.find((r) => r.voorziening === v);
    const bo = boekingen.find((r) => r.voorziening === v);
    return {
      voorziening: v,
      gestart: n(t?.gestart),
      lopend: n(t?.lopend),
      beeindigd: n(t?.beeindigd),
      afgewezen: n(a?.aantal),
      afgewezenPlafond: n(a?.plafond),
      personenGestart: n(t?.personenGestart),
      personenLopend: n(t?.personenLopend),
      uitstroomNaarWerk: n(t?.uitstroomNaarWerk),
      premies: n(pr?.aantal),
      premiesCent: n(pr?.cent),
      toegekendJaarbedragCent: n(t?.toegekendJaarbedragCent),
      eindgronden: eindgronden(v),
      budget: {
        jaar,
        plafondCent: bu ? n(bu.plafondCent) : null,
        besteedCent: n(bo?.cent),
        deelnemers: n(deelnemers.rows.find((r) => r.voorziening === v)?.aantal),
        deelnemersplafond: bu?.deelnemersplafond ?? null,
      },
    };
  });
  const totaal = trajecten.rows.find((r) => r.voorziening === null);
  const som = (k: keyof Telling) => voorzieningen.reduce((s, v) => s + v[k], 0);
  return {
    gemeente,
    periode: p,
    voorzieningen,
    totaal: {
      gestart: n(totaal?.gestart),
      lopend: n(totaal?.lopend),
      beeindigd: n(totaal?.beeindigd),
      afgewezen: som('afgewezen'),
      afgewezenPlafond: som('afgewezenPlafond'),
      personenGestart: n(totaal?.personenGestart),
      personenLopend: n(totaal?.personenLopend),
      uitstroomNaarWerk: n(totaal?.uitstroomNaarWerk),
      premies: som('premies'),
      premiesCent: som('premiesCent'),
      toegekendJaarbedragCent: n(totaal?.toegekendJaarbedragCent),
      eindgronden: eindgronden(null),
    },
    beschutWerk: {
      jaar,
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
}
