import { isGeldigeDatum } from '../kalender/index.ts';
import { type FeitDefinitie, type FeitType, LANDELIJK_VOCABULAIRE, type Vocabulaire } from './feiten.ts';
import type { Casus } from './schema.ts';

/**
 * The case contract as plain checks compiled from the fact vocabulary, for runs that read a million
 * cases (impact from NDJSON), where `casusSchema.safeParse` costs more than judging the case twice.
 * It accepts exactly what `casusSchema` accepts, field by field (test/casus-controle.test.ts holds
 * both to the same verdict and the same field over generated valid and invalid cases), but builds
 * no issues and copies nothing: the accepted value is the case. Where it refuses, it names the field;
 * the message for people still comes from `casusSchema`, so it reads as it always did.
 */

/** Undefined when the value is a valid case, else the path of the first field found wrong. */
export type CasusControle = (waarde: unknown) => string | undefined;

type Veld = (waarde: unknown) => boolean;
type Waarden = Record<string, unknown>;

/** What zod takes for an object: anything of type object but null and arrays (its own keys and inherited ones are read). */
const isObject = (v: unknown): v is Waarden => typeof v === 'object' && v !== null && !Array.isArray(v);

const datum: Veld = (v) => typeof v === 'string' && isGeldigeDatum(v);

function veldVoor(t: FeitType): Veld {
  switch (t.soort) {
    case 'datum':
      return datum;
    case 'waarheid':
      return (v) => typeof v === 'boolean';
    case 'keuze': {
      const opties = new Set<unknown>(t.opties);
      return (v) => typeof v === 'string' && opties.has(v);
    }
    case 'getal': {
      const { min = -Infinity, max = Infinity, geheel = false } = t;
      // zod's number takes finite numbers only, and its int() safe integers only.
      return (v) =>
        typeof v === 'number' &&
        (geheel ? Number.isSafeInteger(v) : Number.isFinite(v)) &&
        v >= min &&
        v <= max;
    }
  }
}

/** Optional fields, as zod's `.optional()` has them: absent, or undefined, or valid. */
const optioneel =
  (veld: Veld): Veld =>
  (v) =>
    v === undefined || veld(v);

function veldenVan(vocabulaire: Vocabulaire, bron: FeitDefinitie['bron']): Map<string, Veld> {
  return new Map(
    [...vocabulaire.feiten.values()]
      .filter((f) => f.bron === bron)
      .map((f) => [f.naam, optioneel(veldVoor(f.type))]),
  );
}

const OORDEEL_ID = /^[a-z][A-Za-z0-9]*$/;
const GEMEENTE = /^[a-z0-9-]+$/;
const tekst: Veld = (v) => typeof v === 'string';

const afwijkingVelden = (voorzieningen: readonly string[]) =>
  new Map<string, Veld>([
    ['artikel', tekst],
    ['voorziening', optioneel(veldVoor({ soort: 'keuze', opties: voorzieningen }))],
    ['voorwaarde', tekst],
    ['door', (v) => typeof v === 'string' && v.length >= 1],
    ['reden', (v) => typeof v === 'string' && v.length >= 10],
    ['datum', optioneel(datum)],
  ]);
/** The first wrong field of an object: a known field in schema order (a required one missing too), then an unknown key. */
function eersteFout(o: Waarden, velden: ReadonlyMap<string, Veld>, pad: string): string | undefined {
  for (const [naam, veld] of velden) if (!veld(o[naam])) return `${pad}${naam}`;
  for (const k in o) if (!velden.has(k)) return `${pad}${k}`;
  return undefined;
}

/**
 * The compiled contract: one check per field of the vocabulary (the national one, or that of a
 * gemeente's regulations with their declared facts), and the parts that are not facts.
 */
export function maakCasusControle(vocabulaire: Vocabulaire = LANDELIJK_VOCABULAIRE): CasusControle {
  const feiten = veldenVan(vocabulaire, 'feiten');
  const aanvraag = veldenVan(vocabulaire, 'aanvraag');
  aanvraag.set('voorziening', veldVoor({ soort: 'keuze', opties: vocabulaire.voorzieningIds }));
  const AFWIJKING = afwijkingVelden(vocabulaire.voorzieningIds);
  // Names seen valid once stay valid: most cases repeat the same few.
  const goedeOordelen = new Set<string>();
  // Every case of a run names the same gemeente: check the text once.
  let laatsteGemeente: unknown = Symbol('nog geen');

  const oordelen = (v: unknown): string | undefined => {
    if (!isObject(v)) return '';
    for (const k in v) {
      // zod's record passes over this key whatever it holds (it would set the prototype).
      if (k === '__proto__') continue;
      if (!goedeOordelen.has(k)) {
        if (!OORDEEL_ID.test(k)) return `.${k}`;
        goedeOordelen.add(k);
      }
      if (typeof v[k] !== 'boolean') return `.${k}`;
    }
    return undefined;
  };

  const afwijkingen = (v: unknown): string | undefined => {
    if (!Array.isArray(v)) return '';
    for (let i = 0; i < v.length; i++) {
      const a: unknown = v[i];
      if (!isObject(a)) return `[${i}]`;
      const fout = eersteFout(a, AFWIJKING, `[${i}].`);
      if (fout !== undefined) return fout;
    }
    return undefined;
  };

  const feitenFout = (f: unknown): string | undefined => {
    if (!isObject(f)) return 'feiten';
    for (const k in f) {
      const veld = feiten.get(k);
      if (veld !== undefined) {
        if (!veld(f[k])) return `feiten.${k}`;
      } else if (k === 'oordelen') {
        if (f[k] === undefined) continue;
        const fout = oordelen(f[k]);
        if (fout !== undefined) return `feiten.oordelen${fout}`;
      } else if (k === 'afwijkingen') {
        if (f[k] === undefined) continue;
        const fout = afwijkingen(f[k]);
        if (fout !== undefined) return `feiten.afwijkingen${fout}`;
      } else return `feiten.${k}`;
    }
    return undefined;
  };

  const aanvraagFout = (a: unknown): string | undefined => {
    if (!isObject(a)) return 'aanvraag';
    if (a.voorziening === undefined) return 'aanvraag.voorziening';
    for (const k in a) {
      const veld = aanvraag.get(k);
      if (veld === undefined || !veld(a[k])) return `aanvraag.${k}`;
    }
    const { ingangsdatum, einddatum } = a as { ingangsdatum?: string; einddatum?: string };
    if (einddatum !== undefined && ingangsdatum !== undefined && einddatum < ingangsdatum)
      return 'aanvraag.einddatum';
    return undefined;
  };

  return (c) => {
    if (!isObject(c)) return '';
    for (const k in c) {
      switch (k) {
        case 'gemeente': {
          const g = c.gemeente;
          if (g === laatsteGemeente) break;
          if (typeof g !== 'string' || !GEMEENTE.test(g)) return 'gemeente';
          laatsteGemeente = g;
          break;
        }
        case 'peildatum':
          if (!datum(c.peildatum)) return 'peildatum';
          break;
        case 'feiten': {
          const fout = feitenFout(c.feiten);
          if (fout !== undefined) return fout;
          break;
        }
        case 'aanvraag': {
          if (c.aanvraag === undefined) break;
          const fout = aanvraagFout(c.aanvraag);
          if (fout !== undefined) return fout;
          break;
        }
        default:
          return k;
      }
    }
    // Required fields that were not there at all.
    if (c.gemeente === undefined) return 'gemeente';
    if (c.peildatum === undefined) return 'peildatum';
    if (c.feiten === undefined) return 'feiten';
    return undefined;
  };
}

/** Whether a value passed the compiled contract (for the type). */
export function isCasus(controle: CasusControle, waarde: unknown): waarde is Casus {
  return controle(waarde) === undefined;
}
