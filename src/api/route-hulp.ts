import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Uitslag } from '../administratie/fouten.ts';
import type { Actor } from '../administratie/toegang.ts';
import type { ApiEnv } from './omgeving.ts';

/** What maakApp hands to the route files: the one way to register a route and answer a service result. */
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

export const gemeenteParam = z.object({ gemeente: z.string().regex(/^[a-z0-9-]+$/) });
export const algemeen = z.looseObject({});
export const beveiligd = [{ bearer: [] }];
export const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const probleemAntwoord = (description: string) => ({
  description,
  content: {
    'application/problem+json': {
      schema: z.looseObject({ type: z.string(), title: z.string(), status: z.number() }),
    },
  },
});
export const FOUTEN = {
  400: probleemAntwoord('Ongeldige invoer (met veldpaden)'),
  401: probleemAntwoord('Niet aangemeld'),
  403: probleemAntwoord('Uw rol staat dit niet toe'),
  404: probleemAntwoord('Niet gevonden, of geen toegang tot deze gemeente'),
};
export const WIJZIG_FOUTEN = {
  412: probleemAntwoord('Versie gewijzigd sinds u las (If-Match klopt niet meer)'),
  428: probleemAntwoord('If-Match ontbreekt'),
};

export const etagVan = (w: { versie: number }) => `W/"${w.versie}"`;

/**
 * The version an update expects, from If-Match (W/"n" or "n"). Without the header the answer is 428,
 * an HTTP precondition and so decided here at the edge; an unreadable one can match no version.
 */
export function verwachteVersie(c: Context<ApiEnv, any, any>): number | Response {
  const kop = c.req.header('if-match');
  if (!kop)
    return new Response(
      JSON.stringify({
        type: 'https://reintegratie.local/problemen/if-match',
        title: 'If-Match met de ETag is verplicht bij wijzigen',
        status: 428,
      }),
      { status: 428, headers: { 'content-type': 'application/problem+json' } },
    );
  const n = Number(/^(?:W\/)?"(\d+)"$/.exec(kop.trim())?.[1]);
  return Number.isInteger(n) ? n : -1;
}
