import {
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { Impactcijfers } from '../api/typen.ts';
import { bedrag, datum, getal, UITKOMST } from '../opmaak.ts';

const overgangTekst = (o: Impactcijfers['voorzieningen'][number]['aanvragen']) =>
  o.overgangen
    .filter((x) => x.van !== x.naar)
    .map(
      (x) =>
        `${(UITKOMST[x.van] ?? x.van).toLowerCase()} → ${(UITKOMST[x.naar] ?? x.naar).toLowerCase()}: ${getal(x.aantal)}`,
    )
    .join('; ') || 'geen';

/**
 * The impact of a draft on the stored clients, per voorziening: how many change outcome and the
 * yearly cost difference. Shown by the impact page and by a stored draft's page (the same figures).
 */
export function ImpactUitslag({
  u,
  kop,
}: {
  u: Impactcijfers;
  kop?: React.RefObject<HTMLHeadingElement | null>;
}) {
  const rijen = u.voorzieningen.filter(
    (v) =>
      v.aanvragen.aantal > 0 ||
      v.zonderAanvraag.gewijzigd > 0 ||
      v.jaarlast.vanCent !== 0 ||
      v.jaarlast.naarCent !== 0,
  );
  return (
    <section aria-labelledby="impact-uitslag" className="uitslag">
      <Heading2 id="impact-uitslag" tabIndex={-1} ref={kop}>
        Impact op {datum(u.peildatum)}: {getal(u.gewijzigd)} van {getal(u.casussen)} casussen krijgen een
        andere uitkomst
      </Heading2>
      <Paragraph>
        {getal(u.bron.inwoners)} cliënten uit de opslag ({getal(u.metAanvraag)} casussen met een aanvraag of
        lopende voorziening, {getal(u.zonderAanvraag)} zonder). Van: versie van {datum(u.van.geldigVanaf)} (
        {u.van.status}). Naar: {u.naar.status === 'ontwerp' ? 'het ontwerp' : 'versie'} van{' '}
        {datum(u.naar.geldigVanaf)}.
        {u.bron.ongeldig > 0
          ? ` ${getal(u.bron.ongeldig)} opgeslagen casussen zijn geen geldige casus en tellen niet mee.`
          : ''}
      </Paragraph>
      <Table className="tabel">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
            <TableHeaderCell scope="col" className="getal">
              Aanvragen
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="getal">
              Andere uitkomst
            </TableHeaderCell>
            <TableHeaderCell scope="col">Van → naar</TableHeaderCell>
            <TableHeaderCell scope="col" className="getal">
              Jaarlast nu
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="getal">
              Jaarlast ontwerp
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="getal">
              Verschil per jaar
            </TableHeaderCell>
            <TableHeaderCell scope="col" className="getal">
              Bedrag onbekend
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rijen.map((v) => (
            <TableRow key={v.voorziening}>
              <TableHeaderCell scope="row">{v.titel}</TableHeaderCell>
              <TableCell className="getal">{getal(v.aanvragen.aantal)}</TableCell>
              <TableCell className="getal">{getal(v.aanvragen.gewijzigd)}</TableCell>
              <TableCell>{overgangTekst(v.aanvragen)}</TableCell>
              <TableCell className="getal">{bedrag(v.jaarlast.vanCent)}</TableCell>
              <TableCell className="getal">{bedrag(v.jaarlast.naarCent)}</TableCell>
              <TableCell className="getal">{bedrag(v.jaarlast.verschilCent)}</TableCell>
              <TableCell className="getal">{getal(v.jaarlast.onbekend.verschil)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHeaderCell scope="row">Totaal</TableHeaderCell>
            <TableCell className="getal">{getal(u.metAanvraag)}</TableCell>
            <TableCell className="getal">
              {getal(rijen.reduce((s, v) => s + v.aanvragen.gewijzigd, 0))}
            </TableCell>
            <TableCell />
            <TableCell className="getal">{bedrag(u.jaarlast.vanCent)}</TableCell>
            <TableCell className="getal">{bedrag(u.jaarlast.naarCent)}</TableCell>
            <TableCell className="getal">{bedrag(u.jaarlast.verschilCent)}</TableCell>
            <TableCell className="getal">{getal(u.jaarlast.onbekend.verschil)}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
      <Paragraph className="hint">{u.jaarlast.definitie}</Paragraph>
    </section>
  );
}
