import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  BEWAARTIJD_MS,
  onthoudenHashes,
  vergeetInWerking,
} from '../src/administratie/in-werking-geheugen.ts';
import { engineInWerking } from '../src/administratie/ontwerpen.ts';
import type { Db, Opslag } from '../src/opslag/database.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

/**
 * POST /evaluate asks on every request which drafts the gemeente's council adopted; it may answer from
 * a memory of a few seconds. An adoption in this process is seen at once (the API test
 * "/evaluate volgt de vaststelling" shows it over HTTP); one by another process within the memory's time.
 */

/** A reader of the store that counts its reads. */
function teller(antwoorden: readonly (readonly string[])[]) {
  let n = 0;
  const lees = async () => antwoorden[Math.min(n++, antwoorden.length - 1)]!;
  return { lees, gelezen: () => n };
}

describe('het geheugen van de vastgestelde ontwerpen', () => {
  afterEach(() => vi.useRealTimers());

  it('leest binnen de bewaartijd één keer, daarna opnieuw', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const opslag = {};
    const t = teller([[], ['nieuw']]);
    expect(await onthoudenHashes(opslag, 'dinkelland', t.lees)).toEqual([]);
    vi.advanceTimersByTime(BEWAARTIJD_MS - 1);
    expect(await onthoudenHashes(opslag, 'dinkelland', t.lees)).toEqual([]);
    expect(t.gelezen()).toBe(1);
    // Another process adopted a draft meanwhile: seen once the memory's time is over.
    vi.advanceTimersByTime(1);
    expect(await onthoudenHashes(opslag, 'dinkelland', t.lees)).toEqual(['nieuw']);
    expect(t.gelezen()).toBe(2);
  });

  it('leest na een vaststelling in dit proces opnieuw, en onthoudt niet zolang die kan lopen', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const opslag = {};
    const t = teller([[], ['a'], ['a'], ['a']]);
    await onthoudenHashes(opslag, 'dinkelland', t.lees);
    vergeetInWerking(opslag, 'dinkelland');
    expect(await onthoudenHashes(opslag, 'dinkelland', t.lees)).toEqual(['a']);
    expect(await onthoudenHashes(opslag, 'dinkelland', t.lees)).toEqual(['a']);
    expect(t.gelezen()).toBe(3);
    vi.advanceTimersByTime(BEWAARTIJD_MS);
    await onthoudenHashes(opslag, 'dinkelland', t.lees);
    await onthoudenHashes(opslag, 'dinkelland', t.lees);
    expect(t.gelezen()).toBe(4);
  });

  it('onthoudt geen lezing die begon voor een vaststelling en erna eindigde', async () => {
    const opslag = {};
    let klaar!: (h: readonly string[]) => void;
    const lopend = onthoudenHashes(opslag, 'dinkelland', () => new Promise((af) => (klaar = af)));
    vergeetInWerking(opslag, 'dinkelland');
    klaar([]);
    expect(await lopend).toEqual([]);
    const t = teller([['vastgesteld']]);
    expect(await onthoudenHashes(opslag, 'dinkelland', t.lees)).toEqual(['vastgesteld']);
    expect(t.gelezen()).toBe(1);
  });

  it('houdt gemeenten en opslagen uit elkaar', async () => {
    const [a, b] = [{}, {}];
    await onthoudenHashes(a, 'dinkelland', async () => ['a']);
    expect(await onthoudenHashes(b, 'dinkelland', async () => ['b'])).toEqual(['b']);
    expect(await onthoudenHashes(a, 'tubbergen', async () => ['t'])).toEqual(['t']);
    expect(await onthoudenHashes(a, 'dinkelland', async () => ['anders'])).toEqual(['a']);
  });
});

const engine = standaardEngine();

describe.each(OPSLAGEN)('engineInWerking met en zonder geheugen ($naam)', ({ open }) => {
  let opslag: Opslag;
  beforeAll(async () => {
    opslag = await open(engine);
  }, 120_000);
  afterAll(async () => opslag?.sluit());

  /** The store, counting the statements on the ontwerp table. */
  const geteld = () => {
    let n = 0;
    const db = new Proxy(opslag.db, {
      get(doel, naam) {
        const w = Reflect.get(doel, naam, doel) as unknown;
        if (naam !== 'selectFrom') return typeof w === 'function' ? w.bind(doel) : w;
        return (tabel: string) => {
          if (tabel === 'ontwerp') n++;
          return doel.selectFrom(tabel as 'ontwerp');
        };
      },
    }) as Db;
    return { db, n: () => n };
  };

  it('vraagt het de opslag eens per bewaartijd voor /evaluate, en elke keer voor de rest', async () => {
    const { db, n } = geteld();
    for (let i = 0; i < 3; i++)
      expect(await engineInWerking(db, engine, 'dinkelland', { onthouden: true })).toBe(engine);
    expect(n()).toBe(1);
    for (let i = 0; i < 3; i++) await engineInWerking(db, engine, 'dinkelland');
    expect(n()).toBe(4);
  });
});
