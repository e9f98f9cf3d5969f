import { type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.ts';

/**
 * A value that is already JSON text: written into the statement's JSON as it is. A decision's result
 * (kilobytes of grounds) is serialised once and that text serves the row, the stored Idempotency-Key
 * answer and the HTTP response.
 */
export class JsonTekst {
  constructor(readonly tekst: string) {}
}

const TEKST = Symbol('json-tekst');

/** Keeps `tekst` (which must be `JSON.stringify(waarde)`) on the value, unseen by serialisation and copies. */
export function metJsonTekst<T extends object>(waarde: T, tekst: string): T {
  Object.defineProperty(waarde, TEKST, { value: tekst, enumerable: false });
  return waarde;
}

/** The JSON text kept on a value by `metJsonTekst`, if any. */
export const jsonTekstVan = (waarde: unknown): string | undefined =>
  typeof waarde === 'object' && waarde !== null ? (waarde as { [TEKST]?: string })[TEKST] : undefined;

const json = (v: unknown): string => (v instanceof JsonTekst ? v.tekst : JSON.stringify(v ?? null));

const slang = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Extras for one bulk insert inside a larger statement. */
export interface BulkOpties<K extends string> {
  /** Insert the rows only when this holds (e.g. a booking in the same statement succeeded). */
  readonly alleenAls?: RawBuilder<unknown>;
  /** Columns whose value is an SQL expression rather than a field of the rows. */
  readonly expressies?: Partial<Record<K, RawBuilder<unknown>>>;
}

/**
 * `insert into <tabel> ... select from jsonb_to_recordset($1)`: any number of rows as one JSON
 * parameter. Row by row through the query builder, every value becomes a parameter node to build,
 * compile and send; here the database parses one JSON text. `kolommen` maps each column (camelCase,
 * as in schema.ts) to its PostgreSQL type; JSON columns take the value itself (or its text as a
 * JsonTekst), not a JSON string.
 */
export function bulkInsert<T extends keyof Database & string>(
  tabel: T,
  kolommen: Partial<Record<keyof Database[T] & string, string>>,
  rijen: readonly Partial<Record<keyof Database[T] & string, unknown>>[],
  opties: BulkOpties<keyof Database[T] & string> = {},
): RawBuilder<unknown> {
  const sleutels = Object.keys(kolommen) as (keyof Database[T] & string)[];
  const uitJson = sleutels.filter((k) => !opties.expressies?.[k]);
  const namen = sleutels.map(slang);
  // Each column's key is written once, not once per row: decisions carry many rows per group. The
  // text is put together by hand so that values already serialised (JsonTekst) are not serialised again.
  const velden = uitJson.map((k, i) => [k, `${i === 0 ? '{' : ','}${JSON.stringify(slang(k))}:`] as const);
  let tekst = '[';
  for (let i = 0; i < rijen.length; i++) {
    const r = rijen[i]!;
    if (i > 0) tekst += ',';
    for (const [k, kop] of velden) tekst += kop + json(r[k]);
    tekst += velden.length > 0 ? '}' : '{}';
  }
  tekst += ']';
  const lijst = sql.join(namen.map((n) => sql.id(n)));
  const waarden = sql.join(sleutels.map((k) => opties.expressies?.[k] ?? sql.id(slang(k))));
  const typen = sql.raw(uitJson.map((k) => `${slang(k)} ${kolommen[k]}`).join(', '));
  const waar = opties.alleenAls ? sql` where ${opties.alleenAls}` : sql``;
  return sql`insert into ${sql.table(tabel)} (${lijst}) select ${waarden} from jsonb_to_recordset(${tekst}::jsonb) as x(${typen})${waar}`;
}
