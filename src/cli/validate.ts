import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { laadRondes } from '../advies/laden.ts';
import { formatteerFout, laadBibliotheek, STANDAARD_WORTEL } from '../regelgeving/index.ts';
import type { Uitvoer } from './uitvoer.ts';

/**
 * Validates regulation files. A file is always checked together with the whole tree it belongs to,
 * because its rules may name national definitions and parameters.
 */
export function validate(paden: readonly string[], opties: { quiet: boolean }, uit: Uitvoer): number {
  const doelen = paden.length > 0 ? paden.map((p) => resolve(p)) : [STANDAARD_WORTEL];
  for (const doel of doelen) {
    try {
      statSync(doel);
    } catch {
      uit.fout(`${doel}: bestand of map bestaat niet`);
      return 1;
    }
  }
  const buitenBoom = doelen.filter((d) => !d.startsWith(STANDAARD_WORTEL) && d.endsWith('.yaml'));
  const resultaat = laadBibliotheek(STANDAARD_WORTEL, buitenBoom);
  if (!resultaat.ok) {
    const binnen = resultaat.fouten.filter((f) => doelen.some((d) => f.bestand.startsWith(d)));
    for (const f of binnen) uit.fout(formatteerFout(f));
    const elders = resultaat.fouten.length - binnen.length;
    if (elders > 0)
      uit.fout(`${elders} fout(en) in andere regelingsbestanden; draai 'reintegratie validate' voor alles.`);
    if (binnen.length > 0) return 1;
  }
  if (!resultaat.ok) return 0;
  // Advice rounds beside the regulations name their articles, so they are checked against the loaded tree.
  const rondes = laadRondes(resultaat.waarde);
  if (!rondes.ok) {
    const binnen = rondes.fouten.filter((f) => doelen.some((d) => f.bestand.startsWith(d)));
    for (const f of binnen) uit.fout(formatteerFout(f));
    if (binnen.length > 0) return 1;
  }
  const geteld = resultaat.waarde.regelingen.filter((r) =>
    doelen.some((d) => r.bestand.startsWith(d)),
  ).length;
  if (!opties.quiet)
    uit.regel(`${geteld} regeling(en) geldig (${resultaat.waarde.parameters.size} landelijke parameters).`);
  return 0;
}
