import { type Kysely, sql } from 'kysely';

/**
 * The fingerprint of the BSN key the store's BSNs are encrypted under (issue 12, item 7): an HMAC of
 * a constant under the key, never the key itself. With it a start with a missing or another key is
 * refused instead of silently making a new key. One row; only a key rotation changes it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table bsn_sleutel (
    id integer primary key check (id = 1),
    vingerafdruk text not null,
    vastgelegd_op timestamptz not null default now()
  )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
