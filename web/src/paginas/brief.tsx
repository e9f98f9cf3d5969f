import { Button, ButtonGroup, Heading1, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, nieuweSleutel, zetDoel } from '../api/klant.ts';
import { type Probleem } from '../api/probleem.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { Downloadknop } from '../onderdelen/downloaden.tsx';
import { Laden, Melding, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

/**
 * The letter of a beschikking (or of the decision on a bezwaar against it) as the inwoner receives
 * it: shown as stored, downloadable as PDF. Before it is made, whoever may decide makes it here.
 */
export function Brief({ gemeente }: { gemeente: Gemeente }) {
  const { id = '', bezwaarId } = useParams();
  useTitel(bezwaarId ? 'Brief over het bezwaar' : 'Brief bij de beschikking');
  useEffect(() => zetDoel('beschikking nemen'), []);
  const pad = bezwaarId
    ? ('/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren/{bezwaarId}/brief' as const)
    : ('/gemeenten/{gemeente}/beschikkingen/{id}/brief' as const);
  const params = { gemeente: gemeente.slug, id, bezwaarId: bezwaarId ?? '' };
  const [html, opnieuw] = useLees(
    () =>
      api.GET(pad, {
        params: { path: params, query: { formaat: 'html' } },
        parseAs: 'text',
      }) as Promise<{ data?: string; error?: unknown; response: Response }>,
    [gemeente.slug, id, bezwaarId],
  );
  const [probleem, zetProbleem] = useState<Probleem>();
  const [bezig, zetBezig] = useState(false);
  const magMaken = gemeente.rollen.some((r) => r === 'casemanager' || r === 'manager');
  const maak = async () => {
    zetBezig(true);
    const u = await voerUit(() =>
      api.POST(pad, { params: { path: params }, headers: { 'idempotency-key': nieuweSleutel() } }),
    );
    zetBezig(false);
    if (u.ok) {
      zetProbleem(undefined);
      opnieuw();
    } else zetProbleem(u.probleem);
  };
  return (
    <>
      <Heading1>
        {bezwaarId ? 'Brief over de beslissing op het bezwaar' : 'Brief bij de beschikking'}
      </Heading1>
      <Paragraph>
        Dit is de brief zoals hij is opgeslagen en verstuurd. Hij wordt één keer gemaakt uit het besluit en
        verandert daarna niet.
      </Paragraph>
      {html.soort === 'laden' && <Laden wat="De brief" />}
      {html.soort === 'fout' && html.probleem.status === 404 && (
        <>
          <Melding soort="info" titel="Deze brief is nog niet gemaakt" />
          {magMaken ? (
            <Button appearance="primary-action-button" busy={bezig} disabled={bezig} onClick={maak}>
              Brief maken
            </Button>
          ) : (
            <Paragraph>Een casemanager of manager maakt de brief.</Paragraph>
          )}
        </>
      )}
      {html.soort === 'fout' && html.probleem.status !== 404 && <ProbleemMelding probleem={html.probleem} />}
      {probleem && <ProbleemMelding probleem={probleem} />}
      {html.soort === 'klaar' && (
        <>
          <ButtonGroup>
            <Downloadknop
              bestandsnaam={`brief-${bezwaarId ?? id}.pdf`}
              haal={() =>
                api.GET(pad, {
                  params: { path: params, query: { formaat: 'pdf' } },
                  parseAs: 'blob',
                }) as Promise<{ data?: Blob; error?: unknown; response: Response }>
              }
            >
              Brief downloaden (PDF)
            </Downloadknop>
          </ButtonGroup>
          <iframe
            className="brief"
            title="De brief"
            srcDoc={html.data}
            sandbox=""
            style={{ width: '100%', minHeight: '70rem', border: '1px solid #ccc', background: '#fff' }}
          />
        </>
      )}
      <Paragraph>
        <Link to={`/${gemeente.slug}/clienten`}>Terug naar de cliënten</Link>
      </Paragraph>
    </>
  );
}
