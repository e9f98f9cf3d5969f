import { isAscii } from 'node:buffer';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import type { Uitvoer } from '../src/cli/uitvoer.ts';

// Issue 14: the CLI and the server run the build in dist/ (npm ci and npm test build it), which must
// behave exactly as the TypeScript sources the other tests run.

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'reintegratie.js');
const voorbeelden = readdirSync(join(ROOT, 'voorbeelden')).map((n) => join(ROOT, 'voorbeelden', n));

/** The environment of a program started outside the tests: it runs dist/, not the sources. */
function gebouwd(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { REINTEGRATIE_BRON: _bron, ...env } = process.env;
  return { ...env, ...extra };
}

function gebouwdeCli(bin: string, ...argv: string[]) {
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd: ROOT, env: gebouwd(), encoding: 'utf8' });
  return { code: r.status, uit: r.stdout, fout: r.stderr };
}

async function bronCli(...argv: string[]) {
  const uit: string[] = [];
  const fout: string[] = [];
  const u: Uitvoer = { regel: (t) => uit.push(t), fout: (t) => fout.push(t) };
  const code = await main(argv, u);
  return {
    code,
    uit: uit.length > 0 ? `${uit.join('\n')}\n` : '',
    fout: fout.length > 0 ? `${fout.join('\n')}\n` : '',
  };
}

const lopend = new Set<ChildProcess>();
afterAll(() => {
  for (const p of lopend) p.kill('SIGKILL');
});

describe('de gebouwde CLI', () => {
  it('beoordeelt elke voorbeeldcasus precies zoals de bronnen, als tabel en als JSON', async () => {
    for (const args of [
      ['evaluate', ...voorbeelden, '--json'],
      ['evaluate', ...voorbeelden],
      ['ordinances'],
    ]) {
      const g = gebouwdeCli(BIN, ...args);
      expect(g.fout, args.join(' ')).toBe('');
      expect(g).toEqual({ ...(await bronCli(...args)), code: 0 });
    }
    // Six CLI runs; under a loaded machine each may take seconds (a hang guard, not a speed target).
  }, 60_000);

  it('stopt stil als de lezer de pijp sluit (| head), zonder stacktrace', async () => {
    for (const args of [
      ['evaluate', ...voorbeelden],
      ['caseload', '--gemeente', 'dinkelland', '--generated', '200000', '--date', '2016-06-01'],
    ]) {
      const p = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: gebouwd() });
      lopend.add(p);
      let fout = '';
      p.stderr.on('data', (d) => (fout += String(d)));
      // The first chunk read, the reader goes away: the program's next writes meet a closed pipe.
      await new Promise((klaar) => p.stdout.once('data', klaar));
      p.stdout.destroy();
      const code = await new Promise((klaar) => p.on('close', klaar));
      lopend.delete(p);
      expect(fout, args.join(' ')).toBe('');
      expect(code, args.join(' ')).toBe(0);
    }
  }, 60_000);

  it('meldt een ongeldige casus met dezelfde tekst en exitcode', async () => {
    const map = mkdtempSync(join(tmpdir(), 'opstart-'));
    const casus = join(map, 'casus.json');
    writeFileSync(
      casus,
      JSON.stringify({ gemeente: 'dinkelland', peildatum: '2016-02-30', feiten: { x: 1 } }),
    );
    const g = gebouwdeCli(BIN, 'evaluate', casus);
    expect(g.code).toBe(1);
    expect(g).toEqual(await bronCli('evaluate', casus));
  }, 30_000);

  it('telt een impactrun met twee werkers zoals de bronnen op één thread', async () => {
    const args = ['impact', '--to', 'dinkelland/re-integratieverordening', '--date', '2016-06-01'];
    const g = gebouwdeCli(BIN, ...args, '--generated', '20000', '--threads', '2', '--json');
    expect(g.fout).toBe('');
    const b = await bronCli(...args, '--generated', '20000', '--threads', '1', '--json');
    expect(JSON.parse(g.uit)).toEqual(JSON.parse(b.uit));
  }, 60_000);
});

describe('de codecache van het gebouwde script', () => {
  /** An installation of its own: bin/ and dist/ copied, what the program reads beside them linked. */
  function installatie(): { root: string; app: string; bin: string } {
    const root = mkdtempSync(join(tmpdir(), 'codecache-'));
    cpSync(join(ROOT, 'bin'), join(root, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true });
    for (const f of readdirSync(join(root, 'dist', 'app')))
      if (f.endsWith('.cache')) rmSync(join(root, 'dist', 'app', f)); // start without one
    copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    for (const d of ['regelgeving', 'node_modules', 'configuratie'])
      symlinkSync(join(ROOT, d), join(root, d));
    return { root, app: join(root, 'dist', 'app'), bin: join(root, 'bin', 'reintegratie.js') };
  }
  const caches = (app: string) => readdirSync(app).filter((f) => f.endsWith('.cache'));

  it('wordt na een run bewaard, daarna gebruikt, en nooit voor een andere tekst van dezelfde lengte', async () => {
    const { app, bin } = installatie();
    const casus = join(ROOT, 'voorbeelden', 'dinkelland-participatieplaats.json');
    const bron = await bronCli('evaluate', casus);
    const eerste = gebouwdeCli(bin, 'evaluate', casus);
    expect(eerste).toEqual({ ...bron, code: 0 });
    const tekst = readFileSync(join(app, 'main.cjs'), 'utf8');
    expect(caches(app)).toHaveLength(1);
    const [cache] = caches(app);
    const bewaard = readFileSync(join(app, cache!));
    expect(bewaard.length).toBeGreaterThan(100_000);

    // Accepted the second time: the same output, and the cache is not written anew.
    expect(gebouwdeCli(bin, 'evaluate', casus)).toEqual({ ...bron, code: 0 });
    expect(readFileSync(join(app, cache!)).equals(bewaard)).toBe(true);

    // Another build of the same length: V8 would run the kept code for it (it checks only the
    // length), so the new text must not find the old cache.
    const regel = 'peildatum ${';
    expect(tekst.split(regel)).toHaveLength(2);
    const ander = tekst
      .replace(/^\/\* reintegratie-bron [0-9a-f]{64}/, `/* reintegratie-bron ${'e'.repeat(64)}`)
      .replace(regel, 'Peildatum ${');
    expect(ander.length).toBe(tekst.length);
    writeFileSync(join(app, 'main.cjs'), ander);
    const nu = gebouwdeCli(bin, 'evaluate', casus);
    expect(nu.code).toBe(0);
    expect(nu.uit).toBe(bron.uit.replace(', peildatum ', ', Peildatum '));

    // A damaged cache under the right name is refused by V8 and written anew.
    const [nieuw] = caches(app).filter((f) => f !== cache);
    expect(nieuw).toBeDefined();
    writeFileSync(join(app, nieuw!), Buffer.alloc(200_000, 7));
    expect(gebouwdeCli(bin, 'evaluate', casus)).toEqual({ ...nu, fout: '' });
    expect(readFileSync(join(app, nieuw!)).equals(Buffer.alloc(200_000, 7))).toBe(false);
  }, 60_000);

  it('is ASCII, zodat bin/ het zonder UTF-8 te decoderen leest', () => {
    // A character outside ASCII anywhere, even in a comment, makes the whole script a two-byte
    // string that must be decoded at every start (scripts/bouw.mjs escapes those in comments).
    expect(isAscii(readFileSync(join(ROOT, 'dist', 'app', 'main.cjs')))).toBe(true);
  });

  it('laat zod alleen in het Engels mee: de andere talen leest geen bron', () => {
    const app = join(ROOT, 'dist', 'app');
    for (const f of readdirSync(app).filter((n) => n.endsWith('.js') || n.endsWith('.cjs'))) {
      const code = readFileSync(join(app, f), 'utf8');
      // Phrases of zod's German and French messages.
      expect(code, f).not.toContain('erwartet');
      expect(code, f).not.toContain('attendu');
    }
    const bronnen = (map: string): string[] =>
      readdirSync(map, { withFileTypes: true }).flatMap((d) =>
        d.isDirectory() ? bronnen(join(map, d.name)) : [join(map, d.name)],
      );
    for (const f of bronnen(join(ROOT, 'src'))) expect(readFileSync(f, 'utf8'), f).not.toMatch(/\blocales\b/);
  });
});

describe('bin/reintegratie.js', () => {
  /** A copy of bin/ in a folder of its own, with what the test puts beside it. */
  function losseBin(): { root: string; bin: string } {
    const root = mkdtempSync(join(tmpdir(), 'losse-bin-'));
    mkdirSync(join(root, 'bin'));
    copyFileSync(BIN, join(root, 'bin', 'reintegratie.js'));
    copyFileSync(join(ROOT, 'bin', 'package.json'), join(root, 'bin', 'package.json'));
    return { root, bin: join(root, 'bin', 'reintegratie.js') };
  }

  it('zegt wat te doen als de gebouwde code ontbreekt', () => {
    const { bin } = losseBin();
    const g = gebouwdeCli(bin, 'evaluate', voorbeelden[0]!);
    expect(g.code).toBe(2);
    expect(g.fout).toBe(
      'reintegratie: de gebouwde code ontbreekt (dist/): voer npm run build uit (npm ci doet dat ook)\n',
    );
  });

  it('weigert een build die ouder is dan een bronbestand en noemt het', () => {
    const { root, bin } = losseBin();
    mkdirSync(join(root, 'dist'));
    writeFileSync(
      join(root, 'dist', 'bouw.json'),
      JSON.stringify({ bron: 'x', begonnen: Date.now() - 60_000 }),
    );
    mkdirSync(join(root, 'src', 'engine'), { recursive: true });
    writeFileSync(join(root, 'src', 'engine', 'evalueer.ts'), '// gewijzigd\n');
    const g = gebouwdeCli(bin, 'evaluate', voorbeelden[0]!);
    expect(g.code).toBe(2);
    expect(g.fout).toContain('dist/ is ouder dan src/engine/evalueer.ts: voer npm run build uit');
  });
});

describe('de gebouwde server', () => {
  it('start op een lege opslag en beantwoordt verzoeken', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'opstart-server-'));
    const proces = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: gebouwd({ DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    lopend.add(proces);
    let uit = '';
    let fout = '';
    proces.stderr!.on('data', (d: Buffer) => (fout += d.toString()));
    const url = await new Promise<string>((klaar, faal) => {
      proces.stdout!.on('data', (d: Buffer) => {
        uit += d.toString();
        const m = /luistert op (http:\/\/\S+)/.exec(uit);
        if (m) klaar(m[1]!);
      });
      proces.once('exit', (code) => faal(new Error(`server stopte (${code})\n${uit}\n${fout}`)));
    });
    const gezond = await fetch(`${url}/health`);
    expect(gezond.status).toBe(200);
    expect(await gezond.json()).toEqual({ status: 'ok' });
    const login = await fetch(`${url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gebruikersnaam: 'niemand', wachtwoord: 'fout-wachtwoord' }),
    });
    expect(login.status).toBe(401);
    expect(login.headers.get('content-type')).toContain('application/problem+json');
    const einde = new Promise((klaar) => proces.once('exit', klaar));
    proces.kill('SIGTERM');
    expect(await einde).toBe(0);
    lopend.delete(proces);
  }, 60_000);

  // A server of its own, not the one above: it must be signalled before it listens, and the test
  // above needs an empty store that one never started before.
  it('stopt netjes op SIGTERM tijdens de start: eerst de start af, dan de opslag dicht, exitcode 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'opstart-signaal-'));
    const proces = spawn(process.execPath, [BIN, 'serve'], {
      cwd: ROOT,
      env: gebouwd({ DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    lopend.add(proces);
    let uit = '';
    proces.stdout!.on('data', (d: Buffer) => (uit += d.toString()));
    const einde = new Promise<[number | null, string | null]>((klaar) =>
      proces.once('exit', (code, signaal) => klaar([code, signaal])),
    );
    // The store's lock file appears when the store opens: the start is under way, not yet listening.
    const slot = join(dataDir, 'reintegratie.slot');
    while (!existsSync(slot)) await new Promise((k) => setTimeout(k, 2));
    expect(uit).not.toContain('luistert op');
    proces.kill('SIGTERM');
    expect(await einde).toEqual([0, null]);
    lopend.delete(proces);
    expect(uit).toContain('luistert op');
    // The store was given back: the lock is gone, and the next start opens it without recovery.
    expect(existsSync(slot)).toBe(false);
  }, 60_000);
});
