import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
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
import { useEffect, useMemo, useState } from 'react';
import { api, zetDoel } from '../api/klant.ts';
import type { Overzichtcijfers } from '../api/typen.ts';
import { useLees, useTitel } from '../gebruik.ts';
import { bedrag, getal, vandaag } from '../opmaak.ts';
import { Keuzelijst } from '../onderdelen/formulier.tsx';
import { Grafiek } from '../onderdelen/grafiek.tsx';
import { Laden, Leeg, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

const euro = (n: number) => bedrag(Math.round(n * 100));

/** For a manager, per gemeente and year: budget and participants against their ceilings, beschut werk, starts and ends per quarter. */
export function Overzicht({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Budget en deelnemers');
  // The law and aggregates: no personal data, so no purpose (X-Doel) is sent.
  useEffect(() => zetDoel(undefined), []);
  const dit = Number(vandaag().slice(0, 4));
  const [jaar, zetJaar] = useState(String(dit));
  const [cijfers] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/overzichten/{jaar}', {
        params: { path: { gemeente: gemeente.slug, jaar: Number(jaar) } },
      }),
    [gemeente.slug, jaar],
  );
  return (
    <>
      <Heading1>Budget en deelnemers</Heading1>
      <Keuzelijst
        id="jaar"
        label="Jaar"
        waarde={jaar}
        bijWijziging={zetJaar}
        opties={[dit - 3, dit - 2, dit - 1, dit, dit + 1].map((j) => ({
          waarde: String(j),
          label: String(j),
        }))}
      />
      {cijfers.soort === 'laden' && <Laden wat="De cijfers" />}
      {cijfers.soort === 'fout' && <ProbleemMelding probleem={cijfers.probleem} />}
      {cijfers.soort === 'klaar' && <Cijfers gemeente={gemeente} c={cijfers.data} />}
    </>
  );
}

function Cijfers({ gemeente, c }: { gemeente: Gemeente; c: Overzichtcijfers }) {
  const budget = useMemo(
    () => ({
      labels: c.budgetten.map((b) => b.titel),
      reeksen: [
        { naam: 'Plafond', waarden: c.budgetten.map((b) => b.plafondCent / 100) },
        { naam: 'Besteed', waarden: c.budgetten.map((b) => b.besteedCent / 100) },
      ],
    }),
    [c],
  );
  const grondNaam = (code: string) =>
    code === 'einddatum'
      ? 'Einddatum bereikt'
      : ((g) =>
          g
            ? `${g.omschrijving.replace(/\.$/, '')} (art. ${g.artikel})`
            : 'Een grond die de verordening niet meer noemt')(c.gronden.find((g) => g.code === code));
  const codes = [...new Set(c.kwartalen.flatMap((k) => Object.keys(k.perGrond)))].sort();
  const kwartalen = useMemo(
    () => ({
      labels: c.kwartalen.map((k) => `Kwartaal ${k.kwartaal}`),
      reeksen: [
        { naam: 'Gestart', waarden: c.kwartalen.map((k) => k.gestart) },
        { naam: 'Beëindigd', waarden: c.kwartalen.map((k) => k.beeindigd) },
      ],
    }),
    [c],
  );
  const metPlafond = c.budgetten.filter((b) => b.deelnemersplafond !== null || b.deelnemers > 0);
  const zonderPlafond = metPlafond.filter((b) => b.deelnemersplafond === null);
  // Participants against their ceiling, for the voorzieningen whose ordinance sets one.
  const deelnemers = useMemo(() => {
    const rijen = c.budgetten.filter((b) => b.deelnemersplafond !== null);
    return {
      labels: rijen.map((b) => b.titel),
      reeksen: [
        { naam: 'Plafond', waarden: rijen.map((b) => b.deelnemersplafond!) },
        { naam: 'Deelnemers', waarden: rijen.map((b) => b.deelnemers) },
      ],
    };
  }, [c]);
  return (
    <>
      <section aria-labelledby="budget">
        <Heading2 id="budget">Budget per voorziening in {c.jaar}</Heading2>
        {c.budgetten.length === 0 ? (
          <Leeg>Voor {c.jaar} is geen budget vastgesteld.</Leeg>
        ) : (
          <Grafiek
            id="budget-grafiek"
            titel={`Budget tegen plafond, ${gemeente.naam} ${c.jaar}`}
            labels={budget.labels}
            reeksen={budget.reeksen}
            eenheid="euro"
            opmaak={euro}
            bestandsnaam={`budget-${gemeente.slug}-${c.jaar}.csv`}
          />
        )}
      </section>
      <section aria-labelledby="deelnemers">
        <Heading2 id="deelnemers">Deelnemers tegen hun plafond</Heading2>
        {metPlafond.length === 0 ? (
          <Leeg>Er zijn geen deelnemers geteld in {c.jaar}.</Leeg>
        ) : (
          <>
            {deelnemers.labels.length > 0 && (
              <Grafiek
                id="deelnemers-grafiek"
                titel={`Deelnemers tegen het deelnemersplafond, ${gemeente.naam} ${c.jaar}`}
                labels={deelnemers.labels}
                reeksen={deelnemers.reeksen}
                eenheid="aantal"
                opmaak={getal}
                bestandsnaam={`deelnemers-${gemeente.slug}-${c.jaar}.csv`}
              />
            )}
            <Paragraph className="hint">
              Het plafond staat in de verordening:{' '}
              {metPlafond
                .filter((b) => b.deelnemersplafond !== null)
                .map((b) => `${b.titel} (art. ${b.artikel})`)
                .join('; ') || 'geen'}
              .
              {zonderPlafond.length > 0 &&
                ` Zonder deelnemersplafond: ${zonderPlafond.map((b) => `${b.titel} (${getal(b.deelnemers)} deelnemers)`).join('; ')}.`}
            </Paragraph>
          </>
        )}
      </section>
      <section aria-labelledby="beschut">
        <Heading2 id="beschut">Beschut werk</Heading2>
        <DataList className="gegevens">
          <DataListItem>
            <DataListKey>Plaatsen gepland</DataListKey>
            <DataListValue>
              {c.beschutWerk.plaatsen === null ? `geen plan voor ${c.jaar}` : getal(c.beschutWerk.plaatsen)}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Plaatsen bezet</DataListKey>
            <DataListValue>{getal(c.beschutWerk.bezet)}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>Op de wachtlijst</DataListKey>
            <DataListValue>{getal(c.beschutWerk.wachtlijst)}</DataListValue>
          </DataListItem>
        </DataList>
      </section>
      <section aria-labelledby="kwartalen">
        <Heading2 id="kwartalen">Gestart en beëindigd per kwartaal</Heading2>
        <Grafiek
          id="kwartaal-grafiek"
          titel={`Voorzieningen gestart en beëindigd, ${gemeente.naam} ${c.jaar}`}
          labels={kwartalen.labels}
          reeksen={kwartalen.reeksen}
          eenheid="aantal"
          opmaak={getal}
          bestandsnaam={`kwartalen-${gemeente.slug}-${c.jaar}.csv`}
        />
        {codes.length > 0 && (
          <Table className="tabel">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Beëindigd op grond van</TableHeaderCell>
                {c.kwartalen.map((k) => (
                  <TableHeaderCell key={k.kwartaal} scope="col" className="getal">
                    Kwartaal {k.kwartaal}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {codes.map((code) => (
                <TableRow key={code}>
                  <TableHeaderCell scope="row">{grondNaam(code)}</TableHeaderCell>
                  {c.kwartalen.map((k) => (
                    <TableCell key={k.kwartaal} className="getal">
                      {getal(k.perGrond[code] ?? 0)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Paragraph className="hint">
          Beëindigd telt vroegtijdige beëindigingen op een grond uit de verordening en voorzieningen die hun
          einddatum bereikten.
        </Paragraph>
      </section>
    </>
  );
}
