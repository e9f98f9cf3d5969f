import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../opslag/database.ts';
import type { ApiEnv } from './omgeving.ts';

/**
 * Idempotency-Key on POST: the first request with a key claims it, its response is stored, and any
 * replay with the same key and body gets that response again without writing anything. A replay
 * with another body is refused; a replay while the first is still running gets 409.
 */
export function idempotentie(db: Db): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const sleutel = c.req.header('idempotency-key');
    const actor = c.get('actor');
    if (c.req.method !== 'POST' || !sleutel || !actor) return next();
    const body = await c.req.raw.clone().text();
    const verzoek = createHash('sha256').update(`${c.req.method} ${c.req.path}\n${body}`).digest('hex');
    const geclaimd = await db
      .insertInto('idempotentie')
      .values({ gebruikerId: actor.gebruikerId, sleutel, verzoek, status: 0, antwoord: 'null' })
      .onConflict((oc) => oc.columns(['gebruikerId', 'sleutel']).doNothing())
      .returning('sleutel')
      .executeTakeFirst();
    if (!geclaimd) {
      const eerder = await db
        .selectFrom('idempotentie')
        .selectAll()
        .where('gebruikerId', '=', actor.gebruikerId)
        .where('sleutel', '=', sleutel)
        .executeTakeFirstOrThrow();
      if (eerder.verzoek !== verzoek)
        return probleemTekst(422, 'Idempotency-Key is al gebruikt voor een ander verzoek');
      if (eerder.status === 0)
        return probleemTekst(409, 'een verzoek met deze Idempotency-Key is nog in behandeling');
      return new Response(JSON.stringify(eerder.antwoord), {
        status: eerder.status,
        headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
      });
    }
    await next();
    const res = c.res;
    if (res.status >= 500) {
      // A failed attempt may be retried with the same key.
      await db
        .deleteFrom('idempotentie')
        .where('gebruikerId', '=', actor.gebruikerId)
        .where('sleutel', '=', sleutel)
        .execute();
      return;
    }
    const tekst = await res.clone().text();
    let antwoord: unknown = null;
    try {
      antwoord = tekst ? JSON.parse(tekst) : null;
    } catch {
      antwoord = tekst;
    }
    await db
      .updateTable('idempotentie')
      .set({ status: res.status, antwoord: JSON.stringify(antwoord) })
      .where('gebruikerId', '=', actor.gebruikerId)
      .where('sleutel', '=', sleutel)
      .execute();
  };
}

function probleemTekst(status: number, title: string): Response {
  return new Response(
    JSON.stringify({ type: 'https://reintegratie.local/problemen/idempotentie', title, status }),
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
}
