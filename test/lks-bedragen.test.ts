import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lksHerberekening } from '../src/administratie/taken.ts';
import { type Engine, maakEngine } from '../src/engine/index.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { laadBibliotheek, STANDAARD_WORTEL } from '../src/regelgeving/index.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const D = '/gemeenten/dinkelland';

/** A figure from a parameter file, as the law's figures are checked by hand: read the file itself. */
function figuur(naam: string, vanaf: string): number {
  const p = parse(readFileSync(join(STANDAARD_WORTEL, 'wet', 'parameters', `${naam}.yaml`), 'utf8')) as {
    waarden: { vanaf: string; waarde?: number | null; bedrag?: number | null }[];
  };
  const w = p.waarden.find((x) => String(x.vanaf) === vanaf);
  // An amount stands in euro (`bedrag: 2339.00`), other figures as they are (`waarde: 8`).
  const v = typeof w?.bedrag === 'number' ? Math.round(w.bedrag * 100) : w?.waarde;
  if (typeof v !== 'number') throw new Error(`${naam} per ${vanaf} staat niet in het bestand`);
  return v;
}

/**
 * Art. 10d lid 4 Pw by hand, in whole numbers: minimum wage per month (cent) × (1 + 8% holiday pay)
 * × 32 of 36 hours × (100% − loonwaarde 55% = 45%, below the 70% cap), rounded half up to the cent.
 * 2025: 219 180 × 1.08 × 32/36 × 0.45 = 94 685.76 → € 946,86. 2026: 229 440 × … = 99 118.08 → € 991,18.
 */
function handmatig(wmlCent: number): number {
  const vakantie = figuur('vakantiebijslag-procent', '2015-01-01');
  const teller = wmlCent * (100 + vakantie) * 32 * (100 - 55);
  const noemer = 100 * 36 * 100;
  return Math.floor((2 * teller + noemer) / (2 * noemer));
}

describe.each(OPSLAGEN)('loonkostensubsidie per periode op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  let beschikkingId = '';
  let later: Engine;
  let map = '';

  beforeAll(async () => {
    opslag = await open(engine);
    api = await startApi(opslag, engine, {
      cm: [
        { gemeente: 'dinkelland', rol: 'casemanager' },
        { gemeente: 'dinkelland', rol: 'auditor' },
      ],
    });
    const inwonerId = await api.inwoner('dinkelland', 'Werknemer 2025');
    for (const [naam, waarde] of [
      ['uitkering', 'algemene-bijstand'],
      ['kanOnderwijsVolgen', false],
      ['doelgroepLoonkostensubsidie', true],
      ['loonwaardePercentage', 55],
    ] as const) {
      const r = await api.verzoek('cm', 'POST', `${D}/inwoners/${inwonerId}/feiten`, {
        naam,
        waarde,
        geldigVanaf: '2025-01-01',
        bron: 'test',
      });
      expect(r.status).toBe(201);
    }
    // 1 March 2025 for 24 months: to 28 February 2027.
    const r = await api.json('cm', 'POST', `${D}/beschikkingen`, {
      inwonerId,
      soort: 'toekenning',
      peildatum: '2025-03-01',
      aanvraag: {
        voorziening: 'loonkostensubsidie',
        ingangsdatum: '2025-03-01',
        duurMaanden: 24,
        urenPerWeek: 32,
        normaleArbeidsduur: 36,
      },
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ soort: 'toekenning', einddatum: '2027-02-28' });
    beschikkingId = r.body.id;

    // The same regulation tree a year later, when the minimum wage per 1 January 2027 is published.
    // € 2.500,00 is a test figure, not the real one.
    map = mkdtempSync(join(tmpdir(), 'regelgeving-'));
    cpSync(STANDAARD_WORTEL, map, { recursive: true });
    appendFileSync(
      join(map, 'wet', 'parameters', 'wml-per-maand.yaml'),
      '  - vanaf: 2027-01-01\n    bedrag: 2500.00\n    bron: Testwaarde voor de herberekening per 1 januari 2027.\n',
    );
    const b = laadBibliotheek(map);
    if (!b.ok) throw new Error(JSON.stringify(b.fouten));
    later = maakEngine(b.waarde);
  }, 120_000);

  afterAll(async () => {
    await opslag?.sluit();
    if (map) rmSync(map, { recursive: true, force: true });
  });

  const perioden = async () =>
    (
      (await api.json('cm', 'GET', `${D}/termijnen?tot=2027-12-31`)).body as {
        id: number;
        beschikkingId: string;
        soort: string;
        datum: string;
        bedragCent: number | null;
        bedragReden: string | null;
      }[]
    )
      .filter((t) => t.beschikkingId === beschikkingId && t.soort.startsWith('lks-'))
      .map(({ soort, datum, bedragCent, bedragReden }) => ({ soort, datum, bedragCent, bedragReden }));

  it('geeft elke periode het bedrag met het minimumloon op haar eerste dag; 2027 nog zonder bedrag', async () => {
    const wml2025 = figuur('wml-per-maand', '2025-01-01');
    const wml2026 = figuur('wml-per-maand', '2026-01-01');
    expect([wml2025, wml2026]).toEqual([219180, 229440]);
    expect([handmatig(wml2025), handmatig(wml2026)]).toEqual([94686, 99118]);
    expect(await perioden()).toEqual([
      { soort: 'lks-periode', datum: '2025-03-01', bedragCent: handmatig(wml2025), bedragReden: null },
      { soort: 'lks-herberekening', datum: '2026-01-01', bedragCent: handmatig(wml2026), bedragReden: null },
      {
        soort: 'lks-herberekening',
        datum: '2027-01-01',
        bedragCent: null,
        bedragReden: 'minimumloon per 1 januari 2027 nog niet bekend',
      },
    ]);
    // The grant's own amount is the first period's: the engine judged it on the same date.
    const b = await api.json('cm', 'GET', `${D}/beschikkingen/${beschikkingId}`);
    expect(b.body.resultaat.voorzieningen[0].bedragen.subsidiePerMaand.cent).toBe(94686);
    // The yearly cost counts the subsidy and the allowance for employer costs (23.5% of 94 685.76).
    expect(b.body.jaarbedragCent).toBe(12 * (94686 + 22251));
  });

  it('laat de jaarlijkse taak niets veranderen zolang het minimumloon niet bekend is', async () => {
    const voor = await perioden();
    for (let keer = 0; keer < 2; keer++) {
      const uit = await lksHerberekening(opslag.db, engine, { jaar: 2027 });
      expect(uit).toMatchObject({ jaar: 2027, bedragen: { vastgesteld: 0, perGemeente: {} } });
    }
    expect(await perioden()).toEqual(voor);
    const h = await api.json('cm', 'GET', `${D}/herberekeningen/2027`);
    expect(h.body).toEqual([
      expect.objectContaining({
        beschikkingId,
        status: 'te-herberekenen',
        maandbedragCent: null,
        bedragReden: 'minimumloon per 1 januari 2027 nog niet bekend',
      }),
    ]);
  });

  it('stelt het bedrag vast zodra het minimumloon geladen is, vastgelegd en geaudit, één keer', async () => {
    const eerste = await lksHerberekening(opslag.db, later, { jaar: 2027 });
    expect(eerste).toMatchObject({
      jaar: 2027,
      nieuw: 0,
      bedragen: { vastgesteld: 1, perGemeente: { dinkelland: 1 } },
    });
    // 250 000 × 1.08 × 32/36 × 0.45 = 108 000 exactly.
    expect(handmatig(250000)).toBe(108000);
    const na1 = await perioden();
    expect(na1[2]).toEqual({
      soort: 'lks-herberekening',
      datum: '2027-01-01',
      bedragCent: 108000,
      bedragReden: null,
    });
    expect(na1.slice(0, 2).map((p) => p.bedragCent)).toEqual([94686, 99118]);
    const tweede = await lksHerberekening(opslag.db, later, { jaar: 2027 });
    expect(tweede).toMatchObject({ nieuw: 0, bedragen: { vastgesteld: 0, perGemeente: {} } });
    expect(await perioden()).toEqual(na1);

    const vastgelegd = await opslag.db.selectFrom('termijnbedrag').selectAll().execute();
    expect(vastgelegd).toHaveLength(1);
    expect(vastgelegd[0]).toMatchObject({
      gemeente: 'dinkelland',
      beschikkingId,
      peildatum: '2027-01-01',
      oudCent: null,
      oudeReden: 'minimumloon per 1 januari 2027 nog niet bekend',
      door: null,
    });
    expect(Number(vastgelegd[0]!.nieuwCent)).toBe(108000);
    expect(vastgelegd[0]!.regelingen.map((r) => `${r.id}@${r.geldigVanaf}`)).toEqual([
      'dinkelland/re-integratieverordening@2015-07-01',
      // the law of the first day for the conditions, and of 1 January 2027 for the amount (art. 10d lid 7)
      'participatiewet@2024-01-01',
      'participatiewet@2026-01-01',
    ]);
    const audit = (await api.json('cm', 'GET', `${D}/audit?limiet=1000`)).body as {
      actie: string;
      objectId: string;
      doel: string;
    }[];
    expect(audit.filter((a) => a.actie === 'termijnbedrag-vastgesteld')).toEqual([
      expect.objectContaining({ objectId: String(vastgelegd[0]!.termijnId), doel: 'systeem' }),
    ]);
    const h = await api.json('cm', 'GET', `${D}/herberekeningen/2027`);
    expect(h.body).toEqual([
      expect.objectContaining({
        beschikkingId,
        status: 'berekend',
        maandbedragCent: 108000,
        bedragReden: null,
      }),
    ]);
  });
});
