import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { useTitel } from '../gebruik.ts';
import { ROL } from '../opmaak.ts';
import { Pagina } from '../onderdelen/pagina.tsx';
import { useSessie } from '../sessie.tsx';

/** For a user with roles in several gemeenten (an uitvoeringsorganisatie): which gemeente to work for now. */
export function KiesGemeente() {
  useTitel('Kies een gemeente');
  const s = useSessie();
  return (
    <Pagina>
      <Heading1>Voor welke gemeente werkt u nu?</Heading1>
      <Paragraph>
        U werkt voor meer gemeenten. Elke gemeente heeft haar eigen verordening en haar eigen cliënten.
      </Paragraph>
      <ul className="keuzelijst">
        {(s.gemeenten ?? []).map((g) => (
          <li key={g.slug}>
            <Link to={`/${g.slug}`} className="keuzelijst__link">
              {g.naam}
            </Link>
            <span className="keuzelijst__rol"> als {g.rollen.map((r) => ROL[r] ?? r).join(', ')}</span>
          </li>
        ))}
      </ul>
    </Pagina>
  );
}
