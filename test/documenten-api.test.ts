import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vulDemo } from '../src/api/demo.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import { laadDocumentConfiguratie } from '../src/documenten/configuratie.ts';
import { exportCsv, kwartaalExport } from '../src/documenten/exports.ts';
import { plusDagen } from '../src/kalender/index.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

const engine = standaardEngine();
const kluis = maakBsnKluis(TEST_SLEUTEL);
const G = 'dinkelland';
const config = laadDocumentConfiguratie();
if (!config.ok) throw new Error(JSON.stringify(config.fouten));
const instelling = config.waarde.get(G)!.voortgangsrapportage;
const sha = (b: ArrayBuffer) => createHash('sha256').update(new Uint8Array(b)).digest('hex');

/** The documents through the HTTP API: letters, progress reports, SRG delivery, exports. */
describe.each(OPSLAGEN)('documenten via de API op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  let toekenning: { id: string; inwonerId: string; besluitdatum: string; verzondenOp: string | null };
  let jaar: number;

  beforeAll(async () => {
    opslag = await open(engine);
    await vulDemo(opslag.db, engine, kluis, { perGemeente: 40 });
    api = await startApi(
      opslag,
      engine,
      {
        cm: [{ gemeente: G, rol: 'casemanager' }],
        manager: [{ gemeente: G, rol: 'manager' }],
        auditor: [{ gemeente: G, rol: 'auditor' }],
        ander: [{ gemeente: 'zevenaar', rol: 'casemanager' }],
      },
      '2026-11-02',
    );
    toekenning = await opslag.db
      .selectFrom('beschikking')
      .select(['id', 'inwonerId', 'besluitdatum', 'verzondenOp'])
      .where('gemeente', '=', G)
      .where('soort', '=', 'toekenning')
      .where('verzondenOp', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    jaar = Number(toekenning.besluitdatum.slice(0, 4));
  }, 120_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  const brief = () => `/gemeenten/${G}/beschikkingen/${toekenning.id}/brief`;

  it('een brief is er pas als hij gemaakt is, en wordt één keer gemaakt', async () => {
    expect((await api.verzoek('cm', 'GET', brief())).status).toBe(404);
    const eerst = await api.json('cm', 'POST', brief());
    expect(eerst.status).toBe(201);
    expect(eerst.body.nieuw).toBe(true);
    expect(eerst.body.kenmerk).toMatch(/^GM1774-/);
    expect(eerst.body.documenten.map((d: { formaat: string }) => d.formaat).sort()).toEqual(['html', 'pdf']);
    const tweede = await api.json('cm', 'POST', brief());
    expect(tweede.status).toBe(200);
    expect(tweede.body.nieuw).toBe(false);
    expect(tweede.body.documenten).toEqual(eerst.body.documenten);
    const n = await opslag.db
      .selectFrom('document')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('sleutel', '=', toekenning.id)
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(2);
  });

  it('serveert de opgeslagen PDF en HTML byte voor byte, met de hash als ETag', async () => {
    const gemaakt = await api.json('cm', 'POST', brief());
    const hash = (f: string) =>
      gemaakt.body.documenten.find((d: { formaat: string }) => d.formaat === f).sha256 as string;
    const pdf = await api.verzoek('auditor', 'GET', brief());
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = await pdf.arrayBuffer();
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha(bytes)).toBe(hash('pdf'));
    expect(pdf.headers.get('etag')).toBe(`"${hash('pdf')}"`);
    const opgeslagen = await opslag.db
      .selectFrom('document')
      .select('inhoud')
      .where('sleutel', '=', toekenning.id)
      .where('formaat', '=', 'pdf')
      .executeTakeFirstOrThrow();
    expect(Buffer.from(bytes).equals(Buffer.from(opgeslagen.inhoud))).toBe(true);
    const html = await api.verzoek('cm', 'GET', `${brief()}?formaat=html`);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const tekst = await html.text();
    expect(tekst).toContain(gemaakt.body.kenmerk);
    expect(sha(new TextEncoder().encode(tekst).buffer as ArrayBuffer)).toBe(hash('html'));
    const niet = await api.verzoek('cm', 'GET', brief(), undefined, { 'if-none-match': `"${hash('pdf')}"` });
    expect(niet.status).toBe(304);
    expect(await niet.text()).toBe('');
  });

  it('legt maken en lezen vast met de inwoner als betrokkene', async () => {
    await api.verzoek('cm', 'GET', brief());
    const rijen = await opslag.db
      .selectFrom('audit')
      .select(['actie', 'betrokkene', 'doel'])
      .where('objectId', '=', toekenning.id)
      .where('actie', 'like', 'brief-%')
      .execute();
    const acties = new Set(rijen.map((r) => r.actie));
    expect(acties).toContain('brief-maken');
    expect(acties).toContain('brief-lezen');
    expect(acties).toContain('brief-opnieuw-gevraagd');
    for (const r of rijen) expect(r.betrokkene).toBe(toekenning.inwonerId);
    expect(rijen.find((r) => r.actie === 'brief-lezen')!.doel).toBe('uitvoering re-integratie');
  });

  it('weigert lezen zonder doel, maken zonder beslisrol, en een andere gemeente', async () => {
    const zonderDoel = await api.ruw('cm', 'GET', brief(), {});
    expect(zonderDoel.status).toBe(400);
    expect(((await zonderDoel.json()) as { velden: { pad: string }[] }).velden[0]!.pad).toBe('X-Doel');
    const auditor = await api.json('auditor', 'POST', brief());
    expect(auditor.status).toBe(403);
    const ander = await api.json('ander', 'GET', brief());
    expect(ander.status).toBe(404);
    const formaat = await api.json('cm', 'GET', `${brief()}?formaat=docx`);
    expect(formaat.status).toBe(400);
    expect(formaat.body.velden[0].pad).toBe('formaat');
    const onbekend = await api.json(
      'cm',
      'POST',
      `/gemeenten/${G}/beschikkingen/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/brief`,
    );
    expect(onbekend.status).toBe(404);
  });

  it('maakt de brief van de beslissing op een bezwaar, pas als erop beslist is', async () => {
    const ontvangen = plusDagen(toekenning.verzondenOp!, 10);
    const z = await api.json('cm', 'POST', `/gemeenten/${G}/beschikkingen/${toekenning.id}/bezwaren`, {
      ontvangenOp: ontvangen,
    });
    expect(z.status).toBe(201);
    const pad = `/gemeenten/${G}/beschikkingen/${toekenning.id}/bezwaren/${z.body.id}/brief`;
    const tevroeg = await api.json('cm', 'POST', pad);
    expect(tevroeg.status).toBe(409);
    const besluit = await api.json(
      'cm',
      'PATCH',
      `/gemeenten/${G}/beschikkingen/${toekenning.id}/bezwaren/${z.body.id}`,
      { uitkomst: 'ongegrond', beslistOp: plusDagen(ontvangen, 30), toelichting: 'Geen nieuwe feiten.' },
      { 'if-match': z.koppen.get('etag')! },
    );
    expect(besluit.status).toBe(200);
    const gemaakt = await api.json('cm', 'POST', pad);
    expect(gemaakt.status).toBe(201);
    const html = await api.verzoek('cm', 'GET', `${pad}?formaat=html`);
    expect(html.status).toBe(200);
    const tekst = await html.text();
    expect(tekst).toContain('Uw bezwaar is ongegrond.');
    expect(tekst).toContain('8:1');
  });

  it('maakt, noemt en serveert de voortgangsrapportage zonder persoonsgegevens', async () => {
    const pad = `/gemeenten/${G}/voortgangsrapportages`;
    expect((await api.json('cm', 'POST', pad, { jaar, periode: 1 })).status).toBe(403);
    const te = await api.json('manager', 'POST', pad, { jaar, periode: instelling.periodenPerJaar + 1 });
    expect(te.status).toBe(400);
    expect(te.body.velden[0].pad).toBe('periode');
    const eerst = await api.json('manager', 'POST', pad, { jaar, periode: 1 });
    expect(eerst.status).toBe(201);
    const tweede = await api.json('manager', 'POST', pad, { jaar, periode: 1 });
    expect(tweede.status).toBe(200);
    expect(tweede.body.documenten).toEqual(eerst.body.documenten);
    // Counts only: no purpose needed to read the list or the report.
    const lijst = await api.ruw('auditor', 'GET', pad, {});
    expect(lijst.status).toBe(200);
    const l = (await lijst.json()) as { periodenPerJaar: number; rapportages: { sleutel: string }[] };
    expect(l.periodenPerJaar).toBe(instelling.periodenPerJaar);
    expect(l.rapportages.map((r) => r.sleutel)).toEqual([`${jaar}-1`]);
    const json = await api.ruw('auditor', 'GET', `${pad}/${jaar}/1?formaat=json`, {});
    expect(json.status).toBe(200);
    const model = (await json.json()) as { van: string; tabellen: { rijen: { waarden: any[] }[] }[] };
    expect(model.van).toBe(`${jaar}-01-01`);
    for (const t of model.tabellen)
      for (const r of t.rijen)
        for (const w of r.waarden)
          if (w.soort === 'aantal' && w.cel !== null)
            expect(w.cel === 0 || w.cel >= instelling.drempel).toBe(true);
    const pdf = await api.ruw('auditor', 'GET', `${pad}/${jaar}/1`, {});
    const bytes = await pdf.arrayBuffer();
    expect(pdf.headers.get('etag')).toBe(`"${sha(bytes)}"`);
    expect(sha(bytes)).toBe(
      eerst.body.documenten.find((d: { formaat: string }) => d.formaat === 'pdf').sha256,
    );
    // What can be checked of PDF/A-2b without veraPDF: every font embedded, the XMP identification,
    // an output intent, no encryption.
    const bestand = join(mkdtempSync(join(tmpdir(), 'rapport-')), 'rapport.pdf');
    writeFileSync(bestand, Buffer.from(bytes));
    const fonts = execFileSync('pdffonts', [bestand], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.split(/\s+/).at(-5), f).toBe('yes');
    const xmp = execFileSync('pdfinfo', ['-meta', bestand], { encoding: 'utf8' });
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const rauw = Buffer.from(bytes).toString('latin1');
    expect(rauw).toContain('/OutputIntents');
    expect(rauw).not.toContain('/Encrypt');
    expect((await api.ruw('auditor', 'GET', `${pad}/${jaar}/2`, {})).status).toBe(404);
    expect((await api.ruw('ander', 'GET', `${pad}/${jaar}/1`, {})).status).toBe(404);
    // The first report loads pdfkit and ECharts (they no longer load with the server); on a loaded
    // machine that alone can take seconds (a hang guard, not a speed target).
  }, 30_000);

  it('maakt de SRG-levering van een maand; het antwoord noemt geen BSN, lezen vraagt een doel', async () => {
    const pad = `/gemeenten/${G}/srg-leveringen`;
    const maand = `${toekenning.besluitdatum.slice(0, 7)}`;
    expect((await api.json('cm', 'POST', pad, { maand })).status).toBe(403);
    const fout = await api.json('manager', 'POST', pad, { maand: `${jaar}-13` });
    expect(fout.status).toBe(400);
    expect(fout.body.velden[0].pad).toBe('maand');
    const r = await api.verzoek('manager', 'POST', pad, { maand });
    expect(r.status).toBe(201);
    const tekst = await r.text();
    const s = JSON.parse(tekst);
    expect(s.verslagmaand).toBe(maand.replace('-', ''));
    expect(
      s.records + s.achtergehouden.reduce((a: number, x: { aantal: number }) => a + x.aantal, 0),
    ).toBeGreaterThan(0);
    expect(tekst).not.toMatch(/\b\d{9}\b/);
    expect((await api.json('manager', 'POST', pad, { maand })).status).toBe(200);
    expect((await api.ruw('manager', 'GET', `${pad}/${maand}`, {})).status).toBe(400);
    const lees = await api.json('manager', 'GET', `${pad}/${maand}`);
    expect(lees.status).toBe(200);
    expect(lees.body.records).toHaveLength(s.records);
    for (const rec of lees.body.records) expect(rec.bsn).toMatch(/^\d{9}$/);
    const stored = await opslag.db
      .selectFrom('document')
      .select(['inhoud', 'versleuteld'])
      .where('soort', '=', 'srg-levering')
      .where('sleutel', '=', maand)
      .executeTakeFirstOrThrow();
    expect(stored.versleuteld).toBe(true);
    for (const rec of lees.body.records) expect(Buffer.from(stored.inhoud).toString()).not.toContain(rec.bsn);
    const gelezen = await opslag.db
      .selectFrom('audit')
      .select('actie')
      .where('object', '=', 'srg-levering')
      .where('objectId', '=', maand)
      .execute();
    expect(gelezen.map((a) => a.actie).sort()).toEqual([
      'srg-levering-lezen',
      'srg-levering-maken',
      'srg-levering-opnieuw-gevraagd',
    ]);
  });

  it('exporteert een kwartaal als CSV en JSON met dezelfde onderdrukking', async () => {
    const kwartaal = Math.floor((Number(toekenning.besluitdatum.slice(5, 7)) - 1) / 3) + 1;
    const pad = `/gemeenten/${G}/exports/${jaar}/${kwartaal}`;
    const direct = await kwartaalExport(
      opslag.db,
      G,
      jaar,
      kwartaal,
      instelling.drempel,
      instelling.uitstroomNaarWerk,
    );
    const csv = await api.ruw('auditor', 'GET', pad, {});
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe(exportCsv(direct));
    const json = await api.ruw('auditor', 'GET', `${pad}?formaat=json`, {});
    const e = (await json.json()) as typeof direct;
    expect(e).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(e.rijen.length).toBeGreaterThan(0);
    for (const r of e.rijen)
      for (const k of ['gestart', 'lopend', 'beeindigd', 'afgewezen', 'premies'] as const)
        expect(r[k] === null || r[k] === 0 || r[k] >= instelling.drempel).toBe(true);
    expect((await api.ruw('auditor', 'GET', `/gemeenten/${G}/exports/${jaar}/5`, {})).status).toBe(400);
  });
});
