import { LANDELIJK_VOCABULAIRE } from '../casus/feiten.ts';

/**
 * The voorzieningen the national layer declares (regelgeving/wet/vocabulaire.yaml); a gemeente offers a
 * subset of them, and a regulation may declare voorzieningen of its own beside them.
 */
export const VOORZIENINGEN: readonly [string, ...string[]] = LANDELIJK_VOCABULAIRE.voorzieningIds as [
  string,
  ...string[],
];

/** A voorziening's id: a national one or one a regulation declares (checked against the vocabulary). */
export type VoorzieningId = string;

/** How a person reads each national voorziening's name, where no regulation gives its own title. */
export const VOORZIENING_TITELS: Readonly<Record<string, string>> = Object.fromEntries(
  [...LANDELIJK_VOCABULAIRE.voorzieningen.values()].map((v) => [v.id, v.titel]),
);
