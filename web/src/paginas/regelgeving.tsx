import {
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
import { useEffect } from 'react';
import { Link } from 'react-router';
import { api, zetDoel } from '../api/klant.ts';
import { useLees, useTitel } from '../gebruik.ts';
import { datum } from '../opmaak.ts';
import { Laden, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

/** Every version of every regulation of the gemeente, and of the national law, with dates and status. */
export function Regelgeving({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Regelgeving');
  // The law and aggregates: no personal data, so no purpose (X-Doel) is sent.
  useEffect(() => zetDoel(undefined), []);
  const [lijst] = useLees(
    () => api.GET('/gemeenten/{gemeente}/regelingen', { params: { path: { gemeente: gemeente.slug } } }),
    [gemeente.slug],
  );
  return (
    <>
      <Heading1>Regelgeving</Heading1>
      <Paragraph>
        De regelingen van {gemeente.naam} en de wet waarop ze rusten. Open een versie om de artikelen te lezen
        naast de regels die ze uitvoeren.
      </Paragraph>
      {lijst.soort === 'laden' && <Laden wat="De regelingen" />}
      {lijst.soort === 'fout' && <ProbleemMelding probleem={lijst.probleem} />}
      {lijst.soort === 'klaar' &&
        lijst.data.map((r) => (
          <section key={r.id} aria-labelledby={`r-${r.pad}`}>
            <Heading2 id={`r-${r.pad}`}>{r.citeertitel}</Heading2>
            <Table className="tabel">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Versie</TableHeaderCell>
                  <TableHeaderCell scope="col">Geldt vanaf</TableHeaderCell>
                  <TableHeaderCell scope="col">Geldt tot</TableHeaderCell>
                  <TableHeaderCell scope="col">Vastgesteld</TableHeaderCell>
                  <TableHeaderCell scope="col">Status</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {r.versies.map((v) => (
                  <TableRow key={v.geldigVanaf + v.hash}>
                    <TableCell>
                      <Link to={`/${gemeente.slug}/regelgeving/${r.pad}/${v.geldigVanaf}`}>
                        {v.citeertitel}, versie van {datum(v.geldigVanaf)}
                      </Link>
                    </TableCell>
                    <TableCell>{datum(v.geldigVanaf)}</TableCell>
                    <TableCell>{v.geldigTot ? datum(v.geldigTot) : 'geen einddatum'}</TableCell>
                    <TableCell>{datum(v.vastgesteld)}</TableCell>
                    <TableCell>
                      {v.status === 'ontwerp' ? 'ontwerp' : 'vastgesteld'}
                      {v.inWerking && <strong> · nu in werking</strong>}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        ))}
    </>
  );
}
