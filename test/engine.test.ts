import { describe, expect, it } from 'vitest';
import type { VoorzieningUitkomst } from '../src/engine/index.ts';
import { standaardEngine } from './helpers.ts';

const engine = standaardEngine();

function dinkelland(
  aanvraag: Record<string, unknown>,
  feiten: Record<string, unknown> = {},
  peildatum = '2016-03-01',
) {
  const r = engine.evalueer({
    gemeente: 'dinkelland',
    peildatum,
    feiten: { geboortedatum: '1985-06-15', uitkering: 'algemene-bijstand', ...feiten },
    aanvraag: {
      voorziening: 'participatieplaats',
      ingangsdatum: peildatum,
      duurMaanden: 24,
      urenPerWeek: 24,
      voldoendeMeegewerkt: true,
      ...aanvraag,
    },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.fout));
  expect(r.resultaat.voorzieningen).toHaveLength(1);
  return { resultaat: r.resultaat, v: r.resultaat.voorzieningen[0] as VoorzieningUitkomst };
}

const cites = (v: VoorzieningUitkomst, regeling: string, artikel: string, voldaan?: boolean) =>
  v.gronden.some(
    (g) =>
      g.regeling === regeling && g.artikel === artikel && (voldaan === undefined || g.voldaan === voldaan),
  );

describe('Dinkelland 2015, participatieplaats op 1 maart 2016', () => {
  it('is ter beoordeling met de vraag van art. 15 lid 1 zolang het college niet heeft geoordeeld', () => {
    const { v } = dinkelland({});
    expect(v.uitkomst).toBe('ter-beoordeling');
    expect(v.vragen).toEqual([
      expect.objectContaining({
        feit: 'participatieplaatsPassend',
        artikel: '15 lid 1',
        regeling: 'dinkelland/re-integratieverordening',
      }),
    ]);
    expect(v.vragen[0]?.vraag).toMatch(/afstand/);
    // The amounts and terms that would apply are shown already.
    expect(v.bedragen.premie).toMatchObject({ cent: 15000, per: '6 maanden', artikel: '15 lid 5' });
    expect(v.termijnen.maximaleEinddatum).toBe('2018-02-28');
  });

  it('is toegestaan zodra het oordeel ja is, met premie van art. 15 lid 5 en evaluatiemomenten', () => {
    const { v, resultaat } = dinkelland({}, { oordelen: { participatieplaatsPassend: true } });
    expect(v.uitkomst).toBe('toegestaan');
    expect(v.vragen).toEqual([]);
    expect(v.bedragen.premie).toEqual({
      cent: 15000,
      per: '6 maanden',
      artikel: '15 lid 5',
      regeling: 'dinkelland/re-integratieverordening',
      omschrijving: expect.any(String),
    });
    expect(v.termijnen.evaluatiemomenten.map((m) => [m.datum, m.artikel])).toEqual([
      ['2016-09-01', '10a lid 5'],
      ['2016-12-01', '10a lid 8'],
      ['2018-02-28', '10a lid 9'],
    ]);
    expect(v.termijnen.betaalmomenten.map((m) => m.datum)).toEqual([
      '2016-09-01',
      '2017-03-01',
      '2017-09-01',
      '2018-03-01',
    ]);
    expect(resultaat.regelingen.map((r) => r.id)).toEqual([
      'dinkelland/re-integratieverordening',
      'participatiewet',
    ]);
    expect(resultaat.regelingen.every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it('geeft bij precies 20 uur geen premie en noemt "meer dan 20 uur"', () => {
    const { v } = dinkelland({ urenPerWeek: 20 }, { oordelen: { participatieplaatsPassend: true } });
    expect(v.uitkomst).toBe('toegestaan');
    expect(v.bedragen.premie).toBeUndefined();
    const grond = v.gronden.find((g) => g.soort === 'bedrag' && g.artikel === '15 lid 5');
    expect(grond?.voldaan).toBe(false);
    expect(grond?.uitleg).toMatch(/meer dan 20 uur/);
    expect(grond?.feiten).toMatchObject({ urenPerWeek: 20 });
  });

  it('geeft bij 20,5 uur wel premie', () => {
    const { v } = dinkelland({ urenPerWeek: 20.5 }, { oordelen: { participatieplaatsPassend: true } });
    expect(v.bedragen.premie?.cent).toBe(15000);
  });

  it('wijst af voor iemand van 25, met art. 15 lid 1 en de 27-jaarsgrens van de wet', () => {
    const { v } = dinkelland({}, { geboortedatum: '1990-06-15', kanOnderwijsVolgen: false });
    expect(v.uitkomst).toBe('afgewezen');
    expect(cites(v, 'dinkelland/re-integratieverordening', '15 lid 1', false)).toBe(true);
    expect(cites(v, 'participatiewet', '7 lid 8', false)).toBe(true);
    const wet = v.gronden.find((g) => g.regeling === 'participatiewet' && g.artikel === '7 lid 8');
    expect(wet?.uitleg).toBe(
      'U bent 25 jaar op de eerste dag. Volgens de wet is een participatieplaats niet voor mensen jonger dan 27 jaar. (artikel 7 lid 8 van de Participatiewet)',
    );
  });

  it('legt elke grond uit met het artikel en de gebruikte feiten', () => {
    const { v } = dinkelland({}, { oordelen: { participatieplaatsPassend: true } });
    for (const g of v.gronden) {
      expect(g.uitleg).toMatch(/\(artikel \S+.* van de .+\)$/);
      expect(g.uitleg.length).toBeLessThan(400);
    }
    const leeftijd = v.gronden.find((g) => g.voorwaarde === 'wet-27-jaar');
    expect(leeftijd?.feiten).toEqual({ leeftijd: 30 });
    expect(leeftijd?.uitleg).toMatch(/U bent 30 jaar/);
  });

  it('wijst een verlenging zonder andere omgeving af (art. 10a lid 9)', () => {
    const { v } = dinkelland(
      { duurMaanden: 36, verlengingen: 1, andereOmgeving: false },
      { oordelen: { participatieplaatsPassend: true, verlengingParticipatieplaatsAanmerkelijk: true } },
    );
    expect(v.uitkomst).toBe('afgewezen');
    expect(cites(v, 'participatiewet', '10a lid 9', false)).toBe(true);
    expect(v.termijnen.maximaleEinddatum).toBe('2019-02-28');
  });

  it('wijst een derde verlenging af', () => {
    const { v } = dinkelland(
      { duurMaanden: 60, verlengingen: 3, andereOmgeving: true },
      { oordelen: { participatieplaatsPassend: true, verlengingParticipatieplaatsAanmerkelijk: true } },
    );
    expect(v.uitkomst).toBe('afgewezen');
    expect(
      v.gronden.some(
        (g) => g.soort === 'termijn' && g.voldaan === false && /ten hoogste 2 keer/.test(g.uitleg),
      ),
    ).toBe(true);
  });
});

describe('onbepaald en fouten', () => {
  it('noemt wat ontbreekt in plaats van te gokken', () => {
    const r = engine.evalueer({
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: { uitkering: 'algemene-bijstand' },
      aanvraag: { voorziening: 'participatieplaats' },
    });
    expect(r.ok && r.resultaat.voorzieningen[0]?.uitkomst).toBe('onbepaald');
    // Without a birth date the engine cannot tell whether the under-27 rule applies. A compound rule asks
    // for its facts in order: whether the person can follow education matters only once he is under 27.
    expect(r.ok && r.resultaat.voorzieningen[0]?.ontbrekendeFeiten).toEqual(['geboortedatum']);
  });

  /** A loonkostensubsidie request at 36 of 38 hours and a loonwaarde of 40%, judged on a date. */
  const loonkostensubsidie = (
    gemeente: string,
    peildatum: string,
    extra: Record<string, unknown> = { normaleArbeidsduur: 38 },
  ) => {
    const r = engine.evalueer({
      gemeente,
      peildatum,
      feiten: {
        geboortedatum: '1980-01-01',
        uitkering: 'algemene-bijstand',
        doelgroepLoonkostensubsidie: true,
        loonwaardePercentage: 40,
      },
      aanvraag: { voorziening: 'loonkostensubsidie', urenPerWeek: 36, ...extra },
    });
    if (!r.ok) throw new Error('verwacht een uitkomst');
    return r.resultaat.voorzieningen[0]!;
  };

  it('geeft een onbekend bedrag als null met de ontbrekende feiten, niet als getal', () => {
    // March 2016 (before 4 July 2016): the loonwaarde is a share of the job's own wage, and the subsidy
    // is reduced below the job's normal hours (art. 10d lid 4, text of 2015): both facts are needed.
    const lks = loonkostensubsidie('dinkelland', '2016-03-01', {});
    expect(lks.bedragen.subsidiePerMaand?.cent).toBeNull();
    expect(lks.bedragen.subsidiePerMaand?.ontbrekend).toEqual(
      expect.arrayContaining(['normaleArbeidsduur', 'functieloonPerMaandCent']),
    );
    expect(lks.bedragen.subsidiePerMaand?.ontbrekend).not.toContain('parameter:wml-per-uur');
  });

  it('rekent loonkostensubsidie uit met het minimumloon per maand, naar rato van 36 uur', () => {
    const lks = loonkostensubsidie('groningen', '2026-02-01');
    // € 2.294,40 × 1,08 × 36/36 × (1 − 0,40) = € 1.486,77 (148677,12 cent, half naar boven afgerond);
    // werkgeverslasten 23,5% daarover: € 349,39.
    expect(lks.bedragen.subsidiePerMaand?.cent).toBe(148677);
    expect(lks.bedragen.werkgeverslastenPerMaand?.cent).toBe(34939);
  });

  it('noemt het minimumloon na 30 juni 2026 onbekend in plaats van het oude bedrag door te trekken', () => {
    // The minimum wage is indexed on 1 July; the figure per 1 July 2026 is not in our sources.
    expect(loonkostensubsidie('groningen', '2026-06-30').bedragen.subsidiePerMaand?.cent).toBe(148677);
    const juli = loonkostensubsidie('groningen', '2026-07-01');
    expect(juli.bedragen.subsidiePerMaand?.cent).toBeNull();
    expect(juli.bedragen.subsidiePerMaand?.ontbrekend).toContain('parameter:wml-per-maand');
    // The sentence names the figure as a client would, not by its technical id.
    const zin = juli.gronden.find(
      (g) => g.soort === 'bedrag' && g.uitleg.includes('nog niet te berekenen'),
    )?.uitleg;
    expect(zin).toMatch(/want het minimumloon per maand ontbreekt/);
    expect(zin).not.toMatch(/wml-per-maand/);
  });

  it('meldt een ongeldige casus met het pad van het veld', () => {
    const r = engine.evalueer({ gemeente: 'dinkelland', peildatum: '2016-02-30', feiten: { uitkring: 'x' } });
    expect(r.ok).toBe(false);
    if (r.ok || r.fout.code !== 'ongeldige-casus') throw new Error('verwacht ongeldige-casus');
    expect(r.fout.fouten.map((f) => f.pad).sort()).toEqual(['feiten.uitkring', 'peildatum']);
  });

  it('kent geen regeling voor de inwerkingtreding', () => {
    const r = engine.evalueer({ gemeente: 'dinkelland', peildatum: '2015-06-30', feiten: {} });
    expect(!r.ok && r.fout.code).toBe('geen-regeling');
  });
});

describe('de wet gaat voor (2026)', () => {
  it('meldt dat art. 13 Dinkelland op het vervallen art. 10f rust en past de wet toe', () => {
    const r = engine.evalueer({
      gemeente: 'dinkelland',
      peildatum: '2026-02-01',
      feiten: { geboortedatum: '2006-01-01', uitkering: 'algemene-bijstand', startkwalificatie: false },
      aanvraag: { voorziening: 'leerwerktraject' },
    });
    if (!r.ok) throw new Error('verwacht een uitkomst');
    expect(r.resultaat.conflicten).toContainEqual(
      expect.objectContaining({ soort: 'vervallen', artikel: '13', met: 'participatiewet 10f' }),
    );
    const v = r.resultaat.voorzieningen[0]!;
    expect(
      v.gronden
        .filter((g) => g.regeling === 'dinkelland/re-integratieverordening')
        .every((g) => g.soort === 'buiten-toepassing'),
    ).toBe(true);
    expect(v.gronden.some((g) => g.regeling === 'participatiewet' && g.artikel.startsWith('7a'))).toBe(true);
    expect(v.uitkomst).toBe('ter-beoordeling');
    expect(v.vragen.map((q) => q.feit)).toEqual(['ondersteuningJongereArt7a']);
  });

  it('beperkt de proefplaats van Dinkelland (3 maanden) tot de wettelijke 2 maanden', () => {
    const r = engine.evalueer({
      gemeente: 'dinkelland',
      peildatum: '2026-03-02',
      feiten: {
        geboortedatum: '1980-01-01',
        uitkering: 'algemene-bijstand',
        oordelen: { proefplaatsPassend: true },
      },
      aanvraag: { voorziening: 'proefplaats', ingangsdatum: '2026-03-02', duurMaanden: 3 },
    });
    if (!r.ok) throw new Error('verwacht een uitkomst');
    const v = r.resultaat.voorzieningen[0]!;
    expect(v.termijnen.maximaleEinddatum).toBe('2026-05-01');
    // Asked for 3 months, granted for the law's 2: the rest is refused, not the proefplaats.
    expect(v.uitkomst).toBe('toegestaan');
    expect(v.termijnen.einddatum).toBe('2026-05-01');
    expect(r.resultaat.conflicten).toContainEqual(
      expect.objectContaining({ soort: 'strijdig', artikel: '5', met: 'participatiewet 8a lid 2 onder d' }),
    );
  });
});

describe('hardheidsclausule', () => {
  const basis = {
    gemeente: 'dinkelland',
    peildatum: '2016-03-01',
    feiten: {
      geboortedatum: '1980-01-01',
      uitkering: 'algemene-bijstand',
      eerderActiefOpArbeidsmarkt: true,
      langdurigWerkloos: false,
    },
    aanvraag: { voorziening: 'werkstage' },
  };

  it('wordt nooit vanzelf toegepast', () => {
    const r = engine.evalueer(basis);
    expect(r.ok && r.resultaat.voorzieningen[0]?.uitkomst).toBe('afgewezen');
  });

  it('telt een vastgelegde afwijking van een gemeentelijke voorwaarde mee en meldt wie en waarom', () => {
    const afgewezen = engine.evalueer(basis);
    if (!afgewezen.ok) throw new Error('verwacht een uitkomst');
    const gemeentelijk = afgewezen.resultaat.voorzieningen[0]!.gronden.find(
      (g) => g.voldaan === false && g.regeling === 'dinkelland/re-integratieverordening',
    );
    expect(gemeentelijk?.voorwaarde).toBeDefined();
    const r = engine.evalueer({
      ...basis,
      feiten: {
        ...basis.feiten,
        afwijkingen: [
          {
            artikel: '18',
            voorwaarde: gemeentelijk!.voorwaarde!,
            door: 'teamleider werk',
            reden: 'Na 10 jaar mantelzorg is de persoon feitelijk ver van de arbeidsmarkt.',
          },
        ],
      },
    });
    if (!r.ok) throw new Error('verwacht een uitkomst');
    expect(r.resultaat.afwijkingen).toEqual([
      expect.objectContaining({ artikel: '18', toegepast: true, door: 'teamleider werk' }),
    ]);
    const grond = r.resultaat.voorzieningen[0]!.gronden.find(
      (g) => g.voorwaarde === gemeentelijk!.voorwaarde,
    );
    expect(grond).toMatchObject({ soort: 'afwijking', voldaan: true });
  });

  it('kan niet afwijken van de wet', () => {
    const r = engine.evalueer({
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: {
        geboortedatum: '1990-06-15',
        uitkering: 'algemene-bijstand',
        kanOnderwijsVolgen: false,
        afwijkingen: [
          {
            artikel: '18',
            voorwaarde: 'wet-27-jaar',
            door: 'wethouder',
            reden: 'Bijzondere omstandigheden van deze persoon.',
          },
        ],
      },
      aanvraag: { voorziening: 'participatieplaats' },
    });
    if (!r.ok) throw new Error('verwacht een uitkomst');
    expect(r.resultaat.afwijkingen[0]?.toegepast).toBe(false);
    expect(r.resultaat.voorzieningen[0]?.uitkomst).toBe('afgewezen');
  });
});
