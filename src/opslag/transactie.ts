import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'kysely';
import type { Db } from './database.ts';

let volgnummer = 0;

/**
 * Runs `werk` in a transaction: a new one, or, when `db` already is one (a write route runs inside
 * the transaction of its request, see `verzoekDb`), a savepoint in it. So the writes and audit rows of
 * one request commit together, and a service that undoes its work by throwing still undoes exactly
 * its own part.
 */
export async function inTransactie<T>(db: Db, werk: (trx: Db) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(werk);
  const naam = sql.id(`sp_${++volgnummer}`);
  await sql`savepoint ${naam}`.execute(db);
  try {
    const uit = await werk(db);
    await sql`release savepoint ${naam}`.execute(db);
    return uit;
  } catch (e) {
    await sql`rollback to savepoint ${naam}`.execute(db);
    throw e;
  }
}

const lopend = new AsyncLocalStorage<Db>();

/**
 * The store as a request sees it: inside `metTransactie` every statement, wherever in the call tree it
 * is issued, goes to that request's transaction. This keeps the route modules and the services on the
 * one `db` they already take, and it cannot be forgotten by one of them: on the embedded store (one
 * connection behind a mutex) a statement beside the open transaction would wait for it forever.
 */
export function verzoekDb(wortel: Db): { db: Db; metTransactie<T>(werk: () => Promise<T>): Promise<T> } {
  const db = new Proxy(wortel, {
    get(doel, naam) {
      const huidig = lopend.getStore() ?? doel;
      const waarde: unknown = Reflect.get(huidig, naam, huidig);
      return typeof waarde === 'function' ? (waarde as (...a: unknown[]) => unknown).bind(huidig) : waarde;
    },
  });
  return {
    db,
    metTransactie: (werk) =>
      lopend.getStore() ? werk() : wortel.transaction().execute((trx) => lopend.run(trx, werk)),
  };
}

/** Outside any request transaction, e.g. for the group commit that serves many requests at once. */
export const buitenVerzoek = <T>(werk: () => T): T => lopend.exit(werk);
