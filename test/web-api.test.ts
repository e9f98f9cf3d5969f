import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import { vulDemo } from '../src/api/demo.ts';
import { apiVoorvoegsels, metWebapp } from '../src/api/webapp.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import { openOpslag, type Opslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

const engine = standaardEngine();
const kluis = maakBsnKluis(TEST_SLEUTEL);
const VANDAAG = '2026-11-02';
const WORTEL = join(import.meta.dirname, '..');
const DINKELLAND = readFileSync(
  join(WORTEL, 'regelgeving/gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml'),
  'utf8',
);
const ONTWERP = DINKELLAND.replace(/^status: vastgesteld$/m, 'status: ontwerp').replace(
  'bedrag: 150.00,',
  'bedrag: 200.00,',
);

/** The CLI's environment: exactly the store of this run, never the DATABASE_URL of the test process for PGlite. */
function omgeving(eigen: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, DATABASE_SCHEMA: __, ...rest } = process.env;
  return { ...rest, ...eigen };
}

/** The PGlite store on disk (the CLI opens it after the API closes it); PostgreSQL in a schema of its own. */
const OPSLAGEN_OP_SCHIJF = OPSLAGEN.map((o) =>
  o.naam === 'pglite'
    ? {
        naam: o.naam,
        open: async () => {
          const dataDir = mkdtempSync(join(tmpdir(), 'reintegratie-webapi-'));
          const opslag = await openOpslag({ dataDir });
          await migreer(opslag.db, opslag.schema);
          await zorgVoorGemeenten(opslag.db, engine.bibliotheek);
          return {
            opslag,
            env: { DATA_DIR: dataDir },
            opruimen: () => rmSync(dataDir, { recursive: true, force: true }),
          };
        },
      }
    : {
        naam: o.naam,
        open: async () => {
          const opslag = await o.open(engine);
          return {
            opslag,
            env: { DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: opslag.schema! },
            opruimen: () => {},
          };
        },
      },
);

describe.each(OPSLAGEN_OP_SCHIJF)('de API van de webapplicatie op $naam', ({ naam, open }) => {
  let opslag: Opslag;
  let api: TestApi;
  let env: Record<string, string>;
  let opruimen: () => void;
  let sam = '';
  const SAM_BSN = '111222333';

  beforeAll(async () => {
    ({ opslag, env, opruimen } = await open());
    await vulDemo(opslag.db, engine, kluis, { perGemeente: 40 });
    api = await startApi(
      opslag,
      engine,
      {
        cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
        beleid: [{ gemeente: 'dinkelland', rol: 'beleidsmedewerker' }],
        auditor: [{ gemeente: 'dinkelland', rol: 'auditor' }],
        zevenaar: [{ gemeente: 'zevenaar', rol: 'casemanager' }],
      },
      VANDAAG,
    );
    const r = await api.json('cm', 'POST', '/gemeenten/dinkelland/inwoners', {
      bsn: SAM_BSN,
      naam: 'Sam de Proef',
      geboortedatum: '1996-03-01',
    });
    expect(r.status).toBe(201);
    sam = r.body.id;
    for (const [feit, waarde, vanaf] of [
      ['uitkering', 'algemene-bijstand', '2024-01-01'],
      ['kanOnderwijsVolgen', false, '2024-01-01'],
      ['startkwalificatie', false, '2024-01-01'],
      ['startkwalificatie', true, '2026-09-01'],
    ] as const)
      expect(
        (
          await api.json('cm', 'POST', `/gemeenten/dinkelland/inwoners/${sam}/feiten`, {
            naam: feit,
            waarde,
            geldigVanaf: vanaf,
            bron: 'intake',
          })
        ).status,
      ).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await opslag?.sluit().catch(() => undefined);
    opruimen?.();
  });

  it('zoekt een cliënt op naam, klantnummer of BSN, met het BSN gemaskeerd', async () => {
    const opNaam = await api.json('cm', 'GET', '/gemeenten/dinkelland/dossiers?zoek=de%20Proef');
    expect(opNaam.body).toMatchObject({
      gezochtOp: 'naam',
      totaal: 1,
      items: [{ id: sam, naam: 'Sam de Proef', bsn: '******333' }],
    });
    const klantnummer = opNaam.body.items[0].klantnummer as number;
    expect(Number.isInteger(klantnummer) && klantnummer > 0).toBe(true);
    const opNummer = await api.json('cm', 'GET', `/gemeenten/dinkelland/dossiers?zoek=${klantnummer}`);
    expect(opNummer.body).toMatchObject({ gezochtOp: 'klantnummer', totaal: 1, items: [{ id: sam }] });
    const opBsn = await api.json('cm', 'GET', `/gemeenten/dinkelland/dossiers?zoek=${SAM_BSN}`);
    expect(opBsn.body).toMatchObject({ gezochtOp: 'bsn', totaal: 1, items: [{ id: sam }] });
    expect(JSON.stringify(opBsn.body)).not.toContain(SAM_BSN);
    // Another gemeente's search finds nothing of Dinkelland, also by BSN.
    const vreemd = await api.json('zevenaar', 'GET', `/gemeenten/zevenaar/dossiers?zoek=${SAM_BSN}`);
    expect(vreemd.body.totaal).toBe(0);
  });

  it('leest het hele dossier in één keer, met de geschiedenis van elk feit en wie het vastlegde', async () => {
    const d = await api.json('cm', 'GET', `/gemeenten/dinkelland/dossiers/${sam}`);
    expect(d.status).toBe(200);
    expect(d.body.inwoner).toMatchObject({
      id: sam,
      naam: 'Sam de Proef',
      bsn: '******333',
      casemanager: 'cm',
    });
    const start = d.body.feiten.filter((f: { naam: string }) => f.naam === 'startkwalificatie');
    expect(start.map((f: { waarde: unknown; geldigVanaf: string }) => [f.waarde, f.geldigVanaf])).toEqual([
      [true, '2026-09-01'],
      [false, '2024-01-01'],
    ]);
    expect(start[0]).toMatchObject({ bron: 'intake', vastgelegdDoor: 'cm' });
    const audit = await opslag.db
      .selectFrom('audit')
      .selectAll()
      .where('actie', '=', 'dossier-lezen')
      .where('objectId', '=', sam)
      .execute();
    expect(audit.length).toBe(1);
    // Under the own gemeente path, another gemeente's client does not exist.
    const elders = await opslag.db
      .selectFrom('inwoner')
      .select('id')
      .where('gemeente', '=', 'zevenaar')
      .executeTakeFirstOrThrow();
    const r = await api.verzoek('cm', 'GET', `/gemeenten/dinkelland/dossiers/${elders.id}`);
    expect(r.status).toBe(404);
  });

  it('wat kan ik aanbieden: de feiten van de peildatum, en een beantwoorde vraag verandert de uitkomst', async () => {
    const aanvraag = {
      voorziening: 'participatieplaats',
      ingangsdatum: VANDAAG,
      duurMaanden: 12,
      urenPerWeek: 24,
      voldoendeMeegewerkt: true,
    };
    const zonder = await api.json('cm', 'POST', `/gemeenten/dinkelland/dossiers/${sam}/aanbod`, {
      peildatum: VANDAAG,
      aanvraag,
    });
    expect(zonder.status).toBe(200);
    const v = zonder.body.voorzieningen[0];
    expect(v.uitkomst).toBe('ter-beoordeling');
    expect(v.vragen.length).toBeGreaterThan(0);
    const oordelen = Object.fromEntries(v.vragen.map((q: { feit: string }) => [q.feit, true]));
    const met = await api.json('cm', 'POST', `/gemeenten/dinkelland/dossiers/${sam}/aanbod`, {
      peildatum: VANDAAG,
      aanvraag,
      oordelen,
    });
    expect(met.body.voorzieningen[0].uitkomst).toBe('toegestaan');
    // Every voorziening when no request is given; the facts as they stood on the peildatum.
    const alles = await api.json('cm', 'POST', `/gemeenten/dinkelland/dossiers/${sam}/aanbod`, {
      peildatum: '2025-01-01',
    });
    expect(alles.body.voorzieningen.length).toBeGreaterThan(5);
    expect(alles.body.peildatum).toBe('2025-01-01');
    const leer = alles.body.voorzieningen.find(
      (x: { voorziening: string }) => x.voorziening === 'leerwerktraject',
    );
    const leerNu = (
      await api.json('cm', 'POST', `/gemeenten/dinkelland/dossiers/${sam}/aanbod`, { peildatum: VANDAAG })
    ).body.voorzieningen.find((x: { voorziening: string }) => x.voorziening === 'leerwerktraject');
    // Without a startkwalificatie in 2025, with one from September 2026: the leer-werktraject reasons differ.
    expect(JSON.stringify(leer.gronden)).not.toBe(JSON.stringify(leerNu.gronden));
    expect(
      await opslag.db
        .selectFrom('audit')
        .select('id')
        .where('actie', '=', 'aanbod-bekijken')
        .where('objectId', '=', sam)
        .execute(),
    ).toHaveLength(4);
  });

  it('de agenda noemt de cliënt bij naam, te laat eerst, alleen de eigen cliënten', async () => {
    const r = await api.json('cm', 'GET', '/gemeenten/dinkelland/agenda?tot=2030-12-31&casemanager=iedereen');
    expect(r.status).toBe(200);
    const punten = r.body.punten as {
      datum: string;
      teLaat: boolean;
      naam: string;
      klantnummer: number;
      voorziening: string;
    }[];
    expect(punten.length).toBeGreaterThan(0);
    expect(punten.map((p) => p.datum)).toEqual([...punten.map((p) => p.datum)].sort());
    const eersteOpTijd = punten.findIndex((p) => !p.teLaat);
    expect(punten.slice(eersteOpTijd).every((p) => !p.teLaat)).toBe(true);
    expect(r.body.teLaat).toBe(punten.filter((p) => p.teLaat).length);
    expect(punten.every((p) => p.naam.length > 0 && p.klantnummer > 0 && p.voorziening.length > 0)).toBe(
      true,
    );
    const vanDinkelland = new Set(
      (await opslag.db.selectFrom('inwoner').select('id').where('gemeente', '=', 'dinkelland').execute()).map(
        (i) => i.id,
      ),
    );
    expect(
      punten.filter((p) => !vanDinkelland.has((p as unknown as { inwonerId: string }).inwonerId)),
    ).toEqual([]);
    // The demo caseload belongs to the demo casemanager, not to this user: "mine" is only Sam, who has no terms yet.
    const eigen = await api.json('cm', 'GET', '/gemeenten/dinkelland/agenda?tot=2030-12-31&casemanager=ik');
    expect(eigen.body.punten).toEqual([]);
  });

  it('de regeling als document: artikeltekst naast regels, parameters en de wet waarop het rust', async () => {
    const lijst = await api.json('beleid', 'GET', '/gemeenten/dinkelland/regelingen');
    expect(lijst.body.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['dinkelland/re-integratieverordening', 'participatiewet']),
    );
    const doc = await api.json(
      'beleid',
      'GET',
      '/gemeenten/dinkelland/regelingen/re-integratieverordening/versies/2015-07-01',
    );
    expect(doc.status).toBe(200);
    const art15 = doc.body.artikelen.find((a: { nummer: string }) => a.nummer === '15');
    expect(art15.tekst).toContain('€ 150,- per 6 maanden');
    expect(
      art15.regels.some(
        (r: { soort: string; voorziening: string }) =>
          r.soort === 'voorwaarde' && r.voorziening === 'participatieplaats',
      ),
    ).toBe(true);
    expect(art15.parameters.map((p: { naam: string }) => p.naam)).toContain('premie-participatieplaats');
    expect(
      art15.grondslag.some(
        (g: { regeling: string; artikel: string }) =>
          g.regeling === 'participatiewet' && g.artikel.startsWith('10a'),
      ),
    ).toBe(true);
    const art = await api.json(
      'cm',
      'GET',
      '/gemeenten/dinkelland/regelingen/participatiewet/artikelen/10a?datum=2026-11-02',
    );
    expect(art.body).toMatchObject({ nummer: '10a', regeling: 'participatiewet' });
    expect(
      (
        await api.verzoek(
          'cm',
          'GET',
          '/gemeenten/dinkelland/regelingen/re-integratieverordening/artikelen/999',
        )
      ).status,
    ).toBe(404);
    const gronden = await api.json('cm', 'GET', '/gemeenten/dinkelland/beeindigingsgronden?datum=2026-11-02');
    expect(gronden.body.map((g: { code: string }) => g.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('vergelijkt een versie met een geüpload ontwerp; een fout ontwerp noemt bestand, regel en veld', async () => {
    const pad = '/gemeenten/dinkelland/regelingen/re-integratieverordening/verschil';
    const goed = await api.json('beleid', 'POST', pad, {
      van: '2015-07-01',
      ontwerp: { bestandsnaam: 'concept.yaml', regels: ONTWERP.split('\n') },
    });
    expect(goed.status, JSON.stringify(goed.body)).toBe(200);
    expect(goed.body.naar.status).toBe('ontwerp');
    expect(goed.body.verschillen).toContainEqual(
      expect.objectContaining({
        onderdeel: 'parameter',
        sleutel: 'premie-participatieplaats',
        soort: 'gewijzigd',
      }),
    );
    const kapot = await api.json('beleid', 'POST', pad, {
      van: '2015-07-01',
      ontwerp: {
        bestandsnaam: 'concept.yaml',
        regels: ONTWERP.replace('eenheid: cent', 'eenheid: gulden').split('\n'),
      },
    });
    expect(kapot.status).toBe(422);
    expect(kapot.body.fouten[0]).toMatchObject({
      bestand: 'concept.yaml',
      pad: expect.stringContaining('eenheid'),
    });
    // The line of the wrong unit in the uploaded file (Dinkelland's own premie parameter).
    expect(kapot.body.fouten[0].regel).toBe(
      ONTWERP.split('\n').findIndex((r) => r.includes('eenheid: cent')) + 1,
    );
    expect(JSON.stringify(kapot.body)).not.toContain(tmpdir());
    const vreemd = await api.json('beleid', 'POST', pad, {
      van: '2015-07-01',
      ontwerp: {
        bestandsnaam: 'x.yaml',
        regels: ONTWERP.replace(
          'id: dinkelland/re-integratieverordening',
          'id: zevenaar/re-integratieverordening',
        ).split('\n'),
      },
    });
    expect(vreemd.status).toBe(422);
    expect(vreemd.body.fouten[0].pad).toBe('id');
    const vastgesteld = await api.json('beleid', 'POST', pad, {
      van: '2015-07-01',
      ontwerp: { bestandsnaam: 'x.yaml', regels: DINKELLAND.split('\n') },
    });
    expect(vastgesteld.body.fouten[0].pad).toBe('status');
  });

  it('toetst de verordening op een datum aan de wet', async () => {
    const r = await api.json('beleid', 'GET', '/gemeenten/dinkelland/conformiteit?datum=2026-11-22');
    expect(r.status).toBe(200);
    const plan = engine.planOp('dinkelland', '2026-11-22');
    expect(plan.ok && r.body.conflicten).toEqual(
      plan.ok ? JSON.parse(JSON.stringify(plan.plan.conflicten)) : null,
    );
    expect(r.body.wet.geldigVanaf <= '2026-11-22').toBe(true);
  });

  it('de impact van een ontwerp op de opgeslagen cliënten geeft dezelfde cijfers als reintegratie impact --store', async () => {
    // A running participatieplaats of 24 hours a week, so the changed premie shows in the yearly cost.
    const aanvraag = {
      voorziening: 'participatieplaats',
      ingangsdatum: VANDAAG,
      duurMaanden: 12,
      urenPerWeek: 24,
      voldoendeMeegewerkt: true,
    };
    const vragen = (
      await api.json('cm', 'POST', `/gemeenten/dinkelland/dossiers/${sam}/aanbod`, {
        peildatum: VANDAAG,
        aanvraag,
      })
    ).body.voorzieningen[0].vragen;
    const besluit = await api.json('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', {
      inwonerId: sam,
      soort: 'toekenning',
      peildatum: VANDAAG,
      aanvraag,
      oordelen: Object.fromEntries(
        vragen.map((q: { feit: string }) => [
          q.feit,
          { antwoord: true, motivering: 'Passend gezien de afstand.' },
        ]),
      ),
    });
    expect(besluit.status).toBe(201);

    expect(
      (
        await api.verzoek('cm', 'POST', '/gemeenten/dinkelland/impact', {
          datum: VANDAAG,
          ontwerp: { bestandsnaam: 'c.yaml', regels: ONTWERP.split('\n') },
        })
      ).status,
    ).toBe(403);
    const viaUpload = await api.json('beleid', 'POST', '/gemeenten/dinkelland/impact', {
      datum: VANDAAG,
      ontwerp: { bestandsnaam: 'concept.yaml', regels: ONTWERP.split('\n') },
    });
    expect(viaUpload.status).toBe(200);
    const viaFormulier = await api.json('beleid', 'POST', '/gemeenten/dinkelland/impact', {
      datum: VANDAAG,
      parameter: {
        regeling: 'dinkelland/re-integratieverordening',
        naam: 'premie-participatieplaats',
        waarde: 20000,
      },
    });
    expect(viaFormulier.status).toBe(200);
    const pp = viaUpload.body.voorzieningen.find(
      (v: { voorziening: string }) => v.voorziening === 'participatieplaats',
    );
    expect(pp.jaarlast.verschilCent).toBeGreaterThanOrEqual(100_00);
    expect(pp.jaarlast.verschilCent % 100_00).toBe(0);
    const cijfers = (b: Record<string, unknown>) => ({
      casussen: b.casussen,
      metAanvraag: b.metAanvraag,
      zonderAanvraag: b.zonderAanvraag,
      gewijzigd: b.gewijzigd,
      jaarlast: b.jaarlast,
      voorzieningen: (b.voorzieningen as Record<string, unknown>[]).map(({ titel: _, ...v }) => v),
    });
    expect(cijfers(viaFormulier.body)).toEqual(cijfers(viaUpload.body));
    expect(viaFormulier.body.naar.status).toBe('ontwerp');

    // The CLI on the same store: PGlite opens it alone, so the API's connection closes first.
    const map = mkdtempSync(join(tmpdir(), 'reintegratie-ontwerp-test-'));
    mkdirSync(map, { recursive: true });
    writeFileSync(join(map, '2015-07-01.yaml'), ONTWERP);
    if (naam === 'pglite') await opslag.sluit();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        join(WORTEL, 'bin/reintegratie.js'),
        'impact',
        '--to',
        join(map, '2015-07-01.yaml'),
        '--date',
        VANDAAG,
        '--store',
        '--json',
      ],
      { env: omgeving(env), maxBuffer: 10_000_000 },
    );
    rmSync(map, { recursive: true, force: true });
    const cli = JSON.parse(stdout);
    expect(cijfers(viaUpload.body)).toEqual(cijfers(cli));
    expect(viaUpload.body.bron.inwoners).toBe(cli.bron.inwoners);
    if (naam === 'pglite') opslag = await openOpslag({ dataDir: env.DATA_DIR! });
    api = await startApi(
      opslag,
      engine,
      {
        cm2: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
        auditor2: [{ gemeente: 'dinkelland', rol: 'auditor' }],
        manager2: [{ gemeente: 'dinkelland', rol: 'manager' }],
      },
      VANDAAG,
    );
  }, 120_000);

  it('het managementoverzicht telt budget, deelnemers, beschut werk en gestart en beëindigd per kwartaal', async () => {
    const r = await api.json('manager2', 'GET', '/gemeenten/dinkelland/overzichten/2026');
    expect(r.status).toBe(200);
    const budgetten = (await api.json('manager2', 'GET', '/gemeenten/dinkelland/budgetten/2026')).body as {
      voorziening: string;
      plafondCent: number;
      besteedCent: number;
    }[];
    expect(
      r.body.budgetten.map((b: { voorziening: string; plafondCent: number; besteedCent: number }) => [
        b.voorziening,
        b.plafondCent,
        b.besteedCent,
      ]),
    ).toEqual(budgetten.map((b) => [b.voorziening, b.plafondCent, b.besteedCent]));
    expect(r.body.budgetten.every((b: { titel: string; voorziening: string }) => b.titel.length > 0)).toBe(
      true,
    );
    const gestart = await opslag.db
      .selectFrom('beschikking')
      .select('ingangsdatum')
      .where('gemeente', '=', 'dinkelland')
      .where('soort', '=', 'toekenning')
      .where('ingangsdatum', '>=', '2026-01-01')
      .where('ingangsdatum', '<=', '2026-12-31')
      .execute();
    expect(r.body.kwartalen.reduce((s: number, k: { gestart: number }) => s + k.gestart, 0)).toBe(
      gestart.length,
    );
    for (const k of r.body.kwartalen as { beeindigd: number; perGrond: Record<string, number> }[])
      expect(Object.values(k.perGrond).reduce((s, n) => s + n, 0)).toBe(k.beeindigd);
    const plan = await opslag.db
      .selectFrom('beschutWerkPlan')
      .selectAll()
      .where('gemeente', '=', 'dinkelland')
      .where('jaar', '=', 2026)
      .executeTakeFirst();
    expect(r.body.beschutWerk.plaatsen).toBe(plan?.plaatsen ?? null);
    expect(r.body.gronden.map((g: { code: string }) => g.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('het auditspoor filtert op cliënt, gebruiker, actie en periode, met namen', async () => {
    await api.json('cm2', 'GET', `/gemeenten/dinkelland/dossiers/${sam}`);
    expect((await api.verzoek('cm2', 'GET', '/gemeenten/dinkelland/auditspoor')).status).toBe(403);
    const opClient = await api.json('auditor2', 'GET', `/gemeenten/dinkelland/auditspoor?inwoner=${sam}`);
    expect(opClient.status).toBe(200);
    const regels = opClient.body.regels as {
      objectId: string;
      inwoner: { naam: string } | null;
      actie: string;
      gebruikersnaam: string | null;
    }[];
    expect(regels.length).toBeGreaterThan(3);
    const besluiten = (
      await opslag.db.selectFrom('beschikking').select('id').where('inwonerId', '=', sam).execute()
    ).map((b) => b.id);
    expect(regels.every((x) => x.objectId === sam || besluiten.includes(x.objectId))).toBe(true);
    expect(regels.every((x) => x.inwoner?.naam === 'Sam de Proef')).toBe(true);
    expect(regels.map((x) => x.actie)).toEqual(
      expect.arrayContaining(['dossier-lezen', 'aanbod-bekijken', 'toekenning']),
    );
    const lezen = await api.json(
      'auditor2',
      'GET',
      `/gemeenten/dinkelland/auditspoor?inwoner=${sam}&actie=dossier-lezen&gebruiker=cm2`,
    );
    expect(lezen.body.regels).toHaveLength(1);
    expect(lezen.body.regels[0]).toMatchObject({ gebruikersnaam: 'cm2', actie: 'dossier-lezen' });
    const toekomst = await api.json('auditor2', 'GET', `/gemeenten/dinkelland/auditspoor?van=2099-01-01`);
    expect(toekomst.body.regels).toEqual([]);
    const vandaag = new Date().toISOString().slice(0, 10);
    const periode = await api.json(
      'auditor2',
      'GET',
      `/gemeenten/dinkelland/auditspoor?inwoner=${sam}&van=${vandaag}&tot=${vandaag}`,
    );
    // Everything about Sam happened today, plus the two reads of the trail filtered on Sam since.
    expect(periode.body.regels.length).toBe(regels.length + 2);
    expect(
      (await api.verzoek('auditor2', 'GET', '/gemeenten/dinkelland/auditspoor?inwoner=geen-uuid')).status,
    ).toBe(400);
    // Unfiltered: the whole trail of Dinkelland, and nothing of another gemeente.
    const alles = await api.json('auditor2', 'GET', '/gemeenten/dinkelland/auditspoor?limiet=1000');
    const getoond = (alles.body.regels as { id: number }[]).map((r) => r.id);
    const eigen = (
      await opslag.db.selectFrom('audit').select('id').where('gemeente', '=', 'dinkelland').execute()
    )
      .map((a) => Number(a.id))
      .filter((id) => id <= Math.max(...getoond));
    expect(eigen.length).toBeLessThan(1000);
    expect([...getoond].sort((x, y) => x - y)).toEqual(eigen.sort((x, y) => x - y));
  });
});

describe('de webapplicatie naast de API op één poort', () => {
  const map = mkdtempSync(join(tmpdir(), 'reintegratie-dist-'));
  mkdirSync(join(map, 'assets'));
  writeFileSync(join(map, 'index.html'), '<!doctype html><html lang="nl"><title>app</title></html>');
  writeFileSync(join(map, 'assets', 'app-123.js'), 'console.log(1)');
  const api = (r: Request) => new Response(`api ${r.method} ${new URL(r.url).pathname}`, { status: 200 });
  const fetch = metWebapp(api, {
    map,
    voorvoegsels: apiVoorvoegsels([
      { path: '/gemeenten/:gemeente/dossiers' },
      { path: '/auth/login' },
      { path: '/feiten' },
    ]),
  });
  const haal = async (pad: string, methode = 'GET') => {
    const r = await fetch(new Request(`http://localhost${pad}`, { method: methode }));
    return {
      status: r.status,
      type: r.headers.get('content-type'),
      tekst: await r.text(),
      koppen: r.headers,
    };
  };
  afterAll(() => rmSync(map, { recursive: true, force: true }));

  it('geeft client-routes de app, bestanden uit de build, en laat API-paden aan de API', async () => {
    expect(await haal('/dinkelland/clienten/123')).toMatchObject({
      status: 200,
      tekst: expect.stringContaining('lang="nl"'),
    });
    expect((await haal('/')).koppen.get('content-security-policy')).toContain("script-src 'self'");
    expect(await haal('/assets/app-123.js')).toMatchObject({
      status: 200,
      type: expect.stringContaining('javascript'),
    });
    expect((await haal('/assets/app-123.js')).koppen.get('cache-control')).toContain('immutable');
    expect(await haal('/gemeenten/dinkelland/dossiers')).toMatchObject({
      tekst: 'api GET /gemeenten/dinkelland/dossiers',
    });
    expect(await haal('/feiten')).toMatchObject({ tekst: 'api GET /feiten' });
    expect(await haal('/openapi.json')).toMatchObject({ tekst: 'api GET /openapi.json' });
    expect(await haal('/dinkelland/clienten', 'POST')).toMatchObject({
      tekst: 'api POST /dinkelland/clienten',
    });
  });

  it('een nieuwe build onder een draaiende server geeft de nieuwe pagina, met de nieuwe bestandsnamen', async () => {
    expect((await haal('/x')).tekst).toContain('<title>app</title>');
    writeFileSync(join(map, 'index.html'), '<!doctype html><html lang="nl"><title>nieuw</title></html>');
    const { utimesSync } = await import('node:fs');
    utimesSync(join(map, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    expect((await haal('/x')).tekst).toContain('<title>nieuw</title>');
  });

  it('geeft nooit een bestand buiten de build, en een ontbrekend script is 404, geen pagina', async () => {
    expect(await haal('/assets/weg.js')).toMatchObject({ status: 404 });
    for (const pad of [
      '/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/%00.js',
    ])
      expect((await haal(pad)).tekst, pad).not.toContain('"name"');
  });
});
