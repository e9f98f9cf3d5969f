import { type Kysely, sql } from 'kysely';

/**
 * The first schema. Every table that holds case data carries `gemeente`, and every query filters on
 * it: tenancy is a column, checked in the queries, not a convention.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('uitvoeringsorganisatie')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('naam', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('gemeente')
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('naam', 'text', (c) => c.notNull())
    .addColumn('cbs_code', 'text', (c) => c.notNull().unique())
    .addColumn('organisatie_id', 'text', (c) => c.notNull().references('uitvoeringsorganisatie.id'))
    .execute();
  await db.schema
    .createTable('gebruiker')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('gebruikersnaam', 'text', (c) => c.notNull().unique())
    .addColumn('naam', 'text', (c) => c.notNull())
    .addColumn('wachtwoord_hash', 'text', (c) => c.notNull())
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('rol')
    .addColumn('gebruiker_id', 'uuid', (c) => c.notNull().references('gebruiker.id').onDelete('cascade'))
    .addColumn('gemeente', 'text', (c) => c.notNull().references('gemeente.slug'))
    .addColumn('rol', 'text', (c) =>
      c.notNull().check(sql`rol in ('casemanager','beleidsmedewerker','manager','auditor','beheerder')`),
    )
    .addPrimaryKeyConstraint('rol_pk', ['gebruiker_id', 'gemeente', 'rol'])
    .execute();
  await db.schema
    .createTable('sessie')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('gebruiker_id', 'uuid', (c) => c.notNull().references('gebruiker.id').onDelete('cascade'))
    .addColumn('verloopt_op', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('inwoner')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('gemeente', 'text', (c) => c.notNull().references('gemeente.slug'))
    .addColumn('bsn_hash', 'text', (c) => c.notNull())
    .addColumn('bsn_versleuteld', 'text', (c) => c.notNull())
    .addColumn('naam', 'text', (c) => c.notNull())
    .addColumn('geboortedatum', 'date')
    .addColumn('casemanager_id', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('versie', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('inwoner_bsn_uniek', ['gemeente', 'bsn_hash'])
    .execute();
  await db.schema
    .createTable('feit')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('inwoner_id', 'uuid', (c) => c.notNull().references('inwoner.id'))
    .addColumn('naam', 'text', (c) => c.notNull())
    .addColumn('waarde', 'jsonb')
    .addColumn('geldig_vanaf', 'date', (c) => c.notNull())
    .addColumn('bron', 'text', (c) => c.notNull())
    .addColumn('vastgelegd_door', 'uuid', (c) => c.notNull().references('gebruiker.id'))
    .addColumn('vastgelegd_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('feit_inwoner_naam')
    .on('feit')
    .columns(['inwoner_id', 'naam', 'geldig_vanaf'])
    .execute();
  await db.schema
    .createTable('aanvraag')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('inwoner_id', 'uuid', (c) => c.notNull().references('inwoner.id'))
    .addColumn('voorziening', 'text', (c) => c.notNull())
    .addColumn('soort', 'text', (c) => c.notNull().check(sql`soort in ('aanvraag','ambtshalve')`))
    .addColumn('ontvangen_op', 'date', (c) => c.notNull())
    .addColumn('gegevens', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('versie', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('aangemaakt_door', 'uuid', (c) => c.notNull().references('gebruiker.id'))
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('beschikking')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('inwoner_id', 'uuid', (c) => c.notNull().references('inwoner.id'))
    .addColumn('aanvraag_id', 'uuid', (c) => c.references('aanvraag.id'))
    .addColumn('vorige_id', 'uuid', (c) => c.references('beschikking.id'))
    .addColumn('soort', 'text', (c) =>
      c.notNull().check(sql`soort in ('toekenning','afwijzing','wijziging','beeindiging')`),
    )
    .addColumn('voorziening', 'text', (c) => c.notNull())
    .addColumn('peildatum', 'date', (c) => c.notNull())
    .addColumn('besluitdatum', 'date', (c) => c.notNull())
    .addColumn('verzonden_op', 'date')
    .addColumn('ingangsdatum', 'date')
    .addColumn('einddatum', 'date')
    .addColumn('uitkomst', 'text', (c) => c.notNull())
    .addColumn('casus', 'jsonb', (c) => c.notNull())
    .addColumn('resultaat', 'jsonb', (c) => c.notNull())
    .addColumn('regelingen', 'jsonb', (c) => c.notNull())
    .addColumn('motivering', 'jsonb', (c) => c.notNull())
    .addColumn('beeindigingsgrond', 'text')
    .addColumn('jaarbedrag_cent', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('genomen_door', 'uuid', (c) => c.notNull().references('gebruiker.id'))
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('beschikking_inwoner')
    .on('beschikking')
    .columns(['gemeente', 'inwoner_id'])
    .execute();
  await db.schema
    .createTable('termijn')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('beschikking_id', 'uuid', (c) => c.notNull().references('beschikking.id'))
    .addColumn('inwoner_id', 'uuid', (c) => c.notNull().references('inwoner.id'))
    .addColumn('soort', 'text', (c) => c.notNull())
    .addColumn('datum', 'date', (c) => c.notNull())
    .addColumn('artikel', 'text', (c) => c.notNull())
    .addColumn('regeling', 'text', (c) => c.notNull())
    .addColumn('omschrijving', 'text', (c) => c.notNull())
    .addColumn('bedrag_cent', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('afgehandeld_op', 'timestamptz')
    .addColumn('afgehandeld_door', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('toelichting', 'text')
    .addUniqueConstraint('termijn_uniek', ['beschikking_id', 'soort', 'datum'])
    .execute();
  await db.schema
    .createIndex('termijn_open')
    .on('termijn')
    .columns(['gemeente', 'status', 'datum'])
    .execute();
  await db.schema
    .createTable('budget')
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('jaar', 'integer', (c) => c.notNull())
    .addColumn('voorziening', 'text', (c) => c.notNull())
    .addColumn('plafond_cent', 'bigint', (c) => c.notNull().check(sql`plafond_cent >= 0`))
    .addColumn('deelnemersplafond', 'integer')
    .addColumn('artikel', 'text', (c) => c.notNull())
    .addColumn('besteed_cent', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('deelnemers', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('budget_pk', ['gemeente', 'jaar', 'voorziening'])
    .addCheckConstraint(
      'budget_binnen_plafond',
      sql`besteed_cent <= plafond_cent and (deelnemersplafond is null or deelnemers <= deelnemersplafond)`,
    )
    .execute();
  await db.schema
    .createTable('budgetmutatie')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('jaar', 'integer', (c) => c.notNull())
    .addColumn('voorziening', 'text', (c) => c.notNull())
    .addColumn('soort', 'text', (c) =>
      c.notNull().check(sql`soort in ('vaststelling','toekenning','vrijval','overheveling')`),
    )
    .addColumn('bedrag_cent', 'bigint', (c) => c.notNull())
    .addColumn('beschikking_id', 'uuid', (c) => c.references('beschikking.id'))
    .addColumn('besluit', 'text')
    .addColumn('door', 'uuid', (c) => c.notNull().references('gebruiker.id'))
    .addColumn('op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable('beschut_werk_plan')
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('jaar', 'integer', (c) => c.notNull())
    .addColumn('plaatsen', 'integer', (c) => c.notNull().check(sql`plaatsen >= 0`))
    .addColumn('bezet', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('beschut_werk_plan_pk', ['gemeente', 'jaar'])
    .addCheckConstraint('beschut_werk_binnen_plan', sql`bezet <= plaatsen`)
    .execute();
  await db.schema
    .createTable('beschut_werk_indicatie')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('inwoner_id', 'uuid', (c) => c.notNull().references('inwoner.id'))
    .addColumn('indicatiedatum', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('wachtend'))
    .addColumn('geplaatst_op', 'date')
    .addColumn('vrijgekomen_op', 'date')
    .addColumn('versie', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('bezwaar')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('beschikking_id', 'uuid', (c) => c.notNull().references('beschikking.id'))
    .addColumn('ontvangen_op', 'date', (c) => c.notNull())
    .addColumn('termijn_einde', 'date', (c) => c.notNull())
    .addColumn('tijdig', 'boolean', (c) => c.notNull())
    .addColumn('uitkomst', 'text')
    .addColumn('beslist_op', 'date')
    .addColumn('versie', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('audit')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('tijdstip', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('gebruiker_id', 'uuid')
    .addColumn('gemeente', 'text')
    .addColumn('actie', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text')
    .addColumn('doel', 'text', (c) => c.notNull())
    .execute();
  // Append-only: the audit trail can be added to, never changed or emptied by the application.
  await sql`create function audit_alleen_toevoegen() returns trigger language plpgsql as $$
    begin raise exception 'audit is alleen toevoegen'; end $$`.execute(db);
  await sql`create trigger audit_onwijzigbaar before update or delete on audit
    for each row execute function audit_alleen_toevoegen()`.execute(db);
  await db.schema
    .createTable('idempotentie')
    .addColumn('gebruiker_id', 'uuid', (c) => c.notNull())
    .addColumn('sleutel', 'text', (c) => c.notNull())
    .addColumn('verzoek', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('antwoord', 'jsonb', (c) => c.notNull())
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotentie_pk', ['gebruiker_id', 'sleutel'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
