import { sql } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './database.ts';
import * as basis from './migraties/0001-basis.ts';
import * as beschutWerkBezwaarTaken from './migraties/0002-beschut-werk-bezwaar-taken.ts';
import * as lksBedragen from './migraties/0003-lks-bedragen.ts';
import * as budgetVrijval from './migraties/0004-budget-vrijval.ts';
import * as documenten from './migraties/0015-documenten.ts';
import * as randEnAanmelding from './migraties/0005-rand-en-aanmelding.ts';
import * as klantnummer from './migraties/0020-klantnummer.ts';
import * as ontwerpen from './migraties/0033-ontwerpen.ts';

/** Versioned migrations, listed in code so a bundle or a fresh clone always has all of them. */
const MIGRATIES: Record<string, Migration> = {
  '0001-basis': basis,
  '0002-beschut-werk-bezwaar-taken': beschutWerkBezwaarTaken,
  '0003-lks-bedragen': lksBedragen,
  '0004-budget-vrijval': budgetVrijval,
  '0015-documenten': documenten,
  '0005-rand-en-aanmelding': randEnAanmelding,
  '0020-klantnummer': klantnummer,
  '0033-ontwerpen': ontwerpen,
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
