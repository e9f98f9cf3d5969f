import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vulDemo } from '../src/api/demo.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import type { DocumentContext } from '../src/documenten/brieven.ts';
import { laadDocumentConfiguratie } from '../src/documenten/configuratie.ts';
import { DOCUMENT_TAKEN, planDocumentTaken, vorigeMaand } from '../src/documenten/taken.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { openWachtrij, type Wachtrij, wachtrijSchema } from '../src/opslag/wachtrij.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

const engine = standaardEngine();
const kluis = maakBsnKluis(TEST_SLEUTEL);
const config = laadDocumentConfiguratie();
if (!config.ok) throw new Error(JSON.stringify(config.fouten));
// Dinkelland reports per quarter here: the period is the gemeente's setting, not a constant.
const instellingen = new Map(config.waarde);
const d = instellingen.get('dinkelland')!;
instellingen.set('dinkelland', {
  ...d,
  voortgangsrapportage: { ...d.voortgangsrapportage, periodenPerJaar: 4 },
});
const ctx: DocumentContext = { bibliotheek: engine.bibliotheek, configuratie: instellingen };
const GEMEENTEN = [...instellingen.keys()].sort();

describe.each(OPSLAGEN)('geplande documenten op pg-boss op $naam', ({ open }) => {
  let opslag: Opslag;
  let wachtrij: Wachtrij;

  /** Sends a job and waits (bounded) until a worker has taken and finished it, or failed it once. */
  async function voerUit(naam: string, data: object) {
    const id = await wachtrij.stuur(naam, data);
    for (let i = 0; i < 1200; i++) {
      const t = await wachtrij.taak(naam, id);
      if (t && ['completed', 'failed', 'cancelled', 'retry'].includes(t.status)) return t;
      await new Promise((klaar) => setTimeout(klaar, 50));
    }
    throw new Error(`taak ${naam} ${id} niet afgerond`);
  }
  const opgeslagen = (soort: 'voortgangsrapportage' | 'srg-levering') =>
    opslag.db
      .selectFrom('document')
      .select(['gemeente', 'sleutel', 'formaat'])
      .where('soort', '=', soort)
      .orderBy('gemeente')
      .orderBy('sleutel')
      .orderBy('formaat')
      .execute();

  beforeAll(async () => {
    opslag = await open(engine);
    await vulDemo(opslag.db, engine, kluis, { perGemeente: 20 });
    wachtrij = await openWachtrij(opslag, {
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
      pollSeconden: 0.5,
    });
    await planDocumentTaken(wachtrij, opslag.db, { ctx, kluis, vandaag: () => '2026-11-02', inhalen: false });
  }, 120_000);

  afterAll(async () => {
    await wachtrij?.stop();
    if (opslag?.soort === 'postgres')
      await sql`drop schema ${sql.id(wachtrijSchema(opslag))} cascade`.execute(opslag.db);
    await opslag?.sluit();
  });

  it('plant beide op een maandelijks rooster in Nederlandse tijd', async () => {
    expect(await wachtrij.roosters()).toEqual(
      expect.arrayContaining([
        { naam: DOCUMENT_TAKEN.voortgangsrapportage.naam, cron: '30 0 1 * *', tijdzone: 'Europe/Amsterdam' },
        { naam: DOCUMENT_TAKEN.srgLevering.naam, cron: '45 0 1 * *', tijdzone: 'Europe/Amsterdam' },
      ]),
    );
    expect(vorigeMaand('2026-01-01')).toBe('2025-12');
    expect(vorigeMaand('2026-11-02')).toBe('2026-10');
  });

  it('maakt aan het eind van een periode de rapportage per gemeente, en twee keer draaien bewaart er één', async () => {
    const eerst = await voerUit(DOCUMENT_TAKEN.voortgangsrapportage.naam, { datum: '2026-05-01' });
    expect(eerst.status).toBe('completed');
    const uit = eerst.uitvoer as { gemaakt: { gemeente: string; periode: string; nieuw: boolean }[] };
    // Three periods a year by default (January–April ended); Dinkelland per quarter (January–March).
    expect(uit.gemaakt).toEqual(
      GEMEENTEN.map((gemeente) => ({
        gemeente,
        periode: gemeente === 'dinkelland' ? '2026-1/4' : '2026-1',
        nieuw: true,
      })),
    );
    const na1 = await opgeslagen('voortgangsrapportage');
    expect(na1).toHaveLength(GEMEENTEN.length * 3);
    const tweede = await voerUit(DOCUMENT_TAKEN.voortgangsrapportage.naam, { datum: '2026-05-01' });
    expect((tweede.uitvoer as typeof uit).gemaakt.every((g) => !g.nieuw)).toBe(true);
    expect(await opgeslagen('voortgangsrapportage')).toEqual(na1);
    const rapport = await opslag.db
      .selectFrom('document')
      .select('inhoud')
      .where('gemeente', '=', 'dinkelland')
      .where('sleutel', '=', '2026-1/4')
      .where('formaat', '=', 'json')
      .executeTakeFirstOrThrow();
    const model = JSON.parse(Buffer.from(rapport.inhoud).toString()) as { van: string; tot: string };
    expect([model.van, model.tot]).toEqual(['2026-01-01', '2026-03-31']);
    const audit = await opslag.db
      .selectFrom('audit')
      .select(['gebruikerId', 'doel'])
      .where('actie', '=', 'voortgangsrapportage-maken')
      .execute();
    expect(audit).toHaveLength(GEMEENTEN.length);
    for (const a of audit) expect([a.gebruikerId, a.doel]).toEqual([null, 'systeem']);
  }, 90_000);

  it('levert maandelijks de SRG-gegevens van de vorige maand, één keer', async () => {
    const eerst = await voerUit(DOCUMENT_TAKEN.srgLevering.naam, {});
    expect(eerst.status).toBe('completed');
    const uit = eerst.uitvoer as {
      maand: string;
      gemaakt: { gemeente: string; nieuw: boolean }[];
      fouten: unknown[];
    };
    // Without a date the worker takes today's (here the injected 2 November 2026).
    expect(uit.maand).toBe('2026-10');
    expect(uit.fouten).toEqual([]);
    expect(uit.gemaakt.map((g) => [g.gemeente, g.nieuw])).toEqual(GEMEENTEN.map((g) => [g, true]));
    const tweede = await voerUit(DOCUMENT_TAKEN.srgLevering.naam, { datum: '2026-11-30' });
    expect((tweede.uitvoer as typeof uit).gemaakt.every((g) => !g.nieuw)).toBe(true);
    expect(await opgeslagen('srg-levering')).toEqual(
      GEMEENTEN.map((gemeente) => ({ gemeente, sleutel: '2026-10', formaat: 'json' })),
    );
  }, 90_000);

  it('weigert een opdracht met een onzinnige datum (de taak faalt, er wordt niets geschreven)', async () => {
    const voor = await opgeslagen('srg-levering');
    const t = await voerUit(DOCUMENT_TAKEN.srgLevering.naam, { datum: '2026-02-30' });
    // pg-boss retries a failed job later (retry, then failed); it is never completed.
    expect(['retry', 'failed']).toContain(t.status);
    expect(await opgeslagen('srg-levering')).toEqual(voor);
  }, 90_000);
});
