import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { maakGebruiker } from '../src/administratie/gebruikers.ts';
import { zorgVoorGemeenten } from '../src/administratie/opzet.ts';
import { termijnenUit } from '../src/administratie/termijnen.ts';
import type { Resultaat } from '../src/engine/index.ts';
import { bezwaartermijnEinde } from '../src/kalender/index.ts';
import type { Configuratie } from '../src/opslag/configuratie.ts';
import { openOpslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import { standaardEngine } from './helpers.ts';
import { TEST_SLEUTEL } from './opslagen.ts';

/**
 * Issue 4: kill -9 of the real server process during a stream of grants loses no acknowledged grant
 * and leaves no half-written one. Each round starts `reintegratie serve` as a child, fires concurrent
 * grants, SIGKILLs it after a random number of 201s, restarts it on the same store, and checks every
 * row the grants touch. CRASH_RONDES=n runs more rounds (a longer soak).
 */

const engine = standaardEngine();
const ROOT = join(import.meta.dirname, '..');
const RONDES = Number(process.env.CRASH_RONDES ?? 3);
const PER_RONDE = 40;
const GELIJKTIJDIG = 8;
const WACHTWOORD = 'crash-wachtwoord-1';
const JAARBEDRAG = 30_000;
// Room for about 45 grants: later rounds run into the ceiling, so refusals are crashed too.
const PLAFOND = 45 * JAARBEDRAG;
const SCHEMA_GEBRUIKT: string[] = [];

const STORES: { naam: 'pglite' | 'postgres' }[] = [
  { naam: 'pglite' },
  ...(process.env.DATABASE_URL ? [{ naam: 'postgres' as const }] : []),
];

const lopend = new Set<ChildProcess>();
afterAll(async () => {
  for (const p of lopend) p.kill('SIGKILL');
  if (process.env.DATABASE_URL && SCHEMA_GEBRUIKT.length > 0) {
    const o = await openOpslag({ dataDir: '', databaseUrl: process.env.DATABASE_URL });
    for (const s of SCHEMA_GEBRUIKT) await sql`drop schema if exists ${sql.id(s)} cascade`.execute(o.db);
    await o.sluit();
  }
});

interface Server {
  readonly url: string;
  readonly proces: ChildProcess;
  readonly einde: Promise<number | null>;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const proces = spawn(process.execPath, [join(ROOT, 'bin', 'reintegratie.js'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  lopend.add(proces);
  const einde = new Promise<number | null>((klaar) =>
    proces.once('exit', (code) => {
      lopend.delete(proces);
      klaar(code);
    }),
  );
  let uit = '';
  let fout = '';
  return new Promise((klaar, faal) => {
    const timer = setTimeout(() => {
      proces.kill('SIGKILL');
      faal(new Error(`server startte niet binnen 60 s\n${uit}\n${fout}`));
    }, 60_000);
    proces.stderr!.on('data', (d: Buffer) => (fout += d.toString()));
    proces.stdout!.on('data', (d: Buffer) => {
      uit += d.toString();
      const m = /luistert op (http:\/\/\S+)/.exec(uit);
      if (m) {
        clearTimeout(timer);
        klaar({ url: m[1]!, proces, einde });
      }
    });
    void einde.then((code) => {
      clearTimeout(timer);
      faal(new Error(`server stopte (code ${code}) voordat hij luisterde\n${uit}\n${fout}`));
    });
  });
}

async function meldAan(url: string): Promise<string> {
  const r = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: 'cm', wachtwoord: WACHTWOORD }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

const toekenning = (inwonerId: string) => ({
  inwonerId,
  soort: 'toekenning',
  peildatum: '2016-05-01',
  verzondenOp: '2016-05-02',
  aanvraag: {
    voorziening: 'participatieplaats',
    ingangsdatum: '2016-05-01',
    duurMaanden: 12,
    urenPerWeek: 24,
    voldoendeMeegewerkt: true,
  },
  oordelen: { participatieplaatsPassend: { antwoord: true, motivering: 'Passend gezien de afstand.' } },
});

const neem = (url: string, token: string, inwonerId: string) =>
  fetch(`${url}/gemeenten/dinkelland/beschikkingen`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(toekenning(inwonerId)),
  });

/**
 * Fires grants GELIJKTIJDIG at a time and SIGKILLs the server the moment the `na`-th 201 arrives,
 * while the others are still in flight. Returns what the server acknowledged.
 */
async function stroom(server: Server, token: string, ids: readonly string[], na: number) {
  const erkend = new Map<string, string>();
  const wachtrij = [...ids];
  let gedood = false;
  const werker = async () => {
    while (!gedood) {
      const id = wachtrij.shift();
      if (!id) return;
      let r: Response;
      try {
        r = await neem(server.url, token, id);
      } catch {
        // A request cut off by the kill has no answer: its outcome is unknown, and it must be all or nothing.
        return;
      }
      if (r.status !== 201) throw new Error(`onverwacht ${r.status}: ${await r.text()}`);
      const body = (await r.json()) as { id: string; soort: string };
      erkend.set(body.id, body.soort);
      if (erkend.size === na) {
        // A few milliseconds later, so the kill lands anywhere in the next transactions, not only between them.
        setTimeout(
          () => {
            gedood = true;
            server.proces.kill('SIGKILL');
          },
          randomInt(0, 15),
        );
      }
    }
  };
  await Promise.all(Array.from({ length: GELIJKTIJDIG }, werker));
  if (!gedood) server.proces.kill('SIGKILL');
  return erkend;
}

async function zaai(config: Configuratie): Promise<string[]> {
  const o = await openOpslag(config);
  try {
    await migreer(o.db, o.schema);
    await zorgVoorGemeenten(o.db, engine.bibliotheek);
    const cm = await maakGebruiker(o.db, {
      gebruikersnaam: 'cm',
      naam: 'cm',
      wachtwoord: WACHTWOORD,
      rollen: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
    });
    await o.db
      .insertInto('budget')
      .values({
        gemeente: 'dinkelland',
        jaar: 2016,
        voorziening: 'participatieplaats',
        plafondCent: PLAFOND,
        deelnemersplafond: null,
        artikel: '3 lid 1',
      })
      .execute();
    const inwoners = await o.db
      .insertInto('inwoner')
      .values(
        Array.from({ length: RONDES * PER_RONDE + RONDES }, (_, i) => ({
          gemeente: 'dinkelland',
          bsnHash: `crash-${i}`,
          bsnVersleuteld: 'v1:x:y:z',
          naam: `Crash ${i}`,
          geboortedatum: '1980-01-01',
          casemanagerId: cm,
        })),
      )
      .returning('id')
      .execute();
    await o.db
      .insertInto('feit')
      .values(
        inwoners.map(({ id }) => ({
          gemeente: 'dinkelland',
          inwonerId: id,
          naam: 'uitkering',
          waarde: JSON.stringify('algemene-bijstand'),
          geldigVanaf: '2016-01-01',
          bron: 'test',
          vastgelegdDoor: cm,
        })),
      )
      .execute();
    return inwoners.map((r) => r.id);
  } finally {
    await o.sluit();
  }
}

function groepeer<T>(rijen: readonly T[], sleutel: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rijen) m.set(sleutel(r), [...(m.get(sleutel(r)) ?? []), r]);
  return m;
}

/** Every acknowledged decision is there, and every decision in the store is whole. */
async function controleer(config: Configuratie, erkend: ReadonlyMap<string, string>) {
  const o = await openOpslag(config);
  try {
    const beschikkingen = await o.db
      .selectFrom('beschikking')
      .select(['id', 'soort', 'inwonerId', 'jaarbedragCent', 'resultaat', 'verzondenOp'])
      .execute();
    const mutaties = await o.db
      .selectFrom('budgetmutatie')
      .select(['beschikkingId', 'bedragCent'])
      .where('soort', '=', 'toekenning')
      .execute();
    const termijnen = await o.db.selectFrom('termijn').select(['beschikkingId', 'soort', 'datum']).execute();
    const audit = await o.db
      .selectFrom('audit')
      .select('objectId')
      .where('object', '=', 'beschikking')
      .execute();
    const budget = await o.db.selectFrom('budget').selectAll().executeTakeFirstOrThrow();
    const slot = await sql<{ isLocked: number }>`select is_locked from migratie_slot`.execute(o.db);

    const perId = new Map(beschikkingen.map((b) => [b.id, b]));
    for (const [id, soort] of erkend) {
      expect(perId.get(id)?.soort, `erkende beschikking ${id}`).toBe(soort);
    }
    const mutatiesPer = groepeer(mutaties, (m) => m.beschikkingId ?? '');
    const termijnenPer = groepeer(termijnen, (t) => t.beschikkingId);
    const geaudit = new Set(audit.map((a) => a.objectId));
    let besteed = 0;
    let toegekend = 0;
    for (const b of beschikkingen) {
      const v = (b.resultaat as Resultaat).voorzieningen[0]!;
      const verwacht = [
        ...(b.soort === 'toekenning'
          ? termijnenUit(v, { gemeente: 'dinkelland', beschikkingId: b.id, inwonerId: b.inwonerId })
          : []),
        ...(b.verzondenOp ? [{ soort: 'bezwaartermijn', datum: bezwaartermijnEinde(b.verzondenOp) }] : []),
      ]
        .map((t) => `${t.soort} ${t.datum}`)
        .sort();
      const echt = (termijnenPer.get(b.id) ?? []).map((t) => `${t.soort} ${t.datum}`).sort();
      expect(echt, `termijnen van ${b.soort} ${b.id}`).toEqual(verwacht);
      expect(geaudit.has(b.id), `audit van ${b.id}`).toBe(true);
      const m = mutatiesPer.get(b.id) ?? [];
      if (b.soort === 'toekenning') {
        expect(verwacht.length).toBeGreaterThan(1);
        expect(
          m.map((x) => Number(x.bedragCent)),
          `budgetmutatie van ${b.id}`,
        ).toEqual([Number(b.jaarbedragCent)]);
        besteed += Number(b.jaarbedragCent);
        toegekend++;
      } else {
        expect(b.soort).toBe('afwijzing');
        expect(m).toEqual([]);
      }
    }
    expect(mutaties.every((m) => m.beschikkingId !== null && perId.has(m.beschikkingId))).toBe(true);
    expect(Number(budget.besteedCent)).toBe(besteed);
    expect(budget.deelnemers).toBe(toegekend);
    expect(Number(budget.besteedCent)).toBeLessThanOrEqual(Number(budget.plafondCent));
    expect(slot.rows.map((r) => Number(r.isLocked))).toEqual([0]);
    return { beschikkingen: beschikkingen.length, toegekend };
  } finally {
    await o.sluit();
  }
}

describe.each(STORES)('kill -9 tijdens een stroom toekenningen op $naam', ({ naam }) => {
  it(`verliest over ${RONDES} rondes geen erkende toekenning en laat geen halve achter`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'reintegratie-crash-'));
    const schema = `crash_${randomBytes(6).toString('hex')}`;
    const config: Configuratie = {
      poort: 0,
      dataDir,
      ...(naam === 'postgres' ? { databaseUrl: process.env.DATABASE_URL!, databaseSchema: schema } : {}),
    };
    if (naam === 'postgres') SCHEMA_GEBRUIKT.push(schema);
    const { DATABASE_URL: _url, DATABASE_SCHEMA: _schema, ...basis } = process.env;
    const env: NodeJS.ProcessEnv = {
      ...basis,
      PORT: '0',
      DATA_DIR: dataDir,
      BSN_SLEUTEL: TEST_SLEUTEL,
      ...(naam === 'postgres' ? { DATABASE_URL: process.env.DATABASE_URL!, DATABASE_SCHEMA: schema } : {}),
    };
    try {
      const ids = await zaai(config);
      const erkend = new Map<string, string>();
      for (let ronde = 0; ronde < RONDES; ronde++) {
        const na = randomInt(3, PER_RONDE / 2);
        const server = await startServer(env);
        const token = await meldAan(server.url);
        const deze = await stroom(server, token, ids.slice(ronde * PER_RONDE, (ronde + 1) * PER_RONDE), na);
        expect(await server.einde).toBeNull();
        expect(deze.size, `ronde ${ronde}: gedood na ${na} erkende`).toBeGreaterThanOrEqual(na);
        for (const [id, soort] of deze) erkend.set(id, soort);

        // Restart on the crashed store: it must recover, migrate and take decisions again.
        const herstart = await startServer(env);
        const r = await neem(herstart.url, await meldAan(herstart.url), ids[RONDES * PER_RONDE + ronde]!);
        expect(r.status).toBe(201);
        const naHerstart = (await r.json()) as { id: string; soort: string };
        erkend.set(naHerstart.id, naHerstart.soort);
        herstart.proces.kill('SIGTERM');
        expect(await herstart.einde).toBe(0);

        const telling = await controleer(config, erkend);
        expect(telling.beschikkingen).toBeGreaterThanOrEqual(erkend.size);
      }
      expect([...erkend.values()]).toContain('toekenning');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
