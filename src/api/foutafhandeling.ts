import type { ErrorHandler, NotFoundHandler } from 'hono';
import type { ApiEnv } from './omgeving.ts';
import { probleemDetails } from './probleem.ts';

/** A path or method the API does not have. */
export const onbekendPad: NotFoundHandler<ApiEnv> = (c) =>
  probleemDetails(404, 'niet-gevonden', `${c.req.method} ${c.req.path} bestaat niet`);

/** The last resort: the answer never echoes internals or personal data; the message stays on the server. */
export const interneFout: ErrorHandler<ApiEnv> = (e, c) => {
  console.error(
    `interne fout bij ${c.req.method} ${c.req.path}: ${e instanceof Error ? e.message : String(e)}`,
  );
  return probleemDetails(500, 'intern', 'interne fout');
};
