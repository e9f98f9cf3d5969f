import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opslag } from '../src/opslag/database.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const D = '/gemeenten/dinkelland';

/** A granted participatieplaats in Dinkelland, through the API; verzondenOp as given. */
async function participatieplaats(api: TestApi, wie: string, verzondenOp?: string) {
  const inwonerId = await api.inwoner('dinkelland', 'Bezwaarmaker');
  const feit = await api.verzoek(wie, 'POST', `${D}/inwoners/${inwonerId}/feiten`, {
    naam: 'uitkering',
    waarde: 'algemene-bijstand',
    geldigVanaf: '2016-01-01',
    bron: 'gesprek',
  });
  expect(feit.status).toBe(201);
  const r = await api.json(wie, 'POST', `${D}/beschikkingen`, {
    inwonerId,
    soort: 'toekenning',
    peildatum: '2016-03-01',
    ...(verzondenOp ? { verzondenOp } : {}),
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
  expect(r.status).toBe(201);
  return { beschikkingId: r.body.id as string, inwonerId };
}

describe.each(OPSLAGEN)('bezwaren op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  let beschikkingId = '';
  const bezwaren: Record<string, string> = {};

  beforeAll(async () => {
    opslag = await open(engine);
    api = await startApi(opslag, engine, {
      cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
      auditor: [{ gemeente: 'dinkelland', rol: 'auditor' }],
      zevenaar: [
        { gemeente: 'zevenaar', rol: 'casemanager' },
        { gemeente: 'zevenaar', rol: 'manager' },
      ],
    });
    // Sent Friday 4 March 2016: the term runs to Friday 15 April 2016.
    beschikkingId = (await participatieplaats(api, 'cm', '2016-03-04')).beschikkingId;
  }, 60_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  it.each([
    ['op de laatste dag', { ontvangenOp: '2016-04-15' }, true],
    ['een werkdag te laat', { ontvangenOp: '2016-04-18' }, false],
    [
      'per post op de laatste dag, binnen een week ontvangen',
      { ontvangenOp: '2016-04-22', terPostBezorgdOp: '2016-04-15' },
      true,
    ],
    [
      'per post op tijd, maar later dan een week ontvangen',
      { ontvangenOp: '2016-04-25', terPostBezorgdOp: '2016-04-15' },
      false,
    ],
  ] as const)('registreert een bezwaar %s met de berekende termijn', async (naam, body, tijdig) => {
    const r = await api.json('cm', 'POST', `${D}/beschikkingen/${beschikkingId}/bezwaren`, body);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ termijnEinde: '2016-04-15', tijdig, uitkomst: null, versie: 1 });
    expect(r.koppen.get('etag')).toBe('W/"1"');
    bezwaren[naam] = r.body.id;
  });

  it('weigert een bezwaar vóór het besluit, een onmogelijke postdatum en een onverzonden beschikking', async () => {
    const vroeg = await api.json('cm', 'POST', `${D}/beschikkingen/${beschikkingId}/bezwaren`, {
      ontvangenOp: '2016-02-01',
    });
    expect(vroeg.status).toBe(400);
    expect(vroeg.body.velden).toEqual([expect.objectContaining({ pad: 'ontvangenOp' })]);
    const post = await api.json('cm', 'POST', `${D}/beschikkingen/${beschikkingId}/bezwaren`, {
      ontvangenOp: '2016-04-01',
      terPostBezorgdOp: '2016-04-02',
    });
    expect(post.status).toBe(400);
    expect(post.body.velden.map((v: { pad: string }) => v.pad)).toEqual(['terPostBezorgdOp']);
    const onverzonden = await participatieplaats(api, 'cm');
    const r = await api.json('cm', 'POST', `${D}/beschikkingen/${onverzonden.beschikkingId}/bezwaren`, {
      ontvangenOp: '2016-04-01',
    });
    expect(r.status).toBe(409);
    expect(r.body.title).toContain('verzenddatum');
    expect(
      (
        await api.verzoek('cm', 'POST', `${D}/beschikkingen/geen-uuid/bezwaren`, {
          ontvangenOp: '2016-04-01',
        })
      ).status,
    ).toBe(404);
  });

  it('toont de bezwaren per beschikking op volgorde van ontvangst', async () => {
    const r = await api.json('cm', 'GET', `${D}/beschikkingen/${beschikkingId}/bezwaren`);
    expect(r.status).toBe(200);
    expect(r.body.map((b: { ontvangenOp: string; tijdig: boolean }) => [b.ontvangenOp, b.tijdig])).toEqual([
      ['2016-04-15', true],
      ['2016-04-18', false],
      ['2016-04-22', true],
      ['2016-04-25', false],
    ]);
  });

  it('legt de uitkomst vast met If-Match: 428 zonder, 412 bij een oude versie, één keer beslissen', async () => {
    const id = bezwaren['op de laatste dag'];
    const pad = `${D}/beschikkingen/${beschikkingId}/bezwaren/${id}`;
    const gelezen = await api.verzoek('cm', 'GET', pad);
    const etag = gelezen.headers.get('etag')!;
    expect(etag).toBe('W/"1"');
    const uitkomst = {
      uitkomst: 'ongegrond',
      beslistOp: '2016-05-20',
      toelichting: 'De afweging in het besluit is juist.',
    };
    expect((await api.verzoek('cm', 'PATCH', pad, uitkomst)).status).toBe(428);
    const ongeldig = await api.json(
      'cm',
      'PATCH',
      pad,
      { ...uitkomst, uitkomst: 'half' },
      { 'if-match': etag },
    );
    expect(ongeldig.status).toBe(400);
    expect(ongeldig.body.velden.map((v: { pad: string }) => v.pad)).toEqual(['uitkomst']);
    const goed = await api.json('cm', 'PATCH', pad, uitkomst, { 'if-match': etag });
    expect(goed.status).toBe(200);
    expect(goed.body).toMatchObject({ uitkomst: 'ongegrond', beslistOp: '2016-05-20', versie: 2 });
    expect(goed.koppen.get('etag')).toBe('W/"2"');
    const oud = await api.json(
      'cm',
      'PATCH',
      pad,
      { ...uitkomst, uitkomst: 'gegrond' },
      { 'if-match': etag },
    );
    expect(oud.status).toBe(412);
    expect(oud.body.huidigeVersie).toBe(2);
    const nogmaals = await api.verzoek(
      'cm',
      'PATCH',
      pad,
      { ...uitkomst, uitkomst: 'gegrond' },
      { 'if-match': 'W/"2"' },
    );
    expect(nogmaals.status).toBe(409);
    expect((await api.json('cm', 'GET', pad)).body.uitkomst).toBe('ongegrond');
    const ingetrokken = await api.json(
      'cm',
      'PATCH',
      `${D}/beschikkingen/${beschikkingId}/bezwaren/${bezwaren['een werkdag te laat']}`,
      { uitkomst: 'ingetrokken', beslistOp: '2016-04-30', toelichting: 'Ingetrokken per brief.' },
      { 'if-match': '"1"' },
    );
    expect(ingetrokken.body.uitkomst).toBe('ingetrokken');
  });

  it('houdt gemeenten gescheiden en legt alles vast in het auditlog', async () => {
    const id = bezwaren['op de laatste dag'];
    const pad = `${D}/beschikkingen/${beschikkingId}/bezwaren`;
    for (const [m, p, body, koppen] of [
      ['POST', pad, { ontvangenOp: '2016-04-01' }, {}],
      ['GET', pad, undefined, {}],
      ['GET', `${pad}/${id}`, undefined, {}],
      ['PATCH', `${pad}/${id}`, { uitkomst: 'gegrond', beslistOp: '2016-06-01', toelichting: 'poging' }, {}],
      [
        'PATCH',
        `${pad}/${id}`,
        { uitkomst: 'gegrond', beslistOp: '2016-06-01', toelichting: 'poging' },
        { 'if-match': 'W/"2"' },
      ],
    ] as const) {
      const r = await api.verzoek('zevenaar', m, p, body, koppen);
      expect(r.status, `${m} ${p}`).toBe(404);
    }
    // Through one's own gemeente another gemeente's beschikking does not exist either.
    const via = await api.verzoek(
      'zevenaar',
      'GET',
      `/gemeenten/zevenaar/beschikkingen/${beschikkingId}/bezwaren`,
    );
    expect(via.status).toBe(404);
    const audit = (await api.json('auditor', 'GET', `${D}/audit?limiet=500`)).body as {
      actie: string;
      objectId: string;
    }[];
    expect(audit.filter((a) => a.actie === 'bezwaar-registreren')).toHaveLength(4);
    expect(audit.filter((a) => a.actie === 'bezwaar-ongegrond').map((a) => a.objectId)).toEqual([id]);
    expect(audit.map((a) => a.actie)).toContain('bezwaar-ingetrokken');
  });
});
