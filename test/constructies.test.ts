import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Casus } from '../src/casus/index.ts';
import { maakBatch, SLOT_VAN, SLOTEN, UITKOMST_VAN_CODE } from '../src/engine/batch.ts';
import { maakEngine } from '../src/engine/index.ts';
import type { VoorzieningUitkomst } from '../src/engine/resultaat.ts';
import { duurTussen, bereiktLeeftijdOp, leeftijdInMaandenOp } from '../src/kalender/index.ts';
import { formatteerFout, laadBibliotheek, STANDAARD_WORTEL } from '../src/regelgeving/index.ts';

/**
 * Issue 9 item 3, the constructs an ordinance needs beyond plain comparisons: minimum and maximum
 * durations, the duration of a period from its dates, uninterrupted periods, an age by the exact day
 * it is reached (the AOW age of the year it is reached in), and a sentence per part of an amount's
 * compound condition. Each test writes the YAML as docs/regelgeving.md shows it and reads the outcome
 * and the Dutch sentence.
 */

const DINKELLAND = 'gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml';
const bron = readFileSync(join(STANDAARD_WORTEL, DINKELLAND), 'utf8');

/** A library with Dinkelland's file carrying one more voorziening (and optionally more at the top). */
function engineMet(voorziening: string, bovenaan = '') {
  const tekst = bron.replace('\nvoorzieningen:\n', `\n${bovenaan}voorzieningen:\n${voorziening}`);
  expect(tekst).not.toBe(bron);
  const wortel = mkdtempSync(join(tmpdir(), 'constructies-'));
  cpSync(join(STANDAARD_WORTEL, 'wet'), join(wortel, 'wet'), { recursive: true });
  cpSync(join(STANDAARD_WORTEL, 'regio'), join(wortel, 'regio'), { recursive: true });
  mkdirSync(join(wortel, DINKELLAND, '..'), { recursive: true });
  writeFileSync(join(wortel, DINKELLAND), tekst);
  const b = laadBibliotheek(wortel);
  return b.ok ? { engine: maakEngine(b.waarde), fouten: [] } : { engine: undefined, fouten: b.fouten };
}

function beoordeel(
  engine: ReturnType<typeof maakEngine>,
  peildatum: string,
  feiten: Record<string, unknown>,
  aanvraag: Record<string, unknown>,
): VoorzieningUitkomst {
  const casus = {
    gemeente: 'dinkelland',
    peildatum,
    feiten: { uitkering: 'algemene-bijstand', kanOnderwijsVolgen: false, ...feiten },
    aanvraag: { voorziening: 'werkervaringsplaats', ingangsdatum: peildatum, ...aanvraag },
  };
  const r = engine.evalueer(casus);
  if (!r.ok) throw new Error(JSON.stringify(r.fout));
  const u = r.resultaat.voorzieningen[0]!;
  // The batch path (impact runs, caseloads) decides every one of these cases as the explained path does.
  const b = maakBatch(engine, 'dinkelland', peildatum);
  if (!b.ok) throw new Error(JSON.stringify(b.fout));
  const codes = new Uint8Array(SLOTEN.length);
  b.batch.beoordeel(casus as Casus, codes);
  expect(UITKOMST_VAN_CODE[codes[SLOT_VAN.get('werkervaringsplaats')!]!]).toBe(u.uitkomst);
  return u;
}

const grond = (u: VoorzieningUitkomst, id: string) => u.gronden.find((g) => g.voorwaarde === id);
const termijn = (u: VoorzieningUitkomst) => u.gronden.filter((g) => g.soort === 'termijn');

/** A voorziening as a file writes it, with the given conditions and term. */
const voorziening = (delen: { voorwaarden?: string; duur?: string; bedragen?: string }) =>
  [
    '  werkervaringsplaats:',
    '    artikel: "15"',
    '    titel: Werkervaringsplaats',
    '    omschrijving: Werkervaring opdoen bij een werkgever.',
    '    aanvrager: inwoner',
    '    voorwaarden:',
    delen.voorwaarden ??
      [
        '      - id: altijd',
        '        artikel: "15"',
        '        toets: { waar: true }',
        '        uitleg: { ja: Daar is voldaan., nee: Daar is niet voldaan. }',
      ].join('\n'),
    delen.duur ?? '',
    delen.bedragen ?? '',
    '',
  ]
    .filter((r) => r !== '')
    .join('\n') + '\n';

describe('minimale en maximale duur (een leerwerktraject van minimaal 6 en maximaal 12 maanden)', () => {
  const { engine } = engineMet(
    voorziening({
      duur: [
        '    duur:',
        '      artikel: "15"',
        '      minimaal: { maanden: 6 }',
        '      maximaal: { maanden: 12 }',
      ].join('\n'),
    }),
  );
  const feiten = { geboortedatum: '1990-05-01' };

  it('weigert een kortere periode, met het artikel en beide grenzen', () => {
    const u = beoordeel(engine!, '2016-03-01', feiten, { einddatum: '2016-07-31' });
    expect(u.uitkomst).toBe('afgewezen');
    expect(termijn(u)).toEqual([
      expect.objectContaining({
        artikel: '15',
        voldaan: false,
        uitleg:
          'De gevraagde periode van 1 maart 2016 tot en met 31 juli 2016 is korter dan mag: de voorziening duurt minimaal 6 en maximaal 12 maanden. De periode moet ten minste lopen tot en met 31 augustus 2016. (artikel 15 van de Re-integratieverordening Participatiewet gemeente Dinkelland 2015)',
      }),
    ]);
  });

  it('staat precies 6 maanden toe en noemt beide grenzen', () => {
    const u = beoordeel(engine!, '2016-03-01', feiten, { duurMaanden: 6 });
    expect(u.uitkomst).toBe('toegestaan');
    expect(termijn(u)).toEqual([
      expect.objectContaining({
        voldaan: true,
        uitleg: expect.stringContaining('past binnen de duur van minimaal 6 en maximaal 12 maanden'),
      }),
    ]);
  });

  it('kent een langere periode toe tot het maximum en noemt ook dan beide grenzen', () => {
    const u = beoordeel(engine!, '2016-03-01', feiten, { duurMaanden: 13 });
    expect(u.uitkomst).toBe('toegestaan');
    expect(u.termijnen.einddatum).toBe('2017-02-28');
    expect(termijn(u)[0]!.uitleg).toMatch(
      /langer dan mag: de laatste dag is 28 februari 2017\. U krijgt de voorziening daarom tot en met 28 februari 2017\. De rest van de gevraagde periode krijgt u niet\. De voorziening duurt minimaal 6 en maximaal 12 maanden\./,
    );
  });

  it('een minimum zonder maximum ("met een minimale duur van 6 maanden")', () => {
    const alleenMinimum = engineMet(
      voorziening({
        duur: ['    duur:', '      artikel: "15"', '      minimaal: { maanden: 6 }'].join('\n'),
      }),
    ).engine!;
    const lang = beoordeel(alleenMinimum, '2016-03-01', feiten, { duurMaanden: 30 });
    expect(lang.uitkomst).toBe('toegestaan');
    expect(termijn(lang)).toEqual([
      expect.objectContaining({
        voldaan: true,
        uitleg: expect.stringContaining(
          'tot en met 31 augustus 2018 voldoet aan de duur van minimaal 6 maanden.',
        ),
      }),
    ]);
    const kort = beoordeel(alleenMinimum, '2016-03-01', feiten, { duurMaanden: 3 });
    expect(kort.uitkomst).toBe('afgewezen');
    expect(termijn(kort)[0]!.uitleg).toContain('is korter dan mag: de voorziening duurt minimaal 6 maanden.');
  });

  it('weigert een minimum dat langer is dan het maximum', () => {
    const { fouten } = engineMet(
      voorziening({
        duur: [
          '    duur:',
          '      artikel: "15"',
          '      minimaal: { maanden: 13 }',
          '      maximaal: { maanden: 12 }',
        ].join('\n'),
      }),
    );
    expect(fouten.map(formatteerFout)).toEqual([
      expect.stringMatching(
        /voorzieningen\.werkervaringsplaats\.duur\.minimaal: de minimale duur is langer dan de maximale/,
      ),
    ]);
  });
});

describe('duur uit begin- en einddatum, volgens de kalender', () => {
  it('telt hele kalendermaanden en de dagen erna, nooit maanden van 30 dagen', () => {
    expect(duurTussen('2016-03-01', '2016-05-31')).toEqual({
      maanden: 3,
      restDagen: 0,
      weken: 13,
      dagen: 92,
    });
    expect(duurTussen('2016-01-31', '2016-02-29')).toEqual({ maanden: 1, restDagen: 0, weken: 4, dagen: 30 });
    expect(duurTussen('2015-01-31', '2015-02-27')).toEqual({
      maanden: 0,
      restDagen: 28,
      weken: 4,
      dagen: 28,
    });
    expect(duurTussen('2016-03-15', '2016-04-20')).toEqual({ maanden: 1, restDagen: 6, weken: 5, dagen: 37 });
  });

  const { engine } = engineMet(
    voorziening({
      voorwaarden: [
        '      - id: minstens-26-weken',
        '        artikel: "15"',
        '        toets: { periode: { van: ingangsdatum, totEnMet: einddatum }, tenMinste: { weken: 26 } }',
        '        uitleg:',
        '          ja: De werkervaringsplaats duurt van {ingangsdatum} tot en met {einddatum}, ten minste 26 weken.',
        '          nee: De werkervaringsplaats duurt van {ingangsdatum} tot en met {einddatum}, korter dan 26 weken.',
      ].join('\n'),
    }),
  );

  it('toetst de duur van de gevraagde periode in weken', () => {
    // 26 weeks from 1 March 2016 end on 29 August 2016.
    const ja = beoordeel(engine!, '2016-03-01', { geboortedatum: '1990-05-01' }, { einddatum: '2016-08-29' });
    expect(grond(ja, 'minstens-26-weken')).toMatchObject({
      voldaan: true,
      uitleg: expect.stringContaining('van 1 maart 2016 tot en met 29 augustus 2016, ten minste 26 weken'),
    });
    const nee = beoordeel(
      engine!,
      '2016-03-01',
      { geboortedatum: '1990-05-01' },
      { einddatum: '2016-08-28' },
    );
    expect(grond(nee, 'minstens-26-weken')?.voldaan).toBe(false);
    expect(nee.uitkomst).toBe('afgewezen');
  });

  it('zonder einddatum onbepaald, met de reden', () => {
    const u = beoordeel(engine!, '2016-03-01', { geboortedatum: '1990-05-01' }, {});
    expect(u.uitkomst).toBe('onbepaald');
    expect(u.ontbrekendeFeiten).toEqual(['einddatum']);
    expect(grond(u, 'minstens-26-weken')?.uitleg).toMatch(
      /^Dit kunnen we nog niet beoordelen, want de gevraagde einddatum ontbreekt\./,
    );
  });
});

describe('aaneengesloten perioden (ten minste 12 maanden onafgebroken een uitkering)', () => {
  const regel = (eind: string) =>
    engineMet(
      voorziening({
        voorwaarden: [
          '      - id: twaalf-maanden-uitkering',
          '        artikel: "15"',
          `        toets: { periode: { van: uitkeringSinds, ${eind}: peildatum }, tenMinste: { maanden: 12 } }`,
          '        uitleg:',
          '          ja: U heeft sinds {uitkeringSinds} zonder onderbreking een uitkering, ten minste 12 maanden.',
          '          nee: U heeft sinds {uitkeringSinds} een uitkering. Dat is nog geen 12 maanden zonder onderbreking.',
        ].join('\n'),
      }),
    ).engine!;
  const feiten = { geboortedatum: '1980-01-01', uitkeringSinds: '2015-03-01' };

  it('de peildatum telt mee (totEnMet): 12 maanden vanaf 1 maart 2015 zijn vol op 29 februari 2016', () => {
    const engine = regel('totEnMet');
    expect(grond(beoordeel(engine, '2016-02-29', feiten, {}), 'twaalf-maanden-uitkering')).toMatchObject({
      voldaan: true,
      uitleg: expect.stringContaining('U heeft sinds 1 maart 2015 zonder onderbreking een uitkering'),
    });
    expect(grond(beoordeel(engine, '2016-02-28', feiten, {}), 'twaalf-maanden-uitkering')?.voldaan).toBe(
      false,
    );
  });

  it('voorafgaand aan de peildatum (tot): die dag telt niet mee', () => {
    const engine = regel('tot');
    expect(grond(beoordeel(engine, '2016-02-29', feiten, {}), 'twaalf-maanden-uitkering')?.voldaan).toBe(
      false,
    );
    expect(grond(beoordeel(engine, '2016-03-01', feiten, {}), 'twaalf-maanden-uitkering')?.voldaan).toBe(
      true,
    );
  });

  it('onbekend begin: onbepaald, met de reden', () => {
    const u = beoordeel(regel('totEnMet'), '2016-03-01', { geboortedatum: '1980-01-01' }, {});
    expect(u.uitkomst).toBe('onbepaald');
    expect(u.ontbrekendeFeiten).toEqual(['uitkeringSinds']);
    expect(grond(u, 'twaalf-maanden-uitkering')?.uitleg).toContain(
      'want de datum sinds wanneer u zonder onderbreking een uitkering heeft ontbreekt',
    );
  });
});

describe('leeftijd in jaren en maanden, op de dag dat iemand die bereikt', () => {
  it('rekent verjaardagen volgens de kalender, ook op 29 februari', () => {
    expect(bereiktLeeftijdOp('1992-02-29', 27 * 12)).toBe('2019-03-01');
    expect(bereiktLeeftijdOp('1992-02-29', 28 * 12)).toBe('2020-02-29');
    expect(bereiktLeeftijdOp('1961-05-31', 67 * 12 + 3)).toBe('2028-08-31');
    expect(bereiktLeeftijdOp('1960-11-30', 67 * 12 + 3)).toBe('2028-03-01');
    expect(leeftijdInMaandenOp('1960-11-30', '2028-02-29')).toBe(67 * 12 + 2);
    expect(leeftijdInMaandenOp('1960-11-30', '2028-03-01')).toBe(67 * 12 + 3);
  });

  const jonger = engineMet(
    voorziening({
      voorwaarden: [
        '      - id: jonger-dan-27',
        '        artikel: "15"',
        '        toets: { leeftijdOp: startdatum, minderDan: { jaren: 27 } }',
        '        uitleg:',
        '          ja: U bent {leeftijdInMaanden}, jonger dan 27 jaar.',
        '          nee: U bent {leeftijdInMaanden}. Dit is voor mensen jonger dan 27 jaar.',
      ].join('\n'),
    }),
  ).engine!;

  it('"jonger dan 27 jaar": wie op 29 februari is geboren, wordt 27 op 1 maart', () => {
    const feiten = { geboortedatum: '1992-02-29', startkwalificatie: false, kanOnderwijsVolgen: false };
    expect(grond(beoordeel(jonger, '2019-02-28', feiten, {}), 'jonger-dan-27')).toMatchObject({
      voldaan: true,
      uitleg: expect.stringContaining('U bent 26 jaar en 11 maanden, jonger dan 27 jaar.'),
    });
    expect(grond(beoordeel(jonger, '2019-03-01', feiten, {}), 'jonger-dan-27')).toMatchObject({
      voldaan: false,
      uitleg: expect.stringContaining('U bent 27 jaar. Dit is voor mensen jonger dan 27 jaar.'),
    });
  });

  const aow = engineMet(
    voorziening({}),
    [
      'algemeneVoorwaarden:',
      '  - id: aow-leeftijd-niet-bereikt',
      '    artikel: "15"',
      '    toets: { leeftijdOp: startdatum, minderDan: { parameter: aow-leeftijd } }',
      '    uitleg:',
      '      ja: U bent {leeftijdInMaanden} en heeft de AOW-leeftijd nog niet bereikt.',
      '      nee: U bent {leeftijdInMaanden} en heeft de AOW-leeftijd bereikt.',
      '',
    ].join('\n'),
  ).engine!;
  const aowGrond = (geboren: string, op: string) =>
    grond(beoordeel(aow, op, { geboortedatum: geboren }, {}), 'aow-leeftijd-niet-bereikt');

  it('de AOW-leeftijd van het jaar waarin iemand hem bereikt: 67 in 2027, 67 jaar en 3 maanden in 2028', () => {
    // 67 on 15 December 2027, the AOW age of 2027: reached then, and still on 5 January 2028, when the
    // AOW age of 2028 (67 years and 3 months) is more than this person's age.
    expect(aowGrond('1960-12-15', '2027-12-14')?.voldaan).toBe(true);
    expect(aowGrond('1960-12-15', '2027-12-15')).toMatchObject({
      voldaan: false,
      uitleg: expect.stringContaining('U bent 67 jaar en heeft de AOW-leeftijd bereikt.'),
    });
    expect(aowGrond('1960-12-15', '2028-01-05')?.voldaan).toBe(false);
    // 67 in January 2028: then the age of 2028 holds, reached on 15 April 2028.
    expect(aowGrond('1961-01-15', '2028-04-14')).toMatchObject({
      voldaan: true,
      uitleg: expect.stringContaining(
        'U bent 67 jaar en 2 maanden en heeft de AOW-leeftijd nog niet bereikt.',
      ),
    });
    expect(aowGrond('1961-01-15', '2028-04-15')?.voldaan).toBe(false);
  });

  it('de AOW-leeftijd van 2015 en 2016 (65 jaar en 3 of 6 maanden)', () => {
    // 65 years and 3 months on 10 December 2015, in 2015: reached then.
    expect(aowGrond('1950-09-10', '2015-12-09')?.voldaan).toBe(true);
    expect(aowGrond('1950-09-10', '2015-12-10')?.voldaan).toBe(false);
    // 65 years and 3 months would fall in 2016, whose age is 65 years and 6 months: 10 April 2016.
    expect(aowGrond('1950-10-10', '2016-04-09')?.voldaan).toBe(true);
    expect(aowGrond('1950-10-10', '2016-04-10')?.voldaan).toBe(false);
  });

  it('een AOW-leeftijd die nog niet is vastgesteld (2032): onbepaald, met de reden', () => {
    const u = beoordeel(aow, '2033-07-01', { geboortedatum: '1966-03-01' }, {});
    expect(grond(u, 'aow-leeftijd-niet-bereikt')).toMatchObject({
      voldaan: null,
      uitleg: expect.stringContaining('want de AOW-leeftijd ontbreekt'),
    });
  });

  it('weigert een leeftijd in jaren tegen de AOW-leeftijd in maanden (altijd waar)', () => {
    const { fouten } = engineMet(
      voorziening({
        voorwaarden: [
          '      - id: aow',
          '        artikel: "15"',
          '        toets: { feit: leeftijd, minderDan: { parameter: aow-leeftijd } }',
          '        uitleg: { ja: Jonger., nee: Ouder. }',
        ].join('\n'),
      }),
    );
    expect(fouten.map(formatteerFout)).toEqual([
      expect.stringMatching(
        /2015-07-01\.yaml:\d+:\d+: voorzieningen\.werkervaringsplaats\.voorwaarden\[0\]\.toets\.minderDan: 'leeftijd' telt in jaren, de parameter 'aow-leeftijd' in maanden; vergelijk een leeftijd met \{ leeftijdOp: startdatum/,
      ),
    ]);
  });
});

describe('een zin per deel van een samengestelde voorwaarde van een bedrag', () => {
  const bedrag = (delen: string) =>
    engineMet(
      voorziening({
        bedragen: [
          '    bedragen:',
          '      premie:',
          '        artikel: "15"',
          '        omschrijving: Premie',
          '        cent: 15000',
          '        per: eenmalig',
          '        als:',
          '          alle:',
          '            - { feit: urenPerWeek, meerDan: 20 }',
          '            - { feit: voldoendeMeegewerkt, is: true }',
          '        uitleg:',
          '          ja: U krijgt de premie.',
          '          nee: U krijgt geen premie.',
          delen,
        ].join('\n'),
      }),
    );

  it('zegt per deel wat niet klopt, in de zin van het bestand', () => {
    const { engine } = bedrag(
      [
        '          delen:',
        '            - U werkt {urenPerWeek} uur per week; de premie is er bij meer dan 20 uur.',
        '            - Het college vindt niet dat u genoeg hebt meegewerkt.',
      ].join('\n'),
    );
    const beide = beoordeel(
      engine!,
      '2016-03-01',
      { geboortedatum: '1980-01-01' },
      { urenPerWeek: 18, voldoendeMeegewerkt: false },
    );
    expect(beide.gronden.find((g) => g.soort === 'bedrag')?.uitleg).toBe(
      'U krijgt geen premie. U werkt 18 uur per week; de premie is er bij meer dan 20 uur. Het college vindt niet dat u genoeg hebt meegewerkt. (artikel 15 van de Re-integratieverordening Participatiewet gemeente Dinkelland 2015)',
    );
    const een = beoordeel(
      engine!,
      '2016-03-01',
      { geboortedatum: '1980-01-01' },
      { urenPerWeek: 24, voldoendeMeegewerkt: false },
    );
    expect(een.gronden.find((g) => g.soort === 'bedrag')?.uitleg).toBe(
      'U krijgt geen premie. Het college vindt niet dat u genoeg hebt meegewerkt. (artikel 15 van de Re-integratieverordening Participatiewet gemeente Dinkelland 2015)',
    );
  });

  it('zonder eigen zinnen: de regel zelf per deel, en een onbekend deel met wat ontbreekt', () => {
    const { engine } = bedrag('');
    const u = beoordeel(engine!, '2016-03-01', { geboortedatum: '1980-01-01' }, { urenPerWeek: 18 });
    expect(u.gronden.find((g) => g.soort === 'bedrag')?.uitleg).toBe(
      'U krijgt geen premie. Hieraan is niet voldaan: de uren per week meer dan 20 (nu: 18). Of hieraan is voldaan, weten we nog niet: voldoende meegewerkt is ja; voldoende meegewerkt ontbreekt. (artikel 15 van de Re-integratieverordening Participatiewet gemeente Dinkelland 2015)',
    );
    const open = beoordeel(engine!, '2016-03-01', { geboortedatum: '1980-01-01' }, { urenPerWeek: 24 });
    expect(open.gronden.find((g) => g.soort === 'bedrag')?.uitleg).toContain(
      'Of hieraan is voldaan, weten we nog niet: voldoende meegewerkt is ja; voldoende meegewerkt ontbreekt.',
    );
  });

  it('weigert zinnen per deel die niet bij de delen passen', () => {
    const { fouten } = bedrag(
      ['          delen:', '            - Een.', '            - Twee.', '            - Drie.'].join('\n'),
    );
    expect(fouten.map(formatteerFout)).toEqual([
      expect.stringMatching(/bedragen\.premie\.uitleg\.delen: 3 zinnen voor 2 delen van als/),
    ]);
  });
});

describe('een wettelijke termijn in dagen wordt met de kalender geteld (plan.ts, niet dagen gedeeld door 30)', () => {
  // The law's participatieplaats term (art. 10a lid 1) written in days: 400 days from 1 March 2016 end
  // on 4 April 2017 (2016 is a leap year: 365 days reach 1 March 2017, 35 more 5 April, day 400 is the 4th).
  // Dividing by 30 made it 13.33 months, an end date no calendar gives.
  const WET = 'wet/participatiewet/2015-01-01.yaml';
  const wortel = mkdtempSync(join(tmpdir(), 'constructies-'));
  cpSync(STANDAARD_WORTEL, wortel, { recursive: true });
  const wet = readFileSync(join(STANDAARD_WORTEL, WET), 'utf8');
  const dagen = wet.replace(
    '      lid: 1\n      maximaal: { maanden: 24 }\n',
    '      lid: 1\n      maximaal: { dagen: 400 }\n',
  );
  writeFileSync(join(wortel, WET), dagen);
  const b = laadBibliotheek(wortel);

  it('de laatste dag is de 400e dag, ook waar de verordening 24 maanden toestaat', () => {
    expect(dagen).not.toBe(wet);
    if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
    const r = maakEngine(b.waarde).evalueer({
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: { geboortedatum: '1980-01-01', uitkering: 'algemene-bijstand', kanOnderwijsVolgen: false },
      aanvraag: { voorziening: 'participatieplaats', ingangsdatum: '2016-03-01' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.fout));
    const u = r.resultaat.voorzieningen.find((v) => v.voorziening === 'participatieplaats')!;
    expect(u.termijnen.maximaleEinddatum).toBe('2017-04-04');
  });
});
