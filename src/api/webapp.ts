import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

/** Where `npm run web:bouw` writes the built web application. */
export const WEBAPP_MAP = join(import.meta.dirname, '..', '..', 'web', 'dist');

const SOORTEN: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page's own scripts and styles only; chart.js sets inline styles on its canvas, hence
 * 'unsafe-inline' for styles (not for scripts).
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const NIET_GEBOUWD = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>reintegratie</title></head>
<body><h1>De webapplicatie is nog niet gebouwd</h1><p>Bouw haar met <code>npm run web:bouw</code>, of start met <code>npm start</code> (dat bouwt haar als dat nodig is). De API werkt wel: zie <a href="/docs">/docs</a>.</p></body></html>`;

/** The first path segment of every API route, so the web application never answers for one. */
export function apiVoorvoegsels(routes: readonly { path: string }[]): Set<string> {
  const uit = new Set(['openapi.json', 'docs', 'health']);
  for (const r of routes) {
    const eerste = r.path.split('/')[1];
    if (eerste && eerste !== '*' && !eerste.startsWith(':')) uit.add(eerste);
  }
  return uit;
}

/**
 * Puts the web application in front of the API on the same server and port: GET and HEAD requests
 * outside the API's paths get a file of the build, or index.html for a client-side route (the
 * application routes in the browser); everything else goes to the API untouched.
 */
export function metWebapp<A extends unknown[]>(
  api: (verzoek: Request, ...rest: A) => Response | Promise<Response>,
  opties: { map?: string; voorvoegsels: ReadonlySet<string> },
): (verzoek: Request, ...rest: A) => Response | Promise<Response> {
  const map = opties.map ?? WEBAPP_MAP;
  let index: { tekst: string; tijd: number } | undefined;
  const leesIndex = () => {
    // Read again when the build changed (a rebuild under a running server names new asset files).
    const pad = join(map, 'index.html');
    if (!existsSync(pad)) return undefined;
    const tijd = statSync(pad).mtimeMs;
    if (index?.tijd !== tijd) index = { tekst: readFileSync(pad, 'utf8'), tijd };
    return index.tekst;
  };
  // The rest (the Node server's bindings, e.g. the client address) goes to the API as it came.
  return (verzoek, ...rest) => {
    const url = new URL(verzoek.url);
    const eerste = url.pathname.split('/')[1] ?? '';
    if ((verzoek.method !== 'GET' && verzoek.method !== 'HEAD') || opties.voorvoegsels.has(eerste))
      return api(verzoek, ...rest);
    const bestand = bestandIn(map, url.pathname);
    if (bestand) {
      const onveranderlijk = url.pathname.startsWith('/assets/');
      return new Response(verzoek.method === 'HEAD' ? null : readFileSync(bestand), {
        headers: {
          'content-type': SOORTEN[extname(bestand)] ?? 'application/octet-stream',
          'cache-control': onveranderlijk ? 'public, max-age=31536000, immutable' : 'no-cache',
          'x-content-type-options': 'nosniff',
        },
      });
    }
    // A missing asset is a 404, not the page: a stale tab must not get HTML where it expects a script.
    if (url.pathname.startsWith('/assets/') || extname(url.pathname) !== '')
      return new Response('niet gevonden', { status: 404, headers: { 'content-type': 'text/plain' } });
    const html = leesIndex();
    return new Response(verzoek.method === 'HEAD' ? null : (html ?? NIET_GEBOUWD), {
      status: html ? 200 : 503,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
      },
    });
  };
}

/** The built file a URL path names, if it exists inside the build folder (never outside it). */
function bestandIn(map: string, pad: string): string | undefined {
  let ontcijferd: string;
  try {
    ontcijferd = decodeURIComponent(pad);
  } catch {
    return undefined;
  }
  if (ontcijferd.includes('\0') || ontcijferd === '/' || ontcijferd === '/index.html') return undefined;
  const vol = normalize(join(map, ontcijferd));
  if (!vol.startsWith(map + sep)) return undefined;
  try {
    return statSync(vol).isFile() ? vol : undefined;
  } catch {
    return undefined;
  }
}
