import { sql } from 'kysely';
import type { Db } from '../opslag/database.ts';

/**
 * Login throttling against guessing passwords: at most `max` attempts per account and per address
 * in a window. An attempt is counted before the password is checked, in one atomic statement, so a
 * flood of parallel requests cannot slip past the limit; a successful login gives its attempt back.
 * The counts live in the store, so every server process shares them.
 */
export interface Regel {
  readonly max: number;
  readonly vensterMs: number;
}

export const AANMELDREGELS = {
  account: { max: 10, vensterMs: 15 * 60 * 1000 },
  adres: { max: 50, vensterMs: 15 * 60 * 1000 },
} as const satisfies Record<string, Regel>;

export type Toestemming =
  { readonly toegestaan: true } | { readonly toegestaan: false; readonly wachtSeconden: number };

/** Counts one attempt under `sleutel` and says whether it may go ahead, or how long to wait. */
export async function telPoging(
  db: Db,
  sleutel: string,
  regel: Regel,
  nu = new Date(),
): Promise<Toestemming> {
  const grens = new Date(nu.getTime() - regel.vensterMs);
  const rij = await db
    .insertInto('aanmeldpoging')
    .values({ sleutel, pogingen: 1, vensterStart: nu })
    .onConflict((oc) =>
      oc.column('sleutel').doUpdateSet({
        pogingen: sql<number>`case when aanmeldpoging.venster_start <= ${grens} then 1 else aanmeldpoging.pogingen + 1 end`,
        vensterStart: sql<Date>`case when aanmeldpoging.venster_start <= ${grens} then ${nu} else aanmeldpoging.venster_start end`,
      }),
    )
    .returning(['pogingen', 'vensterStart'])
    .executeTakeFirstOrThrow();
  if (rij.pogingen <= regel.max) return { toegestaan: true };
  const einde = new Date(rij.vensterStart).getTime() + regel.vensterMs;
  return { toegestaan: false, wachtSeconden: Math.max(1, Math.ceil((einde - nu.getTime()) / 1000)) };
}

/** After a successful login: the account starts afresh, and the address gets this attempt back. */
export async function geefPogingTerug(db: Db, account: string, adres: string): Promise<void> {
  await db.deleteFrom('aanmeldpoging').where('sleutel', '=', account).execute();
  await db
    .updateTable('aanmeldpoging')
    .set({ pogingen: sql<number>`greatest(pogingen - 1, 0)` })
    .where('sleutel', '=', adres)
    .execute();
}
