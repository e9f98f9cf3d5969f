import { createReadStream, type ReadStream } from 'node:fs';
import {
  type Casus,
  type CasusControle,
  casusSchemasVoor,
  isCasus,
  maakCasusControle,
  type Vocabulaire,
  veldFouten,
} from '../casus/index.ts';
import { LANDELIJK_VOCABULAIRE } from '../casus/feiten.ts';
import { nederlandsZonderInvoer } from '../regelgeving/berichten.ts';

/**
 * Cases from an NDJSON file (one case a line, as `schrijfNdjson` writes them), read in chunks that
 * end at a line end, so a file of any size takes the memory of a few chunks and the chunks can be
 * judged on other threads. Every line is checked against the case contract; a bad line gives a
 * message with its line number. Empty lines are skipped. `-` reads standard input.
 */

export interface NdjsonOpties {
  /** Every case must be of this gemeente and peildatum (the batch judges one of each). */
  readonly gemeente: string;
  readonly peildatum: string;
  /**
   * The contract the lines are held to: the national vocabulary with what the gemeente's regulations
   * declare (its own facts and voorzieningen); the national one when absent.
   */
  readonly vocabulaire?: Vocabulaire;
}

/** Whole lines of the file: `tekst` starts at line `eersteRegel` (1-based) and ends after a line end, or at the end of the file. */
export interface NdjsonStuk {
  readonly tekst: string;
  readonly eersteRegel: number;
  /** Bytes of the file read so far. */
  readonly gelezen: number;
}

export type NdjsonFout = { readonly regel: number; readonly bericht: string };

export type NdjsonBron =
  | { readonly ok: true; readonly stukken: AsyncIterable<NdjsonStuk>; sluit(): void }
  | { readonly ok: false; readonly bericht: string };

/** Opens the file; an unreadable file is a message, not an exception. */
export async function openNdjson(pad: string, stukgrootte = 1 << 20): Promise<NdjsonBron> {
  let stroom: NodeJS.ReadableStream & { bytesRead?: number; destroy(): void };
  try {
    stroom = pad === '-' ? process.stdin : await open(pad, stukgrootte);
  } catch (e) {
    return {
      ok: false,
      bericht: `${pad}: kan bestand niet lezen (${(e as NodeJS.ErrnoException).code ?? 'fout'})`,
    };
  }
  stroom.setEncoding('utf8');
  async function* stukken(): AsyncGenerator<NdjsonStuk> {
    let rest = '';
    let regel = 1;
    let bytes = 0;
    for await (const deel of stroom as AsyncIterable<string>) {
      bytes = stroom.bytesRead ?? bytes + deel.length;
      const laatste = deel.lastIndexOf('\n');
      if (laatste < 0) {
        rest += deel;
        continue;
      }
      const tekst = rest + deel.slice(0, laatste + 1);
      rest = deel.slice(laatste + 1);
      yield { tekst, eersteRegel: regel, gelezen: bytes };
      regel += regelEinden(tekst);
    }
    if (rest !== '') yield { tekst: rest, eersteRegel: regel, gelezen: bytes };
  }
  return { ok: true, stukken: stukken(), sluit: () => pad !== '-' && stroom.destroy() };
}

function regelEinden(tekst: string): number {
  let n = 0;
  for (let i = tekst.indexOf('\n'); i >= 0; i = tekst.indexOf('\n', i + 1)) n++;
  return n;
}

/** The compiled check and the schema per vocabulary, made once per run's vocabulary. */
const contracten = new WeakMap<
  Vocabulaire,
  { controle: CasusControle; schema: ReturnType<typeof casusSchemasVoor>['casus'] }
>();
function contractVoor(vocabulaire: Vocabulaire) {
  let c = contracten.get(vocabulaire);
  if (!c) {
    c = { controle: maakCasusControle(vocabulaire), schema: casusSchemasVoor(vocabulaire).casus };
    contracten.set(vocabulaire, c);
  }
  return c;
}

/** One line as a case of the run, or why it is not one; undefined for an empty line. */
export function leesRegel(
  tekst: string,
  opties: NdjsonOpties,
): { readonly casus: Casus } | { readonly fout: string } | undefined {
  // trim() copies the line: only a line that starts with white space (ASCII, or any non-ASCII
  // character trim() may count as such) can be empty.
  const eerste = tekst.charCodeAt(0);
  if (tekst.length === 0 || ((eerste <= 32 || eerste >= 0x80) && tekst.trim() === '')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(tekst);
  } catch (e) {
    return { fout: `ongeldige JSON (${(e as Error).message.split('\n')[0]})` };
  }
  // The compiled contract decides (it accepts exactly what casusSchema accepts, at a fraction of the
  // cost); a refused line gets casusSchema's own message, so it reads as it always did.
  const { controle, schema } = contractVoor(opties.vocabulaire ?? LANDELIJK_VOCABULAIRE);
  if (!isCasus(controle, data)) {
    const p = schema.safeParse(data, { error: nederlandsZonderInvoer });
    if (!p.success)
      return {
        fout: veldFouten(p.error.issues, opties.vocabulaire ?? LANDELIJK_VOCABULAIRE)
          .map((f) => `${f.pad || '(casus)'}: ${f.bericht}`)
          .join('; '),
      };
    throw new Error('de gecompileerde casuscontrole weigert wat casusSchema aanneemt');
  }
  const casus = data;
  if (casus.gemeente !== opties.gemeente || casus.peildatum !== opties.peildatum)
    return {
      fout: `casus voor ${casus.gemeente} op ${casus.peildatum}; deze run is voor ${opties.gemeente} op ${opties.peildatum}`,
    };
  return { casus };
}

/** Hands every case of a chunk to `opCasus`, up to the first bad line. */
export function verwerkStuk(
  stuk: Pick<NdjsonStuk, 'tekst' | 'eersteRegel'>,
  opties: NdjsonOpties,
  opCasus: (casus: Casus) => void,
): { readonly aantal: number; readonly fout?: NdjsonFout } {
  const { tekst } = stuk;
  let aantal = 0;
  let regel = stuk.eersteRegel;
  for (let begin = 0; begin < tekst.length; regel++) {
    let eind = tekst.indexOf('\n', begin);
    if (eind < 0) eind = tekst.length;
    const r = leesRegel(tekst.slice(begin, eind), opties);
    begin = eind + 1;
    if (r === undefined) continue;
    if ('fout' in r) return { aantal, fout: { regel, bericht: r.fout } };
    opCasus(r.casus);
    aantal++;
  }
  return { aantal };
}

/** Opens a file for reading, failing here (not in the loop) when it cannot be read. */
function open(pad: string, stukgrootte: number): Promise<ReadStream> {
  return new Promise((klaar, mis) => {
    const s = createReadStream(pad, { highWaterMark: stukgrootte });
    s.once('open', () => klaar(s));
    s.once('error', mis);
  });
}
