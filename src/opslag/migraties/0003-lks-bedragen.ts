import { type Kysely, sql } from 'kysely';

/**
 * Loonkostensubsidie amounts per period. A term may carry an amount that is not known yet (the
 * minimum wage of a later year is published in the autumn before it); `bedrag_reden` says why, and
 * every later change of a term's amount is kept in `termijnbedrag` beside the audit entry.
 * Additive only: existing rows stay valid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('termijn').addColumn('bedrag_reden', 'text').execute();
  await db.schema
    .createTable('termijnbedrag')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('termijn_id', 'bigint', (c) => c.notNull().references('termijn.id'))
    .addColumn('beschikking_id', 'uuid', (c) => c.notNull().references('beschikking.id'))
    /** The date the amount was computed for: the start of the term's period. */
    .addColumn('peildatum', 'date', (c) => c.notNull())
    .addColumn('oud_cent', 'bigint')
    .addColumn('oude_reden', 'text')
    .addColumn('nieuw_cent', 'bigint')
    /** The regulation versions and the engine that computed the new amount. */
    .addColumn('regelingen', 'jsonb', (c) => c.notNull())
    .addColumn('engine', 'text', (c) => c.notNull())
    /** Null for a scheduled job (the audit entry then says 'systeem'). */
    .addColumn('door', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('termijnbedrag_termijn')
    .on('termijnbedrag')
    .columns(['gemeente', 'termijn_id'])
    .execute();
  // The yearly job looks for open terms without an amount; there are few, so a partial index.
  await sql`create index termijn_zonder_bedrag on termijn (gemeente, soort)
    where bedrag_cent is null and status = 'open'`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
