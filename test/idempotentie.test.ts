import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InsertQueryNode, type KyselyPlugin, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lokaleAuthenticator } from '../src/administratie/gebruikers.ts';
import { maakApp } from '../src/api/app.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import { maakEngine } from '../src/engine/index.ts';
import type { Opslag } from '../src/opslag/database.ts';
import * as idempotentieAtomair from '../src/opslag/migraties/0024-idempotentie-atomair.ts';
import { laadBibliotheek, STANDAARD_WORTEL } from '../src/regelgeving/index.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

/**
 * Issue 12 items 1, 2 and 8: an Idempotency-Key's claim, the effect and the stored answer commit in
 * one transaction, concurrent duplicates write once, and a beschikking stays re-evaluable after an
 * editorial change to the regulation files it used (the archive of the exact texts).
 */

// A copy of the regulation tree, so a test can edit a file the way an editor would.
const wortel = mkdtempSync(join(tmpdir(), 'reintegratie-archief-'));
cpSync(STANDAARD_WORTEL, wortel, { recursive: true });
const laad = () => {
  const b = laadBibliotheek(wortel);
  if (!b.ok) throw new Error(b.fouten.map((f) => `${f.bestand}: ${f.bericht}`).join('\n'));
  return maakEngine(b.waarde);
};
const engine = laad();
afterAll(() => rmSync(wortel, { recursive: true, force: true }));

const toekenning = (inwonerId: string) => ({
  inwonerId,
  soort: 'toekenning',
  peildatum: '2016-05-01',
  verzondenOp: '2016-05-02',
  aanvraag: {
    voorziening: 'participatieplaats',
    ingangsdatum: '2016-05-01',
    duurMaanden: 12,
    urenPerWeek: 24,
    voldoendeMeegewerkt: true,
  },
  oordelen: { participatieplaatsPassend: { antwoord: true, motivering: 'Passend gezien de afstand.' } },
});

describe.each(OPSLAGEN)('idempotentie en reproduceerbaarheid op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;

  beforeAll(async () => {
    opslag = await open(engine);
    api = await startApi(
      opslag,
      engine,
      { cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }] },
      '2016-06-01',
    );
  }, 60_000);
  afterAll(async () => {
    await opslag?.sluit();
  });

  const klant = async (naam: string) => {
    const id = await api.inwoner('dinkelland', naam);
    await opslag.db
      .insertInto('feit')
      .values({
        gemeente: 'dinkelland',
        inwonerId: id,
        naam: 'uitkering',
        waarde: JSON.stringify('algemene-bijstand'),
        geldigVanaf: '2016-01-01',
        bron: 'test',
        vastgelegdDoor: api.gebruikerIds.cm!,
      })
      .execute();
    return id;
  };
  const beschikkingenVan = async (inwonerId: string) =>
    (await opslag.db.selectFrom('beschikking').select('id').where('inwonerId', '=', inwonerId).execute()).map(
      (r) => r.id,
    );

  it('neemt bij 12 gelijktijdige verzoeken met één sleutel één beschikking en geeft elk hetzelfde antwoord', async () => {
    const id = await klant('Gelijktijdig');
    const antwoorden = await Promise.all(
      Array.from({ length: 12 }, () =>
        api.json('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', toekenning(id), {
          'idempotency-key': `beschikking-${id}`,
        }),
      ),
    );
    const ids = [...new Set(antwoorden.map((a) => a.body.id))];
    expect(antwoorden.map((a) => a.status)).toEqual(Array(12).fill(201));
    expect(ids).toHaveLength(1);
    expect(await beschikkingenVan(id)).toEqual(ids);
    const audit = await opslag.db
      .selectFrom('audit')
      .select('objectId')
      .where('objectId', '=', ids[0]!)
      .execute();
    expect(audit).toHaveLength(1);
    // A later retry replays the stored answer, marked as a replay.
    const later = await api.json('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', toekenning(id), {
      'idempotency-key': `beschikking-${id}`,
    });
    expect(later.status).toBe(201);
    expect(later.body).toEqual(antwoorden[0]!.body);
    expect(later.koppen.get('idempotent-replayed')).toBe('true');
  });

  it('slaat het antwoord van een beschikking op in de transactie van de beschikking zelf', async () => {
    const id = await klant('Zelfde transactie');
    const a = await api.json('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', toekenning(id), {
      'idempotency-key': `eigen-${id}`,
    });
    expect(a.status).toBe(201);
    const rij = await opslag.db
      .selectFrom('idempotentie')
      .select(['status', 'antwoord'])
      .where('sleutel', '=', `eigen-${id}`)
      .executeTakeFirstOrThrow();
    expect(rij.status).toBe(201);
    expect(rij.antwoord).toEqual(a.body);
  });

  it('schrijft na een beschikking met sleutel niet nog eens naar idempotentie, maar bewaart een weigering vooraf wel', async () => {
    // Inserts into the table of keys through the query builder (the decision's own commit is one raw
    // statement and does not count here).
    let inserts = 0;
    const teller: KyselyPlugin = {
      transformQuery: ({ node }) => {
        if (InsertQueryNode.is(node) && node.into?.table.identifier.name === 'idempotentie') inserts++;
        return node;
      },
      transformResult: async ({ result }) => result,
    };
    const geteld = await startApi(
      { ...opslag, db: opslag.db.withPlugin(teller) },
      engine,
      { geteld: [{ gemeente: 'dinkelland', rol: 'casemanager' }] },
      '2016-06-01',
    );
    const id = await klant('Geteld');
    const pad = '/gemeenten/dinkelland/beschikkingen';
    const a = await geteld.json('geteld', 'POST', pad, toekenning(id), { 'idempotency-key': `geteld-${id}` });
    expect(a.status).toBe(201);
    expect(inserts).toBe(0);
    const nog = await geteld.json('geteld', 'POST', pad, toekenning(id), {
      'idempotency-key': `geteld-${id}`,
    });
    expect(nog.koppen.get('idempotent-replayed')).toBe('true');
    expect(nog.body).toEqual(a.body);
    // Without an uitkering the rules do not grant: refused before any write, so stored by the layer.
    const zonder = await api.inwoner('dinkelland', 'Zonder uitkering');
    const sleutel = { 'idempotency-key': `geweigerd-${zonder}` };
    const w = await geteld.json('geteld', 'POST', pad, toekenning(zonder), sleutel);
    expect(w.status).toBe(422);
    expect(inserts).toBe(1);
    const weer = await geteld.json('geteld', 'POST', pad, toekenning(zonder), sleutel);
    expect(weer.status).toBe(422);
    expect(weer.koppen.get('idempotent-replayed')).toBe('true');
    expect(weer.body).toEqual(w.body);
  });

  it('registreert bij 8 gelijktijdige verzoeken met één sleutel één inwoner met één auditregel', async () => {
    const body = { bsn: '123456782', naam: 'Eén Keer' };
    const antwoorden = await Promise.all(
      Array.from({ length: 8 }, () =>
        api.json('cm', 'POST', '/gemeenten/dinkelland/inwoners', body, { 'idempotency-key': 'inwoner-1' }),
      ),
    );
    expect(antwoorden.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(antwoorden.map((a) => a.body.id)).size).toBe(1);
    const rijen = await opslag.db.selectFrom('inwoner').select('id').where('naam', '=', 'Eén Keer').execute();
    expect(rijen.map((r) => r.id)).toEqual([antwoorden[0]!.body.id]);
    const audit = await opslag.db
      .selectFrom('audit')
      .select('actie')
      .where('objectId', '=', rijen[0]!.id)
      .where('object', '=', 'inwoner')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
    const anders = await api.json(
      'cm',
      'POST',
      '/gemeenten/dinkelland/inwoners',
      { ...body, naam: 'Ander' },
      { 'idempotency-key': 'inwoner-1' },
    );
    expect(anders.status).toBe(422);
  });

  it('laat een verzoek dat halverwege faalt niets achter: geen schrijfactie, geen auditregel, geen sleutel', async () => {
    // The audit row of a new client fails (a check added for the test): the client must go too.
    await sql`alter table audit add constraint geen_inwoner check (object <> 'inwoner') not valid`.execute(
      opslag.db,
    );
    try {
      const r = await api.verzoek(
        'cm',
        'POST',
        '/gemeenten/dinkelland/inwoners',
        { bsn: '999999990', naam: 'Half Geschreven' },
        { 'idempotency-key': 'half-1' },
      );
      expect(r.status).toBe(500);
    } finally {
      await sql`alter table audit drop constraint geen_inwoner`.execute(opslag.db);
    }
    const rijen = await opslag.db
      .selectFrom('inwoner')
      .select('id')
      .where('naam', '=', 'Half Geschreven')
      .execute();
    expect(rijen).toEqual([]);
    const sleutel = await opslag.db
      .selectFrom('idempotentie')
      .select('status')
      .where('sleutel', '=', 'half-1')
      .execute();
    expect(sleutel).toEqual([]);
    // The retry with the same key is not stuck: it runs and writes once.
    const opnieuw = await api.json(
      'cm',
      'POST',
      '/gemeenten/dinkelland/inwoners',
      { bsn: '999999990', naam: 'Half Geschreven' },
      { 'idempotency-key': 'half-1' },
    );
    expect(opnieuw.status).toBe(201);
  });

  it('ruimt claims op die de oude werkwijze na een crash liet staan (migratie 0024)', async () => {
    await opslag.db
      .insertInto('idempotentie')
      .values({
        gebruikerId: api.gebruikerIds.cm!,
        sleutel: 'oud-vast',
        verzoek: 'x',
        status: 0,
        antwoord: 'null',
      })
      .execute();
    await idempotentieAtomair.up(opslag.db as never);
    const r = await api.json(
      'cm',
      'POST',
      '/gemeenten/dinkelland/inwoners',
      { bsn: '100000009', naam: 'Na Crash' },
      {
        'idempotency-key': 'oud-vast',
      },
    );
    expect(r.status).toBe(201);
  });

  it('weigert een Idempotency-Key die te lang is of spaties bevat, met de naam van de kop', async () => {
    for (const sleutel of ['x'.repeat(3000), 'met spatie']) {
      const r = await api.json(
        'cm',
        'POST',
        '/gemeenten/dinkelland/inwoners',
        { bsn: '111222333', naam: 'X' },
        {
          'idempotency-key': sleutel,
        },
      );
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body)).toContain('Idempotency-Key');
    }
  });

  it('beoordeelt een oude beschikking opnieuw tot dezelfde uitkomst na een redactionele wijziging', async () => {
    const id = await klant('Reproduceerbaar');
    const genomen = await api.json('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', toekenning(id));
    expect(genomen.status).toBe(201);
    const gebruikt = genomen.body.regelingen as { id: string; hash: string }[];
    expect(gebruikt.map((r) => r.id)).toEqual(
      expect.arrayContaining(['dinkelland/re-integratieverordening', 'participatiewet']),
    );
    // The national layer and its basis chain are archived with it.
    const gearchiveerd = await opslag.db
      .selectFrom('regelingarchief')
      .select(['hash', 'regeling', 'geldigVanaf'])
      .execute();
    for (const r of gebruikt) expect(gearchiveerd.map((a) => a.hash)).toContain(r.hash);
    expect(gearchiveerd.filter((a) => a.regeling === 'participatiewet').map((a) => a.geldigVanaf)).toEqual(
      expect.arrayContaining(['2015-01-01', '2016-01-01']),
    );

    // An editor changes only titles: the municipal file and the first text of the national chain.
    const bewerk = (pad: string, van: RegExp, naar: string) => {
      const tekst = readFileSync(join(wortel, pad), 'utf8');
      expect(tekst).toMatch(van);
      writeFileSync(join(wortel, pad), tekst.replace(van, naar));
    };
    bewerk(
      'gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml',
      /^citeertitel: .*$/m,
      'citeertitel: Re-integratieverordening Dinkelland 2015 (redactioneel herzien)',
    );
    bewerk(
      'wet/participatiewet/2015-01-01.yaml',
      /^citeertitel: .*$/m,
      'citeertitel: Participatiewet (herzien)',
    );
    const later = laad();
    for (const r of gebruikt)
      expect(later.bibliotheek.versies(r.id).some((v) => v.hash === r.hash)).toBe(false);
    const app = maakApp({
      db: opslag.db,
      engine: later,
      kluis: maakBsnKluis(TEST_SLEUTEL),
      authenticator: lokaleAuthenticator(opslag.db),
      vandaag: () => '2016-06-01',
    });
    const herbeoordeel = () =>
      app.request(`/gemeenten/dinkelland/beschikkingen/${genomen.body.id}/herbeoordeling`, {
        headers: { authorization: `Bearer ${api.token('cm')}`, 'x-doel': 'uitvoering re-integratie' },
      });
    const r = await herbeoordeel();
    const body = (await r.json()) as { gelijk: boolean; verschillen: string[] };
    expect(r.status).toBe(200);
    expect(body).toMatchObject({ gelijk: true, verschillen: [] });

    // Without the archive the edited library cannot reproduce it: the archive is what does.
    await sql`delete from regelingarchief`.execute(opslag.db);
    expect((await herbeoordeel()).status).toBe(409);
    // Restore the files for the other store's run.
    cpSync(
      join(STANDAARD_WORTEL, 'gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml'),
      join(wortel, 'gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml'),
    );
    cpSync(
      join(STANDAARD_WORTEL, 'wet/participatiewet/2015-01-01.yaml'),
      join(wortel, 'wet/participatiewet/2015-01-01.yaml'),
    );
  }, 120_000);
});
