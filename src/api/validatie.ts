import type { Hook } from '@hono/zod-openapi';
import { veldFouten } from '../casus/index.ts';
import type { ApiEnv } from './omgeving.ts';
import { probleemDetails } from './probleem.ts';

/** A request that fails its route's schema gets 400 problem+json naming each field. */
export const ongeldigeInvoer: Hook<any, ApiEnv, any, any> = (r) => {
  if (!r.success)
    return probleemDetails(400, 'ongeldig', 'ongeldige invoer', { velden: veldFouten(r.error.issues) });
};
