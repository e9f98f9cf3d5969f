import { maakEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';
import { main } from '../src/cli/main.ts';
import type { Uitvoer } from '../src/cli/uitvoer.ts';

/** The shipped regulation tree, loaded once per test file. */
export function standaardEngine() {
  const b = laadBibliotheek();
  if (!b.ok)
    throw new Error(
      `regelgeving laadt niet:\n${b.fouten.map((f) => `${f.bestand}:${f.regel}: ${f.pad}: ${f.bericht}`).join('\n')}`,
    );
  return maakEngine(b.waarde);
}

/** Runs the CLI in this process, as `reintegratie <argv>` would, and collects what it writes. */
export async function draai(...argv: string[]) {
  const uit: string[] = [];
  const fout: string[] = [];
  const u: Uitvoer = { regel: (t) => uit.push(t), fout: (t) => fout.push(t) };
  const code = await main(argv, u);
  return { code, uit: uit.join('\n'), fout: fout.join('\n') };
}
