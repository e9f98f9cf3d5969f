import {
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { api, zetDoel } from '../api/klant.ts';
import { useLees, useTitel } from '../gebruik.ts';
import { bedrag, datum, getal, woord } from '../opmaak.ts';
import { Laden, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';
import { NietGevonden } from './niet-gevonden.tsx';

const waarde = (w: number | null, eenheid: string) =>
  w === null ? 'onbekend' : eenheid === 'cent' ? bedrag(w) : `${getal(w)} ${eenheid}`;

/** The regulation as a document: each article's text, beside it the rules and parameters that carry it out. */
export function Document({ gemeente }: { gemeente: Gemeente }) {
  const { regeling = '', versie = '' } = useParams();
  // The law and aggregates: no personal data, so no purpose (X-Doel) is sent.
  useEffect(() => zetDoel(undefined), []);
  const [doc] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/regelingen/{regeling}/versies/{geldigVanaf}', {
        params: { path: { gemeente: gemeente.slug, regeling, geldigVanaf: versie } },
      }),
    [gemeente.slug, regeling, versie],
  );
  useTitel(doc.soort === 'klaar' ? `${doc.data.citeertitel} (${datum(doc.data.geldigVanaf)})` : 'Regeling');
  if (doc.soort === 'laden') return <Laden wat="De regeling" />;
  if (doc.soort === 'fout')
    return doc.probleem.status === 404 ? <NietGevonden /> : <ProbleemMelding probleem={doc.probleem} />;
  const d = doc.data;
  return (
    <>
      <Paragraph className="terug">
        <Link to={`/${gemeente.slug}/regelgeving`}>Terug naar de regelgeving</Link>
      </Paragraph>
      <Heading1>{d.titel}</Heading1>
      <Paragraph className="lead">
        Versie van {datum(d.geldigVanaf)}
        {d.geldigTot ? ` tot ${datum(d.geldigTot)}` : ''}, {d.status}
        {d.inWerking ? ', nu in werking' : ''}. Bron: {d.bron}.
      </Paragraph>
      {d.opmerkingen.length > 0 && (
        <details className="opmerkingen">
          <summary>{d.opmerkingen.length} opmerkingen bij het omzetten naar regels</summary>
          <UnorderedList>
            {d.opmerkingen.map((o, i) => (
              <UnorderedListItem key={i}>
                <strong>{o.onderwerp}</strong>
                {o.artikel ? ` (artikel ${o.artikel})` : ''}: {o.tekst}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </details>
      )}
      <nav aria-label="Artikelen" className="inhoudsopgave">
        <details>
          <summary>Inhoud: {d.artikelen.length} artikelen</summary>
          <ol>
            {d.artikelen.map((a) => (
              <li key={a.nummer}>
                <a href={`#artikel-${a.nummer}`}>
                  Artikel {a.nummer}. {a.titel}
                </a>
              </li>
            ))}
          </ol>
        </details>
      </nav>
      {d.artikelen.map((a) => (
        <article
          key={a.nummer}
          id={`artikel-${a.nummer}`}
          className="artikelblok"
          aria-labelledby={`kop-${a.nummer}`}
        >
          <div className="artikelblok__tekst">
            <Heading2 id={`kop-${a.nummer}`}>
              Artikel {a.nummer}. {a.titel}
            </Heading2>
            {a.tekst && <div className="wettekst">{a.tekst}</div>}
            {!a.tekst && a.samenvatting && (
              <Paragraph>
                <em>Samenvatting:</em> {a.samenvatting}
              </Paragraph>
            )}
            {!a.tekst && a.tekstOntbreekt && <Paragraph className="hint">{a.tekstOntbreekt}</Paragraph>}
            {a.toelichting && (
              <details>
                <summary>Toelichting</summary>
                <div className="wettekst">{a.toelichting}</div>
              </details>
            )}
          </div>
          <aside className="artikelblok__regels" aria-label={`Regels en wet bij artikel ${a.nummer}`}>
            {a.regels.length === 0 && a.parameters.length === 0 && a.grondslag.length === 0 && (
              <Paragraph className="hint">Geen regels bij dit artikel.</Paragraph>
            )}
            {a.regels.length > 0 && (
              <>
                <Heading3>Regels</Heading3>
                <ul className="regels">
                  {a.regels.map((r, i) => (
                    <li key={i}>
                      <span className="label">{r.soort}</span>{' '}
                      {r.voorziening && <strong>{woord(r.voorziening)}: </strong>}
                      {r.tekst} <span className="hint">(art. {r.plaats})</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {a.parameters.length > 0 && (
              <>
                <Heading3>Parameters</Heading3>
                <ul className="regels">
                  {a.parameters.map((p) => (
                    <li key={p.naam}>
                      <strong>{p.omschrijving}</strong>:{' '}
                      {p.waarden
                        .map((w) => `${waarde(w.waarde, p.eenheid)} vanaf ${datum(w.vanaf)}`)
                        .join('; ')}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {a.grondslag.length > 0 && (
              <>
                <Heading3>Berust op de wet</Heading3>
                <ul className="regels">
                  {a.grondslag.map((g, i) => (
                    <li key={i}>
                      <strong>
                        {g.citeertitel}, artikel {g.artikel}
                        {g.titel ? `. ${g.titel}` : ''}
                      </strong>
                      {!g.inWerking && <strong className="te-laat"> (niet meer in werking)</strong>}
                      {g.tekst && <div className="hint">{g.tekst}</div>}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </aside>
        </article>
      ))}
    </>
  );
}
