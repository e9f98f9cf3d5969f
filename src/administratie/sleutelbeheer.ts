import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { type BsnKluis, maakBsnKluis } from '../beveiliging/bsn.ts';
import { isSleutel, leesSleutel, maakSleutelbestand, vingerafdruk } from '../beveiliging/sleutel.ts';
import type { Configuratie } from '../opslag/configuratie.ts';
import type { Db } from '../opslag/database.ts';
import { auditRij } from './audit.ts';

/**
 * The BSN key against the store (issue 12, item 7): the store records the key's fingerprint, a start
 * with a missing or another key is refused, and a rotation re-encrypts every BSN in one transaction.
 */

/** A refusal about the key: its message says what is wrong and what to do; it never holds the key. */
export class SleutelFout extends Error {
  override readonly name = 'SleutelFout';
}

const kort = (v: string) => `${v.slice(0, 12)}…`;

/** Whether the store holds anything encrypted under the key: a client's BSN or an SRG delivery. */
async function heeftBsns(db: Db): Promise<boolean> {
  const inwoner = await db.selectFrom('inwoner').select('id').limit(1).executeTakeFirst();
  if (inwoner) return true;
  const document = await db
    .selectFrom('document')
    .select('id')
    .where('versleuteld', '=', true)
    .limit(1)
    .executeTakeFirst();
  return document !== undefined;
}

async function opgeslagenVingerafdruk(db: Db): Promise<string | undefined> {
  return (await db.selectFrom('bsnSleutel').select('vingerafdruk').where('id', '=', 1).executeTakeFirst())
    ?.vingerafdruk;
}

/** Whether this key opens what the store holds (one BSN and one delivery are enough to tell). */
async function opentOpslag(db: Db, kluis: BsnKluis): Promise<boolean> {
  const inwoner = await db.selectFrom('inwoner').select('bsnVersleuteld').limit(1).executeTakeFirst();
  const document = await db
    .selectFrom('document')
    .select('inhoud')
    .where('versleuteld', '=', true)
    .limit(1)
    .executeTakeFirst();
  try {
    if (inwoner) kluis.ontsleutel(inwoner.bsnVersleuteld);
    if (document) kluis.ontsleutel(Buffer.from(document.inhoud).toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * The BSN vault for this store, after checking the configured key against it. A new key is made (the
 * key file) only for a store that holds no BSNs and records no fingerprint; the fingerprint is
 * recorded on first use, also for a store from before migration 0022 once the key is shown to open it.
 */
export async function openBsnKluis(
  db: Db,
  config: Pick<Configuratie, 'dataDir' | 'bsnSleutel'>,
): Promise<BsnKluis> {
  const bron = leesSleutel(config);
  const waar =
    bron.soort === 'omgeving' ? 'BSN_SLEUTEL' : `het sleutelbestand ${bron.bestand} (of BSN_SLEUTEL)`;
  if (bron.sleutel !== undefined && !isSleutel(bron.sleutel))
    throw new SleutelFout(`de BSN-sleutel in ${waar} is geen sleutel van 32 bytes hexadecimaal (64 tekens)`);
  const vastgelegd = await opgeslagenVingerafdruk(db);
  if (vastgelegd !== undefined) {
    if (bron.sleutel === undefined)
      throw new SleutelFout(
        `de BSN-sleutel ontbreekt (${waar}), maar deze opslag is versleuteld met de sleutel met vingerafdruk ${kort(vastgelegd)}; zet die sleutel terug uit de aparte back-up. Er wordt geen nieuwe sleutel gemaakt: de opgeslagen BSN's zouden dan onleesbaar en onvindbaar worden.`,
      );
    const gekregen = vingerafdruk(bron.sleutel);
    if (gekregen !== vastgelegd)
      throw new SleutelFout(
        `de BSN-sleutel in ${waar} (vingerafdruk ${kort(gekregen)}) is niet de sleutel waarmee deze opslag is versleuteld (vingerafdruk ${kort(vastgelegd)}); zet de juiste sleutel terug, of roteer met 'reintegratie sleutel roteer'.`,
      );
    return maakBsnKluis(bron.sleutel);
  }
  let sleutel = bron.sleutel;
  if (sleutel === undefined) {
    if (await heeftBsns(db))
      throw new SleutelFout(
        `de BSN-sleutel ontbreekt (${waar}), maar deze opslag bevat versleutelde BSN's; zet de sleutel terug uit de aparte back-up. Er wordt geen nieuwe sleutel gemaakt.`,
      );
    if (bron.soort !== 'bestand') throw new SleutelFout('BSN_SLEUTEL is leeg');
    sleutel = maakSleutelbestand(config);
  }
  const kluis = maakBsnKluis(sleutel);
  if (!(await opentOpslag(db, kluis)))
    throw new SleutelFout(
      `de BSN-sleutel in ${waar} opent de opgeslagen BSN's niet: het is een andere sleutel dan waarmee ze zijn versleuteld; zet de juiste sleutel terug uit de aparte back-up.`,
    );
  await db
    .insertInto('bsnSleutel')
    .values({ id: 1, vingerafdruk: vingerafdruk(sleutel) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  // Another process may have recorded a fingerprint at the same moment: the recorded one decides.
  if ((await opgeslagenVingerafdruk(db)) !== vingerafdruk(sleutel))
    throw new SleutelFout('een ander proces legde tegelijk een andere BSN-sleutel vast voor deze opslag');
  return kluis;
}

export interface Rotatie {
  readonly inwoners: number;
  readonly documenten: number;
  readonly vorigeVingerafdruk: string;
  readonly vingerafdruk: string;
}

/**
 * Re-encrypts every BSN (and every encrypted SRG delivery) under a new key and re-computes the BSN
 * search values, then records the new fingerprint: all in one transaction, so a failure anywhere
 * leaves the store wholly under the old key. Must run as the owner of the tables on PostgreSQL (the
 * stored deliveries are otherwise never rewritten; their trigger steps aside for this transaction).
 */
export async function roteerSleutel(
  db: Db,
  oudeSleutel: string,
  nieuweSleutel: string,
  opties: { partij?: number } = {},
): Promise<Rotatie> {
  if (!isSleutel(nieuweSleutel))
    throw new SleutelFout('de nieuwe BSN-sleutel is geen sleutel van 32 bytes hexadecimaal (64 tekens)');
  const oudeAfdruk = vingerafdruk(oudeSleutel);
  const nieuweAfdruk = vingerafdruk(nieuweSleutel);
  if (oudeAfdruk === nieuweAfdruk) throw new SleutelFout('de nieuwe BSN-sleutel is gelijk aan de huidige');
  const oud = maakBsnKluis(oudeSleutel);
  const nieuw = maakBsnKluis(nieuweSleutel);
  const partij = opties.partij ?? 500;
  return db.transaction().execute(async (tx) => {
    // The recorded key is locked for the whole rotation: a second rotation waits, then finds it changed.
    const vastgelegd = await tx
      .selectFrom('bsnSleutel')
      .select('vingerafdruk')
      .where('id', '=', 1)
      .forUpdate()
      .executeTakeFirst();
    if (vastgelegd && vastgelegd.vingerafdruk !== oudeAfdruk)
      throw new SleutelFout('de huidige BSN-sleutel is niet de sleutel die deze opslag vastlegt');
    // No client is added or changed while their BSN moves to the new key.
    await sql`lock table inwoner in share row exclusive mode`.execute(tx);
    let inwoners = 0;
    for (let na = 0; ;) {
      const rijen = await tx
        .selectFrom('inwoner')
        .select(['id', 'klantnummer', 'bsnVersleuteld'])
        .where('klantnummer', '>', na)
        .orderBy('klantnummer')
        .limit(partij)
        .execute();
      if (rijen.length === 0) break;
      const waarden = rijen.map((r) => {
        let bsn: string;
        try {
          bsn = oud.ontsleutel(r.bsnVersleuteld);
        } catch {
          throw new SleutelFout(
            `de BSN van klantnummer ${r.klantnummer} is niet te ontsleutelen met de huidige sleutel; er is niets gewijzigd`,
          );
        }
        return sql`(${r.id}::uuid, ${nieuw.versleutel(bsn)}, ${nieuw.zoeksleutel(bsn)})`;
      });
      await sql`update inwoner as i set bsn_versleuteld = v.b, bsn_hash = v.h
        from (values ${sql.join(waarden)}) as v(id, b, h) where i.id = v.id`.execute(tx);
      inwoners += rijen.length;
      na = Number(rijen[rijen.length - 1]!.klantnummer);
    }
    const documenten = await tx
      .selectFrom('document')
      .select(['id', 'inhoud'])
      .where('versleuteld', '=', true)
      .execute();
    if (documenten.length > 0) {
      await sql`alter table document disable trigger document_alleen_toevoegen`.execute(tx);
      for (const d of documenten) {
        const inhoud = Buffer.from(nieuw.versleutel(oud.ontsleutel(Buffer.from(d.inhoud).toString('utf8'))));
        await sql`update document set inhoud = ${inhoud}, sha256 = ${createHash('sha256').update(inhoud).digest('hex')}
          where id = ${d.id}`.execute(tx);
      }
      await sql`alter table document enable trigger document_alleen_toevoegen`.execute(tx);
    }
    await tx
      .insertInto('bsnSleutel')
      .values({ id: 1, vingerafdruk: nieuweAfdruk })
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({ vingerafdruk: nieuweAfdruk, vastgelegdOp: sql`now()` }),
      )
      .execute();
    await tx
      .insertInto('audit')
      .values(
        auditRij({
          actor: undefined,
          gemeente: null,
          actie: 'sleutel-geroteerd',
          object: 'bsn-sleutel',
          objectId: null,
        }),
      )
      .execute();
    return {
      inwoners,
      documenten: documenten.length,
      vorigeVingerafdruk: oudeAfdruk,
      vingerafdruk: nieuweAfdruk,
    };
  });
}
