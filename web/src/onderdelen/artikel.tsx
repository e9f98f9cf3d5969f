import { Button, Heading4, Paragraph } from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { api } from '../api/klant.ts';
import type { Artikel } from '../api/typen.ts';
import { voerUit } from '../gebruik.ts';
import { ProbleemMelding } from './status.tsx';
import type { Probleem } from '../api/probleem.ts';

/**
 * "Artikel 15 lid 5" as a button: a click shows the article's text as it stands in the ordinance, and
 * the national articles it rests on, right below (no new page, so the reasons stay in view).
 */
export function ArtikelKnop({
  gemeente,
  regeling,
  artikel,
  datum,
}: {
  gemeente: string;
  regeling: string;
  artikel: string;
  datum: string;
}) {
  const [open, zetOpen] = useState(false);
  const [tekst, zetTekst] = useState<Artikel>();
  const [fout, zetFout] = useState<Probleem>();
  const id = useId();
  const nummer = artikel.split(' ')[0]!;
  const pad = regeling.split('/').at(-1)!;
  const wet = !regeling.includes('/');
  async function wissel() {
    const nu = !open;
    zetOpen(nu);
    if (nu && !tekst) {
      const u = await voerUit(() =>
        api.GET('/gemeenten/{gemeente}/regelingen/{regeling}/artikelen/{nummer}', {
          params: { path: { gemeente, regeling: pad, nummer }, query: { datum } },
        }),
      );
      if (u.ok) zetTekst(u.data);
      else zetFout(u.probleem);
    }
  }
  return (
    <div className="artikel">
      <Button
        appearance="subtle-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={wissel}
        className="artikel__knop"
      >
        Lees {wet ? 'Participatiewet ' : ''}artikel {artikel}
      </Button>
      {open && (
        <div id={id} className="artikel__tekst" role="region" aria-label={`Tekst van artikel ${artikel}`}>
          {fout && <ProbleemMelding probleem={fout} />}
          {!tekst && !fout && <span role="status">Artikel laden…</span>}
          {tekst && <ArtikelTekst artikel={tekst} />}
        </div>
      )}
    </div>
  );
}

export function ArtikelTekst({ artikel }: { artikel: Artikel }) {
  return (
    <>
      <Heading4>
        {artikel.citeertitel}, artikel {artikel.nummer}. {artikel.titel}
      </Heading4>
      {artikel.tekst && <div className="wettekst">{artikel.tekst}</div>}
      {!artikel.tekst && artikel.samenvatting && (
        <Paragraph>
          <em>Samenvatting:</em> {artikel.samenvatting}
        </Paragraph>
      )}
      {!artikel.tekst && artikel.tekstOntbreekt && (
        <Paragraph className="hint">{artikel.tekstOntbreekt}</Paragraph>
      )}
      {artikel.grondslag.length > 0 && (
        <div className="grondslag">
          <Heading4>Berust op</Heading4>
          {artikel.grondslag.map((g, i) => (
            <div key={i} className="grondslag__item">
              <strong>
                {g.citeertitel}, artikel {g.artikel}
                {g.titel ? `. ${g.titel}` : ''}
              </strong>
              {!g.inWerking && <span className="te-laat"> (niet meer in werking)</span>}
              {g.tekst && <Paragraph>{g.tekst}</Paragraph>}
              {g.bwb && (
                <Paragraph className="hint">Officiële tekst: {g.bwb} op wetten.overheid.nl</Paragraph>
              )}
            </div>
          ))}
        </div>
      )}
    </>
  );
}
