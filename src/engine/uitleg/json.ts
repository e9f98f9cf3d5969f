import type { Resultaat } from '../resultaat.ts';

/**
 * The result of an evaluation as JSON text, the same text as `JSON.stringify(resultaat)`, written
 * for the fixed shape of a result: the keys are known, so their quoted forms are made once, and the
 * strings that recur from case to case (article numbers, regulation ids, titles, dates, kinds of
 * ground) are quoted once and kept. Any object whose keys are not the ones this module knows is left
 * to `JSON.stringify` itself, so an addition to the result contract stays correct and only costs speed.
 */

/** The JSON text of a value, or undefined where `JSON.stringify` leaves a property out. */
type Schrijver = (v: unknown) => string | undefined;

const gewoon: Schrijver = (v) => JSON.stringify(v);

/** Quoted forms of recurring strings; emptied when it grows past its bound. */
const GEQUOTEERD = new Map<string, string>();
const GRENS = 100_000;

function quote(s: string): string {
  let q = GEQUOTEERD.get(s);
  if (q === undefined) {
    q = JSON.stringify(s);
    if (GEQUOTEERD.size >= GRENS) GEQUOTEERD.clear();
    GEQUOTEERD.set(s, q);
  }
  return q;
}

/** A string that recurs (an id, an article, a date): quoted once. */
const vast: Schrijver = (v) => (typeof v === 'string' ? quote(v) : JSON.stringify(v));

/** A fact value or any other scalar: numbers and booleans written directly, strings kept quoted. */
const scalar: Schrijver = (v) => {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  return JSON.stringify(v);
};

const isGewoonObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function object(velden: Readonly<Record<string, Schrijver>>): Schrijver {
  const sleutels = new Map(
    Object.entries(velden).map(([k, f]) => [k, [`${JSON.stringify(k)}:`, f] as const]),
  );
  return (o) => {
    if (!isGewoonObject(o)) return JSON.stringify(o);
    let uit = '{';
    for (const k in o) {
      const s = sleutels.get(k);
      if (s === undefined) return JSON.stringify(o);
      const t = s[1](o[k]);
      if (t === undefined) continue;
      uit += uit.length === 1 ? s[0] + t : `,${s[0]}${t}`;
    }
    return `${uit}}`;
  };
}

/** An object with any keys (facts, amounts by name), every value written by `waarde`. */
function record(waarde: Schrijver): Schrijver {
  return (o) => {
    if (!isGewoonObject(o)) return JSON.stringify(o);
    let uit = '{';
    for (const k in o) {
      const t = waarde(o[k]);
      if (t === undefined) continue;
      uit += uit.length === 1 ? `${quote(k)}:${t}` : `,${quote(k)}:${t}`;
    }
    return `${uit}}`;
  };
}

function lijst(element: Schrijver): Schrijver {
  return (a) => {
    if (!Array.isArray(a)) return JSON.stringify(a);
    if (a.length === 0) return '[]';
    let uit = '[';
    for (let i = 0; i < a.length; i++) uit += (i === 0 ? '' : ',') + (element(a[i]) ?? 'null');
    return `${uit}]`;
  };
}

const grond = object({
  regeling: vast,
  artikel: vast,
  uitleg: gewoon,
  voldaan: scalar,
  feiten: record(scalar),
  soort: vast,
  voorwaarde: vast,
});

const vraag = object({ feit: vast, vraag: vast, artikel: vast, regeling: vast });

const bedrag = object({
  cent: scalar,
  per: vast,
  artikel: vast,
  regeling: vast,
  omschrijving: vast,
  totEnMet: vast,
  voorbehoud: lijst(vast),
  ontbrekend: lijst(vast),
});

const moment = object({ datum: vast, artikel: vast, regeling: vast, omschrijving: vast, bedrag: vast });

const termijnen = object({
  ingangsdatum: vast,
  einddatum: vast,
  maximaleEinddatum: vast,
  maximaleEinddatumMetVerlengingen: vast,
  evaluatiemomenten: lijst(moment),
  betaalmomenten: lijst(moment),
});

const voorziening = object({
  voorziening: vast,
  titel: vast,
  uitkomst: vast,
  gronden: lijst(grond),
  vragen: lijst(vraag),
  ontbrekendeFeiten: lijst(vast),
  bedragen: record(bedrag),
  termijnen,
});

const conflict = object({ soort: vast, regeling: vast, artikel: vast, met: vast, uitleg: gewoon });

const afwijking = object({
  artikel: vast,
  regeling: vast,
  voorwaarde: vast,
  voorziening: vast,
  door: gewoon,
  reden: gewoon,
  toegepast: scalar,
  uitleg: gewoon,
});

const resultaat = object({
  engine: object({ naam: vast, versie: vast }),
  gemeente: vast,
  peildatum: vast,
  regelingen: lijst(object({ id: vast, titel: vast, geldigVanaf: vast, hash: vast })),
  voorzieningen: lijst(voorziening),
  conflicten: lijst(conflict),
  afwijkingen: lijst(afwijking),
});

/** `JSON.stringify(r)`, faster for the shape of a result. */
export function resultaatJson(r: Resultaat): string {
  return resultaat(r) ?? 'null';
}
