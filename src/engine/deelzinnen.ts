import type { Toets, Waarde } from '../regels/ast.ts';
import type { Context } from '../regels/context.ts';
import { NEE, ONBEKEND } from '../regels/waarheid.ts';
import { feitLabel, feitWaardeTekst, opsomming, vulIn } from '../taal/index.ts';
import type { PlanDeel } from './plan.ts';

/**
 * One sentence per part of an amount's compound condition that does not hold or cannot be judged
 * yet, so a client reads which part stands in the way, not one sentence for the whole. A part uses
 * the file's own sentence (`uitleg.delen`) when it has one; otherwise the engine states the rule.
 */
export function deelZinnen(
  delen: readonly PlanDeel[],
  ctx: Context,
  label: (invoer: string) => string,
  afgeleidVan: (namen: readonly string[]) => string[],
): string[] {
  const spoor = ctx.spoor;
  // The amount's own trace is read after this; each part is judged on a clean one and it is put back.
  const bewaard = spoor ? { ontbrekend: [...spoor.ontbrekend], vragen: [...spoor.vragen] } : undefined;
  const zinnen: string[] = [];
  for (const d of delen) {
    if (spoor) {
      spoor.ontbrekend.length = 0;
      spoor.vragen.length = 0;
    }
    const w = d.toets(ctx);
    if (w === NEE)
      zinnen.push(
        d.nee !== undefined
          ? vulIn(d.nee, ctx.feiten)
          : `Hieraan is niet voldaan: ${beschrijf(d.regel, label)}${nu(d.regel, ctx)}.`,
      );
    else if (w === ONBEKEND) {
      const mist = afgeleidVan(spoor?.ontbrekend ?? []).map(label);
      zinnen.push(
        `Of hieraan is voldaan, weten we nog niet: ${beschrijf(d.regel, label)}; ${opsomming(mist)} ${mist.length > 1 ? 'ontbreken' : 'ontbreekt'}.`,
      );
    }
  }
  if (spoor && bewaard) {
    spoor.ontbrekend.splice(0, spoor.ontbrekend.length, ...bewaard.ontbrekend);
    spoor.vragen.splice(0, spoor.vragen.length, ...bewaard.vragen);
  }
  return zinnen;
}

const WOORD = {
  is: 'is',
  isNiet: 'is niet',
  tenMinste: 'ten minste',
  meerDan: 'meer dan',
  tenHoogste: 'ten hoogste',
  minderDan: 'minder dan',
} as const;

/** A rule in plain words: "de uren per week meer dan 20". */
function beschrijf(t: Toets, label: (invoer: string) => string): string {
  if (!('feit' in t)) return 'een van de voorwaarden voor dit bedrag';
  const rechts = (w: Waarde): string =>
    typeof w !== 'object'
      ? feitWaardeTekst(t.feit, w)
      : 'parameter' in w
        ? label(`parameter:${w.parameter}`)
        : feitLabel(w.feit);
  const delen: string[] = [];
  for (const k of Object.keys(WOORD) as (keyof typeof WOORD)[]) {
    const w = t[k];
    if (w !== undefined) delen.push(`${WOORD[k]} ${rechts(w)}`);
  }
  if (t.isEenVan) delen.push(`is een van ${opsomming(t.isEenVan.map((v) => feitWaardeTekst(t.feit, v)))}`);
  if (t.isBekend !== undefined) delen.push(t.isBekend ? 'is bekend' : 'is niet bekend');
  return `${feitLabel(t.feit)} ${delen.join(' en ')}`;
}

/** What the fact is now, when it is known: " (nu: 18)". */
function nu(t: Toets, ctx: Context): string {
  if (!('feit' in t)) return '';
  const v = ctx.feiten[t.feit];
  return v === undefined ? '' : ` (nu: ${feitWaardeTekst(t.feit, v)})`;
}
