/** Dutch formatting for the screens, as the API's own explanations write it. */

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

/** "1 maart 2026" from a calendar date; an empty dash for none. */
export function datum(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [j, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!j || !m || !d) return iso;
  return `${d} ${MAANDEN[m - 1]} ${j}`;
}

/** "1 maart 2026 om 14:05" from a timestamp, in the Dutch time zone. */
export function tijdstip(iso: string): string {
  const t = new Date(iso);
  const delen = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(t);
  return delen.replace(',', ' om');
}

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
/** "€ 150,00" from integer cents. */
export const bedrag = (cent: number | null | undefined) =>
  cent === null || cent === undefined ? 'onbekend' : euro.format(cent / 100);
export const getal = (n: number) => n.toLocaleString('nl-NL');

/** Today as a calendar date in the Netherlands. */
export function vandaag(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

export const UITKOMST: Record<string, string> = {
  toegestaan: 'Mag worden aangeboden',
  afgewezen: 'Kan niet worden aangeboden',
  'ter-beoordeling': 'Uw oordeel is nodig',
  onbepaald: 'Gegevens ontbreken',
  'niet-aangeboden': 'Niet aangeboden',
  beeindigd: 'Beëindigd',
};

export const TERMIJNSOORT: Record<string, string> = {
  evaluatie: 'Evaluatie',
  premie: 'Premie',
  einde: 'Einddatum',
  'lks-periode': 'Loonkostensubsidie: periode',
  'lks-herberekening': 'Loonkostensubsidie: opnieuw vaststellen',
  bezwaartermijn: 'Bezwaartermijn',
};

export const BESCHIKKINGSOORT: Record<string, string> = {
  toekenning: 'Toekenning',
  afwijzing: 'Afwijzing',
  wijziging: 'Wijziging',
  beeindiging: 'Beëindiging',
};

export const ROL: Record<string, string> = {
  casemanager: 'casemanager',
  beleidsmedewerker: 'beleidsmedewerker',
  manager: 'manager',
  auditor: 'auditor',
  beheerder: 'beheerder',
};

/** A fact's value for people: ja/nee, a date in words, a choice with spaces. */
export function feitwaarde(waarde: unknown): string {
  if (waarde === true) return 'ja';
  if (waarde === false) return 'nee';
  if (waarde === null || waarde === undefined) return '–';
  if (typeof waarde === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(waarde)) return datum(waarde);
  if (typeof waarde === 'string') return waarde.replaceAll('-', ' ');
  if (typeof waarde === 'number') return getal(waarde);
  return JSON.stringify(waarde);
}

/** "participatieplaats" → "Participatieplaats" when no title is at hand. */
export const woord = (id: string) => (id.charAt(0).toUpperCase() + id.slice(1)).replaceAll('-', ' ');
