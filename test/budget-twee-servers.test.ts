import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lokaleAuthenticator, maakGebruiker } from '../src/administratie/gebruikers.ts';
import { maakApp } from '../src/api/app.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import { openOpslag, type Opslag } from '../src/opslag/database.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

/**
 * Issue 12 item 9: the budget ceiling holds when two servers book against one PostgreSQL. Each
 * server has its own connection pool and its own group commit, as two server processes would, so
 * nothing in the application serialises their grants: only the row lock on the budget (`FOR UPDATE`
 * in boekToekenningen) does. One server alone would pass without it, since its group commit writes
 * one group at a time.
 */
const engine = standaardEngine();
const POSTGRES = OPSLAGEN.filter((o) => o.naam === 'postgres');
const WACHTWOORD = 'race-wachtwoord-1';

describe.skipIf(POSTGRES.length === 0)('budgetplafond met twee servers op één PostgreSQL', () => {
  let eerste: Opslag;
  let tweede: Opslag;
  let apps: ReturnType<typeof maakApp>[];
  const tokens: string[] = [];
  let cm: string;

  beforeAll(async () => {
    eerste = await POSTGRES[0]!.open(engine);
    tweede = await openOpslag(
      { dataDir: '', databaseUrl: process.env.DATABASE_URL! },
      { schema: eerste.schema! },
    );
    apps = [eerste, tweede].map((o) =>
      maakApp({
        db: o.db,
        engine,
        kluis: maakBsnKluis(TEST_SLEUTEL),
        authenticator: lokaleAuthenticator(o.db),
        vandaag: () => '2016-06-01',
      }),
    );
    cm = await maakGebruiker(eerste.db, {
      gebruikersnaam: 'cm',
      naam: 'cm',
      wachtwoord: WACHTWOORD,
      rollen: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
    });
    for (const app of apps) {
      const r = await app.request('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ gebruikersnaam: 'cm', wachtwoord: WACHTWOORD }),
      });
      expect(r.status).toBe(200);
      tokens.push(((await r.json()) as { token: string }).token);
    }
  }, 60_000);
  afterAll(async () => {
    await tweede?.sluit();
    await eerste?.sluit();
  });

  it('kent in 6 rondes van 40 gelijktijdige toekenningen over beide servers precies de ruimte toe', async () => {
    await eerste.db
      .insertInto('budget')
      .values({
        gemeente: 'dinkelland',
        jaar: 2016,
        voorziening: 'participatieplaats',
        plafondCent: 0,
        deelnemersplafond: null,
        artikel: '3 lid 1',
      })
      .execute();
    for (let ronde = 0; ronde < 6; ronde++) {
      // Room for exactly 3 more grants of 30,000 cent each round.
      const plafondCent = (ronde + 1) * 90_000 + 10_000;
      await eerste.db.updateTable('budget').set({ plafondCent }).execute();
      const ids = (
        await eerste.db
          .insertInto('inwoner')
          .values(
            Array.from({ length: 40 }, (_, i) => ({
              gemeente: 'dinkelland',
              bsnHash: `twee-${ronde}-${i}`,
              bsnVersleuteld: 'v1:x:y:z',
              naam: `Twee ${ronde}-${i}`,
              geboortedatum: '1980-01-01',
              casemanagerId: cm,
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id);
      await eerste.db
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
      const antwoorden = await Promise.all(
        ids.map(async (inwonerId, i) => {
          const r = await apps[i % 2]!.request('/gemeenten/dinkelland/beschikkingen', {
            method: 'POST',
            headers: {
              authorization: `Bearer ${tokens[i % 2]}`,
              'content-type': 'application/json',
              'x-doel': 'uitvoering re-integratie',
            },
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
          return { status: r.status, soort: ((await r.json()) as { soort?: string }).soort };
        }),
      );
      expect(
        antwoorden.map((a) => a.status).filter((s) => s !== 201),
        `ronde ${ronde + 1}`,
      ).toEqual([]);
      expect(
        antwoorden.filter((a) => a.soort === 'toekenning'),
        `ronde ${ronde + 1}`,
      ).toHaveLength(3);
      const budget = await eerste.db.selectFrom('budget').selectAll().executeTakeFirstOrThrow();
      expect(Number(budget.besteedCent)).toBe((ronde + 1) * 90_000);
      expect(budget.deelnemers).toBe((ronde + 1) * 3);
    }
  }, 180_000);
});
