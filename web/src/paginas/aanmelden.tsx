import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTitel } from '../gebruik.ts';
import { Foutoverzicht, Tekstveld } from '../onderdelen/formulier.tsx';
import { Pagina } from '../onderdelen/pagina.tsx';
import { useSessie } from '../sessie.tsx';

export function Aanmelden() {
  useTitel('Aanmelden');
  const s = useSessie();
  const navigeer = useNavigate();
  const plek = useLocation();
  const [naam, zetNaam] = useState('');
  const [wachtwoord, zetWachtwoord] = useState('');
  const [fouten, zetFouten] = useState<{ veld?: string; bericht: string }[]>([]);
  const [bezig, zetBezig] = useState(false);
  if (s.gebruikersnaam && !bezig) return <Navigate to="/" replace />;

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    const nieuw: { veld?: string; bericht: string }[] = [];
    if (!naam.trim()) nieuw.push({ veld: 'gebruikersnaam', bericht: 'Vul uw gebruikersnaam in' });
    if (!wachtwoord) nieuw.push({ veld: 'wachtwoord', bericht: 'Vul uw wachtwoord in' });
    zetFouten(nieuw);
    if (nieuw.length > 0) return;
    zetBezig(true);
    const fout = await s.meldAan(naam.trim(), wachtwoord);
    zetBezig(false);
    if (fout) return zetFouten([{ veld: 'gebruikersnaam', bericht: fout }]);
    const terug = (plek.state as { terug?: string } | null)?.terug;
    navigeer(terug ?? '/', { replace: true });
  }

  const veldfout = (v: string) => fouten.find((f) => f.veld === v)?.bericht;
  return (
    <Pagina>
      <Heading1>Aanmelden</Heading1>
      <Paragraph>Meld u aan met de gebruikersnaam en het wachtwoord van uw organisatie.</Paragraph>
      <form onSubmit={verstuur} noValidate className="formulier">
        <Foutoverzicht fouten={fouten} />
        <Tekstveld
          id="gebruikersnaam"
          label="Gebruikersnaam"
          hint="Bijvoorbeeld casemanager@dinkelland"
          waarde={naam}
          bijWijziging={zetNaam}
          autoComplete="username"
          fout={veldfout('gebruikersnaam')}
        />
        <Tekstveld
          id="wachtwoord"
          label="Wachtwoord"
          type="password"
          waarde={wachtwoord}
          bijWijziging={zetWachtwoord}
          autoComplete="current-password"
          fout={veldfout('wachtwoord')}
        />
        <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
          Aanmelden
        </Button>
      </form>
    </Pagina>
  );
}
