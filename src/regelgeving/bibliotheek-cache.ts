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
const FORMAAT = 'reintegratie-bibliotheek 1';
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
 * sources it was built from (dist/bouw.json); the sources themselves are hashed file by file. The
 * lockfile counts too, as the YAML parser and zod are part of the validation.
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
  }
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  vingerafdruk = hash.digest('hex');
  return vingerafdruk;
}

interface Vermelding {
  readonly formaat: string;
  readonly sleutel: string;
  readonly regelingen: readonly Omit<Regeling, 'bron_'>[];
  readonly parameters: readonly ParameterBestand[];
}

/** What a library is rebuilt from. */
export interface Inhoud {
  readonly regelingen: readonly Regeling[];
  readonly parameters: ReadonlyMap<string, ParameterBestand>;
}

/**
 * Loads through the cache. `bestanden` are the files in the order the loader reads them, with their
 * text; the first `basis` of them (all, by default) are the tree a draft may be checked on top of.
 * `laad` is the full load of exactly those texts, or, given the kept library of the basis files, the
 * load of the others on top of it; `herstel` builds the library from a kept entry.
 */
export function viaCache<T extends Inhoud>(
  wortel: string,
  bestanden: readonly (readonly [string, string])[],
  laad: (basis?: Inhoud) => LaadResultaat<T>,
  herstel: (regelingen: Regeling[], parameters: Map<string, ParameterBestand>) => T,
  opties: { readonly map?: CacheMap | undefined; readonly basis?: number } = {},
): LaadResultaat<T> {
  const map = opties.map ?? standaardCacheMap();
  if (map === false) return laad();
  const teksten = new Map(bestanden);
  const sleutel = sleutelVan(wortel, bestanden);
  const bestand = join(map, `bibliotheek-${sleutel}.json`);
  const bewaard = lees(bestand, sleutel);
  if (bewaard) {
    const { regelingen, parameters } = inhoudVan(bewaard, teksten);
    return { ok: true, waarde: herstel(regelingen, parameters) };
  }
  const aantal = opties.basis ?? bestanden.length;
  let basis: Inhoud | undefined;
  if (aantal < bestanden.length) {
    const basisSleutel = sleutelVan(wortel, bestanden.slice(0, aantal));
    const kern = lees(join(map, `bibliotheek-${basisSleutel}.json`), basisSleutel);
    if (kern) basis = inhoudVan(kern, teksten);
  }
  const r = laad(basis);
  if (r.ok) schrijf(map, bestand, sleutel, r.waarde);
  return r;
}

function inhoudVan(v: Vermelding, teksten: ReadonlyMap<string, string>) {
  const regelingen = v.regelingen.map(
    (r) => ({ ...r, bron_: uitgesteldeBron(r.bestand, teksten.get(r.bestand)!) }) as Regeling,
  );
  return { regelingen, parameters: new Map(v.parameters.map((p) => [p.naam, p])) };
}

function sleutelVan(wortel: string, bestanden: readonly (readonly [string, string])[]): string {
  const hash = createHash('sha256').update(`${FORMAAT}\n${codeVingerafdruk()}\n${wortel}\n`);
  for (const [pad, tekst] of bestanden)
    hash.update(`${pad}\0${createHash('sha256').update(tekst).digest('hex')}\n`);
  return hash.digest('hex');
}

function lees(bestand: string, sleutel: string): Vermelding | undefined {
  const v = leesVermelding<Vermelding>(bestand);
  // The name already carries the key; the content must say the same (a truncated or copied file must not count).
  return v?.formaat === FORMAAT && v.sleutel === sleutel ? v : undefined;
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
  const vermelding: Vermelding = {
    formaat: FORMAAT,
    sleutel,
    regelingen: g.regelingen.map(({ bron_: _b, ...r }) => r),
    parameters: [...g.parameters.values()],
  };
  schrijfVermelding(map, bestand, vermelding, 'bibliotheek-');
}

function schrijfVermelding(map: string, bestand: string, vermelding: unknown, soort: string): void {
  // The cache only saves time: a folder that cannot be written costs the next start its speed, nothing else.
  try {
    mkdirSync(map, { recursive: true });
    // Written aside and renamed, so a concurrent reader sees the whole entry or none.
    const tijdelijk = `${bestand}.${process.pid}.tmp`;
    writeFileSync(tijdelijk, JSON.stringify(vermelding));
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
function uitgesteldeBron(bestand: string, tekst: string): YamlBron {
  let bron: YamlBron | undefined;
  const echt = (): YamlBron => {
    if (bron) return bron;
    const r = leesYaml(bestand, tekst);
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
