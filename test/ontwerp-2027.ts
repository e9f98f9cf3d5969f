import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Dinkelland draft for 2027 (articles 5 and 13 in line with the 2026 law) and a round with two points. */
export const ONTWERP_2027 = readFileSync(
  join(import.meta.dirname, 'fixtures', 'dinkelland-2027', '2027-01-01.yaml'),
  'utf8',
);
export const RONDE_2027 = {
  regeling: 'dinkelland/re-integratieverordening',
  versie: '2027-01-01',
  gemeenten: ['dinkelland'],
  adviesorganen: [{ id: 'kra', naam: 'Kliëntenraad Almelo (KRA)', soort: 'clientenraad' }],
  onderwerp: 'Ontwerp Re-integratieverordening Participatiewet gemeente Dinkelland 2027',
  gevraagdOp: '2026-09-01',
  ontvangenOp: '2026-10-01',
  punten: [
    {
      id: 'proefplaats-twee-maanden',
      thema: 'Proefplaats',
      artikelen: [{ artikel: '5', lid: 3 }],
      advies: 'Leg uit aan de inwoner waarom een proefplaats nu korter duurt.',
      adviesLetterlijk: true,
      reactie: {
        uitkomst: 'overgenomen',
        uitkomstToelichting: 'Het college neemt het advies over in de brief bij de beschikking.',
        tekst:
          'Wij leggen in elke beschikking over een proefplaats uit dat de wet sinds 2026 hoogstens 2 maanden toestaat.',
        letterlijk: true,
      },
    },
    {
      id: 'jongeren',
      thema: 'Jongeren',
      artikelen: [{ artikel: '13' }],
      advies: 'Houd het leer-werktraject voor jongeren tot 27 jaar.',
      adviesLetterlijk: true,
      reactie: {
        uitkomst: 'niet-overgenomen',
        uitkomstToelichting: 'De ondersteuning van jongeren volgt nu artikel 7a van de wet.',
        tekst: 'Artikel 13 rust voortaan op artikel 7a van de Participatiewet; de wet bepaalt de doelgroep.',
        letterlijk: true,
      },
    },
  ],
  bron: { document: 'Test', bestand: 'test/levenscyclus.test.ts' },
};
