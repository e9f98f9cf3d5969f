import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maakEngine } from '../src/engine/index.ts';
import { laadBibliotheek, STANDAARD_WORTEL } from '../src/regelgeving/index.ts';
import { standaardEngine } from './helpers.ts';

/** Where rules meet: the national layer's own checks and the sources we hold only in part. */

const engine = standaardEngine();

/** The shipped tree with one file's text changed, loaded as a library of its own. */
function metWijziging(bestand: string, wijzig: (tekst: string) => string) {
  const wortel = mkdtempSync(join(tmpdir(), 'raakvlak-'));
  cpSync(STANDAARD_WORTEL, wortel, { recursive: true });
  const pad = join(wortel, bestand);
  const oud = readFileSync(pad, 'utf8');
  const nieuw = wijzig(oud);
  expect(nieuw).not.toBe(oud);
  writeFileSync(pad, nieuw);
  const b = laadBibliotheek(wortel);
  if (!b.ok) throw new Error(JSON.stringify(b.fouten));
  return maakEngine(b.waarde);
}

describe('de premie en de vrijlating van art. 31 lid 2 onder j Pw', () => {
  const participatieplaats = (e: typeof engine) =>
    e.evalueer({
      gemeente: 'groningen',
      peildatum: '2025-03-03',
      feiten: {
        geboortedatum: '1980-01-01',
        uitkering: 'algemene-bijstand',
        kanOnderwijsVolgen: false,
        oordelen: { participatieplaatsVergrootKansOpWerk: true },
      },
      aanvraag: {
        voorziening: 'participatieplaats',
        ingangsdatum: '2025-03-03',
        duurMaanden: 12,
        urenPerWeek: 24,
        voldoendeMeegewerkt: true,
      },
    });

  it('meldt niets zolang de premie per jaar binnen de vrijlating blijft (Groningen: 2 × € 800)', () => {
    const r = participatieplaats(engine);
    if (!r.ok) throw new Error(r.fout.code);
    expect(r.resultaat.conflicten.filter((c) => c.met.includes('31 lid 2 onder j'))).toEqual([]);
  });

  it('meldt een premie boven de vrijlating als strijdig, en betaalt haar wel', () => {
    // € 2.000 per six months is € 4.000 a year, above the € 3.263 of 1 January 2025.
    const hoog = metWijziging('gemeente/groningen/re-integratieverordening/2024-01-01.yaml', (t) =>
      t.replace('bedrag: 800.00', 'bedrag: 2000.00'),
    );
    const r = participatieplaats(hoog);
    if (!r.ok) throw new Error(r.fout.code);
    const v = r.resultaat.voorzieningen[0]!;
    expect(v.uitkomst).toBe('toegestaan');
    expect(Object.values(v.bedragen).map((b) => b.cent)).toContain(200000);
    expect(r.resultaat.conflicten).toContainEqual(
      expect.objectContaining({ soort: 'strijdig', met: 'participatiewet 31 lid 2 onder j' }),
    );
    expect(v.gronden.map((g) => g.uitleg).join(' ')).toContain(
      'De bedragen van de verordening komen samen op € 4.000,00 per jaar. Dat is meer dan wat de wet per kalenderjaar niet als inkomen telt: € 3.263,00 per jaar',
    );
  });
});

describe('beëindigingsgronden die de bron niet geeft', () => {
  it('Zevenaar biedt alleen de twee gronden die de toelichting noemt, en zegt dat de lijst niet volledig is', () => {
    const z = engine.bibliotheek.inWerking('zevenaar/re-integratieverordening', '2018-01-01')!;
    expect(z.beeindigingsgronden?.map((g) => g.code)).toEqual([
      'algemeen-geaccepteerde-arbeid',
      'voorwaarden',
    ]);
    expect(z.beeindigingsgrondenOnvolledig).toMatch(/noemt er maar twee/);
    // Dinkelland art. 4 lid 3 gives the whole list a to g.
    const d = engine.bibliotheek.inWerking('dinkelland/re-integratieverordening', '2016-01-01')!;
    expect(d.beeindigingsgronden?.map((g) => g.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(d.beeindigingsgrondenOnvolledig).toBeUndefined();
  });
});

describe('de wet per periode (issue 8 punt 8)', () => {
  const wet = (datum: string) => engine.bibliotheek.inWerking('participatiewet', datum)!;

  it('kent in 2015 geen vaste loonkostensubsidie zonder loonwaarde, vanaf 4 juli 2016 wel', () => {
    expect(Object.keys(wet('2015-09-01').voorzieningen?.loonkostensubsidie?.bedragen ?? {})).not.toContain(
      'forfaitairPerMaand',
    );
    expect(Object.keys(wet('2016-07-04').voorzieningen?.loonkostensubsidie?.bedragen ?? {})).toContain(
      'forfaitairPerMaand',
    );
  });

  it('kent de proefplaats van art. 8a lid 2 onder d pas vanaf 1 juli 2023, en de 36 uur pas vanaf 2024', () => {
    expect(wet('2023-06-30').voorzieningen?.proefplaats).toBeUndefined();
    expect(wet('2023-07-01').voorzieningen?.proefplaats?.duur?.geldtAls).toBeDefined();
    expect(wet('2023-12-31').berekeningen?.deeltijdfactor?.omschrijving).toMatch(/normale arbeidsduur/);
    expect(wet('2024-01-01').berekeningen?.deeltijdfactor?.omschrijving).toMatch(/36/);
  });

  it('noemt in 2015 de no-riskpolis onder art. 8a lid 2 onder b, en vanaf 2016 niet meer', () => {
    expect(wet('2015-09-01').artikelen.find((a) => a.nummer === '8a')?.samenvatting).toMatch(
      /onder b, de no-riskpolis/,
    );
    expect(wet('2016-03-01').artikelen.find((a) => a.nummer === '8a')?.samenvatting).not.toMatch(
      /no-riskpolis/,
    );
  });

  it('elke versie na 2015 rust op de vorige en noemt alleen wat veranderde', () => {
    const versies = engine.bibliotheek.versies('participatiewet');
    expect(versies.map((v) => v.geldigVanaf)).toEqual([
      '2015-01-01',
      '2016-01-01',
      '2016-07-04',
      '2017-01-01',
      '2018-01-01',
      '2023-07-01',
      '2024-01-01',
      '2026-01-01',
    ]);
    for (let i = 1; i < versies.length; i++)
      expect(versies[i]!.basis).toBe(`participatiewet@${versies[i - 1]!.geldigVanaf}`);
  });
});
