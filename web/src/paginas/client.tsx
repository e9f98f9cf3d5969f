import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { api, nieuweSleutel } from '../api/klant.ts';
import { metDoel } from '../doelen.tsx';
import type { Probleem } from '../api/probleem.ts';
import type { Dossier } from '../api/typen.ts';
import { useFeiten } from '../feiten.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import {
  BESCHIKKINGSOORT,
  bedrag,
  datum,
  feitwaarde,
  TERMIJNSOORT,
  tijdstip,
  vandaag,
  woord,
} from '../opmaak.ts';
import { FeitInvoer, feitLabel, feitWaardeUit } from '../onderdelen/feitinvoer.tsx';
import { Foutoverzicht, Keuzelijst, Tekstveld, Tekstvak } from '../onderdelen/formulier.tsx';
import { Laden, Leeg, Melding, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';
import { BEZWAARUITKOMST, BezwaarUitkomst } from './bezwaar-uitkomst.tsx';
import { NieuweAanvraag } from './nieuwe-aanvraag.tsx';
import { NietGevonden } from './niet-gevonden.tsx';

type Fout = { veld?: string | undefined; bericht: string };

/** Field ids of the forms, by the field path the API names in its errors. */
const veldfouten = (p: Probleem, velden: Record<string, string>): Fout[] => {
  const per = p.velden.map((v) => ({
    veld: velden[v.pad.split('.')[0]!] ?? velden[v.pad],
    bericht: zin(v.bericht),
  }));
  return per.length > 0 ? per : [{ bericht: p.titel }];
};
const zin = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** The client's file: facts with history and source, running voorzieningen, decisions, requests, terms. */
function ClientScherm({ gemeente }: { gemeente: Gemeente }) {
  const { id = '' } = useParams();
  const [dossier, opnieuw] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/dossiers/{id}', { params: { path: { gemeente: gemeente.slug, id } } }),
    [gemeente.slug, id],
  );
  // A message from the screen that led here (a registration), shown once.
  const herkomst = useLocation().state as { melding?: unknown } | null;
  const [melding, zetMelding] = useState<string | undefined>(
    typeof herkomst?.melding === 'string' ? herkomst.melding : undefined,
  );
  useTitel(dossier.soort === 'klaar' ? dossier.data.inwoner.naam : 'Cliënt');
  if (dossier.soort === 'laden') return <Laden wat="Het dossier" />;
  if (dossier.soort === 'fout')
    return dossier.probleem.status === 404 ? (
      <NietGevonden />
    ) : (
      <ProbleemMelding probleem={dossier.probleem} />
    );
  const d = dossier.data;
  const gedaan = (tekst: string) => {
    zetMelding(tekst);
    opnieuw();
  };
  return (
    <>
      <Paragraph className="terug">
        <Link to={`/${gemeente.slug}/clienten`}>Terug naar cliënten</Link>
      </Paragraph>
      <Heading1>{d.inwoner.naam}</Heading1>
      {melding && <Melding soort="ok" titel={melding} />}
      <Gegevens gemeente={gemeente} dossier={d} />
      <ButtonGroup className="acties">
        <Link
          className="utrecht-button utrecht-button--primary-action knop-link"
          to={`/${gemeente.slug}/clienten/${id}/aanbod`}
        >
          Wat kan ik aanbieden?
        </Link>
      </ButtonGroup>
      <Voorzieningen gemeente={gemeente} dossier={d} gedaan={gedaan} />
      <Beschikkingen gemeente={gemeente} dossier={d} gedaan={gedaan} />
      <Aanvragen gemeente={gemeente} dossier={d} gedaan={gedaan} />
      <Termijnen dossier={d} />
      <Feiten gemeente={gemeente} dossier={d} gedaan={gedaan} />
    </>
  );
}

function Gegevens({ gemeente, dossier }: { gemeente: Gemeente; dossier: Dossier }) {
  const [volledig, zetVolledig] = useState<string>();
  const [fout, zetFout] = useState<Probleem>();
  const i = dossier.inwoner;
  async function toonBsn() {
    const u = await voerUit(() =>
      api.GET('/gemeenten/{gemeente}/inwoners/{id}', {
        params: { path: { gemeente: gemeente.slug, id: i.id }, query: { volledigBsn: 'true' } },
        headers: { 'x-doel': 'identificatie inwoner' },
      }),
    );
    if (u.ok && typeof u.data.bsn === 'string') zetVolledig(u.data.bsn);
    else if (!u.ok) zetFout(u.probleem);
  }
  return (
    <section aria-labelledby="gegevens">
      <Heading2 id="gegevens">Gegevens</Heading2>
      <DataList className="gegevens">
        <DataListItem>
          <DataListKey>Klantnummer</DataListKey>
          <DataListValue>{i.klantnummer}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Geboortedatum</DataListKey>
          <DataListValue>{datum(i.geboortedatum)}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>BSN</DataListKey>
          <DataListValue>
            {volledig ?? (
              <span aria-label={`afgeschermd, eindigt op ${i.bsn.slice(-3).split('').join(' ')}`}>
                {i.bsn}
              </span>
            )}{' '}
            {!volledig && (
              <Button appearance="subtle-button" onClick={toonBsn}>
                Toon volledig BSN
              </Button>
            )}
            {volledig && (
              <span className="hint">
                {' '}
                (getoond om de inwoner te identificeren; dit staat in het auditspoor)
              </span>
            )}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Casemanager</DataListKey>
          <DataListValue>{i.casemanager ?? '–'}</DataListValue>
        </DataListItem>
      </DataList>
      {fout && <ProbleemMelding probleem={fout} />}
    </section>
  );
}

function Voorzieningen({
  gemeente,
  dossier,
  gedaan,
}: {
  gemeente: Gemeente;
  dossier: Dossier;
  gedaan: (t: string) => void;
}) {
  const lopend = dossier.beschikkingen.filter((b) => b.lopend);
  const [open, zetOpen] = useState<string>();
  return (
    <section aria-labelledby="lopend">
      <Heading2 id="lopend">Lopende voorzieningen</Heading2>
      {lopend.length === 0 ? (
        <Leeg>Er loopt nu geen voorziening.</Leeg>
      ) : (
        <Table className="tabel">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
              <TableHeaderCell scope="col">Ingang</TableHeaderCell>
              <TableHeaderCell scope="col">Einde</TableHeaderCell>
              <TableHeaderCell scope="col" className="getal">
                Per jaar
              </TableHeaderCell>
              <TableHeaderCell scope="col">Actie</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lopend.map((b) => (
              <TableRow key={b.id}>
                <TableCell>{woord(b.voorziening)}</TableCell>
                <TableCell>{datum(b.ingangsdatum)}</TableCell>
                <TableCell>{datum(b.einddatum)}</TableCell>
                <TableCell className="getal">{bedrag(b.jaarbedragCent)}</TableCell>
                <TableCell>
                  <Button
                    appearance="secondary-action-button"
                    aria-expanded={open === b.id}
                    aria-controls={`beeindig-${b.id}`}
                    onClick={() => zetOpen(open === b.id ? undefined : b.id)}
                  >
                    Beëindigen<span className="verborgen"> ({woord(b.voorziening)})</span>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {lopend
        .filter((b) => b.id === open)
        .map((b) => (
          <Beeindigen
            key={b.id}
            gemeente={gemeente}
            beschikking={b}
            gedaan={(t) => (zetOpen(undefined), gedaan(t))}
          />
        ))}
    </section>
  );
}

function Beeindigen({
  gemeente,
  beschikking,
  gedaan,
}: {
  gemeente: Gemeente;
  beschikking: Dossier['beschikkingen'][number];
  gedaan: (t: string) => void;
}) {
  const [datumEinde, zetDatum] = useState(vandaag());
  const [grond, zetGrond] = useState('');
  const [motivering, zetMotivering] = useState('');
  const [verzonden, zetVerzonden] = useState(vandaag());
  const [fouten, zetFouten] = useState<Fout[]>([]);
  const [bezig, zetBezig] = useState(false);
  const sleutel = useRef(nieuweSleutel());
  const [gronden] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/beeindigingsgronden', {
        params: { path: { gemeente: gemeente.slug }, query: { datum: datumEinde } },
      }),
    [gemeente.slug, datumEinde],
  );
  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const nieuw: Fout[] = [];
    if (!datumEinde) nieuw.push({ veld: 'einde-datum', bericht: 'Vul de laatste dag van de voorziening in' });
    if (!grond) nieuw.push({ veld: 'einde-grond', bericht: 'Kies de grond uit de verordening' });
    if (motivering.trim().length < 10)
      nieuw.push({
        veld: 'einde-motivering',
        bericht: 'Schrijf waarom de voorziening eindigt (minstens 10 tekens)',
      });
    zetFouten(nieuw);
    if (nieuw.length > 0) return;
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/beschikkingen/{id}/beeindiging', {
        params: { path: { gemeente: gemeente.slug, id: beschikking.id } },
        body: { datum: datumEinde, grond, motivering, ...(verzonden ? { verzondenOp: verzonden } : {}) },
        headers: { 'idempotency-key': sleutel.current, 'x-doel': 'beschikking nemen' },
      }),
    );
    zetBezig(false);
    if (!u.ok)
      return zetFouten(
        veldfouten(u.probleem, {
          datum: 'einde-datum',
          grond: 'einde-grond',
          motivering: 'einde-motivering',
          verzondenOp: 'einde-verzonden',
        }),
      );
    sleutel.current = nieuweSleutel();
    gedaan(`${woord(beschikking.voorziening)} is beëindigd per ${datum(datumEinde)}.`);
  }
  const opties =
    gronden.soort === 'klaar'
      ? gronden.data.map((g) => ({
          waarde: g.code,
          // The article names the ground's letter ("lid 3 onder a"): no bare code before it.
          label: `${g.omschrijving.replace(/\.$/, '')} (art. ${g.artikel})`,
        }))
      : [];
  return (
    <form
      id={`beeindig-${beschikking.id}`}
      className="formulier paneel"
      onSubmit={verstuur}
      noValidate
      aria-labelledby={`beeindig-titel-${beschikking.id}`}
    >
      <Heading3 id={`beeindig-titel-${beschikking.id}`}>{woord(beschikking.voorziening)} beëindigen</Heading3>
      <Foutoverzicht fouten={fouten} />
      <Tekstveld
        id="einde-datum"
        type="date"
        breedte="smal"
        label="Laatste dag van de voorziening"
        waarde={datumEinde}
        bijWijziging={zetDatum}
        fout={fouten.find((f) => f.veld === 'einde-datum')?.bericht}
      />
      {gronden.soort === 'laden' && <Laden wat="De gronden uit de verordening" />}
      {gronden.soort === 'klaar' && opties.length === 0 && (
        <Melding soort="warning" titel="De verordening op deze datum noemt geen gronden voor beëindiging." />
      )}
      <Keuzelijst
        id="einde-grond"
        label="Grond uit de verordening"
        waarde={grond}
        bijWijziging={zetGrond}
        leeg="Kies een grond…"
        opties={opties}
        fout={fouten.find((f) => f.veld === 'einde-grond')?.bericht}
      />
      <Tekstvak
        id="einde-motivering"
        label="Motivering"
        hint="Dit komt in de beschikking. Schrijf in gewone taal waarom."
        waarde={motivering}
        bijWijziging={zetMotivering}
        fout={fouten.find((f) => f.veld === 'einde-motivering')?.bericht}
      />
      <Tekstveld
        id="einde-verzonden"
        type="date"
        breedte="smal"
        label="Verzonden op"
        hint="Vanaf de dag na verzending loopt de bezwaartermijn van 6 weken."
        waarde={verzonden}
        bijWijziging={zetVerzonden}
        fout={fouten.find((f) => f.veld === 'einde-verzonden')?.bericht}
      />
      <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
        Beëindiging vastleggen
      </Button>
    </form>
  );
}

function Beschikkingen({
  gemeente,
  dossier,
  gedaan,
}: {
  gemeente: Gemeente;
  dossier: Dossier;
  gedaan: (t: string) => void;
}) {
  const [open, zetOpen] = useState<string>();
  const [uitkomstOpen, zetUitkomstOpen] = useState<string>();
  return (
    <section aria-labelledby="beschikkingen">
      <Heading2 id="beschikkingen">Beschikkingen</Heading2>
      {dossier.beschikkingen.length === 0 ? (
        <Leeg>Er is nog geen beschikking genomen.</Leeg>
      ) : (
        <Table className="tabel">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Besluit</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
              <TableHeaderCell scope="col">Verzonden</TableHeaderCell>
              <TableHeaderCell scope="col">Bezwaar</TableHeaderCell>
              <TableHeaderCell scope="col">Actie</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {dossier.beschikkingen.map((b) => (
              <TableRow key={b.id}>
                <TableCell>
                  {datum(b.besluitdatum)}
                  <div>
                    <Link to={`/${gemeente.slug}/beschikkingen/${b.id}/brief`}>
                      Brief<span className="verborgen"> bij de beschikking van {datum(b.besluitdatum)}</span>
                    </Link>
                  </div>
                </TableCell>
                <TableCell>
                  {BESCHIKKINGSOORT[b.soort] ?? b.soort}
                  {b.beeindigdOp && <span className="hint"> (beëindigd per {datum(b.beeindigdOp)})</span>}
                  {b.soort === 'beeindiging' && b.beeindigingsgrond && (
                    <Grond gemeente={gemeente} code={b.beeindigingsgrond} datum={b.besluitdatum} />
                  )}
                </TableCell>
                <TableCell>{woord(b.voorziening)}</TableCell>
                <TableCell>{datum(b.verzondenOp)}</TableCell>
                <TableCell>
                  {b.bezwaren.length === 0
                    ? '–'
                    : b.bezwaren.map((z) => (
                        <div key={z.id}>
                          ontvangen {datum(z.ontvangenOp)}, {z.tijdig ? 'op tijd' : 'te laat'}
                          {z.uitkomst ? `, ${BEZWAARUITKOMST[z.uitkomst] ?? z.uitkomst}` : ', in behandeling'}
                          {!z.uitkomst && (
                            <>
                              {' '}
                              <Button
                                appearance="subtle-button"
                                aria-expanded={uitkomstOpen === z.id}
                                aria-controls={`uitkomst-${z.id}`}
                                onClick={() => zetUitkomstOpen(uitkomstOpen === z.id ? undefined : z.id)}
                              >
                                Uitkomst vastleggen
                                <span className="verborgen"> (bezwaar ontvangen {datum(z.ontvangenOp)})</span>
                              </Button>
                            </>
                          )}
                          {z.uitkomst && (
                            <>
                              {' '}
                              <Link to={`/${gemeente.slug}/beschikkingen/${b.id}/bezwaren/${z.id}/brief`}>
                                brief<span className="verborgen"> over dit bezwaar</span>
                              </Link>
                            </>
                          )}
                        </div>
                      ))}
                </TableCell>
                <TableCell>
                  {b.verzondenOp ? (
                    <Button
                      appearance="secondary-action-button"
                      aria-expanded={open === b.id}
                      aria-controls={`bezwaar-${b.id}`}
                      onClick={() => zetOpen(open === b.id ? undefined : b.id)}
                    >
                      Bezwaar registreren
                      <span className="verborgen">
                        {' '}
                        tegen {BESCHIKKINGSOORT[b.soort]?.toLowerCase()} van {datum(b.besluitdatum)}
                      </span>
                    </Button>
                  ) : (
                    <span className="hint">niet verzonden</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {dossier.beschikkingen.flatMap((b) =>
        b.bezwaren
          .filter((z) => z.id === uitkomstOpen)
          .map((z) => (
            <div id={`uitkomst-${z.id}`} key={z.id}>
              <BezwaarUitkomst
                gemeente={gemeente}
                beschikkingId={b.id}
                bezwaarId={z.id}
                gedaan={(t) => (zetUitkomstOpen(undefined), gedaan(t))}
              />
            </div>
          )),
      )}
      {dossier.beschikkingen
        .filter((b) => b.id === open)
        .map((b) => (
          <Bezwaar
            key={b.id}
            gemeente={gemeente}
            beschikking={b}
            gedaan={(t) => (zetOpen(undefined), gedaan(t))}
          />
        ))}
    </section>
  );
}

/**
 * The end ground by its description in the ordinance, as chosen on the day of the ending (the
 * version in force then names the grounds); the code only while the name loads or is not found.
 */
function Grond({ gemeente, code, datum: dag }: { gemeente: Gemeente; code: string; datum: string }) {
  const [gronden] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/beeindigingsgronden', {
        params: { path: { gemeente: gemeente.slug }, query: { datum: dag } },
      }),
    [gemeente.slug, dag],
  );
  const g = gronden.soort === 'klaar' ? gronden.data.find((x) => x.code === code) : undefined;
  return (
    <span className="hint">
      {' '}
      (
      {g
        ? `${g.omschrijving.replace(/\.$/, '')}, art. ${g.artikel}`
        : gronden.soort === 'laden'
          ? 'grond laden…'
          : `grond ${code}`}
      )
    </span>
  );
}

function Bezwaar({
  gemeente,
  beschikking,
  gedaan,
}: {
  gemeente: Gemeente;
  beschikking: Dossier['beschikkingen'][number];
  gedaan: (t: string) => void;
}) {
  const [ontvangen, zetOntvangen] = useState(vandaag());
  const [post, zetPost] = useState('');
  const [fouten, zetFouten] = useState<Fout[]>([]);
  const sleutel = useRef(nieuweSleutel());
  async function verstuur(e: FormEvent) {
    e.preventDefault();
    if (!ontvangen)
      return zetFouten([{ veld: 'bezwaar-ontvangen', bericht: 'Vul in wanneer het bezwaar binnenkwam' }]);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren', {
        params: { path: { gemeente: gemeente.slug, id: beschikking.id } },
        body: { ontvangenOp: ontvangen, ...(post ? { terPostBezorgdOp: post } : {}) },
        headers: { 'idempotency-key': sleutel.current, 'x-doel': 'bezwaar behandelen' },
      }),
    );
    if (!u.ok)
      return zetFouten(
        veldfouten(u.probleem, { ontvangenOp: 'bezwaar-ontvangen', terPostBezorgdOp: 'bezwaar-post' }),
      );
    sleutel.current = nieuweSleutel();
    const r = u.data as { termijnEinde?: string; tijdig?: boolean };
    gedaan(
      `Bezwaar geregistreerd. De termijn liep tot en met ${datum(r.termijnEinde)}: het bezwaar is ${r.tijdig ? 'op tijd' : 'te laat'}.`,
    );
  }
  return (
    <form
      id={`bezwaar-${beschikking.id}`}
      className="formulier paneel"
      onSubmit={verstuur}
      noValidate
      aria-labelledby={`bezwaar-titel-${beschikking.id}`}
    >
      <Heading3 id={`bezwaar-titel-${beschikking.id}`}>
        Bezwaar tegen de {BESCHIKKINGSOORT[beschikking.soort]?.toLowerCase()} van{' '}
        {datum(beschikking.besluitdatum)}
      </Heading3>
      <Foutoverzicht fouten={fouten} />
      <Tekstveld
        id="bezwaar-ontvangen"
        type="date"
        breedte="smal"
        label="Ontvangen op"
        waarde={ontvangen}
        bijWijziging={zetOntvangen}
        fout={fouten.find((f) => f.veld === 'bezwaar-ontvangen')?.bericht}
      />
      <Tekstveld
        id="bezwaar-post"
        type="date"
        breedte="smal"
        label="Ter post bezorgd op (als het per post kwam)"
        hint="Een bezwaar dat op de laatste dag op de post ging, is op tijd als het binnen een week binnenkomt."
        waarde={post}
        bijWijziging={zetPost}
        fout={fouten.find((f) => f.veld === 'bezwaar-post')?.bericht}
      />
      <Button type="submit" appearance="primary-action-button">
        Bezwaar registreren
      </Button>
    </form>
  );
}

function Aanvragen({
  gemeente,
  dossier,
  gedaan,
}: {
  gemeente: Gemeente;
  dossier: Dossier;
  gedaan: (t: string) => void;
}) {
  const open = dossier.aanvragen.filter((a) => a.status === 'open');
  const [nieuw, zetNieuw] = useState(false);
  return (
    <section aria-labelledby="aanvragen">
      <Heading2 id="aanvragen">Open aanvragen</Heading2>
      {open.length === 0 ? (
        <Leeg>Er is geen open aanvraag.</Leeg>
      ) : (
        <Table className="tabel">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
              <TableHeaderCell scope="col">Soort</TableHeaderCell>
              <TableHeaderCell scope="col">Ontvangen</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {open.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{woord(a.voorziening)}</TableCell>
                <TableCell>{a.soort === 'ambtshalve' ? 'ambtshalve' : 'aanvraag'}</TableCell>
                <TableCell>{datum(a.ontvangenOp)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {nieuw ? (
        <NieuweAanvraag
          gemeente={gemeente}
          dossier={dossier}
          gedaan={(t) => (zetNieuw(false), gedaan(t))}
          annuleer={() => zetNieuw(false)}
        />
      ) : (
        <Button appearance="secondary-action-button" onClick={() => zetNieuw(true)}>
          Nieuwe aanvraag registreren
        </Button>
      )}
    </section>
  );
}

function Termijnen({ dossier }: { dossier: Dossier }) {
  return (
    <section aria-labelledby="termijnen">
      <Heading2 id="termijnen">Termijnen</Heading2>
      {dossier.termijnen.length === 0 ? (
        <Leeg>Er staat geen termijn open.</Leeg>
      ) : (
        <Table className="tabel">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Datum</TableHeaderCell>
              <TableHeaderCell scope="col">Wat</TableHeaderCell>
              <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
              <TableHeaderCell scope="col">Omschrijving</TableHeaderCell>
              <TableHeaderCell scope="col" className="getal">
                Bedrag
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {dossier.termijnen.map((t) => (
              <TableRow key={t.id}>
                <TableCell>
                  {datum(t.datum)}
                  {t.teLaat && <strong className="te-laat"> te laat</strong>}
                </TableCell>
                <TableCell>{TERMIJNSOORT[t.soort] ?? t.soort}</TableCell>
                <TableCell>{woord(t.voorziening)}</TableCell>
                <TableCell>{t.omschrijving}</TableCell>
                <TableCell className="getal">{t.bedragCent === null ? '–' : bedrag(t.bedragCent)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function Feiten({
  gemeente,
  dossier,
  gedaan,
}: {
  gemeente: Gemeente;
  dossier: Dossier;
  gedaan: (t: string) => void;
}) {
  const feiten = useFeiten(gemeente.slug);
  const perFeit = useMemo(() => {
    const m = new Map<string, Dossier['feiten'][number][]>();
    for (const f of dossier.feiten) m.set(f.naam, [...(m.get(f.naam) ?? []), f]);
    return m;
  }, [dossier.feiten]);
  const [wijzig, zetWijzig] = useState(false);
  const naam = (n: string) => (feiten?.get(n) ? feitLabel(feiten.get(n)!) : woord(n));
  const vandaagDag = vandaag();
  return (
    <section aria-labelledby="feiten">
      <Heading2 id="feiten">Feiten</Heading2>
      <Paragraph>Per feit de waarde die nu geldt, met de bron. Eerdere waarden blijven bewaard.</Paragraph>
      {perFeit.size === 0 ? (
        <Leeg>Er zijn nog geen feiten vastgelegd.</Leeg>
      ) : (
        <Table className="tabel">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Feit</TableHeaderCell>
              <TableHeaderCell scope="col">Waarde nu</TableHeaderCell>
              <TableHeaderCell scope="col">Geldt vanaf</TableHeaderCell>
              <TableHeaderCell scope="col">Bron</TableHeaderCell>
              <TableHeaderCell scope="col">Eerdere waarden</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {[...perFeit].map(([n, waarden]) => {
              const nu = waarden.find((w) => w.geldigVanaf <= vandaagDag) ?? waarden[0]!;
              const rest = waarden.filter((w) => w !== nu);
              return (
                <TableRow key={n}>
                  <TableHeaderCell scope="row">{naam(n)}</TableHeaderCell>
                  <TableCell>{feitwaarde(nu.waarde)}</TableCell>
                  <TableCell>{datum(nu.geldigVanaf)}</TableCell>
                  <TableCell>
                    {nu.bron}
                    <span className="hint"> (vastgelegd door {nu.vastgelegdDoor})</span>
                  </TableCell>
                  <TableCell>
                    {rest.length === 0 ? (
                      '–'
                    ) : (
                      <details>
                        <summary>
                          {rest.length} eerdere<span className="verborgen"> waarden van {naam(n)}</span>
                        </summary>
                        <ul className="geschiedenis">
                          {rest.map((w, i) => (
                            <li key={i}>
                              {feitwaarde(w.waarde)} vanaf {datum(w.geldigVanaf)} ({w.bron};{' '}
                              {w.vastgelegdDoor}, {tijdstip(w.vastgelegdOp)})
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {!wijzig ? (
        <Button appearance="secondary-action-button" onClick={() => zetWijzig(true)}>
          Feit wijzigen of toevoegen
        </Button>
      ) : (
        feiten && (
          <FeitWijzigen
            gemeente={gemeente}
            inwonerId={dossier.inwoner.id}
            feiten={[...feiten.values()].filter((f) => f.bron === 'feiten' && f.naam !== 'geboortedatum')}
            gedaan={(t) => (zetWijzig(false), gedaan(t))}
            annuleer={() => zetWijzig(false)}
          />
        )
      )}
    </section>
  );
}

function FeitWijzigen({
  gemeente,
  inwonerId,
  feiten,
  gedaan,
  annuleer,
}: {
  gemeente: Gemeente;
  inwonerId: string;
  feiten: ReturnType<typeof useFeiten> extends ReadonlyMap<string, infer F> | undefined ? F[] : never;
  gedaan: (t: string) => void;
  annuleer: () => void;
}) {
  const [naam, zetNaam] = useState('');
  const [waarde, zetWaarde] = useState('');
  const [vanaf, zetVanaf] = useState(vandaag());
  const [bron, zetBron] = useState('');
  const [fouten, zetFouten] = useState<Fout[]>([]);
  const sleutel = useRef(nieuweSleutel());
  const feit = feiten.find((f) => f.naam === naam);
  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const nieuw: Fout[] = [];
    if (!feit) nieuw.push({ veld: 'feit-naam', bericht: 'Kies welk feit u vastlegt' });
    const w = feit ? feitWaardeUit(feit, waarde) : undefined;
    if (w && !w.ok) nieuw.push({ veld: 'feit-waarde', bericht: w.bericht });
    if (!vanaf) nieuw.push({ veld: 'feit-vanaf', bericht: 'Vul in vanaf welke datum het feit geldt' });
    if (bron.trim().length < 2)
      nieuw.push({ veld: 'feit-bron', bericht: 'Vul de bron in: waar komt dit feit vandaan?' });
    zetFouten(nieuw);
    if (nieuw.length > 0 || !feit || !w?.ok) return;
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/inwoners/{id}/feiten', {
        params: { path: { gemeente: gemeente.slug, id: inwonerId } },
        body: { naam, waarde: w.waarde, geldigVanaf: vanaf, bron: bron.trim() },
        headers: { 'idempotency-key': sleutel.current },
      }),
    );
    if (!u.ok)
      return zetFouten(
        veldfouten(u.probleem, {
          naam: 'feit-naam',
          waarde: 'feit-waarde',
          geldigVanaf: 'feit-vanaf',
          bron: 'feit-bron',
        }),
      );
    sleutel.current = nieuweSleutel();
    gedaan(
      `${feitLabel(feit)} is vastgelegd vanaf ${datum(vanaf)}. De vorige waarde staat in de geschiedenis.`,
    );
  }
  return (
    <form className="formulier paneel" onSubmit={verstuur} noValidate aria-labelledby="feit-titel">
      <Heading3 id="feit-titel">Feit wijzigen of toevoegen</Heading3>
      <Foutoverzicht fouten={fouten} />
      <Keuzelijst
        id="feit-naam"
        label="Welk feit?"
        waarde={naam}
        bijWijziging={(n) => (zetNaam(n), zetWaarde(''))}
        leeg="Kies een feit…"
        opties={feiten.map((f) => ({ waarde: f.naam, label: feitLabel(f) }))}
        fout={fouten.find((f) => f.veld === 'feit-naam')?.bericht}
      />
      {feit && (
        <FeitInvoer
          id="feit-waarde"
          feit={feit}
          label="Nieuwe waarde"
          waarde={waarde}
          bijWijziging={zetWaarde}
          fout={fouten.find((f) => f.veld === 'feit-waarde')?.bericht}
        />
      )}
      <Tekstveld
        id="feit-vanaf"
        type="date"
        breedte="smal"
        label="Geldt vanaf"
        hint="De oude waarde blijft gelden tot deze datum."
        waarde={vanaf}
        bijWijziging={zetVanaf}
        fout={fouten.find((f) => f.veld === 'feit-vanaf')?.bericht}
      />
      <Tekstveld
        id="feit-bron"
        label="Bron"
        hint="Bijvoorbeeld: gesprek 3 maart, brief UWV, diploma gezien"
        waarde={bron}
        bijWijziging={zetBron}
        breedte="breed"
        fout={fouten.find((f) => f.veld === 'feit-bron')?.bericht}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button">
          Feit vastleggen
        </Button>
        <Button type="button" appearance="subtle-button" onClick={annuleer}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Reads personal data for 'uitvoering re-integratie' (or the purpose chosen for it, see ../doelen.tsx). */
export const Client = metDoel('uitvoering re-integratie', ClientScherm);
