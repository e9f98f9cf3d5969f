import {
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { Antwoord } from '../api/typen.ts';
import { getal, UITKOMST } from '../opmaak.ts';

type NieuweOordelen = Antwoord<'/gemeenten/{gemeente}/ontwerpen/{id}/cijfers', 'get'>['nieuweOordelen'];

const uitkomst = (u: string) => (UITKOMST[u] ?? u).toLowerCase();

/**
 * The requests that need a new judgement of the college under a draft, per question and article, with
 * the sentence (from the server, the same as in the raadsvoorstel) that says why the draft asks it.
 */
export function NieuweOordelenUitslag({ n }: { n: NieuweOordelen }) {
  return (
    <section aria-labelledby="nieuwe-oordelen">
      <Heading3 id="nieuwe-oordelen">Nieuwe oordelen van het college</Heading3>
      {n.aanvragen === 0 ? (
        <Paragraph data-testid="nieuwe-oordelen-samenvatting">
          Onder het ontwerp is bij geen van de {getal(n.beoordeeld)} aanvragen en lopende voorzieningen een
          nieuw oordeel van het college nodig. De oordelen die het college al gaf, tellen ook onder het
          ontwerp.
        </Paragraph>
      ) : (
        <>
          <Paragraph data-testid="nieuwe-oordelen-samenvatting">
            Onder het ontwerp is bij {getal(n.aanvragen)} van de {getal(n.beoordeeld)} aanvragen en lopende
            voorzieningen een nieuw oordeel van het college nodig. Het ontwerp stelt daar een vraag die de
            huidige verordening bij die aanvragen niet stelde. De oordelen die het college al gaf op dezelfde
            vraag, tellen ook onder het ontwerp.
          </Paragraph>
          <Table className="tabel">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
                <TableHeaderCell scope="col">Vraag</TableHeaderCell>
                <TableHeaderCell scope="col">Artikel</TableHeaderCell>
                <TableHeaderCell scope="col" className="getal">
                  Aanvragen
                </TableHeaderCell>
                <TableHeaderCell scope="col">Uitkomst nu → ontwerp</TableHeaderCell>
                <TableHeaderCell scope="col">Waarom</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {n.vragen.map((q) => (
                <TableRow key={`${q.voorziening} ${q.feit} ${q.artikel}`}>
                  <TableHeaderCell scope="row">{q.titel}</TableHeaderCell>
                  <TableCell>{q.vraag}</TableCell>
                  <TableCell>
                    art. {q.artikel}
                    {q.regeling === 'participatiewet' ? ' Participatiewet' : ''}
                  </TableCell>
                  <TableCell className="getal">{getal(q.aanvragen)}</TableCell>
                  <TableCell>
                    <UnorderedList>
                      {q.overgangen.map((o) => (
                        <UnorderedListItem key={`${o.van} ${o.naar}`}>
                          {uitkomst(o.van)} → {uitkomst(o.naar)}: {getal(o.aantal)}
                        </UnorderedListItem>
                      ))}
                    </UnorderedList>
                  </TableCell>
                  <TableCell>{q.uitleg}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
