import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { AANMELDREGELS, geefPogingTerug, telPoging } from '../../administratie/aanmeldbeperking.ts';
import { log } from '../../administratie/audit.ts';
import { meldAan } from '../../administratie/gebruikers.ts';
import type { AanmeldOpties } from '../afhankelijkheden.ts';
import type { ApiEnv } from '../omgeving.ts';
import { beveiligd, FOUTEN, json, probleemAntwoord } from '../openapi.ts';
import { probleem, probleemDetails } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';

const tags = ['aanmelden'];
const sessie = z.object({ token: z.string(), verlooptOp: z.string() });

/** The client's address: the socket's, or behind a trusted proxy the first of X-Forwarded-For. */
function adresVan(c: Context<ApiEnv>, opties: AanmeldOpties): string {
  if (opties.vertrouwProxy) {
    const doorgestuurd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (doorgestuurd) return doorgestuurd.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'onbekend';
  } catch {
    // Not served by Node (app.request in tests): one shared address.
    return 'onbekend';
  }
}

const teVaak = (wachtSeconden: number) =>
  probleemDetails(
    429,
    'te-vaak',
    `te veel aanmeldpogingen; probeer het over ${wachtSeconden} seconden opnieuw`,
    {},
    { 'retry-after': String(wachtSeconden) },
  );

/**
 * Signing in and out: local accounts (throttled per account and per address), the OpenID Connect
 * provider of the gemeente, logout, and revoking all of one's own sessions.
 */
export const registreerAuthRoutes: RouteModule = (
  _app,
  { db, authenticator, aanmelding = {} },
  { registreer },
) => {
  const regels = aanmelding.regels ?? AANMELDREGELS;
  const lokaal = aanmelding.lokaal ?? true;

  registreer(
    createRoute({
      method: 'post',
      path: '/auth/login',
      summary:
        'Aanmelden met gebruikersnaam en wachtwoord; geeft een token. Na te veel pogingen per account of per adres: 429 met Retry-After',
      tags,
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                gebruikersnaam: z.string().min(1).max(200),
                wachtwoord: z.string().min(1).max(1000),
              }),
            },
          },
        },
      },
      responses: {
        200: json(sessie, 'Aangemeld'),
        400: FOUTEN[400],
        401: probleemAntwoord('Onjuiste gegevens'),
        404: probleemAntwoord('Aanmelden met een wachtwoord staat uit (gebruik /auth/oidc/start)'),
        429: probleemAntwoord('Te veel pogingen; Retry-After zegt hoe lang wachten'),
      },
    }),
    async (c) => {
      if (!lokaal)
        return probleem(c, { code: 'niet-gevonden', bericht: 'aanmelden met een wachtwoord staat uit' });
      const { gebruikersnaam, wachtwoord } = c.req.valid('json');
      const account = `account:${gebruikersnaam.trim().toLowerCase()}`;
      const adres = `adres:${adresVan(c, aanmelding)}`;
      // Counted before the password is checked (and before its costly hash), both always.
      const perAccount = await telPoging(db, account, regels.account);
      const perAdres = await telPoging(db, adres, regels.adres);
      if (!perAccount.toegestaan || !perAdres.toegestaan)
        return teVaak(
          Math.max(
            perAccount.toegestaan ? 0 : perAccount.wachtSeconden,
            perAdres.toegestaan ? 0 : perAdres.wachtSeconden,
          ),
        );
      const s = await meldAan(db, gebruikersnaam, wachtwoord);
      if (!s) return probleemDetails(401, 'niet-aangemeld', 'onjuiste gebruikersnaam of wachtwoord');
      await geefPogingTerug(db, account, adres);
      return c.json({ token: s.token, verlooptOp: s.verlooptOp.toISOString() }, 200);
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      summary: 'Afmelden: dit token werkt daarna niet meer',
      tags,
      security: beveiligd,
      responses: { 204: { description: 'Afgemeld' }, 401: FOUTEN[401] },
    }),
    async (c) => {
      const token = c.req.header('authorization')!.slice(7);
      await authenticator.meldAf(token, (trx) =>
        log(trx, c.get('actor'), null, 'afmelden', 'gebruiker', c.get('actor')!.gebruikerId),
      );
      return new Response(null, { status: 204 });
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/auth/sessies/intrekking',
      summary: 'Trek al uw sessies in (elk token, ook dit); daarna opnieuw aanmelden',
      tags,
      security: beveiligd,
      responses: { 200: json(z.object({ ingetrokken: z.number() }), 'Ingetrokken'), 401: FOUTEN[401] },
    }),
    async (c) => {
      const a = c.get('actor')!;
      const ingetrokken = await authenticator.trekIn(a.gebruikerId, (trx) =>
        log(trx, a, null, 'sessies-intrekken', 'gebruiker', a.gebruikerId),
      );
      return c.json({ ingetrokken }, 200);
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/auth/oidc/start',
      summary:
        'Aanmelden bij de identiteitsprovider van de gemeente (OpenID Connect, code flow met PKCE): stuurt door',
      tags,
      request: {
        query: z.object({
          terug: z
            .string()
            .max(300)
            .regex(/^\/(?!\/)[^\s\\]*$/, { message: 'een pad op deze server, zoals /inwoners' })
            .optional(),
        }),
      },
      responses: {
        302: { description: 'Naar de identiteitsprovider' },
        400: FOUTEN[400],
        404: probleemAntwoord('Geen identiteitsprovider ingesteld'),
      },
    }),
    async (c) => {
      if (!aanmelding.oidc)
        return probleem(c, { code: 'niet-gevonden', bericht: 'geen identiteitsprovider ingesteld' });
      const url = await aanmelding.oidc.start(c.req.valid('query').terug);
      return new Response(null, {
        status: 302,
        headers: { location: url.href, 'cache-control': 'no-store' },
      });
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/auth/oidc/terug',
      summary:
        'Terugkeer van de identiteitsprovider: geeft een token, of stuurt door naar het terug-pad met het token in het fragment',
      tags,
      request: {
        query: z.object({
          code: z.string().max(2000).optional(),
          state: z.string().max(200).optional(),
          iss: z.string().max(500).optional(),
          error: z.string().max(200).optional(),
          error_description: z.string().max(1000).optional(),
          session_state: z.string().max(500).optional(),
        }),
      },
      responses: {
        200: json(sessie, 'Aangemeld'),
        302: { description: 'Aangemeld; naar het terug-pad (#token=…)' },
        400: FOUTEN[400],
        403: probleemAntwoord('De identiteitsprovider weigerde, of het antwoord klopt niet'),
        404: probleemAntwoord('Geen identiteitsprovider ingesteld, of een onbekende of verlopen aanmelding'),
      },
    }),
    async (c) => {
      if (!aanmelding.oidc)
        return probleem(c, { code: 'niet-gevonden', bericht: 'geen identiteitsprovider ingesteld' });
      const q = c.req.valid('query');
      if (q.error)
        return probleem(c, { code: 'verboden', bericht: `de identiteitsprovider weigerde: ${q.error}` });
      const r = await aanmelding.oidc.terug(new URL(c.req.url));
      if (!r.ok) return probleem(c, r.fout);
      const { token, verlooptOp, terug } = r.waarde;
      if (terug)
        return new Response(null, {
          status: 302,
          headers: { location: `${terug}#token=${token}`, 'cache-control': 'no-store' },
        });
      return c.json({ token, verlooptOp: verlooptOp.toISOString() }, 200);
    },
  );
};
