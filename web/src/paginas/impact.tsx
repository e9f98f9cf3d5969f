import {
  Button,
  Heading1,
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
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api } from '../api/klant.ts';
import { metDoel } from '../doelen.tsx';
import type { Probleem } from '../api/probleem.ts';
import type { Impactcijfers } from '../api/typen.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { bedrag, datum, getal, UITKOMST, vandaag } from '../opmaak.ts';
import { Bestandsfouten, Bestandsveld, useBestand } from '../onderdelen/bestand.tsx';
import { Foutoverzicht, Keuzelijst, Keuzerondjes, Tekstveld } from '../onderdelen/formulier.tsx';
import { ImpactUitslag } from '../onderdelen/impactuitslag.tsx';
import { Laden, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

/**
 * Impact of a draft before the council votes: for the stored clients of the gemeente, per
 * voorziening how many change outcome and the yearly cost difference, the same figures as
 * `reintegratie impact --store`.
 */
function ImpactScherm({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Impact van een ontwerp');
  const [lijst] = useLees(
    () => api.GET('/gemeenten/{gemeente}/regelingen', { params: { path: { gemeente: gemeente.slug } } }),
    [gemeente.slug],
  );
  const [wijze, zetWijze] = useState<'ontwerp' | 'parameter'>('ontwerp');
  const bestand = useBestand();
  const [parameter, zetParameter] = useState('');
  const [nieuw, zetNieuw] = useState('');
  const [dag, zetDag] = useState(vandaag());
  const [fouten, zetFouten] = useState<{ veld?: string; bericht: string }[]>([]);
  const [probleem, zetProbleem] = useState<Probleem>();
  const [uitslag, zetUitslag] = useState<Impactcijfers>();
  const [bezig, zetBezig] = useState(false);
  const uitslagKop = useRef<HTMLHeadingElement>(null);
  const regeling = lijst.soort === 'klaar' ? lijst.data.find((r) => r.laag === 'gemeente') : undefined;
  const inWerking = regeling?.versies.find((v) => v.inWerking);
  const [doc] = useLees(
    () =>
      inWerking && regeling
        ? api.GET('/gemeenten/{gemeente}/regelingen/{regeling}/versies/{geldigVanaf}', {
            params: {
              path: { gemeente: gemeente.slug, regeling: regeling.pad, geldigVanaf: inWerking.geldigVanaf },
            },
          })
        : Promise.resolve({ data: undefined, response: new Response(null, { status: 204 }) }),
    [gemeente.slug, regeling?.pad, inWerking?.geldigVanaf],
  );
  const parameters =
    doc.soort === 'klaar' && doc.data
      ? doc.data.artikelen.flatMap((a) => a.parameters.map((p) => ({ ...p, artikel: a.nummer })))
      : [];
  const gekozen = parameters.find((p) => p.naam === parameter);
  const huidige = gekozen?.waarden.findLast((w) => w.vanaf <= dag);
  useEffect(() => {
    if (uitslag) uitslagKop.current?.focus();
  }, [uitslag]);

  async function bereken(e: FormEvent) {
    e.preventDefault();
    const ontwerp = wijze === 'ontwerp' ? await bestand.lees() : undefined;
    const f: { veld?: string; bericht: string }[] = [];
    if (!dag)
      f.push({ veld: 'impact-datum', bericht: 'Vul de datum in waarop beide versies worden toegepast' });
    let waarde: number | undefined;
    if (wijze === 'ontwerp' && !ontwerp)
      f.push({ veld: 'impact-ontwerp', bericht: 'Kies het ontwerp (YAML-bestand)' });
    if (wijze === 'parameter') {
      if (!gekozen) f.push({ veld: 'impact-parameter', bericht: 'Kies de parameter die u wilt wijzigen' });
      const n = Number(nieuw.replace(/\./g, '').replace(',', '.'));
      if (!nieuw.trim() || !Number.isFinite(n))
        f.push({ veld: 'impact-waarde', bericht: 'Vul de nieuwe waarde in als getal' });
      else waarde = gekozen?.eenheid === 'cent' ? Math.round(n * 100) : n;
    }
    zetFouten(f);
    zetProbleem(undefined);
    if (f.length > 0 || !regeling) return;
    zetBezig(true);
    zetUitslag(undefined);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/impact', {
        params: { path: { gemeente: gemeente.slug } },
        body: {
          datum: dag,
          ...(wijze === 'ontwerp' && ontwerp ? { ontwerp } : {}),
          ...(wijze === 'parameter' && gekozen && waarde !== undefined
            ? { parameter: { regeling: regeling.id, naam: gekozen.naam, waarde } }
            : {}),
        },
      }),
    );
    zetBezig(false);
    if (u.ok) zetUitslag(u.data);
    else zetProbleem(u.probleem);
  }

  if (lijst.soort === 'laden') return <Laden wat="De regelingen" />;
  if (lijst.soort === 'fout') return <ProbleemMelding probleem={lijst.probleem} />;
  return (
    <>
      <Heading1>Impact van een ontwerp</Heading1>
      <Paragraph>
        Wat verandert een ontwerp voor de cliënten van {gemeente.naam}? Elke opgeslagen cliënt wordt
        beoordeeld onder de versie in werking en onder het ontwerp, op dezelfde datum.
      </Paragraph>
      <form className="formulier" onSubmit={bereken} noValidate>
        <Foutoverzicht fouten={fouten} />
        <Keuzerondjes
          id="impact-wijze"
          label="Wat wilt u doorrekenen?"
          waarde={wijze}
          bijWijziging={(w) => zetWijze(w as 'ontwerp' | 'parameter')}
          opties={[
            { waarde: 'ontwerp', label: 'Een ontwerp dat ik upload (YAML)' },
            {
              waarde: 'parameter',
              label: `Eén parameter van de versie in werking${inWerking ? ` (${datum(inWerking.geldigVanaf)})` : ''} anders`,
            },
          ]}
        />
        {wijze === 'ontwerp' && (
          <Bestandsveld
            id="impact-ontwerp"
            label="Ontwerp (YAML-bestand)"
            hint={`Met status: ontwerp en id ${regeling?.id ?? ''}. Fouten worden getoond met bestand, regel en veld.`}
            fout={fouten.find((x) => x.veld === 'impact-ontwerp')?.bericht}
            bestand={bestand}
          />
        )}
        {wijze === 'parameter' && (
          <>
            <Keuzelijst
              id="impact-parameter"
              label="Parameter"
              waarde={parameter}
              bijWijziging={zetParameter}
              leeg="Kies een parameter…"
              opties={parameters.map((p) => ({
                waarde: p.naam,
                label: `${p.omschrijving} (artikel ${p.artikel})`,
              }))}
              fout={fouten.find((x) => x.veld === 'impact-parameter')?.bericht}
            />
            <Tekstveld
              id="impact-waarde"
              label={
                gekozen?.eenheid === 'cent'
                  ? 'Nieuwe waarde in euro'
                  : `Nieuwe waarde${gekozen ? ` in ${gekozen.eenheid}` : ''}`
              }
              hint={
                huidige
                  ? `Nu: ${huidige.waarde === null ? 'onbekend' : gekozen?.eenheid === 'cent' ? bedrag(huidige.waarde) : getal(huidige.waarde)} (${huidige.bron})`
                  : undefined
              }
              breedte="smal"
              waarde={nieuw}
              bijWijziging={zetNieuw}
              fout={fouten.find((x) => x.veld === 'impact-waarde')?.bericht}
            />
          </>
        )}
        <Tekstveld
          id="impact-datum"
          type="date"
          breedte="smal"
          label="Toepassen op datum"
          hint="Beide versies worden op deze datum toegepast, op de feiten zoals ze dan gelden."
          waarde={dag}
          bijWijziging={zetDag}
          fout={fouten.find((x) => x.veld === 'impact-datum')?.bericht}
        />
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Impact berekenen
        </Button>
      </form>
      {bezig && <Laden wat="De impact op alle cliënten" />}
      {probleem &&
        (probleem.bestandsfouten.length > 0 ? (
          <Bestandsfouten fouten={probleem.bestandsfouten} />
        ) : (
          <ProbleemMelding probleem={probleem} />
        ))}
      {uitslag && <ImpactUitslag u={uitslag} kop={uitslagKop} />}
    </>
  );
}

/** Reads personal data for 'beleid en sturing' (or the purpose chosen for it, see ../doelen.tsx). */
export const Impact = metDoel('beleid en sturing', ImpactScherm);
