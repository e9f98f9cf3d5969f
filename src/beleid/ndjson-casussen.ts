import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { type Casus, casusSchema, veldFouten } from '../casus/index.ts';

export type NdjsonUitslag =
  { readonly ok: true; readonly aantal: number } | { readonly ok: false; readonly bericht: string };

export interface NdjsonOpties {
  /** Every case must be of this gemeente and peildatum (the batch judges one of each). */
  readonly gemeente: string;
  readonly peildatum: string;
  /** Called with the bytes read so far, for a progress bar. */
  readonly gelezen?: (bytes: number) => void;
}

/**
 * Reads cases from an NDJSON file (one case a line, as `schrijfNdjson` writes them) and hands each
 * to `opCasus` as soon as it is read, so a file of any size takes the memory of one chunk. Every
 * line is checked against the case contract; the first bad line stops the run with a message that
 * names the file and the line. Empty lines are skipped. `-` reads standard input.
 */
export async function leesNdjsonCasussen(
  pad: string,
  opties: NdjsonOpties,
  opCasus: (casus: Casus) => void,
): Promise<NdjsonUitslag> {
  let stroom: Readable;
  try {
    stroom = pad === '-' ? process.stdin : await open(pad);
  } catch (e) {
    return {
      ok: false,
      bericht: `${pad}: kan bestand niet lezen (${(e as NodeJS.ErrnoException).code ?? 'fout'})`,
    };
  }
  stroom.setEncoding('utf8');
  let rest = '';
  let regel = 0;
  let aantal = 0;
  let bytes = 0;

  const verwerk = (tekst: string): string | undefined => {
    regel++;
    if (tekst.trim() === '') return undefined;
    let data: unknown;
    try {
      data = JSON.parse(tekst);
    } catch (e) {
      return `ongeldige JSON (${(e as Error).message.split('\n')[0]})`;
    }
    const p = casusSchema.safeParse(data);
    if (!p.success)
      return veldFouten(p.error.issues)
        .map((f) => `${f.pad || '(casus)'}: ${f.bericht}`)
        .join('; ');
    const casus = p.data as Casus;
    if (casus.gemeente !== opties.gemeente || casus.peildatum !== opties.peildatum)
      return `casus voor ${casus.gemeente} op ${casus.peildatum}; deze run is voor ${opties.gemeente} op ${opties.peildatum}`;
    opCasus(casus);
    aantal++;
    return undefined;
  };

  try {
    for await (const stuk of stroom as AsyncIterable<string>) {
      bytes += Buffer.byteLength(stuk);
      let begin = 0;
      let eind = stuk.indexOf('\n');
      if (eind >= 0) {
        const fout = verwerk(rest + stuk.slice(0, eind));
        if (fout) return { ok: false, bericht: `${pad}:${regel}: ${fout}` };
        rest = '';
        begin = eind + 1;
        while ((eind = stuk.indexOf('\n', begin)) >= 0) {
          const f = verwerk(stuk.slice(begin, eind));
          if (f) return { ok: false, bericht: `${pad}:${regel}: ${f}` };
          begin = eind + 1;
        }
      }
      rest += stuk.slice(begin);
      opties.gelezen?.(bytes);
    }
    if (rest !== '') {
      const fout = verwerk(rest);
      if (fout) return { ok: false, bericht: `${pad}:${regel}: ${fout}` };
    }
  } finally {
    if (pad !== '-') stroom.destroy();
  }
  return { ok: true, aantal };
}

/** Opens a file for reading, failing here (not in the loop) when it cannot be read. */
function open(pad: string): Promise<Readable> {
  return new Promise((klaar, mis) => {
    const s = createReadStream(pad, { highWaterMark: 1 << 20 });
    s.once('open', () => klaar(s));
    s.once('error', mis);
  });
}
