import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakGebruiker, lokaleAuthenticator } from '../src/administratie/gebruikers.ts';
import { maakApp } from '../src/api/app.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

const engine = standaardEngine();
const WACHTWOORD = 'test-wachtwoord-1';
// Valid BSNs (elfproef): 9·1+8·1+7·1+6·2+5·2+4·2+3·3+2·3 = 69; 69 − 3 = 66 = 6·11.
const BSN = ['111222333', '123456782', '999999990', '100000009'];

describe.each(OPSLAGEN)('HTTP API op $naam', ({ open }) => {
  let opslag: Opslag;
  let app: ReturnType<typeof maakApp>;
  const tokens: Record<string, string> = {};

  const verzoek = (
    wie: string,
    methode: string,
    pad: string,
    body?: unknown,
    koppen: Record<string, string> = {},
  ) =>
    app.request(pad, {
      method: methode,
      headers: {
        authorization: `Bearer ${tokens[wie]}`,
        'content-type': 'application/json',
        'x-doel': 'uitvoering re-integratie',
        ...koppen,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    opslag = await open(engine);
    app = maakApp({
      db: opslag.db,
      engine,
      kluis: maakBsnKluis(TEST_SLEUTEL),
      authenticator: lokaleAuthenticator(opslag.db),
      vandaag: () => '2016-06-01',
    });
    const gebruikers = {
      cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
      beleid: [{ gemeente: 'dinkelland', rol: 'beleidsmedewerker' }],
      auditor: [{ gemeente: 'dinkelland', rol: 'auditor' }],
      zevenaar: [
        { gemeente: 'zevenaar', rol: 'casemanager' },
        { gemeente: 'zevenaar', rol: 'auditor' },
        { gemeente: 'zevenaar', rol: 'manager' },
      ],
    } as const;
    for (const [naam, rollen] of Object.entries(gebruikers)) {
      await maakGebruiker(opslag.db, {
        gebruikersnaam: naam,
        naam,
        wachtwoord: WACHTWOORD,
        rollen: [...rollen],
      });
      const r = await app.request('/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ gebruikersnaam: naam, wachtwoord: WACHTWOORD }),
      });
      expect(r.status).toBe(200);
      tokens[naam] = ((await r.json()) as { token: string }).token;
    }
  }, 60_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  it('weigert onjuiste aanmelding en verzoeken zonder token, als problem+json', async () => {
    const r = await app.request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gebruikersnaam: 'cm', wachtwoord: 'fout' }),
    });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    const zonder = await app.request('/gemeenten');
    expect(zonder.status).toBe(401);
  });

  it('beoordeelt een casus via POST /evaluate en noemt engine- en regelgevingversie', async () => {
    const r = await verzoek('cm', 'POST', '/evaluate', {
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: { geboortedatum: '1985-06-15', uitkering: 'algemene-bijstand' },
      aanvraag: {
        voorziening: 'participatieplaats',
        ingangsdatum: '2016-03-01',
        duurMaanden: 24,
        urenPerWeek: 24,
        voldoendeMeegewerkt: true,
      },
    });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { voorzieningen: { uitkomst: string }[] };
    expect(body.voorzieningen[0]?.uitkomst).toBe('ter-beoordeling');
    expect(r.headers.get('x-engine-versie')).toMatch(/^\d+\.\d+\.\d+$/);
    expect(r.headers.get('x-regelgeving')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('geeft validatiefouten als problem+json met het veldpad', async () => {
    const r = await verzoek('cm', 'POST', '/gemeenten/dinkelland/inwoners', {
      bsn: '123456789',
      naam: 'Test',
    });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    const body = (await r.json()) as { velden: { pad: string }[] };
    expect(body.velden.map((v) => v.pad)).toEqual(['bsn']);
  });

  let inwonerId = '';
  it('registreert een inwoner met gemaskeerd BSN en logt elke raadpleging', async () => {
    const r = await verzoek('cm', 'POST', '/gemeenten/dinkelland/inwoners', {
      bsn: BSN[0],
      naam: 'Anna de Vries',
      geboortedatum: '1985-06-15',
    });
    expect(r.status).toBe(201);
    const inwoner = (await r.json()) as { id: string; bsn: string };
    expect(inwoner.bsn).toBe('******333');
    inwonerId = inwoner.id;
    const volledig = await verzoek(
      'cm',
      'GET',
      `/gemeenten/dinkelland/inwoners/${inwonerId}?volledigBsn=true`,
      undefined,
      { 'x-doel': 'identificatie inwoner' },
    );
    expect(((await volledig.json()) as { bsn: string }).bsn).toBe(BSN[0]);
    const lijst = await verzoek('cm', 'GET', `/gemeenten/dinkelland/inwoners?bsn=${BSN[0]}`);
    expect(((await lijst.json()) as { totaal: number }).totaal).toBe(1);
    const audit = (await (await verzoek('auditor', 'GET', '/gemeenten/dinkelland/audit')).json()) as {
      actie: string;
      objectId: string | null;
      doel: string;
    }[];
    expect(audit.map((a) => a.actie)).toEqual(
      expect.arrayContaining(['registreren', 'lezen-met-bsn', 'lijst-lezen']),
    );
    expect(audit.find((a) => a.actie === 'lezen-met-bsn')?.doel).toBe('identificatie inwoner');
    expect(
      audit.filter((a) => a.actie !== 'lezen-met-bsn').every((a) => a.doel === 'uitvoering re-integratie'),
    ).toBe(true);
    // The BSN itself is never written in clear: not in the inwoner row, not in the audit trail.
    const rij = await opslag.db
      .selectFrom('inwoner')
      .selectAll()
      .where('id', '=', inwonerId)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(rij)).not.toContain(BSN[0]);
    expect(JSON.stringify(audit)).not.toContain(BSN[0]);
  });

  it('weigert een dubbele registratie', async () => {
    const r = await verzoek('cm', 'POST', '/gemeenten/dinkelland/inwoners', { bsn: BSN[0], naam: 'Anna' });
    expect(r.status).toBe(409);
  });

  it('houdt gemeenten strikt gescheiden: 404 op elke route, niets in lijsten', async () => {
    const paden = [
      ['GET', `/gemeenten/dinkelland/inwoners/${inwonerId}`],
      ['GET', '/gemeenten/dinkelland/inwoners'],
      ['GET', `/gemeenten/dinkelland/inwoners/${inwonerId}/feiten`],
      ['GET', `/gemeenten/dinkelland/inwoners/${inwonerId}/beschikkingen`],
      ['POST', `/gemeenten/dinkelland/inwoners/${inwonerId}/feiten`],
      ['GET', '/gemeenten/dinkelland/budgetten/2016'],
      ['GET', '/gemeenten/dinkelland/termijnen'],
      ['GET', '/gemeenten/dinkelland/audit'],
      ['POST', '/gemeenten/dinkelland/beschikkingen'],
    ] as const;
    for (const [m, pad] of paden) {
      const body =
        m === 'POST'
          ? pad.endsWith('feiten')
            ? { naam: 'uitkering', waarde: 'algemene-bijstand', geldigVanaf: '2016-01-01', bron: 'test' }
            : {
                inwonerId,
                soort: 'toekenning',
                peildatum: '2016-03-01',
                aanvraag: { voorziening: 'participatieplaats' },
              }
          : undefined;
      const r = await verzoek('zevenaar', m, pad, body);
      expect(r.status, `${m} ${pad}`).toBe(404);
      expect(await r.text()).not.toContain('Anna');
    }
    const evaluatie = await verzoek('zevenaar', 'POST', '/evaluate', {
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: {},
    });
    expect(evaluatie.status).toBe(404);
    const gemeenten = (await (await verzoek('zevenaar', 'GET', '/gemeenten')).json()) as { slug: string }[];
    expect(gemeenten.map((g) => g.slug)).toEqual(['zevenaar']);
    const eigen = (await (await verzoek('zevenaar', 'GET', '/gemeenten/zevenaar/inwoners')).json()) as {
      totaal: number;
    };
    expect(eigen.totaal).toBe(0);
  });

  it('legt feiten vast met geschiedenis en neemt een toekenning met termijnen', async () => {
    for (const [naam, waarde, geldigVanaf] of [
      ['uitkering', 'wia', '2015-01-01'],
      ['uitkering', 'algemene-bijstand', '2016-01-01'],
      ['kanOnderwijsVolgen', false, '2015-01-01'],
    ] as const) {
      const r = await verzoek('cm', 'POST', `/gemeenten/dinkelland/inwoners/${inwonerId}/feiten`, {
        naam,
        waarde,
        geldigVanaf,
        bron: 'gesprek',
      });
      expect(r.status).toBe(201);
    }
    const aanvraag = {
      voorziening: 'participatieplaats',
      ingangsdatum: '2016-03-01',
      duurMaanden: 24,
      urenPerWeek: 24,
      voldoendeMeegewerkt: true,
    };
    // On 2015-12-01 the facts said WIA: a participatieplaats needs algemene bijstand.
    const vroeg = await verzoek('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', {
      inwonerId,
      soort: 'toekenning',
      peildatum: '2015-12-01',
      aanvraag,
      oordelen: {
        participatieplaatsPassend: { antwoord: true, motivering: 'Past bij de afstand tot de arbeidsmarkt.' },
      },
    });
    expect(vroeg.status).toBe(422);
    const open = await verzoek('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', {
      inwonerId,
      soort: 'toekenning',
      peildatum: '2016-03-01',
      aanvraag,
    });
    expect(open.status).toBe(422);
    expect(
      ((await open.json()) as { details: { vragen: { feit: string }[] } }).details.vragen.map((v) => v.feit),
    ).toEqual(['participatieplaatsPassend']);
    const r = await verzoek('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', {
      inwonerId,
      soort: 'toekenning',
      peildatum: '2016-03-01',
      verzondenOp: '2016-03-04',
      aanvraag,
      oordelen: {
        participatieplaatsPassend: { antwoord: true, motivering: 'Past bij de afstand tot de arbeidsmarkt.' },
      },
    });
    expect(r.status).toBe(201);
    const b = (await r.json()) as {
      id: string;
      jaarbedragCent: number;
      regelingen: { hash: string }[];
      einddatum: string;
    };
    expect(b.jaarbedragCent).toBe(30000);
    expect(b.einddatum).toBe('2018-02-28');
    expect(b.regelingen.map((x) => x.hash.length)).toEqual([64, 64]);
    const termijnen = (await (
      await verzoek('cm', 'GET', '/gemeenten/dinkelland/termijnen?tot=2016-12-31')
    ).json()) as { soort: string; datum: string; teLaat: boolean }[];
    expect(termijnen.map((t) => [t.soort, t.datum])).toEqual([
      ['bezwaartermijn', '2016-04-15'],
      ['evaluatie', '2016-09-01'],
      ['premie', '2016-09-01'],
      ['evaluatie', '2016-12-01'],
    ]);
    // On 1 June 2016 the bezwaar term of 15 April has passed: the due list flags it.
    expect(termijnen.map((t) => t.teLaat)).toEqual([true, false, false, false]);
    const her = (await (
      await verzoek('cm', 'GET', `/gemeenten/dinkelland/beschikkingen/${b.id}/herbeoordeling`)
    ).json()) as { gelijk: boolean };
    expect(her).toMatchObject({ gelijk: true, verschillen: [] });
    const onbekend = await verzoek('cm', 'POST', `/gemeenten/dinkelland/beschikkingen/${b.id}/beeindiging`, {
      datum: '2016-10-01',
      grond: 'z',
      motivering: 'Geen geldige grond.',
    });
    expect(onbekend.status).toBe(400);
    const einde = await verzoek('cm', 'POST', `/gemeenten/dinkelland/beschikkingen/${b.id}/beeindiging`, {
      datum: '2016-10-01',
      grond: 'e',
      motivering: 'De voorziening past niet meer bij de persoon.',
    });
    expect(einde.status).toBe(201);
    expect(
      ((await einde.json()) as { motivering: { grond: { artikel: string } } }).motivering.grond.artikel,
    ).toBe('4 lid 3 onder e');
    const daarna = (await (
      await verzoek('cm', 'GET', '/gemeenten/dinkelland/termijnen?tot=2016-12-31')
    ).json()) as { datum: string }[];
    expect(daarna.map((t) => t.datum)).toEqual(['2016-04-15', '2016-09-01', '2016-09-01']);
  });

  it('beantwoordt een herhaald POST met dezelfde Idempotency-Key met het eerste antwoord en schrijft één keer', async () => {
    const koppen = { 'idempotency-key': 'registratie-42' };
    const a = await verzoek(
      'cm',
      'POST',
      '/gemeenten/dinkelland/inwoners',
      { bsn: BSN[1], naam: 'Daan Jansen' },
      koppen,
    );
    const b = await verzoek(
      'cm',
      'POST',
      '/gemeenten/dinkelland/inwoners',
      { bsn: BSN[1], naam: 'Daan Jansen' },
      koppen,
    );
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(await b.json()).toEqual(await a.json());
    const anders = await verzoek(
      'cm',
      'POST',
      '/gemeenten/dinkelland/inwoners',
      { bsn: BSN[2], naam: 'Iemand anders' },
      koppen,
    );
    expect(anders.status).toBe(422);
    const lijst = (await (
      await verzoek('cm', 'GET', `/gemeenten/dinkelland/inwoners?bsn=${BSN[1]}`)
    ).json()) as { totaal: number };
    expect(lijst.totaal).toBe(1);
  });

  it('eist If-Match bij wijzigen en weigert een verouderde versie', async () => {
    const gelezen = await verzoek('cm', 'GET', `/gemeenten/dinkelland/inwoners/${inwonerId}`);
    const etag = gelezen.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"\d+"$/);
    expect(
      (
        await verzoek('cm', 'PATCH', `/gemeenten/dinkelland/inwoners/${inwonerId}`, {
          naam: 'Anna de Vries-Bakker',
        })
      ).status,
    ).toBe(428);
    const goed = await verzoek(
      'cm',
      'PATCH',
      `/gemeenten/dinkelland/inwoners/${inwonerId}`,
      { naam: 'Anna de Vries-Bakker' },
      { 'if-match': etag },
    );
    expect(goed.status).toBe(200);
    const oud = await verzoek(
      'cm',
      'PATCH',
      `/gemeenten/dinkelland/inwoners/${inwonerId}`,
      { naam: 'Anna' },
      { 'if-match': etag },
    );
    expect(oud.status).toBe(412);
  });

  it('overschrijdt het budgetplafond nooit bij 50 gelijktijdige toekenningen, over herhaalde rondes', async () => {
    const cm = (
      await opslag.db
        .selectFrom('gebruiker')
        .select('id')
        .where('gebruikersnaam', '=', 'cm')
        .executeTakeFirstOrThrow()
    ).id;
    const RONDES = 5;
    for (let ronde = 0; ronde < RONDES; ronde++) {
      // Each round leaves room for exactly 3 more grants of 30,000 cent, and 50 compete for it.
      const plafondCent = ronde * 90_000 + 100_000;
      const plafond = await verzoek(
        'beleid',
        'PUT',
        '/gemeenten/dinkelland/budgetten/2016/participatieplaats',
        { plafondCent, artikel: '3 lid 1', besluit: `Collegebesluit budget 2016, ronde ${ronde + 1}` },
      );
      expect(plafond.status).toBe(200);
      const rijen = await opslag.db
        .insertInto('inwoner')
        .values(
          Array.from({ length: 50 }, (_, i) => ({
            gemeente: 'dinkelland',
            bsnHash: `race-${ronde}-${i}`,
            bsnVersleuteld: 'v1:x:y:z',
            naam: `Race ${ronde}-${i}`,
            geboortedatum: '1980-01-01',
            casemanagerId: null,
          })),
        )
        .returning('id')
        .execute();
      const ids = rijen.map((r) => r.id);
      await opslag.db
        .insertInto('feit')
        .values(
          ids.map((inwonerId) => ({
            gemeente: 'dinkelland',
            inwonerId,
            naam: 'uitkering',
            waarde: JSON.stringify('algemene-bijstand'),
            geldigVanaf: '2016-01-01',
            bron: 'test',
            vastgelegdDoor: cm,
          })),
        )
        .execute();
      const antwoorden = await Promise.all(
        ids.map((inwonerId) =>
          Promise.resolve(
            verzoek('cm', 'POST', '/gemeenten/dinkelland/beschikkingen', {
              inwonerId,
              soort: 'toekenning',
              peildatum: '2016-05-01',
              aanvraag: {
                voorziening: 'participatieplaats',
                ingangsdatum: '2016-05-01',
                duurMaanden: 12,
                urenPerWeek: 24,
                voldoendeMeegewerkt: true,
              },
              oordelen: {
                participatieplaatsPassend: { antwoord: true, motivering: 'Passend gezien de afstand.' },
              },
            }),
          ).then(async (r: Response) => ({
            status: r.status,
            body: (await r.json()) as { soort: string; motivering: { plafond?: { artikel: string } } },
          })),
        ),
      );
      expect(antwoorden.every((a) => a.status === 201)).toBe(true);
      const toegekend = antwoorden.filter((a) => a.body.soort === 'toekenning');
      const geweigerd = antwoorden.filter((a) => a.body.soort === 'afwijzing');
      expect(toegekend, `ronde ${ronde + 1}`).toHaveLength(3);
      expect(geweigerd).toHaveLength(47);
      expect(geweigerd.every((a) => a.body.motivering.plafond?.artikel === '3 lid 1')).toBe(true);
      const budget = (await (
        await verzoek('beleid', 'GET', '/gemeenten/dinkelland/budgetten/2016')
      ).json()) as { besteedCent: number; plafondCent: number; deelnemers: number }[];
      expect(budget[0]).toMatchObject({
        besteedCent: (ronde + 1) * 90_000,
        plafondCent,
        deelnemers: (ronde + 1) * 3,
      });
      expect(budget[0]!.besteedCent).toBeLessThanOrEqual(budget[0]!.plafondCent);
    }
  }, 120_000);

  it('beschrijft zichzelf in OpenAPI 3 met een leesbare pagina', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/evaluate',
        '/gemeenten/{gemeente}/beschikkingen',
        '/gemeenten/{gemeente}/inwoners/{id}',
      ]),
    );
    const docs = await app.request('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
  });
});
