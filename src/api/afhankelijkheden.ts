import type { Regel } from '../administratie/aanmeldbeperking.ts';
import type { Authenticator } from '../administratie/gebruikers.ts';
import type { OidcAanmelding } from '../administratie/oidc.ts';
import type { BsnKluis } from '../beveiliging/bsn.ts';
import type { Engine } from '../engine/index.ts';
import type { Db } from '../opslag/database.ts';

/** What the API is built from; the server passes the real ones, tests pass their own store and clock. */
export interface ApiAfhankelijkheden {
  readonly db: Db;
  readonly engine: Engine;
  readonly kluis: BsnKluis;
  readonly authenticator: Authenticator;
  /** Today's date, for overdue signals; injectable so tests do not depend on the clock. */
  readonly vandaag?: () => string;
  readonly aanmelding?: AanmeldOpties;
}

/** How users sign in; without it, local accounts only, with the default throttling. */
export interface AanmeldOpties {
  /** Whether /auth/login takes local passwords (the embedded default); off when only OIDC may be used. */
  readonly lokaal?: boolean;
  readonly oidc?: OidcAanmelding;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (its first entry). */
  readonly vertrouwProxy?: boolean;
  readonly regels?: { readonly account: Regel; readonly adres: Regel };
}
