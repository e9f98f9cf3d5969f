import { type Casus, UITKERINGEN } from '../casus/index.ts';
import type { Plan } from '../engine/index.ts';
import { eindeTermijnMaanden, naarDagnummer, vanDagnummer } from '../kalender/index.ts';
import { VOORZIENINGEN, type VoorzieningId } from '../regelgeving/voorzieningen.ts';
import { kies, maakPrng, type Prng, verdeling } from './prng.ts';

/**
 * A synthetic caseload: people on a gemeente's books with the facts the ordinances ask about, most
 * with a request for a voorziening (new, or running with its grant date and extensions), some
 * judgements already answered and some facts still missing, as in a real case file. Case i depends
 * only on the seed and i, so any slice of a caseload can be made again on its own.
 */

export interface Aanbod {
  /** The voorzieningen the gemeente offers, with the judgements (oordelen) each one asks for. */
  readonly voorzieningen: ReadonlyMap<VoorzieningId, readonly string[]>;
  /** Judgements that may come up for any request (transitional law). */
  readonly algemeen: readonly string[];
}

export interface CaseloadOpties {
  readonly gemeente: string;
  readonly peildatum: string;
  readonly aantal: number;
  readonly seed: number | string;
  readonly aanbod: Aanbod;
  /** First case number (for slices); default 0. */
  readonly vanaf?: number;
}

/** What a plan offers and asks, for the generator. */
export function aanbodVan(plan: Plan): Aanbod {
  const voorzieningen = new Map<VoorzieningId, string[]>();
  for (const [id, pv] of plan.voorzieningen) {
    const namen = new Set<string>();
    for (const v of [
      ...pv.voorwaarden,
      ...pv.aanvraagVoorwaarden,
      ...(pv.duur?.verlengingVoorwaarden ?? []),
      ...(pv.duur?.wettelijkeVerlengingVoorwaarden ?? []),
    ])
      for (const o of v.verwijzingen.oordelen.keys()) namen.add(o);
    voorzieningen.set(id, [...namen]);
  }
  const algemeen = [...plan.overgangsvoorwaarden.values()].flatMap((v) => [
    ...v.verwijzingen.oordelen.keys(),
  ]);
  return { voorzieningen, algemeen };
}

/** How often people ask for each voorziening, relative to each other (among those on offer). */
const VRAAG: Readonly<Record<VoorzieningId, number>> = {
  participatieplaats: 16,
  loonkostensubsidie: 13,
  jobcoaching: 9,
  scholing: 9,
  proefplaats: 8,
  werkervaringsplaats: 8,
  'sociale-activering': 8,
  werkstage: 6,
  uitstroompremie: 5,
  leerwerktraject: 4,
  'no-riskpolis': 4,
  'beschut-werk': 3,
  verwervingskosten: 3,
  vervoersvoorziening: 3,
  detacheringsbaan: 2,
  'meeneembare-voorziening': 2,
  werkgeversarrangement: 2,
  stimuleringssubsidie: 2,
};

/** Typical requested terms in months; a request may also name none. */
const DUUR: Partial<Record<VoorzieningId, readonly number[]>> = {
  proefplaats: [1, 2, 2, 3, 3, 4],
  werkstage: [2, 3, 3, 3, 6, 7],
  participatieplaats: [6, 12, 12, 18, 24, 24, 25],
  werkervaringsplaats: [3, 6, 6, 7, 9, 12],
  scholing: [3, 6, 12, 24],
  leerwerktraject: [6, 12, 24],
  jobcoaching: [6, 12, 24, 36],
  loonkostensubsidie: [6, 12, 24],
  'sociale-activering': [6, 12],
};

/** Extra months one extension adds, roughly as the ordinances count them. */
const VERLENGING: Partial<Record<VoorzieningId, number>> = {
  participatieplaats: 12,
  werkstage: 3,
  werkervaringsplaats: 6,
  jobcoaching: 12,
  loonkostensubsidie: 12,
};

/** Extensions so far of a running grant. */
const VERLENGINGEN: readonly (readonly [string, number])[] = [
  ['0', 55],
  ['1', 30],
  ['2', 12],
  ['3', 3],
];
const VERLENGINGENVERDELING = verdeling(VERLENGINGEN);
const ARBEIDSDUUR = [36, 38, 40] as const;
const CONTRACT = [0, 3, 6, 6, 12] as const;

const UREN = [8, 12, 16, 18, 20, 20, 20, 24, 24, 28, 32, 32, 36, 36, 38, 40] as const;

const LEEFTIJDEN: readonly (readonly [string, number])[] = [
  ['16-17', 2],
  ['18-26', 16],
  ['27-44', 38],
  ['45-54', 22],
  ['55-66', 22],
];
/** The youngest and oldest age of each class of LEEFTIJDEN, in its order. */
const GRENZEN: readonly (readonly [number, number])[] = [
  [16, 17],
  [18, 26],
  [27, 44],
  [45, 54],
  [55, 66],
];
const LEEFTIJDVERDELING = verdeling(LEEFTIJDEN);

const UITKERING: readonly (readonly [(typeof UITKERINGEN)[number], number])[] = [
  ['algemene-bijstand', 68],
  ['geen', 10],
  ['uwv-overig', 9],
  ['wia', 6],
  ['ioaw', 4],
  ['anw', 2],
  ['ioaz', 1],
];
const UITKERINGVERDELING = verdeling(UITKERING);

/** A yes/no fact: true with p, false with q, missing otherwise. */
function jaNee(prng: Prng, p: number, q: number): boolean | undefined {
  const r = prng.getal();
  return r < p ? true : r < p + q ? false : undefined;
}

export interface Casusmaker {
  /** Case number i of the caseload (the same for the same seed, whatever came before). */
  casus(i: number): Casus;
  /**
   * The same case i, written into objects that every call reuses (valid until the next call): each
   * fact, request field and answer always in the same place, undefined where `casus(i)` leaves it
   * out. For an impact run, whose batches read an undefined fact as a missing one and keep nothing:
   * one object shape instead of hundreds, and no allocation per case. Not a case to store or check.
   */
  vast(i: number): Casus;
}

/** The facts the generator writes, in the order `casus(i)` writes them (its cases' key order). */
const FEITEN = [
  'geboortedatum',
  'uitkering',
  'startkwalificatie',
  'leerplichtOfKwalificatieplicht',
  'kanOnderwijsVolgen',
  'arbeidsbeperking',
  'afstandTotArbeidsmarkt',
  'eerderActiefOpArbeidsmarkt',
  'langdurigWerkloos',
  'doelgroepLoonkostensubsidie',
  'loonwaardePercentage',
  'indicatieBeschutWerkDatum',
  'swIndicatie2014',
  'voorliggendeVoorziening',
] as const;

/** The request fields, likewise in the order of `casus(i)`. */
const AANVRAAGVELDEN = [
  'voorziening',
  'verlengingen',
  'toegekendOp',
  'ingangsdatum',
  'einddatum',
  'duurMaanden',
  'zelfdeWerkgever',
  'andereOmgeving',
  'urenPerWeek',
  'voldoendeMeegewerkt',
  'normaleArbeidsduur',
  'functieloonPerMaandCent',
  'contractToegezegdMaanden',
  'kostenCent',
] as const;

/** An object with these keys, all undefined; built by JSON.parse so V8 gives it fast properties. */
function metSleutels<K extends string>(sleutels: readonly K[]): Record<K, unknown> {
  const o = JSON.parse(JSON.stringify(Object.fromEntries(sleutels.map((k) => [k, null])))) as Record<
    K,
    unknown
  >;
  for (const k of sleutels) o[k] = undefined;
  return o;
}

/** What a request for one voorziening asks and writes (see `schrijf`). */
interface Soort {
  readonly id: VoorzieningId;
  /** The judgements it asks, by number. */
  readonly oordelen: readonly number[];
  readonly duren: readonly number[] | undefined;
  readonly verlenging: number;
  readonly urenKans: number;
  readonly lkstraject: boolean;
  readonly proefplaats: boolean;
  readonly verwervingskosten: boolean;
}

/**
 * `zet(o, j, v)` writes v into judgement j of `o`, a `switch` with a named store per judgement: a
 * store keyed by a name that changes every time is one V8 cannot cache, and an answered judgement is
 * written and cleared in every case. The names are JSON string literals, so any name is only a key.
 */
function maakZetter(namen: readonly string[]): (o: object, j: number, v: boolean | undefined) => void {
  const gevallen = namen.map((n, j) => `case ${j}: o[${JSON.stringify(n)}] = v; break;`);
  return new Function('o', 'j', 'v', `'use strict';\nswitch (j) {\n${gevallen.join('\n')}\n}`) as (
    o: object,
    j: number,
    v: boolean | undefined,
  ) => void;
}

export function maakCasusmaker(opties: Omit<CaseloadOpties, 'aantal' | 'vanaf'>): Casusmaker {
  const { gemeente, peildatum, aanbod } = opties;
  const prng = maakPrng(opties.seed);
  const peildag = naarDagnummer(peildatum);
  const aangeboden = [...aanbod.voorzieningen.keys()];
  // A voorziening a regulation declares itself has no known demand: it is asked for seldom, and its
  // declared facts stay unknown (onbepaald where they matter).
  const vraag = aangeboden.map((v) => [v, VRAAG[v] ?? 1] as const);
  const vraagverdeling = verdeling(vraag);
  const nietAangeboden = VOORZIENINGEN.filter((v) => !aanbod.voorzieningen.has(v));
  const alleOordelen = [...new Set([...aanbod.voorzieningen.values()].flat())];
  const voorFunctieloon = peildatum < '2016-07-04';
  // Every case writes a few dates out of a span of some seventy years: each is written once.
  const DAGEN_TERUG = 80 * 366;
  const eerste = peildag - DAGEN_TERUG;
  const geschreven: (string | undefined)[] = new Array<string | undefined>(DAGEN_TERUG + 400).fill(undefined);
  const datum = (dag: number): string => {
    const i = dag - eerste;
    if (i < 0 || i >= geschreven.length) return vanDagnummer(dag);
    return (geschreven[i] ??= vanDagnummer(dag));
  };

  // One case at a time is written here; `casus` copies out what it holds, `vast` hands it over.
  const feiten = metSleutels([...FEITEN, 'oordelen']) as Record<(typeof FEITEN)[number], unknown> & {
    oordelen: Record<string, boolean>;
  };
  const aanvraag = metSleutels(AANVRAAGVELDEN);
  // Judgements go by their number in `oordeelNamen`; each is written through its own named store.
  const oordeelNamen = [...new Set([...alleOordelen, ...aanbod.algemeen])];
  const oordelen = metSleutels(oordeelNamen) as Record<string, boolean | undefined>;
  // An answer left undefined is one not given: compiled rules ask `ctx.oordelen[naam] === undefined`.
  feiten.oordelen = oordelen as Record<string, boolean>;
  const zetOordeel = maakZetter(oordeelNamen);
  const nummerVan = new Map(oordeelNamen.map((n, j) => [n, j]));
  const nummers = (namen: readonly string[]) => namen.map((n) => nummerVan.get(n)!);
  const alleNummers = nummers(alleOordelen);
  const algemeenNummers = nummers(aanbod.algemeen);
  /** Whether judgement j is answered in this case. */
  const gegeven = new Uint8Array(oordeelNamen.length);
  /** The judgements answered in this case, in the order first answered: the first `beantwoordAantal`. */
  const beantwoordeNummers: number[] = [];
  let beantwoordAantal = 0;
  // What a request for each voorziening asks and writes, worked out once instead of by name per case.
  const soort = (id: VoorzieningId): Soort => ({
    id,
    oordelen: nummers(aanbod.voorzieningen.get(id) ?? []),
    duren: DUUR[id],
    verlenging: VERLENGING[id] ?? 6,
    urenKans: id === 'participatieplaats' || id === 'loonkostensubsidie' ? 0.95 : 0.5,
    lkstraject: id === 'loonkostensubsidie',
    proefplaats: id === 'proefplaats',
    verwervingskosten: id === 'verwervingskosten',
  });
  const aangebodenSoorten = aangeboden.map(soort);
  const nietAangebodenSoorten = nietAangeboden.map(soort);
  const vastZonder: Casus = { gemeente, peildatum, feiten };
  const vastMet: Casus = {
    gemeente,
    peildatum,
    feiten,
    aanvraag: aanvraag as NonNullable<Casus['aanvraag']>,
  };

  const beantwoord = (lijst: readonly number[], p: number) => {
    for (let x = 0; x < lijst.length; x++)
      if (prng.kans(p)) {
        const j = lijst[x]!;
        if (gegeven[j] === 0) {
          gegeven[j] = 1;
          beantwoordeNummers[beantwoordAantal++] = j;
        }
        zetOordeel(oordelen, j, prng.kans(0.78));
      }
  };

  /**
   * Writes case i into `feiten`, `aanvraag` and `oordelen`; whether it has a request. Every fact and
   * (for a request) every request field is written once, undefined where the case has none: stores
   * to named properties of one object shape, no clearing pass.
   */
  const schrijf = (i: number): boolean => {
    for (let x = 0; x < beantwoordAantal; x++) {
      const j = beantwoordeNummers[x]!;
      zetOordeel(oordelen, j, undefined);
      gegeven[j] = 0;
    }
    beantwoordAantal = 0;

    prng.zaai(i);
    const [min, max] = GRENZEN[kies(prng, LEEFTIJDVERDELING)]!;
    const leeftijd = prng.tussen(min, max);
    // Born `leeftijd` whole years before the peildatum, on any day of that year.
    feiten.geboortedatum = prng.kans(0.015)
      ? undefined
      : datum(peildag - Math.floor((leeftijd + prng.getal()) * 365.2425));
    const uitkering = leeftijd < 18 ? 'geen' : UITKERING[kies(prng, UITKERINGVERDELING)]![0];
    feiten.uitkering = prng.kans(0.015) ? undefined : uitkering;
    const startkwalificatie = jaNee(prng, leeftijd < 18 ? 0.08 : leeftijd < 27 ? 0.5 : 0.6, 0.37);
    feiten.startkwalificatie = startkwalificatie;
    const plicht = leeftijd < 18 ? startkwalificatie !== true : false;
    feiten.leerplichtOfKwalificatieplicht = leeftijd < 23 && !prng.kans(0.05) ? plicht : undefined;
    feiten.kanOnderwijsVolgen = leeftijd < 27 ? jaNee(prng, 0.35, 0.55) : jaNee(prng, 0, 0.2);
    const beperking = jaNee(prng, 0.22, 0.75);
    feiten.arbeidsbeperking = beperking;
    const grootKans = beperking ? 0.8 : leeftijd >= 55 ? 0.65 : 0.5;
    const r = prng.getal();
    const afstand = r < 0.08 ? undefined : r < 0.08 + 0.92 * grootKans ? 'groot' : 'kort';
    feiten.afstandTotArbeidsmarkt = afstand;
    feiten.eerderActiefOpArbeidsmarkt = jaNee(prng, leeftijd < 23 ? 0.4 : 0.8, leeftijd < 23 ? 0.55 : 0.15);
    feiten.langdurigWerkloos = jaNee(prng, 0.55, 0.4);
    const lks = beperking ? jaNee(prng, 0.5, 0.42) : jaNee(prng, 0.04, 0.88);
    feiten.doelgroepLoonkostensubsidie = lks;
    feiten.loonwaardePercentage =
      lks && prng.kans(0.8) ? prng.tussen(25, 55) + prng.tussen(0, 30) : undefined;
    feiten.indicatieBeschutWerkDatum =
      beperking && afstand === 'groot' && prng.kans(0.12)
        ? datum(peildag - prng.tussen(20, 1500))
        : undefined;
    feiten.swIndicatie2014 = jaNee(prng, 0.01, 0.3);
    feiten.voorliggendeVoorziening = jaNee(prng, 0.08, 0.8);

    if (!(aangeboden.length > 0 && prng.kans(0.85))) {
      beantwoord(alleNummers, 0.12);
      return false;
    }
    const gevraagd =
      nietAangeboden.length > 0 && prng.kans(0.02)
        ? prng.een(nietAangebodenSoorten)
        : aangebodenSoorten[kies(prng, vraagverdeling)]!;
    aanvraag.voorziening = gevraagd.id;
    let ingang: number | undefined;
    let k = 0;
    if (prng.kans(0.35)) {
      // A running grant: its first day, the extensions so far, and mostly the day it was granted.
      ingang = peildag - prng.tussen(1, 900);
      // The keys of VERLENGINGEN are the numbers 0 to 3 in order.
      k = kies(prng, VERLENGINGENVERDELING);
      aanvraag.verlengingen = k;
      aanvraag.toegekendOp = prng.kans(0.95) ? datum(ingang - prng.tussen(0, 30)) : undefined;
    } else {
      if (!prng.kans(0.03)) ingang = peildag + prng.tussen(0, 60);
      aanvraag.verlengingen = prng.kans(0.4) ? 0 : undefined;
      aanvraag.toegekendOp = undefined;
    }
    aanvraag.ingangsdatum = ingang !== undefined ? datum(ingang) : undefined;
    aanvraag.einddatum = undefined;
    aanvraag.duurMaanden = undefined;
    const duren = gevraagd.duren;
    if (duren && prng.kans(0.85)) {
      const maanden = prng.een(duren) + k * gevraagd.verlenging;
      if (ingang !== undefined && prng.kans(0.2)) {
        const einde = eindeTermijnMaanden(datum(ingang), maanden);
        aanvraag.einddatum = prng.kans(0.1) ? datum(naarDagnummer(einde) + 1) : einde;
      } else aanvraag.duurMaanden = maanden;
    }
    const zelfde = k >= 1 ? jaNee(prng, 0.65, 0.3) : undefined;
    aanvraag.zelfdeWerkgever = zelfde;
    aanvraag.andereOmgeving = zelfde === undefined ? undefined : prng.kans(0.9) ? !zelfde : zelfde;
    let uren: number | undefined;
    if (prng.kans(gevraagd.urenKans)) {
      uren = prng.een(UREN);
      if (prng.kans(0.08)) uren += 0.5;
    }
    aanvraag.urenPerWeek = uren;
    aanvraag.voldoendeMeegewerkt = jaNee(prng, 0.85, 0.1);
    // The hours of a full working week in the job (art. 10d lid 4 Pw), and before 4 July 2016 the
    // job's own wage the loonwaarde was a share of (art. 6 lid 1 onder g).
    const lkstraject = gevraagd.lkstraject;
    aanvraag.normaleArbeidsduur = lkstraject && prng.kans(0.9) ? prng.een(ARBEIDSDUUR) : undefined;
    aanvraag.functieloonPerMaandCent =
      lkstraject && voorFunctieloon && prng.kans(0.8) ? prng.tussen(1500, 3000) * 100 : undefined;
    aanvraag.contractToegezegdMaanden =
      gevraagd.proefplaats && prng.kans(0.7) ? prng.een(CONTRACT) : undefined;
    aanvraag.kostenCent = gevraagd.verwervingskosten ? prng.tussen(10, 600) * 100 : undefined;
    beantwoord(gevraagd.oordelen, 0.45);
    if (aanvraag.toegekendOp !== undefined) beantwoord(algemeenNummers, 0.6);
    beantwoord(alleNummers, 0.03);
    return true;
  };

  return {
    casus(i) {
      const metAanvraag = schrijf(i);
      const f: Casus['feiten'] = {};
      for (const k of FEITEN) if (feiten[k] !== undefined) f[k] = feiten[k];
      const casus: Casus = { gemeente, peildatum, feiten: f };
      if (metAanvraag) {
        // `voorziening` comes first and is always set.
        const a: Record<string, unknown> = {};
        for (const k of AANVRAAGVELDEN) if (aanvraag[k] !== undefined) a[k] = aanvraag[k];
        casus.aanvraag = a as NonNullable<Casus['aanvraag']>;
      }
      if (beantwoordAantal > 0) {
        const o: Record<string, boolean> = {};
        for (let x = 0; x < beantwoordAantal; x++) {
          const n = oordeelNamen[beantwoordeNummers[x]!]!;
          o[n] = oordelen[n]!;
        }
        f.oordelen = o;
      }
      return casus;
    },
    vast(i) {
      return schrijf(i) ? vastMet : vastZonder;
    },
  };
}

/** The caseload as a stream: nothing is kept, so a million cases take no more memory than one. */
export function* caseload(opties: CaseloadOpties): Generator<Casus, void, undefined> {
  const g = maakCasusmaker(opties);
  const vanaf = opties.vanaf ?? 0;
  for (let i = vanaf; i < vanaf + opties.aantal; i++) yield g.casus(i);
}
