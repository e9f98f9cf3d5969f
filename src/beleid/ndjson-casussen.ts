import { isAscii } from 'node:buffer';
import { open } from 'node:fs/promises';
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
 * judged on other threads (their bytes move there without a copy). Every line is checked against
 * the case contract; a bad line gives a message with its line number. Empty lines are skipped. `-`
 * reads standard input.
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

/**
 * Whole lines of the file as bytes: `bytes` starts at line `eersteRegel` (1-based) and ends after a
 * line end, or at the end of the file. Read `overdraagbaar`, no other chunk shares its memory, so it
 * can be handed to a worker thread without a copy.
 */
export interface NdjsonStuk {
  readonly bytes: Uint8Array;
  readonly eersteRegel: number;
  /** Bytes of the file read so far. */
  readonly gelezen: number;
}

export type NdjsonFout = { readonly regel: number; readonly bericht: string };

export type NdjsonBron =
  | { readonly ok: true; readonly stukken: AsyncIterable<NdjsonStuk>; sluit(): void }
  | { readonly ok: false; readonly bericht: string };

const LF = 10;

export interface NdjsonLeesOpties {
  readonly stukgrootte?: number;
  /**
   * Every chunk in memory of its own, to be handed to a worker thread. Without, one buffer is read
   * into again and again (a chunk holds until the next is asked for): a new megabyte for every
   * chunk makes the garbage collector run more often, which costs a single thread more than the copy.
   */
  readonly overdraagbaar?: boolean;
}

/** Reads up to `lengte` bytes into `doel` at `vanaf`; 0 at the end. */
type Lezer = { lees(doel: Buffer, vanaf: number, lengte: number): Promise<number>; sluit(): void };

/** Opens the file; an unreadable file is a message, not an exception. */
export async function openNdjson(
  pad: string,
  { stukgrootte = 1 << 20, overdraagbaar = false }: NdjsonLeesOpties = {},
): Promise<NdjsonBron> {
  let lezer: Lezer;
  try {
    lezer = pad === '-' ? stroomLezer(process.stdin) : await bestandLezer(pad);
  } catch (e) {
    return {
      ok: false,
      bericht: `${pad}: kan bestand niet lezen (${(e as NodeJS.ErrnoException).code ?? 'fout'})`,
    };
  }
  // Lines are split on the byte 10, not on decoded text: in UTF-8 that byte is only ever a line end,
  // so no character is cut, and a chunk is decoded once, by whoever judges it. Chunks are read
  // straight into their buffer; only the unfinished last line is copied, to the start of the next.
  async function* stukken(): AsyncGenerator<NdjsonStuk> {
    let rest: Buffer = Buffer.alloc(0);
    let opnieuw: Buffer | undefined;
    let regel = 1;
    let bytes = 0;
    for (;;) {
      // A line longer than a chunk doubles the read, so it is copied a few times, not once a chunk.
      const lengte = Math.max(stukgrootte, rest.length);
      let stuk: Buffer;
      if (opnieuw !== undefined && opnieuw.length >= rest.length + lengte) stuk = opnieuw;
      else {
        stuk = Buffer.allocUnsafeSlow(rest.length + lengte);
        if (!overdraagbaar) opnieuw = stuk;
      }
      // The rest may lie in the same buffer: copy moves overlapping bytes correctly.
      rest.copy(stuk, 0);
      const n = await lezer.lees(stuk, rest.length, lengte);
      if (n === 0) break;
      bytes += n;
      const tot = rest.length + n;
      const laatste = stuk.lastIndexOf(LF, tot - 1);
      if (laatste < 0) {
        rest = stuk.subarray(0, tot);
        continue;
      }
      rest = overdraagbaar ? Buffer.from(stuk.subarray(laatste + 1, tot)) : stuk.subarray(laatste + 1, tot);
      const tekst = stuk.subarray(0, laatste + 1);
      // Counted before the chunk is handed on: a worker thread takes its memory with it.
      const eerste = regel;
      regel += regelEinden(tekst);
      yield { bytes: tekst, eersteRegel: eerste, gelezen: bytes };
    }
    if (rest.length > 0)
      yield { bytes: overdraagbaar ? eigen(rest) : rest, eersteRegel: regel, gelezen: bytes };
  }
  return { ok: true, stukken: stukken(), sluit: () => lezer.sluit() };
}

/** A file, opened here so that one that cannot be read fails before the first chunk. */
async function bestandLezer(pad: string): Promise<Lezer> {
  const bestand = await open(pad, 'r');
  // A directory opens, and fails only at its first read.
  if ((await bestand.stat()).isDirectory()) {
    await bestand.close();
    throw Object.assign(new Error(pad), { code: 'EISDIR' });
  }
  return {
    lees: async (doel, vanaf, lengte) => (await bestand.read(doel, vanaf, lengte, null)).bytesRead,
    sluit: () => void bestand.close(),
  };
}

/** Standard input, whose pieces come as the stream gives them; it is left open. */
function stroomLezer(stroom: NodeJS.ReadableStream): Lezer {
  const stukken = (stroom as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let over: Buffer = Buffer.alloc(0);
  return {
    async lees(doel, vanaf, lengte) {
      if (over.length === 0) {
        const r = await stukken.next();
        if (r.done === true) return 0;
        over = r.value;
      }
      const n = over.copy(doel, vanaf, 0, Math.min(lengte, over.length));
      over = over.subarray(n);
      return n;
    },
    sluit: () => {},
  };
}

/** A copy in memory of its own: small buffers may share Node's pool, which must not be transferred. */
function eigen(bytes: Buffer): Buffer {
  const b = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(b);
  return b;
}

function regelEinden(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

/** The chunk as text: plain ASCII (what the generator writes) is copied byte for byte, anything else decoded as UTF-8. */
function alsTekst(bytes: Uint8Array): string {
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return b.toString(isAscii(b) ? 'latin1' : 'utf8');
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
  stuk: Pick<NdjsonStuk, 'bytes' | 'eersteRegel'>,
  opties: NdjsonOpties,
  opCasus: (casus: Casus) => void,
): { readonly aantal: number; readonly fout?: NdjsonFout } {
  const tekst = alsTekst(stuk.bytes);
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
