import type { IdempotentieClaim } from '../administratie/idempotentie.ts';
import type { Actor } from '../administratie/toegang.ts';
import type { Verwerkingsdoel } from '../administratie/verwerkingsdoelen.ts';

/** Per-request values Hono carries between middleware and handlers. */
export type ApiEnv = {
  Variables: {
    actor: Actor | undefined;
    /** The purpose from the gemeente's list that X-Doel named, if it named one. */
    doel: Verwerkingsdoel | undefined;
    /** A POST's claim on its Idempotency-Key, for routes that store the answer in their own transaction. */
    idempotentie: IdempotentieClaim | undefined;
    /** Set by such a route when a concurrent duplicate stored the key first. */
    idempotentieBezet: boolean | undefined;
    /** Set by such a route when its own commit stored the answer under the key: nothing left to store. */
    idempotentieBewaard: boolean | undefined;
  };
};
