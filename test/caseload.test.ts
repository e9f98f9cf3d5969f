import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  aanbodVan,
  caseload,
  maakCasusmaker,
  maakPrng,
  maakVoortgang,
  schrijfNdjson,
} from '../src/caseload/index.ts';
import { gewogen, kies, verdeling } from '../src/caseload/prng.ts';
import { casusSchema } from '../src/casus/index.ts';
import { standaardEngine } from './helpers.ts';

const engine = standaardEngine();
const plan = (g: string, d: string) => {
  const p = engine.planOp(g, d);
  if (!p.ok) throw new Error(p.fout.code);
  return p.plan;
};
const dinkelland = {
  gemeente: 'dinkelland',
  peildatum: '2016-06-01',
  aanbod: aanbodVan(plan('dinkelland', '2016-06-01')),
};

describe('caseload', () => {
  it('is bepaald door het zaad, en elk stuk is los opnieuw te maken', () => {
    const a = [...caseload({ ...dinkelland, aantal: 300, seed: 11 })];
    const b = [...caseload({ ...dinkelland, aantal: 300, seed: 11 })];
    const stuk = [...caseload({ ...dinkelland, aantal: 100, seed: 11, vanaf: 150 })];
    const ander = [...caseload({ ...dinkelland, aantal: 300, seed: 12 })];
    expect(b).toEqual(a);
    expect(stuk).toEqual(a.slice(150, 250));
    expect(ander).not.toEqual(a);
  });

  it('geeft voor een zaad dezelfde casussen als voorheen: de caseload is een publiek contract', () => {
    // Digests of the NDJSON lines the generator gave on main before its cases were written through
    // fixed-shape objects (values and key order): a change to the generator's output fails here.
    for (const [gemeente, peildatum, seed, digest] of [
      ['dinkelland', '2016-06-01', 1, 'eb9eb3c8a63c4bb93e23aebe44d0347e9408a97ad2997fa8d01c4e719834a437'],
      ['groningen', '2024-06-01', 'x', '4b5e8e0506e0d0498c0185e0d00cb58c127ff4f3c0ed3f14be13d95a9b86d674'],
      ['zevenaar', '2019-02-01', 7, 'a9e59380f0a3aa222b05c41ad276e6959b317300e241754f8ee54ca086e48f5d'],
    ] as const) {
      const h = createHash('sha256');
      const aanbod = aanbodVan(plan(gemeente, peildatum));
      for (const c of caseload({ gemeente, peildatum, aantal: 5000, seed, aanbod }))
        h.update(JSON.stringify(c) + '\n');
      expect(h.digest('hex'), `${gemeente} ${seed}`).toBe(digest);
    }
  });

  it('schrijft met vast(i) dezelfde casus als casus(i), in steeds dezelfde objecten', () => {
    /** Without the undefined places and an empty oordelen: what `casus(i)` leaves out. */
    const zonderLeeg = (c: object): unknown =>
      JSON.parse(
        JSON.stringify(c, (k, v: unknown) =>
          k === 'oordelen' && JSON.stringify(v) === '{}' ? undefined : v,
        ),
      );
    for (const [gemeente, peildatum, seed] of [
      ['dinkelland', '2016-06-01', 3],
      ['groningen', '2024-06-01', 'y'],
      ['amsterdam', '2025-01-15', 9],
    ] as const) {
      const opties = { gemeente, peildatum, seed, aanbod: aanbodVan(plan(gemeente, peildatum)) };
      const los = maakCasusmaker(opties);
      const vast = maakCasusmaker(opties);
      const gezien = new Set<object>();
      let metAanvraag = 0;
      for (let i = 0; i < 3000; i++) {
        const v = vast.vast(i);
        gezien.add(v).add(v.feiten);
        if (v.aanvraag) {
          gezien.add(v.aanvraag);
          metAanvraag++;
        }
        expect(zonderLeeg(v), `${gemeente} ${i}`).toStrictEqual(los.casus(i));
      }
      expect(metAanvraag).toBeGreaterThan(2000);
      // Two cases (with and without a request), one feiten and one aanvraag, whatever the case.
      expect(gezien.size).toBe(4);
    }
  });

  it('maakt alleen casussen die aan het contract voldoen', () => {
    for (const [g, d] of [
      ['dinkelland', '2016-06-01'],
      ['groningen', '2026-06-01'],
      ['zevenaar', '2018-01-01'],
    ] as const) {
      for (const c of caseload({
        gemeente: g,
        peildatum: d,
        aantal: 2000,
        seed: g,
        aanbod: aanbodVan(plan(g, d)),
      })) {
        const r = casusSchema.safeParse(c);
        expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
      }
    }
  });

  it('lijkt op een echt klantenbestand: aanvragen, lopende voorzieningen, open vragen en ontbrekende feiten', () => {
    const cs = [...caseload({ ...dinkelland, aantal: 4000, seed: 3 })];
    const deel = (f: (c: (typeof cs)[number]) => boolean) => cs.filter(f).length / cs.length;
    expect(deel((c) => c.aanvraag !== undefined)).toBeGreaterThan(0.75);
    expect(deel((c) => typeof c.aanvraag?.toegekendOp === 'string')).toBeGreaterThan(0.2);
    expect(
      deel(
        (c) =>
          (c.aanvraag?.verlengingen as number | undefined) !== undefined &&
          (c.aanvraag?.verlengingen as number) > 0,
      ),
    ).toBeGreaterThan(0.1);
    expect(deel((c) => c.feiten.oordelen !== undefined)).toBeGreaterThan(0.3);
    expect(deel((c) => c.feiten.geboortedatum === undefined)).toBeGreaterThan(0.005);
    expect(deel((c) => c.feiten.uitkering === 'algemene-bijstand')).toBeGreaterThan(0.5);
    const uitkomsten = new Set<string>();
    for (const c of cs) {
      const r = engine.evalueer(c);
      if (r.ok) for (const v of r.resultaat.voorzieningen) uitkomsten.add(v.uitkomst);
    }
    expect([...uitkomsten].sort()).toEqual(['afgewezen', 'onbepaald', 'ter-beoordeling', 'toegestaan']);
  });

  it('schrijft NDJSON, een casus per regel', async () => {
    const uit = new PassThrough();
    const stukken: Buffer[] = [];
    uit.on('data', (b: Buffer) => stukken.push(b));
    const n = await schrijfNdjson(caseload({ ...dinkelland, aantal: 2500, seed: 5 }), uit);
    const regels = Buffer.concat(stukken).toString('utf8').trimEnd().split('\n');
    expect(n).toBe(2500);
    expect(regels).toHaveLength(2500);
    expect(JSON.parse(regels[42]!)).toEqual(
      [...caseload({ ...dinkelland, aantal: 1, seed: 5, vanaf: 42 })][0],
    );
  });

  it('tekent de voortgang alleen op een terminal of op verzoek', () => {
    const geschreven: string[] = [];
    const stroom = {
      isTTY: false,
      write: (t: string) => geschreven.push(t),
    } as unknown as NodeJS.WriteStream;
    maakVoortgang('x', 10, { stroom }).klaar();
    expect(geschreven).toEqual([]);
    maakVoortgang('x', 10, { stroom, forceer: true }).klaar();
    expect(geschreven.join('')).toContain('100%');
  });

  it('kiest met een vooraf opgetelde verdeling wat gewogen kiest, bij dezelfde trekking', () => {
    const gewichten = [
      ['a', 16],
      ['b', 13],
      ['c', 0.5],
      ['d', 9],
      ['e', 1],
    ] as const;
    const v = verdeling(gewichten);
    const x = maakPrng('kies');
    const y = maakPrng('kies');
    const gekozen = new Set<string>();
    for (let i = 0; i < 20000; i++) {
      const k = gewichten[kies(x, v)]![0];
      expect(k).toBe(gewogen(y, gewichten));
      gekozen.add(k);
    }
    expect(gekozen.size).toBe(gewichten.length);
    // Both drew once per pick: the streams are still in step.
    expect(x.getal()).toBe(y.getal());
  });

  it('trekt gelijkmatig verdeelde getallen', () => {
    const prng = maakPrng('gelijk');
    const bakken = new Array<number>(10).fill(0);
    for (let i = 0; i < 20000; i++) bakken[prng.tot(10)]! += 1;
    for (const b of bakken) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });
});
