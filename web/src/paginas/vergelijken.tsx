import {
  Button,
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
import { api, zetDoel } from '../api/klant.ts';
import type { Probleem } from '../api/probleem.ts';
import type { Antwoord } from '../api/typen.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { datum } from '../opmaak.ts';
import { Bestandsfouten, Bestandsveld, useBestand } from '../onderdelen/bestand.tsx';
import { Foutoverzicht, Keuzelijst } from '../onderdelen/formulier.tsx';
import { Laden, Leeg, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

type Verschil = Antwoord<'/gemeenten/{gemeente}/regelingen/{regeling}/verschil', 'post'>;
const ONDERDEEL: Record<string, string> = {
  artikel: 'Artikel',
  parameter: 'Parameter',
  voorziening: 'Voorziening',
  gegeven: 'Gegeven',
};
const SOORT: Record<string, string> = {
  toegevoegd: 'toegevoegd',
  vervallen: 'vervallen',
  gewijzigd: 'gewijzigd',
};

/** Two versions side by side, or a version and an uploaded draft: what changed in articles, parameters and voorzieningen. */
export function Vergelijken({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Versies vergelijken');
  // The law and aggregates: no personal data, so no purpose (X-Doel) is sent.
  useEffect(() => zetDoel(undefined), []);
  const [lijst] = useLees(
    () => api.GET('/gemeenten/{gemeente}/regelingen', { params: { path: { gemeente: gemeente.slug } } }),
    [gemeente.slug],
  );
  const [regeling, zetRegeling] = useState('');
  const [van, zetVan] = useState('');
  const [naar, zetNaar] = useState('');
  const bestand = useBestand();
  const [fouten, zetFouten] = useState<{ veld?: string; bericht: string }[]>([]);
  const [probleem, zetProbleem] = useState<Probleem>();
  const [uitslag, zetUitslag] = useState<Verschil>();
  const eigen = lijst.soort === 'klaar' ? lijst.data.filter((r) => r.laag === 'gemeente') : [];
  const gekozen = eigen.find((r) => r.pad === regeling) ?? eigen[0];

  async function vergelijk(e: FormEvent) {
    e.preventDefault();
    const ontwerp = naar ? undefined : await bestand.lees();
    const nieuw: { veld?: string; bericht: string }[] = [];
    const a = van || gekozen?.versies[0]?.geldigVanaf;
    if (!a) nieuw.push({ veld: 'van', bericht: 'Kies de eerste versie' });
    if (!naar && !ontwerp)
      nieuw.push({ veld: 'naar', bericht: 'Kies een tweede versie of upload een ontwerp' });
    zetFouten(nieuw);
    zetProbleem(undefined);
    zetUitslag(undefined);
    if (nieuw.length > 0 || !gekozen || !a) return;
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/regelingen/{regeling}/verschil', {
        params: { path: { gemeente: gemeente.slug, regeling: gekozen.pad } },
        body: naar && naar !== 'ontwerp' ? { van: a, naar } : { van: a, ...(ontwerp ? { ontwerp } : {}) },
      }),
    );
    if (u.ok) zetUitslag(u.data);
    else zetProbleem(u.probleem);
  }

  if (lijst.soort === 'laden') return <Laden wat="De regelingen" />;
  if (lijst.soort === 'fout') return <ProbleemMelding probleem={lijst.probleem} />;
  const versies = (gekozen?.versies ?? []).map((v) => ({
    waarde: v.geldigVanaf,
    label: `Versie van ${datum(v.geldigVanaf)} (${v.status}${v.inWerking ? ', in werking' : ''})`,
  }));
  return (
    <>
      <Heading1>Versies vergelijken</Heading1>
      <Paragraph>
        Kies twee versies, of een versie en een ontwerp (YAML) dat u uploadt. U ziet welke artikelen,
        parameters en voorzieningen veranderen.
      </Paragraph>
      <form className="formulier" onSubmit={vergelijk} noValidate>
        <Foutoverzicht fouten={fouten} />
        <Keuzelijst
          id="regeling"
          label="Regeling"
          waarde={gekozen?.pad ?? ''}
          bijWijziging={(r) => (zetRegeling(r), zetVan(''), zetNaar(''))}
          opties={eigen.map((r) => ({ waarde: r.pad, label: r.citeertitel }))}
        />
        <Keuzelijst
          id="van"
          label="Eerste versie"
          waarde={van || (versies[0]?.waarde ?? '')}
          bijWijziging={zetVan}
          opties={versies}
          fout={fouten.find((f) => f.veld === 'van')?.bericht}
        />
        <Keuzelijst
          id="naar"
          label="Tweede versie"
          waarde={naar}
          bijWijziging={zetNaar}
          leeg="Een ontwerp dat ik upload"
          opties={versies}
          fout={fouten.find((f) => f.veld === 'naar')?.bericht}
        />
        {!naar && (
          <Bestandsveld
            id="ontwerp"
            label="Ontwerp (YAML-bestand)"
            hint="Met status: ontwerp en het id van de regeling. Het wordt gecontroleerd zoals reintegratie validate dat doet."
            bestand={bestand}
          />
        )}
        <Button type="submit" appearance="primary-action-button">
          Vergelijken
        </Button>
      </form>
      {probleem &&
        (probleem.bestandsfouten.length > 0 ? (
          <Bestandsfouten fouten={probleem.bestandsfouten} />
        ) : (
          <ProbleemMelding probleem={probleem} />
        ))}
      {uitslag && <Uitslag v={uitslag} />}
    </>
  );
}

function Uitslag({ v }: { v: Verschil }) {
  const naam = (r: Verschil['van']) =>
    r.status === 'ontwerp'
      ? `het ontwerp (geldig vanaf ${datum(r.geldigVanaf)})`
      : `de versie van ${datum(r.geldigVanaf)}`;
  return (
    <section aria-labelledby="verschillen" className="uitslag">
      <Heading2 id="verschillen" tabIndex={-1}>
        {v.verschillen.length === 0
          ? 'Geen verschillen'
          : `${v.verschillen.length} ${v.verschillen.length === 1 ? 'verschil' : 'verschillen'}`}
        : {naam(v.van)} en {naam(v.naar)}
      </Heading2>
      {v.verschillen.length === 0 ? (
        <Leeg>De twee versies zijn inhoudelijk gelijk.</Leeg>
      ) : (
        <Table className="tabel">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Onderdeel</TableHeaderCell>
              <TableHeaderCell scope="col">Wat</TableHeaderCell>
              <TableHeaderCell scope="col">Verandering</TableHeaderCell>
              <TableHeaderCell scope="col">Details</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {v.verschillen.map((x, i) => (
              <TableRow key={i}>
                <TableCell>{ONDERDEEL[x.onderdeel] ?? x.onderdeel}</TableCell>
                <TableCell>{x.sleutel}</TableCell>
                <TableCell>{SOORT[x.soort] ?? x.soort}</TableCell>
                <TableCell>{x.details.join('; ') || '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {v.artikelen.map((a) => (
        <div key={a.nummer} className="naast-elkaar">
          <Heading3 className="naast-elkaar__kop">
            Artikel {a.nummer}. {a.titel}
          </Heading3>
          <div>
            <p className="label">{naam(v.van)}</p>
            <div className="wettekst">{a.van ?? '(bestaat niet in deze versie)'}</div>
          </div>
          <div>
            <p className="label">{naam(v.naar)}</p>
            <div className="wettekst">{a.naar ?? '(bestaat niet in deze versie)'}</div>
          </div>
        </div>
      ))}
    </section>
  );
}
