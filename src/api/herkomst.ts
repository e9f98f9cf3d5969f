import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ENGINE_VERSIE, type Engine } from '../engine/index.ts';
import type { ApiEnv } from './omgeving.ts';

/** Every answer says which engine and which regulation set produced it. */
export function herkomst(engine: Engine): MiddlewareHandler<ApiEnv> {
  const regelgevingHash = createHash('sha256')
    .update(
      engine.bibliotheek.regelingen
        .map((r) => r.hash)
        .sort()
        .join(','),
    )
    .digest('hex');
  return async (c, next) => {
    await next();
    c.res.headers.set('x-engine-versie', ENGINE_VERSIE);
    c.res.headers.set('x-regelgeving', regelgevingHash);
  };
}
