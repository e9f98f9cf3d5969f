import { describe, expect, it } from 'vitest';
import { bezwaartermijnEinde, isFeestdag, paaszondag, verlengdeEinddatum } from '../src/kalender/index.ts';

// Every expected date below was worked out by hand from a calendar: six weeks after sending is the
// same weekday 42 days later (art. 6:8 Awb: the term starts the day after sending), then the
// Algemene termijnenwet moves an end on a Saturday, Sunday or a holiday of its art. 3 to the next
// day that is none of these.
describe('bezwaartermijn (art. 6:7, 6:8 Awb en Algemene termijnenwet)', () => {
  it.each([
    // sent            end            why
    ['2016-03-04', '2016-04-15', 'vrijdag na vrijdag: gewone werkdag'],
    ['2024-01-19', '2024-03-01', 'over 29 februari heen (schrikkeljaar)'],
    ['2024-03-02', '2024-04-15', 'eindigt op zaterdag 13 april: maandag'],
    ['2023-03-16', '2023-04-28', 'Koningsdag do 27 april 2023: vrijdag'],
    ['2013-03-19', '2013-05-01', 'Koninginnedag di 30 april 2013 (vóór 2014): woensdag'],
    ['2024-02-19', '2024-04-02', 'tweede paasdag ma 1 april 2024: dinsdag'],
    ['2024-02-16', '2024-03-29', 'Goede Vrijdag is geen feestdag van de Algemene termijnenwet'],
    ['2024-03-28', '2024-05-10', 'Hemelvaartsdag do 9 mei 2024: vrijdag'],
    ['2024-04-08', '2024-05-21', 'tweede pinksterdag ma 20 mei 2024: dinsdag'],
    ['2022-03-24', '2022-05-06', '5 mei 2022 (donderdag, geen lustrumjaar): vrijdag'],
    ['2023-03-24', '2023-05-08', '5 mei 2023 op vrijdag, dan het weekend: maandag'],
    ['2024-11-13', '2024-12-27', 'beide Kerstdagen wo 25 en do 26 december 2024: vrijdag'],
    ['2020-11-13', '2020-12-28', 'Kerst vr 25, za 26, zo 27 december 2020: maandag'],
    ['2025-11-13', '2025-12-29', 'Kerst do 25 en vr 26 december 2025, dan het weekend: maandag'],
    ['2020-11-20', '2021-01-04', 'Nieuwjaarsdag vr 1 januari 2021, dan het weekend: maandag'],
  ])('verzonden %s: laatste dag %s (%s)', (verzonden, einde) => {
    expect(bezwaartermijnEinde(verzonden)).toBe(einde);
  });

  it('kent paaszondag, ook in de vroegst en laatst mogelijke jaren', () => {
    expect(
      ['2008', '2016', '2019', '2024', '2025', '2038', '2285'].map((j) => paaszondag(Number(j))),
    ).toEqual([
      '2008-03-23',
      '2016-03-27',
      '2019-04-21',
      '2024-03-31',
      '2025-04-20',
      '2038-04-25',
      '2285-03-22',
    ]);
  });

  it('viert Koningsdag op zaterdag 26 april als 27 april een zondag is', () => {
    expect(isFeestdag('2025-04-26')).toBe(true);
    expect(isFeestdag('2025-04-27')).toBe(false);
    expect(isFeestdag('2014-04-26')).toBe(true);
  });

  it('laat een einddatum op een werkdag staan en verschuift een reeks vrije dagen in één keer', () => {
    expect(verlengdeEinddatum('2024-06-12')).toBe('2024-06-12');
    // Saturday 4 May, Sunday 5 May (also Bevrijdingsdag) 2024: Monday 6 May.
    expect(verlengdeEinddatum('2024-05-04')).toBe('2024-05-06');
  });
});
