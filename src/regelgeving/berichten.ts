import type { z } from 'zod';

/**
 * Dutch messages for what the schema and YAML libraries report, and "bedoelt u …?" suggestions.
 * The libraries' own texts are English ("Invalid input: expected array, received undefined"); a
 * policy officer reads these instead. Messages a schema sets itself (already Dutch) are kept.
 */

/** Levenshtein distance, for suggesting the name that was probably meant. */
export function afstand(a: string, b: string): number {
  const vorige = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let links = i;
    let diagonaal = vorige[0]!;
    vorige[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const boven = vorige[j]!;
      const kosten = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      links = Math.min(links + 1, boven + 1, diagonaal + kosten);
      diagonaal = boven;
      vorige[j] = links;
    }
  }
  return vorige[b.length]!;
}

/** The candidate closest to what was written, when it is close enough to be a slip; else undefined. */
export function bedoeltU(woord: string, alle: Iterable<string>): string | undefined {
  const kandidaten = [...alle];
  let beste: string | undefined;
  let besteAfstand = Number.POSITIVE_INFINITY;
  for (const k of kandidaten) {
    const d = afstand(woord, k);
    if (d < besteAfstand) [beste, besteAfstand] = [k, d];
  }
  const grens = Math.max(2, Math.floor(woord.length / 3));
  // A prefix counts too: {uren} for urenPerWeek.
  if (beste !== undefined && besteAfstand <= grens) return beste;
  const metBegin = kandidaten.filter((k) => k.toLowerCase().startsWith(woord.toLowerCase()));
  return woord.length >= 3 && metBegin.length > 0
    ? metBegin.sort((a, b) => a.length - b.length)[0]
    : undefined;
}

/** " bedoelt u `x`?" and/or the allowed values, for the end of a message. */
export function suggestie(woord: string, kandidaten: readonly string[], lijstTot = 25): string {
  const b = bedoeltU(woord, kandidaten);
  if (b !== undefined) return `; bedoelt u '${b}'?`;
  if (kandidaten.length > 0 && kandidaten.length <= lijstTot)
    return `; toegestaan: ${[...kandidaten].sort().join(', ')}`;
  return '';
}

const SOORT: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een geheel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'een map (sleutel: waarde)',
  null: 'null',
  bigint: 'een getal',
  date: 'een datum',
  literal: 'een vaste waarde',
};

/** How a value read from the file is named in a message. */
export function beschrijf(v: unknown): string {
  if (v === undefined) return 'niets';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'een lijst';
  if (typeof v === 'object') return 'een map';
  if (typeof v === 'string') return `de tekst '${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
  if (typeof v === 'number') return `het getal ${v}`;
  if (typeof v === 'boolean') return String(v);
  return typeof v;
}

const EENHEID: Record<string, [string, string]> = {
  string: ['teken', 'tekens'],
  array: ['onderdeel', 'onderdelen'],
  set: ['onderdeel', 'onderdelen'],
  file: ['byte', 'bytes'],
};

/** How a value is named without repeating it: its kind only ("tekst", "een getal"). */
export function soortVan(v: unknown): string {
  if (v === undefined) return 'niets';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'een lijst';
  if (typeof v === 'object') return 'een map';
  if (typeof v === 'string') return 'tekst';
  if (typeof v === 'number') return 'een getal';
  if (typeof v === 'boolean') return 'true of false';
  return typeof v;
}

/**
 * The Dutch text for an issue zod raises without a message of the schema's own; pass it as
 * `safeParse(data, { error: nederlands })`. It quotes the value read, which helps in a file.
 */
export const nederlands = (iss: z.core.$ZodRawIssue): string => nederlandsBericht(iss, beschrijf);

/**
 * The same texts without the value sent: an answer over HTTP never repeats what a request carried
 * (a BSN in the wrong field would come back in the error).
 */
export const nederlandsZonderInvoer = (iss: z.core.$ZodRawIssue): string => nederlandsBericht(iss, soortVan);

function nederlandsBericht(iss: z.core.$ZodRawIssue, beschrijf: (v: unknown) => string): string {
  const input = iss.input;
  switch (iss.code) {
    case 'invalid_type': {
      const verwacht = SOORT[iss.expected] ?? iss.expected;
      if (input === undefined) return `ontbreekt: hier hoort ${verwacht}`;
      return `verwacht ${verwacht}, niet ${beschrijf(input)}`;
    }
    case 'invalid_value': {
      const opties = iss.values.map((v) => String(v));
      if (opties.length === 1) return `verwacht ${JSON.stringify(iss.values[0])}, niet ${beschrijf(input)}`;
      return `${beschrijf === soortVan ? 'deze waarde' : beschrijf(input)} is niet toegestaan${suggestie(String(input), opties, 40)}${
        bedoeltU(String(input), opties) !== undefined ? ` (toegestaan: ${opties.join(', ')})` : ''
      }`;
    }
    case 'too_small': {
      const [een, meer] = EENHEID[iss.origin] ?? ['', ''];
      const m = Number(iss.minimum);
      if (iss.origin === 'string' && m === 1) return 'mag niet leeg zijn';
      if (iss.origin === 'array' && m === 1) return 'de lijst mag niet leeg zijn';
      if (een) return `ten minste ${m} ${m === 1 ? een : meer}`;
      return iss.inclusive === false ? `moet groter zijn dan ${m}` : `moet ten minste ${m} zijn`;
    }
    case 'too_big': {
      const [een, meer] = EENHEID[iss.origin] ?? ['', ''];
      const m = Number(iss.maximum);
      if (een) return `ten hoogste ${m} ${m === 1 ? een : meer}`;
      return iss.inclusive === false ? `moet kleiner zijn dan ${m}` : `moet ten hoogste ${m} zijn`;
    }
    case 'invalid_format':
      if (iss.format === 'regex' && 'pattern' in iss)
        return `${beschrijf(input)} heeft niet de vereiste vorm (patroon ${String(iss.pattern)})`;
      return `${beschrijf(input)} heeft niet de vorm ${iss.format}`;
    case 'not_multiple_of':
      return `moet een veelvoud zijn van ${String(iss.divisor)}`;
    case 'unrecognized_keys':
      return `onbekende sleutel${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => `'${k}'`).join(', ')}`;
    case 'invalid_key':
      return `ongeldige sleutel ${beschrijf(input)}`;
    case 'invalid_union':
      return 'geen geldige vorm hier (zie docs/regelgeving.md voor de toegestane vormen)';
    case 'invalid_element':
      return 'ongeldig onderdeel';
    default:
      return 'ongeldige invoer';
  }
}

/** The YAML library's errors by their code, in Dutch; `detail` is the library's text, kept for the rare rest. */
export function yamlBericht(code: string, detail: string): string {
  // Some codes cover several situations; the library's text tells them apart.
  if (/compact mapping/i.test(detail))
    return 'een map in een map op één regel (zoals a: b: c) kan niet; zet de binnenste map ingesprongen op een nieuwe regel of tussen { }';
  if (/end with an? [\]}]/i.test(detail) || /flow (sequence|mapping|collection)/i.test(detail))
    return 'een lijst [ … ] of map { … } wordt niet gesloten met ] of }, of loopt verder dan de regels eronder toestaan';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'deze sleutel staat twee keer in dezelfde map';
    case 'BAD_INDENT':
      return 'de inspringing klopt niet: sleutels van één map staan precies onder elkaar (spaties, geen tabs)';
    case 'TAB_AS_INDENT':
      return 'een tab als inspringing; gebruik spaties';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'een sleutel loopt over meer regels of staat niet op zijn plaats; zet een dubbele punt en spatie na de sleutel, en de waarde op dezelfde regel of ingesprongen eronder';
    case 'BLOCK_IN_FLOW':
      return 'binnen { } of [ ] kan geen ingesprongen blok staan; schrijf alles op één regel of gebruik gewone inspringing';
    case 'MISSING_CHAR':
      return /flow|\]|\}/i.test(detail)
        ? 'een haakje of aanhalingsteken wordt niet gesloten (] of } of ")'
        : 'er ontbreekt een teken (een dubbele punt, haakje of aanhalingsteken)';
    case 'BAD_DQ_ESCAPE':
      return 'ongeldige \\-reeks tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens of verdubbel de \\';
    case 'BAD_SCALAR_START':
      return 'een waarde mag niet beginnen met dit teken (zoals @ of `); zet de waarde tussen aanhalingstekens';
    case 'UNEXPECTED_TOKEN':
      return 'onverwacht teken; staat er een dubbele punt, streepje of haakje te veel, of moet de waarde tussen aanhalingstekens?';
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
      return 'een verwijzing (*naam) klopt niet; zet de tekst tussen aanhalingstekens als u geen verwijzing bedoelt';
    case 'MULTIPLE_ANCHORS':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
      return 'een waarde heeft meer dan één & of !; zet de tekst tussen aanhalingstekens';
    case 'MULTIPLE_DOCS':
      return 'het bestand bevat meer dan één document (---); één regeling per bestand';
    case 'BAD_DIRECTIVE':
      return 'een regel die met % begint is hier niet toegestaan';
    case 'NON_STRING_KEY':
      return 'een sleutel moet een naam zijn, geen lijst of map';
    case 'KEY_OVER_1024_CHARS':
      return 'een sleutel is langer dan 1024 tekens';
    case 'TAG_RESOLVE_FAILED':
      return 'onbekend type (!…); laat het weg of zet de waarde tussen aanhalingstekens';
    case 'BAD_COLLECTION_TYPE':
      return 'deze lijst of map heeft een type dat niet past';
    case 'RESOURCE_EXHAUSTION':
      return 'het bestand verwijst te vaak naar zichzelf (aliassen)';
    default:
      return 'het bestand is geen geldige YAML op deze plaats';
  }
}

type Def = { type: string; [k: string]: unknown };
const defVan = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | undefined)?._zod?.def;

/** The schemas a value at this path may be checked against (more than one below a union). */
function schemasOp(schema: unknown, pad: readonly PropertyKey[], diepte = 0): unknown[] {
  const def = defVan(schema);
  if (!def || diepte > 200) return [];
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return schemasOp(def.innerType, pad, diepte + 1);
    case 'pipe':
      return schemasOp(def.in, pad, diepte + 1);
    case 'lazy':
      return schemasOp((def.getter as () => unknown)(), pad, diepte + 1);
    case 'union':
      return (def.options as unknown[]).flatMap((o) => schemasOp(o, pad, diepte + 1));
  }
  if (pad.length === 0) return [schema];
  const [deel, ...rest] = pad;
  switch (def.type) {
    case 'object': {
      const veld = (def.shape as Record<string, unknown>)[String(deel)];
      return veld ? schemasOp(veld, rest, diepte + 1) : [];
    }
    case 'record':
      return schemasOp(def.valueType, rest, diepte + 1);
    case 'array':
      return schemasOp(def.element, rest, diepte + 1);
    case 'tuple':
      return schemasOp((def.items as unknown[])[Number(deel)], rest, diepte + 1);
    default:
      return [];
  }
}

/** The keys a map at this path may have: an object's fields, or a record's allowed keys. */
export function sleutelsOp(schema: unknown, pad: readonly PropertyKey[]): string[] {
  const uit = new Set<string>();
  for (const s of schemasOp(schema, pad)) {
    const def = defVan(s)!;
    if (def.type === 'object') for (const k of Object.keys(def.shape as object)) uit.add(k);
    if (def.type === 'record') {
      const sleutel = defVan(def.keyType);
      if (sleutel?.type === 'enum') for (const k of Object.keys(sleutel.entries as object)) uit.add(k);
    }
  }
  return [...uit];
}

/** Whether the map at this path is a record keyed by voorziening ids (for a clearer message). */
export function isRecordOp(schema: unknown, pad: readonly PropertyKey[]): boolean {
  return schemasOp(schema, pad).some((s) => defVan(s)?.type === 'record');
}
