import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opslag } from '../src/opslag/database.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const D = '/gemeenten/dinkelland';

describe.each(OPSLAGEN)('budget komt vrij bij een voortijdige beëindiging op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;

  beforeAll(async () => {
    opslag = await open(engine);
    api = await startApi(opslag, engine, {
      cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
      beleid: [{ gemeente: 'dinkelland', rol: 'beleidsmedewerker' }],
    });
    for (const [jaar, voorziening, plafondCent, deelnemersplafond] of [
      [2025, 'loonkostensubsidie', 5_000_000, null],
      [2016, 'participatieplaats', 1_000_000, 10],
      [2016, 'jobcoaching', 1_000_000, null],
    ] as const) {
      const r = await api.verzoek('beleid', 'PUT', `${D}/budgetten/${jaar}/${voorziening}`, {
        plafondCent,
        deelnemersplafond,
        artikel: '3 lid 1',
        besluit: `Collegebesluit budget ${jaar}`,
      });
      expect(r.status).toBe(200);
    }
  }, 60_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  async function inwoner(feiten: Record<string, unknown>, vanaf: string) {
    const id = await api.inwoner('dinkelland', `Deelnemer ${Math.random()}`);
    for (const [naam, waarde] of Object.entries(feiten)) {
      const r = await api.verzoek('cm', 'POST', `${D}/inwoners/${id}/feiten`, {
        naam,
        waarde,
        geldigVanaf: vanaf,
        bron: 'test',
      });
      expect(r.status).toBe(201);
    }
    return id;
  }

  const budget = async (jaar: number, voorziening: string) =>
    ((await api.json('beleid', 'GET', `${D}/budgetten/${jaar}`)).body as { voorziening: string }[]).find(
      (b) => b.voorziening === voorziening,
    ) as unknown as { besteedCent: number; deelnemers: number };
  const mutaties = (beschikkingId: string) =>
    opslag.db
      .selectFrom('budgetmutatie')
      .select(['soort', 'jaar', 'voorziening', 'bedragCent', 'geboekt'])
      .where('beschikkingId', '=', beschikkingId)
      .execute()
      .then((rijen) => rijen.map((m) => ({ ...m, bedragCent: Number(m.bedragCent) })));
  const beeindig = (id: string, datum: string) =>
    api.json('cm', 'POST', `${D}/beschikkingen/${id}/beeindiging`, {
      datum,
      grond: 'e',
      motivering: 'De voorziening past niet meer bij de persoon.',
    });

  const lks = async () => {
    const id = await inwoner(
      {
        uitkering: 'algemene-bijstand',
        kanOnderwijsVolgen: false,
        doelgroepLoonkostensubsidie: true,
        loonwaardePercentage: 55,
      },
      '2025-01-01',
    );
    const r = await api.json('cm', 'POST', `${D}/beschikkingen`, {
      inwonerId: id,
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
    expect(r.body.soort).toBe('toekenning');
    return r.body as { id: string; jaarbedragCent: number };
  };

  it('geeft bij loonkostensubsidie de hele maanden na de maand van beëindiging terug', async () => {
    const g = await lks();
    // € 946,86 a month (see lks-bedragen.test.ts) plus € 222,51 for employer costs (23.5%), booked as a
    // year: 12 × 116 937 = 1 403 244.
    expect(g.jaarbedragCent).toBe(1_403_244);
    expect(await budget(2025, 'loonkostensubsidie')).toMatchObject({ besteedCent: 1_403_244 });
    // Ends 15 June 2025: March, April, May and June are used (the month it ends counts), the other
    // 8 months of the booked year from 1 March 2025 are released: 8 × 116 937 = 935 496.
    const e = await beeindig(g.id, '2025-06-15');
    expect(e.status).toBe(201);
    expect(e.body.motivering.vrijval).toMatchObject({
      jaar: 2025,
      geboektCent: 1_403_244,
      cent: 935_496,
      maanden: 8,
      premies: 0,
    });
    expect(e.body.motivering.vrijval.uitleg).toContain('8 × € 946,86 per maand + 8 × € 222,51 per maand');
    expect(await budget(2025, 'loonkostensubsidie')).toMatchObject({ besteedCent: 467_748 });
    expect(await mutaties(e.body.id)).toEqual([
      {
        soort: 'vrijval',
        jaar: 2025,
        voorziening: 'loonkostensubsidie',
        bedragCent: -935_496,
        geboekt: true,
      },
    ]);
    expect(await mutaties(g.id)).toEqual([
      expect.objectContaining({ soort: 'toekenning', bedragCent: 1_403_244, geboekt: true }),
    ]);
  });

  it('geeft bij een participatieplaats de premies terug waarvan de periode niet is volgemaakt', async () => {
    const id = await inwoner({ uitkering: 'algemene-bijstand' }, '2016-01-01');
    const g = await api.json('cm', 'POST', `${D}/beschikkingen`, {
      inwonerId: id,
      soort: 'toekenning',
      peildatum: '2016-03-01',
      aanvraag: {
        voorziening: 'participatieplaats',
        ingangsdatum: '2016-03-01',
        duurMaanden: 12,
        urenPerWeek: 24,
        voldoendeMeegewerkt: true,
      },
      oordelen: {
        participatieplaatsPassend: { antwoord: true, motivering: 'Past bij de afstand tot de arbeidsmarkt.' },
      },
    });
    expect(g.status).toBe(201);
    // Two premies of € 150 booked, due 1 September 2016 and 1 March 2017.
    expect(g.body.jaarbedragCent).toBe(30_000);
    expect(await budget(2016, 'participatieplaats')).toMatchObject({ besteedCent: 30_000, deelnemers: 1 });
    // Ends on 31 August 2016, the last day of the first six months: that premie is earned and stays
    // due; the second is released.
    const e = await beeindig(g.body.id, '2016-08-31');
    expect(e.status).toBe(201);
    expect(e.body.motivering.vrijval).toMatchObject({ cent: 15_000, premies: 1, maanden: 6 });
    expect(await budget(2016, 'participatieplaats')).toMatchObject({ besteedCent: 15_000, deelnemers: 0 });
    expect(await mutaties(e.body.id)).toEqual([
      expect.objectContaining({ soort: 'vrijval', bedragCent: -15_000, geboekt: true }),
    ]);
    const termijnen = await opslag.db
      .selectFrom('termijn')
      .select(['soort', 'datum', 'status'])
      .where('beschikkingId', '=', g.body.id)
      .where('soort', '=', 'premie')
      .orderBy('datum')
      .execute();
    expect(termijnen).toEqual([
      { soort: 'premie', datum: '2016-09-01', status: 'open' },
      { soort: 'premie', datum: '2017-03-01', status: 'vervallen' },
    ]);
  });

  it('geeft jaarlijkse kosten naar rato van de hele maanden terug, naar beneden afgerond', async () => {
    const id = await inwoner({ uitkering: 'algemene-bijstand', kanOnderwijsVolgen: false }, '2016-01-01');
    const g = await api.json('cm', 'POST', `${D}/beschikkingen`, {
      inwonerId: id,
      soort: 'toekenning',
      peildatum: '2016-03-01',
      aanvraag: { voorziening: 'jobcoaching', ingangsdatum: '2016-03-01', duurMaanden: 12 },
      oordelen: {
        zonderOndersteuningNietInStaat: { antwoord: true, motivering: 'Zonder coach lukt het werk niet.' },
      },
      kostenPerJaarCent: 100_000,
    });
    expect(g.status).toBe(201);
    expect(g.body.jaarbedragCent).toBe(100_000);
    // Ends 20 July 2016: March to July used (5), 7 months released: 100 000 × 7 / 12 = 58 333.33 → 58 333.
    const e = await beeindig(g.body.id, '2016-07-20');
    expect(e.body.motivering.vrijval).toMatchObject({ cent: 58_333, maanden: 7 });
    expect(await budget(2016, 'jobcoaching')).toMatchObject({ besteedCent: 41_667 });
  });

  it('geeft niets terug bij een beëindiging op of na de geplande einddatum', async () => {
    const id = await inwoner({ uitkering: 'algemene-bijstand', kanOnderwijsVolgen: false }, '2016-01-01');
    const g = await api.json('cm', 'POST', `${D}/beschikkingen`, {
      inwonerId: id,
      soort: 'toekenning',
      peildatum: '2016-03-01',
      aanvraag: { voorziening: 'jobcoaching', ingangsdatum: '2016-03-01', duurMaanden: 6 },
      oordelen: {
        zonderOndersteuningNietInStaat: { antwoord: true, motivering: 'Zonder coach lukt het werk niet.' },
      },
      kostenPerJaarCent: 60_000,
    });
    expect(g.body.einddatum).toBe('2016-08-31');
    const voor = await budget(2016, 'jobcoaching');
    const e = await beeindig(g.body.id, '2016-08-31');
    expect(e.status).toBe(201);
    expect(e.body.motivering.vrijval).toMatchObject({ cent: 0, maanden: 0 });
    // The place is freed, the money stays: the booked half year was used.
    expect(await budget(2016, 'jobcoaching')).toMatchObject({
      besteedCent: voor.besteedCent,
      deelnemers: voor.deelnemers - 1,
    });
    expect(await mutaties(e.body.id)).toEqual([]);
  });

  it('laat een budget ongemoeid dat de toekenning nooit heeft geteld', async () => {
    // Granted before the college set a budget for 2026: recorded, but counted against nothing.
    const g = await (async () => {
      const id = await inwoner(
        {
          uitkering: 'algemene-bijstand',
          kanOnderwijsVolgen: false,
          doelgroepLoonkostensubsidie: true,
          loonwaardePercentage: 55,
        },
        '2026-01-01',
      );
      const r = await api.json('cm', 'POST', `${D}/beschikkingen`, {
        inwonerId: id,
        soort: 'toekenning',
        peildatum: '2026-02-01',
        aanvraag: {
          voorziening: 'loonkostensubsidie',
          ingangsdatum: '2026-02-01',
          urenPerWeek: 32,
          normaleArbeidsduur: 36,
        },
      });
      expect(r.status).toBe(201);
      return r.body as { id: string; jaarbedragCent: number };
    })();
    expect(await mutaties(g.id)).toEqual([expect.objectContaining({ soort: 'toekenning', geboekt: false })]);
    const r = await api.verzoek('beleid', 'PUT', `${D}/budgetten/2026/loonkostensubsidie`, {
      plafondCent: 5_000_000,
      artikel: '3 lid 1',
      besluit: 'Collegebesluit budget 2026',
    });
    expect(r.status).toBe(200);
    const e = await beeindig(g.id, '2026-04-30');
    // 2026: € 991,18 plus € 232,93 for employer costs a month.
    expect(e.body.motivering.vrijval.cent).toBe(9 * 122_411);
    expect(await budget(2026, 'loonkostensubsidie')).toMatchObject({ besteedCent: 0, deelnemers: 0 });
    expect(await mutaties(e.body.id)).toEqual([
      expect.objectContaining({ soort: 'vrijval', bedragCent: -9 * 122_411, geboekt: false }),
    ]);
  });

  it('beëindigt en geeft vrij precies één keer bij gelijktijdige verzoeken', async () => {
    const g = await lks();
    const voor = await budget(2025, 'loonkostensubsidie');
    const uit = await Promise.all(Array.from({ length: 5 }, () => beeindig(g.id, '2025-06-15')));
    expect(uit.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await budget(2025, 'loonkostensubsidie')).toMatchObject({
      besteedCent: voor.besteedCent - 935_496,
    });
    const einden = await opslag.db
      .selectFrom('beschikking')
      .select('id')
      .where('vorigeId', '=', g.id)
      .execute();
    expect(einden).toHaveLength(1);
    expect(await mutaties(einden[0]!.id)).toHaveLength(1);
  });

  it('houdt per budget de geteld mutaties van toekenningen en vrijval gelijk aan wat besteed is', async () => {
    const rijen = await opslag.db
      .selectFrom('budgetmutatie')
      .select(['jaar', 'voorziening', 'bedragCent'])
      .where('gemeente', '=', 'dinkelland')
      .where('soort', 'in', ['toekenning', 'vrijval'])
      .where('geboekt', '=', true)
      .execute();
    const som = new Map<string, number>();
    for (const m of rijen)
      som.set(
        `${m.jaar} ${m.voorziening}`,
        (som.get(`${m.jaar} ${m.voorziening}`) ?? 0) + Number(m.bedragCent),
      );
    const budgetten = await opslag.db
      .selectFrom('budget')
      .select(['jaar', 'voorziening', 'besteedCent'])
      .where('gemeente', '=', 'dinkelland')
      .execute();
    expect(budgetten).toHaveLength(4);
    for (const b of budgetten)
      expect(Number(b.besteedCent), `${b.jaar} ${b.voorziening}`).toBe(
        som.get(`${b.jaar} ${b.voorziening}`) ?? 0,
      );
  });
});
