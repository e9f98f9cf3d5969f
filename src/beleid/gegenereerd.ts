import { availableParallelism } from 'node:os';
import { maakCasusmaker, type Voortgang } from '../caseload/index.ts';
import { type ImpactStand, maakImpactteller, voegStandToe } from './impact.ts';
import { gezamenlijkAanbod, type ImpactOpzet, type ImpactVraag } from './opzet.ts';
import { eindstand, startWerker, type Werkopdracht } from './werkers.ts';

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

const BLOK = 4096;
/** Below this a worker's start (loading the regulations, about half a second) costs more than it saves. */
const DREMPEL_PER_THREAD = 150_000;

/** Counts the blocks this thread takes; shared by the main thread and the workers. */
export function telBlokken(
  opzet: ImpactOpzet,
  opdracht: { readonly aantal: number; readonly seed: number | string; readonly tellers: SharedArrayBuffer },
  voortgang?: Voortgang,
): ImpactStand {
  const teller = maakImpactteller(opzet.batchVan, opzet.batchNaar);
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
    for (let i = begin; i < eind; i++) teller.tel(maker.vast(i));
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
    soort: 'gegenereerd',
    vraag,
    wortel: opzet.engine.bibliotheek.wortel,
    hashes: [opzet.van.hash, opzet.naar.hash],
    aantal: opties.aantal,
    seed: opties.seed,
    tellers,
  };
  const werkers = Array.from({ length: threads - 1 }, () => eindstand(startWerker(opdracht)));
  const stand = telBlokken(opzet, opdracht, opties.voortgang);
  for (const deel of await Promise.all(werkers)) voegStandToe(stand, deel);
  opties.voortgang?.klaar();
  return stand;
}
