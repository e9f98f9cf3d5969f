import type { Casus } from '../casus/index.ts';
import { perJaar } from '../engine/batch.ts';
import { zoekOvergang } from '../engine/evalueer.ts';
import { type Engine, maakContext, type Plan, type PlanVoorziening } from '../engine/index.ts';
import type { Regeling, VoorzieningId } from '../regelgeving/index.ts';
import type { Context } from '../regels/context.ts';
import { JA, NEE } from '../regels/waarheid.ts';

/**
 * The yearly amount of the voorziening a case requests (or is on), for when it is granted: every
 * amount of that voorziening whose condition holds, times how often it falls due in a year. Unlike
 * the batch's `jaarCent`, which counts what it cannot compute as 0, this says `undefined` when any
 * part is not known: a missing fact, an unknown national figure, an amount condition that is still
 * open, or an amount per hour (which has no yearly figure).
 */
export type Jaarbedrag = (casus: Casus, context?: Context) => number | undefined;

export function maakJaarbedrag(engine: Engine, plan: Plan): Jaarbedrag {
  const heeftOvergangsrecht = plan.gemeenteRegelingen.some((r) => r.overgangsrecht);
  // A running grant under transitional law keeps the voorziening of the version it was granted under,
  // chosen exactly as evalueer and the batch choose it.
  const planVoor = (regelingen: readonly Regeling[]): Plan => engine.planVan(regelingen, plan.wet);
  const inWerking = (id: string, datum: string) => engine.bibliotheek.inWerking(id, datum);
  /** Per voorziening, per grant date: what applies to a running grant. */
  const onderOvergang = new Map<VoorzieningId, Map<string, PlanVoorziening | undefined>>();

  const voorzieningVan = (id: VoorzieningId, toegekendOp: unknown): PlanVoorziening | undefined => {
    const huidig = plan.voorzieningen.get(id);
    if (!heeftOvergangsrecht || typeof toegekendOp !== 'string') return huidig;
    let perDatum = onderOvergang.get(id);
    if (!perDatum) onderOvergang.set(id, (perDatum = new Map()));
    if (!perDatum.has(toegekendOp)) {
      const overgang = zoekOvergang(plan, toegekendOp, planVoor, inWerking, id);
      perDatum.set(toegekendOp, overgang?.planVoorziening ?? huidig);
    }
    return perDatum.get(toegekendOp);
  };

  return (casus, context) => {
    const aanvraag = casus.aanvraag;
    if (!aanvraag) return 0;
    const pv = voorzieningVan(aanvraag.voorziening as VoorzieningId, aanvraag.toegekendOp);
    if (!pv || pv.bedragen.length === 0) return 0;
    const ctx = context ?? maakContext(casus, false);
    let som = 0;
    for (const b of pv.bedragen) {
      const geldt = b.als ? b.als(ctx) : JA;
      if (geldt === NEE) continue;
      if (geldt !== JA) return undefined;
      const factor = perJaar(b.regel.per);
      const cent = b.cent(ctx);
      if (factor === undefined || cent === undefined) return undefined;
      som += Math.round(cent * factor);
    }
    return som;
  };
}
