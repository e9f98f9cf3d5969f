import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as dinkelland from '../bench/handgeschreven/dinkelland.ts';
import { getuned } from '../bench/handgeschreven/getuned.ts';
import * as groningen from '../bench/handgeschreven/groningen.ts';
import { spawnSync } from 'node:child_process';
import { voerUit } from '../bench/motor.ts';
import { maakVlakkeFeiten } from '../bench/peers/feiten.ts';
import { maakNatuurlijkePeer } from '../bench/peers/json-rules-natuurlijk.ts';
import { maakRegelboom } from '../bench/peers/regelboom.ts';
import { maakZenLusPeer, maakZenPeer } from '../bench/peers/zen.ts';
import { vergelijkBedragen, vergelijkBestanden } from '../bench/vergelijk.ts';
import { aanbodVan, maakCasusmaker } from '../src/caseload/index.ts';
import { maakBatch, SLOTEN } from '../src/engine/batch.ts';
import { standaardEngine } from './helpers.ts';

// Issue 14: the bench's new peers (tuned hand-written rules, Zen in Loop Mode, the natural
// json-rules-engine encoding) and its checks on premie and term must compare what they claim to.

const engine = standaardEngine();
const situaties = [
  { gemeente: 'dinkelland', peildatum: '2016-06-01', recht: dinkelland.beoordeel },
  { gemeente: 'groningen', peildatum: '2026-06-01', recht: groningen.beoordeel },
] as const;

describe('de nieuwe peers van npm run bench', () => {
  for (const { gemeente, peildatum, recht } of situaties)
    it(`${gemeente}: de getunede regels, Zen in Loop Mode en de natuurlijke codering geven wat ze beloven`, async () => {
      const b = maakBatch(engine, gemeente, peildatum);
      if (!b.ok) throw new Error(b.fout.code);
      const boom = maakRegelboom(engine, gemeente, peildatum);
      const vlak = maakVlakkeFeiten(boom);
      const zen = maakZenPeer(boom);
      const lus = maakZenLusPeer(boom);
      const natuurlijk = maakNatuurlijkePeer(boom);
      const maker = maakCasusmaker({
        gemeente,
        peildatum,
        seed: 'bench-structuur',
        aanbod: aanbodVan(b.batch.plan),
      });
      const n = 300;
      const casussen = Array.from({ length: n }, (_, i) => maker.casus(i));
      const vakken = () => Array.from({ length: n }, () => new Uint8Array(SLOTEN.length));
      const [ons, straf, getuund, perCasus, inLus, nat] = [
        vakken(),
        vakken(),
        vakken(),
        vakken(),
        vakken(),
        vakken(),
      ];
      try {
        await lus.beoordeel(casussen.map(vlak), inLus);
        for (let i = 0; i < n; i++) {
          const c = casussen[i]!;
          b.batch.beoordeel(c, ons[i]!);
          recht(c, straf[i]!);
          getuned[gemeente]!.beoordeel(c, getuund[i]!);
          await zen.beoordeel(vlak(c), perCasus[i]!);
          await natuurlijk.beoordeel(vlak(c), nat[i]!);
        }
      } finally {
        zen.sluit();
        lus.sluit();
      }
      const rijen = (x: Uint8Array[]) => x.map((v) => v.join());
      expect(rijen(getuund)).toEqual(rijen(straf));
      expect(rijen(straf)).toEqual(rijen(ons));
      expect(rijen(inLus)).toEqual(rijen(perCasus));
      expect(rijen(perCasus)).toEqual(rijen(ons));
      // Two-valued: it marks exactly the voorzieningen judged, with 0 or 1 only.
      for (let i = 0; i < n; i++)
        for (let s = 0; s < SLOTEN.length; s++) {
          expect(nat[i]![s] === 4, `casus ${i} slot ${s}`).toBe(ons[i]![s] === 4);
          expect([0, 1, 4]).toContain(nat[i]![s]);
        }
      // Granted there where ours grants, on most; a missing fact under a negation may count the other way.
      const gelijk = nat.filter((v, i) => v.every((x, s) => x === [0, 1, 0, 0, 4][ons[i]![s]!])).length;
      expect(gelijk).toBeGreaterThan(n * 0.9);
    }, 30_000);
});

describe('de vergelijking van premie en termijn', () => {
  const map = mkdtempSync(join(tmpdir(), 'bench-structuur-'));
  afterAll(() => rmSync(map, { recursive: true, force: true }));
  const opdracht = (
    motor: 'batch' | 'uitleg' | 'uitleg-warm' | 'handgeschreven-getuned',
    aantal: number,
    stap: number,
  ) => ({
    motor,
    gemeente: 'dinkelland',
    peildatum: '2016-06-01',
    seed: 5,
    aantal,
    stap,
    tussenstanden: [],
    blok: 64,
    parallel: 1,
    bestand: join(map, `${motor}.bin`),
    bedragBestand: join(map, `${motor}.bedrag`),
  });

  it('vindt ze gelijk tussen onze uitleg en de getunede regels, en wijst een verschil aan', async () => {
    const stil = () => {};
    const batch = await voerUit(opdracht('batch', 600, 1), stil);
    expect(batch.mix?.zonderAanvraag.reduce((s, x) => s + x, 0)).toBeGreaterThan(0);
    await voerUit(opdracht('handgeschreven-getuned', 600, 1), stil);
    await voerUit(opdracht('uitleg', 200, 3), stil);
    const v = vergelijkBedragen(join(map, 'uitleg.bedrag'), join(map, 'handgeschreven-getuned.bedrag'), {
      aantal: 200,
      stap: 3,
    });
    expect(v).toMatchObject({ bedragVerschillen: 0, eindeVerschillen: 0 });
    expect(v.vergeleken).toBeGreaterThan(10);
    expect(v.metPremie).toBeGreaterThan(0);
    expect(v.metEinde).toBe(v.vergeleken);

    // A premie changed by a cent, at a case the sample holds, must be found there.
    const bytes = readFileSync(join(map, 'handgeschreven-getuned.bedrag'));
    const rij = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const casus = [...Array(200).keys()].map((k) => 3 * k).find((c) => rij[2 * c]! > 0)!;
    rij[2 * casus]! += 1;
    writeFileSync(join(map, 'fout.bedrag'), bytes);
    const fout = vergelijkBedragen(join(map, 'uitleg.bedrag'), join(map, 'fout.bedrag'), {
      aantal: 200,
      stap: 3,
    });
    expect(fout.bedragVerschillen).toBe(1);
    expect(fout.voorbeelden.map((x) => x.casus)).toEqual([casus]);

    // Projected onto granted-or-not, the batch's own codes agree with themselves projected.
    const projectie = Uint8Array.from([0, 1, 0, 0, 4]);
    const batchBytes = readFileSync(join(map, 'batch.bin'));
    writeFileSync(join(map, 'twee.bin'), Buffer.from(batchBytes.map((c) => projectie[c]!)));
    const opties = { aantal: 600, stap: 1, breedte: batch.breedte };
    expect(
      vergelijkBestanden(join(map, 'batch.bin'), join(map, 'twee.bin'), { ...opties, projectie }).verschillen,
    ).toBe(0);
    expect(
      vergelijkBestanden(join(map, 'batch.bin'), join(map, 'twee.bin'), opties).verschillen,
    ).toBeGreaterThan(0);
  }, 60_000);
});

describe('de warme uitlegrij', () => {
  const map = mkdtempSync(join(tmpdir(), 'bench-warm-'));
  afterAll(() => rmSync(map, { recursive: true, force: true }));
  const opdracht = (motor: 'batch' | 'uitleg-warm', aantal: number, stap: number) => ({
    motor,
    gemeente: 'groningen',
    peildatum: '2026-06-01',
    seed: 7,
    aantal,
    stap,
    tussenstanden: [],
    blok: 64,
    parallel: 1,
    bestand: join(map, `${motor}.bin`),
  });

  it('meet elke casus van de steekproef na een opwarmronde in hetzelfde proces, met de bytes van elke tekst', async () => {
    const stil = () => {};
    const batch = await voerUit(opdracht('batch', 600, 1), stil);
    const warm = await voerUit({ ...opdracht('uitleg-warm', 150, 4), passen: 2 }, stil);
    // The engine's own count: every case judged once before the clock and once per timed pass.
    expect(warm.warm).toMatchObject({ opwarmen: 150, gemeten: 300 });
    expect(warm.warm?.passen).toHaveLength(2);
    expect(warm.warm?.passen).toContainEqual({ seconden: warm.seconden, cpuSeconden: warm.cpuSeconden });
    expect(warm.aantal).toBe(150);
    expect(warm.cpuSeconden).toBeGreaterThan(0);
    expect(warm.opbouwSeconden).toBeGreaterThan(0);
    // The bytes counted are the UTF-8 bytes of the very texts the API would hand on.
    const b = maakBatch(engine, 'groningen', '2026-06-01');
    if (!b.ok) throw new Error(b.fout.code);
    const maker = maakCasusmaker({
      gemeente: 'groningen',
      peildatum: '2026-06-01',
      seed: 7,
      aanbod: aanbodVan(b.batch.plan),
    });
    let bytes = 0;
    for (let k = 0; k < 150; k++) {
      const r = engine.evalueerJson(maker.casus(4 * k));
      if (!r.ok) throw new Error(r.fout.code);
      bytes += Buffer.byteLength(r.json);
    }
    expect(warm.warm?.bytes).toBe(bytes);
    // Its answers are the batch's, case k of the sample being case 4k of the stream.
    const opties = { aantal: 150, stap: 4, breedte: batch.breedte };
    expect(vergelijkBestanden(join(map, 'batch.bin'), join(map, 'uitleg-warm.bin'), opties)).toEqual({
      vergeleken: 150,
      verschillen: 0,
      voorbeelden: [],
    });
  }, 60_000);

  it('staat in bench/results.md naast de koude rij, voor elke gemeente, met de spreiding over de runs', () => {
    const uitvoer = join(map, 'results.md');
    const klein = ['--cases', '300', '--uitleg-cases', '30', '--herhalingen', '2'];
    for (const peer of ['zen', 'zen-vloer', 'jre', 'jre-natuurlijk', 'jre-vloer'])
      klein.push(`--${peer}-cases`, '20');
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, '..', 'bench', 'run.ts'),
        ...klein,
        '--zonder-impact',
        '--zonder-opstart',
        '--zonder-api',
        '--uitvoer',
        uitvoer,
      ],
      { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const tekst = readFileSync(uitvoer, 'utf8');
    const delen = tekst.split(/^## /m).slice(1);
    for (const { gemeente } of situaties) {
      const deel = delen.find((d) => d.startsWith(`${gemeente},`));
      expect(deel, gemeente).toBeDefined();
      const rijen = deel!.split('\n').filter((r) => r.startsWith('| ours, explained'));
      // Cold and warm, in the table of what people wait for and in that of all engines.
      expect(rijen.filter((r) => r.includes('explained, cold'))).toHaveLength(2);
      const warm = rijen.filter((r) => r.includes('explained, warm'));
      expect(warm).toHaveLength(2);
      // The first table: cases, cases/s, its spread, per CPU-second and its spread over the 2 runs.
      const cellen = warm[0]!.split(' | ');
      expect(cellen[1]).toBe('30');
      expect(cellen.filter((c) => / \(2 runs\)$/.test(c))).toHaveLength(2);
      expect(Number(cellen[4]!.replaceAll(',', ''))).toBeGreaterThan(0);
      // The second: every 10th case of the 300, all agreeing with the batch.
      expect(warm[1]).toContain('every 10th');
      expect(warm[1]).toMatch(/\| 0 of 30 \|$/);
      expect(deel).toMatch(
        /^- ours, explained, warm .*: the same `engine\.evalueerJson\(casus\)` on the same cases as the cold row, in one process: every case judged once as a warm-up/m,
      );
    }
    expect(tekst).toContain(
      'Explained, warm: another child process judges the same cases once outside the clock',
    );
  }, 120_000);
});
