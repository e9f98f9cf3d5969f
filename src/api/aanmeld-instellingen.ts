import { oidcAanmelding } from '../administratie/oidc.ts';
import type { Db } from '../opslag/database.ts';
import type { AanmeldOpties } from './afhankelijkheden.ts';

const JA = new Set(['ja', 'aan', 'true', '1']);
const NEE = new Set(['nee', 'uit', 'false', '0']);

function vlag(env: NodeJS.ProcessEnv, naam: string): boolean | undefined {
  const w = env[naam]?.trim().toLowerCase();
  if (w === undefined || w === '') return undefined;
  if (JA.has(w)) return true;
  if (NEE.has(w)) return false;
  throw new Error(`${naam} moet 'ja' of 'nee' zijn, niet '${env[naam]}'`);
}

/**
 * Sign-in from the environment (README, "Aanmelden"): with OIDC_ISSUER the gemeente's OpenID Connect
 * provider, and then local passwords only when LOKALE_ACCOUNTS=ja; without it local accounts.
 */
export function aanmeldOptiesUitOmgeving(db: Db, env: NodeJS.ProcessEnv, basisUrl: string): AanmeldOpties {
  const vertrouwProxy = vlag(env, 'VERTROUW_PROXY') ?? false;
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return { lokaal: vlag(env, 'LOKALE_ACCOUNTS') ?? true, vertrouwProxy };
  const ontbreekt = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'].filter((n) => !env[n]?.trim());
  if (ontbreekt.length > 0) throw new Error(`OIDC_ISSUER is gezet, maar ${ontbreekt.join(' en ')} ontbreekt`);
  try {
    new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER is geen URL: '${issuer}'`);
  }
  const oidc = oidcAanmelding(db, {
    issuer,
    clientId: env.OIDC_CLIENT_ID!.trim(),
    clientSecret: env.OIDC_CLIENT_SECRET!.trim(),
    redirectUri: env.OIDC_REDIRECT_URI?.trim() || `${basisUrl}/auth/oidc/terug`,
    ...(env.OIDC_SCOPE?.trim() ? { scope: env.OIDC_SCOPE.trim() } : {}),
    ...(env.OIDC_ROLLEN_CLAIM?.trim() ? { rollenClaim: env.OIDC_ROLLEN_CLAIM.trim() } : {}),
    httpToestaan: vlag(env, 'OIDC_HTTP_TOESTAAN') ?? false,
  });
  return { lokaal: vlag(env, 'LOKALE_ACCOUNTS') ?? false, oidc, vertrouwProxy };
}
