import { dagnummerVan, naarDagnummer, plusDagen, vanDagnummer } from './datum.ts';

/**
 * Algemene termijnenwet: a statutory term that ends on a Saturday, Sunday or generally recognised
 * holiday is extended to the next day that is none of these (art. 1), with the holidays of art. 3.
 */

/** Easter Sunday (Gregorian, the anonymous algorithm of Meeus/Jones/Butcher). */
export function paaszondag(jaar: number): string {
  const a = jaar % 19;
  const b = Math.floor(jaar / 100);
  const c = jaar % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const maand = Math.floor((h + l - 7 * m + 114) / 31);
  const dag = ((h + l - 7 * m + 114) % 31) + 1;
  return vanDagnummer(dagnummerVan(jaar, maand, dag));
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdag(datum: string): number {
  return (((naarDagnummer(datum) + 4) % 7) + 7) % 7;
}

export function isFeestdag(datum: string): boolean {
  const jaar = Number(datum.slice(0, 4));
  const md = datum.slice(5);
  if (md === '01-01' || md === '12-25' || md === '12-26' || md === '05-05') return true;
  // The King's or Queen's birthday as celebrated: moved back a day when it falls on a Sunday.
  const koningsdag = jaar >= 2014 ? `${jaar}-04-27` : `${jaar}-04-30`;
  const gevierd = weekdag(koningsdag) === 0 ? plusDagen(koningsdag, -1) : koningsdag;
  if (datum === gevierd) return true;
  const pasen = paaszondag(jaar);
  return datum === plusDagen(pasen, 1) || datum === plusDagen(pasen, 39) || datum === plusDagen(pasen, 50);
}

/** The end of a statutory term, moved past weekends and holidays as art. 1 Algemene termijnenwet requires. */
export function verlengdeEinddatum(einde: string): string {
  let d = einde;
  while (weekdag(d) === 0 || weekdag(d) === 6 || isFeestdag(d)) d = plusDagen(d, 1);
  return d;
}

/**
 * The last day for a bezwaar (art. 6:7 and 6:8 Awb): six weeks, starting the day after the decision
 * was sent, so ending on the same weekday six weeks after sending; then the Algemene termijnenwet.
 */
export function bezwaartermijnEinde(verzonden: string): string {
  return verlengdeEinddatum(plusDagen(verzonden, 42));
}
