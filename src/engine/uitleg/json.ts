import { ENGINE } from '../evalueer.ts';
import type { Conflict, Uitkomst, VoorzieningUitkomst } from '../resultaat.ts';

/**
 * The JSON text of a result of the compiled path, as `JSON.stringify` writes it, character for
 * character (test/uitleg-gelijk.test.ts holds it against the reference's `JSON.stringify`). It is
 * written from the pieces the compiled path has, not from a finished `Resultaat`: what is the same
 * for many results is text made once (the engine and gemeente, each voorziening's opening up to its
 * grounds, the grounds many cases share, the plan's regulations); the fixed keys between them are
 * literal strings. Every other part is `JSON.stringify` of that part, so key order and escaping
 * stay the engine's.
 */

/**
 * Where a ground or question shared between results (voorziening.ts builds those once and freezes
 * them) keeps its own JSON text, with the comma that goes before it in a list: one piece of the
 * result's rope per element, read as a property of the element rather than looked up in a WeakMap.
 * A symbol, and not enumerable: `JSON.stringify`, `Object.keys`, spread and structured clone skip it,
 * so the element reads and serialises as before.
 */
const TEKST: unique symbol = Symbol('json');

type Gedeeld = { readonly [TEKST]?: string };

/** Freezes a ground or question to be shared, with its text (its facts must be frozen by then). */
export function deel<T extends object>(o: T): Readonly<T> {
  Object.defineProperty(o, TEKST, { value: plat(`,${JSON.stringify(o)}`) });
  return Object.freeze(o);
}

/** `,` and the text of a ground or question: a shared one's written once. */
function metKomma(g: object): string {
  const t = (g as Gedeeld)[TEKST];
  return t !== undefined ? t : `,${JSON.stringify(g)}`;
}

/** A list of grounds or questions; the first element's comma sliced off (a slice is one piece too). */
function lijst(l: readonly object[]): string {
  if (l.length === 0) return '[]';
  let uit = `[${metKomma(l[0]!).slice(1)}`;
  for (let i = 1; i < l.length; i++) uit += metKomma(l[i]!);
  return `${uit}]`;
}

/**
 * A string as one flat (sequential) string, so a text kept is one piece of every rope built on it.
 * Concatenation gives V8 a rope, and reading one (charCodeAt, a Map key, Buffer.byteLength) flattens
 * it in place but leaves a cons for later ropes to step through; a JSON round trip writes a fresh
 * sequential copy (%DebugPrint: ONE_BYTE_STRING_TYPE, not CONS_ONE_BYTE_STRING_TYPE; `s.concat()`
 * and `s.slice(0)` give the cons back as it is).
 */
function plat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** Most other lists of a result are empty. */
const gewoon = (l: readonly unknown[]): string => (l.length === 0 ? '[]' : JSON.stringify(l));

/**
 * `{"voorziening":…,"titel":…,"uitkomst":"…","gronden":` per voorziening, title and outcome: the
 * same for every result of that voorziening. The library holds a few dozen voorzieningen, each with a
 * title per version, so this stays small.
 */
const openingen = new Map<string, Map<string, Partial<Record<Uitkomst, string>>>>();

function opening(u: VoorzieningUitkomst): string {
  let perTitel = openingen.get(u.voorziening);
  if (perTitel === undefined) openingen.set(u.voorziening, (perTitel = new Map()));
  let perUitkomst = perTitel.get(u.titel);
  if (perUitkomst === undefined) perTitel.set(u.titel, (perUitkomst = {}));
  // The keys in the order beoordeel (voorziening.ts), nietAangeboden (evalueer.ts) and the compiled
  // engine create them; the equivalence test fails on any other order.
  return (perUitkomst[u.uitkomst] ??=
    `{"voorziening":${JSON.stringify(u.voorziening)},"titel":${JSON.stringify(u.titel)},` +
    `"uitkomst":${JSON.stringify(u.uitkomst)},"gronden":`);
}

/** A string as JSON: a calendar date (digits and dashes, nothing to escape) as it is. */
function tekst(v: string): string {
  if (v.length === 10) {
    let datum = true;
    for (let i = 0; i < 10 && datum; i++) {
      const c = v.charCodeAt(i);
      datum = (c >= 48 && c <= 57) || c === 45;
    }
    if (datum) return `"${v}"`;
  }
  return JSON.stringify(v);
}

/** `"naam":` per key; the keys of a result are the engine's own few dozen. */
const sleutels = new Map<string, string>();

/**
 * `JSON.stringify(termijnen)`: a handful of dates and two lists of moments, mostly empty. The
 * native stringify costs more per call on so small an object than writing it here; keys in the
 * object's own order, as JSON.stringify takes them, absent values skipped as it does.
 */
function termijnenJson(t: VoorzieningUitkomst['termijnen']): string {
  let uit = '{';
  const o = t as unknown as Record<string, unknown>;
  for (const k in o) {
    const v = o[k];
    let w: string;
    if (typeof v === 'string') w = tekst(v);
    else if (v === null) w = 'null';
    else if (Array.isArray(v) && v.length === 0) w = '[]';
    else if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    else w = JSON.stringify(v);
    let s = sleutels.get(k);
    if (s === undefined) sleutels.set(k, (s = `${JSON.stringify(k)}:`));
    uit += uit.length === 1 ? s + w : `,${s}${w}`;
  }
  return `${uit}}`;
}

/** `JSON.stringify(bedragen)`: a rejected or unpaid voorziening has none. */
function bedragenJson(b: VoorzieningUitkomst['bedragen']): string {
  for (const _ in b) return JSON.stringify(b);
  return '{}';
}

function uitkomstJson(u: VoorzieningUitkomst): string {
  return (
    `${opening(u)}${lijst(u.gronden)},"vragen":${lijst(u.vragen)},` +
    `"ontbrekendeFeiten":${gewoon(u.ontbrekendeFeiten)},"bedragen":${bedragenJson(u.bedragen)},` +
    `"termijnen":${termijnenJson(u.termijnen)}}`
  );
}

/** `{"engine":…,"gemeente":…,"peildatum":` per gemeente. */
const koppen = new Map<string, string>();

function kop(gemeente: string): string {
  let k = koppen.get(gemeente);
  if (k === undefined) {
    // A gemeente reaches here only with a plan: the library's gemeenten, a handful.
    k = `{"engine":${JSON.stringify(ENGINE)},"gemeente":${JSON.stringify(gemeente)},"peildatum":`;
    koppen.set(gemeente, k);
  }
  return k;
}

/**
 * What a result of the compiled path is made of: the `Resultaat` without its constant engine, with
 * the regulations as text and no deviations.
 */
export interface Delen {
  readonly gemeente: string;
  readonly peildatum: string;
  readonly regelingenJson: string;
  readonly voorzieningen: readonly VoorzieningUitkomst[];
  readonly conflicten: readonly Conflict[];
}

/** `JSON.stringify` of the `Resultaat` these pieces make (with `afwijkingen: []`). */
export function resultaatJson(d: Delen): string {
  let uit = `${kop(d.gemeente)}${JSON.stringify(d.peildatum)},"regelingen":${d.regelingenJson},"voorzieningen":[`;
  const v = d.voorzieningen;
  for (let i = 0; i < v.length; i++) {
    if (i > 0) uit += ',';
    uit += uitkomstJson(v[i]!);
  }
  return `${uit}],"conflicten":${gewoon(d.conflicten)},"afwijkingen":[]}`;
}
