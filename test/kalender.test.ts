import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bereiktLeeftijdOp,
  datumgetal,
  eindeTermijnMaanden,
  isGeldigeDatum,
  leeftijdOp,
  naarDagnummer,
  plusDagen,
  plusMaanden,
  vanDagnummer,
} from '../src/kalender/index.ts';

describe('kalender', () => {
  it.each([
    ['2016-03-01', 3, '2016-05-31'],
    ['2016-03-01', 24, '2018-02-28'],
    ['2016-01-31', 1, '2016-02-29'],
    ['2015-01-31', 1, '2015-02-28'],
    ['2016-01-30', 1, '2016-02-29'],
    ['2016-01-29', 1, '2016-02-28'],
    ['2016-12-15', 2, '2017-02-14'],
    ['2017-08-31', 6, '2018-02-28'],
  ])('een termijn van %s plus %i maanden eindigt op %s', (ingang, maanden, einde) => {
    expect(eindeTermijnMaanden(ingang, maanden)).toBe(einde);
  });

  it.each([
    ['2016-01-31', 1, '2016-02-29'],
    ['2016-03-31', -1, '2016-02-29'],
    ['2016-03-01', 9, '2016-12-01'],
  ])('%s plus %i maanden is %s', (d, n, uit) => {
    expect(plusMaanden(d, n)).toBe(uit);
  });

  it('telt leeftijd in hele jaren, de dag voor de verjaardag nog niet', () => {
    expect(leeftijdOp('1989-03-02', '2016-03-01')).toBe(26);
    expect(leeftijdOp('1989-03-01', '2016-03-01')).toBe(27);
    expect(leeftijdOp('2000-02-29', '2017-02-28')).toBe(16);
    expect(leeftijdOp('2000-02-29', '2017-03-01')).toBe(17);
  });

  it('herkent bestaande datums', () => {
    expect(isGeldigeDatum('2016-02-29')).toBe(true);
    expect(isGeldigeDatum('2015-02-29')).toBe(false);
    expect(isGeldigeDatum('2015-13-01')).toBe(false);
    expect(isGeldigeDatum('2015-1-01')).toBe(false);
  });

  const datum = fc
    .date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('dagnummers gaan heen en terug zonder verlies', () => {
    fc.assert(fc.property(datum, (d) => vanDagnummer(naarDagnummer(d)) === d));
  });

  it('een dag verder is altijd een geldige, latere datum', () => {
    fc.assert(
      fc.property(
        datum,
        (d) =>
          isGeldigeDatum(plusDagen(d, 1)) &&
          plusDagen(d, 1) > d &&
          naarDagnummer(plusDagen(d, 1)) === naarDagnummer(d) + 1,
      ),
    );
  });

  it('een termijn van n maanden eindigt voor dezelfde dag n maanden later en valt in die maand of de maand ervoor', () => {
    fc.assert(
      fc.property(datum, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const einde = eindeTermijnMaanden(d, n);
        return isGeldigeDatum(einde) && einde >= d && einde < plusDagen(plusMaanden(d, n), 1);
      }),
    );
  });

  it('komt overeen met de kalender van het platform, zonder tijdzones', () => {
    fc.assert(
      fc.property(datum, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const verwacht = new Date(
          Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + n),
        )
          .toISOString()
          .slice(0, 10);
        return plusDagen(d, n) === verwacht;
      }),
    );
  });

  it('telt de leeftijd zoals de verjaardagen vallen: n jaar vanaf de dag dat n bereikt is, tot de dag dat n + 1 bereikt is', () => {
    fc.assert(
      fc.property(datum, fc.integer({ min: 0, max: 30_000 }), (geboren, dagen) => {
        const op = plusDagen(geboren, dagen);
        const n = leeftijdOp(geboren, op);
        return bereiktLeeftijdOp(geboren, 12 * n) <= op && op < bereiktLeeftijdOp(geboren, 12 * (n + 1));
      }),
    );
  });

  it('een datumgetal ordent zoals de datum en weigert wat geen datum is', () => {
    fc.assert(
      fc.property(
        datum,
        datum,
        (a, b) => Math.sign(datumgetal(a) - datumgetal(b)) === (a < b ? -1 : a > b ? 1 : 0),
      ),
    );
    for (const fout of [
      '2016-02-30',
      '2015-02-29',
      '2016-13-01',
      '2016-00-10',
      '2016-1-01',
      '20160101xx',
      '2016-01-0a',
    ])
      expect(() => datumgetal(fout), fout).toThrow(`geen geldige datum: ${fout}`);
    expect(datumgetal('2016-02-29')).toBe(20160229);
  });
});
