import { type Kysely, sql } from 'kysely';

/**
 * Documents produced from stored data: beschikking letters, progress reports, SRG deliveries and
 * exports. Each is written once per key and format and served again byte for byte; its SHA-256 is
 * kept beside it so a reader can check that what was sent is what is stored. Additive only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('document')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('soort', 'text', (c) =>
      c.notNull().check(sql`soort in ('brief','voortgangsrapportage','srg-levering','export')`),
    )
    /** What the document is of: a beschikking id, 'bezwaar:<id>', a period '2026-2', a month '2026-10'. */
    .addColumn('sleutel', 'text', (c) => c.notNull())
    .addColumn('formaat', 'text', (c) => c.notNull())
    .addColumn('mediatype', 'text', (c) => c.notNull())
    .addColumn('inhoud', 'bytea', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    /** An SRG delivery holds BSNs: stored encrypted with the BSN key, which lives outside the database. */
    .addColumn('versleuteld', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('aangemaakt_door', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('document_uniek', ['gemeente', 'soort', 'sleutel', 'formaat'])
    .execute();
  // A stored document is never rewritten: what was sent stays what is stored.
  await sql`create function document_onwijzigbaar() returns trigger language plpgsql as $$
    begin raise exception 'een opgeslagen document wordt niet gewijzigd'; end $$`.execute(db);
  await sql`create trigger document_alleen_toevoegen before update on document
    for each row execute function document_onwijzigbaar()`.execute(db);
  // The progress report and the exports count grants per gemeente and period, and join each grant
  // to the decision that ended it.
  await db.schema
    .createIndex('beschikking_gemeente_soort')
    .on('beschikking')
    .columns(['gemeente', 'soort', 'ingangsdatum'])
    .execute();
  await db.schema.createIndex('beschikking_vorige').on('beschikking').column('vorige_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
