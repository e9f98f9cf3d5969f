/**
 * API load bench (issue 3 item 4): `npm run bench:api`.
 *
 * Starts the real server (`reintegratie serve`) as a child process on the embedded store and, when a
 * server answers at DATABASE_URL (default the local one), on PostgreSQL in a schema of its own, and
 * drives it with autocannon over loopback:
 *   1. POST /evaluate held at 1,000 requests/s (target p99 ≤ 20 ms), then at full speed, with a varied
 *      case mix: the bodies go round 2,000 generated Dinkelland cases (requests for every voorziening,
 *      cases without a request, facts missing), not one fixed case;
 *   2. grants with the budget check at full speed, then a race for the last room under a ceiling;
 *      afterwards the store is checked: no ceiling overrun and exactly as many grants as fit.
 * Where the machine has two cores or more and `taskset` is there, the server runs on the last core and
 * this process (the load generator) on the first, so they do not take each other's core.
 * Writes bench/api-results.md. BENCH_OPSLAG=pglite|postgres runs one store only; BENCH_PROFIEL=<dir>
 * runs the server with --cpu-prof into that dir. `--alleen-evaluatie --json <file>` (npm run bench)
 * runs step 1 only and writes its rows as JSON to that file instead. `--alleen-toekenningen` runs step 2
 * only and prints its rows and checks without writing bench/api-results.md (for measuring a change).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { maakGebruiker } from '../src/administratie/gebruikers.ts';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import type { Configuratie } from '../src/opslag/configuratie.ts';
import { openOpslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import { aanbodVan, maakCasusmaker } from '../src/caseload/index.ts';
import { maakEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';
import { gelijkmatig } from './gelijkmatig.ts';

const ROOT = join(import.meta.dirname, '..');
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SLEUTEL = 'b'.repeat(64);
const WACHTWOORD = 'bench-wachtwoord-1';
const JAARBEDRAG = 30_000;
const INWONERS = 30_000;
const EVALUATIE_RATE = 1_000;
const EVALUATIE_DUUR = 15;
const MAX_DUUR = 10;
const TOEKENNING_DUUR = 15;
/** Grants that still fit when the ceiling race starts; twice as many compete for them. */
const RESTRUIMTE = 500;

const ALLEEN_EVALUATIE = process.argv.includes('--alleen-evaluatie');
const ALLEEN_TOEKENNINGEN = process.argv.includes('--alleen-toekenningen');
const JSON_UIT = process.argv.includes('--json')
  ? process.argv[process.argv.indexOf('--json') + 1]
  : undefined;
const MIX = 2_000;

/** The case mix of the /evaluate runs, and its outcomes as our engine gives them (for the report). */
function casusMix() {
  const b = laadBibliotheek();
  if (!b.ok) throw new Error('regelgeving laadt niet');
  const engine = maakEngine(b.waarde);
  const p = engine.planOp('dinkelland', '2016-06-01');
  if (!p.ok) throw new Error(p.fout.code);
  const maker = maakCasusmaker({
    gemeente: 'dinkelland',
    peildatum: '2016-06-01',
    seed: 1,
    aanbod: aanbodVan(p.plan),
  });
  const lichamen: string[] = [];
  const uitkomsten: Record<string, number> = {};
  let metAanvraag = 0;
  for (let i = 0; i < MIX; i++) {
    const c = maker.casus(i);
    lichamen.push(JSON.stringify(c));
    if (c.aanvraag) metAanvraag++;
    const r = engine.evalueer(c);
    if (!r.ok) throw new Error(r.fout.code);
    for (const v of r.resultaat.voorzieningen) uitkomsten[v.uitkomst] = (uitkomsten[v.uitkomst] ?? 0) + 1;
  }
  const bytes = lichamen.reduce((n, l) => n + l.length, 0);
  return { lichamen, uitkomsten, metAanvraag, gemiddeldeBytes: Math.round(bytes / MIX) };
}

const mix = casusMix();

/** Pins the server to the last core and this process to the first, where the machine allows. */
const KERNEN = cpus().length;
const TASKSET = KERNEN >= 2 && spawnSync('taskset', ['-V']).status === 0;
const SERVERKERN = KERNEN - 1;
if (TASKSET) spawnSync('taskset', ['-pc', '0', String(process.pid)]);
const vastgezet = TASKSET
  ? `server pinned to core ${SERVERKERN}, load generator (this process) to core 0 (taskset)`
  : 'server and load generator share the cores (no taskset, or one core)';

const toekenning = (inwonerId: string) =>
  JSON.stringify({
    inwonerId,
    soort: 'toekenning',
    peildatum: '2016-05-01',
    aanvraag: {
      voorziening: 'participatieplaats',
      ingangsdatum: '2016-05-01',
      duurMaanden: 12,
      urenPerWeek: 24,
      voldoendeMeegewerkt: true,
    },
    oordelen: { participatieplaatsPassend: { antwoord: true, motivering: 'Passend gezien de afstand.' } },
  });

interface Meting {
  readonly naam: string;
  /** Server CPU time (user + system) per request, from /proc: less sensitive to other load than latency. */
  readonly cpuMs: number;
  readonly verzoeken: number;
  readonly perSeconde: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly fouten: number;
  /** Grants only: CPU of all PostgreSQL processes per request, and of the server's own connections among them. */
  readonly pgCpuMs?: number;
  readonly pgEigenCpuMs?: number;
  /** Grants only: CPU of this process (autocannon, the load generator) per request. */
  readonly lastCpuMs?: number;
}

interface Server {
  readonly url: string;
  readonly proces: ChildProcess;
  readonly einde: Promise<number | null>;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const profiel = process.env.BENCH_PROFIEL
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFIEL}`]
    : [];
  const opdracht = [process.execPath, ...profiel, join(ROOT, 'bin', 'reintegratie.js'), 'serve'];
  const [programma, ...args] = TASKSET ? ['taskset', '-c', String(SERVERKERN), ...opdracht] : opdracht;
  const proces = spawn(programma!, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const einde = new Promise<number | null>((klaar) => proces.once('exit', (code) => klaar(code)));
  let uit = '';
  return new Promise((klaar, faal) => {
    proces.stdout!.on('data', (d: Buffer) => {
      uit += d.toString();
      const m = /luistert op (http:\/\/\S+)/.exec(uit);
      if (m) klaar({ url: m[1]!, proces, einde });
    });
    void einde.then((code) => faal(new Error(`server stopte (code ${code})\n${uit}`)));
  });
}

async function stopServer(s: Server): Promise<void> {
  s.proces.kill('SIGTERM');
  await s.einde;
}

async function zaai(config: Configuratie, inwoners: number): Promise<string[]> {
  const b = laadBibliotheek();
  if (!b.ok) throw new Error('regelgeving laadt niet');
  const o = await openOpslag(config);
  try {
    await migreer(o.db, o.schema);
    await zorgVoorGemeenten(o.db, b.waarde);
    const cm = await maakGebruiker(o.db, {
      gebruikersnaam: 'cm',
      naam: 'cm',
      wachtwoord: WACHTWOORD,
      rollen: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
    });
    await maakGebruiker(o.db, {
      gebruikersnaam: 'beleid',
      naam: 'beleid',
      wachtwoord: WACHTWOORD,
      rollen: [{ gemeente: 'dinkelland', rol: 'beleidsmedewerker' }],
    });
    await o.db
      .insertInto('budget')
      .values({
        gemeente: 'dinkelland',
        jaar: 2016,
        voorziening: 'participatieplaats',
        plafondCent: 1_000_000 * JAARBEDRAG,
        deelnemersplafond: null,
        artikel: '3 lid 1',
      })
      .execute();
    const ids: string[] = [];
    // The server checks its key against a stored BSN at start: the seeded ones are really encrypted with it.
    const bsnVersleuteld = maakBsnKluis(SLEUTEL).versleutel('111222333');
    for (let start = 0; start < inwoners; start += 1_000) {
      const rijen = await o.db
        .insertInto('inwoner')
        .values(
          Array.from({ length: 1_000 }, (_, i) => ({
            gemeente: 'dinkelland',
            bsnHash: `bench-${start + i}`,
            bsnVersleuteld,
            naam: `Bench ${start + i}`,
            geboortedatum: '1980-01-01',
            casemanagerId: cm,
          })),
        )
        .returning('id')
        .execute();
      await o.db
        .insertInto('feit')
        .values(
          rijen.map(({ id }) => ({
            gemeente: 'dinkelland',
            inwonerId: id,
            naam: 'uitkering',
            waarde: JSON.stringify('algemene-bijstand'),
            geldigVanaf: '2016-01-01',
            bron: 'bench',
            vastgelegdDoor: cm,
          })),
        )
        .execute();
      ids.push(...rijen.map((r) => r.id));
    }
    return ids;
  } finally {
    await o.sluit();
  }
}

/**
 * Waits until the jobs the server sends itself at start (the documents of today, `inhalen`) are done,
 * so their CPU (the progress report's PDFs) is not counted against the grants measured after.
 * PostgreSQL only: on the embedded store the server holds the one connection.
 */
async function wachtOpStarttaken(config: Configuratie): Promise<number> {
  if (!config.databaseUrl) return 0;
  const c = new pg.Client({ connectionString: config.databaseUrl });
  await c.connect();
  const begin = Date.now();
  try {
    // pg-boss picks a job up within its polling interval (5 s): wait at least that long for one to start.
    for (let open = 1; open > 0 || Date.now() - begin < 6_000;) {
      if (Date.now() - begin > 120_000) throw new Error('de starttaken van de server liepen niet af');
      await new Promise((r) => setTimeout(r, 500));
      const r = await c.query<{ n: number }>(
        `select count(*)::int as n from ${config.databaseSchema}_pgboss.job where state in ('created', 'retry', 'active') and start_after <= now()`,
      );
      open = r.rows[0]!.n;
    }
  } finally {
    await c.end();
  }
  return (Date.now() - begin) / 1000;
}

async function meldAan(url: string, gebruikersnaam: string): Promise<string> {
  const r = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam, wachtwoord: WACHTWOORD }),
  });
  if (r.status !== 200) throw new Error(`aanmelden mislukt: ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

/** CPU seconds used so far by a process (Linux /proc; 0 elsewhere). */
function cpuTijd(pid: number | undefined): number {
  try {
    const velden = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(velden[11]) + Number(velden[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds so far of every PostgreSQL process on this machine, by pid (Linux /proc; none elsewhere). */
function postgresTijden(): Map<number, number> {
  const uit = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return uit;
  }
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres) ')) continue;
      const velden = stat.split(') ')[1]!.split(' ');
      uit.set(Number(pid), (Number(velden[11]) + Number(velden[12])) / 100);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return uit;
}

/**
 * PostgreSQL's CPU between two readings: all its processes (a process that started in between counts
 * whole; one that ended is lost), and apart the server's own connections, found by their
 * application_name, since other work on the same PostgreSQL shows in the first figure.
 */
async function postgresCpu(voor: Map<number, number>, config: Configuratie, appNaam: string) {
  const na = postgresTijden();
  let alles = 0;
  for (const [pid, t] of na) alles += t - (voor.get(pid) ?? 0);
  let eigen = 0;
  if (config.databaseUrl) {
    const c = new pg.Client({ connectionString: config.databaseUrl });
    await c.connect();
    try {
      const r = await c.query<{ pid: number }>(
        'select pid from pg_stat_activity where application_name = $1',
        [appNaam],
      );
      for (const { pid } of r.rows) eigen += (na.get(pid) ?? 0) - (voor.get(pid) ?? 0);
    } finally {
      await c.end();
    }
  }
  return { alles, eigen };
}

async function gemeten(naam: string, pid: number | undefined, run: () => Promise<autocannon.Result>) {
  const voor = cpuTijd(pid);
  const r = await run();
  return meting(naam, r, ((cpuTijd(pid) - voor) * 1000) / Math.max(1, r.requests.total));
}

function meting(naam: string, r: autocannon.Result, cpuMs: number): Meting {
  return {
    naam,
    cpuMs,
    verzoeken: r.requests.total,
    perSeconde: r.requests.total / (r.duration || 1),
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    fouten: r.errors + r.timeouts + r.non2xx,
  };
}

const koppen = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

/**
 * autocannon holds a rate with a per-second quota per connection: each connection sends its share
 * back to back at the start of every second and then waits. The connection count is therefore the
 * depth of the burst the server sees each second; both a shallow (10) and a deep (50) burst are
 * measured, and full speed with 20 connections.
 */
async function meetEvaluatie(url: string, token: string, pid: number | undefined): Promise<Meting[]> {
  let volgende = 0;
  const basis = {
    url,
    requests: [
      {
        method: 'POST' as const,
        path: '/evaluate',
        headers: koppen(token),
        setupRequest: (req: autocannon.Request) => ({ ...req, body: mix.lichamen[volgende++ % MIX]! }),
      },
    ],
  };
  await autocannon({ ...basis, connections: 10, duration: 3 });
  const uit: Meting[] = [];
  // The target's own measure: arrivals evenly spaced at 1,000/s, latency from the moment each was due.
  const cpuVoor = cpuTijd(pid);
  const g = await gelijkmatig({
    url: `${url}/evaluate`,
    method: 'POST',
    headers: koppen(token),
    lichamen: mix.lichamen,
    perSeconde: EVALUATIE_RATE,
    seconden: EVALUATIE_DUUR,
  });
  uit.push({
    naam: `POST /evaluate, gelijkmatig ${EVALUATIE_RATE}/s (open lus)`,
    cpuMs: ((cpuTijd(pid) - cpuVoor) * 1000) / Math.max(1, g.verzoeken),
    ...g,
  });
  for (const connections of [10, 50])
    uit.push(
      await gemeten(
        `POST /evaluate, ${EVALUATIE_RATE}/s in secondestoten, ${connections} verbindingen`,
        pid,
        () => autocannon({ ...basis, connections, overallRate: EVALUATIE_RATE, duration: EVALUATIE_DUUR }),
      ),
    );
  uit.push(
    await gemeten('POST /evaluate, maximaal, 20 verbindingen', pid, () =>
      autocannon({ ...basis, connections: 20, duration: MAX_DUUR }),
    ),
  );
  return uit;
}

/** Drives grants over distinct inwoners; counts what the answers say (toekenning or plafond-afwijzing). */
async function toekennen(
  url: string,
  token: string,
  ids: readonly string[],
  vanaf: number,
  opties: { duration: number } | { amount: number },
) {
  let volgende = vanaf;
  const soorten = { toekenning: 0, afwijzing: 0 };
  const r = await autocannon({
    url,
    connections: 16,
    ...opties,
    requests: [
      {
        method: 'POST',
        path: '/gemeenten/dinkelland/beschikkingen',
        headers: koppen(token),
        setupRequest: (req) => ({ ...req, body: toekenning(ids[volgende++ % ids.length]!) }),
        onResponse: (status, body) => {
          if (status !== 201) return;
          const soort = (JSON.parse(body) as { soort: string }).soort;
          if (soort === 'toekenning' || soort === 'afwijzing') soorten[soort]++;
        },
      },
    ],
  });
  return { r, soorten, volgende };
}

async function budget(url: string, token: string) {
  const r = await fetch(`${url}/gemeenten/dinkelland/budgetten/2016`, { headers: koppen(token) });
  const [b] = (await r.json()) as { plafondCent: number; besteedCent: number; deelnemers: number }[];
  if (!b) throw new Error('geen budget');
  return b;
}

async function meetToekenningen(
  url: string,
  token: string,
  beleid: string,
  ids: readonly string[],
  pid: number | undefined,
  config: Configuratie,
  appNaam: string,
) {
  const pgA = postgresTijden();
  const lastA = process.cpuUsage();
  const cpuA = cpuTijd(pid);
  const a = await toekennen(url, token, ids, 0, { duration: TOEKENNING_DUUR });
  const n = Math.max(1, a.r.requests.total);
  const cpuPerA = ((cpuTijd(pid) - cpuA) * 1000) / n;
  const last = process.cpuUsage(lastA);
  const pgCpu = await postgresCpu(pgA, config, appNaam);
  // autocannon stops counting at the deadline, but requests still in flight are still decided: wait for them.
  let voor = await budget(url, beleid);
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const nu = await budget(url, beleid);
    if (nu.deelnemers === voor.deelnemers) break;
    voor = nu;
  }
  // The race: lower the ceiling to what is spent plus RESTRUIMTE grants, then let twice as many compete.
  const plafond = voor.besteedCent + RESTRUIMTE * JAARBEDRAG;
  const gezet = await fetch(`${url}/gemeenten/dinkelland/budgetten/2016/participatieplaats`, {
    method: 'PUT',
    headers: koppen(beleid),
    body: JSON.stringify({ plafondCent: plafond, artikel: '3 lid 1', besluit: 'Bench: plafond verlaagd' }),
  });
  if (gezet.status !== 200) throw new Error(`plafond zetten: ${gezet.status} ${await gezet.text()}`);
  const cpuB = cpuTijd(pid);
  const b = await toekennen(url, token, ids, a.volgende, { amount: 2 * RESTRUIMTE });
  const cpuPerB = ((cpuTijd(pid) - cpuB) * 1000) / Math.max(1, b.r.requests.total);
  const na = await budget(url, beleid);
  return {
    metingen: [
      {
        ...meting('toekenningen met budgetcontrole, maximaal, 16 verbindingen', a.r, cpuPerA),
        ...(config.databaseUrl
          ? { pgCpuMs: (pgCpu.alles * 1000) / n, pgEigenCpuMs: (pgCpu.eigen * 1000) / n }
          : {}),
        lastCpuMs: (last.user + last.system) / 1000 / n,
      },
      meting(`plafondrace: ${2 * RESTRUIMTE} verzoeken om ${RESTRUIMTE} plaatsen`, b.r, cpuPerB),
    ],
    a: a.soorten,
    b: b.soorten,
    plafond,
    na,
  };
}

/** Reads the store after the server stopped: spent equals the sum of grants, and never above the ceiling. */
async function controleer(config: Configuratie) {
  const o = await openOpslag(config);
  try {
    const { n, som } = await o.db
      .selectFrom('beschikking')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('jaarbedragCent').as('som')])
      .where('soort', '=', 'toekenning')
      .executeTakeFirstOrThrow();
    const b = await o.db.selectFrom('budget').selectAll().executeTakeFirstOrThrow();
    const zonderMutatie = await o.db
      .selectFrom('beschikking')
      .leftJoin('budgetmutatie', 'budgetmutatie.beschikkingId', 'beschikking.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('beschikking.soort', '=', 'toekenning')
      .where('budgetmutatie.id', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      toekenningen: Number(n),
      somJaarbedrag: Number(som),
      besteed: Number(b.besteedCent),
      plafond: Number(b.plafondCent),
      zonderMutatie: Number(zonderMutatie.n),
    };
  } finally {
    await o.sluit();
  }
}

async function postgresBereikbaar(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3_000 });
  try {
    await c.connect();
    const r = await c.query<{ server_version: string }>('show server_version');
    return r.rows[0]?.server_version;
  } catch {
    return undefined;
  } finally {
    await c.end().catch(() => {});
  }
}

async function bench(naam: 'pglite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'reintegratie-bench-'));
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const pgConfig = naam === 'postgres' ? { databaseUrl: PG_URL, databaseSchema: schema } : {};
  const config: Configuratie = { poort: 0, dataDir, ...pgConfig };
  const { DATABASE_URL: _u, DATABASE_SCHEMA: _s, ...basis } = process.env;
  const env = {
    ...basis,
    PORT: '0',
    DATA_DIR: dataDir,
    BSN_SLEUTEL: SLEUTEL,
    // The server's connections name themselves, so PostgreSQL's CPU for them can be told apart.
    ...(naam === 'postgres' ? { DATABASE_URL: PG_URL, DATABASE_SCHEMA: schema, PGAPPNAME: schema } : {}),
  };
  try {
    process.stdout.write(`${naam}: ${INWONERS} inwoners zaaien… `);
    const ids = await zaai(config, ALLEEN_EVALUATIE ? 1_000 : INWONERS);
    const server = await startServer(env);
    process.stdout.write(`server op ${server.url}\n`);
    const token = await meldAan(server.url, 'cm');
    const beleid = await meldAan(server.url, 'beleid');
    if (!ALLEEN_EVALUATIE) {
      const s = await wachtOpStarttaken(config);
      if (s > 0) process.stdout.write(`  starttaken van de server afgewacht (${s.toFixed(1)} s)\n`);
    }
    const evaluatie = ALLEEN_TOEKENNINGEN ? [] : await meetEvaluatie(server.url, token, server.proces.pid);
    for (const m of evaluatie) console.log(regel(naam, m));
    if (ALLEEN_EVALUATIE) {
      await stopServer(server);
      return { naam, metingen: evaluatie, controles: {} };
    }
    const t = await meetToekenningen(server.url, token, beleid, ids, server.proces.pid, config, schema);
    for (const m of t.metingen) console.log(regel(naam, m));
    await stopServer(server);
    const c = await controleer(config);
    const controles = {
      'besteed ≤ plafond': c.besteed <= c.plafond,
      'besteed = som van de toegekende jaarbedragen': c.besteed === c.somJaarbedrag,
      'elke toekenning heeft haar budgetmutatie': c.zonderMutatie === 0,
      'deelnemers in het budget = toekenningen in de opslag': c.toekenningen === t.na.deelnemers,
      'toekenningen in de opslag ≥ erkende toekenningen': c.toekenningen >= t.a.toekenning + t.b.toekenning,
      [`plafondrace: precies ${RESTRUIMTE} toegekend, de rest afgewezen`]:
        t.b.toekenning === RESTRUIMTE && t.b.afwijzing === RESTRUIMTE && c.besteed === c.plafond,
    };
    for (const [k, v] of Object.entries(controles)) console.log(`  ${v ? 'ok  ' : 'FOUT'} ${k}`);
    return { naam, metingen: [...evaluatie, ...t.metingen], controles, c };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (naam === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    }
  }
}

const regel = (opslag: string, m: Meting) =>
  `${opslag.padEnd(9)} ${m.naam.padEnd(58)} ${m.perSeconde.toFixed(0).padStart(6)}/s  p50 ${m.p50.toFixed(1).padStart(5)} ms  p99 ${m.p99.toFixed(1).padStart(6)} ms  max ${m.max.toFixed(0).padStart(5)} ms  server-cpu ${m.cpuMs.toFixed(2)} ms/verzoek${m.pgCpuMs === undefined ? '' : `  postgres-cpu ${m.pgCpuMs.toFixed(2)} ms/verzoek (eigen verbindingen ${m.pgEigenCpuMs!.toFixed(2)})`}${m.lastCpuMs === undefined ? '' : `  lastgenerator-cpu ${m.lastCpuMs.toFixed(2)} ms/verzoek`}  fouten ${m.fouten}`;

const pgVersie = await postgresBereikbaar();
const lastBegin = loadavg()[0]!.toFixed(2);
const begin = Date.now();
const alleen = process.env.BENCH_OPSLAG;
const uitslagen = [];
if (alleen !== 'postgres') uitslagen.push(await bench('pglite'));
if (alleen !== 'pglite') {
  if (pgVersie) uitslagen.push(await bench('postgres'));
  else console.log(`geen PostgreSQL op ${PG_URL}: alleen de ingebedde opslag`);
}
const duur = (Date.now() - begin) / 1000;
if (TASKSET) spawnSync('taskset', ['-pc', `0-${KERNEN - 1}`, String(process.pid)]);
const mixTekst = `${MIX.toLocaleString('en-US')} generated Dinkelland cases (seed 1, peildatum 2016-06-01, ${mix.metAanvraag.toLocaleString('en-US')} with a request, ${mix.gemiddeldeBytes} bytes of JSON on average), sent in turn; their outcomes as our engine gives them: ${Object.entries(
  mix.uitkomsten,
)
  .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
  .join(', ')}`;
if (ALLEEN_EVALUATIE) {
  if (!JSON_UIT) throw new Error('--alleen-evaluatie hoort bij --json <bestand>');
  writeFileSync(
    JSON_UIT,
    JSON.stringify({ uitslagen, duur, pgVersie: pgVersie ?? null, mix: mixTekst, vastgezet, lastBegin }),
  );
  process.exit(0);
}

if (ALLEEN_TOEKENNINGEN) {
  console.log(
    `load average (1 min) at start ${lastBegin}, at the end ${loadavg()[0]!.toFixed(2)}; ${vastgezet}`,
  );
  if (uitslagen.some((u) => Object.values(u.controles).some((v) => !v))) process.exitCode = 1;
  process.exit();
}

const pglite = JSON.parse(
  readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
) as {
  version: string;
};
const md = [
  '# API load bench',
  '',
  `Command: \`npm run bench:api\` (${new Date().toISOString().slice(0, 10)}, ${duur.toFixed(0)} s in all).`,
  '',
  `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GB RAM; Node ${process.version}; PGlite ${pglite.version}${pgVersie ? `; PostgreSQL ${pgVersie} on the same machine` : ''}. Server (\`reintegratie serve\`, one process) and autocannon run on this machine, over loopback: ${vastgezet}. Load average (1 min) at start ${lastBegin}, at the end ${loadavg()[0]!.toFixed(2)}: other work on the machine shares its two cores and shows in the latencies.`,
  '',
  "Notes: the target is measured open-loop (bench/gelijkmatig.ts): request i is due at i/1000 s and its latency counts from that moment, so a stalled server or a late sender shows in the figures. autocannon holds a rate with a quota per connection per second: each connection sends its share back to back at the start of each second, so its '1000/s over 50 connections' is a burst of 1,000 requests 50 at a time at the start of every second, not evenly spaced arrivals; those rows are kept as a harsher burst test. 'server CPU' is the server process's CPU time per request (from /proc), which other load on the machine disturbs less than latency. PGlite runs inside the server process, so its CPU includes the database work; PostgreSQL's own CPU is not in that column.",
  '',
  `Case mix of the /evaluate rows: ${mixTekst}.`,
  '',
  'Targets (issue 3): `POST /evaluate` p99 ≤ 20 ms at 1,000 requests/s; grants with budget check ≥ 500/s on PostgreSQL with zero ceiling overruns.',
  '',
  '| store | what | requests | per second | p50 ms | p99 ms | max ms | server CPU ms/request | errors |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ...uitslagen.flatMap((u) =>
    u.metingen.map(
      (m) =>
        `| ${u.naam} | ${m.naam} | ${m.verzoeken} | ${m.perSeconde.toFixed(0)} | ${m.p50.toFixed(1)} | ${m.p99.toFixed(1)} | ${m.max.toFixed(0)} | ${m.cpuMs.toFixed(2)} | ${m.fouten} |`,
    ),
  ),
  '',
  'Checks on the store after each run:',
  '',
  ...uitslagen.flatMap((u) =>
    Object.entries(u.controles).map(([k, v]) => `- ${u.naam}: ${k}: ${v ? 'yes' : '**NO**'}`),
  ),
  '',
];
writeFileSync(join(ROOT, 'bench', 'api-results.md'), md.join('\n'));
console.log(`bench/api-results.md geschreven (${duur.toFixed(0)} s)`);
if (uitslagen.some((u) => Object.values(u.controles).some((v) => !v))) process.exitCode = 1;
