import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import type { Configuratie } from './configuratie.ts';
import type { Database } from './schema.ts';
import { neemSlot } from './slot.ts';
import { benoemVoorbereide } from './voorbereid.ts';

export type Db = Kysely<Database>;

export interface Opslag {
  readonly db: Db;
  readonly soort: 'pglite' | 'postgres';
  /** The PostgreSQL schema in use when not the default one (tests). */
  readonly schema?: string;
  /** The embedded instance itself, for tools that speak to it without Kysely (the job queue). */
  readonly pglite?: PGlite;
  sluit(): Promise<void>;
}

type Pg = (typeof import('pg'))['default'];
let pgModule: Pg | undefined;

/** The PostgreSQL client, loaded on first use (the embedded store's start does without it). */
async function pgKlant(): Promise<Pg> {
  if (pgModule) return pgModule;
  const { default: pg } = await import('pg');
  // DATE columns stay calendar dates: never let the driver turn them into a Date at local midnight.
  pg.types.setTypeParser(1082, (v: string) => v);
  // BIGINT amounts in cents fit in a double up to 2^53; parse them as numbers.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  pgModule = pg;
  return pg;
}

/** Opens the store: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR (or in memory for tests). */
export async function openOpslag(
  config: Pick<Configuratie, 'dataDir' | 'databaseUrl' | 'databaseSchema'>,
  opties: { inGeheugen?: boolean; schema?: string } = {},
): Promise<Opslag> {
  const plugins = [new CamelCasePlugin()];
  if (config.databaseUrl) {
    const pg = await pgKlant();
    const schema = opties.schema ?? config.databaseSchema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('ongeldige schemanaam');
    if (schema) {
      // A schema of its own on a shared server (tests, DATABASE_SCHEMA), so runs never see each other's rows.
      // The application's role may not create it (DATABASE_MIGRATIE_URL): then the owner does, when
      // migrating, before any query of the application reaches it.
      const c = new pg.Client({ connectionString: config.databaseUrl });
      await c.connect();
      try {
        const { rowCount } = await c.query('select 1 from pg_namespace where nspname = $1', [schema]);
        if (!rowCount) await c.query(`create schema if not exists ${schema}`).catch(() => undefined);
      } finally {
        await c.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    benoemVoorbereide(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return {
      db,
      soort: 'postgres',
      ...(schema ? { schema } : {}),
      sluit: () => db.destroy(),
    };
  }
  const parsers = { 1082: (v: string) => v, 20: (v: string) => Number(v) };
  let pglite: PGlite;
  // Only a store on disk can be opened twice; one in memory belongs to its caller alone.
  let geefSlotTerug = () => {};
  if (opties.inGeheugen) pglite = await PGlite.create({ parsers });
  else {
    mkdirSync(config.dataDir, { recursive: true });
    geefSlotTerug = neemSlot(config.dataDir);
    // PGlite runs Postgres with fsync off and its NodeFS writes each WAL page with a synchronous
    // write(2) but never fsyncs: a commit is in the kernel before the query returns, so a killed
    // process loses nothing (test/crash.test.ts), but an OS crash or power cut can. relaxedDurability
    // answers before the filesystem's sync step (empty on NodeFS, real on others); keep it off.
    try {
      pglite = await PGlite.create(join(config.dataDir, 'pglite'), { parsers, relaxedDurability: false });
    } catch (e) {
      geefSlotTerug();
      throw e;
    }
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), plugins });
  return {
    db,
    soort: 'pglite',
    pglite,
    sluit: async () => {
      try {
        await db.destroy();
      } finally {
        geefSlotTerug();
      }
    },
  };
}
