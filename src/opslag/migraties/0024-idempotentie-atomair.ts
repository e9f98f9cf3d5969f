import { sql, type Kysely } from 'kysely';

/**
 * From now on a key's claim commits only together with its effect and answer, so a row with status 0
 * is never committed. Rows left with status 0 by the old three-statement scheme are claims of a
 * request that crashed: they would answer 409 forever. They are removed. Whether that crashed
 * request's effect committed cannot be known from the row (the old scheme did not link them); a
 * retry with the same key is then taken as a new request, which the new scheme cannot produce again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`delete from idempotentie where status = 0`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
