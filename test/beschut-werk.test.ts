import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opslag } from '../src/opslag/database.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const Z = '/gemeenten/zevenaar/beschut-werk';

describe.each(OPSLAGEN)('beschut werk op $naam', ({ open }) => {
  let opslag: Opslag;
  let api: TestApi;
  const ind: Record<string, string> = {};
  const inw: Record<string, string> = {};

  beforeAll(async () => {
    opslag = await open(engine);
    api = await startApi(opslag, engine, {
      cm: [{ gemeente: 'zevenaar', rol: 'casemanager' }],
      beleid: [{ gemeente: 'zevenaar', rol: 'beleidsmedewerker' }],
      auditor: [{ gemeente: 'zevenaar', rol: 'auditor' }],
      ander: [
        { gemeente: 'dinkelland', rol: 'casemanager' },
        { gemeente: 'dinkelland', rol: 'manager' },
      ],
      assen: [
        { gemeente: 'assen', rol: 'casemanager' },
        { gemeente: 'assen', rol: 'manager' },
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  it('laat alleen beleid het geraamde aantal plaatsen vaststellen', async () => {
    expect((await api.verzoek('cm', 'PUT', `${Z}/plannen/2024`, { plaatsen: 2 })).status).toBe(403);
    const r = await api.json('beleid', 'PUT', `${Z}/plannen/2024`, { plaatsen: 2 });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ gemeente: 'zevenaar', jaar: 2024, plaatsen: 2, bezet: 0, vrij: 2 });
    expect((await api.json('cm', 'GET', `${Z}/plannen/2024`)).body.vrij).toBe(2);
    expect((await api.verzoek('cm', 'GET', `${Z}/plannen/2031`)).status).toBe(404);
  });

  it('zet indicaties op volgorde van indicatiedatum, bij gelijke datum op volgorde van registratie', async () => {
    for (const [naam, indicatiedatum] of [
      ['Anouk', '2023-05-01'],
      ['Bram', '2023-03-01'],
      ['Cor', '2023-03-01'],
      ['Dewi', '2023-04-01'],
    ] as const) {
      inw[naam] = await api.inwoner('zevenaar', naam);
      const r = await api.json('cm', 'POST', `${Z}/indicaties`, { inwonerId: inw[naam], indicatiedatum });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ status: 'wachtend', indicatiedatum });
      ind[naam] = r.body.id;
    }
    const dubbel = await api.verzoek('cm', 'POST', `${Z}/indicaties`, {
      inwonerId: inw.Bram,
      indicatiedatum: '2023-06-01',
    });
    expect(dubbel.status).toBe(409);
    const ongeldig = await api.json('cm', 'POST', `${Z}/indicaties`, {
      inwonerId: inw.Bram,
      indicatiedatum: '2023-02-30',
    });
    expect(ongeldig.status).toBe(400);
    expect(ongeldig.body.velden.map((v: { pad: string }) => v.pad)).toEqual(['indicatiedatum']);
    const lijst = await api.json('cm', 'GET', `${Z}/wachtlijst`);
    expect(lijst.status).toBe(200);
    expect(lijst.body.wachtenden.map((w: { naam: string; positie: number }) => [w.positie, w.naam])).toEqual([
      [1, 'Bram'],
      [2, 'Cor'],
      [3, 'Dewi'],
      [4, 'Anouk'],
    ]);
    // The order's ground is Zevenaar's own article, read from its ordinance file.
    expect(lijst.body.grondslag).toMatch(/Zevenaar artikel 10 lid 2/);
  });

  it('plaatst alleen de eerste op de wachtlijst en nooit boven het plan', async () => {
    const nietEerste = await api.json('cm', 'POST', `${Z}/plaatsingen`, { indicatieId: ind.Cor });
    expect(nietEerste.status).toBe(409);
    const bram = await api.json('cm', 'POST', `${Z}/plaatsingen`, {
      indicatieId: ind.Bram,
      geplaatstOp: '2024-02-01',
    });
    expect(bram.status).toBe(201);
    expect(bram.body.indicatie).toMatchObject({ status: 'geplaatst', geplaatstOp: '2024-02-01' });
    expect(bram.body.plan).toMatchObject({ jaar: 2024, bezet: 1, vrij: 1 });
    const nogmaals = await api.verzoek('cm', 'POST', `${Z}/plaatsingen`, { indicatieId: ind.Bram });
    expect(nogmaals.status).toBe(409);
    const cor = await api.json('cm', 'POST', `${Z}/plaatsingen`, {
      indicatieId: ind.Cor,
      geplaatstOp: '2024-03-01',
    });
    expect(cor.body.plan).toMatchObject({ bezet: 2, vrij: 0 });
    const vol = await api.json('cm', 'POST', `${Z}/plaatsingen`, { indicatieId: ind.Dewi });
    expect(vol.status).toBe(422);
    expect(vol.body.title).toContain('geraamde plaatsen');
    const geenPlan = await api.json('cm', 'POST', `${Z}/plaatsingen`, {
      indicatieId: ind.Dewi,
      geplaatstOp: '2026-01-05',
    });
    expect(geenPlan.status).toBe(422);
    expect(geenPlan.body.title).toContain('geen plan');
    const lager = await api.verzoek('beleid', 'PUT', `${Z}/plannen/2024`, { plaatsen: 1 });
    expect(lager.status).toBe(409);
  });

  it('stelt bij een vrijgekomen plaats de volgende op de wachtlijst voor', async () => {
    const r = await api.json('cm', 'POST', `${Z}/plaatsingen/${ind.Bram}/vrijgave`, {
      vrijgekomenOp: '2024-06-01',
      reden: 'Dienstbetrekking op eigen verzoek beëindigd.',
    });
    expect(r.status).toBe(201);
    expect(r.body.vrijgekomen).toMatchObject({ status: 'vrijgekomen', vrijgekomenOp: '2024-06-01' });
    expect(r.body.plan).toMatchObject({ jaar: 2024, bezet: 1, vrij: 1 });
    expect(r.body.voorstel).toMatchObject({ positie: 1, indicatieId: ind.Dewi, naam: 'Dewi' });
    expect(
      (await api.verzoek('cm', 'POST', `${Z}/plaatsingen/${ind.Bram}/vrijgave`, { reden: 'nogmaals' }))
        .status,
    ).toBe(409);
    const dewi = await api.json('cm', 'POST', `${Z}/plaatsingen`, {
      indicatieId: ind.Dewi,
      geplaatstOp: '2024-06-15',
    });
    expect(dewi.status).toBe(201);
    expect(dewi.body.plan).toMatchObject({ bezet: 2, vrij: 0 });
    const laatste = await api.json('cm', 'POST', `${Z}/plaatsingen/${ind.Cor}/vrijgave`, {
      vrijgekomenOp: '2024-07-01',
      reden: 'Verhuisd naar een andere gemeente.',
    });
    expect(laatste.body.voorstel).toMatchObject({ indicatieId: ind.Anouk });
  });

  it('telt nog geplaatste mensen mee in het plan van een volgend jaar', async () => {
    // Dewi (placed 2024) still works; Bram and Cor left in 2024: 2025 starts with one place taken.
    const r = await api.json('beleid', 'PUT', `${Z}/plannen/2025`, { plaatsen: 1 });
    expect(r.body).toMatchObject({ jaar: 2025, plaatsen: 1, bezet: 1, vrij: 0 });
    // A placement in 2024 would also take a 2025 place, and 2025 is full.
    const anouk = await api.json('cm', 'POST', `${Z}/plaatsingen`, {
      indicatieId: ind.Anouk,
      geplaatstOp: '2024-08-01',
    });
    expect(anouk.status).toBe(422);
    expect(anouk.body.title).toContain('2025');
    expect((await api.json('cm', 'GET', `${Z}/plannen/2024`)).body).toMatchObject({ bezet: 1 });
    expect(
      (await api.json('cm', 'GET', `${Z}/wachtlijst`)).body.wachtenden.map((w: { naam: string }) => w.naam),
    ).toEqual(['Anouk']);
  });

  it('legt elke stap vast in het auditlog', async () => {
    const audit = (await api.json('auditor', 'GET', '/gemeenten/zevenaar/audit?limiet=200')).body as {
      actie: string;
      objectId: string | null;
      doel: string;
    }[];
    const acties = audit.map((a) => a.actie);
    for (const actie of [
      'beschut-werk-plan-vaststellen',
      'beschut-werk-indicatie-registreren',
      'beschut-werk-plaatsen',
      'beschut-werk-vrijgeven',
      'beschut-werk-voorstel',
    ])
      expect(acties, actie).toContain(actie);
    expect(audit.filter((a) => a.actie === 'beschut-werk-voorstel').map((a) => a.objectId)).toEqual([
      ind.Anouk,
      ind.Dewi,
    ]);
    expect(audit.filter((a) => a.actie === 'beschut-werk-plaatsen')).toHaveLength(3);
  });

  it('houdt gemeenten gescheiden: 404 op elke route van een andere gemeente', async () => {
    const paden = [
      ['PUT', `${Z}/plannen/2024`, { plaatsen: 9 }],
      ['GET', `${Z}/plannen/2024`, undefined],
      ['POST', `${Z}/indicaties`, { inwonerId: inw.Anouk, indicatiedatum: '2024-01-01' }],
      ['GET', `${Z}/wachtlijst`, undefined],
      ['POST', `${Z}/plaatsingen`, { indicatieId: ind.Anouk }],
      ['POST', `${Z}/plaatsingen/${ind.Dewi}/vrijgave`, { reden: 'poging' }],
    ] as const;
    for (const [m, pad, body] of paden) {
      const r = await api.verzoek('ander', m, pad, body);
      expect(r.status, `${m} ${pad}`).toBe(404);
      expect(await r.text()).not.toContain('Anouk');
    }
    // Nor can another gemeente's indication be reached through one's own gemeente.
    const via = await api.verzoek('ander', 'POST', '/gemeenten/dinkelland/beschut-werk/plaatsingen', {
      indicatieId: ind.Anouk,
    });
    expect(via.status).toBe(404);
    const eigen = await api.json('ander', 'GET', '/gemeenten/dinkelland/beschut-werk/wachtlijst');
    expect(eigen.body.wachtenden).toEqual([]);
    // Dinkelland's ordinance sets no order: the answer says so instead of citing another gemeente.
    expect(eigen.body.grondslag).toMatch(/de verordening regelt de volgorde niet/);
    expect(eigen.body.grondslag).not.toMatch(/Zevenaar/);
  });

  it('geeft bij 20 gelijktijdige plaatsingen voor de laatste plaats die plaats precies één keer', async () => {
    const A = '/gemeenten/assen/beschut-werk';
    const ids: string[] = [];
    for (let i = 0; i < 64; i++) {
      const inwonerId = await api.inwoner('assen', `Wachtende ${i}`);
      const r = await api.json('assen', 'POST', `${A}/indicaties`, {
        inwonerId,
        indicatiedatum: `2023-${String(1 + (i % 12)).padStart(2, '0')}-01`,
      });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    let plaatsen = 1;
    for (let ronde = 0; ronde < 3; ronde++, plaatsen++) {
      expect((await api.json('assen', 'PUT', `${A}/plannen/2024`, { plaatsen })).body.vrij).toBe(1);
      const wachtlijst = (await api.json('assen', 'GET', `${A}/wachtlijst`)).body.wachtenden as {
        indicatieId: string;
      }[];
      const eerste = wachtlijst[0]!.indicatieId;
      // Half of the requests are for the first in line, half for people behind them.
      const gevraagd = Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0 ? eerste : wachtlijst[1 + (i % 10)]!.indicatieId,
      );
      const antwoorden = await Promise.all(
        gevraagd.map(async (indicatieId) => {
          const r = await api.verzoek('assen', 'POST', `${A}/plaatsingen`, { indicatieId });
          return { indicatieId, status: r.status };
        }),
      );
      const gelukt = antwoorden.filter((a) => a.status === 201);
      expect(gelukt, `ronde ${ronde}`).toHaveLength(1);
      expect(gelukt[0]!.indicatieId).toBe(eerste);
      expect(antwoorden.every((a) => [201, 409, 422].includes(a.status))).toBe(true);
      const plan = (await api.json('assen', 'GET', `${A}/plannen/2024`)).body;
      expect(plan).toMatchObject({ plaatsen, bezet: plaatsen, vrij: 0 });
      const geplaatst = await opslag.db
        .selectFrom('beschutWerkIndicatie')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('gemeente', '=', 'assen')
        .where('status', '=', 'geplaatst')
        .executeTakeFirstOrThrow();
      expect(Number(geplaatst.n)).toBe(plaatsen);
    }
  }, 120_000);
});
