import { zoekVersie } from '../beleid/index.ts';
import type { Bibliotheek } from '../regelgeving/index.ts';
import { vergelijkRegelingen } from '../regelgeving/verschil.ts';
import type { Uitvoer } from './uitvoer.ts';

/**
 * Two versions side by side: files (a draft outside the tree is checked like `validate`) or loaded
 * versions as `<id>@<geldigVanaf>`. A version resting on another (`basis`) is compared as merged.
 */
export function diff(
  paden: readonly string[],
  opties: { json: boolean },
  bibliotheek: Bibliotheek,
  uit: Uitvoer,
): number {
  if (paden.length !== 2) {
    uit.fout('gebruik: reintegratie diff <a.yaml|id@datum> <b.yaml|id@datum>');
    return 1;
  }
  const vandaag = new Date().toISOString().slice(0, 10);
  const gevonden = paden.map((p) => zoekVersie(bibliotheek, p, vandaag));
  let fout = false;
  for (const g of gevonden) if (!g.ok) for (const f of g.fouten) ((fout = true), uit.fout(f));
  if (fout) return 1;
  const [a, b] = gevonden.map((g) => (g.ok ? g.regeling : undefined));
  const verschillen = vergelijkRegelingen(a!, b!);
  if (opties.json) {
    uit.regel(
      JSON.stringify(
        {
          van: { id: a!.id, geldigVanaf: a!.geldigVanaf },
          naar: { id: b!.id, geldigVanaf: b!.geldigVanaf },
          verschillen,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  uit.regel(
    `${a!.citeertitel} (${a!.geldigVanaf}) → ${b!.citeertitel} (${b!.geldigVanaf}): ${verschillen.length} verschil(len)`,
  );
  for (const v of verschillen)
    uit.regel(
      `  ${v.soort.padEnd(10)} ${v.onderdeel} ${v.sleutel}${v.details.length ? `: ${v.details.join('; ')}` : ''}`,
    );
  return 0;
}
