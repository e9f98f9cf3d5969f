import type { Engine, Resultaat, VoorzieningUitkomst } from '../engine/index.ts';
import { bedragTekst, datumTekst } from '../taal/index.ts';
import { leesJson } from './lees-json.ts';
import type { Uitvoer } from './uitvoer.ts';

const TEKEN: Record<string, string> = { true: '✔', false: '✘', null: '?' };
const KOP: Record<VoorzieningUitkomst['uitkomst'], string> = {
  toegestaan: 'TOEGESTAAN',
  afgewezen: 'AFGEWEZEN',
  'ter-beoordeling': 'TER BEOORDELING',
  onbepaald: 'ONBEPAALD',
};

/** Evaluates one or more case files; several files give a JSON array, or tables one after another. */
export function evaluate(
  paden: readonly string[],
  opties: { json: boolean },
  engine: Engine,
  uit: Uitvoer,
): number {
  if (paden.length === 0) {
    uit.fout('gebruik: reintegratie evaluate <casus.json> [...] [--json]');
    return 1;
  }
  const resultaten: Resultaat[] = [];
  let code = 0;
  for (const pad of paden) {
    const invoer = leesJson(pad);
    if (!invoer.ok) {
      uit.fout(invoer.bericht);
      code = 1;
      continue;
    }
    const r = engine.evalueer(invoer.data);
    if (!r.ok) {
      const f = r.fout;
      if (f.code === 'ongeldige-casus')
        for (const x of f.fouten) uit.fout(`${pad}: ${x.pad || '(casus)'}: ${x.bericht}`);
      else uit.fout(`${pad}: ${f.bericht}`);
      code = 1;
      continue;
    }
    resultaten.push(r.resultaat);
    if (!opties.json) {
      if (paden.length > 1) uit.regel(`${resultaten.length > 1 ? '\n' : ''}== ${pad}`);
      for (const regel of alsTabel(r.resultaat)) uit.regel(regel);
    }
  }
  if (opties.json) uit.regel(JSON.stringify(paden.length === 1 ? resultaten[0] : resultaten, null, 2));
  return code;
}

/** The result as a person reads it on a terminal. */
export function alsTabel(r: Resultaat): string[] {
  const uit: string[] = [];
  uit.push(`Gemeente ${r.gemeente}, peildatum ${datumTekst(r.peildatum)}`);
  for (const g of r.regelingen)
    uit.push(`  ${g.titel} (vanaf ${datumTekst(g.geldigVanaf)}, ${g.hash.slice(0, 12)})`);
  for (const v of r.voorzieningen) {
    uit.push('');
    uit.push(`${v.titel} [${v.voorziening}]: ${KOP[v.uitkomst]}`);
    // An amount whose condition does not hold is "not applicable", not a failed condition.
    for (const g of v.gronden)
      uit.push(
        `  ${g.soort === 'bedrag' && g.voldaan === false ? '–' : TEKEN[String(g.voldaan)]} ${g.uitleg}`,
      );
    for (const [naam, b] of Object.entries(v.bedragen)) {
      uit.push(
        `  bedrag ${naam}: ${b.cent === null ? 'onbepaald' : bedragTekst(b.cent)} (${b.per}, art. ${b.artikel})${b.voorbehoud ? ' onder voorbehoud' : ''}`,
      );
    }
    const t = v.termijnen;
    if (t.maximaleEinddatum) uit.push(`  uiterlijk tot en met ${datumTekst(t.maximaleEinddatum)}`);
    for (const m of t.evaluatiemomenten)
      uit.push(`  ${datumTekst(m.datum)}: ${m.omschrijving} (art. ${m.artikel})`);
    for (const m of t.betaalmomenten) uit.push(`  ${datumTekst(m.datum)}: betaling ${m.bedrag}`);
    for (const q of v.vragen) uit.push(`  vraag [${q.feit}]: ${q.vraag}`);
    if (v.ontbrekendeFeiten.length > 0) uit.push(`  ontbreekt: ${v.ontbrekendeFeiten.join(', ')}`);
  }
  if (r.conflicten.length > 0) {
    uit.push('');
    uit.push('Strijd met de wet of gewijzigde grondslag:');
    for (const c of r.conflicten) uit.push(`  ${c.regeling} art. ${c.artikel} ↔ ${c.met}: ${c.uitleg}`);
  }
  for (const a of r.afwijkingen)
    uit.push(`  afwijking ${a.toegepast ? 'toegepast' : 'niet toegepast'}: ${a.uitleg}`);
  return uit;
}
