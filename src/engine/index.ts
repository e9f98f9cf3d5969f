export { ENGINE, ENGINE_VERSIE, type Engine, type EvaluatieOpties, maakContext } from './evalueer.ts';
// The explained evaluation everyone uses: a compiled path in front of the reference (evalueer.ts).
export {
  evalueerAlsJson,
  type EvaluatieJson,
  maakEngine,
  maakReferentieEngine,
  type SnelleEngine,
  type UitlegTelling,
} from './uitleg/engine.ts';
export {
  artikelTekst,
  grondslagConflicten,
  grondslagInWerking,
  type Plan,
  type PlanVoorziening,
} from './plan.ts';
export type * from './resultaat.ts';
