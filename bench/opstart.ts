import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draaiCli } from './impact.ts';

/**
 * Start-up as people meet it (issue 14): a one-case `reintegratie evaluate` from start to exit, and
 * the time from starting `reintegratie serve` on an existing store to its first answer. Both run the
 * built CLI (bin/reintegratie.js → dist/), each start a fresh process.
 */

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'reintegratie.js');
const CASUS = join(ROOT, 'voorbeelden', 'dinkelland-participatieplaats.json');

export interface Reeks {
  readonly wat: string;
  readonly commando: string;
  readonly runs: number;
  readonly ms: readonly number[];
  readonly cpuMs?: readonly number[];
}

export const mediaan = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Spawn to exit of `node bin/reintegratie.js evaluate <one case>`, after one start that fills the cache. */
export async function meetEvaluate(runs: number): Promise<Reeks> {
  await draaiCli(['evaluate', CASUS]);
  const ms: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await draaiCli(['evaluate', CASUS]);
    ms.push(r.seconden * 1000);
    cpuMs.push(r.cpuSeconden * 1000);
  }
  return {
    wat: 'one-case evaluate, spawn to exit',
    commando: 'node bin/reintegratie.js evaluate voorbeelden/dinkelland-participatieplaats.json',
    runs,
    ms,
    cpuMs,
  };
}

function vrijePoort(): Promise<number> {
  return new Promise((klaar, mis) => {
    const s = createServer();
    s.once('error', mis);
    s.listen(0, '127.0.0.1', () => {
      const adres = s.address();
      s.close(() => klaar(typeof adres === 'object' && adres ? adres.port : 0));
    });
  });
}

/**
 * The CPU time (user + system, all threads) a running process used so far, from /proc (Linux; the
 * kernel counts in ticks of 1/100 s); undefined elsewhere.
 */
function cpuMsVan(pid: number | undefined): number | undefined {
  try {
    const velden = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(velden[11]) + Number(velden[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * One start of the server on `dataDir`: ms from spawn to the first 200 from /health (and the
 * server's CPU time by then), and to its "listens" line. The server must then stop cleanly (exit 0):
 * a start killed half-way would leave the next one a store to recover, and slower figures.
 */
async function eenStart(
  dataDir: string,
  extra: readonly string[],
): Promise<{ eerste: number; eersteCpu: number | undefined; klaar: number }> {
  const poort = await vrijePoort();
  const { REINTEGRATIE_BRON: _bron, DATABASE_URL: _url, ...basis } = process.env;
  const begin = performance.now();
  const kind = spawn(process.execPath, [BIN, 'serve', ...extra], {
    cwd: ROOT,
    env: { ...basis, DATA_DIR: dataDir, PORT: String(poort) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const einde = new Promise<number | null>((k) => kind.once('exit', (code) => k(code)));
  let klaar = 0;
  let uit = '';
  const luistert = new Promise<void>((k) =>
    kind.stdout!.on('data', (d: Buffer) => {
      uit += d.toString();
      if (!klaar && uit.includes('luistert op')) {
        klaar = performance.now() - begin;
        k();
      }
    }),
  );
  let eerste = 0;
  let eersteCpu: number | undefined;
  let gestopt = false;
  void einde.then(() => (gestopt = true));
  while (!eerste) {
    if (gestopt) throw new Error(`server stopte voor het eerste antwoord\n${uit}`);
    try {
      const r = await fetch(`http://127.0.0.1:${poort}/health`);
      if (r.ok) {
        eerste = performance.now() - begin;
        eersteCpu = cpuMsVan(kind.pid);
      }
    } catch {
      await new Promise((k) => setTimeout(k, 5));
    }
  }
  await luistert;
  kind.kill('SIGTERM');
  const code = await einde;
  if (code !== 0) throw new Error(`server stopte niet netjes na SIGTERM (exitcode ${code})\n${uit}`);
  return { eerste, eersteCpu, klaar };
}

/** A store with demo data is made first (not timed); then `runs` starts on it. */
export async function meetServer(runs: number): Promise<{ eerste: Reeks; klaar: Reeks }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'reintegratie-opstart-'));
  try {
    await eenStart(dataDir, ['--demo']);
    const eerste: number[] = [];
    const eersteCpu: number[] = [];
    const klaar: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await eenStart(dataDir, []);
      eerste.push(r.eerste);
      if (r.eersteCpu !== undefined) eersteCpu.push(r.eersteCpu);
      klaar.push(r.klaar);
    }
    const commando = 'DATA_DIR=<store with demo data> node bin/reintegratie.js serve';
    return {
      eerste: {
        wat: 'server on an existing store (PGlite): spawn to first answer of GET /health',
        commando,
        runs,
        ms: eerste,
        ...(eersteCpu.length === runs ? { cpuMs: eersteCpu } : {}),
      },
      klaar: {
        wat: 'same starts: spawn to the "luistert op" line (job queue up and catch-up jobs queued)',
        commando,
        runs,
        ms: klaar,
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
