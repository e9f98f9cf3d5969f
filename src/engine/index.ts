export { ENGINE_VERSIE, type Engine, type EvaluatieOpties, maakContext, maakEngine } from './evalueer.ts';
export {
  artikelTekst,
  grondslagConflicten,
  grondslagInWerking,
  type Plan,
  type PlanVoorziening,
} from './plan.ts';
export type * from './resultaat.ts';
