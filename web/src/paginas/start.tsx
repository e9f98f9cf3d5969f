import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { useTitel } from '../gebruik.ts';
import { menuVoor } from '../onderdelen/pagina.tsx';
import type { Gemeente } from '../sessie.tsx';

const UITLEG: Record<string, string> = {
  clienten: 'Zoek een cliënt, bekijk het dossier en kijk wat u kunt aanbieden.',
  agenda: 'Uw evaluaties, premies, einddata en bezwaartermijnen; wat te laat is staat bovenaan.',
  regelgeving: 'De verordening artikel voor artikel, met de regels en bedragen die erbij horen.',
  vergelijken: 'Twee versies naast elkaar: wat is er veranderd?',
  conformiteit: 'Welke regels van de gemeente botsen met de wet op een datum?',
  impact: 'Wat verandert een ontwerp voor de cliënten van nu?',
  ontwerpen:
    'Een ontwerp op weg naar de raad: tekst, toets, impact, adviesrondes, raadsvoorstel en vaststelling.',
  overzicht: 'Budget, deelnemers en beschut werk tegen hun plafond, en wat per kwartaal begon en eindigde.',
  audit: 'Wie heeft wat gedaan of bekeken, en wanneer?',
};

export function Start({ gemeente }: { gemeente: Gemeente }) {
  useTitel(gemeente.naam);
  return (
    <>
      <Heading1>{gemeente.naam}</Heading1>
      <Paragraph>Waar wilt u mee verder?</Paragraph>
      <ul className="tegels">
        {menuVoor(gemeente).map((m) => (
          <li key={m.pad} className="tegel">
            <Link to={`/${gemeente.slug}/${m.pad}`} className="tegel__link">
              {m.label}
            </Link>
            <Paragraph>{UITLEG[m.pad]}</Paragraph>
          </li>
        ))}
      </ul>
    </>
  );
}
