import type { Afwijking } from '../casus/index.ts';
import { eindeTermijnMaanden } from '../kalender/index.ts';
import type { Artikel, Regeling } from '../regelgeving/index.ts';
import type { Context } from '../regels/context.ts';
import { en, JA, NEE, ONBEKEND, type Waarheid } from '../regels/waarheid.ts';
import type { Plan, PlanDuur, PlanVoorwaarde, PlanVoorziening } from './plan.ts';
import { maximaleEinddatum, minimaleEinddatum } from './termijnen.ts';

/**
 * The steps of judging a request that are law, not explanation: shared by `evalueer` (which explains
 * them) and the batch path (which only counts), so the two cannot decide differently.
 */

type Aanvraag = Readonly<Record<string, unknown>> | undefined;

/** The name a recorded deviation uses for the ordinance's maximum term (hardheidsclausule). */
export const DUUR = 'duur';

/** The first day of the voorziening: the request's ingangsdatum, else the peildatum. */
export function ingangsdatumVan(aanvraag: Aanvraag, peildatum: string): string {
  return typeof aanvraag?.ingangsdatum === 'string' ? aanvraag.ingangsdatum : peildatum;
}

/** Extensions the request contains; a request that names none is a first grant. */
export function verlengingenVan(aanvraag: Aanvraag): number {
  return typeof aanvraag?.verlengingen === 'number' ? aanvraag.verlengingen : 0;
}

export function maximaalAantalVerlengingen(duur: PlanDuur | undefined): number {
  return duur?.verlenging?.maximaalAantal ?? 0;
}

/**
 * The law's extension conditions apply once the granted term runs past the law's basic term, whatever
 * the ordinance counts as its first extension (Groningen: 1 year + 1 year; the law: 2 years). A request
 * longer than the maximum is granted up to it, so the conditions are judged on that shortened end, and
 * on the end transitional law keeps (`grens`). The maximum is worked out only when the asked end
 * passes the basic term: the batch calls this for every request.
 */
export function voorbijWettelijkeBasis(
  duur: PlanDuur | undefined,
  ingang: string,
  gevraagd: string | undefined,
  k: number,
  grens?: string,
): boolean {
  const basis = duur?.wettelijkeBasisMaanden;
  if (basis === undefined) return false;
  if (gevraagd === undefined) return k >= 1;
  const basiseinde = eindeTermijnMaanden(ingang, basis);
  if (gevraagd <= basiseinde || (grens !== undefined && grens <= basiseinde)) return false;
  const einde = maximaleEinddatum(duur, ingang, k);
  return einde === null || einde > basiseinde;
}

/**
 * Voorzieningen granted before this day fall under the regulation's transitional article: its own
 * `toegekendVoor`, else the in-force date the article speaks of (for an article a later version
 * inherits unchanged, the date of the version that states it, not the later version's).
 */
export function overgangVoor(regeling: Regeling): string {
  return regeling.overgangsrecht?.toegekendVoor ?? regeling.overgangsrechtSinds ?? regeling.geldigVanaf;
}

/** The last day a voorziening kept under transitional law may run, given the end that was agreed. */
export function overgangsgrens(regeling: Regeling, afgesproken: string): string {
  const duur = regeling.overgangsrecht!.duur;
  if (duur === 'overeengekomen') return afgesproken;
  const inwerking = regeling.overgangsrechtSinds ?? regeling.geldigVanaf;
  const grens = eindeTermijnMaanden(inwerking, duur.maandenNaInwerkingtreding);
  return afgesproken <= grens ? afgesproken : grens;
}

export interface GewogenAfwijking {
  /** The condition deviated from, or DUUR for the ordinance's maximum term. */
  readonly doel: PlanVoorwaarde | typeof DUUR;
  /** The ordinance in force whose hardheidsclausule or innovatie article the deviation rests on. */
  readonly regeling: Regeling | undefined;
  readonly toegepast: boolean;
  /** Why it is not applied, when that is not the law or a missing article (an experiment's end, no municipal term). */
  readonly reden?: string;
  /** The deviation cannot be weighed yet: a fact it needs is missing (the start of an experiment). */
  readonly onbekend?: string;
}

/** A deviation addressed to this voorziening that matches none of its rules. */
export interface OnbekendDoel {
  readonly doel: undefined;
}

/**
 * A recorded deviation counts only when it rests on a hardheidsclausule or innovatie article of an
 * ordinance in force and concerns a municipal rule (or the ordinance's own term); an experiment runs
 * no longer than its article allows (Dinkelland art. 17 lid 2: three years). Undefined when it is not
 * about this voorziening; `{ doel: undefined }` when it names this voorziening but none of its rules.
 */
export function weegAfwijking(
  a: Afwijking,
  pv: PlanVoorziening,
  plan: Plan,
  peildatum: string,
): GewogenAfwijking | OnbekendDoel | undefined {
  if (a.voorziening !== undefined && a.voorziening !== pv.id) return undefined;
  const doel =
    a.voorwaarde === DUUR
      ? DUUR
      : (pv.voorwaarden.find((v) => v.id === a.voorwaarde) ??
        pv.aanvraagVoorwaarden.find((v) => v.id === a.voorwaarde) ??
        pv.duur?.verlengingVoorwaarden.find((v) => v.id === a.voorwaarde) ??
        pv.duur?.wettelijkeVerlengingVoorwaarden.find((v) => v.id === a.voorwaarde));
  if (!doel) return a.voorziening === pv.id ? { doel: undefined } : undefined;
  let artikel: Artikel | undefined;
  const regeling = plan.gemeenteRegelingen.find((r) => {
    artikel = r.artikelen.find(
      (x) => x.nummer === a.artikel && (x.soort === 'hardheidsclausule' || x.soort === 'innovatie'),
    );
    return artikel !== undefined;
  });
  if (!regeling || !artikel) return { doel, regeling, toegepast: false };
  if (doel === DUUR) {
    if (!pv.duur?.verordening)
      return {
        doel,
        regeling,
        toegepast: false,
        reden:
          'De verordening stelt zelf geen maximale duur voor deze voorziening; van de wet kan het college niet afwijken.',
      };
  } else if (doel.laag !== 'gemeente') return { doel, regeling, toegepast: false };
  const looptijd = artikel.maximaleDuur;
  if (artikel.soort === 'innovatie' && looptijd) {
    if (a.datum === undefined)
      return { doel, regeling, toegepast: false, onbekend: 'de startdatum van het experiment' };
    const laatste = eindeTermijnMaanden(a.datum, looptijd.maanden);
    if (peildatum > laatste)
      return {
        doel,
        regeling,
        toegepast: false,
        reden: `Een experiment op grond van artikel ${a.artikel} duurt ten hoogste ${looptijd.maanden} maanden (artikel ${a.artikel}${looptijd.lid ? ` lid ${looptijd.lid}` : ''}). Dit experiment begon op ${a.datum} en liep tot en met ${laatste}.`,
      };
  }
  return { doel, regeling, toegepast: true };
}

/** The first day of the voorziening and the days its rules are read on (see `Context.datum`). */
export interface Beoordelingsdata {
  /** The voorziening's first day: rules, ages and figures are judged as on this day. */
  readonly startdatum: string;
  /** The ordinance in force on the start, or on the peildatum for one that already runs (with its transitional law). */
  readonly regelingDatum: string;
  /** National law of the period the voorziening runs: the law on its first day. */
  readonly wetDatum: string;
}

export function beoordelingsdata(aanvraag: Aanvraag, peildatum: string): Beoordelingsdata {
  const startdatum = ingangsdatumVan(aanvraag, peildatum);
  return {
    startdatum,
    regelingDatum: startdatum > peildatum ? startdatum : peildatum,
    wetDatum: startdatum,
  };
}

export interface GeldendeDuur {
  /** The term as it applies: with the law's term where it holds for this person. */
  readonly duur: PlanDuur | undefined;
  /** When it is not yet known whether the law's term holds: why not, and the term otherwise. */
  readonly anders?: { readonly waarheid: Waarheid; readonly duur: PlanDuur | undefined };
}

/** The law's term where it holds for this person (`geldtAls`), else the ordinance's own term. */
export function geldendeDuur(pv: PlanVoorziening, ctx: Context): GeldendeDuur {
  const geldt = pv.wettelijkeDuurGeldtAls;
  if (!geldt) return { duur: pv.duur };
  const w = geldt.toets(ctx);
  if (w === JA) return { duur: pv.duur };
  if (w === NEE) return { duur: pv.duurZonderWet };
  return { duur: pv.duur, anders: { waarheid: w, duur: pv.duurZonderWet } };
}

/**
 * The number of extensions asked for, against the term that applies: yes within it; where the law's
 * stricter term may or may not hold for this person (`anders`), that open question; else no.
 */
export function verlengingWaarheid(g: GeldendeDuur, k: number): Waarheid {
  if (k <= maximaalAantalVerlengingen(g.duur)) return JA;
  return g.anders && k <= maximaalAantalVerlengingen(g.anders.duur) ? g.anders.waarheid : NEE;
}

/**
 * The requested end against the term that applies; undefined when there is nothing to check (no end
 * asked, no maximum). Too short is refused; too long is granted up to the maximum (`langerWaarheid`).
 * `afwijking`: the voorziening whose law-only term applies if a hardheidsclausule on the term that
 * cannot be weighed yet turns out to apply.
 */
export function eindeWaarheid(
  g: GeldendeDuur,
  ingang: string,
  gevraagd: string | undefined,
  k: number,
  afwijking?: PlanVoorziening,
): Waarheid | undefined {
  if (gevraagd === undefined || !g.duur) return undefined;
  // Shorter than the text's minimum ("minimaal 6 maanden") is refused whoever asks.
  const kortste = minimaleEinddatum(g.duur, ingang);
  if (kortste !== undefined && gevraagd < kortste) return NEE;
  const einde = maximaleEinddatum(g.duur, ingang, k);
  if (einde === null) return kortste !== undefined ? JA : undefined;
  return gevraagd <= einde ? JA : langerWaarheid(g, ingang, einde, k, afwijking);
}

/**
 * A request that asks past the last day `einde` of the term that applies: the college grants it up to
 * that day and refuses the rest, so the term itself never refuses it. What stays open is the end
 * granted: where it is open whether the law's stricter term holds for this person (`g.anders`), or
 * whether a hardheidsclausule on the term applies (`afwijking`, whose law-only term then holds), and
 * the other answer would grant another end, the outcome is that open question. When every answer
 * grants the same last day (Groningen's proefplaats: both terms end on one day) it is known: JA.
 */
export function langerWaarheid(
  g: GeldendeDuur,
  ingang: string,
  einde: string,
  k: number,
  afwijking?: PlanVoorziening,
): Waarheid {
  let w: Waarheid = JA;
  // The asked end lies after `einde`, so another term grants another day exactly when its own last
  // day differs from `einde` (none at all: the whole asked period).
  if (g.anders && maximaleEinddatum(g.anders.duur, ingang, k) !== einde) w = g.anders.waarheid;
  if (afwijking && maximaleEinddatum(afwijking.wettelijkeDuur, ingang, k) !== einde) w = en(w, ONBEKEND);
  return w;
}

/**
 * The last day granted: the asked end, cut to the maximum `einde`; null when that day depends on a
 * question still open (`langerWaarheid` is not JA). Undefined when no end is asked.
 */
export function toegekendeEinddatum(
  g: GeldendeDuur,
  ingang: string,
  gevraagd: string | undefined,
  einde: string | null,
  k: number,
  afwijking?: PlanVoorziening,
): string | null | undefined {
  if (gevraagd === undefined) return undefined;
  if (einde === null || gevraagd <= einde) return gevraagd;
  return langerWaarheid(g, ingang, einde, k, afwijking) === JA ? einde : null;
}

/**
 * The last 1 January on or before the peildatum after the voorziening's first day: where the law in
 * force then sets amounts again each 1 January (art. 10d lid 7 Pw, `bedragenHerzien`), a running
 * voorziening's amounts follow the rules and figures of that day. Undefined in its first year.
 */
export function herzieningsdatum(startdatum: string, peildatum: string): string | undefined {
  const januari = `${peildatum.slice(0, 4)}-01-01`;
  return januari > startdatum ? januari : undefined;
}
