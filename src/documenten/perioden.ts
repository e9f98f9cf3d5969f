import { dagenInMaand } from '../kalender/index.ts';

/** A reporting period: the year split into equal runs of whole months (three per year by default). */
export interface Periode {
  readonly jaar: number;
  /** 1-based number within the year. */
  readonly nummer: number;
  readonly perJaar: number;
  readonly van: string;
  /** The last day, inclusive. */
  readonly tot: string;
}

export const PERIODEN_PER_JAAR = [1, 2, 3, 4, 6, 12] as const;
const twee = (n: number) => String(n).padStart(2, '0');

export function periode(jaar: number, nummer: number, perJaar: number): Periode {
  if (!(PERIODEN_PER_JAAR as readonly number[]).includes(perJaar))
    throw new Error(`${perJaar} perioden per jaar deelt het jaar niet in hele maanden`);
  if (!Number.isInteger(nummer) || nummer < 1 || nummer > perJaar)
    throw new Error(`periode ${nummer} bestaat niet bij ${perJaar} perioden per jaar`);
  const maanden = 12 / perJaar;
  const eerste = (nummer - 1) * maanden + 1;
  const laatste = eerste + maanden - 1;
  return {
    jaar,
    nummer,
    perJaar,
    van: `${jaar}-${twee(eerste)}-01`,
    tot: `${jaar}-${twee(laatste)}-${twee(dagenInMaand(jaar, laatste))}`,
  };
}

export const vorigePeriode = (p: Periode): Periode =>
  p.nummer > 1 ? periode(p.jaar, p.nummer - 1, p.perJaar) : periode(p.jaar - 1, p.perJaar, p.perJaar);

/** The period that holds a date. */
export function periodeOp(datum: string, perJaar: number): Periode {
  const jaar = Number(datum.slice(0, 4));
  const maand = Number(datum.slice(5, 7));
  return periode(jaar, Math.floor((maand - 1) / (12 / perJaar)) + 1, perJaar);
}

/** "2026-2": the key a stored report goes by. */
export const periodeSleutel = (p: Periode) =>
  `${p.jaar}-${p.nummer}${p.perJaar === 3 ? '' : `/${p.perJaar}`}`;

export function periodeNaam(p: Periode): string {
  const namen: Record<number, string> = {
    1: 'jaar',
    2: 'halfjaar',
    3: 'periode',
    4: 'kwartaal',
    6: 'periode',
    12: 'maand',
  };
  return p.perJaar === 1 ? `${p.jaar}` : `${namen[p.perJaar]} ${p.nummer} van ${p.jaar}`;
}
