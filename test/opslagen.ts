import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import { openOpslag, type Opslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import type { Engine } from '../src/engine/index.ts';

/**
 * The stores every store test runs against: PGlite always, PostgreSQL too when DATABASE_URL is set.
 * Each PostgreSQL run gets a schema of its own and drops it afterwards.
 */
export const OPSLAGEN: readonly { naam: 'pglite' | 'postgres'; open: (engine: Engine) => Promise<Opslag> }[] =
  [
    {
      naam: 'pglite',
      open: (engine) => klaarzetten(openOpslag({ dataDir: '' }, { inGeheugen: true }), engine),
    },
    ...(process.env.DATABASE_URL
      ? [
          {
            naam: 'postgres' as const,
            open: async (engine: Engine) => {
              const schema = `t_${randomBytes(6).toString('hex')}`;
              const o = await openOpslag({ dataDir: '', databaseUrl: process.env.DATABASE_URL! }, { schema });
              const klaar = await klaarzetten(Promise.resolve(o), engine);
              return {
                ...klaar,
                sluit: async () => {
                  await sql`drop schema ${sql.id(schema)} cascade`.execute(o.db);
                  await o.sluit();
                },
              };
            },
          },
        ]
      : []),
  ];

async function klaarzetten(o: Promise<Opslag>, engine: Engine): Promise<Opslag> {
  const opslag = await o;
  await migreer(opslag.db, opslag.schema);
  await zorgVoorGemeenten(opslag.db, engine.bibliotheek);
  return opslag;
}

export const TEST_SLEUTEL = 'a'.repeat(64);
