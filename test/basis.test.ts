import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maakEngine } from '../src/engine/index.ts';
import { laadBibliotheek, STANDAARD_WORTEL } from '../src/regelgeving/index.ts';

/** A model ordinance and a gemeente's version that states only where it departs from it. */
const MODEL = `id: voorbeeld/re-integratieverordening
titel: Modelverordening
citeertitel: Modelverordening re-integratie
laag: gemeente
soort: verordening
gemeente: { slug: voorbeeld, naam: Voorbeeld, cbsCode: GM9999 }
bron: { document: Model }
geldigVanaf: 2016-01-01
berustOp: participatiewet
artikelen:
  - { nummer: "1", titel: Participatieplaats, tekst: Een participatieplaats is voor mensen van 27 jaar of ouder. }
  - { nummer: "2", titel: Scholing, tekst: Scholing is voor iedereen. }
voorzieningen:
  participatieplaats:
    artikel: "1"
    titel: Participatieplaats
    voorwaarden:
      - id: leeftijd
        artikel: "1"
        toets: { feit: leeftijd, tenMinste: 27 }
        uitleg: { ja: U bent 27 of ouder., nee: U bent jonger dan 27. }
      - id: bijstand
        artikel: "1"
        toets: { feit: uitkering, is: algemene-bijstand }
        uitleg: { ja: U hebt bijstand., nee: U hebt geen bijstand. }
  scholing:
    artikel: "2"
    titel: Scholing
    voorwaarden: []
`;

const AFWIJKING = `id: voorbeeld/re-integratieverordening
basis: voorbeeld/re-integratieverordening@2016-01-01
geldigVanaf: 2017-01-01
titel: Verordening 2017
citeertitel: Re-integratieverordening Voorbeeld 2017
bron: { document: Raadsbesluit 2017 }
artikelen:
  - { nummer: "1", titel: Participatieplaats, tekst: Een participatieplaats is voor mensen van 30 jaar of ouder. }
  - { nummer: "2", geschrapt: true }
voorzieningen:
  participatieplaats:
    voorwaarden:
      - id: leeftijd
        artikel: "1"
        toets: { feit: leeftijd, tenMinste: 30 }
        uitleg: { ja: U bent 30 of ouder., nee: U bent jonger dan 30. }
  scholing: { geschrapt: true }
`;

function boom(bestanden: Record<string, string>) {
  const wortel = mkdtempSync(join(tmpdir(), 'basis-'));
  cpSync(join(STANDAARD_WORTEL, 'wet'), join(wortel, 'wet'), { recursive: true });
  const map = join(wortel, 'gemeente/voorbeeld/re-integratieverordening');
  mkdirSync(map, { recursive: true });
  for (const [naam, tekst] of Object.entries(bestanden)) writeFileSync(join(map, naam), tekst);
  return { wortel, map };
}

describe('een versie die op een andere rust (basis)', () => {
  it('neemt over wat ze niet zelf zegt, vervangt voorwaarden op id en schrapt wat geschrapt is', () => {
    const { wortel } = boom({ '2016-01-01.yaml': MODEL, '2017-01-01.yaml': AFWIJKING });
    const b = laadBibliotheek(wortel);
    expect(b.ok ? [] : b.fouten).toEqual([]);
    if (!b.ok) return;
    const v2017 = b.waarde.inWerking('voorbeeld/re-integratieverordening', '2017-06-01')!;
    expect(v2017.basis).toBe('voorbeeld/re-integratieverordening@2016-01-01');
    expect(v2017.gemeente?.slug).toBe('voorbeeld');
    expect(v2017.artikelen.map((a) => a.nummer)).toEqual(['1']);
    expect(Object.keys(v2017.voorzieningen ?? {})).toEqual(['participatieplaats']);
    expect(v2017.voorzieningen?.participatieplaats?.voorwaarden.map((v) => v.id)).toEqual([
      'leeftijd',
      'bijstand',
    ]);
    const engine = maakEngine(b.waarde);
    const casus = (peildatum: string) => ({
      gemeente: 'voorbeeld',
      peildatum,
      feiten: { geboortedatum: '1988-01-01', uitkering: 'algemene-bijstand' },
      aanvraag: { voorziening: 'participatieplaats' },
    });
    // 28 years old: the model allows it, the 2017 version (30 or older) does not.
    const oud = engine.evalueer(casus('2016-06-01'));
    const nieuw = engine.evalueer(casus('2017-06-01'));
    expect(oud.ok && oud.resultaat.voorzieningen[0]?.uitkomst).toBe('toegestaan');
    expect(nieuw.ok && nieuw.resultaat.voorzieningen[0]?.uitkomst).toBe('afgewezen');
    if (!nieuw.ok) return;
    expect(nieuw.resultaat.voorzieningen[0]?.gronden.map((g) => g.uitleg)).toContain(
      'U bent jonger dan 30. (artikel 1 van de Re-integratieverordening Voorbeeld 2017)',
    );
  });

  it('wijst een fout in een overgenomen regel aan in het bestand waar die regel staat', () => {
    const kapot = MODEL.replace(
      '{ feit: uitkering, is: algemene-bijstand }',
      '{ feit: uitkring, is: algemene-bijstand }',
    );
    const { wortel, map } = boom({ '2016-01-01.yaml': kapot, '2017-01-01.yaml': AFWIJKING });
    const b = laadBibliotheek(wortel);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    const fout = b.fouten.filter((f) => f.bericht.includes("'uitkring'"));
    // Reported once, in the model where the rule stands, not again in the version that inherits it.
    expect(fout).toEqual([
      expect.objectContaining({
        bestand: join(map, '2016-01-01.yaml'),
        pad: 'voorzieningen.participatieplaats.voorwaarden[1].toets.feit',
        regel: kapot.slice(0, kapot.indexOf('feit: uitkring')).split('\n').length,
      }),
    ]);
  });

  it('meldt een basis die niet bestaat, en een fout in de eigen regels in het eigen bestand', () => {
    const { wortel, map } = boom({
      '2017-01-01.yaml': AFWIJKING.replace('@2016-01-01', '@2015-01-01'),
    });
    const b = laadBibliotheek(wortel);
    expect(b.ok).toBe(false);
    if (b.ok) return;
    expect(b.fouten).toContainEqual(
      expect.objectContaining({
        bestand: join(map, '2017-01-01.yaml'),
        pad: 'basis',
        bericht: 'de basis voorbeeld/re-integratieverordening@2015-01-01 is niet geladen',
      }),
    );
    const eigenFout = AFWIJKING.replace('tenMinste: 30', 'tenMinste: dertig');
    const t = boom({ '2016-01-01.yaml': MODEL, '2017-01-01.yaml': eigenFout });
    const c = laadBibliotheek(t.wortel);
    expect(c.ok).toBe(false);
    if (c.ok) return;
    expect(c.fouten).toEqual([
      expect.objectContaining({
        bestand: join(t.map, '2017-01-01.yaml'),
        pad: 'voorzieningen.participatieplaats.voorwaarden[0].toets.tenMinste',
      }),
    ]);
  });
});
