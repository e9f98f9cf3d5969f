import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as dinkelland from '../bench/handgeschreven/dinkelland.ts';
import * as groningen from '../bench/handgeschreven/groningen.ts';
import { voerUit } from '../bench/motor.ts';
import { maakVlakkeFeiten } from '../bench/peers/feiten.ts';
import { maakJsonRulesPeer } from '../bench/peers/json-rules.ts';
import { AANVRAAG, evalueerBoom, maakRegelboom } from '../bench/peers/regelboom.ts';
import { maakZenPeer } from '../bench/peers/zen.ts';
import { vergelijkBestanden } from '../bench/vergelijk.ts';
import { aanbodVan, maakCasusmaker } from '../src/caseload/index.ts';
import { maakBatch, SLOTEN } from '../src/engine/batch.ts';
import { standaardEngine } from './helpers.ts';

const engine = standaardEngine();
const AANTAL = 300;

const situaties = [
  { gemeente: 'dinkelland', peildatum: '2016-06-01', hand: dinkelland.beoordeel },
  { gemeente: 'groningen', peildatum: '2026-06-01', hand: groningen.beoordeel },
] as const;

describe('de motoren van npm run bench', () => {
  for (const { gemeente, peildatum, hand } of situaties)
    it(`${gemeente} ${peildatum}: batch, handgeschreven, regelboom, Zen en json-rules-engine geven elke casus dezelfde uitkomsten`, async () => {
      const b = maakBatch(engine, gemeente, peildatum);
      if (!b.ok) throw new Error(b.fout.code);
      const boom = maakRegelboom(engine, gemeente, peildatum);
      const vlak = maakVlakkeFeiten(boom);
      const jre = maakJsonRulesPeer(boom);
      const zen = maakZenPeer(boom);
      const maker = maakCasusmaker({
        gemeente,
        peildatum,
        seed: 'bench-peers',
        aanbod: aanbodVan(b.batch.plan),
      });
      const verschillen: string[] = [];
      const gezien = new Set<number>();
      try {
        for (let i = 0; i < AANTAL; i++) {
          const c = maker.casus(i);
          const f = vlak(c);
          const ons = new Uint8Array(SLOTEN.length);
          b.batch.beoordeel(c, ons);
          const boomUit = new Uint8Array(SLOTEN.length).fill(4);
          for (const v of boom.voorzieningen)
            if (f[AANVRAAG] === '' || f[AANVRAAG] === v.id) boomUit[v.slot] = evalueerBoom(v.uitkomst, f);
          for (const n of boom.nietAangeboden)
            if (f[AANVRAAG] === n.id) boomUit[n.slot] = evalueerBoom(n.uitkomst, f);
          const handUit = new Uint8Array(SLOTEN.length);
          hand(c, handUit);
          const jreUit = new Uint8Array(SLOTEN.length);
          await jre.beoordeel(f, jreUit);
          const zenUit = new Uint8Array(SLOTEN.length);
          await zen.beoordeel(f, zenUit);
          for (const [naam, uit] of [
            ['regelboom', boomUit],
            ['handgeschreven', handUit],
            ['json-rules-engine', jreUit],
            ['zen', zenUit],
          ] as const)
            if (uit.join() !== ons.join())
              verschillen.push(`casus ${i} ${naam}: ${ons.join()} ≠ ${uit.join()}`);
          for (const code of ons) gezien.add(code);
        }
      } finally {
        zen.sluit();
      }
      expect(verschillen).toEqual([]);
      // The cases reach every outcome, so agreement is not agreement on "afgewezen" alone.
      expect([...gezien].sort()).toEqual([0, 1, 2, 3, 4]);
    }, 20_000);

  it('json-rules-engine krijgt gedeelde condities: de regels groeien lineair met de regelboom', () => {
    const boom = maakRegelboom(engine, 'dinkelland', '2016-06-01');
    const jre = maakJsonRulesPeer(boom);
    // Written out inline the four predicates came to 4,957 conditions for one period of versions;
    // shared they are a few hundred per period the requests can start in.
    expect(jre.aantalCondities).toBeGreaterThan(0);
    expect(jre.aantalCondities).toBeLessThan(400 * boom.perioden.length);
  });
});

describe('de vergelijking van npm run bench', () => {
  const map = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  afterAll(() => rmSync(map, { recursive: true, force: true }));
  const opdracht = (motor: 'batch' | 'handgeschreven' | 'uitleg', aantal: number, stap: number) => ({
    motor,
    gemeente: 'groningen',
    peildatum: '2026-06-01',
    seed: 3,
    aantal,
    stap,
    tussenstanden: [100],
    blok: 64,
    parallel: 1,
    bestand: join(map, `${motor}.bin`),
  });

  it('vindt geen verschil tussen eens zijnde motoren, ook niet op een steekproef, en wijst een verschil aan', async () => {
    const stil = () => {};
    const batch = await voerUit(opdracht('batch', 400, 1), stil);
    expect(batch.aantal).toBe(400);
    expect(Object.keys(batch.tussentijden).sort()).toEqual(['100', '400']);
    await voerUit(opdracht('handgeschreven', 400, 1), stil);
    await voerUit(opdracht('uitleg', 40, 10), stil);
    const ref = join(map, 'batch.bin');
    // The file's width is the batch's own slot count, one byte per slot per case.
    const b = maakBatch(engine, 'groningen', '2026-06-01');
    if (!b.ok) throw new Error(b.fout.code);
    expect(batch.breedte).toBe(b.batch.sloten.length);
    expect(readFileSync(ref).length).toBe(400 * batch.breedte);
    const opties = { breedte: batch.breedte };
    expect(
      vergelijkBestanden(ref, join(map, 'handgeschreven.bin'), { ...opties, aantal: 400, stap: 1 }),
    ).toEqual({ vergeleken: 400, verschillen: 0, voorbeelden: [] });
    expect(
      vergelijkBestanden(ref, join(map, 'uitleg.bin'), { ...opties, aantal: 40, stap: 10 }).verschillen,
    ).toBe(0);

    // One changed outcome of case 237 must be found, and only that one.
    const bytes = readFileSync(join(map, 'handgeschreven.bin'));
    const plek = 237 * batch.breedte + 5;
    bytes[plek] = (bytes[plek]! + 1) % 5;
    writeFileSync(join(map, 'fout.bin'), bytes);
    const v = vergelijkBestanden(ref, join(map, 'fout.bin'), { ...opties, aantal: 400, stap: 1 });
    expect(v.verschillen).toBe(1);
    expect(v.voorbeelden.map((x) => x.casus)).toEqual([237]);
    // The sample maps case k of its file to case k·stap of the stream: shifted, it must disagree somewhere.
    expect(
      vergelijkBestanden(ref, join(map, 'uitleg.bin'), { ...opties, aantal: 40, stap: 9 }).verschillen,
    ).toBeGreaterThan(0);
  }, 20_000);
});
