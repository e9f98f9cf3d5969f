export { type GegenereerdOpties, telGegenereerd } from './gegenereerd.ts';
export {
  type ImpactCijfers,
  type ImpactStand,
  impactCijfers,
  type Impactteller,
  type Referentiebedragen,
  JAARLAST_DEFINITIE,
  type Jaarlast,
  maakImpactteller,
  nieuweStand,
  type Overgang,
  type Overgangen,
  UITKOMSTLABELS,
  type Uitkomstlabel,
  voegStandToe,
  type VoorzieningImpact,
} from './impact.ts';
export { type Jaarbedrag, maakJaarbedrag } from './jaarbedrag.ts';
export { type NdjsonRunOpties, type NdjsonRunUitslag, telNdjson } from './ndjson.ts';
export { gezamenlijkAanbod, type ImpactOpzet, type ImpactVraag, zetImpactOp } from './opzet.ts';
export { isBestandsnotatie, versieNotatie, type VersieUitslag, zoekVersie } from './versies.ts';
export {
  maakOordelenteller,
  type NieuweOordelen,
  type NieuweOordelenVoorziening,
  type NieuweVraag,
  type NieuweVraagReden,
  type Oordelenteller,
  type UitkomstOvergang,
} from './nieuwe-oordelen.ts';
