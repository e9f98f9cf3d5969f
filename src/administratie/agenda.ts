import type { Db } from '../opslag/database.ts';
import { log } from './audit.ts';
import { gelukt, type Uitslag } from './fouten.ts';
import { type Actor, LEZERS, vereisRol } from './toegang.ts';

export interface AgendaPunt {
  readonly id: number;
  readonly soort: string;
  readonly datum: string;
  readonly omschrijving: string;
  readonly artikel: string;
  readonly regeling: string;
  readonly bedragCent: number | null;
  readonly bedragReden: string | null;
  readonly teLaat: boolean;
  readonly voorziening: string;
  readonly beschikkingId: string;
  readonly inwonerId: string;
  readonly klantnummer: number;
  readonly naam: string;
}

/**
 * A casemanager's open terms up to a date, with the client's name and the voorziening, overdue ones
 * first and then by date: reviews, premie moments, end dates, LKS periods and bezwaar terms. The
 * read names clients, so it is one line in the audit trail.
 */
export async function agenda(
  db: Db,
  actor: Actor,
  gemeente: string,
  filter: { tot: string; vandaag: string; casemanagerId?: string | undefined; limiet: number },
): Promise<Uitslag<{ punten: AgendaPunt[]; teLaat: number }>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  let q = db
    .selectFrom('termijn')
    .innerJoin('inwoner', 'inwoner.id', 'termijn.inwonerId')
    .innerJoin('beschikking', 'beschikking.id', 'termijn.beschikkingId')
    .where('termijn.gemeente', '=', gemeente)
    .where('inwoner.gemeente', '=', gemeente)
    .where('termijn.status', '=', 'open')
    .where('termijn.datum', '<=', filter.tot);
  if (filter.casemanagerId) q = q.where('inwoner.casemanagerId', '=', filter.casemanagerId);
  const rijen = await q
    .select([
      'termijn.id',
      'termijn.soort',
      'termijn.datum',
      'termijn.omschrijving',
      'termijn.artikel',
      'termijn.regeling',
      'termijn.bedragCent',
      'termijn.bedragReden',
      'termijn.beschikkingId',
      'termijn.inwonerId',
      'beschikking.voorziening',
      'inwoner.klantnummer',
      'inwoner.naam',
    ])
    .orderBy('termijn.datum')
    .orderBy('termijn.id')
    .limit(filter.limiet)
    .execute();
  await log(db, actor, gemeente, 'agenda-lezen', 'termijn', null);
  const punten = rijen.map((r) => ({
    ...r,
    id: Number(r.id),
    klantnummer: Number(r.klantnummer),
    bedragCent: r.bedragCent === null ? null : Number(r.bedragCent),
    teLaat: r.datum < filter.vandaag,
  }));
  // Ordered by date, so the overdue ones (before today) come first.
  return gelukt({ punten, teLaat: punten.filter((p) => p.teLaat).length });
}
