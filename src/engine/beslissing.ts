import type { Afwijking } from '../casus/index.ts';
import { eindeTermijnMaanden } from '../kalender/index.ts';
import type { Regeling } from '../regelgeving/index.ts';
import type { Plan, PlanDuur, PlanVoorwaarde, PlanVoorziening } from './plan.ts';

/**
 * The steps of judging a request that are law, not explanation: shared by `evalueer` (which explains
 * them) and the batch path (which only counts), so the two cannot decide differently.
 */

type Aanvraag = Readonly<Record<string, unknown>> | undefined;

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
 * The law's extension conditions apply once the term runs past the law's basic term, whatever the
 * ordinance counts as its first extension (Groningen: 1 year + 1 year; the law: 2 years).
 */
export function voorbijWettelijkeBasis(
  duur: PlanDuur | undefined,
  ingang: string,
  gevraagd: string | undefined,
  k: number,
): boolean {
  const basis = duur?.wettelijkeBasisMaanden;
  return (
    basis !== undefined && (gevraagd !== undefined ? gevraagd > eindeTermijnMaanden(ingang, basis) : k >= 1)
  );
}

/** The last day a voorziening kept under transitional law may run, given the end that was agreed. */
export function overgangsgrens(regeling: Regeling, afgesproken: string): string {
  const duur = regeling.overgangsrecht!.duur;
  if (duur === 'overeengekomen') return afgesproken;
  const grens = eindeTermijnMaanden(regeling.geldigVanaf, duur.maandenNaInwerkingtreding);
  return afgesproken <= grens ? afgesproken : grens;
}

export interface GewogenAfwijking {
  readonly doel: PlanVoorwaarde;
  /** The ordinance in force whose hardheidsclausule or innovatie article the deviation rests on. */
  readonly regeling: Regeling | undefined;
  readonly toegepast: boolean;
}

/**
 * A recorded deviation counts only when it rests on a hardheidsclausule or innovatie article of an
 * ordinance in force and concerns a municipal rule; undefined when it is not about this voorziening.
 */
export function weegAfwijking(a: Afwijking, pv: PlanVoorziening, plan: Plan): GewogenAfwijking | undefined {
  if (a.voorziening !== undefined && a.voorziening !== pv.id) return undefined;
  const doel =
    pv.voorwaarden.find((v) => v.id === a.voorwaarde) ??
    pv.aanvraagVoorwaarden.find((v) => v.id === a.voorwaarde) ??
    pv.duur?.verlengingVoorwaarden.find((v) => v.id === a.voorwaarde) ??
    pv.duur?.wettelijkeVerlengingVoorwaarden.find((v) => v.id === a.voorwaarde);
  if (!doel) return undefined;
  const regeling = plan.gemeenteRegelingen.find((r) =>
    r.artikelen.some(
      (x) => x.nummer === a.artikel && (x.soort === 'hardheidsclausule' || x.soort === 'innovatie'),
    ),
  );
  return { doel, regeling, toegepast: regeling !== undefined && doel.laag === 'gemeente' };
}
