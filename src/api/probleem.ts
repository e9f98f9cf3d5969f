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
  const body = {
    type: `https://reintegratie.local/problemen/${fout.code}`,
    title: fout.bericht,
    status,
    ...(fout.code === 'ongeldig' && fout.velden ? { velden: fout.velden } : {}),
    ...(fout.code === 'niet-toegestaan' && fout.details !== undefined ? { details: fout.details } : {}),
    ...(fout.code === 'versie' ? { huidigeVersie: fout.huidig } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}
