import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { type ComponentType, type FormEvent, type ReactNode, useEffect, useState } from 'react';
import {
  api,
  type Doel,
  doelenlijst,
  gekozenDoel,
  kiesDoel,
  opLijst,
  type Verwerkingsdoel,
  zetDoel,
  zetDoelenlijst,
} from './api/klant.ts';
import { useLees } from './gebruik.ts';
import { Foutoverzicht, Keuzerondjes } from './onderdelen/formulier.tsx';
import { Laden, ProbleemMelding } from './onderdelen/status.tsx';
import type { Gemeente } from './sessie.tsx';

/**
 * Purpose limitation in the screens: before a screen reads, the gemeente's own list of purposes is
 * read (GET …/verwerkingsdoelen). When the screen's purpose is on it, it is sent as is. When the
 * gemeente keeps a list without it, the user says once per session and gemeente for which of the
 * gemeente's purposes she works; that choice is sent (and logged) for every such screen until she
 * changes it. The application never picks a purpose for her.
 */
export function DoelPoort({
  gemeente,
  doel,
  children,
}: {
  gemeente: Gemeente;
  doel: Doel;
  children: ReactNode;
}) {
  // The purpose of this screen for the requests it sends, before its reads go out.
  zetDoel(doel);
  useEffect(() => zetDoel(doel), [doel]);
  const [lijst] = useLees(
    () =>
      api
        .GET('/gemeenten/{gemeente}/verwerkingsdoelen', { params: { path: { gemeente: gemeente.slug } } })
        .then((r) => {
          if (r.response.ok && r.data) zetDoelenlijst(gemeente.slug, r.data);
          return r;
        }),
    [gemeente.slug],
  );
  const [, zetTeller] = useState(0);
  // The list as last read in this session lets the screen read at once; the fresh one replaces it.
  const actueel = lijst.soort === 'klaar' ? lijst.data : doelenlijst(gemeente.slug);
  if (!actueel) {
    if (lijst.soort === 'fout') return <ProbleemMelding probleem={lijst.probleem} />;
    return <Laden wat="De doelen van de gemeente" />;
  }
  if (opLijst(gemeente.slug, doel)) return <>{children}</>;
  const gekozen = gekozenDoel(gemeente.slug);
  if (!gekozen)
    return <DoelKiezen gemeente={gemeente} lijst={actueel} gekozen={() => zetTeller((t) => t + 1)} />;
  return (
    <>
      <Paragraph className="doel-in-beeld hint">
        U werkt met het doel <strong data-testid="doel-in-beeld">{gekozen}</strong>.{' '}
        <Button
          appearance="subtle-button"
          onClick={() => {
            kiesDoel(gemeente.slug, undefined);
            zetTeller((t) => t + 1);
          }}
        >
          Ander doel kiezen
        </Button>
      </Paragraph>
      {children}
    </>
  );
}

function DoelKiezen({
  gemeente,
  lijst,
  gekozen,
}: {
  gemeente: Gemeente;
  lijst: readonly Verwerkingsdoel[];
  gekozen: () => void;
}) {
  const [keuze, zetKeuze] = useState('');
  const [fouten, zetFouten] = useState<{ veld: string; bericht: string }[]>([]);
  function verder(e: FormEvent) {
    e.preventDefault();
    if (!keuze) return zetFouten([{ veld: 'doel', bericht: 'Kies het doel waarvoor u nu werkt' }]);
    kiesDoel(gemeente.slug, keuze);
    gekozen();
  }
  return (
    <form className="formulier" onSubmit={verder} noValidate aria-labelledby="doel-titel">
      <Heading1 id="doel-titel">Met welk doel werkt u?</Heading1>
      <Paragraph>
        U mag gegevens van inwoners alleen bekijken voor een doel van {gemeente.naam}. Kies het doel van uw
        werk nu. Het komt bij elke inzage in het auditspoor. U kiest het één keer in deze sessie; u kunt het
        later wijzigen.
      </Paragraph>
      <Foutoverzicht fouten={fouten} />
      <Keuzerondjes
        id="doel"
        label="Doel"
        waarde={keuze}
        bijWijziging={zetKeuze}
        opties={lijst.map((d) => ({ waarde: d.doel, label: `${d.doel}: ${d.omschrijving}` }))}
        fout={fouten[0]?.bericht}
      />
      <Button type="submit" appearance="primary-action-button">
        Verder
      </Button>
    </form>
  );
}

/** A screen that reads personal data for `doel`: it opens only once the purpose to send is known. */
export function metDoel<P extends { gemeente: Gemeente }>(doel: Doel, Scherm: ComponentType<P>) {
  return function MetDoel(p: P) {
    return (
      <DoelPoort gemeente={p.gemeente} doel={doel}>
        <Scherm {...p} />
      </DoelPoort>
    );
  };
}
