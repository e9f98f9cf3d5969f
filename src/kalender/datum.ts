/**
 * Calendar dates without time zones. A date is kept as its ISO string at the edges and as a day
 * number (days since 1970-01-01) inside, so comparisons and day arithmetic are integer operations
 * and never drift by an hour or a day.
 */

export type IsoDatum = string;

/** Days in the given month of the given year (month 1–12). */
export function dagenInMaand(jaar: number, maand: number): number {
  if (maand === 2) return isSchrikkeljaar(jaar) ? 29 : 28;
  return maand === 4 || maand === 6 || maand === 9 || maand === 11 ? 30 : 31;
}

export function isSchrikkeljaar(jaar: number): boolean {
  return (jaar % 4 === 0 && jaar % 100 !== 0) || jaar % 400 === 0;
}

/** True when the string is a real calendar date in YYYY-MM-DD form. */
export function isGeldigeDatum(tekst: string): boolean {
  return ontleed(tekst) !== undefined;
}

/**
 * A date text as jaar × 10000 + maand × 100 + dag, or -1 when it is no real date in YYYY-MM-DD form.
 * Read from its digits by hand, not by regular expression or an object per date: batch runs read
 * millions of dates (an age for most cases), and that reading cost more than the rest of the age.
 */
function getalVan(d: string): number {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return -1;
  const a = d.charCodeAt(0) - 48;
  const b = d.charCodeAt(1) - 48;
  const c = d.charCodeAt(2) - 48;
  const e = d.charCodeAt(3) - 48;
  const f = d.charCodeAt(5) - 48;
  const g = d.charCodeAt(6) - 48;
  const h = d.charCodeAt(8) - 48;
  const i = d.charCodeAt(9) - 48;
  // A character outside 0-9 gives a value below 0 or above 9: unsigned, above 9 either way.
  if (
    a >>> 0 > 9 ||
    b >>> 0 > 9 ||
    c >>> 0 > 9 ||
    e >>> 0 > 9 ||
    f >>> 0 > 9 ||
    g >>> 0 > 9 ||
    h >>> 0 > 9 ||
    i >>> 0 > 9
  )
    return -1;
  const jaar = a * 1000 + b * 100 + c * 10 + e;
  const maand = f * 10 + g;
  const dag = h * 10 + i;
  if (maand < 1 || maand > 12 || dag < 1 || (dag > 28 && dag > dagenInMaand(jaar, maand))) return -1;
  return jaar * 10000 + maand * 100 + dag;
}

function ontleed(tekst: string): Ymd | undefined {
  const n = getalVan(tekst);
  if (n < 0) return undefined;
  return { jaar: Math.floor(n / 10000), maand: Math.floor(n / 100) % 100, dag: n % 100 };
}

/**
 * A date as one number (jaar × 10000 + maand × 100 + dag) that orders as the dates do and gives
 * whole years by `jarenTussen`; a text that is no real date is refused as `splits` refuses it.
 */
export function datumgetal(datum: IsoDatum): number {
  const n = getalVan(datum);
  if (n < 0) throw new RangeError(`geen geldige datum: ${datum}`);
  return n;
}

export interface Ymd {
  readonly jaar: number;
  readonly maand: number;
  readonly dag: number;
}

export function splits(datum: IsoDatum): Ymd {
  const d = ontleed(datum);
  if (!d) throw new RangeError(`geen geldige datum: ${datum}`);
  return d;
}

export function samenstellen({ jaar, maand, dag }: Ymd): IsoDatum {
  if (jaar >= 1000 && jaar <= 9999)
    return `${jaar}-${maand < 10 ? '0' : ''}${maand}-${dag < 10 ? '0' : ''}${dag}`;
  return `${String(jaar).padStart(4, '0')}-${String(maand).padStart(2, '0')}-${String(dag).padStart(2, '0')}`;
}

// Howard Hinnant's days-from-civil algorithm: exact for the proleptic Gregorian calendar.
export function naarDagnummer(datum: IsoDatum): number {
  const { jaar, maand, dag } = splits(datum);
  return dagnummerVan(jaar, maand, dag);
}

export function dagnummerVan(jaar: number, maand: number, dag: number): number {
  const y = maand <= 2 ? jaar - 1 : jaar;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (maand + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + dag - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function vanDagnummer(dagnummer: number): IsoDatum {
  const z = dagnummer + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dag = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const maand = mp < 10 ? mp + 3 : mp - 9;
  const jaar = yoe + era * 400 + (maand <= 2 ? 1 : 0);
  return samenstellen({ jaar, maand, dag });
}

export function plusDagen(datum: IsoDatum, dagen: number): IsoDatum {
  return vanDagnummer(naarDagnummer(datum) + dagen);
}

/**
 * The same day number n months later; when that month is shorter the date is clamped to its last
 * day (31 January + 1 month = 28 or 29 February).
 */
export function plusMaanden(datum: IsoDatum, maanden: number): IsoDatum {
  const { jaar, maand, dag } = splits(datum);
  const totaal = jaar * 12 + (maand - 1) + maanden;
  const nieuwJaar = Math.floor(totaal / 12);
  const nieuweMaand = totaal - nieuwJaar * 12 + 1;
  return samenstellen({
    jaar: nieuwJaar,
    maand: nieuweMaand,
    dag: Math.min(dag, dagenInMaand(nieuwJaar, nieuweMaand)),
  });
}

/**
 * The last day of a term of n months that starts on (and includes) `ingang`. The term ends the day
 * before the day with the same number n months later; when that month has no such day, the term ends
 * on the last day of that month (as in art. 3 lid 2 onder c Verordening 1182/71 on time limits).
 * 1 March + 3 months ends 31 May; 31 January + 1 month ends on the last day of February.
 */
export function eindeTermijnMaanden(ingang: IsoDatum, maanden: number): IsoDatum {
  const { jaar, maand, dag } = splits(ingang);
  const totaal = jaar * 12 + (maand - 1) + maanden;
  const doelJaar = Math.floor(totaal / 12);
  const doelMaand = totaal - doelJaar * 12 + 1;
  const laatste = dagenInMaand(doelJaar, doelMaand);
  if (dag > laatste) return samenstellen({ jaar: doelJaar, maand: doelMaand, dag: laatste });
  if (dag > 1) return samenstellen({ jaar: doelJaar, maand: doelMaand, dag: dag - 1 });
  // The day before the first of a month is the last day of the month before.
  const vorigJaar = doelMaand === 1 ? doelJaar - 1 : doelJaar;
  const vorigeMaand = doelMaand === 1 ? 12 : doelMaand - 1;
  return samenstellen({ jaar: vorigJaar, maand: vorigeMaand, dag: dagenInMaand(vorigJaar, vorigeMaand) });
}

/** The last day of a term of n days that starts on (and includes) `ingang`. */
export function eindeTermijnDagen(ingang: IsoDatum, dagen: number): IsoDatum {
  return plusDagen(ingang, dagen - 1);
}

/** Whole years completed on `op` by someone born on `geboren` (a birthday on 29 February counts on 1 March). */
export function leeftijdOp(geboren: IsoDatum, op: IsoDatum): number {
  return jarenTussen(datumgetal(geboren), datumgetal(op));
}

/** `leeftijdOp` for many people on one day: the day is read once, not once per person. */
export function leeftijdenOp(op: IsoDatum): (geboren: IsoDatum) => number {
  const d = datumgetal(op);
  return (geboren) => jarenTussen(datumgetal(geboren), d);
}

/**
 * Whole years from one `datumgetal` to a later one: a birthday later in the year (maand and dag as
 * mmdd) is not reached yet, so on the day itself the year counts.
 */
export function jarenTussen(geboren: number, op: number): number {
  return Math.floor(op / 10000) - Math.floor(geboren / 10000) - (op % 10000 < geboren % 10000 ? 1 : 0);
}

export function vergelijk(a: IsoDatum, b: IsoDatum): number {
  // ISO strings of four-digit years order the same as the dates they name.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function max(a: IsoDatum, b: IsoDatum): IsoDatum {
  return a >= b ? a : b;
}

export function min(a: IsoDatum, b: IsoDatum): IsoDatum {
  return a <= b ? a : b;
}

/**
 * The day someone born on `geboren` reaches an age of n months (years × 12 + months): the same day
 * number n months later, or, when that month has no such day, the first day of the next month, as
 * `leeftijdOp` counts a birthday on 29 February on 1 March.
 */
export function bereiktLeeftijdOp(geboren: IsoDatum, maanden: number): IsoDatum {
  const { jaar, maand, dag } = splits(geboren);
  const totaal = jaar * 12 + (maand - 1) + maanden;
  const doelJaar = Math.floor(totaal / 12);
  const doelMaand = totaal - doelJaar * 12 + 1;
  if (dag <= dagenInMaand(doelJaar, doelMaand))
    return samenstellen({ jaar: doelJaar, maand: doelMaand, dag });
  return plusDagen(
    samenstellen({ jaar: doelJaar, maand: doelMaand, dag: dagenInMaand(doelJaar, doelMaand) }),
    1,
  );
}

/** Whole months of age completed on `op` (the age in years and months, as months). */
export function leeftijdInMaandenOp(geboren: IsoDatum, op: IsoDatum): number {
  const g = splits(geboren);
  const d = splits(op);
  let n = (d.jaar - g.jaar) * 12 + (d.maand - g.maand);
  if (n > 0 && bereiktLeeftijdOp(geboren, n) > op) n -= 1;
  return n;
}

/** A length of time as a text states it: years and months, or weeks, or days. */
export interface Tijdsduur {
  readonly jaren?: number | undefined;
  readonly maanden?: number | undefined;
  readonly weken?: number | undefined;
  readonly dagen?: number | undefined;
}

/**
 * The last day of a period of that length that starts on (and includes) `van`: months by the
 * calendar (`eindeTermijnMaanden`, never 30-day months), weeks as 7 days.
 */
export function eindeTijdsduur(van: IsoDatum, duur: Tijdsduur): IsoDatum {
  const maanden = (duur.jaren ?? 0) * 12 + (duur.maanden ?? 0);
  const dagen = (duur.weken ?? 0) * 7 + (duur.dagen ?? 0);
  if (maanden > 0 && dagen > 0)
    return eindeTermijnDagen(plusDagen(eindeTermijnMaanden(van, maanden), 1), dagen);
  if (maanden > 0) return eindeTermijnMaanden(van, maanden);
  return eindeTermijnDagen(van, dagen);
}

/**
 * How long the period from `van` up to and including `totEnMet` lasts: whole calendar months and the
 * days after them, and in all days and whole weeks. 1 March to 31 May is 3 months and 0 days.
 */
export function duurTussen(
  van: IsoDatum,
  totEnMet: IsoDatum,
): { readonly maanden: number; readonly restDagen: number; readonly weken: number; readonly dagen: number } {
  const dagen = naarDagnummer(totEnMet) - naarDagnummer(van) + 1;
  if (dagen <= 0) return { maanden: 0, restDagen: 0, weken: 0, dagen: 0 };
  const a = splits(van);
  const b = splits(totEnMet);
  let maanden = Math.max(0, (b.jaar - a.jaar) * 12 + (b.maand - a.maand) + 1);
  while (maanden > 0 && eindeTermijnMaanden(van, maanden) > totEnMet) maanden -= 1;
  const restVan = maanden === 0 ? van : plusDagen(eindeTermijnMaanden(van, maanden), 1);
  const restDagen = naarDagnummer(totEnMet) - naarDagnummer(restVan) + 1;
  return { maanden, restDagen, weken: Math.floor(dagen / 7), dagen };
}
