/**
 * The four values a condition can take. `onbekend` means a fact is missing; `oordeel` means the
 * college still has to judge. Combination follows Kleene's strong logic, with a missing fact
 * ranking before an open judgement: facts are gathered before anyone is asked to weigh them.
 */
export const NEE = 0;
export const JA = 1;
export const ONBEKEND = 2;
export const OORDEEL = 3;
export type Waarheid = typeof NEE | typeof JA | typeof ONBEKEND | typeof OORDEEL;

export function en(a: Waarheid, b: Waarheid): Waarheid {
  if (a === NEE || b === NEE) return NEE;
  if (a === ONBEKEND || b === ONBEKEND) return ONBEKEND;
  if (a === OORDEEL || b === OORDEEL) return OORDEEL;
  return JA;
}

export function of(a: Waarheid, b: Waarheid): Waarheid {
  if (a === JA || b === JA) return JA;
  if (a === ONBEKEND || b === ONBEKEND) return ONBEKEND;
  if (a === OORDEEL || b === OORDEEL) return OORDEEL;
  return NEE;
}

export function niet(a: Waarheid): Waarheid {
  return a === JA ? NEE : a === NEE ? JA : a;
}

export function vanBoolean(b: boolean): Waarheid {
  return b ? JA : NEE;
}
