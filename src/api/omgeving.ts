import type { Actor } from '../administratie/toegang.ts';
import type { Verwerkingsdoel } from '../administratie/verwerkingsdoelen.ts';

/** Per-request values Hono carries between middleware and handlers. */
export type ApiEnv = {
  Variables: {
    actor: Actor | undefined;
    /** The purpose from the gemeente's list that X-Doel named, if it named one. */
    doel: Verwerkingsdoel | undefined;
  };
};
