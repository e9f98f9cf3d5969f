import { FEIT_INDEX } from '../../casus/feiten.ts';
import { bedragTekst, datumTekst, feitWaardeTekst, getalTekst } from '../../taal/index.ts';

/**
 * Explanation templates compiled once: a sentence such as "U bent {leeftijd} jaar" becomes its
 * literal parts and its slots, each slot with the formatter of its fact resolved beforehand, so
 * filling it in for a case is joining strings, without a regular expression or a vocabulary lookup.
 * The result is the same text as `vulIn` (src/taal/formatteer.ts) gives.
 */

export type Feiten = Readonly<Record<string, unknown>>;

/** One part of a compiled sentence. */
export type Deel =
  | { readonly soort: 'tekst'; readonly tekst: string }
  | { readonly soort: 'feit'; readonly naam: string; readonly waarde: (v: unknown) => string }
  | { readonly soort: 'definitie'; readonly naam: string };

export type Sjabloon = readonly Deel[];

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** `datumTekst` without split and map: digits read where an ISO date has them. */
export function snelleDatumTekst(iso: string): string {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return datumTekst(iso);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  const maand = MAANDEN[m - 1];
  if (maand === undefined || !(d >= 0 && d <= 99)) return datumTekst(iso);
  const j =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  if (!(j >= 0 && j <= 9999)) return datumTekst(iso);
  return `${d} ${maand} ${j}`;
}

/** The formatter `feitWaardeTekst` would use for this fact, chosen once. */
export function waardeVoor(naam: string): (v: unknown) => string {
  const def = FEIT_INDEX.get(naam);
  // A fact shown in a form of its own (months of age as "66 jaar en 4 maanden") is filled as the reference does.
  if (def?.weergave !== undefined) return (v) => feitWaardeTekst(naam, v);
  const cent = def?.eenheid === 'cent';
  const datum = def?.type.soort === 'datum';
  return (v) => {
    if (v === undefined || v === null) return 'onbekend';
    if (typeof v === 'boolean') return v ? 'ja' : 'nee';
    if (typeof v === 'number') return cent ? bedragTekst(v) : getalTekst(v);
    if (typeof v === 'string') return datum ? snelleDatumTekst(v) : v.replaceAll('-', ' ');
    return feitWaardeTekst(naam, v);
  };
}

const DEFINITIE = /\{definitie:([a-zA-Z][a-zA-Z0-9]*)\}/g;
const FEIT = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

function feitDelen(tekst: string, uit: Deel[]): void {
  let vanaf = 0;
  for (const m of tekst.matchAll(FEIT)) {
    if (m.index > vanaf) uit.push({ soort: 'tekst', tekst: tekst.slice(vanaf, m.index) });
    uit.push({ soort: 'feit', naam: m[1]!, waarde: waardeVoor(m[1]!) });
    vanaf = m.index + m[0].length;
  }
  if (vanaf < tekst.length) uit.push({ soort: 'tekst', tekst: tekst.slice(vanaf) });
}

/**
 * Compiles a template. `definities` gives, per name, the two sentences a `{definitie:naam}` can
 * become; they are compiled too, as `vulIn` fills facts into them after inserting them. Undefined
 * when the template cannot be split exactly (a definition sentence that would join a brace of the
 * template into a new placeholder): the caller then uses `vulIn` itself.
 */
export function compileerSjabloon(sjabloon: string): Sjabloon | undefined {
  const uit: Deel[] = [];
  let vanaf = 0;
  for (const m of sjabloon.matchAll(DEFINITIE)) {
    if (m.index > vanaf) feitDelen(sjabloon.slice(vanaf, m.index), uit);
    uit.push({ soort: 'definitie', naam: m[1]! });
    vanaf = m.index + m[0].length;
  }
  if (vanaf < sjabloon.length) feitDelen(sjabloon.slice(vanaf), uit);
  // vulIn replaces {feit} after the definitions are in: a brace left open beside a definition could
  // close inside the definition's sentence. Such a template is not compiled.
  const rest = uit.filter((d) => d.soort === 'tekst').map((d) => (d as { tekst: string }).tekst);
  if (uit.some((d) => d.soort === 'definitie') && rest.some((t) => t.includes('{') || t.includes('}')))
    return undefined;
  return uit;
}

/** Compiles a definition's sentence (facts only); undefined when it has braces that are no slot. */
export function compileerDefinitiezin(zin: string): Sjabloon | undefined {
  if (zin.includes('{definitie:')) return undefined;
  const uit: Deel[] = [];
  feitDelen(zin, uit);
  const rest = uit.filter((d) => d.soort === 'tekst').map((d) => (d as { tekst: string }).tekst);
  return rest.some((t) => t.includes('{') || t.includes('}')) ? undefined : uit;
}

/** Fills a compiled template; `definitie` gives the compiled sentence a definition comes to. */
export function vul(s: Sjabloon, feiten: Feiten, definitie?: (naam: string) => Sjabloon | undefined): string {
  let uit = '';
  for (let i = 0; i < s.length; i++) {
    const d = s[i]!;
    if (d.soort === 'tekst') uit += d.tekst;
    else if (d.soort === 'feit') uit += d.waarde(feiten[d.naam]);
    else {
      const zin = definitie?.(d.naam);
      if (zin) uit += vul(zin, feiten);
    }
  }
  return uit;
}
