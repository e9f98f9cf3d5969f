import {
  Button,
  Heading1,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, zetDoel } from '../api/klant.ts';
import { useLees, useTitel } from '../gebruik.ts';
import { datum, vandaag } from '../opmaak.ts';
import { Tekstveld } from '../onderdelen/formulier.tsx';
import { Laden, Leeg, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

const SOORT: Record<string, string> = {
  vervallen: 'Grondslag vervallen',
  gewijzigd: 'Grondslag gewijzigd',
  strijdig: 'Meer dan de wet toestaat',
  afwijking: 'Afwijking',
};

/** Municipal rules in force on a date whose national basis is repealed or changed, or that allow more than the law. */
export function Conformiteit({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Toets aan de wet');
  // The law and aggregates: no personal data, so no purpose (X-Doel) is sent.
  useEffect(() => zetDoel(undefined), []);
  const [zoek] = useSearchParams();
  const [invoer, zetInvoer] = useState(zoek.get('datum') ?? vandaag());
  const [dag, zetDag] = useState(zoek.get('datum') ?? vandaag());
  const beleid = gemeente.rollen.includes('beleidsmedewerker');
  const [toets] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/conformiteit', {
        params: { path: { gemeente: gemeente.slug }, query: { datum: dag } },
      }),
    [gemeente.slug, dag],
  );
  return (
    <>
      <Heading1>Toets aan de wet</Heading1>
      <Paragraph>
        Welke regels van {gemeente.naam} rusten op een artikel van de wet dat vervallen of gewijzigd is, of
        staan meer toe dan de wet? De wet gaat voor.
      </Paragraph>
      <form
        className="zoekregel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          zetDag(invoer || vandaag());
        }}
      >
        <Tekstveld
          id="datum"
          type="date"
          breedte="smal"
          label="Op datum"
          waarde={invoer}
          bijWijziging={zetInvoer}
        />
        <Button type="submit" appearance="primary-action-button">
          Toetsen
        </Button>
      </form>
      {toets.soort === 'laden' && <Laden wat="De toets" />}
      {toets.soort === 'fout' && <ProbleemMelding probleem={toets.probleem} />}
      {toets.soort === 'klaar' && (
        <section aria-labelledby="bevindingen">
          <Heading2 id="bevindingen">
            Op {datum(toets.data.datum)}:{' '}
            {toets.data.conflicten.length === 0
              ? 'geen bevindingen'
              : `${toets.data.conflicten.length} ${toets.data.conflicten.length === 1 ? 'bevinding' : 'bevindingen'}`}
          </Heading2>
          <Paragraph>
            Getoetst:{' '}
            {toets.data.regelingen
              .map((r) => `${r.citeertitel} (versie van ${datum(r.geldigVanaf)})`)
              .join(', ')}{' '}
            aan de {toets.data.wet.citeertitel} (versie van {datum(toets.data.wet.geldigVanaf)}).
          </Paragraph>
          {toets.data.conflicten.length === 0 ? (
            <Leeg>Alle regels rusten op artikelen die op deze datum gelden, zoals ze toen golden.</Leeg>
          ) : (
            <Table className="tabel">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Artikel</TableHeaderCell>
                  <TableHeaderCell scope="col">Wet</TableHeaderCell>
                  <TableHeaderCell scope="col">Uitleg</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {toets.data.conflicten.map((c, i) => (
                  <TableRow key={i}>
                    <TableCell>{SOORT[c.soort] ?? c.soort}</TableCell>
                    <TableCell>art. {c.artikel}</TableCell>
                    <TableCell>{c.met}</TableCell>
                    <TableCell>{c.uitleg}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {beleid &&
            [...new Set(toets.data.conflicten.map((c) => c.regeling))].map((id) => (
              <Paragraph key={id}>
                <Link
                  to={`/${gemeente.slug}/ontwerpen/nieuw?regeling=${encodeURIComponent(id)}&geldigVanaf=${toets.data.datum}`}
                >
                  Begin een ontwerp van de {toets.data.regelingen.find((r) => r.id === id)?.citeertitel ?? id}{' '}
                  dat deze bevindingen oplost
                </Link>
              </Paragraph>
            ))}
        </section>
      )}
    </>
  );
}
