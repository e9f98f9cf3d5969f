import type { Casus } from '../casus/index.ts';
import { perJaar } from '../engine/batch.ts';
import type { EvaluatieOpties } from '../engine/evalueer.ts';
import type { Engine } from '../engine/index.ts';
import { eindeTermijnMaanden } from '../kalender/index.ts';
import { JA, NEE } from '../regels/waarheid.ts';

/**
 * The yearly amount of the voorziening a case requests (or is on), for when it is granted: every
 * amount of that voorziening whose condition holds, times how often it falls due in a year. Unlike
 * the batch's `jaarCent`, which counts what it cannot compute as 0, this says `undefined` when any
 * part is not known: a missing fact, an unknown national figure, an amount condition that is still
 * open, or an amount per hour (which has no yearly figure).
 */
export type Jaarbedrag = (casus: Casus) => number | undefined;

export function maakJaarbedrag(engine: Engine, opties?: EvaluatieOpties): Jaarbedrag {
  return (casus) => {
    const aanvraag = casus.aanvraag;
    if (!aanvraag) return 0;
    // The voorziening and the day its amounts are set on, chosen exactly as evalueer and the batch choose them.
    const keuze = engine.bedragKeuze(casus, opties);
    if (!keuze || keuze.pv.bedragen.length === 0) return 0;
    const { pv, ctx } = keuze;
    let som = 0;
    for (const b of pv.bedragen) {
      const gedurende = b.regel.gedurende?.maanden;
      if (gedurende !== undefined) {
        const ingang = typeof aanvraag.ingangsdatum === 'string' ? aanvraag.ingangsdatum : casus.peildatum;
        if (casus.peildatum > eindeTermijnMaanden(ingang, gedurende)) continue;
      }
      const geldt = b.als ? b.als(ctx) : JA;
      if (geldt === NEE) continue;
      if (geldt !== JA) return undefined;
      const factor = perJaar(b.regel.per, gedurende);
      const cent = b.cent(ctx);
      if (factor === undefined || cent === undefined) return undefined;
      som += Math.round(cent * factor);
    }
    return som;
  };
}
