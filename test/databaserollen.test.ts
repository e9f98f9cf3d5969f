import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifieerAuditketen } from '../src/administratie/auditketen.ts';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import { openOpslag, type Opslag } from '../src/opslag/database.ts';
import { migreerOpslag } from '../src/opslag/migreer.ts';
import { openWachtrij } from '../src/opslag/wachtrij.ts';
import { startApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const eigenaarUrl = process.env.DATABASE_URL;
const engine = standaardEngine();

/**
 * On PostgreSQL the application runs as its own role (DATABASE_URL) and the migrations as the owner
 * (DATABASE_MIGRATIE_URL): the application's role can add to the audit trail and read it, nothing else.
 */
describe.skipIf(!eigenaarUrl)('databaserollen op PostgreSQL', () => {
  const achtervoegsel = randomBytes(5).toString('hex');
  const rol = `app_${achtervoegsel}`;
  const schema = `r_${achtervoegsel}`;
  let appUrl: string;
  let app: Opslag;
  let beheer: pg.Client;

  beforeAll(async () => {
    beheer = new pg.Client({ connectionString: eigenaarUrl });
    await beheer.connect();
    await beheer.query(`create role ${rol} login`);
    const u = new URL(eigenaarUrl!);
    u.username = rol;
    appUrl = u.toString();
    // The application's store first: its role may not create the schema; the owner does when migrating.
    app = await openOpslag({ dataDir: '', databaseUrl: appUrl }, { schema });
    await migreerOpslag({ databaseUrl: appUrl, databaseMigratieUrl: eigenaarUrl! }, app);
    await zorgVoorGemeenten(app.db, engine.bibliotheek);
  });

  afterAll(async () => {
    await app?.sluit();
    await beheer.query(`drop schema if exists ${schema} cascade`);
    await beheer.query(`drop schema if exists ${schema}_pgboss cascade`);
    await beheer.query(`drop owned by ${rol}`);
    await beheer.query(`drop role ${rol}`);
    await beheer.end();
  });

  it('draait de applicatie, de wachtrij en het auditspoor als eigen rol', async () => {
    const { rows } = await sql<{ rol: string }>`select current_user as rol`.execute(app.db);
    expect(rows[0]!.rol).toBe(rol);
    const api = await startApi(app, engine, { cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }] });
    const n = await api.json('cm', 'POST', '/gemeenten/dinkelland/inwoners', {
      bsn: '111222333',
      naam: 'Jan',
    });
    expect(n.status).toBe(201);
    expect((await api.json('cm', 'GET', `/gemeenten/dinkelland/inwoners/${n.body.id}`)).status).toBe(200);
    const wachtrij = await openWachtrij(app, { databaseUrl: appUrl });
    await wachtrij.registreer('rollen-test', async () => ({}));
    await wachtrij.stop();
    const v = await verifieerAuditketen(app.db, { gemeente: 'dinkelland' });
    expect(v.intact).toBe(true);
    expect(v.regels).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['truncate audit', /permission denied for table audit/],
    ['delete from audit', /permission denied for table audit/],
    ["update audit set doel = 'x'", /permission denied for table audit/],
    ['alter table audit disable trigger audit_onwijzigbaar', /must be owner of table audit/],
    ['alter table audit disable trigger user', /must be owner of table audit/],
    ['drop table audit', /must be owner of table audit/],
    ['update audit_keten_kop set volgnummer = 0', /permission denied for table audit_keten_kop/],
    ["insert into audit_keten_kop values ('x', 1, null)", /permission denied for table audit_keten_kop/],
    [
      'set session_replication_role = replica',
      /permission denied to set parameter "session_replication_role"/,
    ],
    ["update bsn_sleutel set vingerafdruk = 'x'", /permission denied for table bsn_sleutel/],
  ])('weigert de applicatierol: %s', async (zin, fout) => {
    await expect(sql.raw(zin).execute(app.db)).rejects.toThrow(fout);
    expect((await verifieerAuditketen(app.db)).intact).toBe(true);
  });

  it('weigert een applicatierol die superuser is', async () => {
    const superRol = `${rol}_su`;
    await beheer.query(`create role ${superRol} login superuser`);
    const u = new URL(eigenaarUrl!);
    u.username = superRol;
    const s = await openOpslag({ dataDir: '', databaseUrl: u.toString() }, { schema });
    try {
      await expect(
        migreerOpslag({ databaseUrl: u.toString(), databaseMigratieUrl: eigenaarUrl! }, s),
      ).rejects.toThrow(/is superuser: die kan het auditspoor legen/);
    } finally {
      await s.sluit();
      await beheer.query(`drop role ${superRol}`);
    }
  });
});
