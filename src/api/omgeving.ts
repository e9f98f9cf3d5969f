import type { Actor } from '../administratie/toegang.ts';

/** Per-request values Hono carries between middleware and handlers. */
export type ApiEnv = { Variables: { actor: Actor | undefined } };
