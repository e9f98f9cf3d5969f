import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/**
 * Compares the outcome files of the bench's engines (18 bytes a case, see bench/motor.ts) without
 * holding them in memory: the peer's file is read in blocks, the reference's block by block as the
 * case numbers the peer judged come along.
 */

export interface Verschil {
  /** The case number in the stream. */
  readonly casus: number;
  readonly referentie: Uint8Array;
  readonly peer: Uint8Array;
}

export interface Vergelijking {
  readonly vergeleken: number;
  readonly verschillen: number;
  /** The first few, in stream order. */
  readonly voorbeelden: readonly Verschil[];
}

const BLOK = 65536;

/**
 * Case k of the peer's file is case k·stap of the stream, and of the reference file (which holds
 * every case from 0). Fails when either file is shorter than the cases it should hold.
 */
export function vergelijkBestanden(
  referentie: string,
  peer: string,
  opties: {
    readonly aantal: number;
    readonly stap: number;
    readonly breedte: number;
    readonly voorbeelden?: number;
    /** A peer that answers a narrower question: the reference's codes mapped onto its answers first. */
    readonly projectie?: Uint8Array;
  },
): Vergelijking {
  const { aantal, stap, breedte, projectie } = opties;
  const maxVoorbeelden = opties.voorbeelden ?? 5;
  const fr = openSync(referentie, 'r');
  const fp = openSync(peer, 'r');
  try {
    const ref = Buffer.alloc(BLOK * breedte);
    let refVan = -1;
    let refAantal = 0;
    const refCasus = (i: number): Buffer => {
      if (refVan < 0 || i < refVan || i >= refVan + refAantal) {
        refVan = i;
        refAantal = Math.floor(readSync(fr, ref, 0, ref.length, i * breedte) / breedte);
        if (refAantal === 0) throw new Error(`${referentie}: casus ${i} ontbreekt`);
      }
      const o = (i - refVan) * breedte;
      return ref.subarray(o, o + breedte);
    };
    const blok = Buffer.alloc(BLOK * breedte);
    let verschillen = 0;
    const voorbeelden: Verschil[] = [];
    for (let k = 0; k < aantal; k += BLOK) {
      const n = Math.min(BLOK, aantal - k);
      const gelezen = readSync(fp, blok, 0, n * breedte, k * breedte);
      if (gelezen < n * breedte) throw new Error(`${peer}: ${aantal} casussen verwacht, minder gevonden`);
      for (let j = 0; j < n; j++) {
        const p = blok.subarray(j * breedte, (j + 1) * breedte);
        const casus = (k + j) * stap;
        let r = refCasus(casus);
        if (projectie) r = Buffer.from(r.map((c) => projectie[c]!));
        if (r.equals(p)) continue;
        verschillen++;
        if (voorbeelden.length < maxVoorbeelden)
          voorbeelden.push({ casus, referentie: Uint8Array.from(r), peer: Uint8Array.from(p) });
      }
    }
    return { vergeleken: aantal, verschillen, voorbeelden };
  } finally {
    closeSync(fr);
    closeSync(fp);
  }
}

/** How often each outcome code occurs in a file, over all slots (index = code). */
export function telCodes(bestand: string, aantal: number, breedte: number): number[] {
  const tellingen = [0, 0, 0, 0, 0];
  const fd = openSync(bestand, 'r');
  try {
    const blok = Buffer.alloc(BLOK * breedte);
    for (let k = 0; k < aantal; k += BLOK) {
      const n = Math.min(BLOK, aantal - k);
      const gelezen = readSync(fd, blok, 0, n * breedte, k * breedte);
      for (let i = 0; i < gelezen; i++) tellingen[blok[i]!] = (tellingen[blok[i]!] ?? 0) + 1;
    }
  } finally {
    closeSync(fd);
  }
  return tellingen;
}

export interface BedragVergelijking {
  /** Cases for which both computed premie and term. */
  readonly vergeleken: number;
  /** Of those, with a premie per year above 0 and with a maximum end (so the check is not on zeros alone). */
  readonly metPremie: number;
  readonly metEinde: number;
  readonly bedragVerschillen: number;
  readonly eindeVerschillen: number;
  readonly voorbeelden: readonly { casus: number; ons: [number, number]; peer: [number, number] }[];
}

/**
 * Compares premie and term (two int32 a case, -2 where an engine does not compute them): case k of
 * `steekproef` is case k·stap of `volledig`, as for the outcome files.
 */
export function vergelijkBedragen(
  steekproef: string,
  volledig: string,
  opties: { readonly aantal: number; readonly stap: number },
): BedragVergelijking {
  const lees = (bestand: string) => {
    const b = readFileSync(bestand);
    return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4);
  };
  const ons = lees(steekproef);
  const peer = lees(volledig);
  let vergeleken = 0;
  let metPremie = 0;
  let metEinde = 0;
  let bedragVerschillen = 0;
  let eindeVerschillen = 0;
  const voorbeelden: { casus: number; ons: [number, number]; peer: [number, number] }[] = [];
  for (let k = 0; k < opties.aantal; k++) {
    const casus = k * opties.stap;
    if (2 * casus + 1 >= peer.length || 2 * k + 1 >= ons.length)
      throw new Error(`${volledig}: casus ${casus} ontbreekt`);
    const o: [number, number] = [ons[2 * k]!, ons[2 * k + 1]!];
    const p: [number, number] = [peer[2 * casus]!, peer[2 * casus + 1]!];
    if (p[0] === -2 || o[0] === -2) continue;
    vergeleken++;
    if (o[0] > 0) metPremie++;
    if (o[1] >= 0) metEinde++;
    const anders = [o[0] !== p[0], o[1] !== p[1]];
    if (anders[0]) bedragVerschillen++;
    if (anders[1]) eindeVerschillen++;
    if ((anders[0] || anders[1]) && voorbeelden.length < 5) voorbeelden.push({ casus, ons: o, peer: p });
  }
  return { vergeleken, metPremie, metEinde, bedragVerschillen, eindeVerschillen, voorbeelden };
}
