import { VOORZIENINGEN } from '../../src/regelgeving/voorzieningen.ts';

/**
 * The four truth values written out by hand, as a developer coding the ordinance directly would:
 * no: 0, yes: 1, a fact missing: 2, the college still has to judge: 3; 4 marks a voorziening the
 * case did not ask about. The same codes as src/engine/batch.ts, so the bench can compare bytes.
 */
export const NEE = 0;
export const JA = 1;
export const ONBEKEND = 2;
export const OORDEEL = 3;
export const NIET_BEOORDEELD = 4;
export type W = 0 | 1 | 2 | 3;

export const SLOT: Readonly<Record<string, number>> = Object.fromEntries(VOORZIENINGEN.map((v, i) => [v, i]));

export function en(a: W, b: W): W {
  if (a === NEE || b === NEE) return NEE;
  if (a === ONBEKEND || b === ONBEKEND) return ONBEKEND;
  if (a === OORDEEL || b === OORDEEL) return OORDEEL;
  return JA;
}

export function of(a: W, b: W): W {
  if (a === JA || b === JA) return JA;
  if (a === ONBEKEND || b === ONBEKEND) return ONBEKEND;
  if (a === OORDEEL || b === OORDEEL) return OORDEEL;
  return NEE;
}

export function niet(a: W): W {
  return a === JA ? NEE : a === NEE ? JA : a;
}

export function is(v: unknown, w: unknown): W {
  return v === undefined ? ONBEKEND : v === w ? JA : NEE;
}

export function bekend(v: unknown): W {
  return v === undefined ? NEE : JA;
}

export function tenMinste(v: number | undefined, n: number): W {
  return v === undefined ? ONBEKEND : v >= n ? JA : NEE;
}

export function minderDan(v: number | undefined, n: number): W {
  return v === undefined ? ONBEKEND : v < n ? JA : NEE;
}

export function tenHoogste(v: number | undefined, n: number): W {
  return v === undefined ? ONBEKEND : v <= n ? JA : NEE;
}

export function oordeel(o: Readonly<Record<string, boolean>> | undefined, naam: string): W {
  const a = o?.[naam];
  return a === undefined ? OORDEEL : a ? JA : NEE;
}
