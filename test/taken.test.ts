import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planTaken, TAKEN, vandaagInNederland } from '../src/administratie/taken.ts';
import { plusDagen } from '../src/kalender/index.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { openWachtrij, type Wachtrij, wachtrijSchema } from '../src/opslag/wachtrij.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();

describe.each(OPSLAGEN)('geplande taken op pg-boss op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  let wachtrij: Wachtrij;
  const b: Record<string, string> = {};

  /** Sends a job through the queue and waits (bounded) until a worker has finished it. */
  async function voerUit(naam: string, data: object) {
    const id = await wachtrij.stuur(naam, data);
    return wachtOp(naam, id);
  }
  async function wachtOp(naam: string, id: string) {
    for (let i = 0; i < 400; i++) {
      const t = await wachtrij.taak(naam, id);
      if (t && ['completed', 'failed', 'cancelled'].includes(t.status)) return t;
      await new Promise((klaar) => setTimeout(klaar, 50));
    }
    throw new Error(`taak ${naam} ${id} niet afgerond`);
  }

  async function lks(gemeente: string, wie: string, ingangsdatum: string) {
    const inwonerId = await api.inwoner(gemeente, `Werknemer ${ingangsdatum}`);
    for (const [naam, waarde] of [
      ['uitkering', 'algemene-bijstand'],
      ['kanOnderwijsVolgen', false],
      ['doelgroepLoonkostensubsidie', true],
      ['loonwaardePercentage', 55],
    ] as const) {
      const r = await api.verzoek(wie, 'POST', `/gemeenten/${gemeente}/inwoners/${inwonerId}/feiten`, {
        naam,
        waarde,
        geldigVanaf: '2015-01-01',
        bron: 'test',
      });
      expect(r.status).toBe(201);
    }
    const r = await api.json(wie, 'POST', `/gemeenten/${gemeente}/beschikkingen`, {
      inwonerId,
      soort: 'toekenning',
      peildatum: ingangsdatum,
      aanvraag: { voorziening: 'loonkostensubsidie', ingangsdatum, urenPerWeek: 32 },
      oordelen: { garantiebaan: { antwoord: true, motivering: 'De werkgever biedt een garantiebaan.' } },
    });
    expect(r.status).toBe(201);
    expect(r.body.soort).toBe('toekenning');
    return r.body.id as string;
  }

  beforeAll(async () => {
    opslag = await open(engine);
    wachtrij = await openWachtrij(opslag, {
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
      pollSeconden: 0.5,
    });
    await planTaken(wachtrij, opslag.db, { inhalen: false });
    api = await startApi(opslag, engine, {
      cm: [
        { gemeente: 'dinkelland', rol: 'casemanager' },
        { gemeente: 'dinkelland', rol: 'auditor' },
      ],
      assen: [{ gemeente: 'assen', rol: 'casemanager' }],
      zevenaar: [{ gemeente: 'zevenaar', rol: 'casemanager' }],
    });
    // A participatieplaats sent on 4 March 2016: its bezwaar term ends on 15 April 2016.
    const inwonerId = await api.inwoner('dinkelland', 'Deelnemer');
    await api.verzoek('cm', 'POST', `/gemeenten/dinkelland/inwoners/${inwonerId}/feiten`, {
      naam: 'uitkering',
      waarde: 'algemene-bijstand',
      geldigVanaf: '2016-01-01',
      bron: 'test',
    });
    const p = await api.json('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', {
      inwonerId,
      soort: 'toekenning',
      peildatum: '2016-03-01',
      verzondenOp: '2016-03-04',
      aanvraag: {
        voorziening: 'participatieplaats',
        ingangsdatum: '2016-03-01',
        duurMaanden: 12,
        urenPerWeek: 24,
        voldoendeMeegewerkt: true,
      },
      oordelen: {
        participatieplaatsPassend: { antwoord: true, motivering: 'Past bij de afstand tot werk.' },
      },
    });
    expect(p.status).toBe(201);
    b.participatieplaats = p.body.id;
    b.lopend = await lks('dinkelland', 'cm', '2016-02-01');
    b.beeindigd = await lks('dinkelland', 'cm', '2016-02-01');
    const einde = await api.verzoek(
      'cm',
      'POST',
      `/gemeenten/dinkelland/beschikkingen/${b.beeindigd}/beeindiging`,
      {
        datum: '2016-10-01',
        grond: 'e',
        motivering: 'De voorziening past niet meer bij de persoon.',
      },
    );
    expect(einde.status).toBe(201);
    b.nieuwjaar = await lks('dinkelland', 'cm', '2017-01-01');
    b.assen = await lks('assen', 'assen', '2016-02-01');
  }, 120_000);

  afterAll(async () => {
    await wachtrij?.stop();
    if (opslag?.soort === 'postgres')
      await sql`drop schema ${sql.id(wachtrijSchema(opslag))} cascade`.execute(opslag.db);
    await opslag?.sluit();
  });

  it('plant beide taken op een rooster in Nederlandse tijd', async () => {
    const roosters = await wachtrij.roosters();
    expect(roosters).toEqual(
      expect.arrayContaining([
        { naam: TAKEN.termijnenSignaleren.naam, cron: '5 0 * * *', tijdzone: 'Europe/Amsterdam' },
        { naam: TAKEN.lksHerberekening.naam, cron: '15 0 1 1 *', tijdzone: 'Europe/Amsterdam' },
      ]),
    );
    // 23:30 UTC on 31 December is already New Year's Day in the Netherlands.
    expect(vandaagInNederland(new Date('2016-12-31T23:30:00Z'))).toBe('2017-01-01');
  });

  const termijnen = async () =>
    (await api.json('cm', 'GET', '/gemeenten/dinkelland/termijnen?tot=2019-12-31')).body as {
      id: number;
      soort: string;
      datum: string;
      teLaatSinds: string | null;
    }[];

  it('signaleert open termijnen over hun datum als te laat, en een tweede run verandert niets', async () => {
    const eerste = await voerUit(TAKEN.termijnenSignaleren.naam, { datum: '2016-06-01' });
    expect(eerste.status).toBe('completed');
    // The bezwaar term, and the first period of each loonkostensubsidie (two here, one in Assen).
    expect(eerste.uitvoer).toEqual({
      datum: '2016-06-01',
      gesignaleerd: 4,
      perGemeente: { assen: 1, dinkelland: 3 },
    });
    const na1 = await termijnen();
    expect(na1.filter((t) => t.teLaatSinds !== null).map((t) => [t.soort, t.datum, t.teLaatSinds])).toEqual([
      ['lks-periode', '2016-02-01', '2016-02-02'],
      ['lks-periode', '2016-02-01', '2016-02-02'],
      ['bezwaartermijn', '2016-04-15', '2016-04-16'],
    ]);
    const tweede = await voerUit(TAKEN.termijnenSignaleren.naam, { datum: '2016-06-01' });
    expect(tweede.uitvoer).toMatchObject({ gesignaleerd: 0, perGemeente: {} });
    expect(await termijnen()).toEqual(na1);

    const later = await voerUit(TAKEN.termijnenSignaleren.naam, { datum: '2017-01-05' });
    // The two evaluations and the premie of the participatieplaats; the 1 January 2017 re-set of the
    // running loonkostensubsidie (not of the ended one: its term lapsed) and the first period of the
    // one starting that day; in Assen its re-set.
    expect(later.uitvoer).toEqual({
      datum: '2017-01-05',
      gesignaleerd: 6,
      perGemeente: { assen: 1, dinkelland: 5 },
    });
    const na3 = await termijnen();
    for (const t of na3)
      expect(t.teLaatSinds, `${t.soort} ${t.datum}`).toBe(
        t.datum < '2017-01-05' ? plusDagen(t.datum, 1) : null,
      );
    expect(na3.filter((t) => t.teLaatSinds === null).map((t) => [t.soort, t.datum])).toEqual([
      ['einde', '2017-02-28'],
      ['premie', '2017-03-01'],
      ['lks-herberekening', '2018-01-01'],
      ['lks-herberekening', '2018-01-01'],
      ['lks-herberekening', '2019-01-01'],
      ['lks-herberekening', '2019-01-01'],
    ]);
    expect((await voerUit(TAKEN.termijnenSignaleren.naam, { datum: '2017-01-05' })).uitvoer).toMatchObject({
      gesignaleerd: 0,
    });
    expect(await termijnen()).toEqual(na3);
    const audit = (await api.json('cm', 'GET', '/gemeenten/dinkelland/audit?limiet=1000')).body as {
      actie: string;
      objectId: string;
      gebruikerId: string | null;
      doel: string;
    }[];
    expect(audit.filter((a) => a.actie === 'termijnen-te-laat-gesignaleerd')).toEqual([
      expect.objectContaining({ objectId: '2017-01-05', gebruikerId: null, doel: 'systeem' }),
      expect.objectContaining({ objectId: '2016-06-01', gebruikerId: null, doel: 'systeem' }),
    ]);
  });

  const teHerberekenen = async (gemeente: string, wie: string, jaar: number) =>
    (
      (await api.json(wie, 'GET', `/gemeenten/${gemeente}/herberekeningen/${jaar}`)).body as {
        beschikkingId: string;
      }[]
    ).map((h) => h.beschikkingId);

  it('legt per 1 januari vast welke loonkostensubsidies opnieuw moeten, één keer', async () => {
    const eerste = await voerUit(TAKEN.lksHerberekening.naam, { jaar: 2017 });
    expect(eerste.status).toBe('completed');
    expect(eerste.uitvoer).toEqual({
      jaar: 2017,
      nieuw: 2,
      perGemeente: { assen: 1, dinkelland: 1 },
      bedragen: { vastgesteld: 0, perGemeente: {} },
    });
    // Not the ended grant, not the one starting on 1 January itself, not the participatieplaats.
    expect(await teHerberekenen('dinkelland', 'cm', 2017)).toEqual([b.lopend]);
    expect(await teHerberekenen('assen', 'assen', 2017)).toEqual([b.assen]);
    // Without the hours of a full working week in the job (art. 10d lid 4 Pw) the amount of 1 January
    // 2017 stays open, and says why; the rules of that day (loonwaarde as a share of the minimum wage)
    // no longer ask for the job's own wage.
    const lijst = (await api.json('cm', 'GET', '/gemeenten/dinkelland/herberekeningen/2017')).body;
    expect(lijst).toEqual([
      expect.objectContaining({
        status: 'te-herberekenen',
        maandbedragCent: null,
        bedragReden:
          'bedrag niet te berekenen: de arbeidsduur van een volledige werkweek in deze functie ontbreekt',
      }),
    ]);
    const tweede = await voerUit(TAKEN.lksHerberekening.naam, { jaar: 2017 });
    expect(tweede.uitvoer).toEqual({
      jaar: 2017,
      nieuw: 0,
      perGemeente: {},
      bedragen: { vastgesteld: 0, perGemeente: {} },
    });
    expect(await teHerberekenen('dinkelland', 'cm', 2017)).toEqual([b.lopend]);
    const volgend = await voerUit(TAKEN.lksHerberekening.naam, { jaar: 2018, gemeente: 'dinkelland' });
    expect(volgend.uitvoer).toMatchObject({ nieuw: 2, perGemeente: { dinkelland: 2 } });
    expect((await teHerberekenen('dinkelland', 'cm', 2018)).sort()).toEqual([b.lopend, b.nieuwjaar].sort());
    expect(await teHerberekenen('assen', 'assen', 2018)).toEqual([]);
    const audit = (await api.json('cm', 'GET', '/gemeenten/dinkelland/audit?limiet=1000')).body as {
      actie: string;
    }[];
    expect(audit.filter((a) => a.actie === 'lks-herberekening-gemarkeerd')).toHaveLength(2);
  });

  it('haalt bij de start beide taken in voor vandaag; herhaald inhalen is onschadelijk', async () => {
    for (let keer = 0; keer < 2; keer++) {
      const { ingehaald } = await planTaken(wachtrij, opslag.db, {
        inhalen: true,
        vandaag: () => '2019-01-02',
      });
      expect(ingehaald.map((t) => t.naam).sort()).toEqual([
        TAKEN.lksHerberekening.naam,
        TAKEN.termijnenSignaleren.naam,
      ]);
      for (const t of ingehaald) expect((await wachtOp(t.naam, t.id)).status).toBe('completed');
    }
    expect((await teHerberekenen('dinkelland', 'cm', 2019)).sort()).toEqual([b.lopend, b.nieuwjaar].sort());
    for (const t of await termijnen())
      expect(t.teLaatSinds, `${t.soort} ${t.datum}`).toBe(
        t.datum < '2019-01-02' ? plusDagen(t.datum, 1) : null,
      );
  });

  it('toont herberekeningen alleen binnen de eigen gemeente', async () => {
    expect((await api.verzoek('zevenaar', 'GET', '/gemeenten/dinkelland/herberekeningen/2017')).status).toBe(
      404,
    );
    expect(await teHerberekenen('zevenaar', 'zevenaar', 2017)).toEqual([]);
  });
});
