import type { Authenticator } from '../administratie/gebruikers.ts';
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
}
