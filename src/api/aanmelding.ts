import type { MiddlewareHandler } from 'hono';
import type { Authenticator } from '../administratie/gebruikers.ts';
import type { ApiEnv } from './omgeving.ts';
import { probleemDetails } from './probleem.ts';

/** Paths anyone may reach; everything else needs a bearer token. */
export const OPEN_PADEN: ReadonlySet<string> = new Set([
  '/auth/login',
  '/auth/oidc/start',
  '/auth/oidc/terug',
  '/openapi.json',
  '/docs',
  '/health',
]);

/** Resolves the bearer token to an actor (with the purpose from X-Doel), or answers 401. */
export function aanmelding(authenticator: Authenticator): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (OPEN_PADEN.has(c.req.path)) return next();
    const kop = c.req.header('authorization') ?? '';
    const token = kop.startsWith('Bearer ') ? kop.slice(7) : '';
    const actor = token
      ? await authenticator.actorVoorToken(token, c.req.header('x-doel') ?? 'uitvoering re-integratie')
      : undefined;
    if (!actor)
      return probleemDetails(
        401,
        'niet-aangemeld',
        'aanmelden vereist (Authorization: Bearer <token>)',
        {},
        { 'www-authenticate': 'Bearer' },
      );
    c.set('actor', actor);
    return next();
  };
}
