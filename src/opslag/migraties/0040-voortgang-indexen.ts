import { type Kysely, sql } from 'kysely';

/**
 * Covering indexes for the progress report (issue 11), so that its passes over a million
 * trajectories read narrow index tuples instead of the beschikking rows with their JSON:
 * - the grants by gemeente and end (an open end sorts last), holding what the counts read: the
 *   report takes the grants that had not ended before its first day;
 * - the endings by the grant they end, with their date, ground and decision date;
 * - the budget mutations by gemeente and year (used when both periods lie in one year);
 * - every beschikking by id with its voorziening and decision date: the premie terms find their
 *   voorziening through it (on the million store the planner still joins the bookings to the table).
 * Additive only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index beschikking_toekenning_looptijd on beschikking
    (gemeente, (coalesce(einddatum, 'infinity'::date)))
    include (ingangsdatum, einddatum, voorziening, inwoner_id, jaarbedrag_cent, id)
    where soort = 'toekenning'`.execute(db);
  await sql`create index beschikking_beeindiging_van on beschikking (gemeente, vorige_id)
    include (einddatum, beeindigingsgrond, besluitdatum)
    where soort = 'beeindiging'`.execute(db);
  await sql`create index budgetmutatie_jaar on budgetmutatie (gemeente, jaar)
    include (voorziening, soort, bedrag_cent, beschikking_id, geboekt)`.execute(db);
  await sql`create index beschikking_besluit on beschikking (id) include (besluitdatum, voorziening)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
