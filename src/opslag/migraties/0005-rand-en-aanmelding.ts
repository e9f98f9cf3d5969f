import { type Kysely, sql } from 'kysely';

/**
 * What the hardened edge and sign-in need, additive only:
 * - `audit.betrokkene`: the person whose data an entry is about, so "who looked at this person" is one
 *   indexed query, also for list reads and for reads of a beschikking, term or aanvraag;
 * - `verwerkingsdoel`: a gemeente's own list of purposes for X-Doel (none: the built-in list applies);
 * - `aanmeldpoging`: login attempts per account and per address, shared by every server process;
 * - `oidc_aanvraag`: state, nonce and PKCE verifier of a sign-in under way at the OpenID provider;
 * - `gebruiker.oidc_issuer/oidc_sub`: the provider's identity of a user; `sessie.aangemaakt_op` and
 *   `sessie.bron` for the session list and cleaning.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit').addColumn('betrokkene', 'uuid').execute();
  await db.schema.createIndex('audit_betrokkene').on('audit').columns(['gemeente', 'betrokkene']).execute();
  await db.schema
    .createTable('verwerkingsdoel')
    .addColumn('gemeente', 'text', (c) => c.notNull().references('gemeente.slug'))
    .addColumn('doel', 'text', (c) => c.notNull())
    .addColumn('omschrijving', 'text', (c) => c.notNull())
    .addColumn('volledig_bsn', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('volgorde', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('verwerkingsdoel_pk', ['gemeente', 'doel'])
    .execute();
  await db.schema
    .createTable('aanmeldpoging')
    .addColumn('sleutel', 'text', (c) => c.primaryKey())
    .addColumn('pogingen', 'integer', (c) => c.notNull())
    .addColumn('venster_start', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('oidc_aanvraag')
    .addColumn('state', 'text', (c) => c.primaryKey())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('verifier', 'text', (c) => c.notNull())
    .addColumn('terug', 'text')
    .addColumn('verloopt_op', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('gebruiker').addColumn('oidc_issuer', 'text').execute();
  await db.schema.alterTable('gebruiker').addColumn('oidc_sub', 'text').execute();
  await db.schema
    .createIndex('gebruiker_oidc')
    .unique()
    .on('gebruiker')
    .columns(['oidc_issuer', 'oidc_sub'])
    .execute();
  await db.schema
    .alterTable('sessie')
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('sessie_gebruiker').on('sessie').columns(['gebruiker_id']).execute();
  await db.schema.createIndex('sessie_verloopt').on('sessie').columns(['verloopt_op']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
