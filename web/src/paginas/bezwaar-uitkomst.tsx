import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../api/klant.ts';
import { netwerkProbleem, type Probleem, probleemUit } from '../api/probleem.ts';
import { datum, vandaag } from '../opmaak.ts';
import { Foutoverzicht, Keuzerondjes, Tekstveld, Tekstvak } from '../onderdelen/formulier.tsx';
import { Laden, Melding, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

/** The outcomes of a bezwaar (art. 7:11 Awb and withdrawal), in words. */
export const BEZWAARUITKOMST: Record<string, string> = {
  gegrond: 'gegrond',
  ongegrond: 'ongegrond',
  'niet-ontvankelijk': 'niet-ontvankelijk',
  ingetrokken: 'ingetrokken',
};

type Fout = { veld?: string | undefined; bericht: string };
type Stand =
  | { soort: 'laden' }
  | { soort: 'fout'; probleem: Probleem }
  | { soort: 'klaar'; etag: string; uitkomst: string | null };

/**
 * Recording the outcome of a bezwaar: the bezwaar is read first for its version (ETag), the outcome
 * is sent with If-Match. When someone else changed it in between (412) the screen says so in Dutch,
 * keeps what was typed and reads the new state, so nothing is overwritten unseen.
 */
export function BezwaarUitkomst({
  gemeente,
  beschikkingId,
  bezwaarId,
  gedaan,
}: {
  gemeente: Gemeente;
  beschikkingId: string;
  bezwaarId: string;
  gedaan: (t: string) => void;
}) {
  const [stand, zetStand] = useState<Stand>({ soort: 'laden' });
  const [lees, zetLees] = useState(0);
  const [uitkomst, zetUitkomst] = useState('');
  const [beslistOp, zetBeslistOp] = useState(vandaag());
  const [toelichting, zetToelichting] = useState('');
  const [fouten, zetFouten] = useState<Fout[]>([]);
  const [conflict, zetConflict] = useState(false);
  const [bezig, zetBezig] = useState(false);
  const pad = { gemeente: gemeente.slug, id: beschikkingId, bezwaarId };

  useEffect(() => {
    let weg = false;
    api
      .GET('/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren/{bezwaarId}', {
        params: { path: { gemeente: gemeente.slug, id: beschikkingId, bezwaarId } },
        headers: { 'x-doel': 'bezwaar behandelen' },
      })
      .then(({ data, error, response }) => {
        if (weg) return;
        const etag = response.headers.get('etag');
        if (response.ok && data && etag)
          zetStand({
            soort: 'klaar',
            etag,
            uitkomst: typeof data.uitkomst === 'string' ? data.uitkomst : null,
          });
        else zetStand({ soort: 'fout', probleem: probleemUit(error, response) });
      })
      .catch(() => !weg && zetStand({ soort: 'fout', probleem: netwerkProbleem() }));
    return () => {
      weg = true;
    };
  }, [gemeente.slug, beschikkingId, bezwaarId, lees]);

  async function verstuur(e: FormEvent) {
    e.preventDefault();
    if (stand.soort !== 'klaar') return;
    const nieuw: Fout[] = [];
    if (!uitkomst) nieuw.push({ veld: 'uitkomst', bericht: 'Kies de uitkomst van het bezwaar' });
    if (!beslistOp) nieuw.push({ veld: 'uitkomst-datum', bericht: 'Vul de datum van de beslissing in' });
    if (toelichting.trim().length < 10)
      nieuw.push({
        veld: 'uitkomst-toelichting',
        bericht: 'Schrijf waarom het bezwaar zo is beslist (minstens 10 tekens)',
      });
    zetFouten(nieuw);
    if (nieuw.length > 0) return;
    zetBezig(true);
    try {
      const { error, response } = await api.PATCH(
        '/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren/{bezwaarId}',
        {
          params: { path: pad },
          body: { uitkomst, beslistOp, toelichting: toelichting.trim() },
          headers: { 'if-match': stand.etag, 'x-doel': 'bezwaar behandelen' },
        },
      );
      if (response.status === 412) {
        // Keep what was typed; read the bezwaar again for its new version and state.
        zetConflict(true);
        zetFouten([]);
        zetLees((n) => n + 1);
        return;
      }
      if (!response.ok) {
        const p = probleemUit(error, response);
        const veld: Record<string, string> = {
          uitkomst: 'uitkomst',
          beslistOp: 'uitkomst-datum',
          toelichting: 'uitkomst-toelichting',
        };
        const per = p.velden.map((v) => ({ veld: veld[v.pad], bericht: v.bericht }));
        return zetFouten(per.length > 0 ? per : [{ bericht: p.titel }]);
      }
      gedaan(
        `De uitkomst van het bezwaar is vastgelegd: ${BEZWAARUITKOMST[uitkomst] ?? uitkomst}, op ${datum(beslistOp)}.`,
      );
    } catch {
      zetFouten([{ bericht: netwerkProbleem().titel }]);
    } finally {
      zetBezig(false);
    }
  }

  return (
    <form
      className="formulier paneel"
      onSubmit={verstuur}
      noValidate
      aria-labelledby={`uitkomst-titel-${bezwaarId}`}
    >
      <Heading3 id={`uitkomst-titel-${bezwaarId}`}>Uitkomst van het bezwaar vastleggen</Heading3>
      {conflict && (
        <Melding
          soort="error"
          titel="Iemand anders heeft dit bezwaar intussen gewijzigd. Uw uitkomst is niet opgeslagen."
        >
          <Paragraph>
            Wat u typte staat er nog.{' '}
            {stand.soort === 'klaar' && stand.uitkomst
              ? `Er is intussen al beslist: ${BEZWAARUITKOMST[stand.uitkomst] ?? stand.uitkomst}.`
              : 'De nieuwe stand is gelezen: leg de uitkomst opnieuw vast als die nog klopt.'}
          </Paragraph>
          {stand.soort === 'klaar' && stand.uitkomst && (
            <Button
              appearance="secondary-action-button"
              onClick={() =>
                gedaan(
                  `Dit bezwaar was intussen al beslist: ${BEZWAARUITKOMST[stand.uitkomst!] ?? stand.uitkomst}. Het dossier is opnieuw geladen.`,
                )
              }
            >
              Sluiten en dossier opnieuw laden
            </Button>
          )}
        </Melding>
      )}
      {stand.soort === 'laden' && <Laden wat="Het bezwaar" />}
      {stand.soort === 'fout' && <ProbleemMelding probleem={stand.probleem} />}
      <Foutoverzicht fouten={fouten} />
      <Keuzerondjes
        id="uitkomst"
        label="Uitkomst"
        waarde={uitkomst}
        bijWijziging={zetUitkomst}
        opties={Object.entries(BEZWAARUITKOMST).map(([waarde, label]) => ({ waarde, label }))}
        fout={fouten.find((f) => f.veld === 'uitkomst')?.bericht}
      />
      <Tekstveld
        id="uitkomst-datum"
        type="date"
        breedte="smal"
        label="Beslist op"
        waarde={beslistOp}
        bijWijziging={zetBeslistOp}
        fout={fouten.find((f) => f.veld === 'uitkomst-datum')?.bericht}
      />
      <Tekstvak
        id="uitkomst-toelichting"
        label="Toelichting"
        hint="Waarom het bezwaar zo is beslist, in gewone taal."
        waarde={toelichting}
        bijWijziging={zetToelichting}
        fout={fouten.find((f) => f.veld === 'uitkomst-toelichting')?.bericht}
      />
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={bezig}
          disabled={bezig || stand.soort !== 'klaar' || (conflict && stand.uitkomst !== null)}
        >
          Uitkomst vastleggen
        </Button>
      </ButtonGroup>
    </form>
  );
}
