import { createHash } from 'node:crypto';
import { CompiledQuery, type QueryResult, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';

/**
 * Named prepared statements for the statements every grant runs. With a name, `pg` has PostgreSQL
 * parse and plan a text once per connection and afterwards sends only the name and the values; without
 * one, every execution is parsed and planned again (the group write is a statement of some kilobytes).
 * The name belongs to the text, so a text is never sent under another's name. On PGlite (no pool to
 * wrap) the same statements simply run unnamed.
 */
const namen = new Map<string, string>();

/** More distinct texts than this is a text built with its values in it: those run unnamed. */
const MAX_NAMEN = 64;

function naamVoor(basis: string, tekst: string): string | undefined {
  const bekend = namen.get(tekst);
  if (bekend !== undefined || namen.size >= MAX_NAMEN) return bekend;
  const naam = `${basis}_${createHash('sha1').update(tekst).digest('hex').slice(0, 12)}`;
  namen.set(tekst, naam);
  return naam;
}

/** Runs a statement of fixed text (values as $n parameters) as a named prepared statement where the store allows. */
export function voerVoorbereidUit<R>(
  db: Db,
  basis: string,
  tekst: string,
  waarden: readonly unknown[],
): Promise<QueryResult<R>> {
  naamVoor(basis, tekst);
  return db.executeQuery<R>(CompiledQuery.raw(tekst, [...waarden]));
}

/**
 * `voerVoorbereidUit` for a statement built by Kysely: its compiled text decides the name, so it must
 * keep its values in parameters (a text per group would fill the list and run unnamed).
 */
export function voerGebouwdUit<R>(db: Db, basis: string, query: RawBuilder<R>): Promise<QueryResult<R>> {
  const c = query.compile(db);
  naamVoor(basis, c.sql);
  return db.executeQuery<R>(c);
}

/**
 * Has every client the pool connects send the registered texts under their name. Hooked on the pool's
 * `connect` event, which fires once per new client: a client the pool hands out again is wrapped already.
 */
export function benoemVoorbereide(pool: {
  on(gebeurtenis: 'connect', luisteraar: (client: { query: (...a: never[]) => unknown }) => void): unknown;
}): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...a: unknown[]) => unknown;
    client.query = ((tekst: unknown, ...rest: unknown[]) => {
      const naam = typeof tekst === 'string' ? namen.get(tekst) : undefined;
      return naam === undefined
        ? query(tekst, ...rest)
        : query({ name: naam, text: tekst, values: rest[0] }, ...rest.slice(1));
    }) as typeof client.query;
  });
}
