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
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, zetDoel } from '../api/klant.ts';
import type { Probleem } from '../api/probleem.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { datum, vandaag } from '../opmaak.ts';
import { Foutoverzicht, Keuzelijst, Tekstveld, Tekstvak } from '../onderdelen/formulier.tsx';
import { Laden, Leeg, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

/** A draft's status in words, as the life cycle names it. */
export const STATUS: Record<string, string> = {
  ontwerp: 'Ontwerp',
  raadsvoorstel: 'Bij de raad (raadsvoorstel)',
  vastgesteld: 'Vastgesteld door de raad',
};

/** The policy officer's drafts, per regulation, each with its step on the road to the council. */
export function Ontwerpen({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Ontwerpen');
  // Drafts and their figures hold no personal data: no purpose (X-Doel) is sent.
  useEffect(() => zetDoel(undefined), []);
  const [lijst] = useLees(
    () => api.GET('/gemeenten/{gemeente}/ontwerpen', { params: { path: { gemeente: gemeente.slug } } }),
    [gemeente.slug],
  );
  const [regelingen] = useLees(
    () => api.GET('/gemeenten/{gemeente}/regelingen', { params: { path: { gemeente: gemeente.slug } } }),
    [gemeente.slug],
  );
  const titel = (id: string) =>
    (regelingen.soort === 'klaar' ? regelingen.data.find((r) => r.id === id)?.citeertitel : undefined) ?? id;
  return (
    <>
      <Heading1>Ontwerpen</Heading1>
      <Paragraph>
        Een ontwerp van een verordening van {gemeente.naam} op weg naar de raad: de tekst, de toets aan de
        wet, de impact, de adviesrondes met de reacties van het college, het raadsvoorstel en de vaststelling.
        Een ontwerp telt pas mee bij beoordelingen als de raad het heeft vastgesteld, en dan vanaf de datum
        waarop het ingaat.
      </Paragraph>
      <Paragraph>
        <Link to={`/${gemeente.slug}/ontwerpen/nieuw`}>Nieuw ontwerp beginnen</Link>
      </Paragraph>
      {lijst.soort === 'laden' && <Laden wat="De ontwerpen" />}
      {lijst.soort === 'fout' && <ProbleemMelding probleem={lijst.probleem} />}
      {lijst.soort === 'klaar' && lijst.data.length === 0 && <Leeg>Er zijn nog geen ontwerpen.</Leeg>}
      {lijst.soort === 'klaar' &&
        [...new Set(lijst.data.map((o) => o.regeling))].map((regeling) => (
          <section key={regeling} aria-labelledby={`o-${regeling}`}>
            <Heading2 id={`o-${regeling}`}>{titel(regeling)}</Heading2>
            <Table className="tabel">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Ontwerp</TableHeaderCell>
                  <TableHeaderCell scope="col">Gaat in op</TableHeaderCell>
                  <TableHeaderCell scope="col">Stap</TableHeaderCell>
                  <TableHeaderCell scope="col">Besluit van de raad</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lijst.data
                  .filter((o) => o.regeling === regeling)
                  .map((o) => (
                    <TableRow key={o.id}>
                      <TableCell>
                        <Link to={`/${gemeente.slug}/ontwerpen/${o.id}`}>
                          {o.bestandsnaam} (ontwerp per {datum(o.geldigVanaf)})
                        </Link>
                      </TableCell>
                      <TableCell>{datum(o.geldigVanaf)}</TableCell>
                      <TableCell>{STATUS[o.status] ?? o.status}</TableCell>
                      <TableCell>{o.besluitdatum ? datum(o.besluitdatum) : 'nog niet'}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          </section>
        ))}
    </>
  );
}

/**
 * A new draft: it starts from the version in force on its date (a file resting on that version,
 * which states only what changes), or from the conformance page's findings, which link here with
 * the regulation and the date. The YAML is checked as `reintegratie validate` checks a file; the
 * messages name file, line and field.
 */
export function NieuwOntwerp({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Nieuw ontwerp');
  useEffect(() => zetDoel(undefined), []);
  const [zoek] = useSearchParams();
  const navigeer = useNavigate();
  const [regelingen] = useLees(
    () => api.GET('/gemeenten/{gemeente}/regelingen', { params: { path: { gemeente: gemeente.slug } } }),
    [gemeente.slug],
  );
  const eigen = regelingen.soort === 'klaar' ? regelingen.data.filter((r) => r.laag === 'gemeente') : [];
  const [regeling, zetRegeling] = useState(zoek.get('regeling') ?? '');
  const [ingang, zetIngang] = useState(
    zoek.get('geldigVanaf') ?? `${Number(vandaag().slice(0, 4)) + 1}-01-01`,
  );
  const [tekst, zetTekst] = useState('');
  const [bestandsnaam, zetBestandsnaam] = useState('');
  const [fouten, zetFouten] = useState<{ veld?: string; bericht: string }[]>([]);
  const [probleem, zetProbleem] = useState<Probleem>();
  const [bezig, zetBezig] = useState(false);
  useEffect(() => {
    if (!regeling && eigen.length === 1) zetRegeling(eigen[0]!.id);
  }, [eigen, regeling]);

  async function begin() {
    const f: { veld?: string; bericht: string }[] = [];
    if (!regeling) f.push({ veld: 'ontwerp-regeling', bericht: 'Kies de regeling' });
    if (!ingang) f.push({ veld: 'ontwerp-ingang', bericht: 'Vul de datum in waarop het ontwerp ingaat' });
    zetFouten(f);
    zetProbleem(undefined);
    if (f.length > 0) return;
    const u = await voerUit(() =>
      api.GET('/gemeenten/{gemeente}/ontwerpen/sjabloon', {
        params: { path: { gemeente: gemeente.slug }, query: { regeling, geldigVanaf: ingang } },
      }),
    );
    if (!u.ok) return zetProbleem(u.probleem);
    zetTekst(u.data.inhoud);
    zetBestandsnaam(u.data.bestandsnaam);
  }

  async function bewaar(e: FormEvent) {
    e.preventDefault();
    const f: { veld?: string; bericht: string }[] = [];
    if (!tekst.trim()) f.push({ veld: 'ontwerp-tekst', bericht: 'Vul de tekst van het ontwerp in (YAML)' });
    zetFouten(f);
    zetProbleem(undefined);
    if (f.length > 0) return;
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/ontwerpen', {
        params: { path: { gemeente: gemeente.slug } },
        body: { ontwerp: { bestandsnaam: bestandsnaam || `${ingang}.yaml`, regels: tekst.split(/\r?\n/) } },
      }),
    );
    zetBezig(false);
    if (u.ok) navigeer(`/${gemeente.slug}/ontwerpen/${(u.data as { id: string }).id}`);
    else zetProbleem(u.probleem);
  }

  if (regelingen.soort === 'laden') return <Laden wat="De regelingen" />;
  if (regelingen.soort === 'fout') return <ProbleemMelding probleem={regelingen.probleem} />;
  return (
    <>
      <Heading1>Nieuw ontwerp</Heading1>
      <Paragraph>
        Begin bij de versie die op de ingangsdatum in werking is. Het ontwerp rust op die versie en noemt
        alleen wat het verandert.{' '}
        <Link to={`/${gemeente.slug}/conformiteit?datum=${ingang}`}>Toets aan de wet</Link> laat zien welke
        artikelen dat zijn.
      </Paragraph>
      <form className="formulier" onSubmit={bewaar} noValidate>
        <Foutoverzicht fouten={fouten} />
        <Keuzelijst
          id="ontwerp-regeling"
          label="Regeling"
          waarde={regeling}
          bijWijziging={zetRegeling}
          leeg="Kies een regeling…"
          opties={eigen.map((r) => ({ waarde: r.id, label: r.citeertitel }))}
          fout={fouten.find((x) => x.veld === 'ontwerp-regeling')?.bericht}
        />
        <Tekstveld
          id="ontwerp-ingang"
          type="date"
          breedte="smal"
          label="Gaat in op"
          hint="De datum geldigVanaf van het ontwerp. De raad moet uiterlijk op die datum besluiten."
          waarde={ingang}
          bijWijziging={zetIngang}
          fout={fouten.find((x) => x.veld === 'ontwerp-ingang')?.bericht}
        />
        <div className="acties">
          <Button appearance="secondary-action-button" onClick={begin}>
            Begin bij de versie in werking
          </Button>
        </div>
        <Tekstvak
          id="ontwerp-tekst"
          label="Tekst van het ontwerp (YAML)"
          hint="Met status: ontwerp. Meldingen noemen het bestand, de regel en het veld."
          rijen={20}
          code
          waarde={tekst}
          bijWijziging={zetTekst}
          fout={fouten.find((x) => x.veld === 'ontwerp-tekst')?.bericht}
        />
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Ontwerp opslaan
        </Button>
      </form>
      {probleem && <ProbleemMelding probleem={probleem} />}
    </>
  );
}
