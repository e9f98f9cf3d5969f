import { sql } from 'kysely';
import { z } from 'zod';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import { TIJDZONE, type Wachtrij } from '../opslag/wachtrij.ts';
import { log } from './audit.ts';
import { gelukt, mislukt } from './fouten.ts';
import { type Actor, LEZERS, vereisRol } from './toegang.ts';

/**
 * Scheduled work. Each job is idempotent: it states what must be true on a date or in a year and
 * writes only what is missing, so a retry, a second worker or a catch-up run after downtime changes
 * nothing that an earlier run already did.
 */

/** Today in the Netherlands: a job at five past midnight must not see yesterday's UTC date. */
export function vandaagInNederland(nu = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIJDZONE }).format(nu);
}

const groepeer = (rijen: { gemeente: string }[]) => {
  const per: Record<string, number> = {};
  for (const r of rijen) per[r.gemeente] = (per[r.gemeente] ?? 0) + 1;
  return per;
};

/**
 * Marks every open term whose date has passed as overdue from the day after its date. The mark
 * follows from the term alone, not from the day the job ran, so any number of runs agree.
 */
export async function signaleerTermijnen(
  db: Db,
  opdracht: { datum: string; gemeente?: string | undefined },
): Promise<{ datum: string; gesignaleerd: number; perGemeente: Record<string, number> }> {
  return db.transaction().execute(async (trx) => {
    let q = trx
      .updateTable('termijn')
      .set({ teLaatSinds: sql<string>`datum + 1` })
      .where('status', '=', 'open')
      .where('datum', '<', opdracht.datum)
      .where('teLaatSinds', 'is', null);
    if (opdracht.gemeente) q = q.where('gemeente', '=', opdracht.gemeente);
    const perGemeente = groepeer(await q.returning('gemeente').execute());
    for (const gemeente of Object.keys(perGemeente).sort())
      await log(trx, undefined, gemeente, 'termijnen-te-laat-gesignaleerd', 'termijn', opdracht.datum);
    return {
      datum: opdracht.datum,
      gesignaleerd: Object.values(perGemeente).reduce((a, b) => a + b, 0),
      perGemeente,
    };
  });
}

/**
 * The 1 January re-set of loonkostensubsidie (art. 10d lid 7 Pw): records each grant running on
 * 1 January that needs its amount set again with the new minimum wage. A stub: the new amount
 * itself is not computed here. Grants starting on 1 January already use that year's wage.
 */
export async function markeerLksHerberekeningen(
  db: Db,
  opdracht: { jaar: number; gemeente?: string | undefined },
): Promise<{ jaar: number; nieuw: number; perGemeente: Record<string, number> }> {
  const peildatum = `${opdracht.jaar}-01-01`;
  return db.transaction().execute(async (trx) => {
    let lopend = trx
      .selectFrom('beschikking as b')
      .select([
        'b.gemeente',
        'b.id as beschikkingId',
        'b.inwonerId',
        sql<number>`${opdracht.jaar}::int`.as('jaar'),
        'b.voorziening',
        'b.jaarbedragCent',
        sql<string>`'10d lid 7'`.as('artikel'),
      ])
      .where('b.voorziening', '=', 'loonkostensubsidie')
      .where('b.soort', 'in', ['toekenning', 'wijziging'])
      .where('b.ingangsdatum', '<', peildatum)
      .where((eb) => eb.or([eb('b.einddatum', 'is', null), eb('b.einddatum', '>=', peildatum)]))
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('beschikking as e')
              .select('e.id')
              .whereRef('e.vorigeId', '=', 'b.id')
              .where('e.soort', '=', 'beeindiging')
              .where('e.einddatum', '<', peildatum),
          ),
        ),
      );
    if (opdracht.gemeente) lopend = lopend.where('b.gemeente', '=', opdracht.gemeente);
    const nieuw = await trx
      .insertInto('herberekening')
      .columns(['gemeente', 'beschikkingId', 'inwonerId', 'jaar', 'voorziening', 'jaarbedragCent', 'artikel'])
      .expression(lopend)
      .onConflict((oc) => oc.columns(['beschikkingId', 'jaar']).doNothing())
      .returning('gemeente')
      .execute();
    const perGemeente = groepeer(nieuw);
    for (const gemeente of Object.keys(perGemeente).sort())
      await log(
        trx,
        undefined,
        gemeente,
        'lks-herberekening-gemarkeerd',
        'herberekening',
        String(opdracht.jaar),
      );
    return { jaar: opdracht.jaar, nieuw: nieuw.length, perGemeente };
  });
}

export async function herberekeningen(db: Db, actor: Actor, gemeente: string, jaar: number) {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  if (!Number.isInteger(jaar) || jaar < 2015 || jaar > 2100)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldig jaar',
      velden: [{ pad: 'jaar', bericht: '2015–2100' }],
    });
  const rijen = await db
    .selectFrom('herberekening')
    .select([
      'id',
      'beschikkingId',
      'inwonerId',
      'jaar',
      'voorziening',
      'jaarbedragCent',
      'artikel',
      'status',
    ])
    .where('gemeente', '=', gemeente)
    .where('jaar', '=', jaar)
    .orderBy('id')
    .execute();
  return gelukt(rijen.map((r) => ({ ...r, id: Number(r.id), jaarbedragCent: Number(r.jaarbedragCent) })));
}

const signaleerOpdracht = z.strictObject({
  datum: z.string().refine(isGeldigeDatum).optional(),
  gemeente: z.string().optional(),
});
const lksOpdracht = z.strictObject({
  jaar: z.number().int().min(2015).max(2100).optional(),
  gemeente: z.string().optional(),
});

export const TAKEN = {
  termijnenSignaleren: { naam: 'termijnen-signaleren', cron: '5 0 * * *' },
  lksHerberekening: { naam: 'lks-herberekening', cron: '15 0 1 1 *' },
} as const;

/**
 * Registers the workers and their schedules (a scheduled job carries no date: the worker takes
 * today's). With `inhalen` both jobs are also sent at once for today: a schedule only fires while
 * the server runs, and because the jobs are idempotent a catch-up after downtime is always safe.
 */
export async function planTaken(
  wachtrij: Wachtrij,
  db: Db,
  opties: { inhalen: boolean; vandaag?: () => string },
): Promise<{ ingehaald: { naam: string; id: string }[] }> {
  const vandaag = opties.vandaag ?? (() => vandaagInNederland());
  await wachtrij.registreer(
    TAKEN.termijnenSignaleren.naam,
    async (data) => {
      const o = signaleerOpdracht.parse(data ?? {});
      return signaleerTermijnen(db, { datum: o.datum ?? vandaag(), gemeente: o.gemeente });
    },
    { cron: TAKEN.termijnenSignaleren.cron },
  );
  await wachtrij.registreer(
    TAKEN.lksHerberekening.naam,
    async (data) => {
      const o = lksOpdracht.parse(data ?? {});
      return markeerLksHerberekeningen(db, {
        jaar: o.jaar ?? Number(vandaag().slice(0, 4)),
        gemeente: o.gemeente,
      });
    },
    { cron: TAKEN.lksHerberekening.cron },
  );
  const ingehaald: { naam: string; id: string }[] = [];
  if (opties.inhalen) {
    // The date goes in the job, so it records which day it catches up, whenever a worker takes it.
    const datum = vandaag();
    ingehaald.push({
      naam: TAKEN.termijnenSignaleren.naam,
      id: await wachtrij.stuur(TAKEN.termijnenSignaleren.naam, { datum }),
    });
    ingehaald.push({
      naam: TAKEN.lksHerberekening.naam,
      id: await wachtrij.stuur(TAKEN.lksHerberekening.naam, { jaar: Number(datum.slice(0, 4)) }),
    });
  }
  return { ingehaald };
}
