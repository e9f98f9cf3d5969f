import { VOORZIENINGEN } from '../regelgeving/voorzieningen.ts';

/**
 * The fact vocabulary: every fact a rule may name, its type, where it comes from and what it means.
 * The case schema, the rule compiler's type checks and docs/feiten.md are all generated from this one
 * table, so they cannot drift apart.
 */

export type FeitType =
  | { readonly soort: 'datum' }
  | { readonly soort: 'getal'; readonly min?: number; readonly max?: number; readonly geheel?: boolean }
  | { readonly soort: 'waarheid' }
  | { readonly soort: 'keuze'; readonly opties: readonly string[] };

export interface FeitDefinitie {
  readonly naam: string;
  readonly bron: 'feiten' | 'aanvraag' | 'afgeleid';
  readonly type: FeitType;
  /** Plain Dutch, as a caseworker would say it. */
  readonly omschrijving: string;
  /** Label for use in explanations: "uw leeftijd", "de uren per week". */
  readonly label: string;
  readonly eenheid?: string;
  /** How a sentence shows the value, where a plain number would mislead (months of age as "66 jaar en 4 maanden"). */
  readonly weergave?: 'jaarEnMaanden';
}

export const UITKERINGEN = ['algemene-bijstand', 'wia', 'anw', 'ioaw', 'ioaz', 'uwv-overig', 'geen'] as const;

const waarheid = { soort: 'waarheid' } as const;
const datum = { soort: 'datum' } as const;

export const FEITEN: readonly FeitDefinitie[] = [
  {
    naam: 'geboortedatum',
    bron: 'feiten',
    type: datum,
    omschrijving: 'Geboortedatum van de persoon.',
    label: 'uw geboortedatum',
  },
  {
    naam: 'uitkering',
    bron: 'feiten',
    type: { soort: 'keuze', opties: UITKERINGEN },
    omschrijving:
      'Welke uitkering de persoon heeft: algemene bijstand, WIA (art. 34a/35/36 WIA), Anw, IOAW, IOAZ, een andere UWV-uitkering, of geen uitkering (niet-uitkeringsgerechtigd).',
    label: 'uw uitkering',
  },
  {
    naam: 'startkwalificatie',
    bron: 'feiten',
    type: waarheid,
    omschrijving: 'Heeft de persoon een startkwalificatie (havo, vwo of mbo niveau 2)?',
    label: 'startkwalificatie',
  },
  {
    naam: 'leerplichtOfKwalificatieplicht',
    bron: 'feiten',
    type: waarheid,
    omschrijving: 'Is de leerplicht of kwalificatieplicht (Leerplichtwet 1969) nog niet geëindigd?',
    label: 'leerplicht of kwalificatieplicht',
  },
  {
    naam: 'kanOnderwijsVolgen',
    bron: 'feiten',
    type: waarheid,
    omschrijving:
      'Heeft de persoon (jonger dan 27) nog mogelijkheden binnen het door het Rijk bekostigde onderwijs (art. 7 lid 3 onder a Participatiewet, tot 2026)?',
    label: 'mogelijkheden om onderwijs te volgen',
  },
  {
    naam: 'afstandTotArbeidsmarkt',
    bron: 'feiten',
    type: { soort: 'keuze', opties: ['kort', 'groot'] },
    omschrijving:
      'Kort: de persoon kan redelijkerwijs binnen een jaar aan het werk. Groot: redelijkerwijs niet binnen een jaar.',
    label: 'de afstand tot de arbeidsmarkt',
  },
  {
    naam: 'eerderActiefOpArbeidsmarkt',
    bron: 'feiten',
    type: waarheid,
    omschrijving: 'Is de persoon eerder actief geweest op de arbeidsmarkt?',
    label: 'eerder gewerkt',
  },
  {
    naam: 'langdurigWerkloos',
    bron: 'feiten',
    type: waarheid,
    omschrijving: 'Heeft de persoon een afstand tot de arbeidsmarkt door langdurige werkloosheid?',
    label: 'langdurig werkloos',
  },
  {
    naam: 'doelgroepLoonkostensubsidie',
    bron: 'feiten',
    type: waarheid,
    omschrijving:
      'Heeft het college vastgesteld dat de persoon tot de doelgroep loonkostensubsidie hoort (niet in staat met voltijdse arbeid het minimumloon te verdienen, wel mogelijkheden tot arbeidsparticipatie)?',
    label: 'doelgroep loonkostensubsidie',
  },
  {
    naam: 'loonwaardePercentage',
    bron: 'feiten',
    type: { soort: 'getal', min: 0, max: 100 },
    omschrijving: 'De vastgestelde loonwaarde als percentage van het wettelijk minimumloon.',
    label: 'de loonwaarde',
    eenheid: 'procent',
  },
  {
    naam: 'loonwaardeAchterwege',
    bron: 'feiten',
    type: waarheid,
    omschrijving:
      'Heeft het college in overleg met de werkgever vastgesteld dat de vaststelling van de loonwaarde achterwege kan blijven (art. 10d lid 1 onder b Participatiewet, sinds 4 juli 2016)?',
    label: 'het besluit dat de loonwaarde nog niet wordt vastgesteld',
  },
  {
    naam: 'loonkostensubsidieVerleend',
    bron: 'feiten',
    type: waarheid,
    omschrijving:
      'Is voor deze persoon loonkostensubsidie (art. 10d) verleend, en verdient hij nog geen twee aaneengesloten jaren ten minste het minimumloon? Voor wie UWV een uitkering betaalt (art. 7 lid 3 onder c Participatiewet).',
    label: 'of er loonkostensubsidie is verleend',
  },
  {
    naam: 'indicatieBeschutWerkDatum',
    bron: 'feiten',
    type: datum,
    omschrijving:
      'Datum waarop is vastgesteld dat de persoon tot de doelgroep beschut werk hoort (na advies van UWV).',
    label: 'de datum van de indicatie beschut werk',
  },
  {
    naam: 'arbeidsbeperking',
    bron: 'feiten',
    type: waarheid,
    omschrijving:
      'Heeft de persoon een lichamelijke, verstandelijke of psychische beperking die het werk belemmert?',
    label: 'een arbeidsbeperking',
  },
  {
    naam: 'swIndicatie2014',
    bron: 'feiten',
    type: waarheid,
    omschrijving:
      'Had de persoon een geldige SW-indicatie en was hij op 31 december 2014 aangesteld in een Wsw-dienstbetrekking of begeleid werken?',
    label: 'SW-indicatie op 31 december 2014',
  },
  {
    naam: 'voorliggendeVoorziening',
    bron: 'feiten',
    type: waarheid,
    omschrijving:
      'Kan de persoon een beroep doen op een voorliggende voorziening die toereikend en passend is?',
    label: 'een voorliggende voorziening',
  },
  {
    naam: 'uitkeringSinds',
    bron: 'feiten',
    type: datum,
    omschrijving:
      'Sinds wanneer de persoon zonder onderbreking de huidige uitkering heeft (voor "ten minste 12 maanden onafgebroken een uitkering").',
    label: 'de datum sinds wanneer u zonder onderbreking een uitkering heeft',
  },
  {
    naam: 'voorziening',
    bron: 'aanvraag',
    type: { soort: 'keuze', opties: VOORZIENINGEN },
    omschrijving: 'De voorziening waar de aanvraag over gaat.',
    label: 'de gevraagde voorziening',
  },
  {
    naam: 'ingangsdatum',
    bron: 'aanvraag',
    type: datum,
    omschrijving: 'De eerste dag van de voorziening.',
    label: 'de ingangsdatum',
  },
  {
    naam: 'duurMaanden',
    bron: 'aanvraag',
    type: { soort: 'getal', min: 0, geheel: true },
    omschrijving: 'De gevraagde duur in kalendermaanden, verlengingen inbegrepen.',
    label: 'de gevraagde duur',
    eenheid: 'maanden',
  },
  {
    naam: 'einddatum',
    bron: 'aanvraag',
    type: datum,
    omschrijving: 'De gevraagde laatste dag van de voorziening (in plaats van duurMaanden).',
    label: 'de gevraagde einddatum',
  },
  {
    naam: 'urenPerWeek',
    bron: 'aanvraag',
    type: { soort: 'getal', min: 0, max: 168 },
    omschrijving: 'Het aantal uren per week dat de persoon aan de voorziening besteedt of werkt.',
    label: 'de uren per week',
    eenheid: 'uur per week',
  },
  {
    naam: 'normaleArbeidsduur',
    bron: 'aanvraag',
    type: { soort: 'getal', min: 0, max: 168 },
    omschrijving:
      'De arbeidsduur per week die in overeenkomstige dienstbetrekkingen in de regel een volledige dienstbetrekking vormt (art. 12 Wet minimumloon tot 2024; art. 10d lid 4 Participatiewet).',
    label: 'de arbeidsduur van een volledige werkweek in deze functie',
    eenheid: 'uur per week',
  },
  {
    naam: 'functieloonPerMaandCent',
    bron: 'aanvraag',
    type: { soort: 'getal', min: 0, geheel: true },
    omschrijving:
      'Het loon dat voor de functie rechtens geldt, per maand bij een volledige werkweek, in cent. Tot 4 juli 2016 was de loonwaarde een percentage van dit loon (art. 6 lid 1 onder g Participatiewet).',
    label: 'het loon dat voor de functie geldt',
    eenheid: 'cent',
  },
  {
    naam: 'verlengingen',
    bron: 'aanvraag',
    type: { soort: 'getal', min: 0, geheel: true },
    omschrijving:
      'Hoeveel verlengingen de gevraagde duur bevat; ontbreekt het bij een aanvraag, dan is het 0 (een eerste toekenning).',
    label: 'het aantal verlengingen',
  },
  {
    naam: 'zelfdeWerkgever',
    bron: 'aanvraag',
    type: waarheid,
    omschrijving: 'Vindt de verlenging plaats bij dezelfde werkgever?',
    label: 'dezelfde werkgever',
  },
  {
    naam: 'andereOmgeving',
    bron: 'aanvraag',
    type: waarheid,
    omschrijving: 'Vindt de verlenging plaats in een andere werkomgeving (bij een andere werkgever)?',
    label: 'een andere werkomgeving',
  },
  {
    naam: 'voldoendeMeegewerkt',
    bron: 'aanvraag',
    type: waarheid,
    omschrijving:
      'Heeft de persoon naar het oordeel van het college voldoende meegewerkt aan het vergroten van de kans op werk?',
    label: 'voldoende meegewerkt',
  },
  {
    naam: 'toegekendOp',
    bron: 'aanvraag',
    type: datum,
    omschrijving:
      'Datum van de oorspronkelijke toekenning, als het om een lopende voorziening gaat (voor overgangsrecht).',
    label: 'de datum van toekenning',
  },
  {
    naam: 'contractToegezegdMaanden',
    bron: 'aanvraag',
    type: { soort: 'getal', min: 0, geheel: true },
    omschrijving:
      'De duur in maanden van het contract dat de werkgever vooraf heeft toegezegd bij gebleken geschiktheid.',
    label: 'het toegezegde contract',
    eenheid: 'maanden',
  },
  {
    naam: 'kostenCent',
    bron: 'aanvraag',
    type: { soort: 'getal', min: 0, geheel: true },
    omschrijving: 'De aangetoonde kosten in centen (bijvoorbeeld verwervingskosten).',
    label: 'de kosten',
    eenheid: 'cent',
  },
  {
    naam: 'leeftijd',
    bron: 'afgeleid',
    type: { soort: 'getal', min: 0, geheel: true },
    omschrijving:
      'Leeftijd in hele jaren op de eerste dag van de voorziening (startdatum), berekend uit de geboortedatum.',
    label: 'uw leeftijd',
    eenheid: 'jaar',
  },
  {
    naam: 'leeftijdInMaanden',
    bron: 'afgeleid',
    type: { soort: 'getal', min: 0, geheel: true },
    omschrijving:
      'Leeftijd in hele maanden op de eerste dag van de voorziening (startdatum); in een zin als "66 jaar en 4 maanden". Voor "de AOW-leeftijd nog niet bereikt" is er de toets leeftijdOp.',
    label: 'uw leeftijd',
    eenheid: 'maanden',
    weergave: 'jaarEnMaanden',
  },
  {
    naam: 'peildatum',
    bron: 'afgeleid',
    type: datum,
    omschrijving: 'De datum waarop wordt beoordeeld (vandaag, of de dag van het besluit).',
    label: 'de peildatum',
  },
  {
    naam: 'startdatum',
    bron: 'afgeleid',
    type: datum,
    omschrijving:
      'De eerste dag van de voorziening: de ingangsdatum van de aanvraag, anders de peildatum. De regels (wet, verordening, leeftijd, bedragen) gelden zoals op deze dag.',
    label: 'de eerste dag van de voorziening',
  },
];

export const FEIT_INDEX: ReadonlyMap<string, FeitDefinitie> = new Map(FEITEN.map((f) => [f.naam, f]));
