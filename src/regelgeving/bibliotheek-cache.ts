import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { LaadResultaat, ParameterBestand, Regeling } from './laden.ts';
import { leesYaml, type YamlBron } from './yaml-bron.ts';

/**
 * Parsing and validating the regulation tree costs a few hundred milliseconds, more than everything
 * else a one-case evaluation does. A library that loaded without errors is therefore kept on disk
 * and reused, keyed by a hash over the content of every file that was read (with its path), the
 * root, and the code that parsed it: any changed, added or removed file, or changed code, gives
 * another key, so a stale entry is never used. A library with errors is never kept, so its errors
 * are found and reported by the full load every time, exactly as without the cache.
 */

/** Where the entries live: a folder a fresh clone may create and git ignores; `false` turns it off. */
export type CacheMap = string | false;

const CODE = join(import.meta.dirname, '..');
const ROOT = join(CODE, '..');
const FORMAAT = 'reintegratie-bibliotheek 2';
/** Entries kept; older ones (drafts edited for an impact run, say) are removed when a new one is written. */
const HOOGSTENS = 16;

/** The default folder: `REINTEGRATIE_CACHE` (a folder, or `uit`), else node_modules/.cache/reintegratie. */
export function standaardCacheMap(): CacheMap {
  const env = process.env.REINTEGRATIE_CACHE;
  if (env === 'uit' || env === '0') return false;
  if (env) return env;
  const modules = join(ROOT, 'node_modules');
  return existsSync(modules) ? join(modules, '.cache', 'reintegratie') : false;
}

let vingerafdruk: string | undefined;

/**
 * What identifies the code that parses and validates: built code carries the content hash of the
 * sources it was built from (dist/bouw.json); the sources themselves are hashed file by file, with
 * the lockfile, as the YAML parser and zod are part of the validation (the build's hash covers it).
 */
export function codeVingerafdruk(): string {
  if (vingerafdruk !== undefined) return vingerafdruk;
  const hash = createHash('sha256');
  const stempel = join(CODE, 'bouw.json');
  if (existsSync(stempel)) {
    hash.update(`gebouwd ${(JSON.parse(readFileSync(stempel, 'utf8')) as { bron: string }).bron}\n`);
  } else {
    const loop = (map: string) => {
      for (const naam of readdirSync(map).sort()) {
        const pad = join(map, naam);
        if (statSync(pad).isDirectory()) loop(pad);
        else if (naam.endsWith('.ts') || naam.endsWith('.js'))
          hash.update(`${pad}\n`).update(readFileSync(pad));
      }
    };
    loop(CODE);
    const lock = join(ROOT, 'package-lock.json');
    if (existsSync(lock)) hash.update(readFileSync(lock));
  }
  vingerafdruk = hash.digest('hex');
  return vingerafdruk;
}

/**
 * A kept library is one file: a first line of JSON with the small fields of every regulation (and
 * the parameters), then one line per regulation with its large fields and one with its unvalidated
 * data (`ruw_`). A start reads the first line only; a regulation parses its own lines when its
 * articles or rules are first read, and most starts read those of a handful of the twenty versions
 * (one gemeente and the law). The first line gives each line's length in bytes, so an entry cut
 * short is known by its size.
 */
interface Vermelding {
  readonly formaat: string;
  readonly sleutel: string;
  readonly regelingen: readonly BewaardeRegeling[];
  readonly parameters: readonly ParameterBestand[];
}

/** The small fields themselves; `velden_` all field names in their order; the lengths of its lines. */
type BewaardeRegeling = Record<string, unknown> & {
  readonly velden_: readonly string[];
  readonly bytes_: readonly [groot: number, ruw: number];
};

/** A field whose JSON is longer waits in the regulation's line until it is read. */
const KLEIN = 200;

/** What a library is rebuilt from. */
export interface Inhoud {
  readonly regelingen: readonly Regeling[];
  readonly parameters: ReadonlyMap<string, ParameterBestand>;
}

/**
 * Loads through the cache. `bestanden` are the files in the order the loader reads them, with their
 * bytes; the first `basis` of them (all, by default) are the tree a draft may be checked on top of.
 * `laad` is the full load of exactly those files, or, given the kept library of the basis files, the
 * load of the others on top of it; `herstel` builds the library from a kept entry.
 */
export function viaCache<T extends Inhoud>(
  wortel: string,
  bestanden: readonly (readonly [string, Buffer])[],
  laad: (basis?: Inhoud) => LaadResultaat<T>,
  herstel: (regelingen: Regeling[], parameters: Map<string, ParameterBestand>) => T,
  opties: { readonly map?: CacheMap | undefined; readonly basis?: number } = {},
): LaadResultaat<T> {
  const map = opties.map ?? standaardCacheMap();
  if (map === false) return laad();
  const bytes = new Map(bestanden);
  const sleutel = sleutelVan(wortel, bestanden);
  const bestand = join(map, `bibliotheek-${sleutel}.json`);
  const bewaard = lees(bestand, sleutel);
  if (bewaard) {
    const { regelingen, parameters } = inhoudVan(bewaard, bytes);
    return { ok: true, waarde: herstel(regelingen, parameters) };
  }
  const aantal = opties.basis ?? bestanden.length;
  let basis: Inhoud | undefined;
  if (aantal < bestanden.length) {
    const basisSleutel = sleutelVan(wortel, bestanden.slice(0, aantal));
    const kern = lees(join(map, `bibliotheek-${basisSleutel}.json`), basisSleutel);
    if (kern) basis = inhoudVan(kern, bytes);
  }
  const r = laad(basis);
  if (r.ok) schrijf(map, bestand, sleutel, r.waarde);
  return r;
}

interface Gelezen {
  readonly bestand: string;
  readonly vermelding: Vermelding;
  readonly tekst: Buffer;
  /** Where each regulation's first line starts. */
  readonly begin: readonly number[];
}

function inhoudVan(g: Gelezen, bytes: ReadonlyMap<string, Buffer>) {
  const regelingen = g.vermelding.regelingen.map((r, i) =>
    uitgesteldeRegeling(r, g.bestand, g.tekst, g.begin[i]!, bytes.get(r.bestand as string)!),
  );
  return { regelingen, parameters: new Map(g.vermelding.parameters.map((p) => [p.naam, p])) };
}

/**
 * A regulation whose small fields are there and whose large ones are parsed from the entry when
 * first read (all together; `ruw_` on its own, as only drafts and the impact analysis use it). The
 * fields stand in their first order, enumerable, so spreading, comparing and JSON see the same
 * object as a full load gives.
 */
function uitgesteldeRegeling(
  r: BewaardeRegeling,
  cache: string,
  tekst: Buffer,
  begin: number,
  yaml: Buffer,
): Regeling {
  const [groot, ruw] = r.bytes_;
  const uit: Record<string, unknown> = {};
  const zet = (naam: string, waarde: unknown) =>
    Object.defineProperty(uit, naam, { value: waarde, writable: true, enumerable: true, configurable: true });
  const lijn = (van: number, lengte: number): unknown => {
    try {
      return JSON.parse(tekst.toString('utf8', van, van + lengte));
    } catch {
      // The entry had its whole length when read, and a program never writes one in place.
      throw new Error(`${cache}: de bewaarde regelgeving is beschadigd; verwijder het bestand`);
    }
  };
  const uitgesteld = (naam: string, lees: () => void) =>
    Object.defineProperty(uit, naam, {
      enumerable: true,
      configurable: true,
      get() {
        lees();
        return uit[naam];
      },
      set(waarde: unknown) {
        zet(naam, waarde);
      },
    });
  const grote = r.velden_.filter((n) => n !== 'bron_' && n !== 'ruw_' && !Object.hasOwn(r, n));
  const leesGroot = () => {
    const velden = lijn(begin, groot) as Record<string, unknown>;
    for (const naam of grote) zet(naam, velden[naam]);
  };
  for (const naam of r.velden_) {
    if (naam === 'bron_') zet(naam, uitgesteldeBron(r.bestand as string, yaml));
    else if (naam === 'ruw_') uitgesteld(naam, () => zet(naam, lijn(begin + groot + 1, ruw)));
    else if (Object.hasOwn(r, naam)) uit[naam] = r[naam];
    else uitgesteld(naam, leesGroot);
  }
  return uit as unknown as Regeling;
}

function sleutelVan(wortel: string, bestanden: readonly (readonly [string, Buffer])[]): string {
  const hash = createHash('sha256').update(`${FORMAAT}\n${codeVingerafdruk()}\n${wortel}\n`);
  for (const [pad, bytes] of bestanden)
    hash.update(`${pad}\0${createHash('sha256').update(bytes).digest('hex')}\n`);
  return hash.digest('hex');
}

function lees(bestand: string, sleutel: string): Gelezen | undefined {
  let tekst: Buffer;
  try {
    tekst = readFileSync(bestand);
  } catch {
    return undefined;
  }
  const einde = tekst.indexOf(10);
  let v: Vermelding;
  try {
    v = JSON.parse(tekst.toString('utf8', 0, einde < 0 ? tekst.length : einde)) as Vermelding;
  } catch {
    return undefined;
  }
  // The name already carries the key; the content must say the same (a truncated or copied file must not count).
  if (v?.formaat !== FORMAAT || v.sleutel !== sleutel || !Array.isArray(v.regelingen)) return undefined;
  const begin: number[] = [];
  let plek = einde + 1;
  for (const r of v.regelingen) {
    begin.push(plek);
    plek += r.bytes_[0] + 1 + r.bytes_[1] + 1;
  }
  return plek === tekst.length ? { bestand, vermelding: v, tekst, begin } : undefined;
}

function leesVermelding<V>(bestand: string): V | undefined {
  let tekst: string;
  try {
    tekst = readFileSync(bestand, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(tekst) as V;
  } catch {
    return undefined;
  }
}

function schrijf(map: string, bestand: string, sleutel: string, g: Inhoud): void {
  const lijnen: string[] = [];
  const regelingen = g.regelingen.map((r) => {
    const klein: Record<string, unknown> = {};
    const groot: Record<string, unknown> = {};
    for (const [naam, waarde] of Object.entries(r)) {
      if (naam === 'bron_' || naam === 'ruw_') continue;
      if ((JSON.stringify(waarde)?.length ?? 0) > KLEIN) groot[naam] = waarde;
      else klein[naam] = waarde;
    }
    const lijn = [JSON.stringify(groot), JSON.stringify(r.ruw_ ?? null)];
    lijnen.push(...lijn);
    return {
      ...klein,
      // As JSON would keep them: a field without a value is left out.
      velden_: Object.keys(r).filter((n) => (r as unknown as Record<string, unknown>)[n] !== undefined),
      bytes_: lijn.map((l) => Buffer.byteLength(l)),
    };
  });
  const vermelding = { formaat: FORMAAT, sleutel, regelingen, parameters: [...g.parameters.values()] };
  schrijfTekst(map, bestand, `${[JSON.stringify(vermelding), ...lijnen].join('\n')}\n`, 'bibliotheek-');
}

function schrijfVermelding(map: string, bestand: string, vermelding: unknown, soort: string): void {
  schrijfTekst(map, bestand, JSON.stringify(vermelding), soort);
}

function schrijfTekst(map: string, bestand: string, tekst: string, soort: string): void {
  // The cache only saves time: a folder that cannot be written costs the next start its speed, nothing else.
  try {
    mkdirSync(map, { recursive: true });
    // Written aside and renamed, so a concurrent reader sees the whole entry or none.
    const tijdelijk = `${bestand}.${process.pid}.tmp`;
    writeFileSync(tijdelijk, tekst);
    renameSync(tijdelijk, bestand);
    ruimOp(map, soort);
  } catch {
    // See above.
  }
}

function ruimOp(map: string, soort: string): void {
  const vermeldingen = readdirSync(map)
    .filter((n) => n.startsWith(soort) && n.endsWith('.json'))
    .map((n) => ({ pad: join(map, n), tijd: statSync(join(map, n)).mtimeMs }))
    .sort((a, b) => b.tijd - a.tijd);
  for (const v of vermeldingen.slice(HOOGSTENS)) unlinkSync(v.pad);
}

/**
 * What one file's text yields once parsed and validated (the national vocabulary's declaration, a
 * gemeente's document settings), kept like a library: under a hash over the text, the file's path,
 * the code and `ook` (whatever else the validation depends on, such as the voorzieningen a schema
 * accepts). A result with errors is never kept, so its errors are found every start. The value must
 * survive JSON unchanged (plain objects, arrays, strings, numbers, booleans, null).
 */
export function viaBestandCache<T>(
  soort: string,
  bestand: string,
  tekst: string,
  maak: () => LaadResultaat<T>,
  opties: { readonly map?: CacheMap | undefined; readonly ook?: readonly string[] } = {},
): LaadResultaat<T> {
  const map = opties.map ?? standaardCacheMap();
  if (map === false) return maak();
  const formaat = `reintegratie-${soort} 1`;
  const hash = createHash('sha256').update(`${formaat}\n${codeVingerafdruk()}\n${bestand}\n`);
  hash.update(`${createHash('sha256').update(tekst).digest('hex')}\n`);
  for (const x of opties.ook ?? []) hash.update(`${createHash('sha256').update(x).digest('hex')}\n`);
  const sleutel = hash.digest('hex');
  const pad = join(map, `${soort}-${sleutel}.json`);
  const bewaard = leesVermelding<{ formaat: string; sleutel: string; waarde: T }>(pad);
  if (bewaard?.formaat === formaat && bewaard.sleutel === sleutel)
    return { ok: true, waarde: bewaard.waarde };
  const r = maak();
  if (r.ok) schrijfVermelding(map, pad, { formaat, sleutel, waarde: r.waarde }, `${soort}-`);
  return r;
}

/** The YAML source of a kept regulation, parsed only when an error must say where something stands. */
function uitgesteldeBron(bestand: string, bytes: Buffer): YamlBron {
  let bron: YamlBron | undefined;
  const echt = (): YamlBron => {
    if (bron) return bron;
    const r = leesYaml(bestand, bytes.toString('utf8'));
    if (!r.ok) throw new Error(`${bestand}: laadde eerder zonder fouten, nu niet meer`);
    bron = r.bron;
    return bron;
  };
  return {
    bestand,
    get data() {
      return echt().data;
    },
    plaatsVan: (pad) => echt().plaatsVan(pad),
  };
}
