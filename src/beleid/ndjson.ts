import { availableParallelism } from 'node:os';
import type { Voortgang } from '../caseload/index.ts';
import { type ImpactStand, maakImpactteller, voegStandToe } from './impact.ts';
import { type NdjsonFout, type NdjsonStuk, openNdjson, verwerkStuk } from './ndjson-casussen.ts';
import type { ImpactOpzet, ImpactVraag } from './opzet.ts';
import { eindstand, type NaarWerker, startWerker, type WerkerBericht } from './werkers.ts';

/**
 * An impact run over an NDJSON file. The main thread reads the file in chunks of whole lines; on a
 * large file worker threads parse, check and judge them (parsing and checking cost more than
 * judging), each chunk going to the least busy worker. The first bad line by line number stops the
 * run: once one is found no more chunks go out, and of the chunks already out the earliest error wins.
 */

export interface NdjsonRunOpties {
  /** Worker threads; default one per core for files of `DREMPEL_BYTES` or more, else none. */
  readonly threads?: number;
  /** The file's size in bytes, when known (decides on threads). */
  readonly grootte?: number;
  /** Steps are bytes read. */
  readonly voortgang?: Voortgang;
}

export type NdjsonRunUitslag =
  { readonly ok: true; readonly stand: ImpactStand } | { readonly ok: false; readonly bericht: string };

/** About 20,000 cases: below this starting workers costs more than it saves. */
const DREMPEL_BYTES = 10 << 20;
const STUK = 1 << 20;
/** Chunks out per worker, so one is ready when it finishes the other and memory stays bounded. */
const PER_WERKER = 2;

export async function telNdjson(
  opzet: ImpactOpzet,
  vraag: ImpactVraag,
  pad: string,
  opties: NdjsonRunOpties = {},
): Promise<NdjsonRunUitslag> {
  const threads = opties.threads ?? ((opties.grootte ?? 0) >= DREMPEL_BYTES ? availableParallelism() : 0);
  const bron = await openNdjson(pad, { stukgrootte: STUK, overdraagbaar: threads > 1 });
  if (!bron.ok) return bron;
  const melding = (f: NdjsonFout): NdjsonRunUitslag => ({
    ok: false,
    bericht: `${pad}:${f.regel}: ${f.bericht}`,
  });
  try {
    if (threads <= 1) {
      const teller = maakImpactteller(opzet.batchVan, opzet.batchNaar);
      for await (const stuk of bron.stukken) {
        const r = verwerkStuk(stuk, opzet, teller.tel);
        if (r.fout) return melding(r.fout);
        opties.voortgang?.stap(stuk.gelezen);
      }
      opties.voortgang?.klaar();
      return { ok: true, stand: teller.stand };
    }
    return await metWerkers(opzet, vraag, bron.stukken, threads, opties.voortgang, melding);
  } finally {
    bron.sluit();
  }
}

async function metWerkers(
  opzet: ImpactOpzet,
  vraag: ImpactVraag,
  stukken: AsyncIterable<NdjsonStuk>,
  threads: number,
  voortgang: Voortgang | undefined,
  melding: (f: NdjsonFout) => NdjsonRunUitslag,
): Promise<NdjsonRunUitslag> {
  let fout: NdjsonFout | undefined;
  let gestopt: Error | undefined;
  // The dispatch loop is the only one that waits; every message from a worker wakes it.
  let wek = () => {};
  const wacht = () => new Promise<void>((r) => (wek = r));
  const werkers = Array.from({ length: threads }, () => {
    const w = startWerker({
      soort: 'ndjson',
      vraag,
      wortel: opzet.engine.bibliotheek.wortel,
      hashes: [opzet.van.hash, opzet.naar.hash],
    });
    const l = { w, bezig: 0, stand: eindstand(w) };
    l.stand.catch((e: Error) => {
      gestopt ??= e;
      wek();
    });
    w.on('message', (m: WerkerBericht) => {
      if (m.soort !== 'stuk') return;
      l.bezig--;
      if (m.fout && (fout === undefined || m.fout.regel < fout.regel)) fout = m.fout;
      wek();
    });
    return l;
  });
  const stuur = (l: (typeof werkers)[number], m: NaarWerker) =>
    l.w.postMessage(m, m.soort === 'stuk' ? [m.bytes.buffer as ArrayBuffer] : []);
  try {
    for await (const stuk of stukken) {
      let l = werkers.reduce((a, b) => (b.bezig < a.bezig ? b : a));
      while (l.bezig >= PER_WERKER && fout === undefined && gestopt === undefined) {
        await wacht();
        l = werkers.reduce((a, b) => (b.bezig < a.bezig ? b : a));
      }
      if (fout !== undefined || gestopt !== undefined) break;
      l.bezig++;
      stuur(l, { soort: 'stuk', bytes: stuk.bytes, eersteRegel: stuk.eersteRegel });
      voortgang?.stap(stuk.gelezen);
    }
    while (werkers.some((l) => l.bezig > 0) && gestopt === undefined) await wacht();
    if (gestopt !== undefined) throw gestopt;
    if (fout !== undefined) return melding(fout);
    for (const l of werkers) stuur(l, { soort: 'einde' });
    const standen = await Promise.all(werkers.map((l) => l.stand));
    const stand = standen[0]!;
    for (const s of standen.slice(1)) voegStandToe(stand, s);
    voortgang?.klaar();
    return { ok: true, stand };
  } finally {
    for (const l of werkers) void l.w.terminate();
  }
}
