import type { Casus } from '../../src/casus/index.ts';
import { FEIT_INDEX } from '../../src/casus/index.ts';
import { ingangsdatumVan, verlengingenVan } from '../../src/engine/beslissing.ts';
import { gevraagdeEinddatum, maximaleEinddatum } from '../../src/engine/termijnen.ts';
import { eindeTermijnMaanden, leeftijdOp, naarDagnummer } from '../../src/kalender/index.ts';
import {
  AANVRAAG,
  GEVRAAGD_EINDE,
  MAX_EINDE,
  MAX_EINDE_RUIM,
  oordeelFeit,
  PERIODE,
  type Regelboom,
  WETTELIJKE_BASIS_EINDE,
} from './regelboom.ts';

/**
 * The input a peer engine gets for a case: one flat object with exactly the facts its rules read,
 * null where a fact is missing, dates as day numbers. Neither peer can do calendar arithmetic the
 * way the law counts terms, nor age from a birth date, so those few values are computed here with
 * the project's calendar, and the time for it counts in the peer's own figures.
 */
export function maakVlakkeFeiten(boom: Regelboom): (c: Casus) => Record<string, unknown> {
  const { peildatum } = boom;
  const oordelen = boom.oordelen;
  const uitFeiten: string[] = [];
  const uitAanvraag: string[] = [];
  const datums = new Set<string>();
  for (const f of boom.feiten) {
    const def = FEIT_INDEX.get(f);
    if (!def || f === 'leeftijd' || f === 'peildatum' || f === 'startdatum' || f === 'verlengingen') continue;
    (def.bron === 'aanvraag' ? uitAanvraag : uitFeiten).push(f);
    if (def.type.soort === 'datum') datums.add(f);
  }
  const metLeeftijd = boom.feiten.includes('leeftijd');
  const peildag = naarDagnummer(peildatum);
  const waarde = (naam: string, v: unknown) =>
    v === undefined ? null : datums.has(naam) ? naarDagnummer(v as string) : v;

  return (c) => {
    const uit: Record<string, unknown> = {};
    const f = c.feiten;
    const a = c.aanvraag;
    for (const n of uitFeiten) uit[n] = waarde(n, f[n]);
    for (const n of uitAanvraag) uit[n] = waarde(n, a?.[n]);
    // The rules are read as on the voorziening's first day: its period, and the age on that day.
    const start = a ? ingangsdatumVan(a, peildatum) : peildatum;
    const periode = boom.periodeVan(start);
    uit[PERIODE] = periode;
    const plan = boom.perioden[periode]?.plan;
    if (metLeeftijd)
      uit.leeftijd = typeof f.geboortedatum === 'string' ? leeftijdOp(f.geboortedatum, start) : null;
    uit.peildatum = peildag;
    uit.startdatum = naarDagnummer(start);
    const o = f.oordelen;
    for (const n of oordelen) uit[oordeelFeit(n)] = o?.[n] ?? null;
    uit[AANVRAAG] = a?.voorziening ?? '';
    uit.verlengingen = a ? verlengingenVan(a) : null;
    uit[GEVRAAGD_EINDE] = null;
    uit[MAX_EINDE] = null;
    uit[WETTELIJKE_BASIS_EINDE] = null;
    uit[MAX_EINDE_RUIM] = null;
    const pv = a && plan ? plan.voorzieningen.get(a.voorziening as never) : undefined;
    if (a) {
      const gevraagd = gevraagdeEinddatum(start, a);
      if (gevraagd !== undefined) uit[GEVRAAGD_EINDE] = naarDagnummer(gevraagd);
    }
    if (a && pv) {
      const ingang = start;
      const max = maximaleEinddatum(pv.duur, ingang, verlengingenVan(a));
      if (max !== null) uit[MAX_EINDE] = naarDagnummer(max);
      const ruim = maximaleEinddatum(pv.duurZonderWet, ingang, verlengingenVan(a));
      if (ruim !== null) uit[MAX_EINDE_RUIM] = naarDagnummer(ruim);
      const wb = pv.duur?.wettelijkeBasisMaanden;
      if (wb !== undefined) uit[WETTELIJKE_BASIS_EINDE] = naarDagnummer(eindeTermijnMaanden(ingang, wb));
    }
    return uit;
  };
}
