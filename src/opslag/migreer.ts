import { sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Configuratie } from './configuratie.ts';
import { type Db, type Opslag, openOpslag } from './database.ts';
import { verleenRechten } from './rollen.ts';
import * as basis from './migraties/0001-basis.ts';
import * as beschutWerkBezwaarTaken from './migraties/0002-beschut-werk-bezwaar-taken.ts';
import * as lksBedragen from './migraties/0003-lks-bedragen.ts';
import * as budgetVrijval from './migraties/0004-budget-vrijval.ts';
import * as documenten from './migraties/0015-documenten.ts';
import * as randEnAanmelding from './migraties/0005-rand-en-aanmelding.ts';
import * as klantnummer from './migraties/0020-klantnummer.ts';
import * as auditketen from './migraties/0021-auditketen.ts';
import * as sleutelVingerafdruk from './migraties/0022-sleutel-vingerafdruk.ts';
import * as idempotentieAtomair from './migraties/0024-idempotentie-atomair.ts';
import * as regelingarchief from './migraties/0025-regelingarchief.ts';
import * as ontwerpen from './migraties/0033-ontwerpen.ts';
import * as voortgangIndexen from './migraties/0040-voortgang-indexen.ts';

/** Versioned migrations, listed in code so a bundle or a fresh clone always has all of them. */
const MIGRATIES: Record<string, Migration> = {
  '0001-basis': basis,
  '0002-beschut-werk-bezwaar-taken': beschutWerkBezwaarTaken,
  '0003-lks-bedragen': lksBedragen,
  '0004-budget-vrijval': budgetVrijval,
  '0015-documenten': documenten,
  '0005-rand-en-aanmelding': randEnAanmelding,
  '0020-klantnummer': klantnummer,
  '0021-auditketen': auditketen,
  '0022-sleutel-vingerafdruk': sleutelVingerafdruk,
  '0024-idempotentie-atomair': idempotentieAtomair,
  '0025-regelingarchief': regelingarchief,
  '0033-ontwerpen': ontwerpen,
  '0040-voortgang-indexen': voortgangIndexen,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIES };

/** Brings the schema up to date; runs on every start and is a no-op when nothing is new. */
export async function migreer(db: Db, schema?: string): Promise<void> {
  if (await alleGedraaid(db, schema)) return;
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'migratie',
    migrationLockTableName: 'migratie_slot',
    // Migrations are developed side by side on branches; each stands alone, so one merged later with a
    // lower number must still run on a store that already ran a higher one.
    allowUnorderedMigrations: true,
    // Without it Kysely takes a migratie table in any other schema on the server for its own.
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const mislukt = results?.find((r) => r.status === 'Error');
  if (error || mislukt) {
    throw new Error(
      `migratie ${mislukt?.migrationName ?? ''} mislukt: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Whether the store ran exactly the migrations the code has: then there is nothing to do, and the
 * Migrator, whose table checks read the whole catalog, is not needed (a start on an existing store
 * takes a query instead of most of a second). Anything else, a new store included, goes to it.
 */
async function alleGedraaid(db: Db, schema?: string): Promise<boolean> {
  try {
    const tabel = sql.table(schema ? `${schema}.migratie` : 'migratie');
    const { rows } = await sql<{ name: string }>`select name from ${tabel}`.execute(db);
    const gedraaid = new Set(rows.map((r) => r.name));
    const bekend = Object.keys(MIGRATIES);
    return gedraaid.size === bekend.length && bekend.every((m) => gedraaid.has(m));
  } catch {
    return false;
  }
}

/**
 * Brings the store up to date as its owner: on PostgreSQL with DATABASE_MIGRATIE_URL the migrations
 * run over that connection and the application's own role (the user of DATABASE_URL) is then given
 * exactly what it needs, no more (src/opslag/rollen.ts); otherwise over the store's own connection.
 */
export async function migreerOpslag(
  config: Pick<Configuratie, 'databaseUrl' | 'databaseMigratieUrl'>,
  opslag: Opslag,
): Promise<void> {
  if (
    opslag.soort !== 'postgres' ||
    !config.databaseMigratieUrl ||
    config.databaseMigratieUrl === config.databaseUrl
  ) {
    await migreer(opslag.db, opslag.schema);
    return;
  }
  const eigenaar = await openOpslag(
    { dataDir: '', databaseUrl: config.databaseMigratieUrl },
    opslag.schema ? { schema: opslag.schema } : {},
  );
  try {
    await migreer(eigenaar.db, eigenaar.schema);
    const { rows } = await sql<{ rol: string }>`select current_user as rol`.execute(opslag.db);
    const { wachtrijSchema } = await import('./wachtrij.ts');
    await verleenRechten(eigenaar.db, rows[0]!.rol, opslag.schema ?? 'public', wachtrijSchema(opslag));
  } finally {
    await eigenaar.sluit();
  }
}
