import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leesRegel } from '../src/beleid/ndjson-casussen.ts';
import { aanbodVan, maakCasusmaker } from '../src/caseload/index.ts';
import {
  casusSchema,
  FEITEN,
  LANDELIJK_VOCABULAIRE,
  maakCasusControle,
  veldFouten,
} from '../src/casus/index.ts';
import { VOORZIENINGEN } from '../src/regelgeving/index.ts';
import { standaardEngine } from './helpers.ts';
import { nederlandsZonderInvoer } from '../src/regelgeving/berichten.ts';

// Issue 14: impact from NDJSON checks each line with a validator compiled from the fact vocabulary
// instead of zod. It must be exactly as strict as casusSchema: the same verdict on every input, and
// where it refuses, a field that zod names too; the message people read stays zod's.

const engine = standaardEngine();
const SITUATIES = [
  { gemeente: 'dinkelland', peildatum: '2016-06-01' },
  { gemeente: 'groningen', peildatum: '2026-06-01' },
] as const;
const makers = SITUATIES.map(({ gemeente, peildatum }) => {
  const p = engine.planOp(gemeente, peildatum);
  if (!p.ok) throw new Error(p.fout.code);
  return maakCasusmaker({ gemeente, peildatum, seed: 14, aanbod: aanbodVan(p.plan) });
});

/** Values that are wrong somewhere, or right somewhere else: every type, and near misses of each fact type. */
const WAARDEN: readonly unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  -1,
  1.5,
  27,
  101,
  169,
  2 ** 53,
  '',
  'x',
  'bijstand',
  'algemene-bijstand',
  'groot',
  'participatieplaats',
  'Dinkelland',
  'dinkelland',
  '2016-02-29',
  '2015-02-29',
  '2016-2-1',
  '2016-13-01',
  '2016-06-01T00:00',
  '1900-01-01',
  'A-1',
  'korte reden',
  'reden van voldoende lengte',
  [],
  [1],
  {},
  { participatieplaatsPassend: true },
  { Fout: true },
  { goed: 'ja' },
  [{ artikel: '21', voorwaarde: 'leeftijd', door: 'cm', reden: 'onbillijk van overwegende aard' }],
  [{ artikel: '21', voorwaarde: 'leeftijd', door: '', reden: 'onbillijk van overwegende aard' }],
  [{ artikel: '21', voorwaarde: 'leeftijd', door: 'cm', reden: 'kort' }],
  [{ artikel: '21', voorwaarde: 'leeftijd', door: 'cm', reden: 'onbillijk van overwegende aard', x: 1 }],
  [
    {
      artikel: '21',
      voorziening: 'jobcoaching',
      voorwaarde: 'v',
      door: 'cm',
      reden: 'onbillijk van overwegende aard',
      datum: '2016-01-01',
    },
  ],
];

const SLEUTELS = [
  ...FEITEN.map((f) => f.naam),
  'oordelen',
  'afwijkingen',
  'gemeente',
  'peildatum',
  'feiten',
  'aanvraag',
  'onbekend',
  '__proto__',
];

type Boom = Record<string, unknown>;

/** Every object in a case with its path, the case itself first. */
function objecten(c: Boom): Boom[] {
  const uit: Boom[] = [c];
  const loop = (v: unknown) => {
    if (typeof v !== 'object' || v === null) return;
    for (const w of Object.values(v)) {
      if (typeof w === 'object' && w !== null && !Array.isArray(w)) uit.push(w as Boom);
      loop(w);
    }
  };
  loop(c);
  return uit;
}

/** A generated case with a few changes: a value replaced, a key added or removed, anywhere in it. */
const gewijzigd = fc
  .record({
    maker: fc.nat({ max: makers.length - 1 }),
    i: fc.nat({ max: 1_000_000 }),
    wijzigingen: fc.array(
      fc.record({
        doel: fc.nat(),
        sleutel: fc.constantFrom(...SLEUTELS, ...VOORZIENINGEN.slice(0, 3)),
        waarde: fc.nat({ max: WAARDEN.length - 1 }),
        soort: fc.constantFrom('zet', 'zet', 'zet', 'weg', 'vervang'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ maker, i, wijzigingen }) => {
    const c = JSON.parse(JSON.stringify(makers[maker]!.casus(i))) as Boom;
    let uit: unknown = c;
    for (const w of wijzigingen) {
      const lijst = objecten(c);
      const o = lijst[w.doel % lijst.length]!;
      const bestaand = Object.keys(o);
      const sleutel = w.soort === 'zet' ? w.sleutel : bestaand[w.doel % Math.max(1, bestaand.length)];
      if (w.soort === 'vervang' && w.doel % 7 === 0) uit = structuredClone(WAARDEN[w.waarde]);
      else if (sleutel === undefined) continue;
      else if (w.soort === 'weg') delete o[sleutel];
      else
        Object.defineProperty(o, sleutel, {
          value: structuredClone(WAARDEN[w.waarde]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return uit;
  });

const controle = maakCasusControle();

function oordeelVan(invoer: unknown) {
  const zod = casusSchema.safeParse(invoer);
  const pad = controle(invoer);
  return { zod, pad, paden: zod.success ? [] : veldFouten(zod.error.issues).map((f) => f.pad) };
}

describe('de gecompileerde casuscontrole', () => {
  it('neemt elke gegenereerde casus aan, zoals casusSchema', () => {
    for (const maker of makers)
      for (let i = 0; i < 20_000; i++) {
        const c = JSON.parse(JSON.stringify(maker.casus(i))) as unknown;
        expect(casusSchema.safeParse(c).success).toBe(true);
        expect(controle(c), `casus ${i}`).toBeUndefined();
      }
  }, 120_000);

  it('geeft over gewijzigde casussen hetzelfde oordeel als casusSchema, en een veld dat zod ook noemt', () => {
    let geweigerd = 0;
    let aangenomen = 0;
    fc.assert(
      fc.property(gewijzigd, (invoer) => {
        const { zod, pad, paden } = oordeelVan(invoer);
        if (zod.success) {
          aangenomen++;
          expect(pad).toBeUndefined();
        } else {
          geweigerd++;
          expect(pad).toBeDefined();
          expect(paden).toContain(pad);
        }
      }),
      { numRuns: 30_000, seed: 14 },
    );
    // Both verdicts occur often enough for the comparison to mean something.
    expect(geweigerd).toBeGreaterThan(10_000);
    expect(aangenomen).toBeGreaterThan(1_000);
  }, 120_000);

  it('weigert wat casusSchema weigert op de plekken waar het om gaat', () => {
    const basis = JSON.parse(JSON.stringify(makers[0]!.casus(3))) as Boom;
    const met = (pad: string[], waarde: unknown): unknown => {
      const c = JSON.parse(JSON.stringify(basis)) as Boom;
      let o = c;
      for (const p of pad.slice(0, -1)) o = (o[p] ??= {}) as Boom;
      o[pad.at(-1)!] = waarde;
      return c;
    };
    const gevallen: [unknown, string][] = [
      [met(['gemeente'], 'Dinkelland'), 'gemeente'],
      [met(['peildatum'], '2016-02-30'), 'peildatum'],
      [met(['feiten', 'loonwaardePercentage'], 100.5), 'feiten.loonwaardePercentage'],
      [met(['feiten', 'loonwaardePercentage'], 101), 'feiten.loonwaardePercentage'],
      [met(['feiten', 'uitkering'], 'bijstand'), 'feiten.uitkering'],
      [met(['feiten', 'oordelen'], { Groot: true }), 'feiten.oordelen.Groot'],
      [met(['feiten', 'oordelen'], { klein: 1 }), 'feiten.oordelen.klein'],
      [met(['feiten', 'lengte'], 180), 'feiten.lengte'],
      [met(['aanvraag', 'voorziening'], 'fietsles'), 'aanvraag.voorziening'],
      [met(['aanvraag', 'duurMaanden'], 2.5), 'aanvraag.duurMaanden'],
      [met(['aanvraag', 'urenPerWeek'], 169), 'aanvraag.urenPerWeek'],
      [met(['aanvraag', 'ingangsdatum'], '2016-06-01'), ''],
      [{ ...(met(['aanvraag', 'ingangsdatum'], '2016-06-01') as Boom), extra: 1 }, 'extra'],
      [[], ''],
      ['casus', ''],
    ];
    for (const [invoer, verwacht] of gevallen) {
      const { zod, pad, paden } = oordeelVan(invoer);
      if (verwacht === '' && zod.success) expect(pad, JSON.stringify(invoer)).toBeUndefined();
      else {
        expect(zod.success, JSON.stringify(invoer)).toBe(false);
        if (verwacht !== '') expect(pad).toBe(verwacht);
        expect(paden).toContain(pad);
      }
    }
    const eind = met(['aanvraag', 'einddatum'], '2000-01-01') as { aanvraag: Boom };
    eind.aanvraag.ingangsdatum = '2016-06-01';
    expect(oordeelVan(eind)).toMatchObject({ pad: 'aanvraag.einddatum', paden: ['aanvraag.einddatum'] });
  });

  it('laat een NDJSON-regel dezelfde melding geven als casusSchema', () => {
    const opties = { gemeente: 'dinkelland', peildatum: '2016-06-01' };
    fc.assert(
      fc.property(gewijzigd, (invoer) => {
        const regel = JSON.stringify(invoer) ?? 'undefined';
        const r = leesRegel(regel, opties);
        // The same Dutch messages as the engine's own check of a case (never repeating a value).
        const zod = casusSchema.safeParse(JSON.parse(regel === 'undefined' ? 'null' : regel), {
          error: nederlandsZonderInvoer,
        });
        if (regel === 'undefined')
          expect(r).toMatchObject({ fout: expect.stringContaining('ongeldige JSON') });
        else if (!zod.success)
          expect(r).toEqual({
            fout: veldFouten(zod.error.issues, LANDELIJK_VOCABULAIRE)
              .map((f) => `${f.pad || '(casus)'}: ${f.bericht}`)
              .join('; '),
          });
        else if ((invoer as Boom).gemeente === 'dinkelland' && (invoer as Boom).peildatum === '2016-06-01')
          expect(r).toEqual({ casus: JSON.parse(regel) });
        else expect(r).toMatchObject({ fout: expect.stringContaining('deze run is voor dinkelland') });
      }),
      { numRuns: 5_000, seed: 15 },
    );
  }, 60_000);
});
