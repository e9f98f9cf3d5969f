import type { Db } from '../opslag/database.ts';
import type { Actor } from './toegang.ts';

export interface Regel {
  readonly actor: Actor | undefined;
  readonly gemeente: string | null;
  readonly actie: string;
  readonly object: string;
  readonly objectId: string | null;
}

/** The audit row for an entry, for callers that write entries in bulk. */
export const auditRij = (r: Regel) => ({
  gebruikerId: r.actor?.gebruikerId ?? null,
  gemeente: r.gemeente,
  actie: r.actie,
  object: r.object,
  objectId: r.objectId,
  doel: r.actor?.doel ?? 'systeem',
});

/** Appends to the audit trail: every decision and every read of a client's personal data. */
export async function log(
  db: Db,
  actor: Actor | undefined,
  gemeente: string | null,
  actie: string,
  object: string,
  objectId: string | null,
): Promise<void> {
  await db.insertInto('audit').values(auditRij({ actor, gemeente, actie, object, objectId })).execute();
}
