import { Button, ButtonGroup, Heading2 } from '@utrecht/component-library-react';
import { type FormEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, nieuweSleutel } from '../api/klant.ts';
import { bsnFout, bsnUit, gemaskeerd } from '../bsn.ts';
import { voerUit } from '../gebruik.ts';
import { Foutoverzicht, Tekstveld } from '../onderdelen/formulier.tsx';
import type { Gemeente } from '../sessie.tsx';

type Fout = { veld?: string | undefined; bericht: string };
const VELD: Record<string, string> = {
  bsn: 'nieuw-bsn',
  naam: 'nieuw-naam',
  geboortedatum: 'nieuw-geboortedatum',
};

/**
 * Registering a new client (POST …/inwoners): name, BSN checked with the elfproef at the field before
 * it is sent, date of birth. After it the BSN is only shown masked; the client's page opens.
 */
export function NieuweClient({ gemeente, annuleer }: { gemeente: Gemeente; annuleer: () => void }) {
  const [naam, zetNaam] = useState('');
  const [bsn, zetBsn] = useState('');
  const [geboortedatum, zetGeboortedatum] = useState('');
  const [fouten, zetFouten] = useState<Fout[]>([]);
  const [bezig, zetBezig] = useState(false);
  const sleutel = useRef(nieuweSleutel());
  const naar = useNavigate();

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const nieuw: Fout[] = [];
    if (!naam.trim()) nieuw.push({ veld: VELD.naam, bericht: 'Vul de naam van de cliënt in' });
    const f = bsnFout(bsn);
    if (f) nieuw.push({ veld: VELD.bsn, bericht: f });
    if (!geboortedatum) nieuw.push({ veld: VELD.geboortedatum, bericht: 'Vul de geboortedatum in' });
    zetFouten(nieuw);
    if (nieuw.length > 0) return;
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/inwoners', {
        params: { path: { gemeente: gemeente.slug } },
        body: { naam: naam.trim(), bsn: bsnUit(bsn), geboortedatum },
        headers: { 'idempotency-key': sleutel.current },
      }),
    );
    zetBezig(false);
    if (!u.ok) {
      if (u.probleem.status === 409)
        return zetFouten([
          { veld: VELD.bsn, bericht: 'Er staat al een cliënt met dit BSN in deze gemeente. Zoek die op.' },
        ]);
      const per = u.probleem.velden.map((v) => ({
        veld: VELD[v.pad.split('.')[0]!],
        bericht: v.bericht.charAt(0).toUpperCase() + v.bericht.slice(1),
      }));
      return zetFouten(per.length > 0 ? per : [{ bericht: u.probleem.titel }]);
    }
    const id = (u.data as { id?: unknown }).id;
    sleutel.current = nieuweSleutel();
    if (typeof id === 'string')
      void naar(`/${gemeente.slug}/clienten/${id}`, {
        state: {
          melding: `${naam.trim()} is geregistreerd met BSN ${gemaskeerd(bsnUit(bsn))}.`,
        },
      });
  }

  return (
    <form className="formulier paneel" onSubmit={verstuur} noValidate aria-labelledby="nieuw-titel">
      <Heading2 id="nieuw-titel">Nieuwe cliënt registreren</Heading2>
      <Foutoverzicht fouten={fouten} />
      <Tekstveld
        id={VELD.naam!}
        label="Naam"
        hint="Voornaam en achternaam, zoals op het identiteitsbewijs"
        waarde={naam}
        bijWijziging={zetNaam}
        breedte="breed"
        autoComplete="off"
        fout={fouten.find((x) => x.veld === VELD.naam)?.bericht}
      />
      <Tekstveld
        id={VELD.bsn!}
        label="BSN"
        hint="9 cijfers. Na het registreren ziet u alleen de laatste 3."
        waarde={bsn}
        bijWijziging={zetBsn}
        breedte="smal"
        autoComplete="off"
        fout={fouten.find((x) => x.veld === VELD.bsn)?.bericht}
      />
      <Tekstveld
        id={VELD.geboortedatum!}
        type="date"
        breedte="smal"
        label="Geboortedatum"
        waarde={geboortedatum}
        bijWijziging={zetGeboortedatum}
        fout={fouten.find((x) => x.veld === VELD.geboortedatum)?.bericht}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Cliënt registreren
        </Button>
        <Button type="button" appearance="subtle-button" onClick={annuleer}>
          Annuleren
        </Button>
      </ButtonGroup>
    </form>
  );
}
