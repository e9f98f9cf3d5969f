import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditRij, log, logLijst } from '../src/administratie/audit.ts';
import { canoniek, ketenHash, verifieerAuditketen } from '../src/administratie/auditketen.ts';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import { vulDemo } from '../src/api/demo.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import { main } from '../src/cli/main.ts';
import { openOpslag, type Opslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import * as m0001 from '../src/opslag/migraties/0001-basis.ts';
import * as m0002 from '../src/opslag/migraties/0002-beschut-werk-bezwaar-taken.ts';
import * as m0003 from '../src/opslag/migraties/0003-lks-bedragen.ts';
import * as m0004 from '../src/opslag/migraties/0004-budget-vrijval.ts';
import * as m0005 from '../src/opslag/migraties/0005-rand-en-aanmelding.ts';
import * as m0015 from '../src/opslag/migraties/0015-documenten.ts';
import * as m0020 from '../src/opslag/migraties/0020-klantnummer.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

// Opening a store and migrating it takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const engine = standaardEngine();
const rij = (gemeente: string | null, actie: string, objectId: string | null = null) =>
  auditRij({ actor: undefined, gemeente, actie, object: 'test', objectId });

/** Tampering as the owner of an embedded store can: with the table's triggers switched off. */
async function alsEigenaar(o: Opslag, wijziging: string): Promise<void> {
  await sql`alter table audit disable trigger user`.execute(o.db);
  for (const zin of wijziging.split(/;\s*\n/)) await sql.raw(zin).execute(o.db);
  await sql`alter table audit enable trigger user`.execute(o.db);
}

describe.each(OPSLAGEN)('de hashketen van het auditspoor ($naam)', ({ naam, open }) => {
  let opslag: Opslag;
  beforeAll(async () => {
    opslag = await open(engine);
  });
  afterAll(async () => opslag.sluit());

  it('ketent elke invoegweg per gemeente, met een eigen keten zonder gemeente', async () => {
    await log(opslag.db, undefined, 'dinkelland', 'een', 'test', null);
    await logLijst(opslag.db, undefined, 'dinkelland', 'test', [
      { betrokkene: '00000000-0000-4000-8000-000000000001' },
      { betrokkene: '00000000-0000-4000-8000-000000000002' },
    ]);
    await opslag.db
      .insertInto('audit')
      .values([rij('zevenaar', 'bulk-1'), rij(null, 'zonder'), rij('zevenaar', 'bulk-2')])
      .execute();
    const rijen = await opslag.db
      .selectFrom('audit')
      .select(['gemeente', 'actie', 'ketenVolgnummer', 'vorigeHash', 'hash'])
      .orderBy('id')
      .execute();
    const van = (g: string | null) => rijen.filter((r) => r.gemeente === g);
    for (const g of ['dinkelland', 'zevenaar', null]) {
      const keten = van(g);
      expect(keten.map((r) => Number(r.ketenVolgnummer))).toEqual(keten.map((_, i) => i + 1));
      expect(keten[0]!.vorigeHash).toBeNull();
      for (let i = 1; i < keten.length; i++) expect(keten[i]!.vorigeHash).toBe(keten[i - 1]!.hash);
    }
    const v = await verifieerAuditketen(opslag.db);
    expect(v.intact).toBe(true);
    expect(v.eersteBreuk).toBeNull();
    expect(v.ketens.map((k) => [k.gemeente, k.regels, k.kopVolgnummer])).toEqual([
      ['dinkelland', 3, 3],
      ['zevenaar', 2, 2],
      [null, 1, 1],
    ]);
  });

  it('laat een aanroeper geen volgnummer of hash opgeven', async () => {
    await sql`insert into audit (gemeente, actie, object, doel, keten_volgnummer, vorige_hash, hash)
      values ('dinkelland', 'vals', 'test', 'systeem', 999, 'x', 'y')`.execute(opslag.db);
    const r = await opslag.db
      .selectFrom('audit')
      .selectAll()
      .where('actie', '=', 'vals')
      .executeTakeFirstOrThrow();
    expect(Number(r.ketenVolgnummer)).toBe(4);
    expect(r.hash).not.toBe('y');
    expect((await verifieerAuditketen(opslag.db, { gemeente: 'dinkelland' })).intact).toBe(true);
  });

  it('weigert wijzigen, verwijderen en legen van het auditspoor', async () => {
    // A row to protect, also when this test runs alone.
    await log(opslag.db, undefined, 'dinkelland', 'te-beschermen', 'test', null);
    await expect(sql`update audit set actie = 'x'`.execute(opslag.db)).rejects.toThrow(/alleen toevoegen/);
    await expect(sql`delete from audit`.execute(opslag.db)).rejects.toThrow(/alleen toevoegen/);
    await expect(sql`truncate audit`.execute(opslag.db)).rejects.toThrow(/alleen toevoegen/);
    expect((await verifieerAuditketen(opslag.db)).intact).toBe(true);
  });

  it('ketent gelijktijdige schrijvers zonder gaten of dubbele volgnummers', async () => {
    const voor = await verifieerAuditketen(opslag.db);
    const aantal = (v: typeof voor, g: string) => v.ketens.find((k) => k.gemeente === g)?.regels ?? 0;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        opslag.db.transaction().execute(async (tx) => {
          await tx
            .insertInto('audit')
            .values(rij(i % 2 ? 'dinkelland' : 'zevenaar', `gelijktijdig-${i}`))
            .execute();
          await tx
            .insertInto('audit')
            .values(rij(i % 2 ? 'dinkelland' : 'zevenaar', `gelijktijdig-${i}-b`))
            .execute();
        }),
      ),
    );
    const v = await verifieerAuditketen(opslag.db);
    expect(v.eersteBreuk).toBeNull();
    expect(aantal(v, 'dinkelland')).toBe(aantal(voor, 'dinkelland') + 40);
    expect(aantal(v, 'zevenaar')).toBe(aantal(voor, 'zevenaar') + 40);
    if (naam === 'postgres') expect(opslag.soort).toBe('postgres');
  });
});

describe('de serialisatie', () => {
  it('is zoals docs/auditketen.md haar beschrijft: lengte in UTF-8-bytes, dubbele punt, tekst, puntkomma; - voor null', () => {
    const r = {
      id: 7,
      gemeente: 'dinkelland',
      ketenVolgnummer: 3,
      tijdstipUtc: '2026-12-01T09:59:26.123456Z',
      gebruikerId: null,
      actie: 'lezen',
      object: 'inwoner',
      objectId: 'é;1',
      doel: 'systeem',
      betrokkene: null,
      vorigeHash: 'ab',
    };
    expect(canoniek(r)).toBe(
      'reintegratie-audit-v1;10:dinkelland;1:3;1:7;27:2026-12-01T09:59:26.123456Z;-;5:lezen;7:inwoner;4:é;1;7:systeem;-;2:ab;',
    );
    expect(ketenHash(r)).toMatch(/^[0-9a-f]{64}$/);
    expect(ketenHash({ ...r, objectId: 'é;2' })).not.toBe(ketenHash(r));
  });
});

describe('manipulatie als eigenaar van de ingebedde opslag', () => {
  let opslag: Opslag;
  let ids: number[];
  beforeAll(async () => {
    opslag = await OPSLAGEN[0]!.open(engine);
  });
  afterAll(async () => opslag.sluit());
  const opnieuw = async () => {
    await alsEigenaar(opslag, 'delete from audit');
    await alsEigenaar(opslag, 'delete from audit_keten_kop');
    const r = await opslag.db
      .insertInto('audit')
      .values(Array.from({ length: 6 }, (_, i) => rij('dinkelland', `regel-${i + 1}`)))
      .returning('id')
      .execute();
    ids = r.map((x) => Number(x.id));
    expect((await verifieerAuditketen(opslag.db)).intact).toBe(true);
  };

  it('meldt gewijzigde inhoud bij de gewijzigde regel', async () => {
    await opnieuw();
    await alsEigenaar(opslag, `update audit set doel = 'ander doel' where id = ${ids[2]}`);
    const v = await verifieerAuditketen(opslag.db);
    expect(v.intact).toBe(false);
    expect(v.eersteBreuk).toMatchObject({
      gemeente: 'dinkelland',
      soort: 'inhoud-gewijzigd',
      volgnummer: 3,
      auditId: ids[2],
    });
  });

  it('meldt een gewijzigde regel waarvan de hash is herberekend bij de regel erna', async () => {
    await opnieuw();
    await alsEigenaar(
      opslag,
      `update audit set actie = 'anders' where id = ${ids[1]};
       update audit a set hash = encode(sha256(convert_to(audit_canoniek(a), 'UTF8')), 'hex') where id = ${ids[1]}`,
    );
    expect((await verifieerAuditketen(opslag.db)).eersteBreuk).toMatchObject({
      soort: 'schakel-verbroken',
      volgnummer: 3,
      auditId: ids[2],
    });
  });

  it('meldt een verwijderde regel als ontbrekend', async () => {
    await opnieuw();
    await alsEigenaar(opslag, `delete from audit where id = ${ids[3]}`);
    const v = await verifieerAuditketen(opslag.db, { gemeente: 'dinkelland' });
    expect(v.eersteBreuk).toMatchObject({ soort: 'ontbrekend', volgnummer: 4, auditId: null });
    expect(v.eersteBreuk!.uitleg).toContain(`tussen audit-id ${ids[2]} en ${ids[4]}`);
  });

  it('meldt verwisselde regels als verplaatst', async () => {
    await opnieuw();
    await alsEigenaar(
      opslag,
      `update audit set keten_volgnummer = -1 where id = ${ids[1]};
       update audit set keten_volgnummer = 2 where id = ${ids[2]};
       update audit set keten_volgnummer = 3 where id = ${ids[1]}`,
    );
    expect((await verifieerAuditketen(opslag.db)).eersteBreuk).toMatchObject({
      soort: 'volgorde-gewijzigd',
      volgnummer: 2,
      auditId: ids[2],
    });
  });

  it('meldt een verwijderd einde en een geleegd spoor tegen de kop', async () => {
    await opnieuw();
    await alsEigenaar(opslag, `delete from audit where id in (${ids[4]}, ${ids[5]})`);
    expect((await verifieerAuditketen(opslag.db)).eersteBreuk).toMatchObject({
      soort: 'afgekapt',
      volgnummer: 5,
    });
    await alsEigenaar(opslag, 'truncate audit');
    const v = await verifieerAuditketen(opslag.db);
    expect(v.regels).toBe(0);
    expect(v.eersteBreuk).toMatchObject({ soort: 'afgekapt', volgnummer: 1 });
    expect(v.eersteBreuk!.uitleg).toContain('geleegd');
  });
});

describe('reintegratie audit verify', () => {
  it('zegt intact met aantallen en exit 0, en noemt de eerste breuk met exit 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'auditketen-cli-'));
    const o = await openOpslag({ dataDir });
    await migreer(o.db);
    await o.db
      .insertInto('audit')
      .values([rij('dinkelland', 'a'), rij('dinkelland', 'b'), rij(null, 'c')])
      .execute();
    await o.sluit();
    const draai = async (...args: string[]) => {
      const uit: string[] = [];
      const fout: string[] = [];
      const vorige = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
      process.env.DATA_DIR = dataDir;
      delete process.env.DATABASE_URL;
      try {
        const code = await main(['audit', 'verify', ...args], {
          regel: (t) => uit.push(t),
          fout: (t) => fout.push(t),
        });
        return { code, uit: uit.join('\n'), fout: fout.join('\n') };
      } finally {
        for (const [k, w] of Object.entries(vorige))
          if (w === undefined) delete process.env[k];
          else process.env[k] = w;
      }
    };
    const intact = await draai();
    expect(intact).toMatchObject({ code: 0, fout: '' });
    expect(intact.uit).toContain('auditspoor intact: 2 ketens, 3 regels');
    const json = JSON.parse((await draai('--json', '--gemeente', 'dinkelland')).uit);
    expect(json).toMatchObject({ intact: true, regels: 2, ketens: [{ gemeente: 'dinkelland', regels: 2 }] });

    const o2 = await openOpslag({ dataDir });
    await alsEigenaar(o2, `update audit set actie = 'x' where actie = 'b'`);
    await o2.sluit();
    const gebroken = await draai();
    expect(gebroken.code).toBe(1);
    expect(gebroken.uit).toMatch(
      /auditspoor GEBROKEN: eerste breuk regel 2 van de keten van dinkelland \(audit-id \d+\) is gewijzigd/,
    );
  });
});

describe('bestaande auditregels', () => {
  it('worden door de migratie geketend in de volgorde van hun id', async () => {
    const o = await openOpslag({ dataDir: '' }, { inGeheugen: true });
    try {
      const oud: Record<string, Migration> = {
        '0001-basis': m0001,
        '0002-beschut-werk-bezwaar-taken': m0002,
        '0003-lks-bedragen': m0003,
        '0004-budget-vrijval': m0004,
        '0015-documenten': m0015,
        '0005-rand-en-aanmelding': m0005,
        '0020-klantnummer': m0020,
      };
      const r = await new Migrator({
        db: o.db,
        provider: { getMigrations: async () => oud },
        migrationTableName: 'migratie',
        migrationLockTableName: 'migratie_slot',
        allowUnorderedMigrations: true,
      }).migrateToLatest();
      expect(r.error).toBeUndefined();
      await sql`insert into audit (gemeente, actie, object, doel) values
        ('zevenaar', 'oud-1', 'test', 'systeem'), (null, 'oud-2', 'test', 'systeem'),
        ('zevenaar', 'oud-3', 'test', 'systeem')`.execute(o.db);
      await migreer(o.db);
      const rijen = await o.db
        .selectFrom('audit')
        .select(['actie', 'ketenVolgnummer'])
        .orderBy('id')
        .execute();
      expect(rijen.map((x) => [x.actie, Number(x.ketenVolgnummer)])).toEqual([
        ['oud-1', 1],
        ['oud-2', 1],
        ['oud-3', 2],
      ]);
      await o.db.insertInto('audit').values(rij('zevenaar', 'nieuw')).execute();
      const v = await verifieerAuditketen(o.db);
      expect(v.intact).toBe(true);
      expect(v.ketens.map((k) => [k.gemeente, k.regels])).toEqual([
        ['zevenaar', 3],
        [null, 1],
      ]);
    } finally {
      await o.sluit();
    }
  }, 60_000);
});

describe('de demo-opslag', () => {
  it('heeft een intacte keten', async () => {
    const o = await OPSLAGEN[0]!.open(engine);
    try {
      const gevuld = await vulDemo(o.db, engine, maakBsnKluis(TEST_SLEUTEL), { perGemeente: 15 });
      expect(gevuld!.inwoners).toBeGreaterThan(0);
      const v = await verifieerAuditketen(o.db);
      expect(v.intact).toBe(true);
      const telling = await o.db
        .selectFrom('audit')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(v.regels).toBe(Number(telling.n));
      expect(v.regels).toBeGreaterThan(10);
    } finally {
      await o.sluit();
    }
  }, 120_000);
});

describe.each(OPSLAGEN)('GET /gemeenten/{g}/audit/verificatie ($naam)', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  beforeAll(async () => {
    opslag = await open(engine);
    await zorgVoorGemeenten(opslag.db, engine.bibliotheek);
    api = await startApi(opslag, engine, {
      auditor: [{ gemeente: 'dinkelland', rol: 'auditor' }],
      cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
      beheerder: [{ gemeente: 'dinkelland', rol: 'beheerder' }],
    });
  });
  afterAll(async () => opslag.sluit());

  it('staat in /openapi.json', async () => {
    const r = await api.app.request('/openapi.json');
    const doc = (await r.json()) as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    expect(doc.paths['/gemeenten/{gemeente}/audit/verificatie']?.get?.responses['200']).toBeDefined();
  });

  it('geeft de auditor en de beheerder de uitkomst, de casemanager niet', async () => {
    const n = await api.json('cm', 'POST', '/gemeenten/dinkelland/inwoners', {
      bsn: '111222333',
      naam: 'Jan',
    });
    expect(n.status).toBe(201);
    expect((await api.json('cm', 'GET', `/gemeenten/dinkelland/inwoners/${n.body.id}`)).status).toBe(200);
    const r = await api.json('auditor', 'GET', '/gemeenten/dinkelland/audit/verificatie');
    expect(r.status).toBe(200);
    const telling = await opslag.db
      .selectFrom('audit')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('gemeente', '=', 'dinkelland')
      .executeTakeFirstOrThrow();
    // The check's own entry comes after the answer.
    expect(r.body).toMatchObject({ intact: true, regels: Number(telling.n) - 1, eersteBreuk: null });
    expect(r.body.kopHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.json('beheerder', 'GET', '/gemeenten/dinkelland/audit/verificatie')).status).toBe(200);
    expect((await api.json('cm', 'GET', '/gemeenten/dinkelland/audit/verificatie')).status).toBe(403);
    const eigen = await opslag.db
      .selectFrom('audit')
      .select('actie')
      .where('actie', '=', 'audit-verificatie')
      .execute();
    expect(eigen).toHaveLength(2);
  });
});
