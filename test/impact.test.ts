import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { opgeslagenCaseload } from '../src/administratie/caseload.ts';
import { beeindig, neemBeschikking } from '../src/administratie/beschikkingen.ts';
import { registreerAanvraag } from '../src/administratie/aanvragen.ts';
import { maakGebruiker } from '../src/administratie/gebruikers.ts';
import { legFeitVast } from '../src/administratie/inwoners.ts';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import type { Actor } from '../src/administratie/toegang.ts';
import {
  gezamenlijkAanbod,
  impactCijfers,
  type ImpactOpzet,
  maakImpactteller,
  maakJaarbedrag,
  telGegenereerd,
  telNdjson,
  zetImpactOp,
} from '../src/beleid/index.ts';
import { caseload } from '../src/caseload/index.ts';
import { leesRegel, openNdjson, verwerkStuk } from '../src/beleid/ndjson-casussen.ts';
import { type Casus, LANDELIJK_VOCABULAIRE } from '../src/casus/index.ts';
import { type Batch, maakBatch, SLOT_VAN, SLOTEN, TOEGESTAAN } from '../src/engine/batch.ts';
import { impact } from '../src/cli/impact.ts';
import { type Db, openOpslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import { STANDAARD_WORTEL } from '../src/regelgeving/index.ts';
import { draai, standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const DINKELLAND = 'dinkelland/re-integratieverordening';
const BRON = join(STANDAARD_WORTEL, 'gemeente', 'dinkelland', 're-integratieverordening', '2015-07-01.yaml');

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
  tekst = vervang(tekst, 'bedrag: 150.00, bron: art. 15 lid 5', 'bedrag: 200.00, bron: art. 15 lid 5');
  // The age condition stands in the Twente model Dinkelland rests on: the draft states it again (a
  // condition with the same id replaces the model's, in its place).
  tekst = vervang(
    tekst,
    '\n  participatieplaats:\n    bedragen:',
    [
      '\n  participatieplaats:',
      '    voorwaarden:',
      '      - id: leeftijd',
      '        artikel: "15"',
      '        lid: 1',
      '        toets: { feit: leeftijd, tenMinste: 30 }',
      '        uitleg: { ja: "U bent {leeftijd} jaar. Dat is 30 jaar of ouder.", nee: "U bent {leeftijd} jaar." }',
      '    bedragen:',
    ].join('\n'),
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
      const teller = maakImpactteller(o.batchVan, o.batchNaar);
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

  it('beoordeelt een casus één keer als beide batches gelijk gemaakt zijn, met dezelfde telling', () => {
    for (const [naar, datum] of [
      [DINKELLAND, '2016-06-01'],
      ['groningen/re-integratieverordening', '2026-06-01'],
    ] as const) {
      const o = opzet(naar, undefined, datum);
      expect(o.batchNaar.plan).toBe(o.batchVan.plan);
      expect(o.batchNaar.sleutel).toBe(o.batchVan.sleutel);
      let naarGevraagd = 0;
      const geteld: Batch = {
        ...o.batchNaar,
        beoordeel(c, u, j) {
          naarGevraagd++;
          o.batchNaar.beoordeel(c, u, j);
        },
      };
      const samen = maakImpactteller(o.batchVan, geteld);
      // Another key: the counter cannot take the batches for alike and judges under both.
      const apart = maakImpactteller(o.batchVan, { ...geteld, sleutel: `${geteld.sleutel} apart` });
      const aanbod = gezamenlijkAanbod(o.batchVan.plan, o.batchNaar.plan);
      let n = 0;
      for (const c of caseload({ gemeente: o.gemeente, peildatum: datum, aantal: 3000, seed: 4, aanbod })) {
        samen.tel(c);
        expect(naarGevraagd).toBe(n);
        apart.tel(c);
        expect(naarGevraagd).toBe(++n);
      }
      expect(impactCijfers(samen.stand), naar).toEqual(impactCijfers(apart.stand));
      expect(samen.stand.casussen).toBe(3000);
    }
    // Versions that differ are both judged.
    const o = opzet(schrijfOntwerp());
    expect(o.batchNaar.sleutel).not.toBe(o.batchVan.sleutel);
    let naarGevraagd = 0;
    const teller = maakImpactteller(o.batchVan, {
      ...o.batchNaar,
      beoordeel(c, u, j) {
        naarGevraagd++;
        o.batchNaar.beoordeel(c, u, j);
      },
    });
    for (const c of HANDGEVALLEN) teller.tel(c);
    expect(naarGevraagd).toBe(HANDGEVALLEN.length);
  });

  it('een ontwerp met een hogere premie en leeftijdsgrens: de overgangen en de jaarlast van handgevallen', () => {
    const o = opzet(schrijfOntwerp());
    expect(o.van.status).toBe('vastgesteld');
    expect(o.naar.status).toBe('ontwerp');
    const teller = maakImpactteller(o.batchVan, o.batchNaar);
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

  it('het jaarbedrag van de batch (jaarlast) is dat van maakJaarbedrag, ook waar het onbekend is', () => {
    for (const [naar, datum] of [
      [DINKELLAND, '2016-06-01'],
      ['groningen/re-integratieverordening', '2026-06-01'],
      ['zevenaar/re-integratieverordening', '2018-01-01'],
    ] as const) {
      const o = opzet(naar, undefined, datum);
      const bedrag = maakJaarbedrag(o.engine, o.batchVan.opties);
      const b = maakBatch(o.engine, o.gemeente, datum, { jaarlast: true });
      if (!b.ok) throw new Error(b.fout.code);
      const uit = new Uint8Array(b.batch.sloten.length);
      const jaarCent = new Float64Array(b.batch.sloten.length);
      const aanbod = gezamenlijkAanbod(o.batchVan.plan, o.batchNaar.plan);
      let bekend = 0;
      let onbekend = 0;
      let metBedrag = 0;
      for (const c of caseload({ gemeente: o.gemeente, peildatum: datum, aantal: 4000, seed: 3, aanbod })) {
        if (!c.aanvraag) continue;
        b.batch.beoordeel(c, uit, jaarCent);
        const slot = b.batch.slotVan.get(c.aanvraag.voorziening)!;
        if (uit[slot] !== TOEGESTAAN) continue;
        const cent = bedrag(c);
        expect(Number.isNaN(jaarCent[slot]), JSON.stringify(c)).toBe(cent === undefined);
        // A loonkostensubsidie without the hours of a full working week in the job (art. 10d lid 4) has
        // an unknown amount, not 0.
        if (c.aanvraag.voorziening === 'loonkostensubsidie' && c.aanvraag.normaleArbeidsduur === undefined)
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
      expect(onbekend).toBeGreaterThan(5);
    }
  });

  it('telt met de jaarbedragen van de batch precies wat maakJaarbedrag per casus telt', async () => {
    for (const [naar, datum, seed] of [
      [schrijfOntwerp(), '2016-06-01', 11],
      [DINKELLAND, '2016-06-01', 12],
      ['groningen/re-integratieverordening', '2026-06-01', 13],
      ['zevenaar/re-integratieverordening', '2018-01-01', 14],
      ['assen/re-integratieverordening', '2016-06-01', 15],
    ] as const) {
      const o = opzet(naar, undefined, datum);
      const snel = maakImpactteller(o.batchVan, o.batchNaar);
      const referentie = maakImpactteller(o.batchVan, o.batchNaar, {
        van: maakJaarbedrag(o.engine, o.batchVan.opties),
        naar: maakJaarbedrag(o.engine, o.batchNaar.opties),
      });
      const aanbod = gezamenlijkAanbod(o.batchVan.plan, o.batchNaar.plan);
      for (const c of caseload({ gemeente: o.gemeente, peildatum: datum, aantal: 6000, seed, aanbod })) {
        snel.tel(c);
        referentie.tel(c);
      }
      const r = impactCijfers(referentie.stand);
      expect(r.jaarlast.onbekend.van, naar).toBeGreaterThan(0);
      expect(r.jaarlast.vanCent, naar).toBeGreaterThan(0);
      expect(impactCijfers(snel.stand), naar).toEqual(r);
    }
  }, 60_000);

  it('telt over de vaste objecten van de generator wat het over zijn casussen telt', async () => {
    for (const [naar, datum, seed] of [
      [schrijfOntwerp(), '2016-06-01', 5],
      [schrijfOntwerp(), '2016-06-01', 'b'],
      ['groningen/re-integratieverordening', '2024-06-01', 3],
      ['amsterdam/re-integratieverordening', '2025-01-15', 17],
    ] as const) {
      const vraag = { naar, datum };
      const o = zetImpactOp(engine, vraag);
      if (!o.ok) throw new Error(o.fouten.join('\n'));
      const aantal = 20_000;
      const vast = await telGegenereerd(o.opzet, vraag, { aantal, seed, threads: 1 });
      const teller = maakImpactteller(o.opzet.batchVan, o.opzet.batchNaar);
      const aanbod = gezamenlijkAanbod(o.opzet.batchVan.plan, o.opzet.batchNaar.plan);
      for (const c of caseload({ gemeente: o.opzet.gemeente, peildatum: datum, aantal, seed, aanbod }))
        teller.tel(c);
      expect(impactCijfers(vast), `${naar} ${seed}`).toEqual(impactCijfers(teller.stand));
      // The draft changes outcomes, so the counts compared are not all on the diagonal.
      if (naar.endsWith('.yaml')) expect(vast.gewijzigd).toBeGreaterThan(0);
    }
  }, 60_000);

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

describe('impact over NDJSON', () => {
  it('slaat een regel met alleen witruimte over, ook niet-ASCII witruimte, en leest de rest', () => {
    const run = { gemeente: 'dinkelland', peildatum: '2016-06-01' };
    for (const leeg of ['', ' ', '\t \r', '\u00a0', '\ufeff', '\u2003 \u00a0'])
      expect(leesRegel(leeg, run), JSON.stringify(leeg)).toBeUndefined();
    const c = JSON.stringify(HANDGEVALLEN[0]);
    for (const regel of [c, ` ${c}`, `${c}\r`])
      expect(leesRegel(regel, run)).toEqual({ casus: HANDGEVALLEN[0] });
    expect(leesRegel(`x${c}`, run)).toMatchObject({ fout: expect.stringMatching(/^ongeldige JSON/) });
  });

  it('leest regels als bytes over elke stukgrens heen: UTF-8 op de grens, een regel langer dan een stuk, geen slotregeleinde', async () => {
    const run = { gemeente: 'dinkelland', peildatum: '2016-06-01' };
    const afwijking = {
      artikel: 'art. 5',
      voorwaarde: 'leeftijd',
      door: 'Zoë',
      reden: 'één reden met 🙂, ß en 字',
    };
    const metTekens = {
      ...HANDGEVALLEN[0]!,
      feiten: { ...HANDGEVALLEN[0]!.feiten, afwijkingen: [afwijking] },
    };
    const lang = {
      ...HANDGEVALLEN[1]!,
      feiten: { ...HANDGEVALLEN[1]!.feiten, afwijkingen: Array(40).fill(afwijking) },
    };
    const casussen = [HANDGEVALLEN[0]!, metTekens, lang, HANDGEVALLEN[2]!, metTekens];
    const regels = casussen.map((c) => JSON.stringify(c));
    // Empty lines (one of non-ASCII white space) and a CRLF line are part of the file; no final line end.
    const inhoud = [regels[0], '', regels[1], '\u00a0', `${regels[2]}\r`, regels[3], regels[4]].join('\n');
    const pad = join(mkdtempSync(join(tmpdir(), 'impact-')), 'grenzen.ndjson');
    writeFileSync(pad, inhoud);
    // A wrong field on the last line, to see its line number through every split.
    const kapot = join(mkdtempSync(join(tmpdir(), 'impact-')), 'kapot.ndjson');
    writeFileSync(
      kapot,
      `${inhoud}\n${JSON.stringify({ ...metTekens, feiten: { ...metTekens.feiten, uitkering: 'bijstand' } })}`,
    );
    for (const overdraagbaar of [false, true])
      for (const stukgrootte of [1, 2, 3, 7, 100, 1 << 20]) {
        const bron = await openNdjson(pad, { stukgrootte, overdraagbaar });
        if (!bron.ok) throw new Error(bron.bericht);
        const gelezen: Casus[] = [];
        const eersten: number[] = [];
        const geheugen = new Set<ArrayBufferLike>();
        for await (const stuk of bron.stukken) {
          eersten.push(stuk.eersteRegel);
          // A chunk for a worker shares its memory with no other: transferring it takes none along.
          if (overdraagbaar) expect(stuk.bytes.byteOffset).toBe(0);
          geheugen.add(stuk.bytes.buffer);
          expect(verwerkStuk(stuk, run, (c) => gelezen.push(c)).fout).toBeUndefined();
        }
        bron.sluit();
        expect(gelezen, `stukgrootte ${stukgrootte}`).toEqual(JSON.parse(JSON.stringify(casussen)));
        expect(eersten[0]).toBe(1);
        if (overdraagbaar) expect(geheugen.size).toBe(eersten.length);
        const fout = await openNdjson(kapot, { stukgrootte, overdraagbaar });
        if (!fout.ok) throw new Error(fout.bericht);
        const fouten = [];
        for await (const stuk of fout.stukken) {
          const r = verwerkStuk(stuk, run, () => {});
          if (r.fout) fouten.push(r.fout);
        }
        fout.sluit();
        expect(fouten).toEqual([{ regel: 8, bericht: expect.stringMatching(/^feiten\.uitkering: /) }]);
      }
  });

  it('telt met werkers wat één thread telt, en meldt de eerste foute regel', async () => {
    const vraag = { naar: schrijfOntwerp(), datum: '2016-06-01' };
    const o = zetImpactOp(engine, vraag);
    if (!o.ok) throw new Error(o.fouten.join('\n'));
    const aanbod = gezamenlijkAanbod(o.opzet.batchVan.plan, o.opzet.batchNaar.plan);
    const regels = [
      ...caseload({ gemeente: 'dinkelland', peildatum: '2016-06-01', aantal: 12_000, seed: 8, aanbod }),
    ].map((c) => JSON.stringify(c));
    const map = mkdtempSync(join(tmpdir(), 'impact-'));
    const goed = join(map, 'goed.ndjson');
    writeFileSync(goed, `${regels.join('\n')}\n`);
    const een = await telNdjson(o.opzet, vraag, goed, { threads: 1 });
    const twee = await telNdjson(o.opzet, vraag, goed, { threads: 2 });
    if (!een.ok || !twee.ok) throw new Error('NDJSON niet gelezen');
    expect(een.stand.casussen).toBe(12_000);
    expect(een.stand.gewijzigd).toBeGreaterThan(0);
    expect(impactCijfers(twee.stand)).toEqual(impactCijfers(een.stand));

    // Two bad lines in different chunks: whichever worker finds one first, line 9001 is reported.
    const fout = [...regels];
    fout[9000] = '{"gemeente": "dinkelland",';
    fout[11000] = 'nee';
    const kapot = join(map, 'kapot.ndjson');
    writeFileSync(kapot, `${fout.join('\n')}\n`);
    for (const threads of [1, 2])
      expect(await telNdjson(o.opzet, vraag, kapot, { threads })).toEqual({
        ok: false,
        bericht: expect.stringMatching(/kapot\.ndjson:9001: ongeldige JSON/),
      });
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
      // The path where the condition stands in the draft file: the one condition it states again.
      new RegExp(`^${ontwerp}:\\d+:\\d+: voorzieningen\\.participatieplaats\\.voorwaarden\\[0\\]`),
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
    // A directory opens; it is refused before the first read, not as an internal error.
    const map2 = await draai('impact', '--to', DINKELLAND, '--date', '2016-06-01', '--cases', map);
    expect(map2).toMatchObject({ code: 1, uit: '', fout: `${map}: kan bestand niet lezen (EISDIR)` });
  });

  it('meldt met werkers de eerste foute regel met nummer en veld, en telt niets (exit 1)', async () => {
    // Over 1 MiB, so the lines are split over chunks and the bad ones are judged by a worker.
    const regels = Array.from({ length: 6000 }, (_, i) => JSON.stringify(HANDGEVALLEN[i % 6]));
    regels[5000] = JSON.stringify({
      ...HANDGEVALLEN[0],
      feiten: { ...HANDGEVALLEN[0]!.feiten, uitkering: 'bijstand' },
    });
    regels[5500] = '{"gemeente": ';
    const pad = join(mkdtempSync(join(tmpdir(), 'impact-')), 'casussen.ndjson');
    writeFileSync(pad, `${regels.join('\n')}\n`);
    for (const threads of ['1', '2']) {
      const r = await draai(
        'impact',
        '--to',
        DINKELLAND,
        '--date',
        '2016-06-01',
        '--cases',
        pad,
        '--threads',
        threads,
        '--json',
      );
      expect(r).toEqual({
        code: 1,
        uit: '',
        fout: expect.stringMatching(/^\S*casussen\.ndjson:5001: feiten\.uitkering: /),
      });
    }
  }, 60_000);

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

/**
 * A small stored caseload of Dinkelland, with what it should be on 1 June 2016:
 * - Anna (28) on a participatieplaats granted on 4 January 2016 on her request, premie € 150 per six months;
 * - Bram (40) with a request of 15 May 2016 still open, on algemene bijstand since 1 May 2016 (WIA before,
 *   no benefit from 1 July: neither counts on 1 June);
 * - Cor (26) with nothing;
 * - Dewi (40), whose participatieplaats ended on 1 April 2016, counts without a request;
 * - Eef, a client of Groningen, is not in Dinkelland's caseload.
 */
async function vulOpslag(db: Db): Promise<Record<string, string>> {
  const gebruikerId = await maakGebruiker(db, {
    gebruikersnaam: 'cm',
    naam: 'cm',
    wachtwoord: 'test-wachtwoord-1',
    rollen: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
  });
  const actor: Actor = {
    gebruikerId,
    gebruikersnaam: 'cm',
    rollen: new Map([['dinkelland', new Set(['casemanager'] as const)]]),
    doel: 'test',
  };
  const ids: Record<string, string> = {};
  for (const [naam, gemeente, geboortedatum] of [
    ['Anna', 'dinkelland', '1988-01-01'],
    ['Bram', 'dinkelland', '1976-01-01'],
    ['Cor', 'dinkelland', '1990-01-01'],
    ['Dewi', 'dinkelland', '1976-01-01'],
    ['Eef', 'groningen', '1976-01-01'],
  ] as const) {
    const { id } = await db
      .insertInto('inwoner')
      .values({ gemeente, bsnHash: `impact-${naam}`, bsnVersleuteld: 'v1:x:y:z', naam, geboortedatum })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[naam] = id;
  }
  const feit = async (wie: string, naam: string, waarde: unknown, geldigVanaf: string) =>
    expect(
      (await legFeitVast(db, actor, 'dinkelland', ids[wie]!, { naam, waarde, geldigVanaf, bron: 'test' })).ok,
    ).toBe(true);
  for (const wie of ['Anna', 'Dewi']) {
    await feit(wie, 'uitkering', 'algemene-bijstand', '2015-01-01');
    await feit(wie, 'kanOnderwijsVolgen', false, '2015-01-01');
  }
  await feit('Bram', 'uitkering', 'wia', '2015-01-01');
  await feit('Bram', 'uitkering', 'algemene-bijstand', '2016-05-01');
  await feit('Bram', 'uitkering', 'geen', '2016-07-01');
  await feit('Bram', 'kanOnderwijsVolgen', false, '2015-01-01');

  const aanvraag = (ingangsdatum: string) => ({
    voorziening: 'participatieplaats',
    ingangsdatum,
    duurMaanden: 12,
    urenPerWeek: 24,
    voldoendeMeegewerkt: true,
  });
  const vraag = async (wie: string, ontvangenOp: string, gegevens: Record<string, unknown>) => {
    const r = await registreerAanvraag(db, actor, 'dinkelland', {
      inwonerId: ids[wie],
      soort: 'aanvraag',
      voorziening: 'participatieplaats',
      ontvangenOp,
      gegevens,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.fout));
    return r.waarde.id;
  };
  const ken = async (wie: string, peildatum: string, aanvraagId?: string) => {
    const r = await neemBeschikking(db, engine, actor, 'dinkelland', {
      inwonerId: ids[wie],
      ...(aanvraagId ? { aanvraagId } : {}),
      soort: 'toekenning',
      peildatum,
      aanvraag: aanvraag(peildatum),
      oordelen: {
        participatieplaatsPassend: { antwoord: true, motivering: 'Past bij de afstand tot werk.' },
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.fout));
    return r.waarde.id;
  };
  await ken('Anna', '2016-01-04', await vraag('Anna', '2015-12-20', aanvraag('2016-01-04')));
  await vraag('Bram', '2016-05-15', aanvraag('2016-07-01'));
  const dewi = await ken('Dewi', '2016-01-04');
  const einde = await beeindig(db, engine, actor, 'dinkelland', dewi, {
    datum: '2016-04-01',
    grond: 'g',
    motivering: 'Voldoet niet meer aan de voorwaarden.',
  });
  if (!einde.ok) throw new Error(JSON.stringify(einde.fout));
  return ids;
}

describe.each(OPSLAGEN)('de opgeslagen caseload op $naam', ({ open }) => {
  it('geeft elke inwoner met de feiten op de peildatum, per lopende voorziening of open aanvraag', async () => {
    const opslag = await open(engine);
    try {
      const ids = await vulOpslag(opslag.db);
      const paginas = [];
      for await (const p of opgeslagenCaseload(opslag.db, 'dinkelland', '2016-06-01', {
        vocabulaire: LANDELIJK_VOCABULAIRE,
        pagina: 3,
      }))
        paginas.push(p);
      expect(paginas.map((p) => p.inwoners)).toEqual([3, 1]);
      expect(paginas.flatMap((p) => p.ongeldig)).toEqual([]);
      const casussen = paginas.flatMap((p) => p.casussen);
      // Cases come in client id order (random uuids): find them by birth date and request.
      expect(casussen).toHaveLength(4);
      const anna = casussen.find((c) => c.feiten.geboortedatum === '1988-01-01')!;
      expect(anna).toMatchObject({
        gemeente: 'dinkelland',
        peildatum: '2016-06-01',
        feiten: { uitkering: 'algemene-bijstand', oordelen: { participatieplaatsPassend: true } },
        aanvraag: {
          voorziening: 'participatieplaats',
          toegekendOp: '2016-01-04',
          ingangsdatum: '2016-01-04',
        },
      });
      const bram = casussen.find((c) => c.aanvraag?.ingangsdatum === '2016-07-01')!;
      expect(bram.feiten).toEqual({
        geboortedatum: '1976-01-01',
        uitkering: 'algemene-bijstand',
        kanOnderwijsVolgen: false,
      });
      const zonder = casussen.filter((c) => c.aanvraag === undefined);
      expect(zonder.map((c) => c.feiten.geboortedatum).sort()).toEqual(['1976-01-01', '1990-01-01']);

      const o = opzet(schrijfOntwerp());
      const teller = maakImpactteller(o.batchVan, o.batchNaar);
      for (const c of casussen) teller.tel(c);
      const pp = impactCijfers(teller.stand).voorzieningen.find(
        (v) => v.voorziening === 'participatieplaats',
      )!;
      // Anna is refused under the draft (under 30); Bram's request waits for the college's judgement.
      expect(pp.aanvragen.overgangen).toEqual([
        { van: 'toegestaan', naar: 'afgewezen', aantal: 1 },
        { van: 'ter-beoordeling', naar: 'ter-beoordeling', aantal: 1 },
      ]);
      expect(pp.jaarlast).toMatchObject({ vanCent: 30000, naarCent: 0, verschilCent: -30000 });
    } finally {
      await opslag.sluit();
    }
  }, 60_000);
});

describe('reintegratie impact --store', () => {
  it('leest de opslag in DATA_DIR en rapporteert zoals bij de andere bronnen', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'impact-opslag-'));
    const config = { poort: 0, dataDir };
    const leeg = await draaiImpact(config, { store: true });
    expect(leeg.code).toBe(1);
    expect(leeg.fout).toMatch(/--store: geen opslag in .*pglite en geen DATABASE_URL/);

    const opslag = await openOpslag(config);
    try {
      await migreer(opslag.db, opslag.schema);
      await zorgVoorGemeenten(opslag.db, engine.bibliotheek);
      await vulOpslag(opslag.db);
    } finally {
      await opslag.sluit();
    }
    // Without a source the store is used when there is one.
    const r = await draaiImpact(config, { store: false });
    expect(r.fout).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.uit)).toMatchObject({
      bron: { soort: 'opslag', opslag: 'pglite', inwoners: 4, ongeldig: 0 },
      casussen: 4,
      metAanvraag: 2,
      gewijzigd: 1,
      jaarlast: { vanCent: 30000, naarCent: 0, verschilCent: -30000 },
    });
  }, 60_000);
});

async function draaiImpact(config: { poort: number; dataDir: string }, opties: { store: boolean }) {
  const uit: string[] = [];
  const fout: string[] = [];
  const code = await impact(
    { to: schrijfOntwerp(), date: '2016-06-01', json: true, ...opties },
    engine,
    config,
    { regel: (t) => uit.push(t), fout: (t) => fout.push(t) },
  );
  return { code, uit: uit.join('\n'), fout: fout.join('\n') };
}
