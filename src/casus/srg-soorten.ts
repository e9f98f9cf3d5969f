/**
 * The codes of the SRG kenmerk 'Type voorziening' (CBS, Statistiek Re-integratie door Gemeenten) that a
 * public source names. The full code list of the Richtlijnen SRG was not available, so a voorziening a
 * regulation declares can be mapped only to one of these (`srg:` in its declaration); without one it is
 * held back from the delivery, never given a guessed code.
 */
export const SRG_SOORTEN = {
  '23': 'Proefplaatsing t.b.v. loonwaardebepaling',
  '29': 'Overige werkplekken',
  '30': 'Jobcoach/begeleiding op de werkplek',
  '31': 'Werkplekaanpassing',
  '59': 'Overige faciliterende voorziening',
} as const;

export type SrgCode = keyof typeof SRG_SOORTEN;

export const SRG_CODES = Object.keys(SRG_SOORTEN) as [SrgCode, ...SrgCode[]];

export const SRG_BRON = "CBS, veelgestelde vragen SRG, kenmerk 'Type voorziening'";
