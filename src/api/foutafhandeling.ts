import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import type { ApiEnv } from './omgeving.ts';
import { probleemDetails } from './probleem.ts';

/** A path or method the API does not have. */
export const onbekendPad: NotFoundHandler<ApiEnv> = (c) =>
  probleemDetails(404, 'niet-gevonden', `${c.req.method} ${c.req.path} bestaat niet`);

const TITELS: Record<number, string> = {
  400: 'ongeldige invoer',
  401: 'aanmelden vereist',
  413: 'het verzoek is te groot',
  415: 'verstuur de body als application/json',
};

/**
 * The last resort. A 4xx that a library raised (Hono's validators) stays that 4xx, as problem+json.
 * Anything else is a 500 whose answer never echoes internals; the server log gets the route pattern
 * and the kind of error only, never the path values, the message or the data (a message can quote
 * an id or a BSN that a client put where it does not belong).
 */
export const interneFout: ErrorHandler<ApiEnv> = (e, c) => {
  if (e instanceof HTTPException && e.status < 500)
    return probleemDetails(e.status, 'ongeldig', TITELS[e.status] ?? 'ongeldig verzoek');
  const route = matchedRoutes(c).findLast((r) => r.method !== 'ALL')?.path ?? '(geen route)';
  const soort = e instanceof Error ? e.name : typeof e;
  const code = (e as { code?: unknown }).code;
  console.error(
    `interne fout bij ${c.req.method} ${route}: ${soort}${typeof code === 'string' && /^[\w-]{1,20}$/.test(code) ? ` (code ${code})` : ''}`,
  );
  return probleemDetails(500, 'intern', 'interne fout');
};
