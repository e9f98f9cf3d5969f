import { afterAll, describe, expect, it } from 'vitest';
import { impactCijfers, maakImpactteller, maakOordelenteller, zetImpactOp } from '../src/beleid/index.ts';
import type { Casus } from '../src/casus/index.ts';
import type { EvaluatieResultaat } from '../src/engine/index.ts';
import { laadOntwerp } from '../src/regelgeving/ontwerp.ts';
import { standaardEngine } from './helpers.ts';
import { ONTWERP_2027 } from './ontwerp-2027.ts';

/**
 * Which judgements the college gave under the 2015 version still answer the 2027 draft's questions.
 * The draft inherits article 20 (overgangsrecht) unchanged; that article protects what was granted
 * before 1 July 2015 under the ordinances it names, so a grant of 2025 is not asked again whether it
 * meets "the old ordinance's conditions", and its recorded judgements carry over.
 */

const engine = standaardEngine();
const geladen = laadOntwerp(engine.bibliotheek, 'dinkelland', '2027-01-01.yaml', ONTWERP_2027);
if (!geladen.ok) throw new Error(JSON.stringify(geladen.fouten));
afterAll(() => geladen.opruimen());
const opgezet = zetImpactOp(engine, { naar: geladen.pad, datum: '2027-01-01' });
if (!opgezet.ok) throw new Error(opgezet.fouten.join('; '));
const { opzet } = opgezet;

const jobcoaching = (toegekendOp: string, einddatum = '2028-12-31'): Casus => ({
  gemeente: 'dinkelland',
  peildatum: '2027-01-01',
  feiten: {
    geboortedatum: '1980-04-02',
    uitkering: 'algemene-bijstand',
    afstandTotArbeidsmarkt: 'groot',
    oordelen: { zonderOndersteuningNietInStaat: true },
  },
  aanvraag: { voorziening: 'jobcoaching', ingangsdatum: toegekendOp, toegekendOp, einddatum },
});
const onder = (versie: 'van' | 'naar', casus: Casus) => {
  const r: EvaluatieResultaat = opzet.engine.evalueer(casus, {
    vervang: new Map([[opzet[versie].id, opzet[versie]]]),
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.resultaat.voorzieningen[0]!;
};

describe('oordelen onder het ontwerp van Dinkelland 2027', () => {
  it('het geërfde artikel 20 spreekt van 1 juli 2015, ook in het ontwerp', () => {
    expect(opzet.naar.geldigVanaf).toBe('2027-01-01');
    expect(opzet.naar.overgangsrecht?.artikel).toBe('20');
    expect(opzet.naar.overgangsrechtSinds).toBe('2015-07-01');
    expect(opzet.van.overgangsrechtSinds).toBe('2015-07-01');
  });

  it('een toekenning van 2025 houdt haar oordeel; er komt geen vraag over oude voorwaarden bij', () => {
    const casus = jobcoaching('2025-03-01');
    const van = onder('van', casus);
    const naar = onder('naar', casus);
    expect(van.uitkomst).toBe('toegestaan');
    expect(naar.uitkomst).toBe('toegestaan');
    expect(naar.vragen).toEqual([]);
    expect(naar.gronden.filter((g) => g.soort === 'overgangsrecht')).toEqual([]);
    // The outcome-only batch that counts impact decides the same.
    const teller = maakImpactteller(opzet.batchVan, opzet.batchNaar);
    teller.tel(casus);
    const rij = impactCijfers(teller.stand).voorzieningen.find((v) => v.voorziening === 'jobcoaching')!;
    expect(rij.aanvragen.overgangen).toEqual([{ van: 'toegestaan', naar: 'toegestaan', aantal: 1 }]);
  });

  it('een toekenning van vóór 1 juli 2015 die nog loopt, valt onder artikel 20 lid 3, met zijn eigen vraag', () => {
    const naar = onder('naar', jobcoaching('2015-03-01'));
    expect(naar.vragen.map((q) => [q.feit, q.artikel])).toContainEqual([
      'voldoetAanOudeVoorwaarden',
      '20 lid 3',
    ]);
    expect(naar.uitkomst).toBe('ter-beoordeling');
  });
});

describe('welke aanvragen onder het ontwerp een nieuw oordeel nodig hebben, en waarom', () => {
  const leerwerktraject: Casus = {
    gemeente: 'dinkelland',
    peildatum: '2027-01-01',
    feiten: {
      geboortedatum: '2006-09-01',
      uitkering: 'algemene-bijstand',
      startkwalificatie: false,
      kanOnderwijsVolgen: false,
      oordelen: { ondersteuningJongereArt7a: true },
    },
    aanvraag: {
      voorziening: 'leerwerktraject',
      ingangsdatum: '2026-03-10',
      toegekendOp: '2026-03-10',
      duurMaanden: 12,
    },
  };

  it('artikel 13 geldt weer en vraagt zijn eigen oordeel; een jobcoaching van 2025 houdt het hare', () => {
    const { aanvraag: _geen, ...zonderAanvraag } = jobcoaching('2025-03-01');
    const teller = maakOordelenteller(opzet, new Set(['5', '13']));
    const impact = maakImpactteller(opzet.batchVan, opzet.batchNaar);
    for (const c of [leerwerktraject, jobcoaching('2025-03-01'), zonderAanvraag]) {
      teller.tel(c);
      impact.tel(c);
    }
    const u = teller.uitslag();
    expect(u.beoordeeld).toBe(2);
    expect(u.aanvragen).toBe(1);
    expect(u.vragen).toHaveLength(1);
    const q = u.vragen[0]!;
    expect(q).toMatchObject({
      voorziening: 'leerwerktraject',
      feit: 'leerwerktrajectNodig',
      artikel: '13',
      regeling: 'dinkelland/re-integratieverordening',
      aanvragen: 1,
      reden: {
        soort: 'weer-van-toepassing',
        vervallen: [{ artikel: '10f', per: '2026-01-01' }],
        nieuweGrondslag: ['7a'],
      },
      overgangen: [{ van: 'toegestaan', naar: 'ter-beoordeling', aantal: 1 }],
    });
    expect(q.uitleg).toBe(
      'Artikel 13 vraagt nu: „Is een leer-werktraject voor deze persoon nodig, en is de ondersteuning nodig om het leer-werktraject te volgen?” ' +
        'Onder de Re-integratieverordening Participatiewet gemeente Dinkelland 2015 past het systeem artikel 13 niet toe, ' +
        'omdat het rust op artikel 10f van de wet, dat sinds 1 januari 2026 vervallen is. ' +
        'Het ontwerp laat artikel 13 rusten op artikel 7a van de wet. Daardoor gelden de regels van artikel 13 weer, ook deze vraag.',
    );
    // The outcome-only impact counts the same move for the same voorziening.
    const rij = impactCijfers(impact.stand).voorzieningen.find((v) => v.voorziening === 'leerwerktraject')!;
    expect(rij.aanvragen.overgangen).toEqual([{ van: 'toegestaan', naar: 'ter-beoordeling', aantal: 1 }]);
  });

  it('een nog lopende toekenning van vóór 1 juli 2015 krijgt de vraag van het overgangsrecht, met die reden', () => {
    const teller = maakOordelenteller(opzet, new Set(['5', '13']));
    teller.tel(jobcoaching('2015-03-01'));
    const [q] = teller.uitslag().vragen;
    // Under the version in force the grant falls under article 20 too: the question is not new.
    expect(q).toBeUndefined();
    const opVan = onder('van', jobcoaching('2015-03-01'));
    expect(opVan.vragen.map((x) => x.feit)).toContain('voldoetAanOudeVoorwaarden');
  });
});

describe('een gewijzigde vraag krijgt een eigen sleutel', () => {
  it('een ontwerp dat een geërfde oordeel-sleutel een andere vraag geeft, wordt geweigerd met bestand, regel en pad', () => {
    const inhoud = `${ONTWERP_2027}  leerwerktraject:
    voorwaarden:
      - id: leerwerktraject-nodig
        artikel: "13"
        toets:
          oordeel: leerwerktrajectNodig
          vraag: Heeft deze jongere een leer-werktraject nodig?
        uitleg:
          ja: Het college vindt een leer-werktraject nodig.
          nee: Het college vindt een leer-werktraject niet nodig.
`;
    const g = laadOntwerp(engine.bibliotheek, 'dinkelland', '2027-01-01.yaml', inhoud);
    if (g.ok) g.opruimen();
    expect(g.ok).toBe(false);
    if (g.ok) return;
    expect(g.fouten).toEqual([
      expect.objectContaining({
        bestand: '2027-01-01.yaml',
        regel: inhoud.split('\n').findIndex((r) => r.includes('vraag: Heeft deze jongere')) + 1,
        pad: 'voorzieningen.leerwerktraject.voorwaarden[0].toets.vraag',
        bericht: expect.stringContaining(
          "oordeel 'leerwerktrajectNodig' stelt hier een andere vraag dan in dinkelland/re-integratieverordening@2015-07-01",
        ),
      }),
    ]);
    // The same question under its own key is accepted: no earlier judgement answers it.
    const eigen = laadOntwerp(
      engine.bibliotheek,
      'dinkelland',
      '2027-01-01.yaml',
      inhoud.replace('oordeel: leerwerktrajectNodig', 'oordeel: leerwerktrajectNodig2027'),
    );
    expect(eigen.ok, JSON.stringify(!eigen.ok && eigen.fouten)).toBe(true);
    if (eigen.ok) eigen.opruimen();
  });
});
