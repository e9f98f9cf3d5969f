import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aanbodVan, caseload } from '../src/caseload/index.ts';
import { type Casus, casusSchema, FEITEN, type FeitDefinitie } from '../src/casus/index.ts';
import {
  type Batch,
  CODE_VAN_UITKOMST,
  maakBatch,
  NIET_BEOORDEELD,
  perJaar,
  SLOT_VAN,
  SLOTEN,
} from '../src/engine/batch.ts';
import type { Engine } from '../src/engine/index.ts';
import { VOORZIENINGEN } from '../src/regelgeving/index.ts';
import { standaardEngine } from './helpers.ts';

const engine = standaardEngine();
const gemeenten = engine.bibliotheek.gemeenten().map((g) => g.slug);

/** Dates where versions change, and days either side of them. */
const GRENSDATA = [
  '2015-06-30',
  '2015-07-01',
  '2016-03-01',
  '2017-01-01',
  '2023-06-30',
  '2023-07-01',
  '2024-01-01',
  '2025-12-31',
  '2026-01-01',
  '2026-06-01',
];

/** Every judgement and condition id the shipped rules know, so random cases hit them. */
const oordeelNamen = new Set<string>();
const voorwaardeIds = new Set<string>();
for (const g of gemeenten)
  for (const d of GRENSDATA) {
    const p = engine.planOp(g, d);
    if (!p.ok) continue;
    const aanbod = aanbodVan(p.plan);
    for (const namen of [...aanbod.voorzieningen.values(), aanbod.algemeen])
      for (const n of namen) oordeelNamen.add(n);
    for (const pv of p.plan.voorzieningen.values())
      for (const v of [...pv.voorwaarden, ...pv.aanvraagVoorwaarden]) voorwaardeIds.add(v.id);
  }

const datum = (van: string, tot: string) =>
  fc
    .date({ min: new Date(`${van}T00:00:00Z`), max: new Date(`${tot}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

function waardeVoor(f: FeitDefinitie): fc.Arbitrary<unknown> {
  const t = f.type;
  switch (t.soort) {
    case 'datum':
      return datum('1950-01-01', '2027-12-31');
    case 'waarheid':
      return fc.boolean();
    case 'keuze':
      return fc.constantFrom(...t.opties);
    case 'getal': {
      const min = t.min ?? 0;
      const max = t.max ?? 60;
      return t.geheel
        ? fc.integer({ min, max: Math.min(max, 72) })
        : fc.oneof(fc.integer({ min, max }), fc.double({ min, max, noNaN: true }));
    }
  }
}

const velden = (bron: FeitDefinitie['bron']) =>
  Object.fromEntries(
    FEITEN.filter((f) => f.bron === bron && f.naam !== 'voorziening').map((f) => [f.naam, waardeVoor(f)]),
  );

/** Any case the contract allows: any subset of facts, answers, deviations and request fields. */
const willekeurig: fc.Arbitrary<Casus> = fc
  .record(
    {
      gemeente: fc.constantFrom(...gemeenten),
      peildatum: fc.oneof(fc.constantFrom(...GRENSDATA), datum('2015-07-01', '2027-12-31')),
      feiten: fc.record(
        {
          ...velden('feiten'),
          oordelen: fc.dictionary(fc.constantFrom(...oordeelNamen, 'onbekendOordeel'), fc.boolean()),
          afwijkingen: fc.array(
            fc.record(
              {
                artikel: fc.constantFrom('17', '18', '3'),
                voorziening: fc.constantFrom(...VOORZIENINGEN),
                voorwaarde: fc.constantFrom(...voorwaardeIds),
                door: fc.constant('teamleider'),
                reden: fc.constant('Onbillijkheid van overwegende aard.'),
              },
              { requiredKeys: ['artikel', 'voorwaarde', 'door', 'reden'] },
            ),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: [] },
      ),
      aanvraag: fc.record(
        { voorziening: fc.constantFrom(...VOORZIENINGEN), ...velden('aanvraag') },
        { requiredKeys: ['voorziening'] },
      ),
    },
    { requiredKeys: ['gemeente', 'peildatum', 'feiten'] },
  )
  .map((c) => {
    // The contract wants an einddatum on or after the ingangsdatum.
    const a = c.aanvraag as Record<string, unknown> | undefined;
    if (
      a &&
      typeof a.einddatum === 'string' &&
      typeof a.ingangsdatum === 'string' &&
      a.einddatum < a.ingangsdatum
    )
      delete a.einddatum;
    return c as Casus;
  });

/** Batches per gemeente and date, as a caller with a mixed caseload would keep them. */
function batches(e: Engine, opties: { bedragen?: boolean } = {}) {
  const cache = new Map<string, ReturnType<typeof maakBatch>>();
  return (c: Casus) => {
    const sleutel = `${c.gemeente}|${c.peildatum}`;
    let b = cache.get(sleutel);
    if (!b) {
      b = maakBatch(e, c.gemeente, c.peildatum, opties);
      cache.set(sleutel, b);
    }
    return b;
  };
}

/** What evalueer says, in the batch's codes; the error code when it refuses. */
function verwacht(c: Casus): { codes: number[]; jaarCent: number[] } | string {
  const r = engine.evalueer(c);
  if (!r.ok) return r.fout.code;
  const codes = SLOTEN.map(() => NIET_BEOORDEELD as number);
  const jaarCent = SLOTEN.map(() => 0);
  for (const v of r.resultaat.voorzieningen) {
    const slot = SLOT_VAN.get(v.voorziening);
    // A voorziening a regulation declares itself has no slot: the batch does not count it yet
    // (docs/regelgeving.md, "Naslag: eigen feiten en voorzieningen").
    if (slot === undefined) continue;
    codes[slot] = CODE_VAN_UITKOMST[v.uitkomst];
    if (v.uitkomst !== 'toegestaan') continue;
    for (const b of Object.values(v.bedragen)) {
      const factor = perJaar(b.per);
      if (b.cent !== null && b.voorbehoud === undefined && factor !== undefined)
        jaarCent[slot] = (jaarCent[slot] ?? 0) + Math.round(b.cent * factor);
    }
  }
  return { codes, jaarCent };
}

function gekregen(
  b: ReturnType<typeof maakBatch>,
  c: Casus,
): { codes: number[]; jaarCent: number[] } | string {
  if (!b.ok) return b.fout.code;
  const uit = new Uint8Array(SLOTEN.length);
  const jaarCent = new Float64Array(SLOTEN.length);
  b.batch.beoordeel(c, uit, jaarCent);
  return { codes: [...uit], jaarCent: [...jaarCent] };
}

describe('batch', () => {
  it('geeft op willekeurige geldige casussen dezelfde uitkomst en jaarbedragen als evalueer', () => {
    const batchVoor = batches(engine, { bedragen: true });
    fc.assert(
      fc.property(willekeurig, (c) => {
        expect(casusSchema.safeParse(c).success).toBe(true);
        expect(gekregen(batchVoor(c), c)).toEqual(verwacht(c));
      }),
      { numRuns: 4000 },
    );
  }, 120_000);

  it('geeft op gegenereerde caseloads dezelfde uitkomst als evalueer', () => {
    const situaties: [string, string][] = [
      ['dinkelland', '2016-06-01'],
      ['dinkelland', '2026-03-01'],
      ['groningen', '2026-06-01'],
      ['groningen', '2025-06-01'],
      ['zevenaar', '2018-01-01'],
      ['assen', '2016-01-01'],
      ['krimpen-aan-den-ijssel', '2026-02-01'],
    ];
    for (const [gemeente, peildatum] of situaties) {
      const b = maakBatch(engine, gemeente, peildatum, { bedragen: true });
      if (!b.ok) throw new Error(b.fout.code);
      const aanbod = aanbodVan(b.batch.plan);
      for (const c of caseload({
        gemeente,
        peildatum,
        aantal: 1500,
        seed: `${gemeente}${peildatum}`,
        aanbod,
      }))
        expect(gekregen(b, c), JSON.stringify(c)).toEqual(verwacht(c));
    }
  }, 120_000);

  it('kent een te lange aanvraag toe tot het maximum, en laat haar open waar de laatste dag van een open vraag afhangt', () => {
    const werkstage = {
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: {
        geboortedatum: '1980-11-02',
        uitkering: 'algemene-bijstand',
        eerderActiefOpArbeidsmarkt: false,
        oordelen: { werkstageGeenVerdringing: true },
      },
      aanvraag: { voorziening: 'werkstage', ingangsdatum: '2016-03-01', duurMaanden: 7 },
    };
    const experiment = {
      artikel: '17',
      voorziening: 'werkstage',
      voorwaarde: 'duur',
      door: 'teamleider',
      reden: 'Een proef met langere werkstages',
    };
    const gevallen: [unknown, string, string][] = [
      // 7 months asked, 3 allowed: granted for 3.
      [werkstage, 'werkstage', 'toegestaan'],
      // An experiment on the term without its start date: granted, but to which day is open.
      [
        { ...werkstage, feiten: { ...werkstage.feiten, afwijkingen: [experiment] } },
        'werkstage',
        'onbepaald',
      ],
      // Too short (the minimum of 6 months) stays a refusal.
      [
        {
          gemeente: 'amsterdam',
          peildatum: '2024-09-02',
          feiten: {
            geboortedatum: '2002-04-01',
            uitkering: 'algemene-bijstand',
            startkwalificatie: false,
            oordelen: { leerwerktrajectPassend: true },
          },
          aanvraag: { voorziening: 'leerwerktraject', ingangsdatum: '2024-09-02', duurMaanden: 5 },
        },
        'leerwerktraject',
        'afgewezen',
      ],
      // 30 months without extension: granted for 2 years, so the third year's conditions are not asked.
      [
        {
          gemeente: 'dinkelland',
          peildatum: '2016-03-01',
          feiten: {
            geboortedatum: '1970-01-20',
            uitkering: 'algemene-bijstand',
            oordelen: { participatieplaatsPassend: true },
          },
          aanvraag: { voorziening: 'participatieplaats', ingangsdatum: '2016-03-01', duurMaanden: 30 },
        },
        'participatieplaats',
        'toegestaan',
      ],
      // Under transitional law the agreed 31 May 2019 ends on 31 December 2017: no third year to judge.
      [
        {
          gemeente: 'zevenaar',
          peildatum: '2017-06-01',
          feiten: {
            geboortedatum: '1975-11-30',
            uitkering: 'algemene-bijstand',
            oordelen: { participatieplaatsPassend: true, voldoetAanVoorwaardenOudeVerordening: true },
          },
          aanvraag: {
            voorziening: 'participatieplaats',
            toegekendOp: '2016-06-01',
            ingangsdatum: '2016-06-01',
            einddatum: '2019-05-31',
            verlengingen: 1,
            urenPerWeek: 20,
            voldoendeMeegewerkt: true,
          },
        },
        'participatieplaats',
        'toegestaan',
      ],
    ];
    const batchVoor = batches(engine);
    for (const [invoer, id, uitkomst] of gevallen) {
      const c = casusSchema.parse(invoer) as Casus;
      const r = engine.evalueer(c);
      if (!r.ok) throw new Error(r.fout.code);
      expect(r.resultaat.voorzieningen.find((v) => v.voorziening === id)?.uitkomst, id).toBe(uitkomst);
      const b = gekregen(batchVoor(c), c);
      if (typeof b === 'string') throw new Error(b);
      expect(b.codes[SLOT_VAN.get(id as never)!], id).toBe(CODE_VAN_UITKOMST[uitkomst as 'afgewezen']);
    }
  });

  it('rekent een leeftijd per dag, ook als batches om beurten dezelfde persoon beoordelen', () => {
    // Born 15 September 1989: 26 on both peildata' first day in 2016, 27 from 15 September 2016 on.
    // Dinkelland's participatieplaats asks 27 or older, so the outcome turns on the day the age is
    // counted, up to the birthday itself (27 on 15 September, 26 the day before); two batches judge
    // the same person in turn and must not give one day's age for another.
    const feiten = { geboortedatum: '1989-09-15', uitkering: 'algemene-bijstand' as const };
    const vroeg = maakBatch(engine, 'dinkelland', '2016-06-01', { bedragen: true });
    const laat = maakBatch(engine, 'dinkelland', '2017-06-01', { bedragen: true });
    const casussen: Casus[] = [
      { gemeente: 'dinkelland', peildatum: '2016-06-01', feiten },
      { gemeente: 'dinkelland', peildatum: '2017-06-01', feiten },
      {
        gemeente: 'dinkelland',
        peildatum: '2016-06-01',
        feiten,
        aanvraag: { voorziening: 'participatieplaats', ingangsdatum: '2016-10-01' },
      },
      {
        gemeente: 'dinkelland',
        peildatum: '2016-06-01',
        feiten,
        aanvraag: { voorziening: 'participatieplaats', ingangsdatum: '2016-07-01' },
      },
      ...['2016-09-14', '2016-09-15'].map((ingangsdatum): Casus => ({
        gemeente: 'dinkelland',
        peildatum: '2016-06-01',
        feiten,
        aanvraag: { voorziening: 'participatieplaats', ingangsdatum },
      })),
      { gemeente: 'dinkelland', peildatum: '2016-06-01', feiten },
    ];
    const slot = SLOT_VAN.get('participatieplaats')!;
    const uitkomsten = new Set<number>();
    for (let ronde = 0; ronde < 2; ronde++)
      for (const c of casussen) {
        const v = verwacht(c);
        expect(gekregen(c.peildatum === '2016-06-01' ? vroeg : laat, c), JSON.stringify(c)).toEqual(v);
        if (typeof v !== 'string') uitkomsten.add(v.codes[slot]!);
      }
    // The ages on these days do lead to different outcomes.
    expect(uitkomsten.size).toBeGreaterThan(1);
  });

  it('weigert een casus van een andere gemeente of datum', () => {
    const b = maakBatch(engine, 'dinkelland', '2016-06-01');
    if (!b.ok) throw new Error(b.fout.code);
    const batch: Batch = b.batch;
    const uit = new Uint8Array(SLOTEN.length);
    expect(() =>
      batch.beoordeel({ gemeente: 'groningen', peildatum: '2016-06-01', feiten: {} }, uit),
    ).toThrow(RangeError);
  });

  it('geeft dezelfde fout als evalueer voor een gemeente of datum zonder regeling', () => {
    expect(maakBatch(engine, 'nergens', '2016-06-01')).toMatchObject({
      ok: false,
      fout: { code: 'onbekende-gemeente' },
    });
    expect(maakBatch(engine, 'dinkelland', '2015-06-30')).toMatchObject({
      ok: false,
      fout: { code: 'geen-regeling' },
    });
  });
});
