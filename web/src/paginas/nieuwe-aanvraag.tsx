import { Button, ButtonGroup, Heading3 } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { api, nieuweSleutel } from '../api/klant.ts';
import type { Dossier } from '../api/typen.ts';
import { useLees, voerUit } from '../gebruik.ts';
import { datum, vandaag } from '../opmaak.ts';
import { Foutoverzicht, Keuzelijst, Keuzerondjes, Tekstveld } from '../onderdelen/formulier.tsx';
import { Laden, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

type Fout = { veld?: string | undefined; bericht: string };
const VELD: Record<string, string> = {
  voorziening: 'aanvraag-voorziening',
  soort: 'aanvraag-soort',
  ontvangenOp: 'aanvraag-ontvangen',
  ingangsdatum: 'aanvraag-ingang',
  duurMaanden: 'aanvraag-duur',
  urenPerWeek: 'aanvraag-uren',
};

/**
 * Registering a request for a voorziening (POST …/aanvragen), or a procedure the college starts
 * itself (ambtshalve). The voorzieningen offered are the gemeente's as judged for this client today,
 * by their titles; the beschikking later names this request and closes it.
 */
export function NieuweAanvraag({
  gemeente,
  dossier,
  gedaan,
  annuleer,
}: {
  gemeente: Gemeente;
  dossier: Dossier;
  gedaan: (t: string) => void;
  annuleer: () => void;
}) {
  const [aanbod] = useLees(
    () =>
      api.POST('/gemeenten/{gemeente}/dossiers/{id}/aanbod', {
        params: { path: { gemeente: gemeente.slug, id: dossier.inwoner.id } },
        body: { peildatum: vandaag() },
        headers: { 'x-doel': 'aanvraag beoordelen' },
      }),
    [gemeente.slug, dossier.inwoner.id],
  );
  const [voorziening, zetVoorziening] = useState('');
  const [soort, zetSoort] = useState('aanvraag');
  const [ontvangen, zetOntvangen] = useState(vandaag());
  const [ingang, zetIngang] = useState(vandaag());
  const [duur, zetDuur] = useState('');
  const [uren, zetUren] = useState('');
  const [fouten, zetFouten] = useState<Fout[]>([]);
  const [bezig, zetBezig] = useState(false);
  const sleutel = useRef(nieuweSleutel());
  const opties =
    aanbod.soort === 'klaar'
      ? aanbod.data.voorzieningen.map((v) => ({ waarde: v.voorziening, label: v.titel }))
      : [];

  const geheel = (w: string, veld: string, wat: string, max: number, nieuw: Fout[]) => {
    if (w === '') return undefined;
    const n = Number(w);
    if (!Number.isInteger(n) || n < 1 || n > max) {
      nieuw.push({ veld, bericht: `Vul ${wat} in als een heel getal van 1 tot en met ${max}` });
      return undefined;
    }
    return n;
  };

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const nieuw: Fout[] = [];
    if (!voorziening) nieuw.push({ veld: VELD.voorziening, bericht: 'Kies de voorziening' });
    if (!ontvangen) nieuw.push({ veld: VELD.ontvangenOp, bericht: 'Vul in wanneer de aanvraag binnenkwam' });
    if (!ingang) nieuw.push({ veld: VELD.ingangsdatum, bericht: 'Vul de gewenste ingangsdatum in' });
    const duurMaanden = geheel(duur, VELD.duurMaanden!, 'de duur in maanden', 120, nieuw);
    const urenPerWeek = geheel(uren, VELD.urenPerWeek!, 'de uren per week', 40, nieuw);
    zetFouten(nieuw);
    if (nieuw.length > 0) return;
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/aanvragen', {
        params: { path: { gemeente: gemeente.slug } },
        body: {
          inwonerId: dossier.inwoner.id,
          soort: soort as 'aanvraag' | 'ambtshalve',
          voorziening: voorziening as never,
          ontvangenOp: ontvangen,
          gegevens: {
            voorziening: voorziening as never,
            ingangsdatum: ingang,
            ...(duurMaanden !== undefined ? { duurMaanden } : {}),
            ...(urenPerWeek !== undefined ? { urenPerWeek } : {}),
          },
        },
        headers: { 'idempotency-key': sleutel.current },
      }),
    );
    zetBezig(false);
    if (!u.ok) {
      const per = u.probleem.velden.map((v) => ({
        veld: VELD[v.pad.split('.').at(-1)!] ?? VELD[v.pad.split('.')[0]!],
        bericht: v.bericht.charAt(0).toUpperCase() + v.bericht.slice(1),
      }));
      return zetFouten(per.length > 0 ? per : [{ bericht: u.probleem.titel }]);
    }
    sleutel.current = nieuweSleutel();
    const titel = opties.find((o) => o.waarde === voorziening)?.label ?? voorziening;
    const termijn = (u.data as { beslistermijnEinde?: unknown }).beslistermijnEinde;
    gedaan(
      `${soort === 'ambtshalve' ? 'De ambtshalve procedure' : 'De aanvraag'} voor ${titel} is geregistreerd${
        typeof termijn === 'string' ? `; beslis uiterlijk ${datum(termijn)} (8 weken, art. 4:13 Awb)` : ''
      }.`,
    );
  }

  return (
    <form className="formulier paneel" onSubmit={verstuur} noValidate aria-labelledby="aanvraag-titel">
      <Heading3 id="aanvraag-titel">Nieuwe aanvraag registreren</Heading3>
      <Foutoverzicht fouten={fouten} />
      {aanbod.soort === 'laden' && <Laden wat="De voorzieningen van de gemeente" />}
      {aanbod.soort === 'fout' && <ProbleemMelding probleem={aanbod.probleem} />}
      <Keuzelijst
        id={VELD.voorziening!}
        label="Voorziening"
        waarde={voorziening}
        bijWijziging={zetVoorziening}
        leeg="Kies een voorziening…"
        opties={opties}
        fout={fouten.find((f) => f.veld === VELD.voorziening)?.bericht}
      />
      <Keuzerondjes
        id={VELD.soort!}
        label="Wie vraagt?"
        waarde={soort}
        bijWijziging={zetSoort}
        opties={[
          { waarde: 'aanvraag', label: 'De cliënt vraagt het aan' },
          { waarde: 'ambtshalve', label: 'De gemeente begint zelf (ambtshalve)' },
        ]}
      />
      <Tekstveld
        id={VELD.ontvangenOp!}
        type="date"
        breedte="smal"
        label="Ontvangen op"
        hint="Vanaf deze dag loopt de beslistermijn van 8 weken."
        waarde={ontvangen}
        bijWijziging={zetOntvangen}
        fout={fouten.find((f) => f.veld === VELD.ontvangenOp)?.bericht}
      />
      <Tekstveld
        id={VELD.ingangsdatum!}
        type="date"
        breedte="smal"
        label="Gewenste ingangsdatum"
        waarde={ingang}
        bijWijziging={zetIngang}
        fout={fouten.find((f) => f.veld === VELD.ingangsdatum)?.bericht}
      />
      <Tekstveld
        id={VELD.duurMaanden!}
        type="number"
        breedte="smal"
        label="Duur in maanden (als gevraagd)"
        waarde={duur}
        bijWijziging={zetDuur}
        fout={fouten.find((f) => f.veld === VELD.duurMaanden)?.bericht}
      />
      <Tekstveld
        id={VELD.urenPerWeek!}
        type="number"
        breedte="smal"
        label="Uren per week (als gevraagd)"
        waarde={uren}
        bijWijziging={zetUren}
        fout={fouten.find((f) => f.veld === VELD.urenPerWeek)?.bericht}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Aanvraag registreren
        </Button>
        <Button type="button" appearance="subtle-button" onClick={annuleer}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
