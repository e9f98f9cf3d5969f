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
import { isGeldigBsn } from '../src/beveiliging/bsn.ts';
import { bezwaartermijnEinde } from '../src/kalender/index.ts';
import type { Configuratie } from '../src/opslag/configuratie.ts';
import { openOpslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';
import { standaardEngine } from './helpers.ts';
import { TEST_SLEUTEL } from './opslagen.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';

/**
 * Issues 4 and 12: kill -9 of the real server process during a stream of writes, each with an
 * Idempotency-Key (grants, registrations of inwoners, facts), loses no acknowledged write and leaves no
 * half-written one. Each round starts `reintegratie serve` as a child, fires the writes concurrently,
 * SIGKILLs it after a random number of answers, restarts it on the same store, retries every request
 * the kill cut off with its own key and body (it must answer as the first attempt did, or run for the
 * first time: never 409, never a second decision), replays a few answered ones, and checks every row
 * the writes touch, their audit rows and the keys. Cost: about 10-20 s per round per store on a loaded
 * 2-core machine (two server starts); CRASH_RONDES=n runs more or fewer rounds.
 */

const engine = standaardEngine();
const ROOT = join(import.meta.dirname, '..');
const RONDES = Number(process.env.CRASH_RONDES ?? 10);
const VOORAF_BSN = maakBsnKluis(TEST_SLEUTEL).versleutel('111222333');
const PER_RONDE = 40;
const GELIJKTIJDIG = 8;
const WACHTWOORD = 'crash-wachtwoord-1';
const JAARBEDRAG = 30_000;
// Room for about 45 grants: later rounds run into the ceiling, so refusals are crashed too.
const PLAFOND = 45 * JAARBEDRAG;
const SCHEMA_GEBRUIKT: string[] = [];
// Seeded inwoners that receive the facts of the stream.
const FEITDOELEN = 5;

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

/** A valid BSN (elfproef) from a counter, so every registration has its own: the n-th valid one from 200000000. */
function bsnVan(n: number): string {
  let gevonden = -1;
  for (let k = 200_000_000; ; k++) if (isGeldigBsn(String(k)) && ++gevonden === n) return String(k);
}

/** One write of the stream: where it goes, its body, its key, and what kind of row it makes. */
interface Schrijfactie {
  readonly soort: 'toekenning' | 'registratie' | 'feit';
  readonly pad: string;
  readonly body: unknown;
  readonly sleutel: string;
}

const stuur = (url: string, token: string, a: Schrijfactie) =>
  fetch(`${url}${a.pad}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': a.sleutel,
    },
    body: JSON.stringify(a.body),
  });

const neem = (url: string, token: string, inwonerId: string) =>
  stuur(url, token, {
    soort: 'toekenning',
    pad: '/gemeenten/dinkelland/beschikkingen',
    body: toekenning(inwonerId),
    sleutel: `herstart-${inwonerId}`,
  });

/** What the server answered, per key: the id of the row it made and, for a decision, its kind. */
type Erkend = Map<string, { soort: Schrijfactie['soort']; id: string; beschikking?: string }>;

async function erken(a: Schrijfactie, r: Response, erkend: Erkend) {
  if (r.status !== 201) throw new Error(`onverwacht ${r.status} op ${a.pad}: ${await r.text()}`);
  const body = (await r.json()) as { id: string | number; soort?: string };
  erkend.set(a.sleutel, {
    soort: a.soort,
    id: String(body.id),
    ...(body.soort ? { beschikking: body.soort } : {}),
  });
}

/**
 * Fires the writes GELIJKTIJDIG at a time and SIGKILLs the server the moment the `na`-th answer
 * arrives, while the others are still in flight. Returns what the server acknowledged and the
 * requests the kill cut off (their outcome unknown: all or nothing, and a retry must tell which).
 */
async function stroom(server: Server, token: string, acties: readonly Schrijfactie[], na: number) {
  const erkend: Erkend = new Map();
  const afgebroken: Schrijfactie[] = [];
  const wachtrij = [...acties];
  let gedood = false;
  const werker = async () => {
    while (!gedood) {
      const a = wachtrij.shift();
      if (!a) return;
      let r: Response;
      try {
        r = await stuur(server.url, token, a);
      } catch {
        afgebroken.push(a);
        return;
      }
      await erken(a, r, erkend);
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
  return { erkend, afgebroken };
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
        Array.from({ length: RONDES * PER_RONDE + RONDES + FEITDOELEN }, (_, i) => ({
          gemeente: 'dinkelland',
          bsnHash: `crash-${i}`,
          // Really encrypted with the server's key: the start checks the key against a stored BSN.
          bsnVersleuteld: VOORAF_BSN,
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

/**
 * Every acknowledged write is there, every decision in the store is whole, no inwoner got a second
 * decision, no key is stuck, and every registration and fact has its audit row.
 */
async function controleer(config: Configuratie, alles: Erkend, feitdoelen: readonly string[]) {
  const erkend = new Map(
    [...alles.values()].flatMap((e) => (e.soort === 'toekenning' ? [[e.id, e.beschikking!] as const] : [])),
  );
  const o = await openOpslag(config);
  try {
    const sleutels = await o.db
      .selectFrom('idempotentie')
      .select(['sleutel', 'status', 'antwoord'])
      .execute();
    expect(
      sleutels.filter((k) => k.status === 0),
      'vastgelopen sleutels',
    ).toEqual([]);
    const perSleutel = new Map(sleutels.map((k) => [k.sleutel, k]));
    for (const [sleutel, e] of alles) {
      const k = perSleutel.get(sleutel);
      expect(k?.status, `sleutel ${sleutel}`).toBe(201);
      expect(String((k!.antwoord as { id: unknown }).id), `antwoord van ${sleutel}`).toBe(e.id);
    }
    const geregistreerd = await o.db
      .selectFrom('inwoner')
      .select('id')
      .where('bsnHash', 'not like', 'crash-%')
      .execute();
    const registratieAudit = new Set(
      (
        await o.db
          .selectFrom('audit')
          .select('objectId')
          .where('actie', '=', 'registreren')
          .where('object', '=', 'inwoner')
          .execute()
      ).map((a) => a.objectId),
    );
    const inwonerIds = new Set(geregistreerd.map((r) => r.id));
    for (const e of alles.values())
      if (e.soort === 'registratie') expect(inwonerIds.has(e.id), `erkende registratie ${e.id}`).toBe(true);
    for (const r of geregistreerd) expect(registratieAudit.has(r.id), `audit van inwoner ${r.id}`).toBe(true);
    const feiten = await o.db
      .selectFrom('feit')
      .select(['id', 'inwonerId'])
      .where('bron', '=', 'crash-stroom')
      .execute();
    const feitIds = new Set(feiten.map((f) => String(f.id)));
    for (const e of alles.values())
      if (e.soort === 'feit') expect(feitIds.has(e.id), `erkend feit ${e.id}`).toBe(true);
    const feitAudit = await o.db
      .selectFrom('audit')
      .select('objectId')
      .where('actie', '=', 'feit-vastleggen')
      .execute();
    for (const d of feitdoelen)
      expect(feitAudit.filter((a) => a.objectId === d).length, `auditregels van de feiten van ${d}`).toBe(
        feiten.filter((f) => f.inwonerId === d).length,
      );

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
    const perInwoner = groepeer(beschikkingen, (b) => b.inwonerId);
    for (const [inwoner, rijen] of perInwoner)
      expect(rijen.length, `beschikkingen van inwoner ${inwoner}`).toBe(1);
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
  it(`verliest over ${RONDES} rondes geen erkende schrijfactie, laat geen halve en geen vastgelopen sleutel achter`, async () => {
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
      const feitdoelen = ids.slice(RONDES * PER_RONDE + RONDES);
      const erkend: Erkend = new Map();
      let herhaald = 0;
      for (let ronde = 0; ronde < RONDES; ronde++) {
        const acties: Schrijfactie[] = [
          ...ids.slice(ronde * PER_RONDE, (ronde + 1) * PER_RONDE).map((id) => ({
            soort: 'toekenning' as const,
            pad: '/gemeenten/dinkelland/beschikkingen',
            body: toekenning(id),
            sleutel: `toekenning-${id}`,
          })),
          ...Array.from({ length: PER_RONDE / 2 }, (_, i) => ({
            soort: 'registratie' as const,
            pad: '/gemeenten/dinkelland/inwoners',
            body: { bsn: bsnVan(ronde * PER_RONDE + i), naam: `Stroom ${ronde}-${i}` },
            sleutel: `registratie-${ronde}-${i}`,
          })),
          ...Array.from({ length: PER_RONDE / 2 }, (_, i) => ({
            soort: 'feit' as const,
            pad: `/gemeenten/dinkelland/inwoners/${feitdoelen[i % feitdoelen.length]}/feiten`,
            body: {
              naam: 'uitkering',
              waarde: 'algemene-bijstand',
              geldigVanaf: '2016-02-01',
              bron: 'crash-stroom',
            },
            sleutel: `feit-${ronde}-${i}`,
          })),
        ].sort(() => randomInt(3) - 1);
        const na = randomInt(5, PER_RONDE);
        const server = await startServer(env);
        const token = await meldAan(server.url);
        const { erkend: deze, afgebroken } = await stroom(server, token, acties, na);
        expect(await server.einde).toBeNull();
        expect(deze.size, `ronde ${ronde}: gedood na ${na} erkende`).toBeGreaterThanOrEqual(na);
        for (const [k, e] of deze) erkend.set(k, e);

        // Restart on the crashed store: it must recover, migrate and take decisions again.
        const herstart = await startServer(env);
        const opnieuw = await meldAan(herstart.url);
        // Every request the kill cut off, again with its own key: the first outcome or a first run.
        for (const a of afgebroken) await erken(a, await stuur(herstart.url, opnieuw, a), erkend);
        // A few answered ones again: the stored answer, marked as a replay, nothing written.
        for (const a of acties.filter((x) => deze.has(x.sleutel)).slice(0, 3)) {
          const r = await stuur(herstart.url, opnieuw, a);
          expect(r.status).toBe(201);
          expect(r.headers.get('idempotent-replayed')).toBe('true');
          expect(String(((await r.json()) as { id: unknown }).id)).toBe(deze.get(a.sleutel)!.id);
          herhaald++;
        }
        const laatste = ids[RONDES * PER_RONDE + ronde]!;
        await erken(
          { soort: 'toekenning', pad: '', body: null, sleutel: `herstart-${laatste}` },
          await neem(herstart.url, opnieuw, laatste),
          erkend,
        );
        herstart.proces.kill('SIGTERM');
        expect(await herstart.einde).toBe(0);

        const telling = await controleer(config, erkend, feitdoelen);
        expect(telling.beschikkingen).toBeGreaterThanOrEqual(
          [...erkend.values()].filter((e) => e.soort === 'toekenning').length,
        );
      }
      expect([...erkend.values()].map((e) => e.beschikking)).toContain('toekenning');
      expect(herhaald).toBeGreaterThan(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 900_000);
});
