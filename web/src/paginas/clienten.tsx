import {
  Button,
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/klant.ts';
import { metDoel } from '../doelen.tsx';
import { useLees, useTitel } from '../gebruik.ts';
import { datum } from '../opmaak.ts';
import { Tekstveld } from '../onderdelen/formulier.tsx';
import { Laden, Leeg, ProbleemMelding } from '../onderdelen/status.tsx';
import { NieuweClient } from './nieuwe-client.tsx';
import type { Gemeente } from '../sessie.tsx';

/** Find a client by name, klantnummer or BSN; the BSN is shown masked. */
function ClientenScherm({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Cliënten');
  const [parameters, zetParameters] = useSearchParams();
  const gezocht = parameters.get('zoek') ?? '';
  const [zoek, zetZoek] = useState(gezocht);
  const [nieuw, zetNieuw] = useState(false);
  const [lijst] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/dossiers', {
        params: { path: { gemeente: gemeente.slug }, query: { zoek: gezocht, limiet: 50 } },
      }),
    [gemeente.slug, gezocht],
  );
  function verstuur(e: FormEvent) {
    e.preventDefault();
    zetParameters(zoek.trim() ? { zoek: zoek.trim() } : {});
  }
  return (
    <>
      <Heading1>Cliënten</Heading1>
      <form role="search" onSubmit={verstuur} className="zoekregel" noValidate>
        <Tekstveld
          id="zoek"
          type="search"
          label="Zoek een cliënt"
          hint="Op naam, klantnummer of BSN"
          waarde={zoek}
          bijWijziging={zetZoek}
          breedte="breed"
        />
        <Button type="submit" appearance="primary-action-button">
          Zoeken
        </Button>
      </form>
      {nieuw ? (
        <NieuweClient gemeente={gemeente} annuleer={() => zetNieuw(false)} />
      ) : (
        ['casemanager', 'beheerder'].some((r) => gemeente.rollen.includes(r)) && (
          <Button appearance="secondary-action-button" onClick={() => zetNieuw(true)}>
            Nieuwe cliënt registreren
          </Button>
        )
      )}
      {lijst.soort === 'laden' && <Laden wat="Cliënten" />}
      {lijst.soort === 'fout' && <ProbleemMelding probleem={lijst.probleem} />}
      {lijst.soort === 'klaar' &&
        (lijst.data.items.length === 0 ? (
          <Leeg>
            {gezocht
              ? `Geen cliënt gevonden bij “${gezocht}”. Controleer de spelling, of zoek op klantnummer of BSN.`
              : 'Er staan nog geen cliënten in deze gemeente.'}
          </Leeg>
        ) : (
          <>
            <Paragraph aria-live="polite">
              {gezocht ? `${lijst.data.totaal} gevonden bij “${gezocht}”` : `${lijst.data.totaal} cliënten`}
              {lijst.data.totaal > lijst.data.items.length
                ? `; de eerste ${lijst.data.items.length} staan hieronder.`
                : '.'}
            </Paragraph>
            <Table className="tabel">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Naam</TableHeaderCell>
                  <TableHeaderCell scope="col" className="getal">
                    Klantnummer
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">Geboortedatum</TableHeaderCell>
                  <TableHeaderCell scope="col">BSN</TableHeaderCell>
                  <TableHeaderCell scope="col">Casemanager</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.data.items.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <Link to={`/${gemeente.slug}/clienten/${c.id}`}>{c.naam}</Link>
                    </TableCell>
                    <TableCell className="getal">{c.klantnummer}</TableCell>
                    <TableCell>{datum(c.geboortedatum)}</TableCell>
                    <TableCell>
                      <span aria-label={`BSN afgeschermd, eindigt op ${c.bsn.slice(-3).split('').join(' ')}`}>
                        {c.bsn}
                      </span>
                    </TableCell>
                    <TableCell>{c.casemanager ?? '–'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ))}
    </>
  );
}

/** Reads personal data for 'caseload bekijken' (or the purpose chosen for it, see ../doelen.tsx). */
export const Clienten = metDoel('caseload bekijken', ClientenScherm);
