import { closeSync, openSync, readSync } from 'node:fs';

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
  },
): Vergelijking {
  const { aantal, stap, breedte } = opties;
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
        const r = refCasus(casus);
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
