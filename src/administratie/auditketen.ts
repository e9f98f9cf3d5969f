import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../opslag/database.ts';

/**
 * Checks the audit trail's hash chains (migration 0021) from outside the database: every entry's hash
 * is computed again here, in Node, from the stored fields, by the serialisation described in
 * docs/auditketen.md, so a trigger that hashed the wrong thing would be caught too.
 */

/** The fields an entry's hash covers, as stored. */
export interface KetenRegel {
  readonly id: number;
  readonly gemeente: string | null;
  readonly ketenVolgnummer: number;
  /** The time in UTC with microseconds: `2026-12-01T09:59:26.123456Z`. */
  readonly tijdstipUtc: string;
  readonly gebruikerId: string | null;
  readonly actie: string;
  readonly object: string;
  readonly objectId: string | null;
  readonly doel: string;
  readonly betrokkene: string | null;
  readonly vorigeHash: string | null;
  readonly hash: string;
}

export type BreukSoort =
  | 'inhoud-gewijzigd'
  | 'volgorde-gewijzigd'
  | 'ontbrekend'
  | 'schakel-verbroken'
  | 'afgekapt'
  | 'kop-ontbreekt';

export interface Breuk {
  /** The gemeente of the chain; null for the chain of entries without a gemeente. */
  readonly gemeente: string | null;
  readonly soort: BreukSoort;
  /** The chain position where the chain first fails. */
  readonly volgnummer: number;
  /** The audit entry at that position, where there is one. */
  readonly auditId: number | null;
  readonly uitleg: string;
}

export interface KetenStaat {
  readonly gemeente: string | null;
  /** Entries found in the table for this chain. */
  readonly regels: number;
  /** What the head records: the number and hash of the last entry written. */
  readonly kopVolgnummer: number;
  readonly kopHash: string | null;
  readonly breuk: Breuk | null;
}

export interface Verificatie {
  readonly intact: boolean;
  readonly regels: number;
  readonly ketens: readonly KetenStaat[];
  /** The first broken link, in the order of the chains (gemeente, then the chain without gemeente). */
  readonly eersteBreuk: Breuk | null;
}

const veld = (v: string | null): string => (v === null ? '-;' : `${Buffer.byteLength(v, 'utf8')}:${v};`);

/** The canonical serialisation of an entry (docs/auditketen.md, version 1). */
export function canoniek(r: Omit<KetenRegel, 'hash'>): string {
  return (
    'reintegratie-audit-v1;' +
    veld(r.gemeente) +
    veld(String(r.ketenVolgnummer)) +
    veld(String(r.id)) +
    veld(r.tijdstipUtc) +
    veld(r.gebruikerId) +
    veld(r.actie) +
    veld(r.object) +
    veld(r.objectId) +
    veld(r.doel) +
    veld(r.betrokkene) +
    veld(r.vorigeHash)
  );
}

export const ketenHash = (r: Omit<KetenRegel, 'hash'>): string =>
  createHash('sha256').update(canoniek(r), 'utf8').digest('hex');

const PAGINA = 2_000;
const ketenNaam = (g: string | null) => (g === null ? 'de keten zonder gemeente' : `de keten van ${g}`);

/** Verifies one gemeente's chain (null: entries without gemeente), or every chain when none is given. */
export async function verifieerAuditketen(
  db: Db,
  opties: { gemeente?: string | null } = {},
): Promise<Verificatie> {
  const koppen = await db.selectFrom('auditKetenKop').selectAll().execute();
  const inTabel = await sql<{
    keten: string;
  }>`select distinct coalesce(gemeente, '') as keten from audit`.execute(db);
  const alle = new Set([...koppen.map((k) => k.keten), ...inTabel.rows.map((r) => r.keten)]);
  const gevraagd =
    opties.gemeente === undefined
      ? [...alle].sort(volgorde)
      : [opties.gemeente === null ? '' : opties.gemeente];
  const ketens: KetenStaat[] = [];
  for (const keten of gevraagd) {
    const kop = koppen.find((k) => k.keten === keten);
    ketens.push(await verifieerKeten(db, keten === '' ? null : keten, kop));
  }
  const eersteBreuk = ketens.find((k) => k.breuk)?.breuk ?? null;
  return {
    intact: eersteBreuk === null,
    regels: ketens.reduce((s, k) => s + k.regels, 0),
    ketens,
    eersteBreuk,
  };
}

// Gemeenten in name order, the chain without gemeente ('') last.
const volgorde = (a: string, b: string) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b));

async function verifieerKeten(
  db: Db,
  gemeente: string | null,
  kop: { volgnummer: number; hash: string | null } | undefined,
): Promise<KetenStaat> {
  let regels = 0;
  let vorige: KetenRegel | null = null;
  let breuk: Breuk | null = null;
  const maak = (soort: BreukSoort, volgnummer: number, auditId: number | null, uitleg: string): Breuk => ({
    gemeente,
    soort,
    volgnummer,
    auditId,
    uitleg,
  });
  for (;;) {
    const pagina = await leesPagina(db, gemeente, vorige?.ketenVolgnummer ?? 0);
    for (const r of pagina) {
      regels++;
      if (breuk) continue;
      const verwacht = (vorige?.ketenVolgnummer ?? 0) + 1;
      if (r.ketenVolgnummer !== verwacht) {
        const tot = r.ketenVolgnummer - 1;
        breuk = maak(
          'ontbrekend',
          verwacht,
          null,
          `in ${ketenNaam(gemeente)} ontbreken ${tot === verwacht ? `regel ${verwacht}` : `de regels ${verwacht} tot en met ${tot}`}` +
            (vorige ? ` (tussen audit-id ${vorige.id} en ${r.id})` : ` (vóór audit-id ${r.id})`),
        );
        continue;
      }
      if (ketenHash(r) !== r.hash) {
        const elders = await oorspronkelijkePlaats(db, gemeente, r, kop);
        breuk =
          elders === null
            ? maak(
                'inhoud-gewijzigd',
                r.ketenVolgnummer,
                r.id,
                `regel ${r.ketenVolgnummer} van ${ketenNaam(gemeente)} (audit-id ${r.id}) is gewijzigd: de inhoud past niet meer bij haar hash`,
              )
            : maak(
                'volgorde-gewijzigd',
                r.ketenVolgnummer,
                r.id,
                `regel ${r.ketenVolgnummer} van ${ketenNaam(gemeente)} (audit-id ${r.id}) is verplaatst: zij is geschreven als regel ${elders}`,
              );
        continue;
      }
      if (r.vorigeHash !== (vorige?.hash ?? null)) {
        breuk = maak(
          'schakel-verbroken',
          r.ketenVolgnummer,
          r.id,
          `regel ${r.ketenVolgnummer} van ${ketenNaam(gemeente)} (audit-id ${r.id}) verwijst naar een andere voorganger dan regel ${verwacht - 1}: die is vervangen of de hash is herberekend`,
        );
        continue;
      }
      vorige = r;
    }
    if (pagina.length < PAGINA) break;
    // After a break only the count goes on; continue after the last row read.
    if (breuk) vorige = pagina[pagina.length - 1]!;
  }
  const kopVolgnummer = kop?.volgnummer ?? 0;
  if (!breuk) {
    const laatste = vorige?.ketenVolgnummer ?? 0;
    if (!kop && laatste > 0)
      breuk = maak(
        'kop-ontbreekt',
        laatste,
        vorige?.id ?? null,
        `de kop van ${ketenNaam(gemeente)} ontbreekt: het einde van de keten is niet te controleren`,
      );
    else if (kopVolgnummer > laatste)
      breuk = maak(
        'afgekapt',
        laatste + 1,
        null,
        laatste === 0
          ? `${ketenNaam(gemeente)} is leeg, maar er zijn ${kopVolgnummer} regels geschreven: het spoor is geleegd`
          : `${ketenNaam(gemeente)} eindigt bij regel ${laatste}, maar er zijn ${kopVolgnummer} regels geschreven: de laatste ${kopVolgnummer - laatste} ontbreken`,
      );
    else if (kop && kop.hash !== (vorige?.hash ?? null))
      breuk = maak(
        'schakel-verbroken',
        laatste,
        vorige?.id ?? null,
        `de laatste regel van ${ketenNaam(gemeente)} (audit-id ${vorige?.id}) is niet de regel die als laatste is geschreven`,
      );
  }
  return { gemeente, regels, kopVolgnummer, kopHash: kop?.hash ?? null, breuk };
}

/**
 * Where an entry whose hash no longer fits was written: the place its own hash says it had (the entry
 * after it points to that hash, or the head does). Null when it was not moved but changed.
 */
async function oorspronkelijkePlaats(
  db: Db,
  gemeente: string | null,
  r: KetenRegel,
  kop: { volgnummer: number; hash: string | null } | undefined,
): Promise<number | null> {
  const opvolger = await db
    .selectFrom('audit')
    .select('ketenVolgnummer')
    .where(sql<boolean>`coalesce(gemeente, '') = ${gemeente ?? ''}`)
    .where('vorigeHash', '=', r.hash)
    .executeTakeFirst();
  const plaats = opvolger
    ? Number(opvolger.ketenVolgnummer) - 1
    : kop?.hash === r.hash
      ? kop.volgnummer
      : null;
  if (plaats === null || plaats === r.ketenVolgnummer) return null;
  return ketenHash({ ...r, ketenVolgnummer: plaats }) === r.hash ? plaats : null;
}

async function leesPagina(db: Db, gemeente: string | null, na: number): Promise<KetenRegel[]> {
  const rijen = await db
    .selectFrom('audit')
    .select([
      'id',
      'gemeente',
      'ketenVolgnummer',
      sql<string>`to_char(tijdstip at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('tijdstipUtc'),
      'gebruikerId',
      'actie',
      'object',
      'objectId',
      'doel',
      'betrokkene',
      'vorigeHash',
      'hash',
    ])
    .where(sql<boolean>`coalesce(gemeente, '') = ${gemeente ?? ''}`)
    .where('ketenVolgnummer', '>', na)
    .orderBy('ketenVolgnummer')
    .limit(PAGINA)
    .execute();
  return rijen.map((r) => ({ ...r, id: Number(r.id), ketenVolgnummer: Number(r.ketenVolgnummer) }));
}
