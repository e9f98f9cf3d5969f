import type { VoorzieningId } from '../regelgeving/voorzieningen.ts';

/** The output contract of an evaluation (`reintegratie evaluate --json`, `POST /evaluate`). */

export type Uitkomst = 'toegestaan' | 'afgewezen' | 'ter-beoordeling' | 'onbepaald';

export interface Grond {
  readonly regeling: string;
  /** "15 lid 1", "10a lid 9": article, lid and onderdeel. */
  readonly artikel: string;
  /** One or two plain Dutch sentences naming the article and the facts used. */
  readonly uitleg: string;
  /** true: holds; false: does not hold; null: unknown or still to be judged, or not applied. */
  readonly voldaan: boolean | null;
  readonly feiten: Readonly<Record<string, unknown>>;
  readonly soort:
    | 'voorwaarde'
    | 'aanvraag'
    | 'termijn'
    | 'bedrag'
    | 'overgangsrecht'
    | 'afwijking'
    | 'buiten-toepassing'
    | 'aanbod'
    | 'wetswijziging';
  readonly voorwaarde?: string;
}

export interface Vraag {
  readonly feit: string;
  readonly vraag: string;
  readonly artikel: string;
  readonly regeling: string;
}

export interface Bedrag {
  /** null when a figure the rule needs is not known (onbepaald). */
  readonly cent: number | null;
  readonly per: string;
  readonly artikel: string;
  readonly regeling: string;
  readonly omschrijving: string;
  /** The last day the amount holds, where the text allows it for the first months only. */
  readonly totEnMet?: string;
  /** Set when the amount applies only once open conditions or judgements turn out yes. */
  readonly voorbehoud?: readonly string[];
  readonly ontbrekend?: readonly string[];
}

export interface Moment {
  readonly datum: string;
  readonly artikel: string;
  readonly regeling: string;
  readonly omschrijving: string;
}

export interface Termijnen {
  readonly ingangsdatum: string;
  /**
   * The last day granted: the day the request asks for (einddatum, or ingangsdatum plus duurMaanden),
   * cut to the maximum. null when that day hangs on a question still open (`einddatumOpen` says which).
   */
  readonly einddatum?: string | null;
  /** Why `einddatum` is null, in plain Dutch. */
  readonly einddatumOpen?: string;
  /** The last day the rules allow, with the extensions asked for; null when no text sets a maximum. */
  readonly maximaleEinddatum: string | null;
  readonly maximaleEinddatumMetVerlengingen?: string | null;
  readonly evaluatiemomenten: readonly Moment[];
  readonly betaalmomenten: readonly (Moment & { readonly bedrag: string })[];
}

export interface VoorzieningUitkomst {
  readonly voorziening: VoorzieningId;
  readonly titel: string;
  readonly uitkomst: Uitkomst;
  readonly gronden: readonly Grond[];
  readonly vragen: readonly Vraag[];
  readonly ontbrekendeFeiten: readonly string[];
  readonly bedragen: Readonly<Record<string, Bedrag>>;
  readonly termijnen: Termijnen;
}

export interface Conflict {
  /**
   * vervallen: the national basis is repealed; gewijzigd: it changed since; strijdig: the ordinance
   * allows more than the law; afwijking: a recorded deviation that cannot apply; wetswijziging: the law
   * or the ordinance changes while the voorziening runs, with another outcome from that day.
   */
  readonly soort: 'vervallen' | 'gewijzigd' | 'strijdig' | 'afwijking' | 'wetswijziging';
  readonly regeling: string;
  readonly artikel: string;
  readonly met: string;
  readonly uitleg: string;
}

export interface ToegepasteAfwijking {
  readonly artikel: string;
  readonly regeling: string;
  readonly voorwaarde: string;
  readonly voorziening?: string | undefined;
  readonly door: string;
  readonly reden: string;
  readonly toegepast: boolean;
  readonly uitleg: string;
}

export interface Resultaat {
  readonly engine: { readonly naam: 'reintegratie'; readonly versie: string };
  readonly gemeente: string;
  readonly peildatum: string;
  readonly regelingen: readonly { id: string; titel: string; geldigVanaf: string; hash: string }[];
  readonly voorzieningen: readonly VoorzieningUitkomst[];
  readonly conflicten: readonly Conflict[];
  readonly afwijkingen: readonly ToegepasteAfwijking[];
}

export type EvaluatieFout =
  | { readonly code: 'ongeldige-casus'; readonly fouten: readonly { pad: string; bericht: string }[] }
  | { readonly code: 'onbekende-gemeente'; readonly gemeente: string; readonly bericht: string }
  | {
      readonly code: 'geen-regeling';
      readonly gemeente: string;
      readonly peildatum: string;
      readonly bericht: string;
    }
  | { readonly code: 'geen-wet'; readonly peildatum: string; readonly bericht: string };

export type EvaluatieResultaat =
  { readonly ok: true; readonly resultaat: Resultaat } | { readonly ok: false; readonly fout: EvaluatieFout };
