import { FEIT_INDEX } from '../../casus/feiten.ts';
import type { Casus } from '../../casus/index.ts';
import { leeftijdInMaandenOp, leeftijdOp } from '../../kalender/index.ts';
import type { Scalar } from '../../regels/ast.ts';
import type { Context } from '../../regels/context.ts';
import { ingangsdatumVan } from '../beslissing.ts';

/**
 * Every name the namespace can hold, undefined until a case sets it: reading an absent fact or one
 * set to undefined is the same to the rules, which only read by name (`ctx.feiten[naam]`).
 */
const VORM: Readonly<Record<string, undefined>> = Object.fromEntries(
  [...FEIT_INDEX.keys(), 'voorziening', 'peildatum', 'startdatum', 'leeftijd', 'leeftijdInMaanden'].map(
    (k) => [k, undefined],
  ),
);

/**
 * `maakContext` of evalueer.ts (always with a trace), without object spread and rest: the facts,
 * the request and the derived facts copied key by key into one namespace. The rules read it by name
 * only, so the order of its keys does not matter; its contents are the reference's.
 */
export function snelleContext(casus: Casus, datum?: string, leeftijdOpStart = false): Context {
  const feiten = casus.feiten as Readonly<Record<string, unknown>>;
  const aanvraag = casus.aanvraag as Readonly<Record<string, unknown>> | undefined;
  // Every case's namespace starts as a copy of one shape, so each rule's read of a fact by name sees
  // the same object layout in every case (built key by key, the layout followed each case's key order).
  const plat: Record<string, Scalar | undefined> = { ...VORM };
  for (const k in feiten) if (k !== 'oordelen' && k !== 'afwijkingen') plat[k] = feiten[k] as Scalar;
  if (aanvraag) for (const k in aanvraag) plat[k] = aanvraag[k] as Scalar;
  const eersteDag = ingangsdatumVan(aanvraag, casus.peildatum);
  const startdatum = datum ?? eersteDag;
  plat.peildatum = casus.peildatum;
  plat.startdatum = startdatum;
  if (typeof feiten.geboortedatum === 'string') {
    const op = leeftijdOpStart ? eersteDag : startdatum;
    plat.leeftijd = leeftijdOp(feiten.geboortedatum, op);
    plat.leeftijdInMaanden = leeftijdInMaandenOp(feiten.geboortedatum, op);
  }
  if (aanvraag && plat.verlengingen === undefined) plat.verlengingen = 0;
  return {
    datum: startdatum,
    feiten: plat,
    oordelen: casus.feiten.oordelen ?? {},
    spoor: { ontbrekend: [], vragen: [] },
  };
}
