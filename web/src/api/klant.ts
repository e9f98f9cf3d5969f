import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './gegenereerd/api';

/**
 * The one client of the API, typed from the server's own /openapi.json (generated at build into
 * ./gegenereerd). It adds the session token and the purpose of the read (X-Doel) to every request,
 * and reports a rejected session so the screen can ask to sign in again without losing what was typed.
 */

export const api = createClient<paths>({ baseUrl: window.location.origin });

/**
 * What a screen reads for, in the words of the built-in list of verwerkingsdoelen. A gemeente may
 * keep its own list (GET /gemeenten/{g}/verwerkingsdoelen): a screen's purpose that is on it is sent
 * as the list spells it; one that is not is replaced by the purpose the user chose for this gemeente
 * in this session (see ../doelen.tsx), never by a guess.
 */
export type Doel =
  | 'uitvoering re-integratie'
  | 'caseload bekijken'
  | 'aanvraag beoordelen'
  | 'beschikking nemen'
  | 'bezwaar behandelen'
  | 'identificatie inwoner'
  | 'verantwoording en controle'
  | 'beleid en sturing';

/** One purpose of a gemeente's list, as the API gives it. */
export interface Verwerkingsdoel {
  readonly doel: string;
  readonly omschrijving: string;
  readonly volledigBsn: boolean;
}

const SLEUTEL = 'reintegratie.sessie';
const KEUZES = 'reintegratie.doelkeuze';
let token: string | undefined = sessionStorage.getItem(SLEUTEL) ?? undefined;
let doel: Doel | undefined = 'uitvoering re-integratie';
const bijVerlopen = new Set<() => void>();
/** Per gemeente: its list, once read. */
const lijsten = new Map<string, readonly Verwerkingsdoel[]>();

export function zetToken(nieuw: string | undefined): void {
  token = nieuw;
  if (nieuw) sessionStorage.setItem(SLEUTEL, nieuw);
  else {
    sessionStorage.removeItem(SLEUTEL);
    // A purpose chosen belongs to one person's session.
    sessionStorage.removeItem(KEUZES);
    lijsten.clear();
    for (const k of Object.keys(sessionStorage))
      if (k.startsWith('reintegratie.doelenlijst.')) sessionStorage.removeItem(k);
  }
}
export const heeftToken = () => token !== undefined;

/** The purpose sent with the reads that follow (set by each screen as it opens); none for a screen without personal data. */
export function zetDoel(nieuw: Doel | undefined): void {
  doel = nieuw;
}

const keuzes = (): Record<string, string> => {
  try {
    const k = JSON.parse(sessionStorage.getItem(KEUZES) ?? '{}') as unknown;
    return typeof k === 'object' && k !== null ? (k as Record<string, string>) : {};
  } catch {
    return {};
  }
};

const LIJST = (gemeente: string) => `reintegratie.doelenlijst.${gemeente}`;

/**
 * The gemeente's list, as read by the screen that needs it. Kept for the session too, so a page
 * opened anew can read at once with the list as last read while it is read again.
 */
export function zetDoelenlijst(gemeente: string, lijst: readonly Verwerkingsdoel[]): void {
  lijsten.set(gemeente, lijst);
  sessionStorage.setItem(LIJST(gemeente), JSON.stringify(lijst));
}
export function doelenlijst(gemeente: string): readonly Verwerkingsdoel[] | undefined {
  const bekend = lijsten.get(gemeente);
  if (bekend) return bekend;
  try {
    const bewaard = JSON.parse(sessionStorage.getItem(LIJST(gemeente)) ?? 'null') as unknown;
    if (!Array.isArray(bewaard)) return undefined;
    const lijst = bewaard.filter(
      (d): d is Verwerkingsdoel =>
        typeof d === 'object' && d !== null && typeof (d as Verwerkingsdoel).doel === 'string',
    );
    lijsten.set(gemeente, lijst);
    return lijst;
  } catch {
    return undefined;
  }
}

/** The purpose the user chose in this session for the screens' purposes that are not on the list. */
export function gekozenDoel(gemeente: string): string | undefined {
  const k = keuzes()[gemeente];
  const lijst = doelenlijst(gemeente);
  return k && (!lijst || lijst.some((d) => d.doel === k)) ? k : undefined;
}
export function kiesDoel(gemeente: string, gekozen: string | undefined): void {
  const k = keuzes();
  if (gekozen) k[gemeente] = gekozen;
  else delete k[gemeente];
  sessionStorage.setItem(KEUZES, JSON.stringify(k));
}

/** Whether a screen's purpose is on the gemeente's list (true while the list is not read yet). */
export function opLijst(gemeente: string, gevraagd: string): boolean {
  const lijst = doelenlijst(gemeente);
  return !lijst || lijst.some((d) => d.doel.toLowerCase() === gevraagd.toLowerCase());
}

/**
 * The X-Doel to send for a screen's purpose in a gemeente: the list's own spelling when it is on the
 * list, otherwise the user's choice; undefined when neither (the API then refuses a read of personal
 * data, and records a write under its default).
 */
export function doelVoor(gemeente: string, gevraagd: string): string | undefined {
  const lijst = doelenlijst(gemeente);
  if (!lijst) return gevraagd;
  return lijst.find((d) => d.doel.toLowerCase() === gevraagd.toLowerCase())?.doel ?? gekozenDoel(gemeente);
}

export function opVerlopenSessie(f: () => void): () => void {
  bijVerlopen.add(f);
  return () => bijVerlopen.delete(f);
}

const sessie: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    const pad = new URL(request.url).pathname;
    const gemeente = /^\/gemeenten\/([^/]+)(\/.*)?$/.exec(pad);
    // The list itself is read before the purposes are known: it holds no personal data.
    if (!gemeente || gemeente[2] === '/verwerkingsdoelen') {
      request.headers.delete('x-doel');
      return request;
    }
    const g = decodeURIComponent(gemeente[1]!);
    const gevraagd = request.headers.get('x-doel') ?? doel;
    const verzonden = (gevraagd && doelVoor(g, gevraagd)) ?? (doel && doelVoor(g, doel)) ?? undefined;
    if (verzonden) request.headers.set('x-doel', verzonden);
    else request.headers.delete('x-doel');
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
