import type { Worker } from 'node:worker_threads';
import { startWerkerModule, werkerModule } from '../werkdraden/index.ts';
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

const WERKER = werkerModule('impact-werker', import.meta.url);

export function startWerker(opdracht: Werkopdracht): Worker {
  return startWerkerModule(WERKER, opdracht);
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
