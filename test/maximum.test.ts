import { describe, expect, it } from 'vitest';
import { maakEngine, maakReferentieEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';

/**
 * A request longer than the maximum is granted up to it (src/engine/beslissing.ts, `langerWaarheid`,
 * `toegekendeEinddatum`). The conformance cases run on the compiled path, which hands a case to the
 * reference only for what it does not compile; here each case runs on both, so a rule dropped from
 * either one fails: same outcome, same granted end, and the same result as a whole.
 */

const b = laadBibliotheek();
if (!b.ok) throw new Error('regelgeving laadt niet');
const snel = maakEngine(b.waarde);
const referentie = maakReferentieEngine(b.waarde);

interface Geval {
  readonly naam: string;
  readonly casus: unknown;
  readonly uitkomst: string;
  /** The granted end; null when it hangs on an open question. */
  readonly einddatum: string | null;
}

const GEVALLEN: readonly Geval[] = [
  {
    naam: 'Dinkelland, participatieplaats van 30 maanden: toegekend voor 2 jaar, zonder derde jaar',
    casus: {
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: {
        geboortedatum: '1970-01-20',
        uitkering: 'algemene-bijstand',
        oordelen: { participatieplaatsPassend: true },
      },
      aanvraag: { voorziening: 'participatieplaats', ingangsdatum: '2016-03-01', duurMaanden: 30 },
    },
    uitkomst: 'toegestaan',
    einddatum: '2018-02-28',
  },
  {
    naam: 'Dinkelland 2024, proefplaats van 4 maanden, uitkering onbekend: de laatste dag is open',
    casus: {
      gemeente: 'dinkelland',
      peildatum: '2024-03-01',
      feiten: { geboortedatum: '1980-11-02', oordelen: { proefplaatsPassend: true } },
      aanvraag: { voorziening: 'proefplaats', ingangsdatum: '2024-03-01', duurMaanden: 4 },
    },
    uitkomst: 'onbepaald',
    einddatum: null,
  },
  {
    naam: 'Groningen, proefplaats tot en met 1 mei 2024, uitkering onbekend: wet en verordening eindigen op één dag',
    casus: {
      gemeente: 'groningen',
      peildatum: '2024-03-01',
      feiten: { geboortedatum: '1985-02-11', oordelen: { geschiktVoorWerkVerwacht: true } },
      aanvraag: {
        voorziening: 'proefplaats',
        ingangsdatum: '2024-03-01',
        einddatum: '2024-05-01',
        contractToegezegdMaanden: 6,
      },
    },
    uitkomst: 'onbepaald',
    einddatum: '2024-04-30',
  },
  {
    naam: 'Zevenaar, overgangsrecht: de afgesproken 31 mei 2019 wordt 31 december 2017, zonder derde jaar',
    casus: {
      gemeente: 'zevenaar',
      peildatum: '2017-06-01',
      feiten: {
        geboortedatum: '1975-11-30',
        uitkering: 'algemene-bijstand',
        oordelen: { participatieplaatsPassend: true, voldoetAanVoorwaardenOudeVerordening: true },
      },
      aanvraag: {
        voorziening: 'participatieplaats',
        toegekendOp: '2016-06-01',
        ingangsdatum: '2016-06-01',
        einddatum: '2019-05-31',
        verlengingen: 1,
        urenPerWeek: 20,
        voldoendeMeegewerkt: true,
      },
    },
    uitkomst: 'toegestaan',
    einddatum: '2017-12-31',
  },
];

describe('een te lange aanvraag, op beide paden', () => {
  for (const g of GEVALLEN)
    it(g.naam, () => {
      const uitslagen = [snel, referentie].map((e) => {
        const r = e.evalueer(g.casus as never);
        if (!r.ok) throw new Error(r.fout.code);
        return r.resultaat;
      });
      for (const r of uitslagen) {
        const v = r.voorzieningen[0]!;
        expect(v.uitkomst).toBe(g.uitkomst);
        expect(v.termijnen.einddatum).toBe(g.einddatum);
        // A day that is not known is never stated; the reason is, instead.
        if (g.einddatum === null) expect(v.termijnen.einddatumOpen).toMatch(/algemene bijstand/);
        else expect(v.termijnen.einddatumOpen).toBeUndefined();
      }
      expect(uitslagen[0]).toEqual(uitslagen[1]);
    });
});
