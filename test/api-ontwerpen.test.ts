import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type TestApi } from './api-opzet.ts';
import { engineInWerking } from '../src/administratie/ontwerpen.ts';
import { standaardEngine } from './helpers.ts';
import { ONTWERP_2027, RONDE_2027 } from './ontwerp-2027.ts';
import { openOpslag } from '../src/opslag/database.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const G = 'dinkelland';
const casus = (peildatum: string) => ({
  gemeente: G,
  peildatum,
  feiten: { geboortedatum: '1985-06-15', uitkering: 'algemene-bijstand' },
});

describe.each(OPSLAGEN)('de API voor ontwerpen, adviesrondes en het raadsvoorstel ($naam)', ({ open }) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(await open(engine), engine, {
      bm: [{ gemeente: G, rol: 'beleidsmedewerker' }],
      cm: [{ gemeente: G, rol: 'casemanager' }],
    });
  }, 120_000);
  afterAll(async () => api?.opslag.sluit());

  const versieOp = async (peildatum: string) => {
    const r = await api.json('cm', 'POST', '/evaluate', casus(peildatum));
    expect(r.status).toBe(200);
    return (r.body.regelingen as { id: string; geldigVanaf: string }[]).find(
      (x) => x.id === `${G}/re-integratieverordening`,
    )?.geldigVanaf;
  };

  it('van ontwerp tot vastgesteld over HTTP; /evaluate volgt de vaststelling; documenten als PDF en HTML', async () => {
    const ontwerp = { bestandsnaam: '2027-01-01.yaml', regels: ONTWERP_2027.split('\n') };
    expect((await api.json('cm', 'POST', `/gemeenten/${G}/ontwerpen`, { ontwerp })).status).toBe(403);
    const fout = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen`, {
      ontwerp: {
        ...ontwerp,
        regels: ONTWERP_2027.replace('status: ontwerp', 'status: vastgesteld').split('\n'),
      },
    });
    expect(fout.status).toBe(400);
    expect(JSON.stringify(fout.body)).toContain("een ontwerp heeft 'status: ontwerp'");
    const o = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen`, { ontwerp });
    expect(o.status).toBe(201);
    const id = o.body.id as string;
    const r = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen/${id}/adviesrondes`, {
      ronde: RONDE_2027,
    });
    expect(r.status).toBe(201);
    const rondeId = r.body.rondes[0].id as string;
    const brief = await api.verzoek(
      'bm',
      'GET',
      `/gemeenten/${G}/ontwerpen/${id}/adviesrondes/${rondeId}/antwoordbrief?formaat=html&datum=2026-10-15`,
    );
    expect(brief.status).toBe(200);
    const html = await brief.text();
    for (const p of RONDE_2027.punten) expect(html).toContain(p.reactie.tekst);
    expect(
      (
        await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen/${id}/vaststelling`, {
          besluitdatum: '2026-12-10',
        })
      ).status,
    ).toBe(409);
    expect((await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen/${id}/raadsvoorstel`)).body.status).toBe(
      'raadsvoorstel',
    );
    const pdf = await api.verzoek(
      'bm',
      'GET',
      `/gemeenten/${G}/ontwerpen/${id}/raadsvoorstel?datum=2026-11-24`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(await versieOp('2027-01-01')).toBe('2015-07-01');
    const vast = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen/${id}/vaststelling`, {
      besluitdatum: '2026-12-10',
    });
    expect(vast.status).toBe(200);
    expect(vast.body).toMatchObject({ status: 'vastgesteld', besluitdatum: '2026-12-10' });
    expect(await versieOp('2026-12-31')).toBe('2015-07-01');
    expect(await versieOp('2027-01-01')).toBe('2027-01-01');
    const spec = await api.json('bm', 'GET', '/openapi.json');
    for (const pad of [
      '/gemeenten/{gemeente}/ontwerpen',
      '/gemeenten/{gemeente}/ontwerpen/{id}/vaststelling',
      '/gemeenten/{gemeente}/ontwerpen/{id}/raadsvoorstel',
    ])
      expect(Object.keys(spec.body.paths)).toContain(pad);
  }, 300_000);

  /** An inwoner on algemene bijstand since 2016, whom a proefplaats can be granted. */
  const inwonerMetBijstand = async (naam: string) => {
    const inwonerId = await api.inwoner(G, naam);
    expect(
      (
        await api.json('cm', 'POST', `/gemeenten/${G}/inwoners/${inwonerId}/feiten`, {
          naam: 'uitkering',
          waarde: 'algemene-bijstand',
          geldigVanaf: '2016-01-01',
          bron: 'test',
        })
      ).status,
    ).toBe(201);
    return inwonerId;
  };

  /** Grants the inwoner a proefplaats from the peildatum; the hash of the Dinkelland regulation it rests on. */
  const kenProefplaatsToe = async (inwonerId: string, peildatum: string) => {
    const r = await api.json('cm', 'POST', `/gemeenten/${G}/beschikkingen`, {
      inwonerId,
      soort: 'toekenning',
      peildatum,
      aanvraag: { voorziening: 'proefplaats', ingangsdatum: peildatum, duurMaanden: 2 },
      oordelen: { proefplaatsPassend: { antwoord: true, motivering: 'Past bij de afstand tot werk.' } },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return (r.body.regelingen as { id: string; hash: string }[]).find(
      (x) => x.id === `${G}/re-integratieverordening`,
    )?.hash;
  };

  it('na de vaststelling: een toekenning de dag vóór geldigVanaf rust op 2015, op de dag zelf op 2027', async () => {
    // Runs after the life cycle above, which adopted the 2027 draft.
    const inwonerId = await inwonerMetBijstand('Proef Plaats');
    const versie = async (peildatum: string) => {
      const hash = await kenProefplaatsToe(inwonerId, peildatum);
      const inWerking = await engineInWerking(api.opslag.db, engine, G);
      return inWerking.bibliotheek.versies(`${G}/re-integratieverordening`).find((v) => v.hash === hash)
        ?.geldigVanaf;
    };
    expect(await versie('2026-12-31')).toBe('2015-07-01');
    expect(await versie('2027-01-01')).toBe('2027-01-01');
    // Tenancy: Dinkelland's decision changes nothing for another gemeente.
    expect(await engineInWerking(api.opslag.db, engine, 'tubbergen')).toBe(engine);
  }, 300_000);

  it('een toekenning volgt de vastgestelde versies in de opslag, ook als een ander proces ze wijzigt', async () => {
    // The route does not ask for the engine in force in a statement of its own: it reads the adopted
    // drafts with the inwoner's facts. Another process (here: another connection, past every cache
    // of this one) changing what is adopted must show in the very next grant.
    const inwonerId = await inwonerMetBijstand('Ander Proces');
    const oud = await kenProefplaatsToe(inwonerId, '2026-12-31');
    const nieuw = await kenProefplaatsToe(inwonerId, '2027-01-01');
    expect(nieuw).not.toBe(oud);
    // PGlite belongs to one process: there the other writer is a plain statement beside the app.
    const ander =
      api.opslag.soort === 'postgres'
        ? await openOpslag(
            { dataDir: '', databaseUrl: process.env.DATABASE_URL! },
            { schema: api.opslag.schema! },
          )
        : undefined;
    const anderDb = ander?.db ?? api.opslag.db;
    try {
      await sql`update ontwerp set status = 'raadsvoorstel', besluitdatum = null
        where gemeente = ${G} and status = 'vastgesteld'`.execute(anderDb);
      expect(await kenProefplaatsToe(inwonerId, '2027-01-01')).toBe(oud);
      await sql`update ontwerp set status = 'vastgesteld', besluitdatum = '2026-12-10'
        where gemeente = ${G} and status = 'raadsvoorstel' and geldig_vanaf = '2027-01-01'`.execute(anderDb);
      expect(await kenProefplaatsToe(inwonerId, '2027-01-01')).toBe(nieuw);
    } finally {
      await ander?.sluit();
    }
  }, 300_000);

  it('lijst, begin uit de versie in werking, tekst wijzigen met meldingen, en de cijfers', async () => {
    const sjabloon = await api.json(
      'bm',
      'GET',
      `/gemeenten/${G}/ontwerpen/sjabloon?regeling=${encodeURIComponent(`${G}/re-integratieverordening`)}&geldigVanaf=2028-01-01`,
    );
    expect(sjabloon.status).toBe(200);
    // The version in force on 2028-01-01 is the adopted 2027 draft: the new draft rests on it.
    expect(sjabloon.body.inhoud).toMatch(/^basis: dinkelland\/re-integratieverordening@2027-01-01$/m);
    expect(sjabloon.body.inhoud).toContain('status: ontwerp');
    expect(
      (await api.json('cm', 'GET', `/gemeenten/${G}/ontwerpen/sjabloon?regeling=x&geldigVanaf=2028-01-01`))
        .status,
    ).toBe(403);
    const o = await api.json('bm', 'POST', `/gemeenten/${G}/ontwerpen`, {
      ontwerp: { bestandsnaam: '2028-01-01.yaml', regels: sjabloon.body.inhoud.split('\n') },
    });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    const lijst = await api.json('bm', 'GET', `/gemeenten/${G}/ontwerpen`);
    expect(lijst.status).toBe(200);
    expect(lijst.body.map((x: { geldigVanaf: string }) => x.geldigVanaf)).toEqual([
      '2028-01-01',
      '2027-01-01',
    ]);
    expect((await api.json('cm', 'GET', `/gemeenten/${G}/ontwerpen`)).status).toBe(403);
    // A wrong edit is refused with file, line and path, and the stored text stays.
    const fout = await api.json('bm', 'PUT', `/gemeenten/${G}/ontwerpen/${o.body.id}/inhoud`, {
      ontwerp: {
        bestandsnaam: '2028-01-01.yaml',
        regels: [...sjabloon.body.inhoud.split('\n'), 'voorzieningen:', '  proefplaats:', '    duur: 3'],
      },
    });
    expect(fout.status).toBe(400);
    expect(JSON.stringify(fout.body)).toMatch(/2028-01-01\.yaml:\d+:\d+/);
    const goed = await api.json('bm', 'PUT', `/gemeenten/${G}/ontwerpen/${o.body.id}/inhoud`, {
      ontwerp: {
        bestandsnaam: '2028-01-01.yaml',
        regels: ONTWERP_2027.replace('2027-01-01', '2028-01-01').split('\n'),
      },
    });
    expect(goed.status, JSON.stringify(goed.body)).toBe(200);
    expect(goed.body.versie).toBe(o.body.versie + 1);
    const cijfers = await api.json('bm', 'GET', `/gemeenten/${G}/ontwerpen/${o.body.id}/cijfers`);
    expect(cijfers.status, JSON.stringify(cijfers.body)).toBe(200);
    expect(cijfers.body.model.regeling.id).toBe('regio/twente/modelverordening-re-integratie');
    expect(cijfers.body.impact.van.geldigVanaf).toBe('2027-01-01');
    expect(cijfers.body.impact.naar.status).toBe('ontwerp');
    // The requests that need a new judgement, counted over the same requests as the impact.
    const n = cijfers.body.nieuweOordelen as {
      beoordeeld: number;
      aanvragen: number;
      perVoorziening: { voorziening: string; aanvragen: number }[];
      vragen: { feit: string; artikel: string; uitleg: string; aanvragen: number }[];
    };
    expect(n.beoordeeld).toBe(cijfers.body.impact.metAanvraag);
    expect(n.perVoorziening.reduce((t, v) => t + v.aanvragen, 0)).toBe(n.aanvragen);
    for (const q of n.vragen) expect(q.uitleg).toContain(`artikel ${q.artikel.split(' ')[0]}`);
  }, 300_000);
});
