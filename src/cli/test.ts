import { resolve } from 'node:path';
import type { Engine } from '../engine/index.ts';
import { formatteerFout, isTestBestand, STANDAARD_WORTEL, yamlBestanden } from '../regelgeving/index.ts';
import { draaiTestbestand } from '../testgevallen/index.ts';
import type { Uitvoer } from './uitvoer.ts';

/** Runs the conformance cases beside the regulation files and prints one line per failure. */
export function test(paden: readonly string[], engine: Engine, uit: Uitvoer): number {
  const doelen = paden.length > 0 ? paden.map((p) => resolve(p)) : [STANDAARD_WORTEL];
  const bestanden = doelen
    .flatMap((d) => (d.endsWith('.yaml') ? [d] : yamlBestanden(d)))
    .filter(isTestBestand);
  let geslaagd = 0;
  let mislukt = 0;
  for (const bestand of bestanden) {
    const { fouten, uitslagen } = draaiTestbestand(engine, bestand);
    for (const f of fouten) uit.fout(formatteerFout(f));
    mislukt += fouten.length;
    for (const u of uitslagen) {
      if (u.afwijkingen.length === 0) geslaagd++;
      else {
        mislukt++;
        uit.fout(`${u.bestand}:${u.regel ?? 1}: ${u.naam}\n    ${u.afwijkingen.join('\n    ')}`);
      }
    }
  }
  uit.regel(`${geslaagd} passed, ${mislukt} failed (${bestanden.length} bestanden)`);
  return mislukt > 0 ? 1 : 0;
}
