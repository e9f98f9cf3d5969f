export {
  vocabulaireVan,
  vocabulaireVoorGemeente,
  type Bibliotheek,
  isTestBestand,
  laadBibliotheek,
  omgevingVoor,
  STANDAARD_WORTEL,
} from './bibliotheek.ts';
export { type CacheMap, viaBestandCache } from './bibliotheek-cache.ts';
export { type BestandsFout, formatteerFout, padTekst } from './fouten.ts';
export {
  idUitPad,
  type LaadResultaat,
  laadRegeling,
  zodFouten,
  type ParameterBestand,
  type Regeling,
  yamlBestanden,
} from './laden.ts';
export type { Artikel, BedragRegel, Duur, Verwijzing, Voorwaarde, Voorziening } from './schema.ts';
export { VOORZIENINGEN, type VoorzieningId } from './voorzieningen.ts';
export { foutOp, leesYaml, type YamlBron } from './yaml-bron.ts';
