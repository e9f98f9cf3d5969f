import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migreer } from '../src/opslag/migreer.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

// Issue 14: a start on an up-to-date store skips the Migrator (whose table checks read the whole
// catalog); it may do so only when the store ran exactly the migrations the code has.

const engine = standaardEngine();

describe.each(OPSLAGEN)('migraties bij de start ($naam)', ({ open }) => {
  it('draait een ontbrekende migratie alsnog, ook als alle andere al gedraaid zijn', async () => {
    const o = await open(engine);
    try {
      const tabel = (naam: string) => sql.table(o.schema ? `${o.schema}.${naam}` : naam);
      await migreer(o.db, o.schema);
      // Undo 0004 by hand, as a store that never took it would be.
      await sql`drop index if exists ${tabel('budgetmutatie_beschikking')}`.execute(o.db);
      await sql`alter table ${tabel('budgetmutatie')} drop column geboekt`.execute(o.db);
      await sql`delete from ${tabel('migratie')} where name = '0004-budget-vrijval'`.execute(o.db);
      await migreer(o.db, o.schema);
      const kolom = await sql`select geboekt from ${tabel('budgetmutatie')} limit 1`.execute(o.db);
      expect(kolom.rows).toEqual([]);
      const namen = await sql<{ name: string }>`select name from ${tabel('migratie')} order by name`.execute(
        o.db,
      );
      expect(namen.rows.map((r) => r.name)).toContain('0004-budget-vrijval');
    } finally {
      await o.sluit();
    }
  }, 60_000);

  it('weigert een opslag die een migratie draaide die deze code niet kent', async () => {
    const o = await open(engine);
    try {
      const tabel = sql.table(o.schema ? `${o.schema}.migratie` : 'migratie');
      await sql`insert into ${tabel} (name, timestamp) values ('9999-van-een-nieuwere-versie', ${new Date().toISOString()})`.execute(
        o.db,
      );
      await expect(migreer(o.db, o.schema)).rejects.toThrow(/9999-van-een-nieuwere-versie/);
    } finally {
      await o.sluit();
    }
  }, 60_000);
});
