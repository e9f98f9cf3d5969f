import { type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.ts';

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
 * as in schema.ts) to its PostgreSQL type; JSON columns take the value itself, not a JSON string.
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
  // Each column's name is converted once, not once per row: decisions carry many rows per group.
  const velden = uitJson.map((k) => [k, slang(k)] as const);
  const json = JSON.stringify(
    rijen.map((r) => {
      const uit: Record<string, unknown> = {};
      for (const [k, naam] of velden) uit[naam] = r[k] ?? null;
      return uit;
    }),
  );
  const lijst = sql.join(namen.map((n) => sql.id(n)));
  const waarden = sql.join(sleutels.map((k) => opties.expressies?.[k] ?? sql.id(slang(k))));
  const typen = sql.raw(uitJson.map((k) => `${slang(k)} ${kolommen[k]}`).join(', '));
  const waar = opties.alleenAls ? sql` where ${opties.alleenAls}` : sql``;
  return sql`insert into ${sql.table(tabel)} (${lijst}) select ${waarden} from jsonb_to_recordset(${json}::jsonb) as x(${typen})${waar}`;
}
