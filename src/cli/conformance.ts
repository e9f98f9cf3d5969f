import type { Engine } from '../engine/index.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Uitvoer } from './uitvoer.ts';

/** Every municipal rule in force on a date whose national basis is repealed, changed, or more generous than the law. */
export function conformance(
  datum: string | undefined,
  opties: { json: boolean },
  engine: Engine,
  uit: Uitvoer,
): number {
  if (!datum || !isGeldigeDatum(datum)) {
    uit.fout('gebruik: reintegratie conformance --date JJJJ-MM-DD');
    return 1;
  }
  const rapport = engine.bibliotheek.gemeenten().map((g) => {
    const p = engine.planOp(g.slug, datum);
    return p.ok
      ? {
          gemeente: g.slug,
          naam: g.naam,
          wet: { id: p.plan.wet.id, geldigVanaf: p.plan.wet.geldigVanaf },
          conflicten: p.plan.conflicten,
        }
      : { gemeente: g.slug, naam: g.naam, fout: p.fout };
  });
  if (opties.json) {
    uit.regel(JSON.stringify({ datum, gemeenten: rapport }, null, 2));
    return 0;
  }
  for (const g of rapport) {
    if ('fout' in g) {
      uit.regel(`${g.naam}: ${'bericht' in g.fout ? g.fout.bericht : g.fout.code}`);
      continue;
    }
    uit.regel(
      `${g.naam} (wet: ${g.wet.id} vanaf ${g.wet.geldigVanaf}): ${g.conflicten.length === 0 ? 'geen bevindingen' : `${g.conflicten.length} bevinding(en)`}`,
    );
    for (const c of g.conflicten.filter((x) => x.soort !== 'gewijzigd'))
      uit.regel(`  [${c.soort}] ${c.regeling} art. ${c.artikel} ↔ ${c.met}: ${c.uitleg}`);
    // Changed foundations are grouped per national provision: one line says what changed, then which articles rest on it.
    const perWet = new Map<string, { uitleg: string; artikelen: string[] }>();
    for (const c of g.conflicten.filter((x) => x.soort === 'gewijzigd')) {
      const wat = c.uitleg.slice(c.uitleg.indexOf('Dat is per'));
      const sleutel = `${c.met}|${wat}`;
      const groep = perWet.get(sleutel) ?? { uitleg: `${c.met}: ${wat}`, artikelen: [] };
      groep.artikelen.push(`${c.regeling.split('/')[1]} art. ${c.artikel}`);
      perWet.set(sleutel, groep);
    }
    for (const gr of perWet.values())
      uit.regel(`  [gewijzigd] ${gr.uitleg}\n      rust hierop: ${gr.artikelen.join(', ')}`);
  }
  return 0;
}
