import type { Kysely } from 'kysely';

/**
 * Whether a budget mutation counted against the budget row. A grant without a budget row (no
 * ceiling set yet) is recorded but counts against nothing; when it ends early, its release must not
 * lower a budget it never raised. Null for mutations written before this column existed.
 * Additive only: existing rows stay valid.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('budgetmutatie').addColumn('geboekt', 'boolean').execute();
  await db.schema
    .createIndex('budgetmutatie_beschikking')
    .on('budgetmutatie')
    .columns(['beschikking_id', 'soort'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
