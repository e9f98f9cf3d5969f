import { type RawBuilder, sql } from 'kysely';
import type { Database } from './schema.ts';

const slang = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

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
): RawBuilder<unknown> {
  const sleutels = Object.keys(kolommen) as (keyof Database[T] & string)[];
  const namen = sleutels.map(slang);
  const json = JSON.stringify(
    rijen.map((r) => {
      const uit: Record<string, unknown> = {};
      sleutels.forEach((k, i) => (uit[namen[i]!] = r[k] ?? null));
      return uit;
    }),
  );
  const lijst = sql.join(namen.map((n) => sql.id(n)));
  const typen = sql.raw(sleutels.map((k, i) => `${namen[i]} ${kolommen[k]}`).join(', '));
  return sql`insert into ${sql.table(tabel)} (${lijst}) select ${lijst} from jsonb_to_recordset(${json}::jsonb) as x(${typen})`;
}
