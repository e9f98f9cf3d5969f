import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vulDemo } from '../src/api/demo.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { ROLLEN } from '../src/opslag/schema.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { type Ids, idsVan, operaties, voorbeeldBody, vulPad } from './api-voorbeelden.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

const engine = standaardEngine();
const kluis = maakBsnKluis(TEST_SLEUTEL);

/**
 * Tenant isolation over every endpoint the API describes, not a hand-picked list: each path under
 * /gemeenten/{gemeente} from /openapi.json is called for Dinkelland, with ids of real Dinkelland
 * resources, by a user who holds every role in Zevenaar and none in Dinkelland. A new route is
 * covered as soon as it is documented.
 */
/**
 * A letter, a stored progress report or an SRG delivery exists only once made: its route is checked
 * for foreign ids all the same; that a made one is read is tested in documenten-api.
 */
const eerstGemaakt = (pad: string) =>
  pad.endsWith('/brief') || /\/voortgangsrapportages\/|\/srg-leveringen\//.test(pad);

describe.each(OPSLAGEN)('gemeenten gescheiden over elk endpoint op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  const ids: Record<string, string> = {};
  const namen: string[] = [];
  let bsn = '';
  let zevenaar: Ids;
  let dinkelland: Ids;
  const zevenaarNamen: string[] = [];

  beforeAll(async () => {
    opslag = await open(engine);
    await vulDemo(opslag.db, engine, kluis, { perGemeente: 40 });
    const alleRollen = (gemeente: string) => ROLLEN.map((rol) => ({ gemeente, rol }));
    api = await startApi(opslag, engine, {
      vreemde: alleRollen('zevenaar'),
      eigen: alleRollen('dinkelland'),
    });
    // A bezwaar and an aanvraag in Zevenaar (the demo data has none), so their routes get real ids.
    const zi = await opslag.db
      .selectFrom('inwoner')
      .select(['id', 'casemanagerId'])
      .where('gemeente', '=', 'zevenaar')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await opslag.db
      .insertInto('aanvraag')
      .values({
        gemeente: 'zevenaar',
        inwonerId: zi.id,
        voorziening: 'participatieplaats',
        soort: 'aanvraag',
        ontvangenOp: '2026-11-01',
        gegevens: JSON.stringify({ voorziening: 'participatieplaats' }),
        aangemaaktDoor: zi.casemanagerId!,
      })
      .execute();
    const zb = await opslag.db
      .selectFrom('beschikking')
      .select('id')
      .where('gemeente', '=', 'zevenaar')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await opslag.db
      .insertInto('bezwaar')
      .values({
        gemeente: 'zevenaar',
        beschikkingId: zb.id,
        ontvangenOp: '2026-11-20',
        termijnEinde: '2026-12-15',
        tijdig: true,
      })
      .execute();
    // A draft with an advice round of Zevenaar, so the draft routes are tried with a real foreign id.
    const zo = await opslag.db
      .insertInto('ontwerp')
      .values({
        gemeente: 'zevenaar',
        regeling: 'zevenaar/re-integratieverordening',
        geldigVanaf: '2017-01-01',
        bestandsnaam: '2017-01-01.yaml',
        inhoud: readFileSync(
          join(engine.bibliotheek.wortel, 'gemeente/zevenaar/re-integratieverordening/2017-01-01.yaml'),
          'utf8',
        ).replace('status: vastgesteld', 'status: ontwerp'),
        hash: 'tenancy',
        teksten: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await opslag.db
      .insertInto('adviesronde')
      .values({
        ontwerpId: zo.id,
        gemeente: 'zevenaar',
        inhoud: JSON.stringify({
          regeling: 'zevenaar/re-integratieverordening',
          versie: '2017-01-01',
          gemeenten: ['zevenaar'],
          besprokenMet: [],
          adviesorganen: [{ id: 'raad', naam: 'Adviesraad Zevenaar', soort: 'anders' }],
          onderwerp: 'Tenancy',
          gevraagdOp: '2016-10-01',
          ontvangenOp: '2016-11-01',
          punten: [
            {
              id: 'p',
              thema: 'Geheim van Zevenaar',
              artikelen: [],
              advies: 'Alleen Zevenaar leest dit.',
              adviesLetterlijk: true,
              reactie: { onbekend: 'nog niet' },
            },
          ],
          bron: { document: 'Tenancy', bestand: 'tenancy', ontbreekt: [] },
        }),
      })
      .execute();
    zevenaar = await idsVan(opslag.db, 'zevenaar');
    expect(Object.values(zevenaar)).not.toContain('00000000-0000-4000-8000-000000000000');
    const z = await opslag.db
      .selectFrom('inwoner')
      .select('naam')
      .where('gemeente', '=', 'zevenaar')
      .execute();
    zevenaarNamen.push(...z.map((i) => i.naam));
    const db = opslag.db;
    const inwoners = await db
      .selectFrom('inwoner')
      .select(['id', 'naam', 'bsnVersleuteld'])
      .where('gemeente', '=', 'dinkelland')
      .execute();
    namen.push(...inwoners.map((i) => i.naam));
    bsn = kluis.ontsleutel(inwoners[0]!.bsnVersleuteld);
    const eerste = async (
      tabel: 'beschikking' | 'termijn' | 'beschutWerkIndicatie' | 'aanvraag' | 'bezwaar',
    ) =>
      String(
        (
          await db
            .selectFrom(tabel)
            .select('id')
            .where('gemeente', '=', 'dinkelland')
            .orderBy('id')
            .executeTakeFirst()
        )?.id ?? '00000000-0000-4000-8000-000000000000',
      );
    ids.inwoner = inwoners[0]!.id;
    ids.beschikking = await eerste('beschikking');
    ids.termijn = await eerste('termijn');
    ids.indicatie = await eerste('beschutWerkIndicatie');
    ids.aanvraag = await eerste('aanvraag');
    ids.bezwaar = await eerste('bezwaar');
    dinkelland = {
      ...(await idsVan(db, 'dinkelland')),
      inwoner: ids.inwoner,
      beschikking: ids.beschikking,
      termijn: ids.termijn,
      indicatie: ids.indicatie,
      aanvraag: ids.aanvraag,
      bezwaar: ids.bezwaar,
    };
  }, 120_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  /** Fills a documented path with Dinkelland's real ids (see test/api-voorbeelden.ts). */
  const vul = (pad: string) => vulPad(pad, 'dinkelland', dinkelland);

  it('geeft 404 op elke route van een andere gemeente, zonder iets van die gemeente te tonen', async () => {
    const doc = (await (await api.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = Object.entries(doc.paths)
      .filter(([pad]) => pad.startsWith('/gemeenten/{gemeente}'))
      .flatMap(([pad, methoden]) => Object.keys(methoden).map((m) => [m.toUpperCase(), vul(pad)] as const));
    expect(routes.length).toBeGreaterThan(20);
    for (const [methode, pad] of routes) {
      const body = methode === 'GET' ? undefined : {};
      const r = await api.verzoek('vreemde', methode, pad, body, { 'if-match': '"1"' });
      const tekst = await r.text();
      expect(r.status, `${methode} ${pad}`).toBe(404);
      expect(tekst, `${methode} ${pad}`).toContain("gemeente 'dinkelland' niet gevonden");
      for (const id of Object.values(ids)) expect(tekst).not.toContain(id);
      for (const naam of namen.slice(0, 20)) expect(tekst).not.toContain(naam);
    }
    // The same GETs succeed for a user of Dinkelland: the ids are real, so the 404s above are tenancy.
    const gets = routes.filter(
      // The demo data holds no bezwaar, aanvraag, draft (ontwerp) or letter to read.
      ([m, pad]) =>
        m === 'GET' &&
        !pad.includes('bezwaren/') &&
        !pad.includes('aanvragen/') &&
        !pad.includes('ontwerpen/') &&
        !eerstGemaakt(pad),
    );
    for (const [, pad] of gets) expect((await api.verzoek('eigen', 'GET', pad)).status, pad).toBe(200);
  });

  it('toont in lijsten, tellingen, zoeken en audit alleen de eigen gemeente', async () => {
    const gemeenten = (await api.json('vreemde', 'GET', '/gemeenten')).body as { slug: string }[];
    expect(gemeenten.map((g) => g.slug)).toEqual(['zevenaar']);

    const inZevenaar = await opslag.db
      .selectFrom('inwoner')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('gemeente', '=', 'zevenaar')
      .executeTakeFirstOrThrow();
    const lijst = await api.json('vreemde', 'GET', '/gemeenten/zevenaar/inwoners?limiet=500');
    expect(lijst.body.totaal).toBe(Number(inZevenaar.n));
    expect(lijst.body.items.every((i: { gemeente: string }) => i.gemeente === 'zevenaar')).toBe(true);

    // A Dinkelland client's BSN and name find nothing from Zevenaar.
    const opBsn = await api.json('vreemde', 'GET', `/gemeenten/zevenaar/inwoners?bsn=${bsn}`);
    expect(opBsn.body).toMatchObject({ totaal: 0, items: [] });
    const opNaam = await api.json(
      'vreemde',
      'GET',
      `/gemeenten/zevenaar/inwoners?naam=${encodeURIComponent(namen[0]!)}`,
    );
    expect(opNaam.body.items.every((i: { gemeente: string }) => i.gemeente === 'zevenaar')).toBe(true);
    const eigenZoek = await api.json('eigen', 'GET', `/gemeenten/dinkelland/inwoners?bsn=${bsn}`);
    expect(eigenZoek.body.totaal).toBe(1);

    for (const pad of [
      '/gemeenten/zevenaar/termijnen?tot=2030-12-31',
      '/gemeenten/zevenaar/audit?limiet=500',
      '/gemeenten/zevenaar/budgetten/2026',
      '/gemeenten/zevenaar/beschut-werk/wachtlijst',
      '/gemeenten/zevenaar/aanvragen',
    ]) {
      const r = await api.verzoek('vreemde', 'GET', pad);
      expect(r.status, pad).toBe(200);
      const tekst = await r.text();
      expect(tekst, pad).not.toContain('dinkelland');
      expect(tekst, pad).not.toContain(ids.inwoner!);
    }
  });
  it('geeft 404 op elke route met een id van een andere gemeente onder de eigen gemeente, zonder iets te tonen of te schrijven', async () => {
    const doc = (await (await api.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, any>>;
    };
    // Every single-resource route, and every route whose body names a resource by id.
    const ops = operaties(doc).filter(
      (o) =>
        o.pad.startsWith('/gemeenten/{gemeente}/') &&
        (/\{(id|bezwaarId)\}/.test(o.pad) ||
          /"(inwonerId|indicatieId|aanvraagId)"/.test(
            JSON.stringify(voorbeeldBody(o.methode, o.pad, zevenaar) ?? {}),
          )),
    );
    expect(ops.length).toBeGreaterThan(15);
    const telling = async () =>
      Promise.all(
        (['feit', 'beschikking', 'aanvraag', 'bezwaar', 'beschutWerkIndicatie', 'termijn'] as const).map(
          async (t) =>
            (
              await opslag.db
                .selectFrom(t)
                .select((eb) => eb.fn.countAll<number>().as('n'))
                .where('gemeente', '=', 'zevenaar')
                .executeTakeFirstOrThrow()
            ).n,
        ),
      );
    const voor = await telling();
    const eigenCasemanager = (await idsVan(opslag.db, 'dinkelland')).casemanager;
    const vreemdeIds = Object.values(zevenaar).filter((id) => id.includes('-'));
    for (const op of ops) {
      const pad = vulPad(op.pad, 'dinkelland', zevenaar);
      // Foreign resources; the casemanager named in a body is Dinkelland's own (a foreign one is a 400).
      const body = voorbeeldBody(op.methode, op.pad, { ...zevenaar, casemanager: eigenCasemanager });
      const r = await api.verzoek('eigen', op.methode, pad, body, { 'if-match': '"1"' });
      const tekst = await r.text();
      expect(r.status, `${op.methode} ${op.pad}: ${tekst.slice(0, 200)}`).toBe(404);
      for (const id of vreemdeIds) expect(tekst, `${op.methode} ${op.pad}`).not.toContain(id);
      for (const naam of zevenaarNamen.slice(0, 20))
        expect(tekst, `${op.methode} ${op.pad}`).not.toContain(naam);
    }
    // Nothing was written to Zevenaar's data, and nothing about its people entered Dinkelland's trail.
    expect(await telling()).toEqual(voor);
    const gelogd = await opslag.db
      .selectFrom('audit')
      .select('objectId')
      .where('gemeente', '=', 'dinkelland')
      .where((eb) => eb.or([eb('objectId', 'in', vreemdeIds), eb('betrokkene', 'in', vreemdeIds)]))
      .execute();
    expect(gelogd).toEqual([]);
    // The ids are real: under Zevenaar's own path its users read them.
    const gets = ops.filter((o) => o.methode === 'GET' && !eerstGemaakt(o.pad));
    expect(gets.length).toBeGreaterThan(5);
    for (const op of gets) {
      const pad = vulPad(op.pad, 'zevenaar', zevenaar);
      const r = await api.verzoek('vreemde', 'GET', pad);
      expect(r.status, pad).toBe(200);
    }
  });
});
