import { FEIT_INDEX, type FeitDefinitie } from '../casus/feiten.ts';

/** Formatting for people: Dutch dates, euro amounts, plain values (B1 explanations). */

const MAANDEN = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

export function datumTekst(iso: string): string {
  const [j, m, d] = iso.split('-').map(Number);
  return `${d} ${MAANDEN[(m ?? 1) - 1]} ${j}`;
}

export function bedragTekst(cent: number): string {
  const teken = cent < 0 ? '-' : '';
  const abs = Math.abs(cent);
  const euro = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${teken}€ ${euro},${String(abs % 100).padStart(2, '0')}`;
}

export function getalTekst(n: number): string {
  return Number.isInteger(n) ? String(n) : String(n).replace('.', ',');
}

/** A fact's value as a person reads it; `onbekend` when it is missing. */
export function feitWaardeTekst(
  naam: string,
  waarde: unknown,
  feiten: ReadonlyMap<string, FeitDefinitie> = FEIT_INDEX,
): string {
  if (waarde === undefined || waarde === null) return 'onbekend';
  const def = feiten.get(naam);
  if (typeof waarde === 'boolean') return waarde ? 'ja' : 'nee';
  if (typeof waarde === 'number' && def?.weergave === 'jaarEnMaanden') return jaarEnMaanden(waarde);
  if (typeof waarde === 'number') return def?.eenheid === 'cent' ? bedragTekst(waarde) : getalTekst(waarde);
  if (def?.type.soort === 'datum' && typeof waarde === 'string') return datumTekst(waarde);
  return String(waarde).replaceAll('-', ' ');
}

/**
 * Fills {feit} placeholders in an explanation template, and {definitie:naam} with what `definitie`
 * says that definition comes to for this person.
 */
export function vulIn(
  sjabloon: string,
  feiten: Readonly<Record<string, unknown>>,
  definitie?: (naam: string) => string,
  /** The vocabulary the sentence's facts come from (a gemeente's, with its declared facts). */
  vocabulaire: ReadonlyMap<string, FeitDefinitie> = FEIT_INDEX,
): string {
  return sjabloon
    .replace(/\{definitie:([a-zA-Z][a-zA-Z0-9]*)\}/g, (_, naam: string) => definitie?.(naam) ?? '')
    .replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (_, naam: string) =>
      feitWaardeTekst(naam, feiten[naam], vocabulaire),
    );
}

/** Months as years and months: 807 is "67 jaar en 3 maanden", 804 "67 jaar". */
export function jaarEnMaanden(maanden: number): string {
  const j = Math.floor(maanden / 12);
  const m = maanden - j * 12;
  return m === 0 ? `${j} jaar` : `${j} jaar en ${m} ${m === 1 ? 'maand' : 'maanden'}`;
}

export function feitLabel(naam: string): string {
  if (naam.startsWith('parameter:')) return `het bedrag of getal '${naam.slice('parameter:'.length)}'`;
  return FEIT_INDEX.get(naam)?.label ?? naam;
}

export function opsomming(delen: readonly string[]): string {
  if (delen.length <= 1) return delen[0] ?? '';
  return `${delen.slice(0, -1).join(', ')} en ${delen[delen.length - 1]}`;
}
