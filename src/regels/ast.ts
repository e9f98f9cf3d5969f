/**
 * The rule language as it stands in a regulation file. Every node is plain data: files never carry
 * code, and the compiler turns these trees into closures once per regulation version.
 */

export type Scalar = string | number | boolean;

/** A number: a literal, a fact, a parameter, or arithmetic on those. */
export type Getal =
  | number
  | { readonly feit: string }
  | { readonly parameter: string }
  | { readonly som: readonly Getal[] }
  | { readonly verschil: readonly [Getal, Getal] }
  | { readonly product: readonly Getal[] }
  | { readonly quotient: readonly [Getal, Getal] }
  | { readonly minimum: readonly Getal[] }
  | { readonly maximum: readonly Getal[] }
  | { readonly afronden: Getal; readonly op?: 'cent' | 'euro'; readonly wijze: Afronding }
  | { readonly tabel: Tabel }
  /** A named calculation of the regulation or its law (`berekeningen`), so a formula is written once. */
  | { readonly berekening: string }
  /** One number or another by a condition; unknown while the condition is unknown or still to be judged. */
  | { readonly als: Toets; readonly dan: Getal; readonly anders: Getal };

export type Afronding = 'half-naar-boven' | 'naar-boven' | 'naar-beneden';

/**
 * Tiers: the first row whose bounds hold for the fact's value gives the result. Bounds read as the
 * text reads them: `vanaf` ("vanaf 20", inclusive) or `meerDan` ("meer dan 20", exclusive) below;
 * `tot` ("tot 32", exclusive) or `totEnMet` ("tot en met 32", inclusive) above.
 */
export interface Tabel {
  readonly feit: string;
  readonly rijen: readonly TabelRij[];
}

export interface TabelRij {
  readonly vanaf?: number;
  readonly meerDan?: number;
  readonly tot?: number;
  readonly totEnMet?: number;
  readonly waarde: Getal;
}

/** A comparison value: a literal, a parameter, or another fact. */
export type Waarde = Scalar | { readonly parameter: string } | { readonly feit: string };

/**
 * A condition. Conditions evaluate in three-valued (Kleene) logic plus one more value: a judgement
 * the college has to make (`oordeel`) and that no fact answers yet.
 */
export type Toets =
  | { readonly alle: readonly Toets[] }
  | { readonly een: readonly Toets[] }
  | { readonly niet: Toets }
  | { readonly als: Toets; readonly dan: Toets }
  | { readonly gebruik: string }
  | { readonly oordeel: string; readonly vraag: string }
  | { readonly waar: boolean }
  | PeriodeToets
  | LeeftijdToets
  | FeitToets;

/** A length of time as the text states it ("6 maanden", "2 jaar", "26 weken", "14 dagen"). */
export interface Tijdsduur {
  readonly jaren?: number;
  readonly maanden?: number;
  readonly weken?: number;
  readonly dagen?: number;
}

/**
 * How long a period lasts, by the calendar: from the date in fact `van` up to the date in fact `tot`
 * (that day not counted: "voorafgaand aan de peildatum") or `totEnMet` (that day counted). Serves
 * both a requested term (`van: ingangsdatum, totEnMet: einddatum`) and an uninterrupted state
 * ("ten minste 12 maanden onafgebroken een uitkering": `van: uitkeringSinds, totEnMet: peildatum`).
 */
export interface PeriodeToets {
  readonly periode: { readonly van: string; readonly tot?: string; readonly totEnMet?: string };
  readonly tenMinste?: Tijdsduur;
  readonly meerDan?: Tijdsduur;
  readonly tenHoogste?: Tijdsduur;
  readonly minderDan?: Tijdsduur;
}

/**
 * An age compared by the exact day it is reached (birthday plus years and months): `tenMinste` holds
 * from that day on, `minderDan` ("jonger dan", "nog niet bereikt") before it. `op` names the date
 * fact of the day judged. A parameter is an age in months per calendar year (the AOW age, art. 7a
 * lid 1 AOW): the age of the year in which a person reaches it applies.
 */
export interface LeeftijdToets {
  readonly leeftijdOp: string;
  readonly tenMinste?: Leeftijd;
  readonly minderDan?: Leeftijd;
}

export type Leeftijd = { readonly jaren: number; readonly maanden?: number } | { readonly parameter: string };

export interface FeitToets {
  readonly feit: string;
  readonly is?: Waarde;
  readonly isNiet?: Waarde;
  readonly isEenVan?: readonly Scalar[];
  readonly isBekend?: boolean;
  readonly tenMinste?: Waarde;
  readonly meerDan?: Waarde;
  readonly tenHoogste?: Waarde;
  readonly minderDan?: Waarde;
}

export const VERGELIJKINGEN = [
  'is',
  'isNiet',
  'isEenVan',
  'isBekend',
  'tenMinste',
  'meerDan',
  'tenHoogste',
  'minderDan',
] as const;
export type Vergelijking = (typeof VERGELIJKINGEN)[number];
