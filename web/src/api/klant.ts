import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './gegenereerd/api';

/**
 * The one client of the API, typed from the server's own /openapi.json (generated at build into
 * ./gegenereerd). It adds the session token and the purpose of the read (X-Doel) to every request,
 * and reports a rejected session so the screen can ask to sign in again without losing what was typed.
 */

export const api = createClient<paths>({ baseUrl: window.location.origin });

/** The purposes the API knows (the gemeente's list of verwerkingsdoelen); each screen names its own. */
export type Doel =
  | 'uitvoering re-integratie'
  | 'caseload bekijken'
  | 'aanvraag beoordelen'
  | 'beschikking nemen'
  | 'bezwaar behandelen'
  | 'identificatie inwoner'
  | 'verantwoording en controle'
  | 'beleid en sturing';

const SLEUTEL = 'reintegratie.sessie';
let token: string | undefined = sessionStorage.getItem(SLEUTEL) ?? undefined;
let doel: Doel = 'uitvoering re-integratie';
const bijVerlopen = new Set<() => void>();

export function zetToken(nieuw: string | undefined): void {
  token = nieuw;
  if (nieuw) sessionStorage.setItem(SLEUTEL, nieuw);
  else sessionStorage.removeItem(SLEUTEL);
}
export const heeftToken = () => token !== undefined;

/** The purpose sent with the reads that follow (set by each screen as it opens). */
export function zetDoel(nieuw: Doel): void {
  doel = nieuw;
}

export function opVerlopenSessie(f: () => void): () => void {
  bijVerlopen.add(f);
  return () => bijVerlopen.delete(f);
}

const sessie: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    if (!request.headers.has('x-doel')) request.headers.set('x-doel', doel);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/'))
      for (const f of bijVerlopen) f();
    return response;
  },
};
api.use(sessie);

/** A fresh key for one action (a POST); reuse it when the same action is sent again. */
export const nieuweSleutel = () => crypto.randomUUID();
