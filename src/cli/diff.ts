import { resolve } from 'node:path';
import { formatteerFout, laadRegeling, STANDAARD_WORTEL } from '../regelgeving/index.ts';
import { vergelijkRegelingen } from '../regelgeving/verschil.ts';
import type { Uitvoer } from './uitvoer.ts';

export function diff(paden: readonly string[], opties: { json: boolean }, uit: Uitvoer): number {
  if (paden.length !== 2) {
    uit.fout('gebruik: reintegratie diff <a.yaml> <b.yaml>');
    return 1;
  }
  const geladen = paden.map((p) => laadRegeling(STANDAARD_WORTEL, resolve(p)));
  let fout = false;
  for (const g of geladen) if (!g.ok) for (const f of g.fouten) ((fout = true), uit.fout(formatteerFout(f)));
  if (fout) return 1;
  const [a, b] = geladen.map((g) => (g.ok ? g.waarde : undefined));
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
