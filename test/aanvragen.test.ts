import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opslag } from '../src/opslag/database.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const D = '/gemeenten/dinkelland';
const GEGEVENS = {
  voorziening: 'participatieplaats',
  ingangsdatum: '2016-03-01',
  duurMaanden: 24,
  urenPerWeek: 24,
  voldoendeMeegewerkt: true,
};

describe.each(OPSLAGEN)('aanvragen op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  let inwonerId = '';
  let aanvraagId = '';

  beforeAll(async () => {
    opslag = await open(engine);
    api = await startApi(opslag, engine, {
      cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
      auditor: [{ gemeente: 'dinkelland', rol: 'auditor' }],
      zevenaar: [{ gemeente: 'zevenaar', rol: 'casemanager' }],
    });
    inwonerId = await api.inwoner('dinkelland', 'Aanvrager');
    await api.verzoek('cm', 'POST', `${D}/inwoners/${inwonerId}/feiten`, {
      naam: 'uitkering',
      waarde: 'algemene-bijstand',
      geldigVanaf: '2016-01-01',
      bron: 'gesprek',
    });
  }, 60_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  it('registreert een aanvraag met het aanvraagdeel van het casuscontract en de beslistermijn', async () => {
    const r = await api.json('cm', 'POST', `${D}/aanvragen`, {
      inwonerId,
      soort: 'aanvraag',
      voorziening: 'participatieplaats',
      ontvangenOp: '2016-02-01',
      gegevens: GEGEVENS,
    });
    expect(r.status).toBe(201);
    expect(r.koppen.get('etag')).toBe('W/"1"');
    // Eight weeks after Monday 1 February 2016 is Easter Monday 28 March: the term runs to Tuesday.
    expect(r.body).toMatchObject({
      inwonerId,
      soort: 'aanvraag',
      status: 'open',
      gegevens: GEGEVENS,
      beslistermijnEinde: '2016-03-29',
    });
    aanvraagId = r.body.id;
    const ambtshalve = await api.json('cm', 'POST', `${D}/aanvragen`, {
      inwonerId,
      soort: 'ambtshalve',
      voorziening: 'scholing',
      ontvangenOp: '2016-02-10',
      gegevens: { voorziening: 'scholing' },
    });
    expect(ambtshalve.status).toBe(201);
    expect(ambtshalve.body.beslistermijnEinde).toBeNull();
  });

  it('weigert ongeldige gegevens met het veldpad', async () => {
    const basis = {
      inwonerId,
      soort: 'aanvraag',
      voorziening: 'participatieplaats',
      ontvangenOp: '2016-02-01',
    };
    for (const [gegevens, pad] of [
      [{ ...GEGEVENS, voorziening: 'scholing' }, 'gegevens.voorziening'],
      [{ ...GEGEVENS, urenPerWeek: 'veel' }, 'gegevens.urenPerWeek'],
      [{ ...GEGEVENS, onbekend: 1 }, 'gegevens.onbekend'],
    ] as const) {
      const r = await api.json('cm', 'POST', `${D}/aanvragen`, { ...basis, gegevens });
      expect(r.status).toBe(400);
      expect(r.body.velden.map((v: { pad: string }) => v.pad)).toContain(pad);
    }
    const soort = await api.json('cm', 'POST', `${D}/aanvragen`, {
      ...basis,
      soort: 'telefonisch',
      gegevens: GEGEVENS,
    });
    expect(soort.body.velden.map((v: { pad: string }) => v.pad)).toEqual(['soort']);
  });

  it('markeert de aanvraag als beslist wanneer een beschikking haar noemt', async () => {
    const b = await api.json('cm', 'POST', `${D}/beschikkingen`, {
      inwonerId,
      aanvraagId,
      soort: 'toekenning',
      peildatum: '2016-03-01',
      aanvraag: GEGEVENS,
      oordelen: {
        participatieplaatsPassend: { antwoord: true, motivering: 'Past bij de afstand tot de arbeidsmarkt.' },
      },
    });
    expect(b.status).toBe(201);
    const r = await api.json('cm', 'GET', `${D}/aanvragen/${aanvraagId}`);
    expect(r.status).toBe(200);
    expect(r.koppen.get('etag')).toBe('W/"2"');
    expect(r.body).toMatchObject({ status: 'beslist', versie: 2 });
    expect(r.body.beschikkingen).toEqual([
      { id: b.body.id, soort: 'toekenning', besluitdatum: '2016-03-01' },
    ]);
  });

  it('zoekt aanvragen per inwoner en status, nieuwste eerst', async () => {
    const alle = await api.json('cm', 'GET', `${D}/aanvragen?inwonerId=${inwonerId}`);
    expect(alle.body.totaal).toBe(2);
    expect(alle.body.items.map((a: { voorziening: string }) => a.voorziening)).toEqual([
      'scholing',
      'participatieplaats',
    ]);
    const open = await api.json('cm', 'GET', `${D}/aanvragen?status=open`);
    expect(open.body.items.map((a: { voorziening: string }) => a.voorziening)).toEqual(['scholing']);
    expect((await api.verzoek('cm', 'GET', `${D}/aanvragen?inwonerId=niet-een-uuid`)).status).toBe(400);
  });

  it('houdt gemeenten gescheiden en logt registratie en raadpleging', async () => {
    for (const [m, pad, body] of [
      ['GET', `${D}/aanvragen`, undefined],
      ['GET', `${D}/aanvragen/${aanvraagId}`, undefined],
      [
        'POST',
        `${D}/aanvragen`,
        {
          inwonerId,
          soort: 'aanvraag',
          voorziening: 'scholing',
          ontvangenOp: '2016-02-01',
          gegevens: { voorziening: 'scholing' },
        },
      ],
    ] as const) {
      const r = await api.verzoek('zevenaar', m, pad, body);
      expect(r.status, `${m} ${pad}`).toBe(404);
      expect(await r.text()).not.toContain(inwonerId);
    }
    // A client of Dinkelland cannot get an aanvraag in Zevenaar either.
    const elders = await api.verzoek('zevenaar', 'POST', '/gemeenten/zevenaar/aanvragen', {
      inwonerId,
      soort: 'aanvraag',
      voorziening: 'scholing',
      ontvangenOp: '2016-02-01',
      gegevens: { voorziening: 'scholing' },
    });
    expect(elders.status).toBe(404);
    expect((await api.json('zevenaar', 'GET', '/gemeenten/zevenaar/aanvragen')).body.totaal).toBe(0);
    const audit = (await api.json('auditor', 'GET', `${D}/audit`)).body as {
      actie: string;
      object: string;
    }[];
    const aanvraagActies = audit.filter((a) => a.object === 'aanvraag').map((a) => a.actie);
    expect(aanvraagActies.filter((a) => a === 'aanvraag-registreren')).toHaveLength(2);
    expect(aanvraagActies).toEqual(expect.arrayContaining(['lezen', 'lijst-lezen']));
  });

  describe('een beschikking op een aanvraag', () => {
    const OORDELEN = {
      participatieplaatsPassend: { antwoord: true, motivering: 'Past bij de afstand tot de arbeidsmarkt.' },
    };
    const registreer = async (wie: string, gemeente: string, inwoner: string, voorziening: string) => {
      const r = await api.json(wie, 'POST', `/gemeenten/${gemeente}/aanvragen`, {
        inwonerId: inwoner,
        soort: 'aanvraag',
        voorziening,
        ontvangenOp: '2016-02-01',
        gegevens: voorziening === 'participatieplaats' ? GEGEVENS : { voorziening },
      });
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    const beslis = (aanvraag: string, inwoner = inwonerId, soort = 'toekenning') =>
      api.json('cm', 'POST', `${D}/beschikkingen`, {
        inwonerId: inwoner,
        aanvraagId: aanvraag,
        soort,
        peildatum: '2016-03-01',
        aanvraag: GEGEVENS,
        oordelen: OORDELEN,
      });
    const lees = async (id: string) => (await api.json('cm', 'GET', `${D}/aanvragen/${id}`)).body;
    const weigert = async (aanvraag: string, pad: string, bericht: string, inwoner = inwonerId) => {
      const r = await beslis(aanvraag, inwoner);
      expect(r.status, bericht).toBe(400);
      expect(r.koppen.get('content-type')).toContain('application/problem+json');
      expect(r.body).toMatchObject({ title: bericht, velden: [{ pad, bericht }] });
    };

    it('weigert een aanvraag die niet bestaat of van een andere gemeente is, met het veldpad', async () => {
      await weigert(
        '00000000-0000-4000-8000-000000000000',
        'aanvraagId',
        'deze aanvraag bestaat niet in deze gemeente',
      );
      const elders = await registreer(
        'zevenaar',
        'zevenaar',
        await api.inwoner('zevenaar', 'Elders'),
        'scholing',
      );
      await weigert(elders, 'aanvraagId', 'deze aanvraag bestaat niet in deze gemeente');
      expect(
        (await api.json('zevenaar', 'GET', `/gemeenten/zevenaar/aanvragen/${elders}`)).body,
      ).toMatchObject({ status: 'open', versie: 1, beschikkingen: [] });
    });

    it('weigert de aanvraag van een andere inwoner en een aanvraag voor een andere voorziening', async () => {
      const ander = await api.inwoner('dinkelland', 'Ander');
      const vanAnder = await registreer('cm', 'dinkelland', ander, 'participatieplaats');
      await weigert(vanAnder, 'aanvraagId', 'deze aanvraag is van een andere inwoner');
      const scholing = await registreer('cm', 'dinkelland', inwonerId, 'scholing');
      await weigert(
        scholing,
        'aanvraag.voorziening',
        'de aanvraag vraagt om scholing, niet om participatieplaats',
      );
      for (const id of [vanAnder, scholing])
        expect(await lees(id)).toMatchObject({ status: 'open', versie: 1, beschikkingen: [] });
    });

    it('weigert een aanvraag die al beslist of ingetrokken is', async () => {
      // The first aanvraag of this file was decided above.
      await weigert(aanvraagId, 'aanvraagId', 'deze aanvraag is al beslist');
      expect((await lees(aanvraagId)).beschikkingen).toHaveLength(1);
      const ingetrokken = await registreer('cm', 'dinkelland', inwonerId, 'participatieplaats');
      expect((await api.verzoek('cm', 'POST', `${D}/aanvragen/${ingetrokken}/intrekking`)).status).toBe(428);
      const oud = await api.verzoek('cm', 'POST', `${D}/aanvragen/${ingetrokken}/intrekking`, undefined, {
        'if-match': 'W/"7"',
      });
      expect(oud.status).toBe(412);
      const r = await api.json('cm', 'POST', `${D}/aanvragen/${ingetrokken}/intrekking`, undefined, {
        'if-match': 'W/"1"',
      });
      expect(r.status).toBe(200);
      expect(r.koppen.get('etag')).toBe('W/"2"');
      expect(r.body).toMatchObject({ status: 'ingetrokken', versie: 2 });
      const nogmaals = await api.json('cm', 'POST', `${D}/aanvragen/${ingetrokken}/intrekking`, undefined, {
        'if-match': 'W/"2"',
      });
      expect(nogmaals.status).toBe(409);
      await weigert(ingetrokken, 'aanvraagId', 'deze aanvraag is ingetrokken');
      expect(await lees(ingetrokken)).toMatchObject({ status: 'ingetrokken', versie: 2, beschikkingen: [] });
      // A decided aanvraag cannot be withdrawn.
      const beslist = await api.json('cm', 'POST', `${D}/aanvragen/${aanvraagId}/intrekking`, undefined, {
        'if-match': 'W/"2"',
      });
      expect(beslist.status).toBe(409);
    });

    it('laat de aanvraag open als de beschikking niet genomen wordt', async () => {
      const id = await registreer('cm', 'dinkelland', inwonerId, 'participatieplaats');
      // The rules grant this request, so a refusal is not allowed (422): nothing is written.
      const r = await beslis(id, inwonerId, 'afwijzing');
      expect(r.status).toBe(422);
      expect(await lees(id)).toMatchObject({ status: 'open', versie: 1, beschikkingen: [] });
    });

    it('sluit de aanvraag in dezelfde transactie: van gelijktijdige beschikkingen wordt er één genomen', async () => {
      const id = await registreer('cm', 'dinkelland', inwonerId, 'participatieplaats');
      const uit = await Promise.all(Array.from({ length: 6 }, () => beslis(id)));
      expect(uit.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400, 400]);
      for (const r of uit.filter((x) => x.status === 400))
        expect(r.body.velden).toEqual([
          { pad: 'aanvraagId', bericht: expect.stringMatching(/^deze aanvraag /) },
        ]);
      const genomen = uit.find((r) => r.status === 201)!.body;
      const a = await lees(id);
      expect(a).toMatchObject({ status: 'beslist', versie: 2 });
      expect(a.beschikkingen).toEqual([{ id: genomen.id, soort: 'toekenning', besluitdatum: '2016-03-01' }]);
    });
  });
});
