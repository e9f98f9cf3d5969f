import { z } from 'zod';
import type { BsnKluis } from '../beveiliging/bsn.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import type { Wachtrij } from '../opslag/wachtrij.ts';
import type { DocumentContext } from './brieven.ts';
import { maakSrgLevering } from './srg.ts';
import { voortgangTaak } from './voortgang.ts';

/**
 * The scheduled documents: at each period's end the progress report of every gemeente (Dinkelland
 * art. 2 lid 4: three a year, or what the gemeente's settings say), and each month the SRG delivery
 * of the month before. Both are idempotent: what is stored is never made again, so a second worker,
 * a retry or a catch-up after downtime stores nothing twice.
 */
export const DOCUMENT_TAKEN = {
  // Every first of the month: a period always ends on a month's last day, and a month with no period
  // end finds its report already stored.
  voortgangsrapportage: { naam: 'voortgangsrapportage', cron: '30 0 1 * *' },
  srgLevering: { naam: 'srg-levering', cron: '45 0 1 * *' },
} as const;

const opdracht = z.strictObject({ datum: z.string().refine(isGeldigeDatum).optional() });

/** The month before the one that holds `datum`, as JJJJ-MM. */
export function vorigeMaand(datum: string): string {
  const j = Number(datum.slice(0, 4));
  const m = Number(datum.slice(5, 7));
  return m === 1 ? `${j - 1}-12` : `${j}-${String(m - 1).padStart(2, '0')}`;
}

/** For each gemeente with settings, the delivery of the month before `vandaag`, made if not stored. */
export async function srgTaak(db: Db, ctx: DocumentContext, kluis: BsnKluis, vandaag: string) {
  const maand = vorigeMaand(vandaag);
  const gemaakt: { gemeente: string; maand: string; nieuw: boolean; records: number }[] = [];
  const fouten: { gemeente: string; bericht: string }[] = [];
  for (const gemeente of [...ctx.configuratie.keys()].sort()) {
    // One gemeente's invalid delivery must not hold back the others': it is reported, nothing written.
    const r = await maakSrgLevering(db, ctx, kluis, gemeente, maand);
    if (r.ok)
      gemaakt.push({ gemeente, maand, nieuw: r.waarde.nieuw, records: r.waarde.levering.records.length });
    else fouten.push({ gemeente, bericht: r.fout.bericht });
  }
  return { maand, gemaakt, fouten };
}

/** Registers both document jobs; with `inhalen` each is also sent at once for today (safe: idempotent). */
export async function planDocumentTaken(
  wachtrij: Wachtrij,
  db: Db,
  o: { ctx: DocumentContext; kluis: BsnKluis; vandaag: () => string; inhalen: boolean },
): Promise<{ ingehaald: { naam: string; id: string }[] }> {
  await wachtrij.registreer(
    DOCUMENT_TAKEN.voortgangsrapportage.naam,
    async (data) => voortgangTaak(db, o.ctx, opdracht.parse(data ?? {}).datum ?? o.vandaag()),
    { cron: DOCUMENT_TAKEN.voortgangsrapportage.cron },
  );
  await wachtrij.registreer(
    DOCUMENT_TAKEN.srgLevering.naam,
    async (data) => srgTaak(db, o.ctx, o.kluis, opdracht.parse(data ?? {}).datum ?? o.vandaag()),
    { cron: DOCUMENT_TAKEN.srgLevering.cron },
  );
  const ingehaald: { naam: string; id: string }[] = [];
  if (o.inhalen) {
    const datum = o.vandaag();
    for (const t of Object.values(DOCUMENT_TAKEN))
      ingehaald.push({ naam: t.naam, id: await wachtrij.stuur(t.naam, { datum }) });
  }
  return { ingehaald };
}
