import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadBibliotheek, laadRegeling, STANDAARD_WORTEL } from '../src/regelgeving/index.ts';

// The Twente model is the complete regulation file Dinkelland rests on: errors are planted in it.
const MODEL = 'regio/twente/modelverordening-re-integratie';
const bron = readFileSync(join(STANDAARD_WORTEL, MODEL, '2015-07-01.yaml'), 'utf8');

/** A copy of the national law with one regulation file in its place, so errors are found in context. */
export function boomMet(tekst: string, naam = '2015-07-01.yaml', plaats = MODEL) {
  const wortel = mkdtempSync(join(tmpdir(), 'regelgeving-'));
  cpSync(join(STANDAARD_WORTEL, 'wet'), join(wortel, 'wet'), { recursive: true });
  const map = join(wortel, plaats);
  mkdirSync(map, { recursive: true });
  writeFileSync(join(map, naam), tekst);
  return { wortel, bestand: join(map, naam) };
}

function regelVan(tekst: string, fragment: string): number {
  return tekst.slice(0, tekst.indexOf(fragment)).split('\n').length;
}

describe('regelingsbestanden', () => {
  it('de meegeleverde regelgeving is geldig', () => {
    const b = laadBibliotheek();
    expect(b.ok ? [] : b.fouten).toEqual([]);
  });

  it('weigert een onbekende sleutel en noemt regel, kolom en pad', () => {
    const plek = bron.indexOf('    titel: Participatieplaats\n', bron.indexOf('\nvoorzieningen:'));
    const tekst = `${bron.slice(0, plek)}    premie: 150\n${bron.slice(plek)}`;
    const { wortel, bestand } = boomMet(tekst);
    const r = laadRegeling(wortel, bestand, tekst);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten).toEqual([
      expect.objectContaining({
        bestand,
        pad: 'voorzieningen.participatieplaats.premie',
        regel: regelVan(tekst, '    premie: 150'),
        bericht: expect.stringMatching(/^onbekende sleutel 'premie'; toegestaan: .*\bbedragen\b/),
      }),
    ]);
  });

  it('weigert een bekendTot op of na de volgende waarde van een parameter, met het pad', () => {
    const { wortel } = boomMet(bron);
    const pad = join(wortel, 'wet', 'parameters', 'wml-per-uur.yaml');
    const wml = readFileSync(pad, 'utf8');
    const fout = wml.replace('    bedrag: 14.40\n', '    bedrag: 14.40\n    bekendTot: 2026-03-01\n');
    expect(fout).not.toBe(wml);
    writeFileSync(pad, fout);
    const b = laadBibliotheek(wortel);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    // The parameter file is refused with the place; rules that use the parameter then report it unknown.
    expect(b.fouten.filter((f) => f.bestand === pad)).toEqual([
      expect.objectContaining({
        pad: 'waarden[4].bekendTot',
        regel: regelVan(fout, '    bekendTot: 2026-03-01'),
      }),
    ]);
  });

  it('weigert een verkeerd type', () => {
    const tekst = bron.replace('maximaal: { maanden: 24 }', 'maximaal: { maanden: "twee jaar" }');
    expect(tekst).not.toBe(bron);
    const { wortel, bestand } = boomMet(tekst);
    const r = laadRegeling(wortel, bestand, tekst);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten[0]?.pad).toBe('voorzieningen.participatieplaats.duur.maximaal.maanden');
    expect(r.fouten[0]?.regel).toBe(regelVan(tekst, 'maanden: "twee jaar"'));
  });

  it('weigert een bestandsnaam die niet gelijk is aan geldigVanaf', () => {
    const { wortel, bestand } = boomMet(bron, '2015-08-01.yaml');
    const r = laadRegeling(wortel, bestand, bron);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten[0]).toMatchObject({
      code: 'bestandsnaam',
      pad: 'geldigVanaf',
      regel: regelVan(bron, 'geldigVanaf:'),
    });
  });

  it('weigert een onbekend feit, een verkeerde waarde en een onbekend artikel in de regels', () => {
    const tekst = bron
      .replace('{ feit: leeftijd, tenMinste: 27 }', '{ feit: lefttijd, tenMinste: 27 }')
      .replace('{ feit: uitkering, is: algemene-bijstand }', '{ feit: uitkering, is: bijstand }');
    const { wortel } = boomMet(tekst);
    const b = laadBibliotheek(wortel);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    const berichten = b.fouten.map((f) => `${f.regel}: ${f.bericht}`);
    expect(berichten).toContainEqual(
      `${regelVan(tekst, 'feit: lefttijd')}: onbekend feit 'lefttijd' (zie docs/feiten.md); bedoelt u 'leeftijd'?`,
    );
    expect(berichten.some((x) => x.includes('verwacht een van algemene-bijstand'))).toBe(true);
  });

  it('weigert kapotte YAML met de plaats', () => {
    const tekst = `${bron}\n  - nummer: [onaf\n`;
    const { wortel, bestand } = boomMet(tekst);
    const r = laadRegeling(wortel, bestand, tekst);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fouten[0]?.code).toBe('yaml');
    expect(r.fouten[0]?.regel).toBeGreaterThan(bron.split('\n').length - 1);
  });
});
