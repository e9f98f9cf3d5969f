import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './omgeving.ts';
import { probleem } from './probleem.ts';

/**
 * A gemeente the user has no role for does not exist for them: 404 before validation or
 * idempotency, so not even a 400 on a malformed body tells them that a route or resource is there.
 */
export const alleenEigenGemeente: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const gemeente = c.req.param('gemeente');
  if (gemeente !== undefined && !c.get('actor')?.rollen.get(gemeente)?.size)
    return probleem(c, { code: 'niet-gevonden', bericht: `gemeente '${gemeente}' niet gevonden` });
  return next();
};

/** Puts the gemeente check in front of every route under /gemeenten/{gemeente}. */
export function bewaakGemeenten(app: OpenAPIHono<ApiEnv>): void {
  app.use('/gemeenten/:gemeente', alleenEigenGemeente);
  app.use('/gemeenten/:gemeente/*', alleenEigenGemeente);
}
