import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { aanbodVan, caseload as maakCaseload, maakVoortgang, schrijfNdjson } from '../caseload/index.ts';
import type { Engine } from '../engine/index.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Uitvoer } from './uitvoer.ts';

export interface CaseloadOpties {
  readonly gemeente?: string | undefined;
  readonly date?: string | undefined;
  readonly generated?: string | undefined;
  readonly seed?: string | undefined;
  readonly out?: string | undefined;
}

export const CASELOAD_GEBRUIK =
  'gebruik: reintegratie caseload --gemeente <slug> --date JJJJ-MM-DD --generated N [--seed S] [--out <bestand.ndjson>]';

/**
 * Writes a synthetic caseload as NDJSON, one case a line in the case contract, to a file or stdout:
 * input for `impact --cases`, for `evaluate`, or for another system. Streaming, so a million cases
 * take little memory; the progress bar goes to stderr and only on a terminal.
 */
export async function caseload(opties: CaseloadOpties, engine: Engine, uit: Uitvoer): Promise<number> {
  const fout = (t: string) => {
    uit.fout(`${t}\n${CASELOAD_GEBRUIK}`);
    return 1;
  };
  const { gemeente, date } = opties;
  if (!gemeente) return fout('--gemeente ontbreekt');
  if (!date || !isGeldigeDatum(date))
    return fout(`--date moet een datum JJJJ-MM-DD zijn, niet '${date ?? ''}'`);
  const aantal = Number(opties.generated);
  if (!Number.isSafeInteger(aantal) || aantal <= 0)
    return fout(`--generated moet een positief geheel getal zijn, niet '${opties.generated ?? ''}'`);
  // The same reading of --seed as impact, so both make the same cases from the same seed.
  const s = opties.seed;
  const seed = s === undefined ? 1 : /^\d+$/.test(s) ? Number(s) : s;
  const plan = engine.planOp(gemeente, date);
  if (!plan.ok)
    return fout(
      plan.fout.code === 'onbekende-gemeente'
        ? `onbekende gemeente '${gemeente}' (zie reintegratie ordinances)`
        : `geen regeling van '${gemeente}' in werking op ${date}`,
    );
  const casussen = maakCaseload({ gemeente, peildatum: date, aantal, seed, aanbod: aanbodVan(plan.plan) });
  const voortgang = maakVoortgang('caseload', aantal);
  if (opties.out) {
    const stroom = createWriteStream(opties.out);
    await schrijfNdjson(casussen, stroom, voortgang);
    stroom.end();
    await finished(stroom);
    uit.fout(`${aantal.toLocaleString('nl-NL')} casussen geschreven naar ${opties.out}`);
  } else {
    await schrijfNdjson(casussen, process.stdout, voortgang);
  }
  return 0;
}
