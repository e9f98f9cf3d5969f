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

/** How a person reads each voorziening's name, where no regulation gives its own title. */
export const VOORZIENING_TITELS: Readonly<Record<VoorzieningId, string>> = {
  proefplaats: 'Proefplaats',
  werkstage: 'Werkstage',
  werkervaringsplaats: 'Werkervaringsplaats',
  detacheringsbaan: 'Detacheringsbaan',
  loonkostensubsidie: 'Loonkostensubsidie',
  'no-riskpolis': 'No-riskpolis',
  jobcoaching: 'Jobcoaching',
  verwervingskosten: 'Verwervingskosten',
  scholing: 'Scholing',
  leerwerktraject: 'Leer-werktraject',
  'beschut-werk': 'Beschut werk',
  participatieplaats: 'Participatieplaats',
  'sociale-activering': 'Sociale activering',
  stimuleringssubsidie: 'Stimuleringssubsidie',
  uitstroompremie: 'Uitstroompremie',
  vervoersvoorziening: 'Vervoersvoorziening',
  'meeneembare-voorziening': 'Meeneembare voorziening',
  werkgeversarrangement: 'Werkgeversarrangement',
};
