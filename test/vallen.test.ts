import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maakEngine } from '../src/engine/index.ts';
import {
  type BestandsFout,
  formatteerFout,
  laadBibliotheek,
  laadRegeling,
  STANDAARD_WORTEL,
} from '../src/regelgeving/index.ts';
import { leesTestbestand } from '../src/testgevallen/index.ts';

/**
 * Issue 9, "no silent traps": each file here would once have loaded and been silently wrong. Now it
 * is refused with a Dutch message naming file, line and path, or evaluates as the text says.
 */

const DINKELLAND = 'gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml';
const MODEL = 'regio/twente/modelverordening-re-integratie/2015-07-01.yaml';
const bron = readFileSync(join(STANDAARD_WORTEL, DINKELLAND), 'utf8');
// Dinkelland rests on the Twente model and states only its deviations: a fragment of a rule that
// stands in the model is planted in the model's file, the rest in Dinkelland's own.
const bronModel = readFileSync(join(STANDAARD_WORTEL, MODEL), 'utf8');

function boomMet(tekst: string) {
  const wortel = mkdtempSync(join(tmpdir(), 'vallen-'));
  cpSync(join(STANDAARD_WORTEL, 'wet'), join(wortel, 'wet'), { recursive: true });
  // Dinkelland rests on the Twente model.
  cpSync(join(STANDAARD_WORTEL, 'regio'), join(wortel, 'regio'), { recursive: true });
  const doel = tekst.startsWith('id: regio/') ? MODEL : DINKELLAND;
  mkdirSync(join(wortel, DINKELLAND, '..'), { recursive: true });
  if (doel === MODEL) writeFileSync(join(wortel, DINKELLAND), bron);
  const bestand = join(wortel, doel);
  writeFileSync(bestand, tekst);
  return { wortel, bestand };
}

function vervang(tekst: string, oud: string | RegExp, nieuw: string): string {
  if (tekst === bron && !bron.match(oud) && bronModel.match(oud)) tekst = bronModel;
  const uit = tekst.replace(oud, nieuw);
  expect(uit, `'${String(oud)}' staat niet in het bestand`).not.toBe(tekst);
  return uit;
}

function regelVan(tekst: string, fragment: string): number {
  const i = tekst.indexOf(fragment);
  expect(i, `'${fragment}' staat niet in de tekst`).toBeGreaterThanOrEqual(0);
  return tekst.slice(0, i).split('\n').length;
}

/** The errors of a whole tree with one Dinkelland file replaced (semantic checks need the law). */
function fouten(tekst: string): { bestand: string; fouten: BestandsFout[] } {
  const { wortel, bestand } = boomMet(tekst);
  const b = laadBibliotheek(wortel);
  return { bestand, fouten: b.ok ? [] : b.fouten };
}

const PREMIE = '{ vanaf: 2015-07-01, bedrag: 150.00, bron: art. 15 lid 5';

const participatieplaats = {
  gemeente: 'dinkelland',
  peildatum: '2016-03-01',
  feiten: {
    geboortedatum: '1985-06-15',
    uitkering: 'algemene-bijstand',
    oordelen: { participatieplaatsPassend: true },
  },
  aanvraag: {
    voorziening: 'participatieplaats',
    ingangsdatum: '2016-03-01',
    duurMaanden: 24,
    urenPerWeek: 24,
    voldoendeMeegewerkt: true,
  },
};

function premieMet(tekst: string): number | null | undefined {
  const { wortel } = boomMet(tekst);
  const b = laadBibliotheek(wortel);
  if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
  const r = maakEngine(b.waarde).evalueer(participatieplaats);
  if (!r.ok) throw new Error(JSON.stringify(r.fout));
  return r.resultaat.voorzieningen[0]?.bedragen.premie?.cent;
}

describe('bedragen die niet verkeerd te lezen zijn', () => {
  it('bedrag: 150.00 is € 150,00 en cent: 15000 ook', () => {
    expect(premieMet(bron)).toBe(15000);
    expect(premieMet(vervang(bron, PREMIE, '{ vanaf: 2015-07-01, cent: 15000, bron: art. 15 lid 5'))).toBe(
      15000,
    );
  });

  it('weigert waarde: 150.00 bij een parameter in cent (werd € 1,50)', () => {
    const tekst = vervang(bron, PREMIE, '{ vanaf: 2015-07-01, waarde: 150.00, bron: art. 15 lid 5');
    const { bestand, fouten: f } = fouten(tekst);
    expect(f).toContainEqual(
      expect.objectContaining({
        bestand,
        regel: regelVan(tekst, 'waarde: 150.00'),
        pad: 'parameters.premie-participatieplaats.waarden[0].waarde',
        bericht: expect.stringContaining('bedrag: 150.00 (euro) of cent: 15000 (hele centen)'),
      }),
    );
  });

  it.each([
    ['cent: 150.00', 'cent is een geheel aantal centen zonder punt'],
    ['cent: 1.5e4', 'cent is een geheel aantal centen zonder punt'],
    ['bedrag: 150.000', 'ten hoogste twee cijfers achter de punt'],
    ['bedrag: 150.005', 'ten hoogste twee cijfers achter de punt'],
    ["bedrag: '150,00'", 'geen tekst'],
    ["cent: '15000'", 'geen tekst'],
  ])('weigert %s met de plaats', (schrijfwijze, bericht) => {
    const tekst = vervang(bron, PREMIE, `{ vanaf: 2015-07-01, ${schrijfwijze}, bron: art. 15 lid 5`);
    const { bestand, fouten: f } = fouten(tekst);
    expect(f).toContainEqual(
      expect.objectContaining({
        bestand,
        regel: regelVan(tekst, schrijfwijze),
        pad: expect.stringMatching(/^parameters\.premie-participatieplaats\.waarden\[0\]\.(cent|bedrag)$/),
        bericht: expect.stringContaining(bericht),
      }),
    );
  });

  it('weigert bedrag of cent bij een parameter die geen bedrag is', () => {
    const tekst = vervang(bron, '{ vanaf: 2015-07-01, waarde: 20,', '{ vanaf: 2015-07-01, bedrag: 20,');
    const { fouten: f } = fouten(tekst);
    expect(f.map((x) => `${x.pad}: ${x.bericht}`)).toContainEqual(
      expect.stringMatching(
        /^parameters\.premie-urengrens\.waarden\[0\]\.bedrag: bedrag is alleen voor .*eenheid cent/,
      ),
    );
  });

  it('weigert een verwacht bedrag met een punt in een testgeval', () => {
    const map = mkdtempSync(join(tmpdir(), 'vallen-test-'));
    const bestand = join(map, '2015-07-01.test.yaml');
    const tekst = [
      'gevallen:',
      '  - naam: premie in euro geschreven',
      '    casus: {}',
      '    verwacht:',
      '      participatieplaats: { uitkomst: toegestaan, bedragen: { premie: 150.00 } }',
      '',
    ].join('\n');
    writeFileSync(bestand, tekst);
    const t = leesTestbestand(bestand);
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.fouten).toEqual([
      expect.objectContaining({
        bestand,
        regel: 5,
        pad: 'gevallen[0].verwacht.participatieplaats.bedragen.premie',
        bericht: expect.stringContaining('hele centen zonder punt (15000 voor € 150,00), niet 150.00'),
      }),
    ]);
  });
});

describe('andere stille vallen', () => {
  it('weigert een onbekende plaatshouder in een uitleg, met bedoelt u', () => {
    const tekst = vervang(
      bron,
      'ja: U bent {leeftijd} jaar. Dat is 27 jaar of ouder.',
      'ja: U bent {leeftijdd} jaar. Dat is 27 jaar of ouder.',
    );
    const uren = vervang(tekst, /(\n\s+ja: )(.*\{urenPerWeek\})/, '$1$2 Dat is {uren} uur.');
    const { bestand, fouten: f } = fouten(uren);
    expect(f).toContainEqual(
      expect.objectContaining({
        bestand,
        regel: regelVan(uren, '{leeftijdd}'),
        bericht: "onbekend feit '{leeftijdd}' in de zin (zie docs/feiten.md); bedoelt u '{leeftijd}'?",
      }),
    );
    expect(f).toContainEqual(
      expect.objectContaining({
        regel: regelVan(uren, '{uren}'),
        pad: expect.stringMatching(/\.uitleg\.ja$/),
        bericht: "onbekend feit '{uren}' in de zin (zie docs/feiten.md); bedoelt u '{urenPerWeek}'?",
      }),
    );
  });

  const schaduw = [
    'definities:',
    '  doelgroep:',
    '    artikel: "1"',
    '    omschrijving: Eigen doelgroep',
    '    toets: { feit: leeftijd, tenMinste: 18 }',
    '    uitleg: { ja: U bent 18 of ouder., nee: U bent jonger dan 18. }',
    '',
  ].join('\n');

  it('weigert een definitie die een landelijke stil vervangt', () => {
    const tekst = vervang(bron, '\nartikelen:\n', `\n${schaduw}artikelen:\n`);
    const { bestand, fouten: f } = fouten(tekst);
    expect(f).toContainEqual(
      expect.objectContaining({
        bestand,
        regel: regelVan(tekst, '  doelgroep:\n    artikel: "1"'),
        pad: 'definities.doelgroep',
        bericht: expect.stringMatching(
          /^'doelgroep' is al een definitie van de Participatiewet; .*eigenBetekenis/,
        ),
      }),
    );
  });

  it('staat een bewust eigen definitie toe (eigenBetekenis)', () => {
    const eigen = schaduw.replace(
      '    omschrijving: Eigen doelgroep\n',
      '    omschrijving: Eigen doelgroep\n    eigenBetekenis: De verordening noemt in artikel 1 een eigen doelgroep.\n',
    );
    const tekst = vervang(bron, '\nartikelen:\n', `\n${eigen}artikelen:\n`);
    expect(fouten(tekst).fouten).toEqual([]);
  });

  it('past de algemene voorwaarden van een gemeentelijke regeling toe op elke voorziening: geen scholing boven 67', () => {
    const algemeen = [
      'algemeneVoorwaarden:',
      '  - id: onder-pensioenleeftijd',
      '    artikel: "12"',
      '    toets: { feit: leeftijd, minderDan: 67 }',
      '    uitleg:',
      '      ja: U bent {leeftijd} jaar, jonger dan 67.',
      '      nee: U bent {leeftijd} jaar. Re-integratie is voor wie de pensioenleeftijd nog niet heeft bereikt.',
      '',
    ].join('\n');
    const tekst = vervang(bron, '\nartikelen:\n', `\n${algemeen}artikelen:\n`);
    const { wortel } = boomMet(tekst);
    const b = laadBibliotheek(wortel);
    if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
    const r = maakEngine(b.waarde).evalueer({
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: {
        geboortedatum: '1948-01-15',
        uitkering: 'algemene-bijstand',
        oordelen: { scholingAfrondbaar: true, scholingNoodzakelijk: true },
      },
      aanvraag: { voorziening: 'scholing', ingangsdatum: '2016-03-01' },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.fout));
    const u = r.resultaat.voorzieningen[0]!;
    expect(u.uitkomst).toBe('afgewezen');
    expect(u.gronden).toContainEqual(
      expect.objectContaining({
        artikel: '12',
        voldaan: false,
        uitleg: expect.stringContaining('U bent 68 jaar. Re-integratie is voor wie de pensioenleeftijd'),
      }),
    );
  });

  it('weigert grenzen die elkaar uitsluiten en een rij van een tabel die nooit gebruikt wordt', () => {
    const tekst = vervang(
      bron,
      '{ feit: leeftijd, tenMinste: 27 }',
      '{ feit: leeftijd, tenMinste: 27, minderDan: 18 }',
    );
    const { bestand, fouten: f } = fouten(tekst);
    expect(f).toContainEqual(
      expect.objectContaining({
        bestand,
        regel: regelVan(tekst, 'minderDan: 18'),
        bericht:
          "'tenMinste: 27' en 'minderDan: 18' op 'leeftijd' sluiten elkaar uit: deze toets is nooit waar",
      }),
    );
    const tabel = vervang(
      bron,
      'cent: { parameter: premie-participatieplaats }',
      'cent: { tabel: { feit: urenPerWeek, rijen: [{ vanaf: 0, waarde: 10000 }, { vanaf: 20, tot: 30, waarde: 15000 }] } }',
    );
    expect(fouten(tabel).fouten).toContainEqual(
      expect.objectContaining({
        regel: regelVan(tabel, 'cent: { tabel:'),
        pad: 'voorzieningen.participatieplaats.bedragen.premie.cent.tabel.rijen[1]',
        bericht: 'rij 2 wordt nooit gebruikt: een eerdere rij dekt al elke waarde vanaf 20 tot 30',
      }),
    );
  });

  it('weigert een onbekende voorziening en zegt welke er zijn', () => {
    const tekst = vervang(bron, '\n  scholing:\n    artikel: "12"', '\n  schooling:\n    artikel: "12"');
    const { wortel, bestand } = boomMet(tekst);
    const r = laadRegeling(wortel, bestand, tekst);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten).toContainEqual(
      expect.objectContaining({
        regel: regelVan(tekst, '  schooling:'),
        pad: 'voorzieningen.schooling',
        bericht: "onbekende voorziening 'schooling'; bedoelt u 'scholing'?",
      }),
    );
  });
});

describe('elke melding in het Nederlands', () => {
  const ENGELS =
    /Invalid|expected|received|Nested|mapping|Unexpected|must|should|Missing|Unrecognized|string|number|array|object|undefined|key/;

  const kapot: [string, (t: string) => string, RegExp][] = [
    ['ontbrekende titel', (t) => vervang(t, /^titel: .*\n/m, ''), /^ontbreekt: hier hoort tekst$/],
    [
      'lijst wordt tekst',
      (t) => vervang(t, /^artikelen:\n/m, 'artikelen: geen\noudeArtikelen:\n'),
      /^verwacht een lijst, niet de tekst 'geen'$/,
    ],
    [
      'verkeerde enum',
      (t) => vervang(t, /^laag: regio$/m, 'laag: regi'),
      /bedoelt u 'regio'\? \(toegestaan: wet, gemeente, regio\)/,
    ],
    [
      'verkeerd type',
      (t) => vervang(t, /^geldigVanaf: .*$/m, 'geldigVanaf: 20150701'),
      /^verwacht tekst, niet het getal 20150701$/,
    ],
    [
      'lege lijst',
      (t) =>
        vervang(
          t,
          '    voorwaarden:\n      - id: doelgroep\n        artikel: "12"',
          '    voorwaarden: []\n    oudeVoorwaarden:\n      - id: doelgroep\n        artikel: "12"',
        ),
      /^onbekende sleutel 'oudeVoorwaarden'; bedoelt u 'voorwaarden'\?$/,
    ],
    ['geneste map op één regel', (t) => `${t}\nextra: a: b\n`, /^een map in een map op één regel/],
    ['dubbele sleutel', (t) => `${t}\ntitel: nogmaals\n`, /twee keer in dezelfde map/],
    ['tab als inspringing', (t) => `${t}\nextra:\n\t- een\n`, /tab/],
    ['niet gesloten haakje', (t) => `${t}\nextra: [een, twee\n`, /wordt niet gesloten met \] of \}/],
    [
      'onbekende sleutel in een toets',
      (t) => vervang(t, '{ feit: leeftijd, tenMinste: 27 }', '{ feit: leeftijd, tenminste: 27 }'),
      /^onbekende sleutel 'tenminste'; bedoelt u 'tenMinste'\?$/,
    ],
  ];

  it.each(kapot)('%s: een Nederlandse melding met bestand, regel en kolom', (_, maak, verwacht) => {
    // A file on its own: the model, which holds Dinkelland's rules and rests on the law alone.
    const tekst = maak(bronModel);
    const { wortel, bestand } = boomMet(tekst);
    const r = laadRegeling(wortel, bestand, tekst);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(
      r.fouten.map((f) => f.bericht),
      'de melding die bij deze fout hoort',
    ).toContainEqual(expect.stringMatching(verwacht));
    for (const f of r.fouten) {
      expect(f.bestand).toBe(bestand);
      expect(f.regel).toBeGreaterThan(0);
      expect(f.kolom).toBeGreaterThan(0);
      expect(f.bericht).not.toMatch(ENGELS);
    }
  });

  it('noemt bij een onbekende sleutel wat bedoeld is', () => {
    const tekst = vervang(bron, '{ feit: leeftijd, tenMinste: 27 }', '{ feit: leeftijd, tenminste: 27 }');
    const { wortel, bestand } = boomMet(tekst);
    const r = laadRegeling(wortel, bestand, tekst);
    expect(r.ok ? [] : r.fouten.map((f) => f.bericht)).toContain(
      "onbekende sleutel 'tenminste'; bedoelt u 'tenMinste'?",
    );
  });
});

describe('conformiteitsgevallen kunnen meer controleren', () => {
  const engine = maakEngine(
    (() => {
      const b = laadBibliotheek();
      if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
      return b.waarde;
    })(),
  );
  const { voldoendeMeegewerkt: _, ...zonderMeewerken } = participatieplaats.aanvraag;
  const onzeker = { ...participatieplaats, aanvraag: zonderMeewerken };

  it('vergelijkt beëindigingsgronden, bedragen onder voorbehoud en de tekst van een vraag', async () => {
    const { draaiGeval } = await import('../src/testgevallen/index.ts');
    expect(
      draaiGeval(engine, onzeker, {
        beeindigingsgronden: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
        participatieplaats: { uitkomst: 'toegestaan', onderVoorbehoud: ['premie'] },
      }),
    ).toEqual([]);
    expect(
      draaiGeval(engine, onzeker, {
        beeindigingsgronden: ['a', 'b'],
        participatieplaats: { uitkomst: 'toegestaan', onderVoorbehoud: [] },
      }),
    ).toEqual([
      'beëindigingsgronden ["a","b","c","d","e","f","g"], verwacht ["a","b"]',
      'participatieplaats: onder voorbehoud ["premie"], verwacht []',
    ]);
    const open = { ...participatieplaats, feiten: { ...participatieplaats.feiten, oordelen: {} } };
    expect(
      draaiGeval(engine, open, {
        participatieplaats: {
          uitkomst: 'ter-beoordeling',
          vraagBevat: { participatieplaatsPassend: 'loonwaarde', scholingAfrondbaar: 'afronden' },
        },
      }),
    ).toEqual([
      "participatieplaats: vraag participatieplaatsPassend bevat niet 'loonwaarde': Is een participatieplaats passend gezien de afstand van deze persoon tot de arbeidsmarkt?",
      'participatieplaats: vraag scholingAfrondbaar wordt niet gesteld',
    ]);
  });

  it('noemt bij een mislukte artikelcontrole alleen het ontbrekende artikel en de echte redenen', async () => {
    const { draaiGeval } = await import('../src/testgevallen/index.ts');
    const jong = {
      ...participatieplaats,
      feiten: { ...participatieplaats.feiten, geboortedatum: '1991-01-01' },
    };
    const uit = draaiGeval(engine, jong, {
      participatieplaats: { uitkomst: 'afgewezen', artikelen: ['15 lid 1', '4 lid 3'] },
    });
    expect(uit).toHaveLength(1);
    // The reasons are the grounds that fail, nothing that holds (on main every cited ground was listed).
    expect(uit[0]).toBe(
      'participatieplaats: artikel 4 lid 3 is geen reden van afwijzing; redenen: participatiewet 7 lid 8, dinkelland/re-integratieverordening 15 lid 1',
    );
  });
});

describe('constructies uit de tekst', () => {
  const PREMIE_CENT = 'cent: { parameter: premie-participatieplaats }';

  it('een staffel met grenzen als de tekst: meer dan 20, tot en met 32', () => {
    const tekst = vervang(
      bron,
      PREMIE_CENT,
      'cent: { tabel: { feit: urenPerWeek, rijen: [{ meerDan: 20, totEnMet: 32, waarde: 15000 }, { meerDan: 32, waarde: 20000 }] } }',
    );
    const { wortel } = boomMet(tekst.replace(/\n {8}als:\n {10}alle:\n.*\n.*\n/, '\n'));
    const b = laadBibliotheek(wortel);
    if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
    const engine = maakEngine(b.waarde);
    const premie = (uren: number) => {
      const r = engine.evalueer({
        ...participatieplaats,
        aanvraag: { ...participatieplaats.aanvraag, urenPerWeek: uren },
      });
      if (!r.ok) throw new Error(JSON.stringify(r.fout));
      return r.resultaat.voorzieningen[0]?.bedragen.premie?.cent ?? null;
    };
    expect([20, 20.5, 32, 32.5].map(premie)).toEqual([null, 15000, 15000, 20000]);
  });

  it('een waarde die geen rij van de staffel dekt, geeft geen bedrag en geen betaalmomenten', () => {
    const tekst = vervang(
      bron,
      PREMIE_CENT,
      'cent: { tabel: { feit: urenPerWeek, rijen: [{ meerDan: 20, totEnMet: 32, waarde: 15000 }] } }',
    );
    const { wortel } = boomMet(tekst.replace(/\n {8}als:\n {10}alle:\n.*\n.*\n/, '\n'));
    const b = laadBibliotheek(wortel);
    if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
    const r = maakEngine(b.waarde).evalueer({
      ...participatieplaats,
      aanvraag: { ...participatieplaats.aanvraag, urenPerWeek: 20 },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.fout));
    const v = r.resultaat.voorzieningen[0]!;
    // Once the premie was listed without an amount, with payment dates, and its sentence said a premie
    // was granted whose amount "ontbreekt" while nothing was missing.
    expect(v.bedragen.premie).toBeUndefined();
    expect(v.termijnen.betaalmomenten).toEqual([]);
    const zinnen = v.gronden.filter((g) => g.soort === 'bedrag').map((g) => g.uitleg);
    expect(zinnen.some((z) => z.includes('noemt dit artikel geen bedrag'))).toBe(true);
    expect(zinnen.filter((z) => z.includes('nog niet te berekenen'))).toEqual([]);
  });

  it('weigert een staffelrij met twee ondergrenzen', () => {
    const tekst = vervang(
      bron,
      PREMIE_CENT,
      'cent: { tabel: { feit: urenPerWeek, rijen: [{ vanaf: 20, meerDan: 20, waarde: 15000 }] } }',
    );
    expect(fouten(tekst).fouten.map((f) => `${f.regel}: ${f.bericht}`)).toContain(
      `${regelVan(tekst, 'cent: { tabel:')}: geef vanaf (inclusief) of meerDan (exclusief), niet allebei`,
    );
  });

  it('een oordeel in de voorwaarde van een bedrag wordt een vraag met zijn sleutel, zonder "?."', () => {
    const tekst = vervang(
      bron,
      '            - { feit: voldoendeMeegewerkt, is: true }\n',
      '            - { feit: voldoendeMeegewerkt, is: true }\n            - { oordeel: premieGerechtvaardigd, vraag: Is de premie gerechtvaardigd gezien de inzet? }\n',
    );
    const { wortel } = boomMet(tekst);
    const b = laadBibliotheek(wortel);
    if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
    const r = maakEngine(b.waarde).evalueer(participatieplaats);
    if (!r.ok) throw new Error(JSON.stringify(r.fout));
    const u = r.resultaat.voorzieningen[0]!;
    expect(u.vragen).toContainEqual(
      expect.objectContaining({
        feit: 'premieGerechtvaardigd',
        vraag: 'Is de premie gerechtvaardigd gezien de inzet?',
        artikel: '15 lid 5',
      }),
    );
    expect(u.bedragen.premie).toMatchObject({
      cent: 15000,
      voorbehoud: ['Is de premie gerechtvaardigd gezien de inzet?'],
    });
    const zinnen = u.gronden.map((g) => g.uitleg);
    expect(
      zinnen.some((z) =>
        z.includes(
          'het college beantwoordt de vraag ‘Is de premie gerechtvaardigd gezien de inzet?’ met ja.',
        ),
      ),
    ).toBe(true);
    expect(zinnen.filter((z) => z.includes('?.'))).toEqual([]);
  });
});
