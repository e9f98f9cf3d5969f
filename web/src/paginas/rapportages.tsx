import { Button, ButtonGroup, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { api, nieuweSleutel, zetDoel } from '../api/klant.ts';
import type { Probleem } from '../api/probleem.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { datum, vandaag } from '../opmaak.ts';
import { Downloadknop } from '../onderdelen/downloaden.tsx';
import { Keuzelijst } from '../onderdelen/formulier.tsx';
import { Laden, Leeg, Melding, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

type Antwoord<T> = Promise<{ data?: T; error?: unknown; response: Response }>;

/**
 * For managers and policy officers: the progress reports to raad and cliëntenraad. A made report is
 * shown as stored (each chart with its table beside it) and downloadable as PDF and JSON; the
 * quarterly figures as CSV and JSON. Counts only, small ones suppressed: no personal data.
 */
export function Rapportages({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Voortgangsrapportages');
  useEffect(() => zetDoel('beleid en sturing'), []);
  const dit = Number(vandaag().slice(0, 4));
  const [lijst, opnieuw] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/voortgangsrapportages', {
        params: { path: { gemeente: gemeente.slug } },
      }),
    [gemeente.slug],
  );
  const [jaar, zetJaar] = useState(String(dit));
  const [periode, zetPeriode] = useState('1');
  const [gekozen, zetGekozen] = useState<{ jaar: number; periode: number }>();
  const [probleem, zetProbleem] = useState<Probleem>();
  const [bezig, zetBezig] = useState(false);
  const magMaken = gemeente.rollen.some((r) => ['beleidsmedewerker', 'manager', 'beheerder'].includes(r));
  const perJaar = lijst.soort === 'klaar' ? lijst.data.periodenPerJaar : 3;
  const rapportages = lijst.soort === 'klaar' ? lijst.data.rapportages : [];
  const getoond =
    gekozen ?? (rapportages[0] ? { jaar: rapportages[0].jaar, periode: rapportages[0].periode } : undefined);

  const maak = async () => {
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/voortgangsrapportages', {
        params: { path: { gemeente: gemeente.slug } },
        body: { jaar: Number(jaar), periode: Number(periode) },
        headers: { 'idempotency-key': nieuweSleutel() },
      }),
    );
    zetBezig(false);
    if (!u.ok) return zetProbleem(u.probleem);
    zetProbleem(undefined);
    zetGekozen({ jaar: Number(jaar), periode: Number(periode) });
    opnieuw();
  };

  return (
    <>
      <Heading1>Voortgangsrapportages</Heading1>
      <Paragraph>
        De rapportage aan de raad en de cliëntenraad over de resultaten van het re-integratiebeleid, {perJaar}{' '}
        keer per jaar. Er staan geen persoonsgegevens in: aantallen onder de drempel
        {lijst.soort === 'klaar' ? ` (${lijst.data.drempel})` : ''} zijn onderdrukt (x).
      </Paragraph>
      {magMaken && (
        <section aria-labelledby="maken">
          <Heading2 id="maken">Rapportage maken</Heading2>
          <div style={{ display: 'flex', gap: '1.5rem', flexWrap: 'wrap' }}>
            <Keuzelijst
              id="rapport-jaar"
              label="Jaar"
              waarde={jaar}
              bijWijziging={zetJaar}
              opties={[dit - 3, dit - 2, dit - 1, dit].map((j) => ({ waarde: String(j), label: String(j) }))}
            />
            <Keuzelijst
              id="rapport-periode"
              label="Periode"
              hint={`${perJaar} perioden per jaar`}
              waarde={periode}
              bijWijziging={zetPeriode}
              opties={Array.from({ length: perJaar }, (_, i) => ({
                waarde: String(i + 1),
                label: `Periode ${i + 1}`,
              }))}
            />
          </div>
          <Button appearance="primary-action-button" busy={bezig} disabled={bezig} onClick={maak}>
            Rapportage maken
          </Button>
          {probleem && <ProbleemMelding probleem={probleem} />}
        </section>
      )}
      <section aria-labelledby="gemaakt">
        <Heading2 id="gemaakt">Gemaakte rapportages</Heading2>
        {lijst.soort === 'laden' && <Laden wat="De rapportages" />}
        {lijst.soort === 'fout' && <ProbleemMelding probleem={lijst.probleem} />}
        {lijst.soort === 'klaar' && rapportages.length === 0 && (
          <Leeg>Er is nog geen rapportage gemaakt.</Leeg>
        )}
        {rapportages.length > 0 && (
          <Keuzelijst
            id="rapport-kies"
            label="Toon de rapportage over"
            waarde={getoond ? `${getoond.jaar}-${getoond.periode}` : ''}
            bijWijziging={(w) => {
              const [j, p] = w.split('-').map(Number);
              zetGekozen({ jaar: j!, periode: p! });
            }}
            opties={rapportages.map((r) => ({
              waarde: `${r.jaar}-${r.periode}`,
              label: `${r.jaar}, periode ${r.periode} (gemaakt ${datum(r.aangemaaktOp.slice(0, 10))})`,
            }))}
          />
        )}
      </section>
      {getoond && <Rapport key={`${getoond.jaar}-${getoond.periode}`} gemeente={gemeente} {...getoond} />}
      <Kwartaalcijfers gemeente={gemeente} />
    </>
  );
}

function Rapport({ gemeente, jaar, periode }: { gemeente: Gemeente; jaar: number; periode: number }) {
  const path = { gemeente: gemeente.slug, jaar, periode };
  const haal = <T,>(formaat: 'pdf' | 'html' | 'json', parseAs: 'text' | 'blob') =>
    api.GET('/gemeenten/{gemeente}/voortgangsrapportages/{jaar}/{periode}', {
      params: { path, query: { formaat } },
      parseAs,
    }) as Antwoord<T>;
  const [html] = useLees(() => haal<string>('html', 'text'), [gemeente.slug, jaar, periode]);
  const naam = `voortgangsrapportage-${gemeente.slug}-${jaar}-${periode}`;
  return (
    <section aria-labelledby="rapport">
      <Heading2 id="rapport">
        Rapportage {jaar}, periode {periode}
      </Heading2>
      <ButtonGroup>
        <Downloadknop bestandsnaam={`${naam}.pdf`} haal={() => haal<Blob>('pdf', 'blob')}>
          Rapportage downloaden (PDF)
        </Downloadknop>
        <Downloadknop bestandsnaam={`${naam}.json`} haal={() => haal<Blob>('json', 'blob')}>
          Rapportage downloaden (JSON)
        </Downloadknop>
      </ButtonGroup>
      {html.soort === 'laden' && <Laden wat="De rapportage" />}
      {html.soort === 'fout' && <ProbleemMelding probleem={html.probleem} />}
      {html.soort === 'klaar' && (
        <iframe
          className="rapport"
          title={`Voortgangsrapportage ${jaar}, periode ${periode}: grafieken met hun tabellen`}
          srcDoc={html.data}
          sandbox=""
          style={{ width: '100%', minHeight: '80rem', border: '1px solid #ccc', background: '#fff' }}
        />
      )}
    </section>
  );
}

function Kwartaalcijfers({ gemeente }: { gemeente: Gemeente }) {
  const dit = Number(vandaag().slice(0, 4));
  const [jaar, zetJaar] = useState(String(dit));
  const [kwartaal, zetKwartaal] = useState('1');
  const haal = (formaat: 'csv' | 'json') =>
    api.GET('/gemeenten/{gemeente}/exports/{jaar}/{kwartaal}', {
      params: {
        path: { gemeente: gemeente.slug, jaar: Number(jaar), kwartaal: Number(kwartaal) },
        query: { formaat },
      },
      parseAs: 'blob',
    }) as Antwoord<Blob>;
  const naam = `export-${gemeente.slug}-${jaar}-k${kwartaal}`;
  return (
    <section aria-labelledby="kwartaal">
      <Heading2 id="kwartaal">Cijfers per kwartaal</Heading2>
      <Melding soort="info" titel="Zelfde regel voor kleine aantallen">
        <Paragraph>Aantallen en bedragen per voorziening; een onderdrukt aantal staat er als x.</Paragraph>
      </Melding>
      <div style={{ display: 'flex', gap: '1.5rem', flexWrap: 'wrap' }}>
        <Keuzelijst
          id="export-jaar"
          label="Jaar"
          waarde={jaar}
          bijWijziging={zetJaar}
          opties={[dit - 3, dit - 2, dit - 1, dit].map((j) => ({ waarde: String(j), label: String(j) }))}
        />
        <Keuzelijst
          id="export-kwartaal"
          label="Kwartaal"
          waarde={kwartaal}
          bijWijziging={zetKwartaal}
          opties={[1, 2, 3, 4].map((k) => ({ waarde: String(k), label: `Kwartaal ${k}` }))}
        />
      </div>
      <ButtonGroup>
        <Downloadknop bestandsnaam={`${naam}.csv`} haal={() => haal('csv')}>
          Kwartaalcijfers downloaden (CSV)
        </Downloadknop>
        <Downloadknop bestandsnaam={`${naam}.json`} haal={() => haal('json')}>
          Kwartaalcijfers downloaden (JSON)
        </Downloadknop>
      </ButtonGroup>
    </section>
  );
}
