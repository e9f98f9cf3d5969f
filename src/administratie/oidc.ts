import * as client from 'openid-client';
import type { Db } from '../opslag/database.ts';
import { inTransactie } from '../opslag/transactie.ts';
import { ROLLEN, type Rol } from '../opslag/schema.ts';
import { log } from './audit.ts';
import { gelukt, mislukt, type Uitslag } from './fouten.ts';
import { OIDC_AANVRAAG_MS, openSessie } from './sessies.ts';

/** How a gemeente's OpenID Connect provider is reached; from the environment (README, "Aanmelden"). */
export interface OidcInstellingen {
  /** The provider's issuer URL; its discovery document is read from `/.well-known/openid-configuration`. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** This server's callback, registered at the provider: `<url>/auth/oidc/terug`. */
  readonly redirectUri: string;
  readonly scope?: string;
  /**
   * A claim (in the userinfo answer) with the user's roles as `gemeente:rol` strings. When set, each
   * sign-in replaces the user's roles with it; without it, roles are assigned in the store.
   */
  readonly rollenClaim?: string;
  /** Only for a provider on this machine during development and tests: allow http. */
  readonly httpToestaan?: boolean;
}

export interface OidcAanmelding {
  /** The provider's authorization URL for a new sign-in; `terug` is where the browser goes afterwards. */
  start(terug?: string): Promise<URL>;
  /** The callback: checks state, nonce and PKCE, exchanges the code, and opens a session. */
  terug(
    url: URL,
  ): Promise<Uitslag<{ token: string; verlooptOp: Date; gebruikerId: string; terug: string | null }>>;
}

/** Signing in through the gemeente's OpenID Connect provider (authorization code flow with PKCE). */
export function oidcAanmelding(db: Db, instellingen: OidcInstellingen): OidcAanmelding {
  let configuratie: Promise<client.Configuration> | undefined;
  // Discovered on first use and kept; a failed discovery is tried again on the next sign-in.
  const config = () =>
    (configuratie ??= client
      .discovery(
        new URL(instellingen.issuer),
        instellingen.clientId,
        undefined,
        client.ClientSecretBasic(instellingen.clientSecret),
        instellingen.httpToestaan ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((e: unknown) => {
        configuratie = undefined;
        throw e;
      }));
  return {
    async start(terug) {
      const c = await config();
      const verifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await db
        .insertInto('oidcAanvraag')
        .values({
          state,
          nonce,
          verifier,
          terug: terug ?? null,
          verlooptOp: new Date(Date.now() + OIDC_AANVRAAG_MS),
        })
        .execute();
      return client.buildAuthorizationUrl(c, {
        redirect_uri: instellingen.redirectUri,
        scope: instellingen.scope ?? 'openid profile email',
        code_challenge: await client.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
    },

    async terug(url) {
      const state = url.searchParams.get('state') ?? '';
      // Used once: the row is taken out as it is read, so a replayed callback finds nothing.
      const aanvraag = await db
        .deleteFrom('oidcAanvraag')
        .where('state', '=', state)
        .where('verlooptOp', '>', new Date())
        .returningAll()
        .executeTakeFirst();
      if (!aanvraag)
        return mislukt({ code: 'niet-gevonden', bericht: 'onbekende of verlopen aanmelding; begin opnieuw' });
      const c = await config();
      let sub: string;
      let claims: Record<string, unknown>;
      try {
        // The callback as registered (behind a proxy the request's own URL may differ), with its answer.
        const terugUrl = new URL(instellingen.redirectUri);
        terugUrl.search = url.search;
        const tokens = await client.authorizationCodeGrant(c, terugUrl, {
          pkceCodeVerifier: aanvraag.verifier,
          expectedState: state,
          expectedNonce: aanvraag.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken)
          return mislukt({ code: 'verboden', bericht: 'de identiteitsprovider gaf geen ID-token' });
        sub = idToken.sub;
        claims = { ...idToken, ...(await client.fetchUserInfo(c, tokens.access_token, sub)) };
      } catch (e) {
        // The provider's answer did not check out (state, nonce, signature, code); say so, not how.
        const soort = e instanceof Error ? e.name : 'fout';
        return mislukt({
          code: 'verboden',
          bericht: `aanmelden bij de identiteitsprovider mislukt (${soort})`,
        });
      }
      const issuer = c.serverMetadata().issuer;
      const gebruikerId = await gebruikerVoor(db, issuer, sub, claims);
      if (instellingen.rollenClaim) await zetRollen(db, gebruikerId, claims[instellingen.rollenClaim]);
      const sessie = await openSessie(db, gebruikerId);
      await log(db, undefined, null, 'aanmelden-oidc', 'gebruiker', gebruikerId);
      return gelukt({ ...sessie, terug: aanvraag.terug });
    },
  };
}

/** The local user linked to the provider's identity (issuer and subject), created on first sign-in. */
async function gebruikerVoor(
  db: Db,
  issuer: string,
  sub: string,
  claims: Record<string, unknown>,
): Promise<string> {
  const bekend = await db
    .selectFrom('gebruiker')
    .select('id')
    .where('oidcIssuer', '=', issuer)
    .where('oidcSub', '=', sub)
    .executeTakeFirst();
  const tekst = (k: string) =>
    typeof claims[k] === 'string' ? (claims[k] as string).slice(0, 200) : undefined;
  const naam = tekst('name') ?? tekst('preferred_username') ?? sub;
  if (bekend) {
    await db.updateTable('gebruiker').set({ naam }).where('id', '=', bekend.id).execute();
    return bekend.id;
  }
  // A name of the provider never takes over a local account: a taken name gets the subject appended.
  const gewenst = tekst('preferred_username') ?? tekst('email') ?? sub;
  const bezet = await db
    .selectFrom('gebruiker')
    .select('id')
    .where('gebruikersnaam', '=', gewenst)
    .executeTakeFirst();
  const { id } = await db
    .insertInto('gebruiker')
    .values({
      gebruikersnaam: bezet ? `${gewenst}#${sub}` : gewenst,
      naam,
      // No password: this user signs in at the provider only.
      wachtwoordHash: '!oidc',
      oidcIssuer: issuer,
      oidcSub: sub,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Replaces a user's roles with the provider's `gemeente:rol` claim values (unknown ones are ignored). */
async function zetRollen(db: Db, gebruikerId: string, waarde: unknown): Promise<void> {
  const lijst = Array.isArray(waarde) ? waarde : typeof waarde === 'string' ? waarde.split(/[\s,]+/) : [];
  const gemeenten = new Set((await db.selectFrom('gemeente').select('slug').execute()).map((g) => g.slug));
  const rollen = lijst.flatMap((w) => {
    const [gemeente, rol] = typeof w === 'string' ? w.split(':') : [];
    return gemeente && rol && gemeenten.has(gemeente) && (ROLLEN as readonly string[]).includes(rol)
      ? [{ gebruikerId, gemeente, rol: rol as Rol }]
      : [];
  });
  await inTransactie(db, async (trx) => {
    await trx.deleteFrom('rol').where('gebruikerId', '=', gebruikerId).execute();
    if (rollen.length > 0)
      await trx
        .insertInto('rol')
        .values(rollen)
        .onConflict((oc) => oc.doNothing())
        .execute();
  });
}
