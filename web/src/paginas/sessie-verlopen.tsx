import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Foutoverzicht, Tekstveld } from '../onderdelen/formulier.tsx';
import { useSessie } from '../sessie.tsx';

/**
 * When the API rejects the session (expired), a dialog over the page asks to sign in again. The page
 * stays as it was underneath, so nothing that was typed is lost; after signing in the user sends it again.
 */
export function SessieVerlopen() {
  const s = useSessie();
  const dialoog = useRef<HTMLDialogElement>(null);
  const [wachtwoord, zetWachtwoord] = useState('');
  const [fout, zetFout] = useState<string | undefined>();
  const [klaar, zetKlaar] = useState(false);
  // The form exists only while the dialog is open, so the page has one password field at a time.
  const [open, zetOpen] = useState(false);
  useEffect(() => {
    if (s.verlopen) {
      zetKlaar(false);
      zetOpen(true);
    }
  }, [s.verlopen]);
  useEffect(() => {
    const d = dialoog.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    if (!wachtwoord) return zetFout('Vul uw wachtwoord in');
    const f = await s.meldAan(
      s.gebruikersnaam ?? sessionStorage.getItem('reintegratie.gebruiker') ?? '',
      wachtwoord,
    );
    if (f) return zetFout(f);
    zetWachtwoord('');
    zetFout(undefined);
    zetKlaar(true);
  }

  return (
    <dialog ref={dialoog} className="dialoog" aria-labelledby="verlopen-titel" onClose={() => zetOpen(false)}>
      {!open ? null : klaar ? (
        <>
          <Heading2 id="verlopen-titel">U bent weer aangemeld</Heading2>
          <Paragraph>Wat u had getypt, staat er nog. Verstuur het opnieuw als dat nodig is.</Paragraph>
          <Button appearance="primary-action-button" onClick={() => dialoog.current?.close()}>
            Verder
          </Button>
        </>
      ) : (
        <form onSubmit={verstuur} noValidate>
          <Heading2 id="verlopen-titel">Uw sessie is verlopen</Heading2>
          <Paragraph>
            Meld u opnieuw aan om verder te gaan. Wat u op de pagina had getypt, blijft bewaard.
          </Paragraph>
          <Foutoverzicht fouten={fout ? [{ veld: 'opnieuw-wachtwoord', bericht: fout }] : []} />
          <Tekstveld
            id="opnieuw-wachtwoord"
            label={`Wachtwoord van ${s.gebruikersnaam ?? 'uw account'}`}
            type="password"
            waarde={wachtwoord}
            bijWijziging={zetWachtwoord}
            autoComplete="current-password"
            fout={fout}
          />
          <Button type="submit" appearance="primary-action-button">
            Opnieuw aanmelden
          </Button>
        </form>
      )}
    </dialog>
  );
}
