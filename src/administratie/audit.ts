import type { Db } from '../opslag/database.ts';
import type { Actor } from './toegang.ts';

/** Appends to the audit trail: every decision and every read of a client's personal data. */
export async function log(
  db: Db,
  actor: Actor | undefined,
  gemeente: string | null,
  actie: string,
  object: string,
  objectId: string | null,
): Promise<void> {
  await db
    .insertInto('audit')
    .values({
      gebruikerId: actor?.gebruikerId ?? null,
      gemeente,
      actie,
      object,
      objectId,
      doel: actor?.doel ?? 'systeem',
    })
    .execute();
}
