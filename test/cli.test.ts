import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feitenDocumentatie } from '../src/casus/documentatie.ts';
import { casusSchema } from '../src/casus/index.ts';
import { draai, standaardEngine } from './helpers.ts';

const voorbeeld = join(import.meta.dirname, '..', 'voorbeelden', 'dinkelland-participatieplaats.json');

describe('reintegratie CLI', () => {
  it('evaluate --json geeft het contract', async () => {
    const r = await draai('evaluate', voorbeeld, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.uit);
    expect(json).toMatchObject({
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      voorzieningen: [{ voorziening: 'participatieplaats', uitkomst: 'ter-beoordeling' }],
    });
    expect(Object.keys(json).sort()).toEqual([
      'afwijkingen',
      'conflicten',
      'engine',
      'gemeente',
      'peildatum',
      'regelingen',
      'voorzieningen',
    ]);
  });

  it('evaluate zonder --json geeft een tabel voor mensen', async () => {
    const r = await draai('evaluate', voorbeeld);
    expect(r.code).toBe(0);
    expect(r.uit).toMatch(/Participatieplaats \[participatieplaats\]: TER BEOORDELING/);
    expect(r.uit).toMatch(/bedrag premie: € 150,00/);
  });

  it('geeft exitcode 1 met pad bij een ongeldige casus', async () => {
    const map = mkdtempSync(join(tmpdir(), 'casus-'));
    const bestand = join(map, 'casus.json');
    writeFileSync(
      bestand,
      JSON.stringify({ gemeente: 'dinkelland', peildatum: '2016-03-01', feiten: { uitkering: 'bijstand' } }),
    );
    const r = await draai('evaluate', bestand);
    expect(r.code).toBe(1);
    expect(r.fout).toContain('feiten.uitkering');
    writeFileSync(bestand, '{ "gemeente": "dinkelland",\n  "peildatum": }');
    const kapot = await draai('evaluate', bestand);
    expect(kapot.code).toBe(1);
    expect(kapot.fout).toMatch(/casus\.json:2:\d+: ongeldige JSON/);
  });

  it('ordinances toont elke gemeente met CBS-code', async () => {
    const r = await draai('ordinances');
    expect(r.code).toBe(0);
    for (const g of [
      'Dinkelland (dinkelland, GM1774)',
      'Zevenaar (zevenaar, GM0299)',
      'Groningen (groningen, GM0014)',
      'Assen (assen, GM0106)',
      'Krimpen aan den IJssel (krimpen-aan-den-ijssel, GM0542)',
    ]) {
      expect(r.uit).toContain(g);
    }
  });

  it('conformance op 22 november 2026 noemt art. 13 Dinkelland op het vervallen art. 10f', async () => {
    const r = await draai('conformance', '--date', '2026-11-22', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.uit) as {
      gemeenten: { gemeente: string; conflicten: { soort: string; artikel: string; met: string }[] }[];
    };
    const dinkelland = json.gemeenten.find((g) => g.gemeente === 'dinkelland');
    expect(dinkelland?.conflicten).toContainEqual(
      expect.objectContaining({ soort: 'vervallen', artikel: '13', met: 'participatiewet 10f' }),
    );
    const op2015 = JSON.parse(
      (await draai('conformance', '--date', '2015-12-31', '--json')).uit,
    ) as typeof json;
    expect(op2015.gemeenten.find((g) => g.gemeente === 'dinkelland')?.conflicten).toEqual([]);
    // From 2016 art. 8a lid 2 onder b (the no-riskpolis that Dinkelland art. 9 rests on) is gone; the
    // old onder c took its letter.
    const op2016 = JSON.parse(
      (await draai('conformance', '--date', '2016-03-01', '--json')).uit,
    ) as typeof json;
    expect(op2016.gemeenten.find((g) => g.gemeente === 'dinkelland')?.conflicten).toContainEqual(
      expect.objectContaining({ soort: 'gewijzigd', artikel: '9', met: 'participatiewet 8a lid 2 onder b' }),
    );
  });

  it('diff noemt gewijzigde artikelen en parameters', async () => {
    const wet = join(import.meta.dirname, '..', 'regelgeving', 'wet', 'participatiewet');
    const r = await draai('diff', join(wet, '2023-07-01.yaml'), join(wet, '2026-01-01.yaml'), '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.uit) as {
      verschillen: { soort: string; onderdeel: string; sleutel: string }[];
    };
    expect(json.verschillen).toContainEqual(
      expect.objectContaining({ soort: 'toegevoegd', onderdeel: 'artikel', sleutel: '7a' }),
    );
    expect(json.verschillen).toContainEqual(
      expect.objectContaining({ soort: 'gewijzigd', onderdeel: 'artikel', sleutel: '10f' }),
    );
    expect(json.verschillen).toContainEqual(
      expect.objectContaining({ soort: 'toegevoegd', onderdeel: 'voorziening', sleutel: 'leerwerktraject' }),
    );
  });

  it('onbekende opdracht: exitcode 1', async () => {
    expect((await draai('bestaatniet')).code).toBe(1);
  });

  it('docs/feiten.md is bij met de woordenlijst', () => {
    const opgeslagen = readFileSync(join(import.meta.dirname, '..', 'docs', 'feiten.md'), 'utf8');
    expect(opgeslagen, 'draai npm run docs').toBe(feitenDocumentatie(standaardEngine().bibliotheek));
  });

  it('caseload schrijft een NDJSON-klantenbestand dat impact --cases leest, bepaald door het zaad', async () => {
    const map = mkdtempSync(join(tmpdir(), 'caseload-'));
    const a = join(map, 'a.ndjson');
    const b = join(map, 'b.ndjson');
    const argv = [
      'caseload',
      '--gemeente',
      'dinkelland',
      '--date',
      '2016-06-01',
      '--generated',
      '500',
      '--seed',
      '7',
    ];
    expect((await draai(...argv, '--out', a)).code).toBe(0);
    expect((await draai(...argv, '--out', b)).code).toBe(0);
    const regels = readFileSync(a, 'utf8').trimEnd().split('\n');
    expect(regels).toHaveLength(500);
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    for (const r of regels) expect(casusSchema.safeParse(JSON.parse(r)).success).toBe(true);
    expect(JSON.parse(regels[0]!)).toMatchObject({ gemeente: 'dinkelland', peildatum: '2016-06-01' });
    // The file is what impact reads, and it gives what impact generates itself from the same seed.
    const viaBestand = await draai(
      'impact',
      '--to',
      'dinkelland/re-integratieverordening',
      '--date',
      '2016-06-01',
      '--cases',
      a,
      '--json',
    );
    const zelf = await draai(
      'impact',
      '--to',
      'dinkelland/re-integratieverordening',
      '--date',
      '2016-06-01',
      '--generated',
      '500',
      '--seed',
      '7',
      '--json',
    );
    expect(viaBestand.code, viaBestand.fout).toBe(0);
    const x = JSON.parse(viaBestand.uit);
    const y = JSON.parse(zelf.uit);
    expect(x.casussen).toBe(500);
    expect(x.voorzieningen).toEqual(y.voorzieningen);
  });

  it('caseload weigert een onbekende gemeente en een ongeldige datum', async () => {
    const r = await draai('caseload', '--gemeente', 'atlantis', '--date', '2016-06-01', '--generated', '5');
    expect(r.code).toBe(1);
    expect(r.fout).toMatch(/onbekende gemeente 'atlantis'/);
    const d = await draai('caseload', '--gemeente', 'dinkelland', '--date', '2016-02-30', '--generated', '5');
    expect(d.code).toBe(1);
    expect(d.fout).toMatch(/--date/);
  });
});
