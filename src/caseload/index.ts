export {
  type Aanbod,
  aanbodVan,
  type CaseloadOpties,
  type Casusmaker,
  caseload,
  maakCasusmaker,
} from './genereer.ts';
export { schrijfNdjson } from './ndjson.ts';
export { gewogen, maakPrng, type Prng } from './prng.ts';
export { maakVoortgang, type Voortgang, type VoortgangOpties } from './voortgang.ts';
