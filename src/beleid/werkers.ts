import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImpactStand } from './impact.ts';
import type { ImpactVraag } from './opzet.ts';

/** What every worker of an impact run needs to set up the same run as the main thread. */
export interface Werkbasis {
  readonly vraag: ImpactVraag;
  /** The regulation tree the main thread loaded. */
  readonly wortel: string;
  /** The hashes of the versions the main thread compares: a draft edited meanwhile must not slip in. */
  readonly hashes: readonly [string, string];
}

export type Werkopdracht =
  | (Werkbasis & {
      readonly soort: 'gegenereerd';
      readonly aantal: number;
      readonly seed: number | string;
      /** [next block, cases done] */
      readonly tellers: SharedArrayBuffer;
    })
  | (Werkbasis & { readonly soort: 'ndjson' });

/** Messages from a worker: its counts at the end, or why it could not start. */
export type WerkerBericht =
  | { readonly soort: 'stand'; readonly stand: ImpactStand }
  | { readonly soort: 'fout'; readonly bericht: string }
  | { readonly soort: 'stuk'; readonly aantal: number; readonly fout?: { regel: number; bericht: string } };

/** Messages to an NDJSON worker: a chunk of lines (its memory transferred, not copied), or the end of the file. */
export type NaarWerker =
  | { readonly soort: 'stuk'; readonly bytes: Uint8Array; readonly eersteRegel: number }
  | { readonly soort: 'einde' };

/** Built (dist/, bundled JavaScript) or run from the TypeScript sources (tests, REINTEGRATIE_BRON=src). */
const GEBOUWD = !import.meta.url.endsWith('.ts');
const WERKER = new URL(`./impact-werker.${GEBOUWD ? 'js' : 'ts'}`, import.meta.url);

/**
 * From the sources the worker is TypeScript like the rest: it registers tsx before it loads its
 * module. Its ESM entry is found through tsx's own export map (`import.meta.resolve` is not there
 * under every test runner, and tsx's CommonJS entry cannot register the ESM hooks).
 */
function tsxApi(): string {
  const vraag = createRequire(import.meta.url);
  const pakket = vraag.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(pakket, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(pakket), exports['./esm/api']!.import.default)).href;
}

export function startWerker(opdracht: Werkopdracht): Worker {
  if (GEBOUWD) return new Worker(WERKER, { workerData: opdracht });
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WERKER.href)}); });`;
  return new Worker(code, { eval: true, workerData: opdracht });
}

/** The counts a worker sends when it is done; rejects when it cannot start or stops. */
export function eindstand(w: Worker): Promise<ImpactStand> {
  return new Promise((klaar, mis) => {
    w.on('message', (m: WerkerBericht) => {
      if (m.soort === 'stand') klaar(m.stand);
      else if (m.soort === 'fout') mis(new Error(m.bericht));
    });
    w.once('error', mis);
    w.once('exit', (code) => mis(new Error(`impact-werker stopte met code ${code}`)));
  });
}
