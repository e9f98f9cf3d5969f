import type { PGlite } from '@electric-sql/pglite';
import type PgBoss from 'pg-boss';
import type { Opslag } from './database.ts';

/**
 * The job queue: pg-boss on both stores. On PostgreSQL it has its own connection pool, as pg-boss
 * is meant to run. On PGlite it runs in the same process through pg-boss's `db` option: every
 * statement goes to the one embedded instance, whose exclusive lock also guards Kysely's
 * transactions, so a queue statement can never land inside an application transaction. pg-boss
 * sends its own transactions as one multi-statement text, which PGlite's `exec` runs whole.
 */
export interface Wachtrij {
  readonly soort: Opslag['soort'];
  /**
   * A worker for a named queue, optionally on a cron schedule (Europe/Amsterdam). Safe to call on
   * every start: the queue is created when missing and a schedule replaces the earlier one.
   */
  registreer(
    naam: string,
    werk: (data: unknown) => Promise<object>,
    opties?: { cron?: string },
  ): Promise<void>;
  stuur(naam: string, data: object): Promise<string>;
  taak(naam: string, id: string): Promise<{ status: string; uitvoer: unknown } | null>;
  roosters(): Promise<{ naam: string; cron: string; tijdzone: string }[]>;
  stop(): Promise<void>;
}

export const TIJDZONE = 'Europe/Amsterdam';

export interface WachtrijOpties {
  /** PostgreSQL only: pg-boss opens its own pool on this server. */
  readonly databaseUrl?: string;
  /** How often an idle worker looks for work. */
  readonly pollSeconden?: number;
}

/** The schema pg-boss keeps its tables in: beside the application's own schema when that has a name. */
export function wachtrijSchema(opslag: Opslag): string {
  return opslag.schema ? `${opslag.schema}_pgboss` : 'pgboss';
}

export async function openWachtrij(opslag: Opslag, opties: WachtrijOpties = {}): Promise<Wachtrij> {
  const schema = wachtrijSchema(opslag);
  // pg-boss (with its cron parser and date library) loads here, not with the modules that only name
  // the queue: the server opens the queue after its first answer (issue 14).
  const { default: PgBoss } = await import('pg-boss');
  let boss: PgBoss;
  if (opslag.soort === 'postgres') {
    if (!opties.databaseUrl) throw new Error('de wachtrij op PostgreSQL heeft DATABASE_URL nodig');
    boss = new PgBoss({
      connectionString: opties.databaseUrl,
      schema,
      max: 3,
      application_name: 'reintegratie-wachtrij',
    });
  } else {
    if (!opslag.pglite) throw new Error('de ingebedde opslag geeft geen PGlite-instantie');
    boss = new PgBoss({ db: pgliteVoorPgBoss(opslag.pglite), schema });
  }
  // pg-boss reports background failures as events; without a listener Node would stop the process.
  boss.on('error', (e: unknown) => console.error(`wachtrij: ${e instanceof Error ? e.message : String(e)}`));
  await boss.start();
  const poll = opties.pollSeconden ?? 5;
  return {
    soort: opslag.soort,
    async registreer(naam, werk, o = {}) {
      await boss.createQueue(naam, {
        name: naam,
        retryLimit: 3,
        retryDelay: 300,
        retryBackoff: true,
        expireInSeconds: 3600,
      });
      await boss.work<object>(naam, { pollingIntervalSeconds: poll, batchSize: 1 }, async ([taak]) =>
        taak ? werk(taak.data) : {},
      );
      if (o.cron) await boss.schedule(naam, o.cron, {}, { tz: TIJDZONE });
    },
    async stuur(naam, data) {
      const id = await boss.send(naam, data);
      if (!id) throw new Error(`taak '${naam}' niet aangenomen`);
      return id;
    },
    async taak(naam, id) {
      const t = await boss.getJobById(naam, id);
      return t ? { status: t.state, uitvoer: t.output ?? null } : null;
    },
    async roosters() {
      return (await boss.getSchedules()).map((s) => ({
        naam: s.name,
        cron: s.cron,
        tijdzone: s.options?.tz ?? TIJDZONE,
      }));
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

/**
 * pg-boss's database contract (executeSql returning rows) on an embedded instance. Without
 * parameters the text may hold several statements (pg-boss's own BEGIN … COMMIT blocks), which
 * only the simple protocol of `exec` accepts; with parameters it is one statement for `query`.
 */
function pgliteVoorPgBoss(pglite: PGlite) {
  return {
    async executeSql(tekst: string, waarden?: unknown[]) {
      // The embedded instance runs a statement synchronously, and a chain of them never reaches the
      // event loop's I/O phase: yield first, so HTTP requests are answered between the queue's
      // statements rather than after all of them (the queue starts while the server already listens).
      await new Promise<void>((klaar) => setImmediate(klaar));
      if (!waarden || waarden.length === 0) {
        const resultaten = await pglite.exec(tekst);
        return { rows: resultaten.at(-1)?.rows ?? [] };
      }
      const r = await pglite.query(tekst, waarden);
      return { rows: r.rows };
    },
  };
}
