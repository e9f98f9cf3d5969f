import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lokaleAuthenticator } from '../src/administratie/gebruikers.ts';
import { maakApp } from '../src/api/app.ts';
import { vulDemo } from '../src/api/demo.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import type { Engine } from '../src/engine/index.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { type Ids, idsVan, operaties, vulPad } from './api-voorbeelden.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

const engine = standaardEngine();
const kluis = maakBsnKluis(TEST_SLEUTEL);
const D = '/gemeenten/dinkelland';

/**
 * Data minimisation and the audit of reads: a purpose from the gemeente's list for every read of
 * personal data, the whole BSN only for a casemanager with a purpose that needs it, and every read
 * recorded with the person it was about, lists included.
 */
describe.each(OPSLAGEN)('doelbinding en het auditlog van raadplegingen op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  let ids: Ids;
  let bsn = '';

  const audit = async () =>
    opslag.db
      .selectFrom('audit')
      .select(['id', 'actie', 'object', 'objectId', 'betrokkene', 'doel', 'gebruikerId'])
      .where('gemeente', '=', 'dinkelland')
      .orderBy('id')
      .execute();
  const sinds = async (id: number) => (await audit()).filter((a) => Number(a.id) > id);
  const laatste = async () => Number((await audit()).at(-1)?.id ?? 0);

  beforeAll(async () => {
    opslag = await open(engine);
    await vulDemo(opslag.db, engine, kluis, { perGemeente: 20 });
    api = await startApi(
      opslag,
      engine,
      {
        cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
        manager: [{ gemeente: 'dinkelland', rol: 'manager' }],
        auditor: [{ gemeente: 'dinkelland', rol: 'auditor' }],
        beheer: [{ gemeente: 'dinkelland', rol: 'beheerder' }],
        zevenaar: [{ gemeente: 'zevenaar', rol: 'casemanager' }],
      },
      '2026-11-02',
    );
    ids = await idsVan(opslag.db, 'dinkelland');
    const rij = await opslag.db
      .selectFrom('inwoner')
      .select('bsnVersleuteld')
      .where('id', '=', ids.inwoner)
      .executeTakeFirstOrThrow();
    bsn = kluis.ontsleutel(rij.bsnVersleuteld);
  }, 120_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  it('eist bij het lezen van persoonsgegevens een doel uit de lijst, niet te lang en zonder BSN', async () => {
    const lees = (doel?: string) =>
      api.ruw('cm', 'GET', `${D}/inwoners?limiet=2`, doel === undefined ? {} : { 'x-doel': doel });
    const zonder = await api.app.request(`${D}/inwoners`, {
      headers: { authorization: `Bearer ${api.token('cm')}` },
    });
    expect(zonder.status).toBe(400);
    expect(((await zonder.json()) as { velden: { pad: string }[] }).velden[0]!.pad).toBe('X-Doel');
    for (const [doel, bericht] of [
      ['', 'leeg'],
      ['d'.repeat(4000), 'te lang'],
      [bsn, 'BSN'],
      [`inwoner ${bsn.slice(0, 3)} ${bsn.slice(3, 6)} ${bsn.slice(6)}`, 'BSN'],
      ['nieuwsgierigheid', 'geen doel van deze gemeente'],
    ] as const) {
      const r = await lees(doel);
      expect(r.status, doel.slice(0, 30)).toBe(400);
      const p = (await r.json()) as { velden: { pad: string; bericht: string }[] };
      expect(p.velden[0]).toMatchObject({ pad: 'X-Doel', bericht: expect.stringContaining(bericht) });
    }
    const voor = await laatste();
    const goed = await lees('  Caseload Bekijken ');
    expect(goed.status).toBe(200);
    // The list's own spelling goes into the trail, not what the client typed.
    expect((await sinds(voor)).every((a) => a.doel === 'caseload bekijken')).toBe(true);
    // An aggregate is no personal data: no purpose needed; nor for a write, which records its task.
    expect((await api.ruw('manager', 'GET', `${D}/budgetten/2026`, {})).status).toBe(200);
  });

  it('laat het hele BSN alleen zien aan een casemanager met een doel dat het vereist', async () => {
    const lees = (wie: string, doel: string) =>
      api.json(wie, 'GET', `${D}/inwoners/${ids.inwoner}?volledigBsn=true`, undefined, { 'x-doel': doel });
    const voor = await laatste();
    const cm = await lees('cm', 'identificatie inwoner');
    expect(cm.status).toBe(200);
    expect(cm.body.bsn).toBe(bsn);
    expect(await sinds(voor)).toEqual([
      expect.objectContaining({
        actie: 'lezen-met-bsn',
        betrokkene: ids.inwoner,
        doel: 'identificatie inwoner',
      }),
    ]);
    for (const [wie, doel] of [
      ['cm', 'uitvoering re-integratie'],
      ['auditor', 'identificatie inwoner'],
      ['manager', 'gegevensuitwisseling ketenpartner'],
      ['beheer', 'identificatie inwoner'],
    ] as const) {
      const r = await lees(wie, doel);
      expect(r.status, `${wie} ${doel}`).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain(bsn);
    }
    // Masked without volledigBsn, for every reader.
    const gemaskeerd = await api.json('auditor', 'GET', `${D}/inwoners/${ids.inwoner}`, undefined, {
      'x-doel': 'verantwoording en controle',
    });
    expect(gemaskeerd.body.bsn).toBe(`******${bsn.slice(-3)}`);
  });

  it('schrijft bij elke raadpleging van persoonsgegevens het doel en de betrokkene in het auditlog, ook bij lijsten', async () => {
    const doc = (await (await api.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, any>>;
    };
    const lezen = operaties(doc).filter(
      (o) => o.methode === 'GET' && o.pad.startsWith('/gemeenten/{gemeente}/') && o.persoonsgegevens,
    );
    expect(lezen.length).toBeGreaterThan(10);
    const beschikking = await opslag.db
      .selectFrom('beschikking')
      .select('inwonerId')
      .where('id', '=', ids.beschikking)
      .executeTakeFirstOrThrow();
    for (const op of lezen) {
      const pad = vulPad(op.pad, 'dinkelland', ids).replace('/termijnen', '/termijnen?tot=2030-12-31');
      const voor = await laatste();
      // The SRG delivery holds every participant's BSN: only a manager or beheerder reads it.
      const wie = op.pad.includes('/srg-leveringen/') ? 'manager' : 'auditor';
      const r = await api.verzoek(wie, 'GET', pad, undefined, {
        'x-doel': 'verantwoording en controle',
      });
      if (r.status === 404) continue; // a made-up id where the demo data has none (a bezwaar)
      expect(r.status, pad).toBe(200);
      const nieuw = await sinds(voor);
      expect(nieuw.length, `${op.pad} schrijft niets in het auditlog`).toBeGreaterThan(0);
      expect(
        nieuw.every((a) => a.doel === 'verantwoording en controle'),
        op.pad,
      ).toBe(true);
      if (op.pad.includes('/inwoners/{id}'))
        expect(
          nieuw.map((a) => a.betrokkene),
          op.pad,
        ).toContain(ids.inwoner);
      if (op.pad.includes('/beschikkingen/{id}'))
        expect(
          nieuw.map((a) => a.betrokkene),
          op.pad,
        ).toContain(beschikking.inwonerId);
    }

    // A list: one entry per person shown, so "who looked at this person" finds list reads too.
    const voor = await laatste();
    const lijst = await api.json('cm', 'GET', `${D}/inwoners?limiet=7`, undefined, {
      'x-doel': 'caseload bekijken',
    });
    const getoond = (lijst.body.items as { id: string }[]).map((i) => i.id);
    expect(getoond).toHaveLength(7);
    const regels = await sinds(voor);
    expect(regels.map((a) => a.betrokkene).sort()).toEqual([...getoond].sort());
    expect(regels.every((a) => a.actie === 'lijst-lezen')).toBe(true);

    // The term list and the re-calculations name their people too.
    const termijnVoor = await laatste();
    const termijnen = await api.json('cm', 'GET', `${D}/termijnen?tot=2030-12-31`);
    const mensen = new Set((termijnen.body as { inwonerId: string }[]).map((t) => t.inwonerId));
    expect(mensen.size).toBeGreaterThan(0);
    expect(new Set((await sinds(termijnVoor)).map((a) => a.betrokkene))).toEqual(mensen);

    // Who looked at this person: the auditor filters the trail on the person.
    const wie = await api.json(
      'auditor',
      'GET',
      `${D}/audit?betrokkene=${ids.inwoner}&limiet=1000`,
      undefined,
      {
        'x-doel': 'verantwoording en controle',
      },
    );
    expect(wie.status).toBe(200);
    const acties = new Set((wie.body as { actie: string; betrokkene: string }[]).map((a) => a.actie));
    expect([...acties]).toEqual(
      expect.arrayContaining(['lezen', 'lezen-met-bsn', 'lijst-lezen', 'feiten-lezen']),
    );
    expect((wie.body as { betrokkene: string }[]).every((a) => a.betrokkene === ids.inwoner)).toBe(true);
  });

  it('laat alleen een casemanager van de eigen gemeente casemanager van een inwoner worden', async () => {
    const vreemd = (
      await opslag.db
        .selectFrom('rol')
        .select('gebruikerId')
        .where('gemeente', '=', 'zevenaar')
        .where('rol', '=', 'casemanager')
        .executeTakeFirstOrThrow()
    ).gebruikerId;
    const onbekend = '7b0c3f5e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
    const lezen = await api.json('cm', 'GET', `${D}/inwoners/${ids.inwoner}`);
    expect(lezen.status).toBe(200);
    for (const id of [vreemd, onbekend]) {
      const patch = await api.json(
        'cm',
        'PATCH',
        `${D}/inwoners/${ids.inwoner}`,
        { casemanagerId: id },
        { 'if-match': lezen.koppen.get('etag')! },
      );
      expect(patch.status).toBe(400);
      expect(patch.body.velden).toEqual([
        { pad: 'casemanagerId', bericht: 'geen casemanager van deze gemeente' },
      ]);
      const nieuw = await api.json('cm', 'POST', `${D}/inwoners`, {
        bsn: '100000009',
        naam: 'Nieuwe Inwoner',
        casemanagerId: id,
      });
      expect(nieuw.status).toBe(400);
    }
    const eigen = await api.json(
      'cm',
      'PATCH',
      `${D}/inwoners/${ids.inwoner}`,
      { casemanagerId: ids.casemanager },
      { 'if-match': lezen.koppen.get('etag')! },
    );
    expect(eigen.status).toBe(200);
  });

  it('laat de beheerder de doelen van de gemeente vaststellen; daarna gelden alleen die', async () => {
    const pad = `${D}/verwerkingsdoelen`;
    const lijst = {
      doelen: [
        { doel: 'trajectbegeleiding', omschrijving: 'Begeleiding naar werk', volledigBsn: false },
        { doel: 'balie', omschrijving: 'Identificatie aan de balie', volledigBsn: false },
      ],
    };
    expect((await api.verzoek('cm', 'PUT', pad, lijst)).status).toBe(403);
    const dubbel = await api.json('beheer', 'PUT', pad, { doelen: [lijst.doelen[0], lijst.doelen[0]] });
    expect(dubbel.status).toBe(400);
    expect(dubbel.body.velden[0].pad).toBe('doelen[1].doel');
    expect((await api.verzoek('beheer', 'PUT', pad, lijst)).status).toBe(200);
    // The list itself is no personal data: read without a purpose (the old one is no longer valid).
    expect(
      ((await (await api.ruw('cm', 'GET', pad, {})).json()) as { doel: string }[]).map((d) => d.doel),
    ).toEqual(['trajectbegeleiding', 'balie']);
    const leesMet = (doel: string, extra = '') =>
      api.verzoek('cm', 'GET', `${D}/inwoners/${ids.inwoner}${extra}`, undefined, { 'x-doel': doel });
    expect((await leesMet('uitvoering re-integratie')).status).toBe(400);
    expect((await leesMet('trajectbegeleiding')).status).toBe(200);
    // This gemeente marked no purpose as needing the BSN, so nobody sees it whole.
    expect((await leesMet('balie', '?volledigBsn=true')).status).toBe(403);
    // Another gemeente keeps its own (here the built-in) list.
    expect((await api.verzoek('zevenaar', 'GET', '/gemeenten/zevenaar/inwoners')).status).toBe(200);
    expect((await audit()).some((a) => a.actie === 'verwerkingsdoelen-vaststellen')).toBe(true);
  });
});

describe('interne fouten in het serverlog', () => {
  it('noemen de route en de soort fout, nooit de waarden uit het pad of een BSN', async () => {
    const opslag = await OPSLAGEN[0]!.open(engine);
    try {
      const bsn = '123456782';
      const faal = () => {
        throw new Error(`kapot bij inwoner ${bsn} op /gemeenten/dinkelland/inwoners/${bsn}`);
      };
      // Both ways of evaluating fail: POST /evaluate writes its answer through evalueerJson where the
      // engine has it, and through evalueer otherwise.
      const kapot = { ...engine, evalueer: faal, evalueerJson: faal } as unknown as Engine;
      const api = await startApi(opslag, engine, { cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }] });
      // The same store and sessions, with an engine that fails and quotes a BSN and a path in its message.
      const app = maakApp({
        db: opslag.db,
        engine: kapot,
        kluis,
        authenticator: lokaleAuthenticator(opslag.db),
      });
      const fouten = vi.spyOn(console, 'error').mockImplementation(() => {});
      const r = await app.request('/evaluate', {
        method: 'POST',
        headers: { authorization: `Bearer ${api.token('cm')}`, 'content-type': 'application/json' },
        body: JSON.stringify({ gemeente: 'dinkelland', peildatum: '2016-03-01', feiten: {} }),
      });
      const regels = fouten.mock.calls.map((c) => c.join(' '));
      fouten.mockRestore();
      expect(r.status).toBe(500);
      expect(await r.text()).not.toContain(bsn);
      expect(regels).toEqual(['interne fout bij POST /evaluate: Error']);
    } finally {
      await opslag.sluit();
    }
  }, 60_000);
});
