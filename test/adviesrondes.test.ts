import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadRonde, laadRondes } from '../src/advies/laden.ts';
import { antwoordbrief } from '../src/documenten/antwoordbrief.ts';
import { blokkenHtml, blokkenPdf } from '../src/documenten/blokken.ts';
import { standaardEngine } from './helpers.ts';

const bibliotheek = standaardEngine().bibliotheek;
const SEEDS = '/work/shared/seeds';
const map = mkdtempSync(join(tmpdir(), 'adviezen-'));
const plat = (t: string) =>
  t
    .replace(/-\n(?=[a-z])/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/Re- integratie/g, 'Re-integratie');

function pdfTekst(pdf: Uint8Array, naam: string): string {
  const bestand = join(map, `${naam}.pdf`);
  writeFileSync(bestand, pdf);
  return plat(
    execFileSync('pdftotext', ['-enc', 'UTF-8', bestand, '-'], { encoding: 'utf8' })
      .replace(/\f/g, ' ')
      .replace(/pagina \d+ van \d+/g, ' '),
  );
}

const rondes = laadRondes(bibliotheek);
const ronde = (id: string) => {
  if (!rondes.ok) throw new Error(JSON.stringify(rondes.fouten));
  const r = rondes.rondes.find((x) => x.id === id);
  if (!r) throw new Error(`geen ronde ${id}`);
  return r.ronde;
};
const KRIMPEN = 'krimpen-aan-den-ijssel/nadere-regels-re-integratie/2023-10-04-asd';

describe('de adviesrondes van de seeds als gegevens', () => {
  it('laden alle vier zonder fouten, naast de regelingen (die ze niet als versie lezen)', () => {
    expect(rondes.ok ? [] : rondes.fouten).toEqual([]);
    expect(rondes.ok && rondes.rondes.map((r) => r.id).sort()).toEqual([
      'assen/re-integratieverordening/2015-03-30-participatieraad-rcpa',
      'dinkelland/re-integratieverordening/2015-06-30-kra',
      'groningen/re-integratieverordening/2023-11-24-crr',
      KRIMPEN,
    ]);
    expect(bibliotheek.regelingen.some((r) => r.bestand.includes('/adviezen/'))).toBe(false);
  });

  it('Krimpen: gevraagd 19 september, ontvangen 4 oktober 2023, gedeeld, met elk artikel uit de brief', () => {
    const r = ronde(KRIMPEN);
    expect([r.gevraagdOp, r.ontvangenOp]).toEqual(['2023-09-19', '2023-10-04']);
    expect(r.besprokenMet.join(' ')).toMatch(/IJsselgemeenten.*Capelle aan den IJssel.*Zuidplas/);
    const artikelen = Object.fromEntries(
      r.punten.map((p) => [p.id, p.artikelen.map((a) => (a.lid ? `${a.artikel}.${a.lid}` : a.artikel))]),
    );
    expect(artikelen).toEqual({
      maatwerk: ['7', '16.3', '29'],
      uitzendbureaus: ['24'],
      opleidingsinstituut: ['8'],
      'beschut-werk': ['12'],
      loonkostensubsidie: ['20'],
      alfabetiseringscursus: [],
      doelgroepverklaring: [],
    });
    // The letter gives the advice only in the college's words: no point may claim to be its wording.
    expect(r.punten.every((p) => !p.adviesLetterlijk && p.adviesBron)).toBe(true);
  });

  it('Dinkelland: de premie deels, de detacheringsbaan niet overgenomen; Groningen: geen reactie in de bron', () => {
    const d = ronde('dinkelland/re-integratieverordening/2015-06-30-kra');
    const uitkomst = (p: (typeof d.punten)[number]) =>
      'uitkomst' in p.reactie ? p.reactie.uitkomst : 'onbekend';
    expect(d.punten.map((p) => [p.id, uitkomst(p)])).toEqual([
      ['premiehoogte', 'deels-overgenomen'],
      ['duur-detacheringsbaan', 'niet-overgenomen'],
    ]);
    expect(d.afloop?.datum).toBe('2015-06-30');
    const g = ronde('groningen/re-integratieverordening/2023-11-24-crr');
    expect(g.kenmerk).toBe('CRR 2023-8');
    expect(g.eindoordeel).toMatch(/positief advies/);
    expect(g.punten.every((p) => 'onbekend' in p.reactie)).toBe(true);
    expect(typeof g.gevraagdOp === 'object' && g.gevraagdOp.onbekend).toBeTruthy();
    const a = ronde('assen/re-integratieverordening/2015-03-30-participatieraad-rcpa');
    expect(a.adviesorganen.map((o) => o.id)).toEqual(['participatieraad', 'rcpa']);
    expect(a.punten.find((p) => p.id === 'overgangsrecht')?.van).toEqual(['participatieraad']);
  });

  it('een fout in een rondebestand noemt bestand, regel en veld', () => {
    const bestand = join(
      bibliotheek.wortel,
      'gemeente/dinkelland/re-integratieverordening/adviezen/2015-06-30-kra.yaml',
    );
    const tekst = readFileSync(bestand, 'utf8');
    const fout = (t: string) => {
      const r = laadRonde(bibliotheek, bestand, t);
      return r.ok ? [] : r.fouten.map((f) => `${f.regel}:${f.pad}: ${f.bericht}`);
    };
    const regelVan = (zoek: string) => tekst.split('\n').findIndex((l) => l.includes(zoek)) + 1;
    expect(fout(tekst.replace('artikelen: [{ artikel: "7" }]', 'artikelen: [{ artikel: "77" }]'))).toEqual([
      `${regelVan('artikelen: [{ artikel: "7" }]')}:punten[1].artikelen[0].artikel: artikel 77 staat in geen versie van dinkelland/re-integratieverordening`,
    ]);
    const metFouteUitkomst = fout(tekst.replace('uitkomst: niet-overgenomen', 'uitkomst: afgewezen'));
    expect(metFouteUitkomst).toHaveLength(1);
    expect(metFouteUitkomst).toEqual([
      `${regelVan('uitkomst: niet-overgenomen')}:punten[1].reactie.uitkomst: kies één van: overgenomen, deels-overgenomen, niet-overgenomen, ter-kennisname`,
    ]);
    expect(
      fout(
        tekst.replace(
          'adviesLetterlijk: false\n    adviesBron: >-\n      In de woorden van het raadsvoorstel: "De KRA',
          'adviesLetterlijk: false\n    adviesBronX: >-\n      In de woorden van het raadsvoorstel: "De KRA',
        ),
      )[0],
    ).toMatch(/punten\[1\]\.adviesBronX: onbekende sleutel/);
    expect(fout(tekst.replace('gemeenten: [dinkelland]', 'gemeenten: [hof-van-twente]'))).toContain(
      `${regelVan('gemeenten: [dinkelland]')}:gemeenten[0]: onbekende gemeente 'hof-van-twente' (noem een gemeente zonder regeling onder besprokenMet)`,
    );
  });
});

describe('de antwoordbrief van het college', () => {
  it('de Krimpense brief bevat elk punt en elke reactie die de seed geeft (PDF-tekst)', async () => {
    const brief = antwoordbrief(bibliotheek, ronde(KRIMPEN), '2023-11-01');
    const pdf = pdfTekst(await blokkenPdf(brief), 'krimpen');
    const seed = plat(readFileSync(join(SEEDS, '000_c057d107bbb42fdd.txt'), 'utf8'));
    // Passages of the seed letter, one per point and reaction: each must stand in the seed itself and in our letter.
    const passages = [
      'Op 19 september 2023 hebben wij uw advies gevraagd',
      'Op 4 oktober 2023 hebben wij uw advies ontvangen',
      'De artikelen 7, 16 lid 3 en 29 hebben een brede formulering om in te kunnen spelen op de behoefte van de inwoner.',
      'De cumulatieve criteria van artikel 29 staan in de toelichting van artikel 5 van de Re-integratieverordening.',
      'vastgelegd met welke uitzendbureaus wordt gewerkt',
      'Het opnemen van specifieke uitzendbureaus in de nadere regels zou de samenwerking met andere uitzendbureaus ten behoeve van de inwoner kunnen beperken.',
      'Wij onderschrijven jullie zorgen met betrekking tot opleidingsinstituten in artikel 8 van de nadere regels.',
      'Daarnaast zijn er registers met erkende onderwijsinstellingen waar gebruik van wordt gemaakt.',
      'Artikel 12 gaat over de doelgroep beschut werk.',
      'Ze beschikken ook vanuit de cao over een terugkeergarantie.',
      'kan aangevraagd worden door de werkgever zoals vermeld in artikel 20 van de nadere regels',
      'de alfabetiseringscursus die voorheen gevolgd kon worden niet terug te vinden is',
      'Deze mogelijkheid is er nog steeds en valt onder scholing.',
      'is ondervangen in landelijke wet- en regelgeving. Een werknemer kan een derde machtigen voor de aanvraag.',
    ];
    for (const p of passages) {
      expect(seed, 'in de seed').toContain(p);
      expect(pdf, p).toContain(p);
    }
    for (const thema of [
      'Maatwerk',
      'Uitzendbureaus',
      'Opleidingsinstituut',
      'Beschut werk',
      'Loonkostensubsidie',
      'Alfabetiseringscursus',
      'Doelgroepverklaring loonkostenvoordeel',
    ])
      expect(pdf).toContain(thema);
    expect(pdf).toContain('Over artikelen 7, 16 lid 3 en 29');
    expect(pdf).toContain('Uitkomst: niet overgenomen.');
    expect(pdf).toContain('Capelle aan den IJssel');
    const html = blokkenHtml(brief);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('Deze mogelijkheid is er nog steeds en valt onder scholing.');
  });

  it('elke ronde geeft een brief; wat de bron niet geeft staat er als zodanig in', async () => {
    if (!rondes.ok) throw new Error('rondes');
    for (const r of rondes.rondes) {
      const pdf = pdfTekst(
        await blokkenPdf(antwoordbrief(bibliotheek, r.ronde, '2026-12-01')),
        r.id.replaceAll('/', '_'),
      );
      for (const p of r.ronde.punten) expect(pdf).toContain(plat(p.advies));
    }
    const g = pdfTekst(
      await blokkenPdf(
        antwoordbrief(bibliotheek, ronde('groningen/re-integratieverordening/2023-11-24-crr'), '2026-12-01'),
      ),
      'groningen',
    );
    expect(g).toContain(
      'Onze reactie: nog niet vastgelegd. De reactie van het college op het advies zit niet in de bron.',
    );
    expect(g).toContain("Over artikel 'Uitstroompremie'");
    const d = pdfTekst(
      await blokkenPdf(
        antwoordbrief(bibliotheek, ronde('dinkelland/re-integratieverordening/2015-06-30-kra'), '2026-12-01'),
      ),
      'dinkelland',
    );
    expect(d).toContain('Uitkomst: deels overgenomen.');
    expect(d).toContain('Deze wens is echter niet meegenomen in het voorstel');
  });

  it('dezelfde ronde en datum geven dezelfde PDF', async () => {
    const b = antwoordbrief(bibliotheek, ronde(KRIMPEN), '2023-11-01');
    expect(Buffer.compare(await blokkenPdf(b), await blokkenPdf(b))).toBe(0);
  });
});
