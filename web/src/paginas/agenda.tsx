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
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, nieuweSleutel } from '../api/klant.ts';
import { metDoel } from '../doelen.tsx';
import type { Agendapunt } from '../api/typen.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { bedrag, datum, TERMIJNSOORT, vandaag, woord } from '../opmaak.ts';
import { Foutoverzicht, Keuzelijst, Keuzerondjes, Tekstveld, Tekstvak } from '../onderdelen/formulier.tsx';
import { Laden, Leeg, Melding, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

const plusMaanden = (d: string, n: number) => {
  const [j, m] = d.split('-').map(Number);
  const t = new Date(Date.UTC(j!, m! - 1 + n, 1));
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-28`;
};

/** The casemanager's agenda: her open terms, overdue first, each one to mark handled. */
function AgendaScherm({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Agenda');
  const [tot, zetTot] = useState(plusMaanden(vandaag(), 3));
  const [wie, zetWie] = useState<'ik' | 'iedereen'>('ik');
  const [gevraagd, zetGevraagd] = useState({ tot, wie });
  const [agenda, opnieuw] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/agenda', {
        params: {
          path: { gemeente: gemeente.slug },
          query: { tot: gevraagd.tot, casemanager: gevraagd.wie },
        },
      }),
    [gemeente.slug, gevraagd],
  );
  const [open, zetOpen] = useState<number>();
  const [melding, zetMelding] = useState<string>();
  return (
    <>
      <Heading1>Agenda</Heading1>
      <form
        className="zoekregel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          zetGevraagd({ tot, wie });
        }}
      >
        <Tekstveld
          id="tot"
          type="date"
          breedte="smal"
          label="Tot en met"
          waarde={tot}
          bijWijziging={zetTot}
        />
        <Keuzelijst
          id="wie"
          label="Van wie"
          waarde={wie}
          bijWijziging={(w) => zetWie(w as 'ik' | 'iedereen')}
          opties={[
            { waarde: 'ik', label: 'Mijn cliënten' },
            { waarde: 'iedereen', label: 'Alle cliënten van de gemeente' },
          ]}
        />
        <Button type="submit" appearance="secondary-action-button">
          Tonen
        </Button>
      </form>
      {melding && <Melding soort="ok" titel={melding} />}
      {agenda.soort === 'laden' && <Laden wat="De agenda" />}
      {agenda.soort === 'fout' && <ProbleemMelding probleem={agenda.probleem} />}
      {agenda.soort === 'klaar' && (
        <>
          <Paragraph aria-live="polite">
            {agenda.data.punten.length === 0
              ? ''
              : `${agenda.data.punten.length} open ${agenda.data.punten.length === 1 ? 'termijn' : 'termijnen'} tot en met ${datum(gevraagd.tot)}, waarvan ${agenda.data.teLaat} te laat.`}
          </Paragraph>
          {agenda.data.punten.length === 0 ? (
            <Leeg>Er staat niets open tot en met {datum(gevraagd.tot)}.</Leeg>
          ) : (
            <Table className="tabel">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Datum</TableHeaderCell>
                  <TableHeaderCell scope="col">Wat</TableHeaderCell>
                  <TableHeaderCell scope="col">Cliënt</TableHeaderCell>
                  <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
                  <TableHeaderCell scope="col">Omschrijving</TableHeaderCell>
                  <TableHeaderCell scope="col" className="getal">
                    Bedrag
                  </TableHeaderCell>
                  <TableHeaderCell scope="col">Actie</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {agenda.data.punten.map((p) => (
                  <TableRow key={p.id} className={p.teLaat ? 'rij--te-laat' : undefined}>
                    <TableCell>
                      {datum(p.datum)}
                      {p.teLaat && <strong className="te-laat"> te laat</strong>}
                    </TableCell>
                    <TableCell>{TERMIJNSOORT[p.soort] ?? p.soort}</TableCell>
                    <TableCell>
                      <Link to={`/${gemeente.slug}/clienten/${p.inwonerId}`}>{p.naam}</Link>
                      <span className="hint"> ({p.klantnummer})</span>
                    </TableCell>
                    <TableCell>{woord(p.voorziening)}</TableCell>
                    <TableCell>{p.omschrijving}</TableCell>
                    <TableCell className="getal">
                      {p.bedragCent === null ? (
                        p.bedragReden ? (
                          <span className="hint">{p.bedragReden}</span>
                        ) : (
                          '–'
                        )
                      ) : (
                        bedrag(p.bedragCent)
                      )}
                    </TableCell>
                    <TableCell>
                      <Button
                        appearance="secondary-action-button"
                        aria-expanded={open === p.id}
                        aria-controls={`afhandelen-${p.id}`}
                        onClick={() => zetOpen(open === p.id ? undefined : p.id)}
                      >
                        Afhandelen
                        <span className="verborgen">
                          : {TERMIJNSOORT[p.soort] ?? p.soort} van {p.naam} op {datum(p.datum)}
                        </span>
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {agenda.data.punten
            .filter((p) => p.id === open)
            .map((p) => (
              <Afhandelen
                key={p.id}
                gemeente={gemeente}
                punt={p}
                gedaan={(t) => {
                  zetOpen(undefined);
                  zetMelding(t);
                  opnieuw();
                }}
              />
            ))}
        </>
      )}
    </>
  );
}

function Afhandelen({
  gemeente,
  punt,
  gedaan,
}: {
  gemeente: Gemeente;
  punt: Agendapunt;
  gedaan: (t: string) => void;
}) {
  const [toelichting, zetToelichting] = useState('');
  const [meegewerkt, zetMeegewerkt] = useState('');
  const [fouten, zetFouten] = useState<{ veld?: string; bericht: string }[]>([]);
  const sleutel = useRef(nieuweSleutel());
  const premie = punt.soort === 'premie';
  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const nieuw: { veld?: string; bericht: string }[] = [];
    if (premie && !meegewerkt)
      nieuw.push({ veld: 'afh-meegewerkt', bericht: 'Kies of de cliënt voldoende heeft meegewerkt' });
    if (toelichting.trim().length < 3)
      nieuw.push({ veld: 'afh-toelichting', bericht: 'Schrijf kort wat u hebt gedaan of besloten' });
    zetFouten(nieuw);
    if (nieuw.length > 0) return;
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/termijnen/{id}/afhandeling', {
        params: { path: { gemeente: gemeente.slug, id: punt.id } },
        body: {
          toelichting: toelichting.trim(),
          ...(premie ? { voldoendeMeegewerkt: meegewerkt === 'ja' } : {}),
        },
        headers: { 'idempotency-key': sleutel.current },
      }),
    );
    if (!u.ok)
      return zetFouten(
        u.probleem.velden.length
          ? u.probleem.velden.map((v) => ({
              veld: v.pad === 'voldoendeMeegewerkt' ? 'afh-meegewerkt' : 'afh-toelichting',
              bericht: v.bericht,
            }))
          : [{ bericht: u.probleem.titel }],
      );
    gedaan(
      premie
        ? `De premie van ${punt.naam} is ${meegewerkt === 'ja' ? 'goedgekeurd voor betaling' : 'niet uitbetaald: onvoldoende meegewerkt'}.`
        : `${TERMIJNSOORT[punt.soort] ?? punt.soort} van ${punt.naam} is afgehandeld.`,
    );
  }
  return (
    <form
      id={`afhandelen-${punt.id}`}
      className="formulier paneel"
      onSubmit={verstuur}
      noValidate
      aria-labelledby="afh-titel"
    >
      <Heading2 id="afh-titel">
        {TERMIJNSOORT[punt.soort] ?? punt.soort} van {punt.naam} afhandelen
      </Heading2>
      <Paragraph>{punt.omschrijving}</Paragraph>
      <Foutoverzicht fouten={fouten} />
      {premie && (
        <Keuzerondjes
          id="afh-meegewerkt"
          label="Heeft de cliënt voldoende meegewerkt?"
          hint={`De premie wordt alleen uitbetaald als de cliënt voldoende heeft meegewerkt (artikel ${punt.artikel}).`}
          waarde={meegewerkt}
          bijWijziging={zetMeegewerkt}
          opties={[
            { waarde: 'ja', label: 'Ja, uitbetalen' },
            { waarde: 'nee', label: 'Nee, niet uitbetalen' },
          ]}
          fout={fouten.find((f) => f.veld === 'afh-meegewerkt')?.bericht}
        />
      )}
      <Tekstvak
        id="afh-toelichting"
        label="Toelichting"
        waarde={toelichting}
        bijWijziging={zetToelichting}
        fout={fouten.find((f) => f.veld === 'afh-toelichting')?.bericht}
      />
      <Button type="submit" appearance="primary-action-button">
        Afgehandeld
      </Button>
    </form>
  );
}

/** Reads personal data for 'caseload bekijken' (or the purpose chosen for it, see ../doelen.tsx). */
export const Agenda = metDoel('caseload bekijken', AgendaScherm);
