import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakGebruiker } from '../src/administratie/gebruikers.ts';
import {
  bibliotheekInWerking,
  engineInWerking,
  maakOntwerp,
  naarRaadsvoorstel,
  stelVast,
  voegRondeToe,
  zetTeksten,
} from '../src/administratie/ontwerpen.ts';
import type { Actor } from '../src/administratie/toegang.ts';
import type { EvaluatieResultaat } from '../src/engine/index.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { standaardEngine } from './helpers.ts';
import { ONTWERP_2027, RONDE_2027 } from './ontwerp-2027.ts';
import { OPSLAGEN } from './opslagen.ts';

const engine = standaardEngine();
const bibliotheek = engine.bibliotheek;
const casus = (peildatum: string) => ({
  gemeente: 'dinkelland',
  peildatum,
  feiten: { geboortedatum: '1985-06-15', uitkering: 'algemene-bijstand' },
});
const versieVan = (r: EvaluatieResultaat) => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.resultaat.regelingen.find((x) => x.id === 'dinkelland/re-integratieverordening')?.geldigVanaf;
};
const versieOp = async (db: Opslag['db'], peildatum: string) => {
  const e = await engineInWerking(db, engine);
  return versieVan(e.evalueer(casus(peildatum)));
};

describe.each(OPSLAGEN)('de levensloop van een ontwerp ($naam)', ({ open }) => {
  let opslag: Opslag;
  let beleid: Actor;
  let casemanager: Actor;
  beforeAll(async () => {
    opslag = await open(engine);
    const id = await maakGebruiker(opslag.db, {
      gebruikersnaam: 'bm',
      naam: 'bm',
      wachtwoord: 'test-wachtwoord-1',
      rollen: [{ gemeente: 'dinkelland', rol: 'beleidsmedewerker' }],
    });
    beleid = {
      gebruikerId: id,
      gebruikersnaam: 'bm',
      rollen: new Map([['dinkelland', new Set(['beleidsmedewerker'] as const)]]),
      doel: 'test',
    };
    casemanager = { ...beleid, rollen: new Map([['dinkelland', new Set(['casemanager'] as const)]]) };
  }, 120_000);
  afterAll(async () => opslag?.sluit());

  it('ontwerp → adviesronde → raadsvoorstel → vastgesteld; de engine past het pas toe vanaf geldigVanaf, en nooit voor de vaststelling', async () => {
    const { db } = opslag;
    const gemaakt = await maakOntwerp(db, bibliotheek, beleid, 'dinkelland', {
      bestandsnaam: '2027-01-01.yaml',
      inhoud: ONTWERP_2027,
    });
    if (!gemaakt.ok) throw new Error(JSON.stringify(gemaakt.fout));
    const id = gemaakt.waarde.id;
    expect(gemaakt.waarde).toMatchObject({
      status: 'ontwerp',
      regeling: 'dinkelland/re-integratieverordening',
      geldigVanaf: '2027-01-01',
    });
    expect(await versieOp(db, '2027-01-01')).toBe('2015-07-01');

    const ronde = await voegRondeToe(db, bibliotheek, beleid, 'dinkelland', id, RONDE_2027);
    if (!ronde.ok) throw new Error(JSON.stringify(ronde.fout));
    expect(ronde.waarde.rondes).toHaveLength(1);
    expect(ronde.waarde.rondes[0]!.ronde.punten.map((p) => p.id)).toEqual([
      'proefplaats-twee-maanden',
      'jongeren',
    ]);
    const teksten = await zetTeksten(db, beleid, 'dinkelland', id, {
      overgangsrecht: 'Lopende proefplaatsen lopen af.',
    });
    expect(teksten.ok && teksten.waarde.teksten).toEqual({
      overgangsrecht: 'Lopende proefplaatsen lopen af.',
    });

    expect((await stelVast(db, bibliotheek, beleid, 'dinkelland', id, '2026-12-10')).ok).toBe(false);
    const voorstel = await naarRaadsvoorstel(db, beleid, 'dinkelland', id);
    expect(voorstel.ok && voorstel.waarde.status).toBe('raadsvoorstel');
    expect(await versieOp(db, '2027-01-01')).toBe('2015-07-01');
    const rondeTeLaat = await voegRondeToe(db, bibliotheek, beleid, 'dinkelland', id, RONDE_2027);
    expect(!rondeTeLaat.ok && rondeTeLaat.fout.code).toBe('conflict');

    const naIngang = await stelVast(db, bibliotheek, beleid, 'dinkelland', id, '2027-01-02');
    expect(!naIngang.ok && naIngang.fout).toMatchObject({
      code: 'ongeldig',
      velden: [{ pad: 'besluitdatum' }],
    });
    const vast = await stelVast(db, bibliotheek, beleid, 'dinkelland', id, '2026-12-10');
    if (!vast.ok) throw new Error(JSON.stringify(vast.fout));
    expect(vast.waarde).toMatchObject({ status: 'vastgesteld', besluitdatum: '2026-12-10' });

    expect(await versieOp(db, '2026-12-31')).toBe('2015-07-01');
    expect(await versieOp(db, '2027-01-01')).toBe('2027-01-01');
    expect(await versieOp(db, '2027-06-01')).toBe('2027-01-01');
    // A later draft that is not adopted never counts, also once another draft of the regulation is.
    const later = await maakOntwerp(db, bibliotheek, beleid, 'dinkelland', {
      bestandsnaam: '2028-01-01.yaml',
      inhoud: ONTWERP_2027.replace('geldigVanaf: 2027-01-01', 'geldigVanaf: 2028-01-01'),
    });
    if (!later.ok) throw new Error(JSON.stringify(later.fout));
    await naarRaadsvoorstel(db, beleid, 'dinkelland', later.waarde.id);
    expect(await versieOp(db, '2028-06-01')).toBe('2027-01-01');
    const inWerking = await bibliotheekInWerking(db, bibliotheek);
    expect(inWerking.inWerking('dinkelland/re-integratieverordening', '2028-06-01')?.geldigVanaf).toBe(
      '2027-01-01',
    );
    expect(
      inWerking.versies('dinkelland/re-integratieverordening').map((v) => `${v.geldigVanaf} ${v.status}`),
    ).toEqual(['2015-07-01 vastgesteld', '2027-01-01 vastgesteld']);
    // The file engine itself is untouched: the adopted draft lives in the store.
    expect(versieVan(engine.evalueer(casus('2027-01-01')))).toBe('2015-07-01');

    // A second draft for the same day cannot be adopted too.
    const tweede = await maakOntwerp(db, bibliotheek, beleid, 'dinkelland', {
      bestandsnaam: '2027-01-01.yaml',
      inhoud: ONTWERP_2027,
    });
    if (!tweede.ok) throw new Error('tweede');
    await naarRaadsvoorstel(db, beleid, 'dinkelland', tweede.waarde.id);
    const dubbel = await stelVast(db, bibliotheek, beleid, 'dinkelland', tweede.waarde.id, '2026-12-10');
    expect(!dubbel.ok && dubbel.fout.code).toBe('conflict');

    const audit = await db
      .selectFrom('audit')
      .select('actie')
      .where('objectId', '=', id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.actie)).toEqual([
      'ontwerp-aanmaken',
      'adviesronde-vastleggen',
      'ontwerp-teksten',
      'ontwerp-raadsvoorstel',
      'ontwerp-vaststellen',
    ]);
  }, 120_000);

  it('een ongeldig ontwerp of een ronde met een onbekend artikel wordt geweigerd met het veld; een casemanager mag niet', async () => {
    const { db } = opslag;
    const fout = await maakOntwerp(db, bibliotheek, beleid, 'dinkelland', {
      bestandsnaam: '2028-01-01.yaml',
      inhoud: ONTWERP_2027.replaceAll('2027-01-01', '2028-01-01').replace(
        'maximaal: { maanden: 2 }',
        'maximaal: { maanden: "twee" }',
      ),
    });
    expect(!fout.ok && fout.fout.code).toBe('ongeldig');
    expect(JSON.stringify(!fout.ok && fout.fout)).toMatch(/2028-01-01\.yaml:\d+:\d+: .*/);
    expect(JSON.stringify(!fout.ok && fout.fout)).toContain('voorzieningen.proefplaats.duur.maximaal');
    const geen = await maakOntwerp(db, bibliotheek, casemanager, 'dinkelland', {
      bestandsnaam: '2027-01-01.yaml',
      inhoud: ONTWERP_2027,
    });
    expect(!geen.ok && geen.fout.code).toBe('verboden');
    const o = await maakOntwerp(db, bibliotheek, beleid, 'dinkelland', {
      bestandsnaam: '2027-01-01.yaml',
      inhoud: ONTWERP_2027,
    });
    if (!o.ok) throw new Error('ontwerp');
    const slecht = structuredClone(RONDE_2027);
    slecht.punten[1]!.artikelen = [{ artikel: '99' }];
    const r = await voegRondeToe(db, bibliotheek, beleid, 'dinkelland', o.waarde.id, slecht);
    expect(!r.ok && r.fout).toMatchObject({
      code: 'ongeldig',
      velden: [
        {
          pad: 'ronde.punten[1].artikelen[0].artikel',
          bericht: 'artikel 99 staat in geen versie van deze regeling of het ontwerp',
        },
      ],
    });
  });
});
