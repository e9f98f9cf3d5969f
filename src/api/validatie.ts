import type { Hook, RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { isGeldigBsn } from '../beveiliging/bsn.ts';
import { veldFouten } from '../casus/index.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import { nederlandsZonderInvoer } from '../regelgeving/berichten.ts';
import type { ApiEnv } from './omgeving.ts';
import { probleemDetails } from './probleem.ts';

// Field messages of every schema in Dutch, like the rest of the API: the regulation files' error map,
// not zod's `nl` locale, which leaves type names in English ("verwacht object, ontving array"); in the
// form that never repeats a value sent.
z.config({ localeError: nederlandsZonderInvoer });

/**
 * The limits of the edge. Everything a request carries is checked against them before a handler or
 * the store sees it, so a malformed request is a 4xx naming what is wrong, never a 5xx.
 */
export const RAND = {
  /** Request body in bytes; larger gets 413 before it is read further. */
  maxBody: 1024 * 1024,
  /** Characters in any one string of a JSON body (routes set tighter limits per field). */
  maxTekst: 10_000,
  /** Characters in an object key, a query value, a path segment. */
  maxKort: 500,
  /** Nesting depth and number of values of a JSON body. */
  maxDiepte: 32,
  maxWaarden: 20_000,
  /** Calendar years a date may fall in: real dates for people alive and decisions to come. */
  eersteJaar: 1900,
  laatsteJaar: 2199,
  maxIdempotencyKey: 200,
  maxDoel: 100,
} as const;

export interface VeldFout {
  readonly pad: string;
  readonly bericht: string;
}

/** 400 problem+json naming each field. */
export function ongeldig(velden: readonly VeldFout[], titel = 'ongeldige invoer'): Response {
  return probleemDetails(400, 'ongeldig', titel, { velden });
}

/** A request that fails its route's schema gets 400 problem+json naming each field. */
export const ongeldigeInvoer: Hook<any, ApiEnv, any, any> = (r) => {
  if (!r.success) return ongeldig(veldFouten(r.error.issues));
};

const DATUMVORM = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// C0 controls other than tab, newline and carriage return, and DEL: never meaningful in this API,
// and NUL cannot be stored in PostgreSQL text at all.
const STUURTEKEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A calendar date JJJJ-MM-DD that exists, in a year within RAND's range. */
export function isRedelijkeDatum(t: string): boolean {
  if (!DATUMVORM.test(t) || !isGeldigeDatum(t)) return false;
  const jaar = Number(t.slice(0, 4));
  return jaar >= RAND.eersteJaar && jaar <= RAND.laatsteJaar;
}
const DATUMBERICHT = `geen bestaande datum JJJJ-MM-DD tussen ${RAND.eersteJaar} en ${RAND.laatsteJaar}`;

/** Schemas for route descriptions: what the edge accepts, stated once. */
export const datumSchema = z.string().refine(isRedelijkeDatum, { message: DATUMBERICHT });
export const uuidSchema = z.string().regex(UUID, { message: 'geen geldige id (uuid)' });
export const jaarSchema = z.coerce.number().int().min(2000).max(2100);
export const tekst = (max: number) => z.string().max(max);

// Half a UTF-16 surrogate pair is no character; PostgreSQL refuses it in JSON.
const LOSSE_SURROGAAT = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function tekstFout(t: string, max: number): string | undefined {
  if (t.includes('\u0000')) return 'bevat een NUL-teken';
  if (STUURTEKEN.test(t)) return 'bevat een stuurteken';
  if (LOSSE_SURROGAAT.test(t)) return 'bevat een ongeldig teken (een losse surrogaat)';
  if (t.length > max) return `te lang (${t.length} tekens, ten hoogste ${max})`;
  if (DATUMVORM.test(t) && !isRedelijkeDatum(t)) return DATUMBERICHT;
  return undefined;
}

/**
 * Walks a parsed JSON body: strings without control characters and within length, dates that exist,
 * numbers that are exact, a bounded depth and size. Returns the first faults with their paths.
 */
export function controleerJson(waarde: unknown): VeldFout[] {
  const fouten: VeldFout[] = [];
  let waarden = 0;
  const loop = (w: unknown, pad: string, diepte: number): void => {
    if (fouten.length >= 20) return;
    if (++waarden > RAND.maxWaarden) {
      if (waarden === RAND.maxWaarden + 1)
        fouten.push({ pad: pad || '(body)', bericht: `meer dan ${RAND.maxWaarden} waarden` });
      return;
    }
    if (diepte > RAND.maxDiepte) {
      fouten.push({ pad, bericht: `dieper genest dan ${RAND.maxDiepte} niveaus` });
      return;
    }
    if (typeof w === 'string') {
      const f = tekstFout(w, RAND.maxTekst);
      if (f) fouten.push({ pad: pad || '(body)', bericht: f });
    } else if (typeof w === 'number') {
      if (!Number.isFinite(w) || Math.abs(w) > Number.MAX_SAFE_INTEGER)
        fouten.push({ pad: pad || '(body)', bericht: 'getal buiten bereik' });
    } else if (Array.isArray(w)) {
      w.forEach((x, i) => loop(x, `${pad}[${i}]`, diepte + 1));
    } else if (w && typeof w === 'object') {
      for (const [k, x] of Object.entries(w)) {
        const sleutelPad = pad ? `${pad}.${k}` : k;
        const f = tekstFout(k, RAND.maxKort);
        if (f) {
          fouten.push({ pad: pad || '(body)', bericht: `veldnaam ${f}` });
          continue;
        }
        loop(x, sleutelPad, diepte + 1);
      }
    }
  };
  loop(waarde, '', 0);
  return fouten;
}

const teGroot = () =>
  probleemDetails(413, 'te-groot', `het verzoek is groter dan ${RAND.maxBody / 1024} kB`, {
    velden: [{ pad: '(body)', bericht: `ten hoogste ${RAND.maxBody} bytes` }],
  });
const stromend = bodyLimit({ maxSize: RAND.maxBody, onError: teGroot });

/**
 * 413 problem+json for a body over RAND.maxBody: by its Content-Length when it has one (Node's parser
 * reads exactly that many bytes), else checked while it streams in. The first case decides on the
 * header alone, as bodyLimit does, but without asking for the request's body stream: that would turn
 * the server's direct read of the body (one `c.req.text()`) into a web stream per request.
 */
export const grootteLimiet: MiddlewareHandler<ApiEnv> = (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const lengte = c.req.header('content-length');
  if (lengte !== undefined && c.req.header('transfer-encoding') === undefined)
    return Number.parseInt(lengte || '0', 10) > RAND.maxBody ? Promise.resolve(teGroot()) : next();
  return stromend(c, next);
};

/** Runs of digits (separators between them ignored) that pass the BSN elfproef. */
export function lijktOpBsn(t: string): boolean {
  for (const m of t.matchAll(/\d(?:[\s.\-]?\d){7,8}/g)) {
    const cijfers = m[0].replace(/\D/g, '');
    if (isGeldigBsn(cijfers.padStart(9, '0'))) return true;
  }
  return false;
}

/** What is wrong with an X-Doel value before it is looked up in the gemeente's list, if anything. */
export function doelVormFout(doel: string): string | undefined {
  if (doel.trim().length === 0) return 'leeg';
  if (doel.length > RAND.maxDoel) return `te lang (ten hoogste ${RAND.maxDoel} tekens)`;
  if (STUURTEKEN.test(doel)) return 'bevat een stuurteken';
  if (lijktOpBsn(doel)) return 'lijkt een BSN te bevatten; geef het doel, niet de persoon';
  return undefined;
}

/**
 * Path, query and headers of every request: path segments that decode and hold no control
 * characters, query values likewise and within length (dates must exist), an Idempotency-Key of
 * visible ASCII within length, an X-Doel of the right form, and an If-Match that fits a version.
 */
export const randKoppen: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const fouten: VeldFout[] = [];
  const url = new URL(c.req.url);
  for (const deel of url.pathname.split('/')) {
    let tekst: string;
    try {
      tekst = decodeURIComponent(deel);
    } catch {
      fouten.push({ pad: '(pad)', bericht: 'ongeldige %-codering' });
      break;
    }
    const f =
      tekst.length > RAND.maxKort
        ? 'padsegment te lang'
        : STUURTEKEN.test(tekst)
          ? 'bevat een stuurteken'
          : '';
    if (f) {
      fouten.push({ pad: '(pad)', bericht: f });
      break;
    }
  }
  for (const [naam, waarde] of url.searchParams) {
    const f = tekstFout(naam, RAND.maxKort) ?? tekstFout(waarde, RAND.maxKort);
    if (f) fouten.push({ pad: `query.${tekstFout(naam, RAND.maxKort) ? '(naam)' : naam}`, bericht: f });
  }
  const sleutel = c.req.header('idempotency-key');
  if (sleutel !== undefined && !/^[\x21-\x7e]+$/.test(sleutel))
    fouten.push({ pad: 'Idempotency-Key', bericht: 'alleen zichtbare ASCII-tekens, zonder spaties' });
  else if (sleutel !== undefined && sleutel.length > RAND.maxIdempotencyKey)
    fouten.push({ pad: 'Idempotency-Key', bericht: `ten hoogste ${RAND.maxIdempotencyKey} tekens` });
  const doel = c.req.header('x-doel');
  const doelFout = doel === undefined ? undefined : doelVormFout(doel);
  if (doelFout) fouten.push({ pad: 'X-Doel', bericht: doelFout });
  const ifMatch = c.req.header('if-match');
  if (ifMatch !== undefined && ifMatch.length > 40)
    fouten.push({ pad: 'If-Match', bericht: 'een ETag als W/"3"' });
  if (fouten.length > 0) return ongeldig(fouten);
  return next();
};

const isJson = (type: string | undefined) =>
  !!type && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type.trim());

/** Whether a path parameter names a resource, so that a value that cannot be one is simply not found. */
const isIdParam = (naam: string) => naam === 'id' || naam.endsWith('Id');

/**
 * Per route, before its schema: ids in the path that cannot exist answer 404 (naming the parameter,
 * never echoing the value); a route that takes JSON requires a JSON body (415 for another media
 * type, 400 for none or for JSON that does not parse) and checks it with `controleerJson`.
 */
export function randRoute(route: RouteConfig): MiddlewareHandler<ApiEnv> {
  const params = route.request?.params as z.ZodObject | undefined;
  const idSchemas = Object.entries(params?.shape ?? {}).filter(([naam]) => isIdParam(naam)) as [
    string,
    z.ZodType,
  ][];
  const neemtJson = !!route.request?.body?.content?.['application/json'];
  return async (c, next) => {
    for (const [naam, schema] of idSchemas) {
      if (!schema.safeParse(c.req.param(naam)).success)
        return probleemDetails(404, 'niet-gevonden', 'niet gevonden', {
          velden: [{ pad: naam, bericht: 'geen bestaande id van deze soort' }],
        });
    }
    if (neemtJson) {
      const fout = await jsonFout(c);
      if (fout) return fout;
    }
    return next();
  };
}

async function jsonFout(c: Context<ApiEnv>): Promise<Response | undefined> {
  const type = c.req.header('content-type');
  if (!isJson(type))
    return probleemDetails(
      415,
      'mediatype',
      type ? 'verstuur de body als application/json' : 'Content-Type: application/json ontbreekt',
      { velden: [{ pad: 'Content-Type', bericht: 'application/json verwacht' }] },
    );
  // Hono caches the text: the idempotency hash and the route's validator read this same one.
  const tekst = await c.req.text();
  if (tekst.trim() === '') return ongeldig([{ pad: '(body)', bericht: 'de body ontbreekt (JSON verwacht)' }]);
  let waarde: unknown;
  try {
    waarde = JSON.parse(tekst);
  } catch (e) {
    const waar = e instanceof SyntaxError ? (/position (\d+)/.exec(e.message)?.[1] ?? '') : '';
    return ongeldig([
      { pad: '(body)', bericht: `geen geldige JSON${waar ? ` (bij teken ${Number(waar) + 1})` : ''}` },
    ]);
  }
  if (waarde === null || typeof waarde !== 'object' || Array.isArray(waarde))
    return ongeldig([{ pad: '(body)', bericht: 'een JSON-object verwacht' }]);
  const fouten = controleerJson(waarde);
  return fouten.length > 0 ? ongeldig(fouten) : undefined;
}
