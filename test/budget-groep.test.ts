import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lokaleAuthenticator, maakGebruiker } from '../src/administratie/gebruikers.ts';
import { maakApp } from '../src/api/app.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

/**
 * The group commit books a group of grants on one budget at once, only when the whole group fits
 * both ceilings; a group that does not fit is booked one by one. Concurrent grants arrive as one
 * group, so the participant ceiling (Dinkelland art. 3) must stop the group at exactly the places
 * left, with the rest refused on that ground, and the amount ceiling likewise.
 */
const engine = standaardEngine();
const WACHTWOORD = 'groep-wachtwoord-1';
const JAARBEDRAG = 30_000;

describe.each(OPSLAGEN)('een groep toekenningen tegen het plafond op $naam', ({ open }) => {
  let opslag: Opslag;
  let app: ReturnType<typeof maakApp>;
  let token: string;
  let cm: string;

  beforeAll(async () => {
    opslag = await open(engine);
    app = maakApp({
      db: opslag.db,
      engine,
      kluis: maakBsnKluis(TEST_SLEUTEL),
      authenticator: lokaleAuthenticator(opslag.db),
      vandaag: () => '2016-06-01',
    });
    cm = await maakGebruiker(opslag.db, {
      gebruikersnaam: 'cm',
      naam: 'cm',
      wachtwoord: WACHTWOORD,
      rollen: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
    });
    const r = await app.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gebruikersnaam: 'cm', wachtwoord: WACHTWOORD }),
    });
    expect(r.status).toBe(200);
    token = ((await r.json()) as { token: string }).token;
  }, 60_000);
  afterAll(async () => {
    await opslag?.sluit();
  });

  async function gelijktijdig(aantal: number, prefix: string) {
    const ids = (
      await opslag.db
        .insertInto('inwoner')
        .values(
          Array.from({ length: aantal }, (_, i) => ({
            gemeente: 'dinkelland',
            bsnHash: `${prefix}-${i}`,
            bsnVersleuteld: 'v1:x:y:z',
            naam: `Groep ${prefix}-${i}`,
            geboortedatum: '1980-01-01',
            casemanagerId: cm,
          })),
        )
        .returning('id')
        .execute()
    ).map((r) => r.id);
    await opslag.db
      .insertInto('feit')
      .values(
        ids.map((inwonerId) => ({
          gemeente: 'dinkelland',
          inwonerId,
          naam: 'uitkering',
          waarde: JSON.stringify('algemene-bijstand'),
          geldigVanaf: '2016-01-01',
          bron: 'test',
          vastgelegdDoor: cm,
        })),
      )
      .execute();
    return Promise.all(
      ids.map(async (inwonerId) => {
        const r = await app.request('/gemeenten/dinkelland/beschikkingen', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            inwonerId,
            soort: 'toekenning',
            peildatum: '2016-05-01',
            aanvraag: {
              voorziening: 'participatieplaats',
              ingangsdatum: '2016-05-01',
              duurMaanden: 12,
              urenPerWeek: 24,
              voldoendeMeegewerkt: true,
            },
            oordelen: {
              participatieplaatsPassend: { antwoord: true, motivering: 'Passend gezien de afstand.' },
            },
          }),
        });
        const body = (await r.json()) as {
          id: string;
          soort?: string;
          motivering?: { plafond?: { uitleg: string } };
          resultaat: { voorzieningen: { uitkomst: string; gronden: { artikel: string }[] }[] };
        };
        return { status: r.status, soort: body.soort, plafond: body.motivering?.plafond?.uitleg, body };
      }),
    );
  }

  const budget = () =>
    opslag.db
      .selectFrom('budget')
      .select(['besteedCent', 'deelnemers'])
      .where('gemeente', '=', 'dinkelland')
      .where('jaar', '=', 2016)
      .where('voorziening', '=', 'participatieplaats')
      .executeTakeFirstOrThrow();

  it('kent bij 12 gelijktijdige toekenningen precies de 3 vrije deelnemersplaatsen toe', async () => {
    await opslag.db
      .insertInto('budget')
      .values({
        gemeente: 'dinkelland',
        jaar: 2016,
        voorziening: 'participatieplaats',
        plafondCent: 1_000 * JAARBEDRAG,
        deelnemersplafond: 3,
        artikel: '3 lid 1',
      })
      .execute();
    const antwoorden = await gelijktijdig(12, 'deelnemers');
    expect(antwoorden.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(antwoorden.filter((a) => a.soort === 'toekenning')).toHaveLength(3);
    const afgewezen = antwoorden.filter((a) => a.soort === 'afwijzing');
    expect(afgewezen).toHaveLength(9);
    for (const a of afgewezen) expect(a.plafond).toContain('plafond van 3 deelnemers');
    expect(await budget()).toEqual({ besteedCent: 3 * JAARBEDRAG, deelnemers: 3 });
    // The answer's text is written from the result serialised once for the row: a refusal on the
    // ceiling answers and stores the refused result with the ceiling's ground, a grant the granted one.
    const opgeslagen = new Map(
      (
        await opslag.db
          .selectFrom('beschikking')
          .select(['id', 'resultaat'])
          .where(
            'id',
            'in',
            antwoorden.map((a) => a.body.id),
          )
          .execute()
      ).map((r) => [r.id, r.resultaat]),
    );
    for (const a of antwoorden) {
      const v = a.body.resultaat.voorzieningen[0]!;
      expect(v.uitkomst).toBe(a.soort === 'toekenning' ? 'toegestaan' : 'afgewezen');
      expect(v.gronden.some((g) => g.artikel === '3 lid 1')).toBe(a.soort === 'afwijzing');
      expect(opgeslagen.get(a.body.id)).toEqual(a.body.resultaat);
      expect(Object.keys(a.body)).toEqual([
        'id',
        'gemeente',
        'inwonerId',
        'soort',
        'voorziening',
        'uitkomst',
        'peildatum',
        'besluitdatum',
        'ingangsdatum',
        'einddatum',
        'jaarbedragCent',
        'regelingen',
        'motivering',
        'resultaat',
        'beeindigingsgrond',
        'vorigeId',
      ]);
    }
  }, 60_000);

  it('kent bij 12 gelijktijdige toekenningen precies wat in het budgetplafond past toe', async () => {
    // Room for 2 more grants by amount; the participant ceiling no longer binds.
    await opslag.db
      .updateTable('budget')
      .set({ plafondCent: 5 * JAARBEDRAG + JAARBEDRAG / 2, deelnemersplafond: null })
      .execute();
    const antwoorden = await gelijktijdig(12, 'bedrag');
    expect(antwoorden.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(antwoorden.filter((a) => a.soort === 'toekenning')).toHaveLength(2);
    for (const a of antwoorden.filter((x) => x.soort === 'afwijzing'))
      expect(a.plafond).toContain('Het budgetplafond voor deze voorziening in 2016');
    expect(await budget()).toEqual({ besteedCent: 5 * JAARBEDRAG, deelnemers: 5 });
    // With room for the whole group, all are granted in one booking.
    await opslag.db
      .updateTable('budget')
      .set({ plafondCent: 100 * JAARBEDRAG })
      .execute();
    const ruim = await gelijktijdig(8, 'ruim');
    expect(ruim.map((a) => a.soort)).toEqual(Array(8).fill('toekenning'));
    expect(await budget()).toEqual({ besteedCent: 13 * JAARBEDRAG, deelnemers: 13 });
  }, 60_000);
});
