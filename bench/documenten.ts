/**
 * npm run bench:documenten [-- --brieven N] [-- --trajecten N]
 *
 * 1. Letters per second: `maakBrief` end to end (read the stored decision, lay out, render PDF/A and
 *    HTML, store both with their hash, audit) for N beschikkingen of the demo data on the embedded store.
 * 2. The progress report over a store of `--trajecten` trajectories (default 1,000,000) on PostgreSQL
 *    (DATABASE_URL; a schema of its own, dropped afterwards), filled with the bulk loader of the 100k
 *    test: the figures of a period and the one before (the report's model), then the whole report
 *    (model, charts, PDF, HTML, JSON, stored). Goal: under 3 s.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import { vulDemo } from '../src/api/demo.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import { maakBrief } from '../src/documenten/brieven.ts';
import { laadDocumentConfiguratie } from '../src/documenten/configuratie.ts';
import { periode } from '../src/documenten/perioden.ts';
import { maakVoortgangsrapportage, voortgangsrapportage } from '../src/documenten/voortgang.ts';
import { maakEngine } from '../src/engine/index.ts';
import { openOpslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';
import { vulVoortgang } from '../test/voortgang-vulling.ts';

const arg = (naam: string, standaard: number) => {
  const i = process.argv.indexOf(`--${naam}`);
  return i >= 0 ? Number(process.argv[i + 1]) : standaard;
};
const BRIEVEN = arg('brieven', 100);
const TRAJECTEN = arg('trajecten', 1_000_000);
const G = 'dinkelland';

const b = laadBibliotheek();
if (!b.ok) throw new Error('regelgeving laadt niet');
const engine = maakEngine(b.waarde);
const c = laadDocumentConfiguratie();
if (!c.ok) throw new Error('documentinstellingen laden niet');
const ctx = { bibliotheek: engine.bibliotheek, configuratie: c.waarde };
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

// 1. Letters per second.
{
  const o = await openOpslag({ dataDir: '' }, { inGeheugen: true });
  await migreer(o.db, o.schema);
  await zorgVoorGemeenten(o.db, engine.bibliotheek);
  await vulDemo(o.db, engine, maakBsnKluis('e'.repeat(64)), { perGemeente: Math.max(60, BRIEVEN * 2) });
  const ids = await o.db
    .selectFrom('beschikking')
    .select(['id', 'soort'])
    .where('gemeente', '=', G)
    .orderBy('id')
    .limit(BRIEVEN)
    .execute();
  // One letter first, outside the clock: fonts and modules load once per process.
  await maakBrief(o.db, ctx, undefined, G, { beschikkingId: ids[0]!.id });
  const t0 = performance.now();
  let bytes = 0;
  for (const { id } of ids.slice(1)) {
    const r = await maakBrief(o.db, ctx, undefined, G, { beschikkingId: id });
    if (!r.ok) throw new Error(r.fout.bericht);
    bytes += r.waarde.documenten.find((d) => d.formaat === 'pdf')!.inhoud.length;
  }
  const ms = performance.now() - t0;
  const n = ids.length - 1;
  const soorten = [...new Set(ids.map((i) => i.soort))].join(', ');
  console.log(
    `brieven: ${n} in ${s(ms)} = ${((n * 1000) / ms).toFixed(1)} per seconde (PDF/A + HTML, opgeslagen; ${soorten}; gemiddeld ${Math.round(bytes / n / 1024)} kB per PDF)`,
  );
  await o.sluit();
}

// 2. The progress report on PostgreSQL.
if (!process.env.DATABASE_URL) console.log('voortgangsrapportage: DATABASE_URL ontbreekt, overgeslagen');
else {
  const schema = `bench_documenten_${randomBytes(4).toString('hex')}`;
  const o = await openOpslag({ dataDir: '', databaseUrl: process.env.DATABASE_URL }, { schema });
  try {
    await migreer(o.db, o.schema);
    await zorgVoorGemeenten(o.db, engine.bibliotheek);
    let t = performance.now();
    await vulVoortgang(o.db, { gemeente: G, trajecten: TRAJECTEN });
    const { n } = await o.db
      .selectFrom('beschikking')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('soort', '=', 'toekenning')
      .executeTakeFirstOrThrow();
    console.log(`vulling: ${TRAJECTEN} trajecten (${n} toekenningen) in ${s(performance.now() - t)}`);
    const p = periode(2026, 2, 3);
    const tijden: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = performance.now();
      const r = await voortgangsrapportage(o.db, ctx, G, p);
      if (!r.ok) throw new Error(r.fout.bericht);
      tijden.push(performance.now() - t);
    }
    console.log(
      `cijfers van periode en vorige periode: ${tijden.map(s).join(', ')} (mediaan ${s([...tijden].sort((a, b) => a - b)[1]!)})`,
    );
    t = performance.now();
    const r = await maakVoortgangsrapportage(o.db, ctx, undefined, G, p);
    if (!r.ok) throw new Error(r.fout.bericht);
    console.log(
      `hele rapportage (cijfers, grafieken, PDF, HTML, JSON, opgeslagen): ${s(performance.now() - t)}`,
    );
    if (process.argv.includes('--explain')) {
      const plan = await sql<{
        'QUERY PLAN': string;
      }>`explain (analyze, buffers) select count(*) from beschikking b left join beschikking e on e.vorige_id = b.id and e.soort = 'beeindiging' and e.gemeente = b.gemeente where b.gemeente = ${G} and b.soort = 'toekenning' and b.ingangsdatum <= '2026-08-31'`.execute(
        o.db,
      );
      console.log(plan.rows.map((x) => x['QUERY PLAN']).join('\n'));
    }
  } finally {
    await sql`drop schema ${sql.id(schema)} cascade`.execute(o.db);
    await o.sluit();
  }
}
