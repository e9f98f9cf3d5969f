import { sql, type Kysely } from 'kysely';

/**
 * Content-addressed archive of the regulation files a beschikking used: the exact text under the
 * hash the beschikking records, with the hash of the version it rests on (`basis:`). Herbeoordeling
 * rebuilds a version from here when the library no longer has that hash (an editorial change, a
 * file removed), so a decision stays reproducible for as long as it is kept.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regelingarchief')
    .addColumn('hash', 'text', (c) => c.primaryKey())
    .addColumn('regeling', 'text', (c) => c.notNull())
    .addColumn('geldig_vanaf', 'date', (c) => c.notNull())
    .addColumn('bestand', 'text', (c) => c.notNull())
    .addColumn('tekst', 'text', (c) => c.notNull())
    .addColumn('basis_hash', 'text', (c) => c.references('regelingarchief.hash'))
    .addColumn('vastgelegd_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
