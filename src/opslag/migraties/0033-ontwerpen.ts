import { type Kysely, sql } from 'kysely';

/**
 * A draft's road to the council (issue 13): the draft version of a regulation as its YAML text, its
 * status (ontwerp → raadsvoorstel → vastgesteld, with the decision date), the free-text parts of the
 * raadsvoorstel the policy officer writes, and its advice rounds (the same shape as the round files in
 * regelgeving/, as JSON). Additive only. At most one adopted version per regulation and date.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ontwerp')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('regeling', 'text', (c) => c.notNull())
    .addColumn('geldig_vanaf', 'text', (c) => c.notNull())
    .addColumn('bestandsnaam', 'text', (c) => c.notNull())
    .addColumn('inhoud', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('ontwerp')
        .check(sql`status in ('ontwerp','raadsvoorstel','vastgesteld')`),
    )
    .addColumn('besluitdatum', 'text')
    .addColumn('teksten', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('versie', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('aangemaakt_door', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('ontwerp_besluit', sql`(status = 'vastgesteld') = (besluitdatum is not null)`)
    .execute();
  await sql`create unique index ontwerp_een_vastgestelde_versie on ontwerp (regeling, geldig_vanaf) where status = 'vastgesteld'`.execute(
    db,
  );
  await db.schema
    .createIndex('ontwerp_gemeente')
    .on('ontwerp')
    .columns(['gemeente', 'aangemaakt_op'])
    .execute();
  await db.schema
    .createTable('adviesronde')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('ontwerp_id', 'uuid', (c) => c.notNull().references('ontwerp.id'))
    .addColumn('gemeente', 'text', (c) => c.notNull())
    .addColumn('inhoud', 'jsonb', (c) => c.notNull())
    .addColumn('aangemaakt_door', 'uuid', (c) => c.references('gebruiker.id'))
    .addColumn('aangemaakt_op', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('adviesronde_ontwerp').on('adviesronde').column('ontwerp_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
