import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { maakGebruiker } from '../src/administratie/gebruikers.ts';
import { plusDagen, plusMaanden } from '../src/kalender/index.ts';
import { bulkInsert } from '../src/opslag/bulk.ts';
import type { Db } from '../src/opslag/database.ts';

/**
 * A large synthetic store for the progress report: grants, early endings with their grounds, refusals
 * (some for a ceiling), premie terms, budget bookings and releases, bezwaren and beschut werk, written
 * in bulk (src/opslag/bulk.ts). Deterministic from the seed; the JSON columns hold only what the
 * report reads, so a million rows fit a benchmark.
 */
export async function vulVoortgang(
  db: Db,
  opties: { gemeente: string; trajecten: number; seed?: number; perTransactie?: number },
): Promise<void> {
  let a = (opties.seed ?? 7) >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const g = opties.gemeente;
  const door = await maakGebruiker(db, {
    gebruikersnaam: `vulling-${randomUUID()}`,
    naam: 'Vulling',
    wachtwoord: 'vulling-wachtwoord',
    rollen: [],
  });
  const VOORZIENINGEN = [
    'participatieplaats',
    'loonkostensubsidie',
    'jobcoaching',
    'scholing',
    'detacheringsbaan',
    'werkstage',
    'proefplaats',
  ];
  const GRONDEN = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const dag = (van: string, dagen: number) => plusDagen(van, Math.floor(r() * dagen));
  const inwoners = Math.max(1, Math.floor(opties.trajecten / 3));
  const inwonerIds: string[] = [];
  const stap = opties.perTransactie ?? 20_000;
  for (let i = 0; i < inwoners; i += stap) {
    const deel = Array.from({ length: Math.min(stap, inwoners - i) }, (_, k) => ({
      id: randomUUID(),
      gemeente: g,
      bsnHash: `vulling-${i + k}-${randomUUID()}`,
      bsnVersleuteld: 'v1:x:x:x',
      naam: `Inwoner ${i + k}`,
    }));
    inwonerIds.push(...deel.map((d) => d.id));
    await bulkInsert(
      'inwoner',
      { id: 'uuid', gemeente: 'text', bsnHash: 'text', bsnVersleuteld: 'text', naam: 'text' },
      deel,
    ).execute(db);
  }
  for (const jaar of [2024, 2025, 2026])
    for (const v of VOORZIENINGEN)
      await db
        .insertInto('budget')
        .values({
          gemeente: g,
          jaar,
          voorziening: v,
          plafondCent: 9_000_000_000,
          deelnemersplafond: v === 'participatieplaats' ? 1_000_000 : null,
          artikel: '3',
        })
        .onConflict((oc) => oc.columns(['gemeente', 'jaar', 'voorziening']).doNothing())
        .execute();
  await db
    .insertInto('beschutWerkPlan')
    .values({ gemeente: g, jaar: 2026, plaatsen: 40 })
    .onConflict((oc) => oc.columns(['gemeente', 'jaar']).doNothing())
    .execute();

  const B = {
    id: 'uuid',
    gemeente: 'text',
    inwonerId: 'uuid',
    vorigeId: 'uuid',
    soort: 'text',
    voorziening: 'text',
    peildatum: 'date',
    besluitdatum: 'date',
    verzondenOp: 'date',
    ingangsdatum: 'date',
    einddatum: 'date',
    uitkomst: 'text',
    casus: 'jsonb',
    resultaat: 'jsonb',
    regelingen: 'jsonb',
    motivering: 'jsonb',
    beeindigingsgrond: 'text',
    jaarbedragCent: 'bigint',
    genomenDoor: 'uuid',
  } as const;
  for (let i = 0; i < opties.trajecten; i += stap) {
    const n = Math.min(stap, opties.trajecten - i);
    const beschikkingen: Record<string, unknown>[] = [];
    const termijnen: Record<string, unknown>[] = [];
    const mutaties: Record<string, unknown>[] = [];
    const bezwaren: Record<string, unknown>[] = [];
    for (let k = 0; k < n; k++) {
      const voorziening = VOORZIENINGEN[Math.floor(r() * VOORZIENINGEN.length)]!;
      const inwonerId = inwonerIds[Math.floor(r() * inwonerIds.length)]!;
      const ingang = dag('2024-01-01', 1090);
      const leeg = {
        regelingen: [],
        casus: {},
        resultaat: {},
        genomenDoor: door,
        gemeente: g,
        inwonerId,
        voorziening,
      };
      if (r() < 0.1) {
        // A refusal; one in five for the ceiling.
        beschikkingen.push({
          ...leeg,
          id: randomUUID(),
          soort: 'afwijzing',
          peildatum: ingang,
          besluitdatum: ingang,
          verzondenOp: ingang,
          uitkomst: 'afgewezen',
          motivering: r() < 0.2 ? { plafond: { artikel: '3', regeling: g, uitleg: 'plafond' } } : {},
          jaarbedragCent: 0,
        });
        continue;
      }
      const id = randomUUID();
      const einde = r() < 0.15 ? null : plusDagen(plusMaanden(ingang, 3 + Math.floor(r() * 22)), -1);
      const jaarbedrag = Math.floor(r() * 2_000_000);
      beschikkingen.push({
        ...leeg,
        id,
        soort: 'toekenning',
        peildatum: ingang,
        besluitdatum: ingang,
        verzondenOp: ingang,
        ingangsdatum: ingang,
        einddatum: einde,
        uitkomst: 'toegestaan',
        motivering: {},
        jaarbedragCent: jaarbedrag,
      });
      const geboekt = r() < 0.9;
      mutaties.push({
        gemeente: g,
        jaar: Number(ingang.slice(0, 4)),
        voorziening,
        soort: 'toekenning',
        bedragCent: jaarbedrag,
        beschikkingId: id,
        door,
        geboekt,
      });
      if (voorziening === 'participatieplaats')
        for (const m of [6, 12])
          termijnen.push({
            gemeente: g,
            beschikkingId: id,
            inwonerId,
            soort: 'premie',
            datum: plusMaanden(ingang, m),
            artikel: '15 lid 5',
            regeling: `${g}/re-integratieverordening`,
            omschrijving: 'premie',
            bedragCent: 15_000,
            status: r() < 0.1 ? 'vervallen' : 'open',
          });
      if (r() < 0.12) {
        const laatste = einde ?? '2027-06-30';
        const eindDatum = dag(
          plusDagen(ingang, 20),
          Math.max(1, (Date.parse(laatste) - Date.parse(ingang)) / 86_400_000 - 20),
        );
        const e = randomUUID();
        beschikkingen.push({
          ...leeg,
          id: e,
          vorigeId: id,
          soort: 'beeindiging',
          peildatum: eindDatum,
          besluitdatum: eindDatum,
          verzondenOp: eindDatum,
          ingangsdatum: ingang,
          einddatum: eindDatum,
          uitkomst: 'beeindigd',
          motivering: {},
          beeindigingsgrond: GRONDEN[Math.floor(r() * GRONDEN.length)],
          jaarbedragCent: 0,
        });
        mutaties.push({
          gemeente: g,
          jaar: Number(ingang.slice(0, 4)),
          voorziening,
          soort: 'vrijval',
          bedragCent: Math.floor(jaarbedrag / 3),
          beschikkingId: e,
          door,
          geboekt,
        });
      }
      if (r() < 0.02) {
        const ontvangen = dag(ingang, 60);
        const uitkomst =
          r() < 0.3
            ? null
            : ['gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken'][Math.floor(r() * 4)];
        bezwaren.push({
          gemeente: g,
          beschikkingId: id,
          ontvangenOp: ontvangen,
          termijnEinde: plusDagen(ingang, 42),
          tijdig: ontvangen <= plusDagen(ingang, 42),
          uitkomst,
          beslistOp: uitkomst ? dag(plusDagen(ontvangen, 1), 120) : null,
        });
      }
    }
    await bulkInsert('beschikking', B, beschikkingen as never).execute(db);
    await bulkInsert(
      'termijn',
      {
        gemeente: 'text',
        beschikkingId: 'uuid',
        inwonerId: 'uuid',
        soort: 'text',
        datum: 'date',
        artikel: 'text',
        regeling: 'text',
        omschrijving: 'text',
        bedragCent: 'bigint',
        status: 'text',
      },
      termijnen as never,
    ).execute(db);
    await bulkInsert(
      'budgetmutatie',
      {
        gemeente: 'text',
        jaar: 'integer',
        voorziening: 'text',
        soort: 'text',
        bedragCent: 'bigint',
        beschikkingId: 'uuid',
        door: 'uuid',
        geboekt: 'boolean',
      },
      mutaties as never,
    ).execute(db);
    if (bezwaren.length > 0)
      await bulkInsert(
        'bezwaar',
        {
          gemeente: 'text',
          beschikkingId: 'uuid',
          ontvangenOp: 'date',
          termijnEinde: 'date',
          tijdig: 'boolean',
          uitkomst: 'text',
          beslistOp: 'date',
        },
        bezwaren as never,
      ).execute(db);
  }
  const indicaties = Array.from({ length: Math.min(120, inwonerIds.length) }, (_, i) => {
    const indicatie = dag('2025-01-01', 600);
    const geplaatst = r() < 0.3 ? dag(indicatie, 200) : null;
    return {
      gemeente: g,
      inwonerId: inwonerIds[i]!,
      indicatiedatum: indicatie,
      status: geplaatst ? 'geplaatst' : 'wachtend',
      geplaatstOp: geplaatst,
      vrijgekomenOp: null,
    };
  });
  await bulkInsert(
    'beschutWerkIndicatie',
    {
      gemeente: 'text',
      inwonerId: 'uuid',
      indicatiedatum: 'date',
      status: 'text',
      geplaatstOp: 'date',
      vrijgekomenOp: 'date',
    },
    indicaties,
  ).execute(db);
  // Fresh statistics and visibility map, as autovacuum would give a store that grew this way: without
  // the statistics the planner guesses row counts of the bulk-loaded tables and picks nested loops,
  // without the map it cannot read the report's covering indexes alone (migration 0040). Only these
  // tables: a bare ANALYZE walks every schema on a shared server.
  await sql`vacuum (analyze) inwoner, beschikking, termijn, budgetmutatie, bezwaar, beschut_werk_indicatie, budget`.execute(
    db,
  );
}
