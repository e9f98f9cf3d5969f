import { resolve } from 'node:path';

/** Settings from the environment; documented in the README. */
export interface Configuratie {
  readonly poort: number;
  /** Directory of the embedded store (PGlite) and its key file; ignored for the store when databaseUrl is set. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /**
   * PostgreSQL: the owner's connection, for migrations and the grants to the application's role
   * (DATABASE_MIGRATIE_URL; when unset the application connects as the owner, DATABASE_URL).
   */
  readonly databaseMigratieUrl?: string;
  /** PostgreSQL schema to use instead of the default (one server, several installations or test runs). */
  readonly databaseSchema?: string;
  /** 32-byte key (hex) that encrypts BSNs; kept outside the database so a dump alone does not reveal them. */
  readonly bsnSleutel?: string;
}

export function configuratieUitOmgeving(env: NodeJS.ProcessEnv = process.env): Configuratie {
  const poort = env.PORT === undefined ? 3000 : Number(env.PORT);
  if (!Number.isInteger(poort) || poort < 0 || poort > 65535)
    throw new Error(`PORT moet een poortnummer zijn, niet '${env.PORT}'`);
  return {
    poort,
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.DATABASE_MIGRATIE_URL ? { databaseMigratieUrl: env.DATABASE_MIGRATIE_URL } : {}),
    ...(env.DATABASE_SCHEMA ? { databaseSchema: env.DATABASE_SCHEMA } : {}),
    ...(env.BSN_SLEUTEL ? { bsnSleutel: env.BSN_SLEUTEL } : {}),
  };
}
