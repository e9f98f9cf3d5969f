import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { IdempotentieBezet, type IdempotentieClaim } from '../administratie/idempotentie.ts';
import type { Db } from '../opslag/database.ts';
import type { ApiEnv } from './omgeving.ts';
import { tekstVanAntwoord } from './route-hulp.ts';

const SCHRIJVEND = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Undoes a request whose handler failed (5xx): nothing it wrote may stay. */
class Terugdraaien extends Error {}

export interface SchrijfOpties {
  readonly db: Db;
  /** Runs the request in one transaction that every statement of it joins (see `verzoekDb`). */
  readonly metTransactie: <T>(werk: () => Promise<T>) => Promise<T>;
  /**
   * Routes that write in a transaction of their own: decisions (the group commit shares one
   * transaction between many requests, and stores the Idempotency-Key answer inside it) and sign-in.
   */
  readonly eigenTransactie: (methode: string, pad: string) => boolean;
}

/**
 * Every writing request runs in one transaction: its writes, their audit rows and, with an
 * Idempotency-Key on POST, the claim of the key and the stored answer commit together or not at all.
 * So a crash can never leave a key claimed without its effect, or an effect without its answer: a
 * retry with the same key after a kill -9 either replays the first answer or runs for the first time.
 * A concurrent duplicate waits on the claim's row (PostgreSQL) or the store's lock (PGlite), then
 * finds the answer and replays it; a replay with another body is refused (422).
 */
export function schrijfverzoeken({
  db,
  metTransactie,
  eigenTransactie,
}: SchrijfOpties): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (!SCHRIJVEND.has(c.req.method)) return next();
    const claim = await claimVan(c);
    if (claim) {
      const eerder = await leesClaim(db, claim);
      if (eerder) return herhaal(eerder, claim);
    }
    if (eigenTransactie(c.req.method, c.req.path)) {
      c.set('idempotentie', claim);
      await next();
      if (!claim) return;
      if (c.get('idempotentieBezet')) {
        // A duplicate of this request committed first: answer what it answered.
        const eerder = await leesClaim(db, claim);
        if (eerder) c.res = herhaal(eerder, claim);
        return;
      }
      // A decision's commit stored its answer itself: a second insert would only find it there. An
      // answer without effect (a refusal before the write) is stored here, where a crash loses nothing
      // but the stored answer.
      if (c.get('idempotentieBewaard')) return;
      if (c.res.status < 500) await bewaar(db, claim, c.res, true);
      return;
    }
    try {
      await metTransactie(async () => {
        if (claim) {
          const geclaimd = await db
            .insertInto('idempotentie')
            .values({ ...claim, status: 0, antwoord: 'null' })
            .onConflict((oc) => oc.columns(['gebruikerId', 'sleutel']).doNothing())
            .returning('sleutel')
            .executeTakeFirst();
          if (!geclaimd) throw new IdempotentieBezet();
        }
        await next();
        if (c.res.status >= 500) throw new Terugdraaien();
        if (claim) await bewaar(db, claim, c.res, false);
      });
    } catch (e) {
      if (e instanceof Terugdraaien) return;
      if (e instanceof IdempotentieBezet && claim) {
        const eerder = await leesClaim(db, claim);
        if (eerder) return herhaal(eerder, claim);
        return probleemTekst(409, 'een verzoek met deze Idempotency-Key liep tegelijk; probeer het opnieuw');
      }
      throw e;
    }
  };
}

async function claimVan(c: Context<ApiEnv>): Promise<IdempotentieClaim | undefined> {
  const sleutel = c.req.header('idempotency-key');
  const actor = c.get('actor');
  // The key's form and length are checked at the edge (randKoppen): here it is a valid key.
  if (c.req.method !== 'POST' || !sleutel || !actor) return undefined;
  // Read once per request (Hono caches it) for the edge check, the validator and this hash.
  const body = await c.req.text();
  const verzoek = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
  return { gebruikerId: actor.gebruikerId, sleutel, verzoek };
}

const leesClaim = (db: Db, claim: IdempotentieClaim) =>
  db
    .selectFrom('idempotentie')
    .select(['verzoek', 'status', 'antwoord'])
    .where('gebruikerId', '=', claim.gebruikerId)
    .where('sleutel', '=', claim.sleutel)
    // Status 0 is a claim still open inside its transaction; committed ones always carry their answer.
    .where('status', '>', 0)
    .executeTakeFirst();

function herhaal(eerder: { verzoek: string; status: number; antwoord: unknown }, claim: IdempotentieClaim) {
  if (eerder.verzoek !== claim.verzoek)
    return probleemTekst(422, 'Idempotency-Key is al gebruikt voor een ander verzoek');
  return new Response(JSON.stringify(eerder.antwoord), {
    status: eerder.status,
    headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
  });
}

async function bewaar(db: Db, claim: IdempotentieClaim, res: Response, nieuw: boolean) {
  const waarden = { status: res.status, antwoord: await antwoordTekst(res) };
  if (nieuw)
    await db
      .insertInto('idempotentie')
      .values({ ...claim, ...waarden })
      .onConflict((oc) => oc.columns(['gebruikerId', 'sleutel']).doNothing())
      .execute();
  else
    await db
      .updateTable('idempotentie')
      .set(waarden)
      .where('gebruikerId', '=', claim.gebruikerId)
      .where('sleutel', '=', claim.sleutel)
      .execute();
}

/**
 * The answer as JSON text for the jsonb column: the text `antwoord` serialised the body from when it
 * made it (not read back, parsed and serialised again); otherwise the body read from a copy, kept as it
 * is when it is JSON and as a JSON string when not.
 */
async function antwoordTekst(res: Response): Promise<string> {
  const gemaakt = tekstVanAntwoord(res);
  if (gemaakt !== undefined) return gemaakt;
  const tekst = await res.clone().text();
  if (!tekst) return 'null';
  try {
    JSON.parse(tekst);
    return tekst;
  } catch {
    return JSON.stringify(tekst);
  }
}

function probleemTekst(status: number, title: string): Response {
  return new Response(
    JSON.stringify({ type: 'https://reintegratie.local/problemen/idempotentie', title, status }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}
