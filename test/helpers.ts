import { maakEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';

/** The shipped regulation tree, loaded once per test file. */
export function standaardEngine() {
  const b = laadBibliotheek();
  if (!b.ok)
    throw new Error(
      `regelgeving laadt niet:\n${b.fouten.map((f) => `${f.bestand}:${f.regel}: ${f.pad}: ${f.bericht}`).join('\n')}`,
    );
  return maakEngine(b.waarde);
}
