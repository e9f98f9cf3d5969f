import type { Db } from '../opslag/database.ts';

/** A request's claim on an Idempotency-Key: whose key, which key, and the hash of the request it was sent with. */
export interface IdempotentieClaim {
  readonly gebruikerId: string;
  readonly sleutel: string;
  readonly verzoek: string;
}

/** The key was taken by a request that committed first: its answer is the one to give. */
export class IdempotentieBezet extends Error {
  constructor() {
    super('Idempotency-Key is al vastgelegd door een gelijktijdig verzoek');
  }
}

/**
 * Stores the answers of keyed requests inside the transaction that holds their effect, so the effect
 * and the answer a retry replays commit together. Throws `IdempotentieBezet` when a key is already
 * stored (a concurrent duplicate won): the transaction must then roll back.
 */
export async function legAntwoordenVast(
  trx: Db,
  antwoorden: readonly { claim: IdempotentieClaim; status: number; antwoord: unknown }[],
): Promise<void> {
  if (antwoorden.length === 0) return;
  const vastgelegd = await trx
    .insertInto('idempotentie')
    .values(antwoorden.map((a) => ({ ...a.claim, status: a.status, antwoord: JSON.stringify(a.antwoord) })))
    .onConflict((oc) => oc.columns(['gebruikerId', 'sleutel']).doNothing())
    .returning('sleutel')
    .execute();
  if (vastgelegd.length !== antwoorden.length) throw new IdempotentieBezet();
}
