import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifieerAuditketen } from '../src/administratie/auditketen.ts';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import { openBsnKluis, roteerSleutel, SleutelFout } from '../src/administratie/sleutelbeheer.ts';
import { zoekInwoners } from '../src/administratie/inwoners.ts';
import type { Actor } from '../src/administratie/toegang.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import { vingerafdruk } from '../src/beveiliging/sleutel.ts';
import { main } from '../src/cli/main.ts';
import { bewaarDocumenten } from '../src/documenten/opslag.ts';
import { openOpslag, type Opslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import { standaardEngine } from './helpers.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const engine = standaardEngine();
/** Valid BSNs (elfproef), one per client. */
const BSNS = ['111222333', '123456782', '999999990', '100000009', '111111110', '222222220', '333333330'];
const actor: Actor = {
  gebruikerId: '00000000-0000-4000-8000-0000000000aa',
  gebruikersnaam: 'test',
  rollen: new Map([['dinkelland', new Set(['casemanager'] as const)]]),
  doel: 'behandeling',
};

const mappen: string[] = [];
afterEach(() => {
  for (const m of mappen.splice(0)) rmSync(m, { recursive: true, force: true });
});

/** An embedded store on disk with its key file, holding clients (and an encrypted SRG delivery). */
async function opslagMetBsns(): Promise<{ dataDir: string; sleutel: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sleutel-'));
  mappen.push(dataDir);
  const o = await openOpslag({ dataDir });
  try {
    await migreer(o.db);
    await zorgVoorGemeenten(o.db, engine.bibliotheek);
    const kluis = await openBsnKluis(o.db, { dataDir });
    for (const [i, bsn] of BSNS.entries())
      await o.db
        .insertInto('inwoner')
        .values({
          gemeente: 'dinkelland',
          bsnHash: kluis.zoeksleutel(bsn),
          bsnVersleuteld: kluis.versleutel(bsn),
          naam: `Inwoner ${i}`,
          geboortedatum: null,
          casemanagerId: null,
        })
        .execute();
    await bewaarDocumenten(o.db, {
      gemeente: 'dinkelland',
      soort: 'srg-levering',
      sleutel: '2026-10',
      door: null,
      versleuteld: true,
      weergaven: [
        {
          formaat: 'json',
          mediatype: 'application/json',
          inhoud: Buffer.from(kluis.versleutel(JSON.stringify({ records: [{ bsn: BSNS[0] }] }))),
        },
      ],
    });
  } finally {
    await o.sluit();
  }
  return { dataDir, sleutel: readFileSync(join(dataDir, 'bsn-sleutel'), 'utf8').trim() };
}

async function metOpslag<T>(dataDir: string, werk: (o: Opslag) => Promise<T>): Promise<T> {
  const o = await openOpslag({ dataDir });
  try {
    return await werk(o);
  } finally {
    await o.sluit();
  }
}

/** Every client found by their BSN through the application's own search and read back in full. */
async function alleVindbaar(o: Opslag, sleutel: string): Promise<void> {
  const kluis = maakBsnKluis(sleutel);
  for (const bsn of BSNS) {
    const r = await zoekInwoners(o.db, kluis, actor, 'dinkelland', { bsn });
    expect(r.ok && r.waarde.totaal).toBe(1);
    const rij = await o.db
      .selectFrom('inwoner')
      .select('bsnVersleuteld')
      .where('bsnHash', '=', kluis.zoeksleutel(bsn))
      .executeTakeFirstOrThrow();
    expect(kluis.ontsleutel(rij.bsnVersleuteld)).toBe(bsn);
  }
  const d = await o.db.selectFrom('document').select(['inhoud', 'sha256']).executeTakeFirstOrThrow();
  expect(JSON.parse(kluis.ontsleutel(Buffer.from(d.inhoud).toString('utf8')))).toEqual({
    records: [{ bsn: BSNS[0] }],
  });
}

async function cli(env: Record<string, string | undefined>, ...args: string[]) {
  const uit: string[] = [];
  const fout: string[] = [];
  const namen = ['DATA_DIR', 'DATABASE_URL', 'BSN_SLEUTEL', 'NIEUWE_SLEUTEL', ...Object.keys(env)];
  const vorige = Object.fromEntries(namen.map((n) => [n, process.env[n]]));
  for (const n of namen) delete process.env[n];
  Object.assign(process.env, Object.fromEntries(Object.entries(env).filter(([, w]) => w !== undefined)));
  try {
    const code = await main(args, { regel: (t) => uit.push(t), fout: (t) => fout.push(t) });
    return { code, uit: uit.join('\n'), fout: fout.join('\n') };
  } finally {
    for (const [n, w] of Object.entries(vorige))
      if (w === undefined) delete process.env[n];
      else process.env[n] = w;
  }
}

describe('de vingerafdruk van de BSN-sleutel', () => {
  it('legt een nieuwe opslag haar sleutel vast als vingerafdruk, nooit de sleutel zelf', async () => {
    const { dataDir, sleutel } = await opslagMetBsns();
    await metOpslag(dataDir, async (o) => {
      const rijen = await o.db.selectFrom('bsnSleutel').selectAll().execute();
      expect(rijen).toHaveLength(1);
      expect(rijen[0]!.vingerafdruk).toBe(vingerafdruk(sleutel));
      expect(JSON.stringify(rijen)).not.toContain(sleutel);
    });
  });

  it('weigert de start zonder sleutel en maakt geen nieuwe', async () => {
    const { dataDir } = await opslagMetBsns();
    rmSync(join(dataDir, 'bsn-sleutel'));
    await metOpslag(dataDir, async (o) => {
      await expect(openBsnKluis(o.db, { dataDir })).rejects.toThrow(SleutelFout);
      await expect(openBsnKluis(o.db, { dataDir })).rejects.toThrow(
        /de BSN-sleutel ontbreekt \(het sleutelbestand .*bsn-sleutel \(of BSN_SLEUTEL\)\), maar deze opslag is versleuteld met de sleutel met vingerafdruk [0-9a-f]{12}…; .*Er wordt geen nieuwe sleutel gemaakt/,
      );
    });
    expect(existsSync(join(dataDir, 'bsn-sleutel'))).toBe(false);
    // The server itself: refused with the message and exit 1, before it listens.
    const r = await cli({ DATA_DIR: dataDir, PORT: '0' }, 'serve');
    expect(r.code).toBe(1);
    expect(r.fout).toMatch(/^de BSN-sleutel ontbreekt/);
    expect(r.uit).not.toContain('luistert');
    expect(existsSync(join(dataDir, 'bsn-sleutel'))).toBe(false);
  });

  it('weigert een andere sleutel, uit BSN_SLEUTEL of het sleutelbestand', async () => {
    const { dataDir } = await opslagMetBsns();
    const ander = randomBytes(32).toString('hex');
    await metOpslag(dataDir, async (o) => {
      await expect(openBsnKluis(o.db, { dataDir, bsnSleutel: ander })).rejects.toThrow(
        /de BSN-sleutel in BSN_SLEUTEL \(vingerafdruk [0-9a-f]{12}…\) is niet de sleutel waarmee deze opslag is versleuteld/,
      );
      writeFileSync(join(dataDir, 'bsn-sleutel'), `${ander}\n`);
      await expect(openBsnKluis(o.db, { dataDir })).rejects.toThrow(
        /is niet de sleutel waarmee deze opslag is versleuteld/,
      );
      await expect(openBsnKluis(o.db, { dataDir, bsnSleutel: 'geen-sleutel' })).rejects.toThrow(
        /geen sleutel van 32 bytes/,
      );
    });
  });

  it('toetst een opslag van vóór de vingerafdruk aan haar BSNs', async () => {
    const { dataDir, sleutel } = await opslagMetBsns();
    await metOpslag(dataDir, async (o) => {
      await sql`delete from bsn_sleutel`.execute(o.db);
      await expect(
        openBsnKluis(o.db, { dataDir, bsnSleutel: randomBytes(32).toString('hex') }),
      ).rejects.toThrow(/opent de opgeslagen BSN's niet/);
      rmSync(join(dataDir, 'bsn-sleutel'));
      await expect(openBsnKluis(o.db, { dataDir })).rejects.toThrow(
        /maar deze opslag bevat versleutelde BSN's/,
      );
      expect(existsSync(join(dataDir, 'bsn-sleutel'))).toBe(false);
      await openBsnKluis(o.db, { dataDir, bsnSleutel: sleutel });
      expect(
        (await o.db.selectFrom('bsnSleutel').select('vingerafdruk').executeTakeFirstOrThrow()).vingerafdruk,
      ).toBe(vingerafdruk(sleutel));
    });
  });
});

describe('reintegratie sleutel roteer', () => {
  it('versleutelt elke BSN opnieuw: alles blijft vindbaar en leesbaar, alleen onder de nieuwe sleutel', async () => {
    const { dataDir, sleutel: oud } = await opslagMetBsns();
    const nieuw = randomBytes(32).toString('hex');
    const bestand = join(dataDir, 'nieuwe-sleutel');
    writeFileSync(bestand, `${nieuw}\n`);
    const r = await cli({ DATA_DIR: dataDir }, 'sleutel', 'roteer', '--nieuw', bestand);
    expect(r).toMatchObject({ code: 0, fout: '' });
    expect(r.uit).toContain(`${BSNS.length} BSN's en 1 SRG-leveringen opnieuw versleuteld`);
    expect(readFileSync(join(dataDir, 'bsn-sleutel'), 'utf8').trim()).toBe(nieuw);
    expect(readFileSync(join(dataDir, 'bsn-sleutel.vorige'), 'utf8').trim()).toBe(oud);
    await metOpslag(dataDir, async (o) => {
      await alleVindbaar(o, nieuw);
      // The old key finds nobody and opens nothing any more.
      const weg = maakBsnKluis(oud);
      const rijen = await o.db.selectFrom('inwoner').select(['bsnHash', 'bsnVersleuteld']).execute();
      for (const rij of rijen) {
        expect(BSNS.map((b) => weg.zoeksleutel(b))).not.toContain(rij.bsnHash);
        expect(() => weg.ontsleutel(rij.bsnVersleuteld)).toThrow();
      }
      await expect(openBsnKluis(o.db, { dataDir, bsnSleutel: oud })).rejects.toThrow(/niet de sleutel/);
      await openBsnKluis(o.db, { dataDir });
      const audit = await o.db
        .selectFrom('audit')
        .select('actie')
        .where('actie', '=', 'sleutel-geroteerd')
        .execute();
      expect(audit).toHaveLength(1);
      expect((await verifieerAuditketen(o.db)).intact).toBe(true);
      // The stored delivery's hash is of what is stored now.
      const d = await o.db.selectFrom('document').select(['inhoud', 'sha256']).executeTakeFirstOrThrow();
      const { createHash } = await import('node:crypto');
      expect(createHash('sha256').update(d.inhoud).digest('hex')).toBe(d.sha256);
    });
    // And from the environment, back again.
    const terug = await cli(
      { DATA_DIR: dataDir, NIEUWE_SLEUTEL: oud },
      'sleutel',
      'roteer',
      '--nieuw',
      'env:NIEUWE_SLEUTEL',
    );
    expect(terug.code).toBe(0);
    await metOpslag(dataDir, (o) => alleVindbaar(o, oud));
  });

  it('laat bij een fout halverwege de oude sleutel geldig en niets gewijzigd', async () => {
    const { dataDir, sleutel: oud } = await opslagMetBsns();
    const nieuw = randomBytes(32).toString('hex');
    await metOpslag(dataDir, async (o) => {
      // A client whose BSN another key encrypted, last in the order of the rotation: it fails after
      // several batches were rewritten already.
      const vreemd = maakBsnKluis(randomBytes(32).toString('hex'));
      await o.db
        .insertInto('inwoner')
        .values({
          gemeente: 'dinkelland',
          bsnHash: vreemd.zoeksleutel('444444440'),
          bsnVersleuteld: vreemd.versleutel('444444440'),
          naam: 'Vreemd',
          geboortedatum: null,
          casemanagerId: null,
        })
        .execute();
      const voor = await o.db
        .selectFrom('inwoner')
        .select(['id', 'bsnHash', 'bsnVersleuteld'])
        .orderBy('id')
        .execute();
      await expect(roteerSleutel(o.db, oud, nieuw, { partij: 2 })).rejects.toThrow(
        /niet te ontsleutelen met de huidige sleutel; er is niets gewijzigd/,
      );
      expect(
        await o.db.selectFrom('inwoner').select(['id', 'bsnHash', 'bsnVersleuteld']).orderBy('id').execute(),
      ).toEqual(voor);
      expect(
        (await o.db.selectFrom('bsnSleutel').select('vingerafdruk').executeTakeFirstOrThrow()).vingerafdruk,
      ).toBe(vingerafdruk(oud));
      await openBsnKluis(o.db, { dataDir });
      await alleVindbaar(o, oud);
      await expect(openBsnKluis(o.db, { dataDir, bsnSleutel: nieuw })).rejects.toThrow(/niet de sleutel/);
      // The document trigger is back: a stored delivery is still never rewritten.
      await expect(sql`update document set sha256 = 'x'`.execute(o.db)).rejects.toThrow(/niet gewijzigd/);
    });
    expect(readFileSync(join(dataDir, 'bsn-sleutel'), 'utf8').trim()).toBe(oud);
  });

  it('weigert een ongeldige of dezelfde nieuwe sleutel en een ontbrekend bestand', async () => {
    const { dataDir, sleutel } = await opslagMetBsns();
    expect((await cli({ DATA_DIR: dataDir }, 'sleutel', 'roteer')).code).toBe(1);
    const ontbreekt = await cli(
      { DATA_DIR: dataDir },
      'sleutel',
      'roteer',
      '--nieuw',
      join(dataDir, 'nergens'),
    );
    expect(ontbreekt).toMatchObject({ code: 1 });
    expect(ontbreekt.fout).toContain('is niet te lezen');
    const zelfde = await cli(
      { DATA_DIR: dataDir, NIEUWE_SLEUTEL: sleutel },
      'sleutel',
      'roteer',
      '--nieuw',
      'env:NIEUWE_SLEUTEL',
    );
    expect(zelfde).toMatchObject({ code: 1, fout: 'de nieuwe BSN-sleutel is gelijk aan de huidige' });
    const kapot = await cli(
      { DATA_DIR: dataDir, NIEUWE_SLEUTEL: 'abc' },
      'sleutel',
      'roteer',
      '--nieuw',
      'env:NIEUWE_SLEUTEL',
    );
    expect(kapot.fout).toContain('geen sleutel van 32 bytes');
  });
});
