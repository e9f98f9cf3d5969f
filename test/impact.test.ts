import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  gezamenlijkAanbod,
  impactCijfers,
  type ImpactOpzet,
  maakImpactteller,
  maakJaarbedrag,
  telGegenereerd,
  zetImpactOp,
} from '../src/beleid/index.ts';
import { caseload } from '../src/caseload/index.ts';
import type { Casus } from '../src/casus/index.ts';
import { maakBatch, SLOT_VAN, SLOTEN, TOEGESTAAN } from '../src/engine/batch.ts';
import { main } from '../src/cli/main.ts';
import type { Uitvoer } from '../src/cli/uitvoer.ts';
import { STANDAARD_WORTEL } from '../src/regelgeving/index.ts';
import { standaardEngine } from './helpers.ts';

const engine = standaardEngine();
const DINKELLAND = 'dinkelland/re-integratieverordening';
const BRON = join(STANDAARD_WORTEL, 'gemeente', 'dinkelland', 're-integratieverordening', '2015-07-01.yaml');

async function draai(...argv: string[]) {
  const uit: string[] = [];
  const fout: string[] = [];
  const u: Uitvoer = { regel: (t) => uit.push(t), fout: (t) => fout.push(t) };
  const code = await main(argv, u);
  return { code, uit: uit.join('\n'), fout: fout.join('\n') };
}

function vervang(tekst: string, oud: string, nieuw: string): string {
  expect(tekst, `'${oud}' staat in de bron`).toContain(oud);
  return tekst.replace(oud, nieuw);
}

/**
 * A draft of the Dinkelland ordinance, outside regelgeving/, that raises the participatieplaats
 * premie from € 150 to € 200 per six months and the minimum age from 27 to 30.
 */
function schrijfOntwerp(aanpassing: (tekst: string) => string = (t) => t): string {
  let tekst = readFileSync(BRON, 'utf8');
  tekst = vervang(tekst, 'status: vastgesteld', 'status: ontwerp');
  tekst = vervang(tekst, 'waarde: 15000, bron: art. 15 lid 5', 'waarde: 20000, bron: art. 15 lid 5');
  tekst = vervang(
    tekst,
    '      - id: leeftijd\n        artikel: "15"\n        lid: 1\n        toets: { feit: leeftijd, tenMinste: 27 }',
    '      - id: leeftijd\n        artikel: "15"\n        lid: 1\n        toets: { feit: leeftijd, tenMinste: 30 }',
  );
  const map = join(mkdtempSync(join(tmpdir(), 'impact-')), 'concept');
  mkdirSync(map);
  const pad = join(map, '2015-07-01.yaml');
  writeFileSync(pad, aanpassing(tekst));
  return pad;
}

/** A participatieplaats request on 1 June 2016 that meets every condition of the current ordinance. */
function casus(geboortedatum: string, aanvraag: Record<string, unknown> | null = {}): Casus {
  return {
    gemeente: 'dinkelland',
    peildatum: '2016-06-01',
    feiten: {
      geboortedatum,
      uitkering: 'algemene-bijstand',
      kanOnderwijsVolgen: false,
      oordelen: { participatieplaatsPassend: true },
    },
    ...(aanvraag === null
      ? {}
      : {
          aanvraag: {
            voorziening: 'participatieplaats',
            ingangsdatum: '2016-06-01',
            duurMaanden: 12,
            urenPerWeek: 24,
            voldoendeMeegewerkt: true,
            ...aanvraag,
          },
        }),
  } as Casus;
}

/**
 * Cases whose outcome under both versions follows from the text: premie € 300 a year now, € 400 in
 * the draft, for more than 20 hours a week.
 */
const HANDGEVALLEN: Casus[] = [
  casus('1976-01-01'), // 40: granted under both, premie 30000 → 40000
  casus('1988-01-01'), // 28: granted now, refused under the draft (under 30): 30000 → 0
  casus('1976-01-01', { urenPerWeek: 16 }), // no premie at 16 hours: 0 → 0
  casus('1976-01-01', { urenPerWeek: undefined }), // hours unknown: premie unknown under both
  casus('1991-01-01'), // 25: refused under both
  casus('1988-01-01', null), // no request, 28: participatieplaats on offer now, not in the draft
].map((c) => JSON.parse(JSON.stringify(c)) as Casus);

function opzet(naar: string, van?: string, datum = '2016-06-01'): ImpactOpzet {
  const o = zetImpactOp(engine, { naar, van, datum });
  if (!o.ok) throw new Error(o.fouten.join('\n'));
  return o.opzet;
}

describe('impact', () => {
  it('van een versie naar zichzelf verandert niets', () => {
    for (const [naar, datum] of [
      [DINKELLAND, '2016-06-01'],
      ['groningen/re-integratieverordening', '2026-06-01'],
      ['zevenaar/re-integratieverordening@2017-01-01', '2018-01-01'],
    ] as const) {
      const o = opzet(naar, undefined, datum);
      const teller = maakImpactteller(o.engine, o.batchVan, o.batchNaar);
      const aanbod = gezamenlijkAanbod(o.batchVan.plan, o.batchNaar.plan);
      for (const c of caseload({ gemeente: o.gemeente, peildatum: datum, aantal: 3000, seed: 11, aanbod }))
        teller.tel(c);
      const r = impactCijfers(teller.stand);
      expect(r.casussen).toBe(3000);
      expect(r.gewijzigd).toBe(0);
      expect(r.jaarlast).toMatchObject({ verschilCent: 0, anderBedrag: 0 });
      expect(r.jaarlast.vanCent).toBe(r.jaarlast.naarCent);
      expect(r.jaarlast.onbekend.van).toBe(r.jaarlast.onbekend.naar);
      for (const v of r.voorzieningen)
        for (const x of [...v.aanvragen.overgangen, ...v.zonderAanvraag.overgangen])
          expect(x.van).toBe(x.naar);
      expect(r.voorzieningen.reduce((n, v) => n + v.aanvragen.aantal, 0)).toBe(r.metAanvraag);
    }
  });

  it('een ontwerp met een hogere premie en leeftijdsgrens: de overgangen en de jaarlast van handgevallen', () => {
    const o = opzet(schrijfOntwerp());
    expect(o.van.status).toBe('vastgesteld');
    expect(o.naar.status).toBe('ontwerp');
    const teller = maakImpactteller(o.engine, o.batchVan, o.batchNaar);
    for (const c of HANDGEVALLEN) teller.tel(c);
    const r = impactCijfers(teller.stand);
    expect(r).toMatchObject({ casussen: 6, metAanvraag: 5, zonderAanvraag: 1, gewijzigd: 2 });
    const pp = r.voorzieningen.find((v) => v.voorziening === 'participatieplaats')!;
    expect(pp.aanvragen).toEqual({
      aantal: 5,
      gewijzigd: 1,
      van: { toegestaan: 4, afgewezen: 1 },
      naar: { toegestaan: 3, afgewezen: 2 },
      overgangen: [
        { van: 'toegestaan', naar: 'toegestaan', aantal: 3 },
        { van: 'afgewezen', naar: 'afgewezen', aantal: 1 },
        { van: 'toegestaan', naar: 'afgewezen', aantal: 1 },
      ],
    });
    expect(pp.zonderAanvraag.overgangen.filter((x) => x.van !== x.naar)).toEqual([
      { van: 'toegestaan', naar: 'afgewezen', aantal: 1 },
    ]);
    // Known amounts: 30000 + 30000 + 0 now, 40000 + 0 + 0 in the draft; the case without hours is unknown.
    expect(pp.jaarlast).toEqual({
      vanCent: 60000,
      naarCent: 40000,
      verschilCent: -20000,
      anderBedrag: 2,
      onbekend: { van: 1, naar: 1, verschil: 1 },
    });
    expect(r.jaarlast).toMatchObject({ vanCent: 60000, naarCent: 40000, verschilCent: -20000 });
    // Only participatieplaats changes.
    expect(
      r.voorzieningen.filter((v) => v.aanvragen.gewijzigd + v.zonderAanvraag.gewijzigd > 0),
    ).toHaveLength(1);
  });

  it('jaarbedragen zijn die van de batch waar ze bekend zijn, en onbekend waar de batch 0 telt', () => {
    for (const [naar, datum] of [
      [DINKELLAND, '2016-06-01'],
      ['groningen/re-integratieverordening', '2026-06-01'],
      ['zevenaar/re-integratieverordening', '2018-01-01'],
    ] as const) {
      const o = opzet(naar, undefined, datum);
      const bedrag = maakJaarbedrag(o.engine, o.batchVan.plan);
      const uit = new Uint8Array(SLOTEN.length);
      const jaarCent = new Float64Array(SLOTEN.length);
      const b = maakBatch(o.engine, o.gemeente, datum, { bedragen: true });
      if (!b.ok) throw new Error(b.fout.code);
      const aanbod = gezamenlijkAanbod(o.batchVan.plan, o.batchNaar.plan);
      let bekend = 0;
      let onbekend = 0;
      let metBedrag = 0;
      for (const c of caseload({ gemeente: o.gemeente, peildatum: datum, aantal: 4000, seed: 3, aanbod })) {
        if (!c.aanvraag) continue;
        b.batch.beoordeel(c, uit, jaarCent);
        const slot = SLOT_VAN.get(c.aanvraag.voorziening)!;
        if (uit[slot] !== TOEGESTAAN) continue;
        const cent = bedrag(c);
        // Loonkostensubsidie before 2024 has no known minimum wage per hour: its amount is unknown, not 0.
        if (c.aanvraag.voorziening === 'loonkostensubsidie' && datum < '2024-01-01')
          expect(cent).toBeUndefined();
        if (cent === undefined) onbekend++;
        else {
          bekend++;
          if (cent > 0) metBedrag++;
          expect(cent, JSON.stringify(c)).toBe(jaarCent[slot]);
        }
      }
      expect(bekend).toBeGreaterThan(100);
      expect(metBedrag).toBeGreaterThan(20);
      expect(onbekend).toBeGreaterThan(20);
    }
  });

  it('telt gesplitst over threads precies wat één thread telt', async () => {
    const vraag = { naar: schrijfOntwerp(), datum: '2016-06-01' };
    const o = zetImpactOp(engine, vraag);
    if (!o.ok) throw new Error(o.fouten.join('\n'));
    const een = await telGegenereerd(o.opzet, vraag, { aantal: 30_000, seed: 5, threads: 1 });
    const twee = await telGegenereerd(o.opzet, vraag, { aantal: 30_000, seed: 5, threads: 2 });
    expect(een.gewijzigd).toBeGreaterThan(0);
    expect(impactCijfers(twee)).toEqual(impactCijfers(een));
  }, 60_000);
});

describe('reintegratie impact', () => {
  it('rapporteert een ontwerp over een NDJSON-bestand, als tabel en als JSON', async () => {
    const ontwerp = schrijfOntwerp();
    const cases = join(mkdtempSync(join(tmpdir(), 'impact-')), 'casussen.ndjson');
    writeFileSync(cases, `${HANDGEVALLEN.map((c) => JSON.stringify(c)).join('\n')}\n`);
    const json = await draai('impact', '--to', ontwerp, '--date', '2016-06-01', '--cases', cases, '--json');
    expect(json.fout).toBe('');
    expect(json.code).toBe(0);
    const r = JSON.parse(json.uit);
    expect(r).toMatchObject({
      gemeente: 'dinkelland',
      peildatum: '2016-06-01',
      van: { notatie: `${DINKELLAND}@2015-07-01`, status: 'vastgesteld' },
      naar: { notatie: ontwerp, status: 'ontwerp' },
      bron: { soort: 'ndjson', bestand: cases },
      casussen: 6,
      gewijzigd: 2,
      jaarlast: { vanCent: 60000, naarCent: 40000, verschilCent: -20000 },
    });
    const tabel = await draai('impact', '--to', ontwerp, '--date', '2016-06-01', '--cases', cases);
    expect(tabel.code).toBe(0);
    expect(tabel.uit).toMatch(/Andere uitkomst: 2 casussen/);
    expect(tabel.uit).toMatch(/participatieplaats +5 +1 +toegestaan → afgewezen 1/);
    expect(tabel.uit).toMatch(/participatieplaats +€ 600,00 +€ 400,00 +-€ 200,00 +2 +1 \/ 1 \/ 1/);
  });

  it('vergelijkt een geladen versie met zichzelf over een gegenereerde caseload', async () => {
    const r = await draai(
      'impact',
      '--from',
      BRON,
      '--to',
      `${DINKELLAND}@2015-07-01`,
      '--date',
      '2016-06-01',
      '--generated',
      '2000',
      '--seed',
      '9',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.uit)).toMatchObject({
      bron: { soort: 'gegenereerd', aantal: 2000, seed: 9 },
      casussen: 2000,
      gewijzigd: 0,
    });
  });

  it('weigert een ongeldig ontwerp met dezelfde meldingen als validate (exit 1)', async () => {
    const ontwerp = schrijfOntwerp((t) =>
      vervang(t, 'toets: { feit: leeftijd, tenMinste: 30 }', 'toets: { feit: leeftijd, tenMinstens: 30 }'),
    );
    const r = await draai('impact', '--to', ontwerp, '--date', '2016-06-01', '--generated', '10');
    expect(r.code).toBe(1);
    expect(r.uit).toBe('');
    expect(r.fout).toMatch(
      new RegExp(`^${ontwerp}:\\d+:\\d+: voorzieningen\\.participatieplaats\\.voorwaarden\\[1\\]`),
    );
    const v = await draai('validate', ontwerp);
    expect(v.code).toBe(1);
    expect(r.fout).toBe(v.fout);
  });

  it('noemt bestand en regel van een ongeldige NDJSON-regel (exit 1)', async () => {
    const map = mkdtempSync(join(tmpdir(), 'impact-'));
    const goed = JSON.stringify(HANDGEVALLEN[0]);
    const gevallen: [string, RegExp][] = [
      [`${goed}\n${goed}\n{"gemeente": "dinkelland",\n`, /casussen\.ndjson:3: ongeldige JSON/],
      [
        `${goed}\n\n${JSON.stringify({ ...HANDGEVALLEN[0], feiten: { uitkering: 'bijstand' } })}\n`,
        /casussen\.ndjson:3: feiten\.uitkering: /,
      ],
      [
        `${JSON.stringify({ ...HANDGEVALLEN[0], peildatum: '2016-07-01' })}\n`,
        /casussen\.ndjson:1: casus voor dinkelland op 2016-07-01; deze run is voor dinkelland op 2016-06-01/,
      ],
    ];
    for (const [inhoud, melding] of gevallen) {
      const pad = join(map, 'casussen.ndjson');
      writeFileSync(pad, inhoud);
      const r = await draai('impact', '--to', DINKELLAND, '--date', '2016-06-01', '--cases', pad);
      expect(r.code).toBe(1);
      expect(r.fout).toMatch(melding);
      expect(r.uit).toBe('');
    }
    const weg = await draai(
      'impact',
      '--to',
      DINKELLAND,
      '--date',
      '2016-06-01',
      '--cases',
      join(map, 'nee.ndjson'),
    );
    expect(weg).toMatchObject({
      code: 1,
      fout: expect.stringMatching(/nee\.ndjson: kan bestand niet lezen \(ENOENT\)/),
    });
  });

  it('legt uit wat er mis is met een versie of een optie (exit 1)', async () => {
    const gevallen: [string[], RegExp][] = [
      [['--date', '2016-06-01'], /gebruik: reintegratie impact/],
      [['--to', 'nergens/verordening', '--date', '2016-06-01'], /onbekende regeling 'nergens\/verordening'/],
      [
        ['--to', `${DINKELLAND}@2016-01-01`, '--date', '2016-06-01'],
        /geen versie van 2016-01-01; geladen: dinkelland\/re-integratieverordening@2015-07-01/,
      ],
      [['--to', DINKELLAND, '--date', '2015-06-01'], /geen vastgestelde versie in werking/],
      [
        ['--to', `${DINKELLAND}@2015-07-01`, '--date', '2015-06-01'],
        /geldt pas vanaf 2015-07-01, na --date 2015-06-01; kies --date op of na die dag/,
      ],
      [
        [
          '--to',
          DINKELLAND,
          '--from',
          'groningen/re-integratieverordening@2024-01-01',
          '--date',
          '2026-06-01',
        ],
        /kies twee versies van één regeling/,
      ],
      [['--to', DINKELLAND, '--date', '2016-06-01', '--generated', 'veel'], /--generated: 'veel'/],
      [
        ['--to', DINKELLAND, '--date', '2016-06-01', '--generated', '5', '--cases', 'x.ndjson'],
        /kies één bron/,
      ],
      [['--to', '/bestaat/niet.yaml', '--date', '2016-06-01'], /\/bestaat\/niet\.yaml: bestand bestaat niet/],
      [['--to', DINKELLAND, '--date', '1 juni'], /--date: '1 juni' is geen datum/],
    ];
    for (const [args, melding] of gevallen) {
      const r = await draai('impact', ...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.fout).toMatch(melding);
    }
  });
});
