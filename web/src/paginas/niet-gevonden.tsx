import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { useTitel } from '../gebruik.ts';

/** The page for an address that does not exist, or that belongs to a gemeente or client outside the user's reach. */
export function NietGevonden() {
  useTitel('Niet gevonden');
  return (
    <>
      <Heading1>Niet gevonden</Heading1>
      <Paragraph>Deze pagina bestaat niet, of u hebt er geen toegang toe.</Paragraph>
      <Paragraph>
        Controleer het adres, of ga naar de <Link to="/">beginpagina</Link>.
      </Paragraph>
    </>
  );
}
