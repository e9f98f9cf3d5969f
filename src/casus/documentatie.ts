import type { Bibliotheek } from '../regelgeving/bibliotheek.ts';
import { LANDELIJK_VOCABULAIRE } from './feiten.ts';
import { breidUit, type FeitDefinitie, type Vocabulaire } from './vocabulaire.ts';

/**
 * docs/feiten.md, generated from the declarations (the national layer's regelgeving/wet/vocabulaire.yaml,
 * and each regulation that declares facts or voorzieningen of its own) so documentation, schema and
 * rules cannot disagree.
 */
export function feitenDocumentatie(bibliotheek?: Bibliotheek): string {
  const regels = [
    '# Feiten: de woordenlijst van de casus',
    '',
    'Gegenereerd uit `regelgeving/wet/vocabulaire.yaml` (de landelijke woordenlijst) en de `vocabulaire:` van de regelingen met `npm run docs`; niet met de hand bewerken.',
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
    for (const f of LANDELIJK_VOCABULAIRE.feiten.values())
      if (f.bron === bron) regels.push(`| \`${f.naam}\` | ${typeTekst(f)} | ${f.omschrijving} |`);
    regels.push('');
  }
  regels.push('## Voorzieningen', '', '| id | titel |', '|---|---|');
  for (const v of LANDELIJK_VOCABULAIRE.voorzieningen.values()) regels.push(`| \`${v.id}\` | ${v.titel} |`);
  regels.push('');
  regels.push(
    '## Eigen feiten en voorzieningen per regeling',
    '',
    'Een regeling kan in `vocabulaire:` eigen feiten en voorzieningen verklaren (docs/regelgeving.md, "Naslag: eigen feiten en voorzieningen"). Die gelden alleen voor die regeling en de versies die er met `basis` op rusten.',
    '',
  );
  const eigen = eigenVocabulaires(bibliotheek);
  if (eigen.length === 0) regels.push('Geen regeling verklaart eigen feiten of voorzieningen.', '');
  for (const { id, geldigVanaf, vocabulaire } of eigen) {
    regels.push(`### ${id} (versie van ${geldigVanaf})`, '');
    const feiten = [...vocabulaire.feiten.values()].filter((f) => f.regeling === id);
    if (feiten.length > 0) {
      regels.push('| naam | in | type | vraag | voedt | artikel |', '|---|---|---|---|---|---|');
      for (const f of feiten)
        regels.push(
          `| \`${f.naam}\` | \`${f.bron}\` | ${typeTekst(f)} | ${f.omschrijving} | ${(f.voedt ?? []).map((v) => `\`${v}\``).join(', ')} | ${f.artikel ?? ''} |`,
        );
      regels.push('');
    }
    const voorzieningen = [...vocabulaire.voorzieningen.values()].filter((v) => v.regeling === id);
    if (voorzieningen.length > 0) {
      regels.push('| voorziening | titel | voor | aanvrager | artikel |', '|---|---|---|---|---|');
      for (const v of voorzieningen)
        regels.push(
          `| \`${v.id}\` | ${v.titel} | ${v.soort ?? ''} | ${v.aanvrager ?? ''} | ${v.artikel ?? ''} |`,
        );
      regels.push('');
    }
  }
  return regels.join('\n');
}

/** The latest version of each regulation that declares a vocabulary of its own (drafts left out). */
function eigenVocabulaires(
  bibliotheek: Bibliotheek | undefined,
): { id: string; geldigVanaf: string; vocabulaire: Vocabulaire }[] {
  if (!bibliotheek) return [];
  const laatste = new Map<string, { id: string; geldigVanaf: string; vocabulaire: Vocabulaire }>();
  for (const r of bibliotheek.regelingen)
    if (r.vocabulaire && r.status === 'vastgesteld' && (laatste.get(r.id)?.geldigVanaf ?? '') < r.geldigVanaf)
      laatste.set(r.id, {
        id: r.id,
        geldigVanaf: r.geldigVanaf,
        vocabulaire: breidUit(LANDELIJK_VOCABULAIRE, [{ regeling: r.id, vocabulaire: r.vocabulaire }]),
      });
  return [...laatste.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function typeTekst(f: FeitDefinitie): string {
  const t = f.type;
  return t.soort === 'keuze'
    ? t.opties.map((o) => `\`${o}\``).join(' \\| ')
    : t.soort === 'getal'
      ? `getal${t.geheel ? ' (geheel)' : ''}${t.min !== undefined ? `, ≥ ${t.min}` : ''}${t.max !== undefined ? `, ≤ ${t.max}` : ''}${f.eenheid ? `, ${f.eenheid}` : ''}`
      : t.soort === 'datum'
        ? 'datum JJJJ-MM-DD'
        : 'true / false';
}
