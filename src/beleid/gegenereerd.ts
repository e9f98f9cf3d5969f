import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { maakCasusmaker, type Voortgang } from '../caseload/index.ts';
import { type ImpactStand, maakImpactteller, nieuweStand, voegStandToe } from './impact.ts';
import { gezamenlijkAanbod, type ImpactOpzet, type ImpactVraag } from './opzet.ts';

/**
 * An impact run over a generated caseload. Case i depends only on the seed and i, so the caseload
 * is cut into blocks that the main thread and worker threads take in turn from a shared counter;
 * the counts of the parts add up to what one thread would count, whatever the split.
 */

export interface GegenereerdOpties {
  readonly aantal: number;
  readonly seed: number | string;
  /** Threads to use, the main one included; default: one per core, for runs large enough to gain from it. */
  readonly threads?: number;
  readonly voortgang?: Voortgang;
}

/** What a worker needs to set up the same run; the shared counters travel with it. */
export interface Werkopdracht {
  readonly vraag: ImpactVraag;
  /** The regulation tree the main thread loaded. */
  readonly wortel: string;
  readonly aantal: number;
  readonly seed: number | string;
  /** [next block, cases done] */
  readonly tellers: SharedArrayBuffer;
}

const BLOK = 4096;
/** Below this a worker's start (loading the regulations, about half a second) costs more than it saves. */
const DREMPEL_PER_THREAD = 150_000;

/** Counts the blocks this thread takes; shared by the main thread and the workers. */
export function telBlokken(
  opzet: ImpactOpzet,
  opdracht: Pick<Werkopdracht, 'aantal' | 'seed' | 'tellers'>,
  voortgang?: Voortgang,
): ImpactStand {
  const teller = maakImpactteller(opzet.engine, opzet.batchVan, opzet.batchNaar);
  const maker = maakCasusmaker({
    gemeente: opzet.gemeente,
    peildatum: opzet.peildatum,
    seed: opdracht.seed,
    aanbod: gezamenlijkAanbod(opzet.batchVan.plan, opzet.batchNaar.plan),
  });
  const tellers = new Int32Array(opdracht.tellers);
  for (;;) {
    const begin = Atomics.add(tellers, 0, 1) * BLOK;
    if (begin >= opdracht.aantal) break;
    const eind = Math.min(begin + BLOK, opdracht.aantal);
    for (let i = begin; i < eind; i++) teller.tel(maker.casus(i));
    const gedaan = Atomics.add(tellers, 1, eind - begin) + eind - begin;
    voortgang?.stap(gedaan);
  }
  return teller.stand;
}

export async function telGegenereerd(
  opzet: ImpactOpzet,
  vraag: ImpactVraag,
  opties: GegenereerdOpties,
): Promise<ImpactStand> {
  const threads = Math.max(
    1,
    opties.threads ?? Math.min(availableParallelism(), Math.floor(opties.aantal / DREMPEL_PER_THREAD)),
  );
  const tellers = new SharedArrayBuffer(8);
  const opdracht: Werkopdracht = {
    vraag,
    wortel: opzet.engine.bibliotheek.wortel,
    aantal: opties.aantal,
    seed: opties.seed,
    tellers,
  };
  const werkers = Array.from({ length: threads - 1 }, () => startWerker(opdracht));
  const stand = telBlokken(opzet, opdracht, opties.voortgang);
  for (const deel of await Promise.all(werkers)) voegStandToe(stand, deel);
  opties.voortgang?.klaar();
  return stand;
}

const WERKER = new URL('./impact-werker.ts', import.meta.url).href;

/**
 * The worker is TypeScript like the rest: it registers tsx before it loads its module. Its ESM entry
 * is found through tsx's own export map (`import.meta.resolve` is not there under every test runner,
 * and tsx's CommonJS entry cannot register the ESM hooks).
 */
function tsxApi(): string {
  const vraag = createRequire(import.meta.url);
  const pakket = vraag.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(pakket, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(pakket), exports['./esm/api']!.import.default)).href;
}

function startWerker(opdracht: Werkopdracht): Promise<ImpactStand> {
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WERKER)}); });`;
  return new Promise((klaar, mis) => {
    const w = new Worker(code, { eval: true, workerData: opdracht });
    w.once('message', (m: { stand: ImpactStand } | { fout: string }) =>
      'stand' in m ? klaar(m.stand) : mis(new Error(m.fout)),
    );
    w.once('error', mis);
    w.once('exit', (code) => mis(new Error(`impact-werker stopte met code ${code}`)));
  });
}
