import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../opslag/database.ts';

/**
 * Sessions: an opaque bearer token per sign-in (by password or through the OpenID provider), stored
 * only as its hash. A session ends when it expires, at logout, or when all of a user's sessions are
 * revoked; expired rows are removed by a scheduled job.
 */
export const SESSIEDUUR_MS = 8 * 60 * 60 * 1000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function openSessie(
  db: Db,
  gebruikerId: string,
  nu = new Date(),
): Promise<{ token: string; verlooptOp: Date; gebruikerId: string }> {
  const token = randomBytes(32).toString('base64url');
  const verlooptOp = new Date(nu.getTime() + SESSIEDUUR_MS);
  await db
    .insertInto('sessie')
    .values({ tokenHash: tokenHash(token), gebruikerId, verlooptOp })
    .execute();
  return { token, verlooptOp, gebruikerId };
}

/** Logout: ends the session of this token. */
export async function sluitSessie(db: Db, token: string): Promise<boolean> {
  const r = await db.deleteFrom('sessie').where('tokenHash', '=', tokenHash(token)).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Revocation: ends every session of a user; tokens issued before it stop working, a new sign-in works. */
export async function trekSessiesIn(db: Db, gebruikerId: string): Promise<number> {
  const r = await db.deleteFrom('sessie').where('gebruikerId', '=', gebruikerId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** How long a sign-in at the OpenID provider may take before its state is thrown away. */
export const OIDC_AANVRAAG_MS = 10 * 60 * 1000;

/**
 * The cleaning job: expired sessions, login attempt windows that have closed, and OpenID sign-ins that
 * were never completed. Idempotent: a second run finds nothing.
 */
export async function ruimSessiesOp(
  db: Db,
  opties: { nu?: Date; vensterMs: number },
): Promise<{ sessies: number; pogingen: number; oidc: number }> {
  const nu = opties.nu ?? new Date();
  const sessies = await db.deleteFrom('sessie').where('verlooptOp', '<=', nu).executeTakeFirst();
  const pogingen = await db
    .deleteFrom('aanmeldpoging')
    .where('vensterStart', '<=', new Date(nu.getTime() - opties.vensterMs))
    .executeTakeFirst();
  const oidc = await db.deleteFrom('oidcAanvraag').where('verlooptOp', '<=', nu).executeTakeFirst();
  return {
    sessies: Number(sessies.numDeletedRows),
    pogingen: Number(pogingen.numDeletedRows),
    oidc: Number(oidc.numDeletedRows),
  };
}
