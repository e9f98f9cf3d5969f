import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Uitslag } from '../administratie/fouten.ts';
import type { Actor } from '../administratie/toegang.ts';
import { jsonTekstVan } from '../opslag/bulk.ts';
import type { ApiAfhankelijkheden } from './afhankelijkheden.ts';
import { doelbinding } from './doelbinding.ts';
import type { ApiEnv } from './omgeving.ts';
import { probleem, probleemDetails } from './probleem.ts';
import { randRoute } from './validatie.ts';

/** What app.ts hands to the route modules: the one way to register a route and answer a service result. */
export type Ctx<R extends RouteConfig> = Parameters<RouteHandler<R, ApiEnv>>[0];
export interface RouteHulp {
  registreer<R extends RouteConfig>(r: R, h: (c: Ctx<R>) => Promise<Response> | Response): unknown;
  antwoord<T>(
    c: Context<ApiEnv, any, any>,
    u: Uitslag<T>,
    status?: 200 | 201,
    etag?: (w: T) => string,
  ): Response;
  actor(c: Context<ApiEnv, any, any>): Actor;
  /** Today's date (injectable in tests). */
  vandaag(): string;
}

/** A route module: registers the routes of one resource on the app. */
export type RouteModule = (app: OpenAPIHono<ApiEnv>, deps: ApiAfhankelijkheden, hulp: RouteHulp) => void;

/**
 * Every route registered here passes the edge checks of its own description first (ids in the path,
 * a JSON body) and the purpose check (X-Doel), before its schema and its handler.
 */
export function maakRouteHulp(
  app: OpenAPIHono<ApiEnv>,
  deps: ApiAfhankelijkheden,
  vandaag: () => string,
): RouteHulp {
  return {
    registreer: (r, h) => {
      const eigen = r.middleware ? (Array.isArray(r.middleware) ? r.middleware : [r.middleware]) : [];
      const route = { ...r, middleware: [...eigen, randRoute(r), doelbinding(deps.db, r)] };
      // Handlers return plain Responses (problem+json, ETags); the route config still documents them.
      return app.openapi(route, h as unknown as RouteHandler<typeof route, ApiEnv>);
    },
    antwoord(c, u, status = 200, etag) {
      if (!u.ok) return probleem(c, u.fout);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (etag) headers.etag = etag(u.waarde);
      // A decision brings its text along (serialised once when it was written).
      const tekst = jsonTekstVan(u.waarde) ?? JSON.stringify(u.waarde);
      return bewaarTekst(new Response(tekst, { status, headers }), tekst);
    },
    actor: (c) => c.get('actor')!,
    vandaag,
  };
}

const teksten = new WeakMap<Response, string>();
const bewaarTekst = (r: Response, tekst: string) => (teksten.set(r, tekst), r);

/** The body of a JSON answer made by `antwoord`, as text, without reading (or cloning) the response. */
export const tekstVanAntwoord = (r: Response): string | undefined => teksten.get(r);

export const etagVan = (w: { versie: number }) => `W/"${w.versie}"`;

/**
 * The version an update expects, from If-Match (W/"n" or "n"). Without the header the answer is 428,
 * an HTTP precondition and so decided here at the edge; an unreadable one can match no version.
 */
export function verwachteVersie(c: Context<ApiEnv, any, any>): number | Response {
  const kop = c.req.header('if-match');
  if (!kop) return probleemDetails(428, 'if-match', 'If-Match met de ETag is verplicht bij wijzigen');
  // Beyond an int32 no stored version can match; the store must not be asked.
  const n = Number(/^(?:W\/)?"(\d{1,10})"$/.exec(kop.trim())?.[1]);
  return Number.isInteger(n) && n <= 2_147_483_647 ? n : -1;
}
