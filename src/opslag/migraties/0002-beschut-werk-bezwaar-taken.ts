import { type Kysely, sql } from 'kysely';

/**
 * Beschut werk waiting list, bezwaar outcomes, overdue signals and the yearly loonkostensubsidie
 * re-set. Additive only: existing rows stay valid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Registration order breaks ties between equal indication dates; a sequence is strictly ordered
  // where timestamps of concurrent inserts can be equal.
  await db.schema
    .alterTable('beschut_werk_indicatie')
    .addColumn('volgnummer', 'bigserial', (c) => c.notNull())
    .addColumn('geregistreerd_door', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('geregistreerd_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('plaatsingsjaar', 'integer')
    .addColumn('vrijgavereden', 'text')
    .execute();
  await sql`alter table beschut_werk_indicatie add constraint beschut_werk_status
    check (status in ('wachtend','geplaatst','vrijgekomen'))`.execute(db);
  // One running indication per person: a second registration cannot slip in beside the first.
  await sql`create unique index beschut_werk_een_lopend on beschut_werk_indicatie (gemeente, inwoner_id)
    where status in ('wachtend','geplaatst')`.execute(db);
  await sql`create index beschut_werk_wachtlijst on beschut_werk_indicatie (gemeente, indicatiedatum, volgnummer)
    where status = 'wachtend'`.execute(db);

  await db.schema
    .alterTable('bezwaar')
    .addColumn('ter_post_bezorgd_op', 'date')
    .addColumn('geregistreerd_door', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('geregistreerd_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('beslist_door', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('toelichting', 'text')
    .execute();
  await sql`alter table bezwaar add constraint bezwaar_uitkomst
    check (uitkomst is null or uitkomst in ('gegrond','ongegrond','niet-ontvankelijk','ingetrokken'))`.execute(
    db,
  );
  await db.schema
    .createIndex('bezwaar_beschikking')
    .on('bezwaar')
    .columns(['gemeente', 'beschikking_id'])
    .execute();

  await db.schema
    .createIndex('aanvraag_inwoner')
    .on('aanvraag')
    .columns(['gemeente', 'inwoner_id'])
    .execute();

  // The status of a term stays 'open' until someone handles it; the signal is a separate fact.
  await db.schema.alterTable('termijn').addColumn('te_laat_sinds', 'date').execute();

  await db.schema
    .createTable('herberekening')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('beschikking_id', 'uuid', (c) => c.notNull().references('beschikking.id'))
    .addColumn('inwoner_id', 'uuid', (c) => c.notNull().references('inwoner.id'))
    .addColumn('jaar', 'integer', (c) => c.notNull())
    .addColumn('voorziening', 'text', (c) => c.notNull())
    .addColumn('jaarbedrag_cent', 'bigint', (c) => c.notNull())
    .addColumn('artikel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('te-herberekenen'))
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('herberekening_uniek', ['beschikking_id', 'jaar'])
    .execute();
  await db.schema
    .createIndex('herberekening_gemeente')
    .on('herberekening')
    .columns(['gemeente', 'jaar'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
