import type { Context } from 'hono';
import type { Fout } from '../administratie/fouten.ts';

/** RFC 9457 problem details; the only place where domain failures become HTTP status codes. */
const STATUS: Record<Fout['code'], number> = {
  'niet-gevonden': 404,
  verboden: 403,
  ongeldig: 400,
  conflict: 409,
  versie: 412,
  'niet-toegestaan': 422,
};

export function probleem(_c: Context<any, any, any>, fout: Fout): Response {
  const status = STATUS[fout.code];
  return probleemDetails(status, fout.code, fout.bericht, {
    ...(fout.code === 'ongeldig' && fout.velden ? { velden: fout.velden } : {}),
    ...(fout.code === 'niet-toegestaan' && fout.details !== undefined ? { details: fout.details } : {}),
    ...(fout.code === 'versie' ? { huidigeVersie: fout.huidig } : {}),
  });
}

/** A problem+json answer of the edge itself (not signed in, no such path, a precondition, an internal error). */
export function probleemDetails(
  status: number,
  soort: string,
  titel: string,
  extra: Record<string, unknown> = {},
  koppen: Record<string, string> = {},
): Response {
  return new Response(
    JSON.stringify({ type: `https://reintegratie.local/problemen/${soort}`, title: titel, status, ...extra }),
    { status, headers: { 'content-type': 'application/problem+json', ...koppen } },
  );
}
