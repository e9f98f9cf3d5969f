import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { laadRondes } from '../advies/laden.ts';
import {
  formatteerFout,
  laadBibliotheek,
  STANDAARD_WORTEL,
  yamlBestanden,
  type BestandsFout,
} from '../regelgeving/index.ts';
import type { Uitvoer } from './uitvoer.ts';

/**
 * Validates regulation files. A file is always checked together with the whole tree it belongs to,
 * because its rules may name national definitions and parameters: the tree a target lies in is the
 * nearest folder at or above it that holds the national layer (`wet/`), so a working copy of
 * `regelgeving/` elsewhere is checked as itself. A target in no tree is a draft, checked on top of
 * this installation's tree.
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
  const bomen = new Map<string, { doelen: string[]; ontwerpen: string[] }>();
  for (const doel of doelen) {
    const boom = boomVan(doel);
    const wortel = boom ?? STANDAARD_WORTEL;
    const groep = bomen.get(wortel) ?? { doelen: [], ontwerpen: [] };
    groep.doelen.push(doel);
    if (!boom) groep.ontwerpen.push(...(statSync(doel).isDirectory() ? yamlBestanden(doel) : [doel]));
    bomen.set(wortel, groep);
  }
  let code = 0;
  for (const [wortel, groep] of bomen) {
    const r = valideerBoom(wortel, groep.doelen, groep.ontwerpen, uit);
    if (r === undefined) code = 1;
    else if (!opties.quiet)
      uit.regel(
        `${r.geteld} regeling(en) geldig (${r.parameters} landelijke parameters)${
          wortel === STANDAARD_WORTEL ? '' : ` in ${wortel}`
        }.`,
      );
  }
  return code;
}

/** The regulation tree a path lies in, or undefined for a path in none (a draft). */
function boomVan(pad: string): string | undefined {
  let map = statSync(pad).isDirectory() ? pad : dirname(pad);
  for (;;) {
    if (existsSync(join(map, 'wet'))) return map;
    const boven = dirname(map);
    if (boven === map) return undefined;
    map = boven;
  }
}

const binnen = (bestand: string, doelen: readonly string[]) =>
  doelen.some((d) => bestand === d || bestand.startsWith(d.endsWith(sep) ? d : d + sep));

/** Loads one tree (with drafts on top) and reports the errors inside the targets; undefined when any. */
function valideerBoom(
  wortel: string,
  doelen: readonly string[],
  ontwerpen: readonly string[],
  uit: Uitvoer,
): { geteld: number; parameters: number } | undefined {
  const meld = (fouten: readonly BestandsFout[]) => {
    const hier = fouten.filter((f) => binnen(f.bestand, doelen));
    for (const f of hier) uit.fout(formatteerFout(f));
    return hier.length;
  };
  const resultaat = laadBibliotheek(wortel, ontwerpen);
  if (!resultaat.ok) {
    const hier = meld(resultaat.fouten);
    const elders = resultaat.fouten.length - hier;
    if (elders > 0)
      uit.fout(
        `${elders} fout(en) in andere regelingsbestanden van ${wortel}; draai 'reintegratie validate ${wortel}' voor alles.`,
      );
    // A target is only as valid as the tree its rules are read with: without it, nothing was checked.
    return undefined;
  }
  // Advice rounds beside the regulations name their articles, so they are checked against the loaded tree.
  const rondes = laadRondes(resultaat.waarde);
  if (!rondes.ok && meld(rondes.fouten) > 0) return undefined;
  return {
    geteld: resultaat.waarde.regelingen.filter((r) => binnen(r.bestand, doelen)).length,
    parameters: resultaat.waarde.parameters.size,
  };
}
