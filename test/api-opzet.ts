import { expect } from 'vitest';
import { lokaleAuthenticator, maakGebruiker } from '../src/administratie/gebruikers.ts';
import { maakApp } from '../src/api/app.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import type { Engine } from '../src/engine/index.ts';
import type { Opslag } from '../src/opslag/database.ts';
import type { Rol } from '../src/opslag/schema.ts';
import { TEST_SLEUTEL } from './opslagen.ts';

const WACHTWOORD = 'test-wachtwoord-1';

export interface TestApi {
  readonly opslag: Opslag;
  readonly app: ReturnType<typeof maakApp>;
  readonly gebruikerIds: Record<string, string>;
  verzoek(
    wie: string,
    methode: string,
    pad: string,
    body?: unknown,
    koppen?: Record<string, string>,
  ): Promise<Response>;
  /** A request whose JSON body is returned with its status. */
  json<T = any>(
    wie: string,
    methode: string,
    pad: string,
    body?: unknown,
    koppen?: Record<string, string>,
  ): Promise<{ status: number; body: T; koppen: Headers }>;
  /** The bearer token of a user. */
  token(wie: string): string;
  /** A request with exactly these headers (besides the token: no X-Doel unless given) and this raw body. */
  ruw(
    wie: string,
    methode: string,
    pad: string,
    koppen: Record<string, string>,
    body?: string,
  ): Promise<Response>;
  /** Inserts a client directly: fixtures only, every assertion goes through HTTP. */
  inwoner(gemeente: string, naam: string, door?: string): Promise<string>;
}

/** The HTTP API on one store with the given users, each logged in. */
export async function startApi(
  opslag: Opslag,
  engine: Engine,
  gebruikers: Record<string, readonly { gemeente: string; rol: Rol }[]>,
  vandaag = '2024-06-01',
): Promise<TestApi> {
  const app = maakApp({
    db: opslag.db,
    engine,
    kluis: maakBsnKluis(TEST_SLEUTEL),
    authenticator: lokaleAuthenticator(opslag.db),
    vandaag: () => vandaag,
  });
  const tokens: Record<string, string> = {};
  const gebruikerIds: Record<string, string> = {};
  for (const [naam, rollen] of Object.entries(gebruikers)) {
    gebruikerIds[naam] = await maakGebruiker(opslag.db, {
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
  const verzoek: TestApi['verzoek'] = async (wie, methode, pad, body, koppen = {}) =>
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
  let volgnummer = 0;
  return {
    opslag,
    app,
    gebruikerIds,
    verzoek,
    token: (wie) => tokens[wie]!,
    ruw: async (wie, methode, pad, koppen, body) =>
      app.request(pad, {
        method: methode,
        headers: { authorization: `Bearer ${tokens[wie]}`, ...koppen },
        ...(body === undefined ? {} : { body }),
      }),
    json: async (wie, methode, pad, body, koppen) => {
      const r = await verzoek(wie, methode, pad, body, koppen);
      const tekst = await r.text();
      return { status: r.status, body: tekst ? JSON.parse(tekst) : null, koppen: r.headers };
    },
    inwoner: async (gemeente, naam, door) => {
      const { id } = await opslag.db
        .insertInto('inwoner')
        .values({
          gemeente,
          bsnHash: `test-${gemeente}-${++volgnummer}-${naam}`,
          bsnVersleuteld: 'v1:x:y:z',
          naam,
          geboortedatum: '1980-01-01',
          casemanagerId: door ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return id;
    },
  };
}
