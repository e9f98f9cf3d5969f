import type { Db } from '../opslag/database.ts';
import type { Actor } from './toegang.ts';

export interface Regel {
  readonly actor: Actor | undefined;
  readonly gemeente: string | null;
  readonly actie: string;
  readonly object: string;
  readonly objectId: string | null;
  /** The person whose data the entry is about (inwoner id), where there is one. */
  readonly betrokkene?: string | null;
}

/** The audit row for an entry, for callers that write entries in bulk. */
export const auditRij = (r: Regel) => ({
  gebruikerId: r.actor?.gebruikerId ?? null,
  gemeente: r.gemeente,
  actie: r.actie,
  object: r.object,
  objectId: r.objectId,
  doel: r.actor?.doel ?? 'systeem',
  betrokkene: r.betrokkene ?? null,
});

/** Appends to the audit trail: every decision and every read of a client's personal data. */
export async function log(
  db: Db,
  actor: Actor | undefined,
  gemeente: string | null,
  actie: string,
  object: string,
  objectId: string | null,
  betrokkene: string | null = null,
): Promise<void> {
  await db
    .insertInto('audit')
    .values(auditRij({ actor, gemeente, actie, object, objectId, betrokkene }))
    .execute();
}

/**
 * A list read: one entry per person shown (so "who looked at this person" finds list reads too), or
 * one entry without a person when the list showed nobody.
 */
export async function logLijst(
  db: Db,
  actor: Actor | undefined,
  gemeente: string,
  object: string,
  rijen: readonly { betrokkene: string; objectId?: string | null }[],
): Promise<void> {
  // Per person the object shown, or none when the list showed several of theirs.
  const per = new Map<string, string | null>();
  for (const r of rijen) {
    const id = r.objectId ?? null;
    per.set(r.betrokkene, per.has(r.betrokkene) && per.get(r.betrokkene) !== id ? null : id);
  }
  const regels: Regel[] =
    per.size === 0
      ? [{ actor, gemeente, actie: 'lijst-lezen', object, objectId: null }]
      : [...per].map(([betrokkene, objectId]) => ({
          actor,
          gemeente,
          actie: 'lijst-lezen',
          object,
          objectId,
          betrokkene,
        }));
  await db.insertInto('audit').values(regels.map(auditRij)).execute();
}
