/** The voorzieningen the system knows; a gemeente offers a subset of them. */
export const VOORZIENINGEN = [
  'proefplaats',
  'werkstage',
  'werkervaringsplaats',
  'detacheringsbaan',
  'loonkostensubsidie',
  'no-riskpolis',
  'jobcoaching',
  'verwervingskosten',
  'scholing',
  'leerwerktraject',
  'beschut-werk',
  'participatieplaats',
  'sociale-activering',
  'stimuleringssubsidie',
  'uitstroompremie',
  'vervoersvoorziening',
  'meeneembare-voorziening',
  'werkgeversarrangement',
] as const;

export type VoorzieningId = (typeof VOORZIENINGEN)[number];
