import { FEITEN } from './feiten.ts';

/** docs/feiten.md, generated from the vocabulary so documentation and schema cannot disagree. */
export function feitenDocumentatie(): string {
  const regels = [
    '# Feiten: de woordenlijst van de casus',
    '',
    'Gegenereerd uit `src/casus/feiten.ts` met `npm run docs`; niet met de hand bewerken.',
    '',
    'Een casus (`case.json`) is `{ "gemeente": "<slug>", "peildatum": "JJJJ-MM-DD", "feiten": {...}, "aanvraag": {...} }`.',
    '`feiten.oordelen` bevat de antwoorden van het college op beoordelingsvragen (`{ "participatieplaatsPassend": true }`);',
    '`feiten.afwijkingen` vastgelegde afwijkingen op grond van een hardheidsclausule of innovatieartikel',
    '(`{ "artikel", "voorwaarde", "door", "reden", "voorziening"?, "datum"? }`). Afgeleide feiten berekent de engine zelf.',
    '',
  ];
  for (const bron of ['feiten', 'aanvraag', 'afgeleid'] as const) {
    regels.push(
      `## ${bron === 'feiten' ? 'Feiten over de persoon (`feiten`)' : bron === 'aanvraag' ? 'De aanvraag (`aanvraag`)' : 'Afgeleide feiten'}`,
      '',
    );
    regels.push('| naam | type | betekenis |', '|---|---|---|');
    for (const f of FEITEN.filter((x) => x.bron === bron)) {
      const t = f.type;
      const type =
        t.soort === 'keuze'
          ? t.opties.map((o) => `\`${o}\``).join(' \\| ')
          : t.soort === 'getal'
            ? `getal${t.geheel ? ' (geheel)' : ''}${t.min !== undefined ? `, ≥ ${t.min}` : ''}${t.max !== undefined ? `, ≤ ${t.max}` : ''}${f.eenheid ? `, ${f.eenheid}` : ''}`
            : t.soort === 'datum'
              ? 'datum JJJJ-MM-DD'
              : 'true / false';
      regels.push(`| \`${f.naam}\` | ${type} | ${f.omschrijving} |`);
    }
    regels.push('');
  }
  return regels.join('\n');
}
