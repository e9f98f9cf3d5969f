import {
  Button,
  ButtonGroup,
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
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, zetDoel } from '../api/klant.ts';
import type { Probleem } from '../api/probleem.ts';
import type { Antwoord } from '../api/typen.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { datum } from '../opmaak.ts';
import { Downloadknop } from '../onderdelen/downloaden.tsx';
import { Foutoverzicht, Keuzelijst, Tekstveld, Tekstvak } from '../onderdelen/formulier.tsx';
import { ImpactUitslag } from '../onderdelen/impactuitslag.tsx';
import { NieuweOordelenUitslag } from '../onderdelen/nieuweoordelen.tsx';
import { Laden, Leeg, Melding, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';
import { STATUS } from './ontwerpen.tsx';

/**
 * The shape of a stored draft as GET /ontwerpen/{id} gives it (the API describes that answer as a
 * general object; these are the fields src/administratie/ontwerpen.ts returns).
 */
interface Punt {
  id: string;
  thema: string;
  artikelen: { artikel: string; lid?: number }[];
  advies: string;
  reactie: { uitkomst: string; uitkomstToelichting: string; tekst: string } | { onbekend: string };
}
interface Ronde {
  id: string;
  ronde: {
    adviesorganen: { naam: string }[];
    onderwerp: string;
    gevraagdOp: string | { onbekend: string };
    ontvangenOp: string | { onbekend: string };
    punten: Punt[];
  };
}
interface Ontwerp {
  id: string;
  regeling: string;
  geldigVanaf: string;
  bestandsnaam: string;
  inhoud: string;
  status: 'ontwerp' | 'raadsvoorstel' | 'vastgesteld';
  besluitdatum: string | null;
  teksten: Record<string, string>;
  versie: number;
  rondes: Ronde[];
}
type Cijfers = Antwoord<'/gemeenten/{gemeente}/ontwerpen/{id}/cijfers', 'get'>;

const UITKOMSTEN = [
  { waarde: 'overgenomen', label: 'Overgenomen' },
  { waarde: 'deels-overgenomen', label: 'Deels overgenomen' },
  { waarde: 'niet-overgenomen', label: 'Niet overgenomen' },
  { waarde: 'ter-kennisname', label: 'Ter kennisname' },
];
const UITKOMST_WOORD = Object.fromEntries(UITKOMSTEN.map((u) => [u.waarde, u.label.toLowerCase()]));
const ORGAANSOORTEN = [
  { waarde: 'clientenraad', label: 'Cliëntenraad' },
  { waarde: 'adviesraad-sociaal-domein', label: 'Adviesraad sociaal domein' },
  { waarde: 'participatieraad', label: 'Participatieraad' },
  { waarde: 'raad-voor-clientenparticipatie', label: 'Raad voor cliëntenparticipatie' },
  { waarde: 'anders', label: 'Anders' },
];
/** The raadsvoorstel's free-text parts (the keys of PUT …/teksten). */
const TEKSTEN = [
  { sleutel: 'samenvatting', label: 'Samenvatting van het voorstel' },
  { sleutel: 'aanleiding', label: 'Aanleiding (toelichting bij de landelijke wijzigingen)' },
  { sleutel: 'keuzes', label: 'Keuzes en alternatieven' },
  { sleutel: 'financieel', label: 'Toelichting op de financiële gevolgen' },
  { sleutel: 'overgangsrecht', label: 'Overgangsrecht (toelichting)' },
  { sleutel: 'communicatie', label: 'Communicatie en uitvoering' },
] as const;
const SOORT: Record<string, string> = {
  vervallen: 'Grondslag vervallen',
  gewijzigd: 'Grondslag gewijzigd',
  strijdig: 'Meer dan de wet toestaat',
  afwijking: 'Afwijking',
};
const datumOf = (d: string | { onbekend: string }) => (typeof d === 'string' ? datum(d) : 'onbekend');
const artikelTekst = (a: { artikel: string; lid?: number }) =>
  `artikel ${a.artikel}${a.lid !== undefined ? ` lid ${a.lid}` : ''}`;

/** One draft on its road to the council: text, figures, advice rounds, documents, adoption. */
export function OntwerpPagina({ gemeente }: { gemeente: Gemeente }) {
  const { id = '' } = useParams();
  useTitel('Ontwerp');
  // A draft, its rounds and documents hold no personal data; the impact only counts.
  useEffect(() => zetDoel(undefined), []);
  const pad = { gemeente: gemeente.slug, id };
  const [o, opnieuw] = useLees(
    () => api.GET('/gemeenten/{gemeente}/ontwerpen/{id}', { params: { path: pad } }),
    [gemeente.slug, id],
  );
  if (o.soort === 'laden') return <Laden wat="Het ontwerp" />;
  if (o.soort === 'fout') return <ProbleemMelding probleem={o.probleem} />;
  const ontwerp = o.data as unknown as Ontwerp;
  return <Scherm gemeente={gemeente} ontwerp={ontwerp} opnieuw={opnieuw} />;
}

function Scherm({
  gemeente,
  ontwerp,
  opnieuw,
}: {
  gemeente: Gemeente;
  ontwerp: Ontwerp;
  opnieuw: () => void;
}) {
  const pad = { gemeente: gemeente.slug, id: ontwerp.id };
  const open = ontwerp.status === 'ontwerp';
  return (
    <>
      <p className="terug">
        <Link to={`/${gemeente.slug}/ontwerpen`}>Alle ontwerpen</Link>
      </p>
      <Heading1>
        Ontwerp {ontwerp.regeling} per {datum(ontwerp.geldigVanaf)}
      </Heading1>
      <dl className="gegevens">
        <dt>Stap</dt>
        <dd data-testid="ontwerp-status">{STATUS[ontwerp.status] ?? ontwerp.status}</dd>
        <dt>Gaat in op</dt>
        <dd>{datum(ontwerp.geldigVanaf)}</dd>
        <dt>Besluit van de raad</dt>
        <dd>{ontwerp.besluitdatum ? datum(ontwerp.besluitdatum) : 'nog niet'}</dd>
      </dl>
      {ontwerp.status === 'vastgesteld' && (
        <Melding soort="ok" titel={`Vastgesteld op ${datum(ontwerp.besluitdatum)}`}>
          <Paragraph>
            Vanaf {datum(ontwerp.geldigVanaf)} beoordeelt het systeem met deze versie: aanbod, beschikkingen,
            brieven, impact en toets aan de wet. Daarvóór blijft de vorige versie gelden.
          </Paragraph>
        </Melding>
      )}
      <TekstVanHetOntwerp ontwerp={ontwerp} pad={pad} open={open} opnieuw={opnieuw} />
      <CijfersVanHetOntwerp pad={pad} versie={ontwerp.versie} />
      <Adviesrondes gemeente={gemeente} ontwerp={ontwerp} pad={pad} open={open} opnieuw={opnieuw} />
      <Teksten ontwerp={ontwerp} pad={pad} opnieuw={opnieuw} />
      <NaarDeRaad ontwerp={ontwerp} pad={pad} opnieuw={opnieuw} />
    </>
  );
}

type Pad = { gemeente: string; id: string };

function TekstVanHetOntwerp({
  ontwerp,
  pad,
  open,
  opnieuw,
}: {
  ontwerp: Ontwerp;
  pad: Pad;
  open: boolean;
  opnieuw: () => void;
}) {
  const [tekst, zetTekst] = useState(ontwerp.inhoud);
  const [probleem, zetProbleem] = useState<Probleem>();
  const [bewaard, zetBewaard] = useState(false);
  const [bezig, zetBezig] = useState(false);
  async function bewaar(e: FormEvent) {
    e.preventDefault();
    zetBezig(true);
    zetBewaard(false);
    const u = await voerUit(() =>
      api.PUT('/gemeenten/{gemeente}/ontwerpen/{id}/inhoud', {
        params: { path: pad },
        body: { ontwerp: { bestandsnaam: ontwerp.bestandsnaam, regels: tekst.split(/\r?\n/) } },
      }),
    );
    zetBezig(false);
    if (u.ok) {
      zetProbleem(undefined);
      zetBewaard(true);
      opnieuw();
    } else zetProbleem(u.probleem);
  }
  return (
    <section aria-labelledby="tekst" className="stap">
      <Heading2 id="tekst">Tekst van het ontwerp</Heading2>
      {open ? (
        <form className="formulier" onSubmit={bewaar} noValidate>
          <Tekstvak
            id="ontwerp-tekst"
            label={`${ontwerp.bestandsnaam} (YAML)`}
            hint="Gecontroleerd zoals elk regelingsbestand; meldingen noemen het bestand, de regel en het veld."
            rijen={18}
            code
            waarde={tekst}
            bijWijziging={zetTekst}
          />
          <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
            Tekst opslaan
          </Button>
        </form>
      ) : (
        <>
          <Paragraph>De tekst ligt vast sinds het ontwerp naar de raad is gegaan.</Paragraph>
          <pre className="code-blok" tabIndex={0} aria-label={`Tekst van ${ontwerp.bestandsnaam}`}>
            {ontwerp.inhoud}
          </pre>
        </>
      )}
      {probleem && <ProbleemMelding probleem={probleem} />}
      {bewaard && !probleem && <Melding soort="ok" titel="De tekst is opgeslagen en in orde" />}
    </section>
  );
}

/** Conformance, diff, deviations from the regional model and impact: the raadsvoorstel's own figures. */
function CijfersVanHetOntwerp({ pad, versie }: { pad: Pad; versie: number }) {
  const [cijfers, zetCijfers] = useState<Cijfers>();
  const [probleem, zetProbleem] = useState<Probleem>();
  const [bezig, zetBezig] = useState(false);
  useEffect(() => zetCijfers(undefined), [versie]);
  async function bereken() {
    zetBezig(true);
    zetProbleem(undefined);
    const u = await voerUit(() =>
      api.GET('/gemeenten/{gemeente}/ontwerpen/{id}/cijfers', { params: { path: pad } }),
    );
    zetBezig(false);
    if (u.ok) zetCijfers(u.data);
    else zetProbleem(u.probleem);
  }
  return (
    <section aria-labelledby="cijfers" className="stap">
      <Heading2 id="cijfers">Toets aan de wet, verschil en impact</Heading2>
      <Paragraph>
        Dezelfde cijfers als in het raadsvoorstel: de bevindingen bij de versie in werking en of het ontwerp
        ze oplost, wat het ontwerp verandert, waar het afwijkt van het regionale model, en wat het betekent
        voor de opgeslagen cliënten op de ingangsdatum.
      </Paragraph>
      <Button appearance="secondary-action-button" busy={bezig} disabled={bezig} onClick={bereken}>
        Toets en impact berekenen
      </Button>
      {bezig && <Laden wat="De toets en de impact" />}
      {probleem && <ProbleemMelding probleem={probleem} />}
      {cijfers && (
        <>
          <Heading3 id="toets">
            Toets aan de wet: {cijfers.bevindingen.length}{' '}
            {cijfers.bevindingen.length === 1 ? 'bevinding' : 'bevindingen'} bij de versie in werking,{' '}
            {cijfers.bevindingen.filter((b) => !b.blijft).length} opgelost door het ontwerp
          </Heading3>
          {cijfers.bevindingen.length === 0 ? (
            <Leeg>Geen bevindingen.</Leeg>
          ) : (
            <Table className="tabel">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Artikel</TableHeaderCell>
                  <TableHeaderCell scope="col">Soort</TableHeaderCell>
                  <TableHeaderCell scope="col">Uitleg</TableHeaderCell>
                  <TableHeaderCell scope="col">Bij het ontwerp</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {cijfers.bevindingen.map((b, i) => (
                  <TableRow key={i}>
                    <TableCell>art. {b.conflict.artikel}</TableCell>
                    <TableCell>{SOORT[b.conflict.soort] ?? b.conflict.soort}</TableCell>
                    <TableCell>{b.conflict.uitleg}</TableCell>
                    <TableCell>{b.blijft ? '✗ blijft' : '✓ opgelost'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Heading3 id="verschil">Wat het ontwerp verandert</Heading3>
          <Verschillen lijst={cijfers.verschillen} />
          <Heading3 id="model">Afwijkingen van het regionale model</Heading3>
          {'onbepaald' in cijfers.model ? (
            <Paragraph>Onbepaald: {cijfers.model.onbepaald}.</Paragraph>
          ) : (
            <>
              <Paragraph>
                Het ontwerp rust op de {cijfers.model.regeling.titel} (versie van{' '}
                {datum(cijfers.model.regeling.geldigVanaf)}): {cijfers.model.afwijkingen.length} afwijkingen,{' '}
                {cijfers.model.aanvullingen.length} aanvullingen.
              </Paragraph>
              <Verschillen lijst={cijfers.model.afwijkingen} />
            </>
          )}
          <ImpactUitslag u={cijfers.impact} />
          <NieuweOordelenUitslag n={cijfers.nieuweOordelen} />
        </>
      )}
    </section>
  );
}

function Verschillen({
  lijst,
}: {
  lijst: readonly {
    soort: string;
    onderdeel: string;
    sleutel: string;
    details: string[];
    artikelen?: string[];
  }[];
}) {
  if (lijst.length === 0) return <Leeg>Geen verschillen.</Leeg>;
  return (
    <Table className="tabel">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
          <TableHeaderCell scope="col">Wat</TableHeaderCell>
          <TableHeaderCell scope="col">Verschil</TableHeaderCell>
          <TableHeaderCell scope="col">Details</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lijst.map((v, i) => (
          <TableRow key={i}>
            <TableCell>{v.onderdeel}</TableCell>
            <TableCell>
              {v.sleutel}
              {v.artikelen?.length ? ` (art. ${v.artikelen.join(', ')})` : ''}
            </TableCell>
            <TableCell>{v.soort}</TableCell>
            <TableCell>{v.details.join('; ')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

interface PuntInvoer {
  thema: string;
  artikel: string;
  advies: string;
  uitkomst: string;
  reactie: string;
  toelichting: string;
}
const leegPunt = (): PuntInvoer => ({
  thema: '',
  artikel: '',
  advies: '',
  uitkomst: '',
  reactie: '',
  toelichting: '',
});

/** "5 lid 3, 13" → [{artikel: '5', lid: 3}, {artikel: '13'}]; empty means the whole regulation. */
function artikelenUit(tekst: string): { artikel: string; lid?: number }[] | undefined {
  const delen = tekst
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const uit: { artikel: string; lid?: number }[] = [];
  for (const d of delen) {
    const m = /^(?:art(?:ikel|\.)?\s*)?([0-9]+[a-z]?)(?:\s+lid\s+([0-9]+))?$/i.exec(d);
    if (!m) return undefined;
    uit.push(m[2] ? { artikel: m[1]!, lid: Number(m[2]) } : { artikel: m[1]! });
  }
  return uit;
}
const id = (t: string, i: number) =>
  t
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || `punt-${i + 1}`;

function Adviesrondes({
  gemeente,
  ontwerp,
  pad,
  open,
  opnieuw,
}: {
  gemeente: Gemeente;
  ontwerp: Ontwerp;
  pad: Pad;
  open: boolean;
  opnieuw: () => void;
}) {
  return (
    <section aria-labelledby="rondes" className="stap">
      <Heading2 id="rondes">Adviesrondes</Heading2>
      {ontwerp.rondes.length === 0 && <Leeg>Er is nog geen adviesronde vastgelegd.</Leeg>}
      {ontwerp.rondes.map((r, n) => (
        <div key={r.id} className="paneel">
          <Heading3 id={`ronde-${n}`}>
            Advies van {r.ronde.adviesorganen.map((a) => a.naam).join(' en ')}: {r.ronde.onderwerp}
          </Heading3>
          <Paragraph>
            Gevraagd op {datumOf(r.ronde.gevraagdOp)}, ontvangen op {datumOf(r.ronde.ontvangenOp)}.
          </Paragraph>
          <Table className="tabel">
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">Onderwerp</TableHeaderCell>
                <TableHeaderCell scope="col">Advies</TableHeaderCell>
                <TableHeaderCell scope="col">Reactie van het college</TableHeaderCell>
                <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.ronde.punten.map((p) => (
                <TableRow key={p.id}>
                  <TableCell>
                    {p.thema}
                    {p.artikelen.length > 0 ? ` (${p.artikelen.map(artikelTekst).join(', ')})` : ''}
                  </TableCell>
                  <TableCell>{p.advies}</TableCell>
                  <TableCell>
                    {'onbekend' in p.reactie ? `onbekend: ${p.reactie.onbekend}` : p.reactie.tekst}
                  </TableCell>
                  <TableCell>
                    {'onbekend' in p.reactie
                      ? 'onbekend'
                      : (UITKOMST_WOORD[p.reactie.uitkomst] ?? p.reactie.uitkomst)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ButtonGroup>
            <Downloadknop
              bestandsnaam={`antwoordbrief-${n + 1}.pdf`}
              haal={() =>
                api.GET('/gemeenten/{gemeente}/ontwerpen/{id}/adviesrondes/{ronde}/antwoordbrief', {
                  params: { path: { ...pad, ronde: r.id }, query: { formaat: 'pdf' } },
                  parseAs: 'blob',
                }) as Promise<{ data?: Blob; error?: unknown; response: Response }>
              }
            >
              Antwoordbrief (PDF)
            </Downloadknop>
            <Downloadknop
              bestandsnaam={`antwoordbrief-${n + 1}.html`}
              haal={() =>
                api.GET('/gemeenten/{gemeente}/ontwerpen/{id}/adviesrondes/{ronde}/antwoordbrief', {
                  params: { path: { ...pad, ronde: r.id }, query: { formaat: 'html' } },
                  parseAs: 'blob',
                }) as Promise<{ data?: Blob; error?: unknown; response: Response }>
              }
            >
              Antwoordbrief (HTML)
            </Downloadknop>
          </ButtonGroup>
        </div>
      ))}
      {open && <NieuweRonde gemeente={gemeente} ontwerp={ontwerp} pad={pad} opnieuw={opnieuw} />}
    </section>
  );
}

function NieuweRonde({
  gemeente,
  ontwerp,
  pad,
  opnieuw,
}: {
  gemeente: Gemeente;
  ontwerp: Ontwerp;
  pad: Pad;
  opnieuw: () => void;
}) {
  const [orgaan, zetOrgaan] = useState('');
  const [soort, zetSoort] = useState('clientenraad');
  const [onderwerp, zetOnderwerp] = useState('');
  const [gevraagd, zetGevraagd] = useState('');
  const [ontvangen, zetOntvangen] = useState('');
  const [bron, zetBron] = useState('');
  const [punten, zetPunten] = useState<PuntInvoer[]>([leegPunt()]);
  const [fouten, zetFouten] = useState<{ veld?: string; bericht: string }[]>([]);
  const [probleem, zetProbleem] = useState<Probleem>();
  const [bezig, zetBezig] = useState(false);
  const zetPunt = (i: number, veld: keyof PuntInvoer) => (w: string) =>
    zetPunten((lijst) => lijst.map((p, j) => (j === i ? { ...p, [veld]: w } : p)));

  async function leg(e: FormEvent) {
    e.preventDefault();
    const f: { veld?: string; bericht: string }[] = [];
    if (!orgaan.trim()) f.push({ veld: 'ronde-orgaan', bericht: 'Vul de naam van het adviesorgaan in' });
    if (!onderwerp.trim())
      f.push({ veld: 'ronde-onderwerp', bericht: 'Vul het onderwerp van de adviesvraag in' });
    if (!gevraagd) f.push({ veld: 'ronde-gevraagd', bericht: 'Vul de datum in waarop advies is gevraagd' });
    if (!ontvangen)
      f.push({ veld: 'ronde-ontvangen', bericht: 'Vul de datum in waarop het advies binnenkwam' });
    if (!bron.trim()) f.push({ veld: 'ronde-bron', bericht: 'Noem het document waarin het advies staat' });
    punten.forEach((p, i) => {
      const n = i + 1;
      if (!p.thema.trim()) f.push({ veld: `punt-${i}-thema`, bericht: `Punt ${n}: vul het onderwerp in` });
      if (!artikelenUit(p.artikel))
        f.push({ veld: `punt-${i}-artikel`, bericht: `Punt ${n}: schrijf de artikelen als "5 lid 3, 13"` });
      if (!p.advies.trim()) f.push({ veld: `punt-${i}-advies`, bericht: `Punt ${n}: vul het advies in` });
      if (!p.uitkomst)
        f.push({ veld: `punt-${i}-uitkomst`, bericht: `Punt ${n}: kies wat het college ermee doet` });
      if (!p.reactie.trim())
        f.push({ veld: `punt-${i}-reactie`, bericht: `Punt ${n}: vul de reactie van het college in` });
      if (!p.toelichting.trim())
        f.push({ veld: `punt-${i}-toelichting`, bericht: `Punt ${n}: zeg waarom het college zo besluit` });
    });
    zetFouten(f);
    zetProbleem(undefined);
    if (f.length > 0) return;
    const ronde = {
      regeling: ontwerp.regeling,
      versie: ontwerp.geldigVanaf,
      gemeenten: [gemeente.slug],
      adviesorganen: [{ id: id(orgaan, 0), naam: orgaan.trim(), soort }],
      onderwerp: onderwerp.trim(),
      gevraagdOp: gevraagd,
      ontvangenOp: ontvangen,
      punten: punten.map((p, i) => ({
        id: id(p.thema, i),
        thema: p.thema.trim(),
        artikelen: artikelenUit(p.artikel) ?? [],
        advies: p.advies.trim(),
        // Typed in from the advice itself: the body's own words, and the college's.
        adviesLetterlijk: true,
        reactie: {
          uitkomst: p.uitkomst,
          uitkomstToelichting: p.toelichting.trim(),
          tekst: p.reactie.trim(),
          letterlijk: true,
        },
      })),
      bron: { document: bron.trim(), bestand: 'vastgelegd in de webapplicatie' },
    };
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/ontwerpen/{id}/adviesrondes', {
        params: { path: pad },
        body: { ronde },
      }),
    );
    zetBezig(false);
    if (u.ok) {
      zetPunten([leegPunt()]);
      zetOrgaan('');
      zetOnderwerp('');
      opnieuw();
    } else zetProbleem(u.probleem);
  }
  const fout = (veld: string) => fouten.find((x) => x.veld === veld)?.bericht;
  return (
    <form className="formulier" onSubmit={leg} noValidate aria-labelledby="nieuwe-ronde">
      <Heading3 id="nieuwe-ronde">Adviesronde vastleggen</Heading3>
      <Foutoverzicht fouten={fouten} />
      <Tekstveld
        id="ronde-orgaan"
        label="Adviesorgaan"
        waarde={orgaan}
        bijWijziging={zetOrgaan}
        fout={fout('ronde-orgaan')}
      />
      <Keuzelijst
        id="ronde-soort"
        label="Soort adviesorgaan"
        waarde={soort}
        bijWijziging={zetSoort}
        opties={ORGAANSOORTEN}
      />
      <Tekstveld
        id="ronde-onderwerp"
        label="Onderwerp van de adviesvraag"
        breedte="breed"
        waarde={onderwerp}
        bijWijziging={zetOnderwerp}
        fout={fout('ronde-onderwerp')}
      />
      <Tekstveld
        id="ronde-gevraagd"
        type="date"
        breedte="smal"
        label="Advies gevraagd op"
        waarde={gevraagd}
        bijWijziging={zetGevraagd}
        fout={fout('ronde-gevraagd')}
      />
      <Tekstveld
        id="ronde-ontvangen"
        type="date"
        breedte="smal"
        label="Advies ontvangen op"
        waarde={ontvangen}
        bijWijziging={zetOntvangen}
        fout={fout('ronde-ontvangen')}
      />
      <Tekstveld
        id="ronde-bron"
        label="Document met het advies"
        hint="Bijvoorbeeld: Adviesbrief van de cliëntenraad van 1 oktober 2026"
        breedte="breed"
        waarde={bron}
        bijWijziging={zetBron}
        fout={fout('ronde-bron')}
      />
      {punten.map((p, i) => (
        <fieldset key={i} className="paneel" aria-labelledby={`punt-${i}-kop`}>
          <legend id={`punt-${i}-kop`}>Punt {i + 1}</legend>
          <Tekstveld
            id={`punt-${i}-thema`}
            label="Onderwerp"
            waarde={p.thema}
            bijWijziging={zetPunt(i, 'thema')}
            fout={fout(`punt-${i}-thema`)}
          />
          <Tekstveld
            id={`punt-${i}-artikel`}
            label="Over artikel"
            hint='Bijvoorbeeld "5 lid 3" of "5, 13"; leeg als het over de hele regeling gaat.'
            breedte="smal"
            waarde={p.artikel}
            bijWijziging={zetPunt(i, 'artikel')}
            fout={fout(`punt-${i}-artikel`)}
          />
          <Tekstvak
            id={`punt-${i}-advies`}
            label="Advies"
            waarde={p.advies}
            bijWijziging={zetPunt(i, 'advies')}
            fout={fout(`punt-${i}-advies`)}
          />
          <Keuzelijst
            id={`punt-${i}-uitkomst`}
            label="Wat doet het college met het advies?"
            leeg="Kies…"
            waarde={p.uitkomst}
            bijWijziging={zetPunt(i, 'uitkomst')}
            opties={UITKOMSTEN}
            fout={fout(`punt-${i}-uitkomst`)}
          />
          <Tekstvak
            id={`punt-${i}-reactie`}
            label="Reactie van het college"
            waarde={p.reactie}
            bijWijziging={zetPunt(i, 'reactie')}
            fout={fout(`punt-${i}-reactie`)}
          />
          <Tekstveld
            id={`punt-${i}-toelichting`}
            label="Waarom deze uitkomst"
            breedte="breed"
            waarde={p.toelichting}
            bijWijziging={zetPunt(i, 'toelichting')}
            fout={fout(`punt-${i}-toelichting`)}
          />
        </fieldset>
      ))}
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={() => zetPunten((l) => [...l, leegPunt()])}>
          Punt toevoegen
        </Button>
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Adviesronde vastleggen
        </Button>
      </ButtonGroup>
      {probleem && <ProbleemMelding probleem={probleem} />}
    </form>
  );
}

function Teksten({ ontwerp, pad, opnieuw }: { ontwerp: Ontwerp; pad: Pad; opnieuw: () => void }) {
  const [teksten, zetTeksten] = useState<Record<string, string>>({ ...ontwerp.teksten });
  const [probleem, zetProbleem] = useState<Probleem>();
  const [bewaard, zetBewaard] = useState(false);
  const [bezig, zetBezig] = useState(false);
  if (ontwerp.status === 'vastgesteld') return null;
  async function bewaar(e: FormEvent) {
    e.preventDefault();
    zetBezig(true);
    const u = await voerUit(() =>
      api.PUT('/gemeenten/{gemeente}/ontwerpen/{id}/teksten', { params: { path: pad }, body: { teksten } }),
    );
    zetBezig(false);
    zetBewaard(u.ok);
    if (u.ok) {
      zetProbleem(undefined);
      opnieuw();
    } else zetProbleem(u.probleem);
  }
  return (
    <section aria-labelledby="teksten" className="stap">
      <Heading2 id="teksten">Teksten voor het raadsvoorstel</Heading2>
      <Paragraph>
        Alle cijfers in het raadsvoorstel komen uit het systeem. Deze delen schrijft u zelf; wat leeg blijft,
        staat in het voorstel als nog te schrijven.
      </Paragraph>
      <form className="formulier" onSubmit={bewaar} noValidate>
        {TEKSTEN.map((t) => (
          <Tekstvak
            key={t.sleutel}
            id={`tekst-${t.sleutel}`}
            label={t.label}
            waarde={teksten[t.sleutel] ?? ''}
            bijWijziging={(w) => zetTeksten((x) => ({ ...x, [t.sleutel]: w }))}
          />
        ))}
        <Button type="submit" appearance="secondary-action-button" busy={bezig} disabled={bezig}>
          Teksten opslaan
        </Button>
      </form>
      {probleem && <ProbleemMelding probleem={probleem} />}
      {bewaard && <Melding soort="ok" titel="De teksten zijn opgeslagen" />}
    </section>
  );
}

function NaarDeRaad({ ontwerp, pad, opnieuw }: { ontwerp: Ontwerp; pad: Pad; opnieuw: () => void }) {
  const [besluit, zetBesluit] = useState('');
  const [fouten, zetFouten] = useState<{ veld?: string; bericht: string }[]>([]);
  const [probleem, zetProbleem] = useState<Probleem>();
  const [bezig, zetBezig] = useState(false);
  async function stuur() {
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/ontwerpen/{id}/raadsvoorstel', { params: { path: pad } }),
    );
    zetBezig(false);
    if (u.ok) {
      zetProbleem(undefined);
      opnieuw();
    } else zetProbleem(u.probleem);
  }
  async function stelVast(e: FormEvent) {
    e.preventDefault();
    const f = besluit ? [] : [{ veld: 'besluitdatum', bericht: 'Vul de datum van het raadsbesluit in' }];
    zetFouten(f);
    if (f.length > 0) return;
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/ontwerpen/{id}/vaststelling', {
        params: { path: pad },
        body: { besluitdatum: besluit },
      }),
    );
    zetBezig(false);
    if (u.ok) {
      zetProbleem(undefined);
      opnieuw();
    } else zetProbleem(u.probleem);
  }
  const document = (formaat: 'pdf' | 'html') => () =>
    api.GET('/gemeenten/{gemeente}/ontwerpen/{id}/raadsvoorstel', {
      params: { path: pad, query: { formaat } },
      parseAs: 'blob',
    }) as Promise<{ data?: Blob; error?: unknown; response: Response }>;
  return (
    <section aria-labelledby="raad" className="stap">
      <Heading2 id="raad">Raadsvoorstel en vaststelling</Heading2>
      <Paragraph>
        Het raadsvoorstel bevat de voorgestelde besluiten, de landelijke wijzigingen uit de toets, het
        verschil en de afwijkingen van het regionale model, de adviezen met de reacties, de impact, het
        overgangsrecht, het raadsbesluit en de tekst van de verordening.
      </Paragraph>
      <ButtonGroup>
        <Downloadknop bestandsnaam="raadsvoorstel.pdf" haal={document('pdf')}>
          Raadsvoorstel (PDF)
        </Downloadknop>
        <Downloadknop bestandsnaam="raadsvoorstel.html" haal={document('html')}>
          Raadsvoorstel (HTML)
        </Downloadknop>
      </ButtonGroup>
      {ontwerp.status === 'ontwerp' && (
        <div className="acties">
          <Paragraph>Na het versturen liggen de tekst en de adviesrondes vast.</Paragraph>
          <Button appearance="primary-action-button" busy={bezig} disabled={bezig} onClick={stuur}>
            Naar de raad sturen
          </Button>
        </div>
      )}
      {ontwerp.status === 'raadsvoorstel' && (
        <form className="formulier" onSubmit={stelVast} noValidate>
          <Foutoverzicht fouten={fouten} />
          <Tekstveld
            id="besluitdatum"
            type="date"
            breedte="smal"
            label="Datum van het raadsbesluit"
            hint={`Uiterlijk ${datum(ontwerp.geldigVanaf)}, de datum waarop het ontwerp ingaat.`}
            waarde={besluit}
            bijWijziging={zetBesluit}
            fout={fouten.find((x) => x.veld === 'besluitdatum')?.bericht}
          />
          <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
            Vaststelling vastleggen
          </Button>
        </form>
      )}
      {probleem && <ProbleemMelding probleem={probleem} />}
    </section>
  );
}
