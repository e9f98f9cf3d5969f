import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { ONTWERP_2027, RONDE_2027 } from './ontwerp-2027.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const G = 'dinkelland';
const casus = (peildatum: string) => ({
  gemeente: G,
  peildatum,
  feiten: { geboortedatum: '1985-06-15', uitkering: 'algemene-bijstand' },
});

describe.each(OPSLAGEN)('de API voor ontwerpen, adviesrondes en het raadsvoorstel ($naam)', ({ open }) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(await open(engine), engine, {
      bm: [{ gemeente: G, rol: 'beleidsmedewerker' }],
      cm: [{ gemeente: G, rol: 'casemanager' }],
    });
  }, 120_000);
  afterAll(async () => api?.opslag.sluit());

  const versieOp = async (peildatum: string) => {
    const r = await api.json('cm', 'POST', '/evaluate', casus(peildatum));
    expect(r.status).toBe(200);
    return (r.body.regelingen as { id: string; geldigVanaf: string }[]).find(
      (x) => x.id === `${G}/re-integratieverordening`,
    )?.geldigVanaf;
  };

  it('van ontwerp tot vastgesteld over HTTP; /evaluate volgt de vaststelling; documenten als PDF en HTML', async () => {
    const ontwerp = { bestandsnaam: '2027-01-01.yaml', regels: ONTWERP_2027.split('\n') };
    expect((await api.json('cm', 'POST', `/gemeenten/${G}/ontwerpen`, { ontwerp })).status).toBe(403);
    const fout = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen`, {
      ontwerp: {
        ...ontwerp,
        regels: ONTWERP_2027.replace('status: ontwerp', 'status: vastgesteld').split('\n'),
      },
    });
    expect(fout.status).toBe(400);
    expect(JSON.stringify(fout.body)).toContain("een ontwerp heeft 'status: ontwerp'");
    const o = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen`, { ontwerp });
    expect(o.status).toBe(201);
    const id = o.body.id as string;
    const r = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen/${id}/adviesrondes`, {
      ronde: RONDE_2027,
    });
    expect(r.status).toBe(201);
    const rondeId = r.body.rondes[0].id as string;
    const brief = await api.verzoek(
      'bm',
      'GET',
      `/gemeenten/${G}/ontwerpen/${id}/adviesrondes/${rondeId}/antwoordbrief?formaat=html&datum=2026-10-15`,
    );
    expect(brief.status).toBe(200);
    const html = await brief.text();
    for (const p of RONDE_2027.punten) expect(html).toContain(p.reactie.tekst);
    expect(
      (
        await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen/${id}/vaststelling`, {
          besluitdatum: '2026-12-10',
        })
      ).status,
    ).toBe(409);
    expect((await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen/${id}/raadsvoorstel`)).body.status).toBe(
      'raadsvoorstel',
    );
    const pdf = await api.verzoek(
      'bm',
      'GET',
      `/gemeenten/${G}/ontwerpen/${id}/raadsvoorstel?datum=2026-11-24`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await versieOp('2027-01-01')).toBe('2015-07-01');
    const vast = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen/${id}/vaststelling`, {
      besluitdatum: '2026-12-10',
    });
    expect(vast.status).toBe(200);
    expect(vast.body).toMatchObject({ status: 'vastgesteld', besluitdatum: '2026-12-10' });
    expect(await versieOp('2026-12-31')).toBe('2015-07-01');
    expect(await versieOp('2027-01-01')).toBe('2027-01-01');
    const spec = await api.json('bm', 'GET', '/openapi.json');
    for (const pad of [
      '/gemeenten/{gemeente}/ontwerpen',
      '/gemeenten/{gemeente}/ontwerpen/{id}/vaststelling',
      '/gemeenten/{gemeente}/ontwerpen/{id}/raadsvoorstel',
    ])
      expect(Object.keys(spec.body.paths)).toContain(pad);
  }, 300_000);
});
