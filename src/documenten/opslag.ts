import { createHash } from 'node:crypto';
import type { Db } from '../opslag/database.ts';
import type { Database } from '../opslag/schema.ts';

/**
 * The document store: a document is written once per (gemeente, soort, sleutel, formaat) with its
 * SHA-256 and read back byte for byte. Of two writers at once the first wins and both get its bytes.
 */

export type DocumentSoort = Database['document']['soort'];

export interface OpgeslagenDocument {
  readonly id: string;
  readonly soort: DocumentSoort;
  readonly sleutel: string;
  readonly formaat: string;
  readonly mediatype: string;
  readonly inhoud: Buffer;
  readonly sha256: string;
  readonly versleuteld: boolean;
  readonly aangemaaktOp: Date;
}

export const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const KOLOMMEN = [
  'id',
  'soort',
  'sleutel',
  'formaat',
  'mediatype',
  'inhoud',
  'sha256',
  'versleuteld',
  'aangemaaktOp',
] as const;

const naarDocument = (r: {
  id: string;
  soort: DocumentSoort;
  sleutel: string;
  formaat: string;
  mediatype: string;
  inhoud: Uint8Array;
  sha256: string;
  versleuteld: boolean;
  aangemaaktOp: Date;
}): OpgeslagenDocument => ({ ...r, inhoud: Buffer.from(r.inhoud) });

export async function leesDocument(
  db: Db,
  gemeente: string,
  soort: DocumentSoort,
  sleutel: string,
  formaat: string,
): Promise<OpgeslagenDocument | undefined> {
  const r = await db
    .selectFrom('document')
    .select(KOLOMMEN)
    .where('gemeente', '=', gemeente)
    .where('soort', '=', soort)
    .where('sleutel', '=', sleutel)
    .where('formaat', '=', formaat)
    .executeTakeFirst();
  return r ? naarDocument(r) : undefined;
}

export async function documentenVan(db: Db, gemeente: string, soort: DocumentSoort, sleutel: string) {
  const rijen = await db
    .selectFrom('document')
    .select(KOLOMMEN)
    .where('gemeente', '=', gemeente)
    .where('soort', '=', soort)
    .where('sleutel', '=', sleutel)
    .orderBy('formaat')
    .execute();
  return rijen.map(naarDocument);
}

/**
 * Stores each rendering unless one is stored already, and returns what is stored. `nieuw` says
 * whether this call wrote it.
 */
export async function bewaarDocumenten(
  db: Db,
  d: {
    gemeente: string;
    soort: DocumentSoort;
    sleutel: string;
    door: string | null;
    versleuteld?: boolean;
    weergaven: readonly { formaat: string; mediatype: string; inhoud: Uint8Array }[];
  },
): Promise<{ nieuw: boolean; documenten: OpgeslagenDocument[] }> {
  const geschreven = await db
    .insertInto('document')
    .values(
      d.weergaven.map((w) => ({
        gemeente: d.gemeente,
        soort: d.soort,
        sleutel: d.sleutel,
        formaat: w.formaat,
        mediatype: w.mediatype,
        inhoud: Buffer.from(w.inhoud),
        sha256: sha256(w.inhoud),
        versleuteld: d.versleuteld ?? false,
        aangemaaktDoor: d.door,
      })),
    )
    .onConflict((oc) => oc.columns(['gemeente', 'soort', 'sleutel', 'formaat']).doNothing())
    .returning('id')
    .execute();
  return {
    nieuw: geschreven.length > 0,
    documenten: await documentenVan(db, d.gemeente, d.soort, d.sleutel),
  };
}
