import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Db } from '../opslag/database.ts';
import { type Bibliotheek, laadRegeling, type Regeling } from '../regelgeving/index.ts';

/** One regulation file as a beschikking used it: its exact text under its hash. */
export interface ArchiefStuk {
  readonly hash: string;
  readonly regeling: string;
  readonly geldigVanaf: string;
  /** Path under the library's root, so the rebuilt version passes the same placement checks. */
  readonly bestand: string;
  readonly tekst: string;
  readonly basisHash: string | null;
}

// A hash names one text for good, so a file is read once per process, not once per decision.
const gelezen = new Map<string, ArchiefStuk | null>();

const hashVan = (tekst: string, basisHash: string | null) =>
  createHash('sha256')
    .update(tekst)
    .update(basisHash ? `\n${basisHash}` : '')
    .digest('hex');

const zoek = (bibliotheek: Bibliotheek, id: string, hash: string) =>
  bibliotheek.versies(id).find((r) => r.hash === hash);

function basisVan(bibliotheek: Bibliotheek, r: Regeling): Regeling | undefined {
  if (!r.basis) return undefined;
  const [id, geldigVanaf] = r.basis.split('@');
  return bibliotheek.versies(id!).find((v) => v.geldigVanaf === geldigVanaf);
}

function stukVan(bibliotheek: Bibliotheek, r: Regeling): ArchiefStuk | null {
  const bekend = gelezen.get(r.hash);
  if (bekend !== undefined) return bekend;
  const basis = basisVan(bibliotheek, r);
  let stuk: ArchiefStuk | null = null;
  try {
    const tekst = readFileSync(r.bestand, 'utf8');
    // Only the text the loaded version was made from: a file edited since the start is not it.
    if (hashVan(tekst, basis?.hash ?? null) === r.hash)
      stuk = {
        hash: r.hash,
        regeling: r.id,
        geldigVanaf: r.geldigVanaf,
        bestand: relative(bibliotheek.wortel, r.bestand),
        tekst,
        basisHash: basis?.hash ?? null,
      };
  } catch {
    stuk = null;
  }
  gelezen.set(r.hash, stuk);
  return stuk;
}

/**
 * The files behind the regulation versions a decision used, each with the whole `basis:` chain it
 * rests on (the national layer included: the engine lists the Participatiewet among them). Basis
 * first, so the archive's reference to it holds. A version whose file changed since it was loaded
 * cannot be archived and is left out; herbeoordeling then says which version it misses.
 */
export function archiefStukken(
  bibliotheek: Bibliotheek,
  regelingen: readonly { id: string; hash: string }[],
): ArchiefStuk[] {
  const uit = new Map<string, ArchiefStuk>();
  const voegToe = (r: Regeling | undefined): boolean => {
    if (!r) return true;
    if (uit.has(r.hash)) return true;
    const basis = basisVan(bibliotheek, r);
    if (r.basis && !voegToe(basis)) return false;
    const stuk = stukVan(bibliotheek, r);
    if (!stuk) return false;
    uit.set(r.hash, stuk);
    return true;
  };
  for (const reg of regelingen) voegToe(zoek(bibliotheek, reg.id, reg.hash));
  return [...uit.values()];
}

/** Writes the pieces inside the decision's transaction; a text already there (same hash) is kept. */
export async function archiveer(trx: Db, stukken: readonly ArchiefStuk[]): Promise<void> {
  if (stukken.length === 0) return;
  await trx
    .insertInto('regelingarchief')
    .values([...stukken])
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

/**
 * A regulation version by its hash: from the library when it still has it, else rebuilt from the
 * archived text (and its archived basis chain) and checked to hash to the same value.
 */
export async function versieVan(
  db: Db,
  bibliotheek: Bibliotheek,
  id: string,
  hash: string,
): Promise<Regeling | undefined> {
  const r = zoek(bibliotheek, id, hash) ?? (await uitArchief(db, bibliotheek, hash));
  return r?.id === id ? r : undefined;
}

async function uitArchief(db: Db, bibliotheek: Bibliotheek, hash: string): Promise<Regeling | undefined> {
  const rij = await db.selectFrom('regelingarchief').selectAll().where('hash', '=', hash).executeTakeFirst();
  if (!rij) return undefined;
  let basis: Regeling | undefined;
  if (rij.basisHash) {
    basis =
      bibliotheek.regelingen.find((r) => r.hash === rij.basisHash) ??
      (await uitArchief(db, bibliotheek, rij.basisHash));
    if (!basis) return undefined;
  }
  const r = laadRegeling(bibliotheek.wortel, join(bibliotheek.wortel, rij.bestand), rij.tekst, () => basis);
  return r.ok && r.waarde.hash === hash ? r.waarde : undefined;
}
