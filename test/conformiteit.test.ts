import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestBestand, STANDAARD_WORTEL, VOORZIENINGEN, yamlBestanden } from '../src/regelgeving/index.ts';
import { draaiGeval, leesTestbestand } from '../src/testgevallen/index.ts';
import { standaardEngine } from './helpers.ts';

// Every *.test.yaml beside the regulation files becomes a test here, one per case.
const engine = standaardEngine();
const bestanden = yamlBestanden(STANDAARD_WORTEL).filter(isTestBestand);
// As `reintegratie test` does: an expectation may name a voorziening a regulation declares itself.
const eigen = engine.bibliotheek.regelingen.flatMap((r) => Object.keys(r.vocabulaire?.voorzieningen ?? {}));
const bekend = [...VOORZIENINGEN, ...new Set(eigen)];

describe('conformiteitsgevallen', () => {
  it('bestaan voor elke gemeentelijke regeling', () => {
    const metGevallen = new Set(bestanden.map((b) => b.replace(/\.test\.yaml$/, '.yaml')));
    const zonder = engine.bibliotheek.regelingen
      .filter((r) => r.laag === 'gemeente' && !metGevallen.has(r.bestand))
      .map((r) => r.id);
    expect(zonder).toEqual([]);
  });

  for (const bestand of bestanden) {
    const gelezen = leesTestbestand(bestand, bekend);
    describe(relative(STANDAARD_WORTEL, bestand), () => {
      if (!gelezen.ok) {
        it('is een geldig testbestand', () => expect(gelezen.fouten).toEqual([]));
        return;
      }
      it('heeft ten minste 15 gevallen', () => expect(gelezen.gevallen.length).toBeGreaterThanOrEqual(15));
      for (const g of gelezen.gevallen) {
        it(`${g.naam} (regel ${g.regel})`, () => {
          expect(draaiGeval(engine, g.casus, g.verwacht)).toEqual([]);
        });
      }
    });
  }
});
