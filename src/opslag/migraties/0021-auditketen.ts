import { type Kysely, sql } from 'kysely';

/**
 * A tamper-evident audit trail (issue 12, item 3): every entry is chained to the one before it in its
 * gemeente's chain (one chain per gemeente, one for entries without a gemeente) by a SHA-256 over a
 * canonical serialisation of the entry, which includes the previous entry's hash. The chain is kept in
 * the database by a BEFORE INSERT trigger, so every insert path (single, bulk, COPY, other helpers'
 * code) is chained without touching a caller. The trigger serialises a chain on the row lock of its
 * head in `audit_keten_kop`; the head is also the anchor that makes a removed tail (or an emptied
 * table) visible. A statement trigger refuses TRUNCATE, beside the row trigger that refuses UPDATE and
 * DELETE. Existing rows are chained here, in the order of their id. The serialisation is described in
 * docs/auditketen.md; src/administratie/auditketen.ts re-computes it independently.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit add column keten_volgnummer bigint, add column vorige_hash text, add column hash text`.execute(
    db,
  );
  await sql`create table audit_keten_kop (
    keten text primary key,
    volgnummer bigint not null,
    hash text
  )`.execute(db);
  // One field: its UTF-8 byte length, a colon, the text and a semicolon; '-;' for null. Unambiguous
  // whatever the text holds, and easy to redo in any language.
  await sql`create function audit_veld(v text) returns text language sql immutable as $$
    select case when v is null then '-;' else octet_length(v)::text || ':' || v || ';' end $$`.execute(db);
  await sql`create function audit_canoniek(a audit) returns text language sql stable as $$
    select 'reintegratie-audit-v1;'
      || audit_veld(a.gemeente)
      || audit_veld(a.keten_volgnummer::text)
      || audit_veld(a.id::text)
      || audit_veld(to_char(a.tijdstip at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
      || audit_veld(a.gebruiker_id::text)
      || audit_veld(a.actie)
      || audit_veld(a.object)
      || audit_veld(a.object_id)
      || audit_veld(a.doel)
      || audit_veld(a.betrokkene::text)
      || audit_veld(a.vorige_hash) $$`.execute(db);
  // SECURITY DEFINER: the application role may only insert into audit and read the head; the head is
  // moved by this function alone, as the owner.
  await sql`create function audit_keten() returns trigger language plpgsql security definer
    set search_path from current as $$
    declare
      k text := coalesce(new.gemeente, '');
      kop record;
    begin
      insert into audit_keten_kop (keten, volgnummer, hash) values (k, 0, null) on conflict (keten) do nothing;
      select volgnummer, hash into kop from audit_keten_kop where keten = k for update;
      new.keten_volgnummer := kop.volgnummer + 1;
      new.vorige_hash := kop.hash;
      new.hash := encode(sha256(convert_to(audit_canoniek(new), 'UTF8')), 'hex');
      update audit_keten_kop set volgnummer = new.keten_volgnummer, hash = new.hash where keten = k;
      return new;
    end $$`.execute(db);

  // Chain what is there, oldest first; the append-only trigger steps aside for this one transaction.
  await sql`alter table audit disable trigger audit_onwijzigbaar`.execute(db);
  await sql`do $$
    declare
      r record;
      huidig text := null;
      n bigint := 0;
      vorige text := null;
    begin
      for r in select id, coalesce(gemeente, '') as k from audit order by coalesce(gemeente, ''), id loop
        if huidig is distinct from r.k then
          if huidig is not null then
            insert into audit_keten_kop (keten, volgnummer, hash) values (huidig, n, vorige);
          end if;
          huidig := r.k; n := 0; vorige := null;
        end if;
        n := n + 1;
        update audit set keten_volgnummer = n, vorige_hash = vorige where id = r.id;
        update audit a set hash = encode(sha256(convert_to(audit_canoniek(a), 'UTF8')), 'hex')
          where a.id = r.id returning a.hash into vorige;
      end loop;
      if huidig is not null then
        insert into audit_keten_kop (keten, volgnummer, hash) values (huidig, n, vorige);
      end if;
    end $$`.execute(db);
  await sql`alter table audit enable trigger audit_onwijzigbaar`.execute(db);

  await sql`alter table audit alter column keten_volgnummer set not null, alter column hash set not null`.execute(
    db,
  );
  await sql`create unique index audit_keten_volgorde on audit ((coalesce(gemeente, '')), keten_volgnummer)`.execute(
    db,
  );
  await sql`create trigger audit_keten before insert on audit for each row execute function audit_keten()`.execute(
    db,
  );
  await sql`create trigger audit_niet_legen before truncate on audit
    for each statement execute function audit_alleen_toevoegen()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migraties worden niet teruggedraaid; herstel uit een back-up');
}
