import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * The application's database role on PostgreSQL (issue 12, item 3). The owner (DATABASE_MIGRATIE_URL)
 * owns every table; the application's role (DATABASE_URL) reads and writes the case data, but may
 * only add to and read the audit trail: no UPDATE, DELETE or TRUNCATE on it, and as it owns nothing
 * it cannot ALTER the table or disable its triggers; not being superuser it cannot set
 * session_replication_role. The head of each hash chain is moved by the chain trigger alone (it runs
 * as the owner). pg-boss keeps its own schema, owned by the application's role, because pg-boss
 * creates a table per queue at run time.
 */
export async function verleenRechten(
  eigenaar: Db,
  appRol: string,
  schema: string,
  wachtrij: string,
): Promise<void> {
  for (const naam of [appRol, schema, wachtrij])
    if (!/^[a-z_][a-z0-9_]*$/.test(naam)) throw new Error(`ongeldige rol- of schemanaam '${naam}'`);
  const rol = sql.id(appRol);
  const s = sql.id(schema);
  const { rows } = await sql<{ rolsuper: boolean; eigenaar: boolean }>`
    select r.rolsuper, (select current_user = ${appRol}) as eigenaar from pg_roles r where r.rolname = ${appRol}`.execute(
    eigenaar,
  );
  const r = rows[0];
  if (!r) throw new Error(`de databaserol '${appRol}' van DATABASE_URL bestaat niet`);
  if (r.eigenaar) return;
  if (r.rolsuper)
    throw new Error(
      `de databaserol '${appRol}' van DATABASE_URL is superuser: die kan het auditspoor legen; geef de applicatie een eigen rol zonder superuser-rechten (zie README, Databaserollen)`,
    );
  await eigenaar.transaction().execute(async (tx) => {
    await sql`grant usage on schema ${s} to ${rol}`.execute(tx);
    await sql`revoke all on all tables in schema ${s} from ${rol}`.execute(tx);
    await sql`grant select, insert, update, delete on all tables in schema ${s} to ${rol}`.execute(tx);
    await sql`grant usage, select on all sequences in schema ${s} to ${rol}`.execute(tx);
    // The audit trail: add and read only. The chain's head and the migration bookkeeping: read only.
    await sql`revoke update, delete on ${s}.audit, ${s}.audit_keten_kop, ${s}.migratie, ${s}.migratie_slot from ${rol}`.execute(
      tx,
    );
    await sql`revoke insert on ${s}.audit_keten_kop, ${s}.migratie, ${s}.migratie_slot from ${rol}`.execute(
      tx,
    );
    await sql`revoke update on ${s}.document from ${rol}`.execute(tx);
    // The fingerprint of the BSN key is recorded once by the application; only a rotation (as the owner) changes it.
    await sql`revoke update, delete on ${s}.bsn_sleutel from ${rol}`.execute(tx);
    await zetWachtrijKlaar(tx, appRol, wachtrij);
  });
}

/** Installs pg-boss's schema as the owner when it is missing and hands all of it to the application's role. */
async function zetWachtrijKlaar(tx: Db, appRol: string, wachtrij: string): Promise<void> {
  const rol = sql.id(appRol);
  const s = sql.id(wachtrij);
  const { rows } = await sql<{
    er: boolean;
  }>`select to_regclass(${`${wachtrij}.version`}) is not null as er`.execute(tx);
  if (!rows[0]?.er) {
    const { default: PgBoss } = await import('pg-boss');
    // The construction plan is one transaction of its own; inside ours its BEGIN/COMMIT would end ours.
    const plan = PgBoss.getConstructionPlans(wachtrij)
      .replace(/^\s*BEGIN;/, '')
      .replace(/COMMIT;\s*$/, '');
    await sql.raw(plan).execute(tx);
  }
  await sql`alter schema ${s} owner to ${rol}`.execute(tx);
  await sql`do $$
    declare o record;
    begin
      for o in select c.oid::regclass::text as naam from pg_class c
               where c.relnamespace = '${sql.raw(wachtrij)}'::regnamespace and c.relkind in ('r', 'p')
                 and pg_get_userbyid(c.relowner) <> '${sql.raw(appRol)}' loop
        execute format('alter table %s owner to %I', o.naam, '${sql.raw(appRol)}');
      end loop;
      for o in select p.oid::regprocedure::text as naam from pg_proc p
               where p.pronamespace = '${sql.raw(wachtrij)}'::regnamespace and pg_get_userbyid(p.proowner) <> '${sql.raw(appRol)}' loop
        execute format('alter function %s owner to %I', o.naam, '${sql.raw(appRol)}');
      end loop;
      for o in select t.oid::regtype::text as naam from pg_type t
               where t.typnamespace = '${sql.raw(wachtrij)}'::regnamespace and t.typtype = 'e'
                 and pg_get_userbyid(t.typowner) <> '${sql.raw(appRol)}' loop
        execute format('alter type %s owner to %I', o.naam, '${sql.raw(appRol)}');
      end loop;
    end $$`.execute(tx);
}
