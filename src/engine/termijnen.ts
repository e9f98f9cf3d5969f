import { eindeTermijnDagen, eindeTermijnMaanden, plusDagen, plusMaanden } from '../kalender/index.ts';
import type { PlanDuur, PlanEvaluatiemoment } from './plan.ts';

/** Term arithmetic on calendar dates: maximum end dates, reviews and payment moments. */

/** The last allowed day with k extensions, or null when no text sets a maximum. */
export function maximaleEinddatum(duur: PlanDuur | undefined, ingang: string, k: number): string | null {
  if (!duur?.basis) return null;
  const extra = duur.verlenging ? Math.min(k, duur.verlenging.maximaalAantal) * duur.verlenging.maanden : 0;
  let einde: string;
  if (duur.basis.dagen !== undefined) {
    const dagen = eindeTermijnDagen(ingang, duur.basis.dagen);
    einde = extra > 0 ? eindeTermijnMaanden(plusDagen(dagen, 1), extra) : dagen;
  } else einde = eindeTermijnMaanden(ingang, (duur.basis.maanden ?? 0) + extra);
  // Where the law caps the term, the earlier of the two last days applies.
  const wettelijk = duur.wettelijkeEinddatum?.(ingang, k);
  return wettelijk !== undefined && wettelijk < einde ? wettelijk : einde;
}

/**
 * The last day of the shortest term the text allows, from `ingang`: a requested period that ends
 * before it is too short. Undefined when the text sets no minimum.
 */
export function minimaleEinddatum(duur: PlanDuur | undefined, ingang: string): string | undefined {
  const m = duur?.minimum;
  if (!m) return undefined;
  return m.dagen !== undefined
    ? eindeTermijnDagen(ingang, m.dagen)
    : eindeTermijnMaanden(ingang, m.maanden ?? 0);
}

/** The bounds of a term as the text states them: "minimaal 6 en maximaal 12 maanden". */
export function duurGrenzenTekst(duur: PlanDuur | undefined): string | undefined {
  const min = duur?.minimum;
  const max = duur?.basis;
  const tekst = (t: { maanden?: number | undefined; dagen?: number | undefined }) =>
    t.dagen !== undefined
      ? [t.dagen, t.dagen === 1 ? 'dag' : 'dagen']
      : [t.maanden ?? 0, t.maanden === 1 ? 'maand' : 'maanden'];
  if (!min) return undefined;
  const [a, eenheidA] = tekst(min);
  if (!max) return `minimaal ${a} ${eenheidA}`;
  const [b, eenheidB] = tekst(max);
  return eenheidA === eenheidB
    ? `minimaal ${a} en maximaal ${b} ${eenheidB}`
    : `minimaal ${a} ${eenheidA} en maximaal ${b} ${eenheidB}`;
}

/** The moment a review falls due: n months after the start, or the last day of an n-month term. */
export function momentDatum(m: PlanEvaluatiemoment, ingang: string): string {
  return m.voorAfloop ? eindeTermijnMaanden(ingang, m.naMaanden) : plusMaanden(ingang, m.naMaanden);
}

/**
 * Days a periodic amount falls due: after each completed period ("telkens nadat hij gedurende zes
 * maanden ... heeft verricht"), within the maximum term; open-ended voorzieningen list the first few.
 */
export function betaaldata(
  ingang: string,
  periodeMaanden: number,
  einde: string | null,
  hoogstens = 8,
): string[] {
  const uit: string[] = [];
  for (let i = 1; uit.length < hoogstens; i++) {
    const afgerond = eindeTermijnMaanden(ingang, periodeMaanden * i);
    if (einde !== null && afgerond > einde) break;
    // Due the day after the period's last day: a start on 29 February completes its second six
    // months on 28 February, so the premie falls on 1 March, not on the 28th.
    uit.push(plusDagen(afgerond, 1));
  }
  return uit;
}

/** The end a request asks for: its einddatum, else ingangsdatum plus duurMaanden. */
export function gevraagdeEinddatum(
  ingang: string,
  aanvraag: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  if (!aanvraag) return undefined;
  if (typeof aanvraag.einddatum === 'string') return aanvraag.einddatum;
  if (typeof aanvraag.duurMaanden === 'number' && aanvraag.duurMaanden > 0)
    return eindeTermijnMaanden(ingang, aanvraag.duurMaanden);
  return undefined;
}

/**
 * How often an amount falls due in a year; undefined for amounts per hour, which have no yearly
 * figure. An amount that holds for the first months only counts those months at most.
 */
export function perJaar(per: string, gedurendeMaanden?: number): number | undefined {
  const maanden = gedurendeMaanden === undefined ? 12 : Math.min(12, gedurendeMaanden);
  if (per === 'maand') return maanden;
  if (per === 'jaar' || per === 'eenmalig') return 1;
  const m = /^(\d+) maanden$/.exec(per);
  return m ? Math.floor(maanden / Number(m[1])) : undefined;
}
