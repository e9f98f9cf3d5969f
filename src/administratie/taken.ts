import { sql } from 'kysely';
import { z } from 'zod';
import { type Engine, maakEngine } from '../engine/index.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import { inTransactie } from '../opslag/transactie.ts';
import { TIJDZONE, type Wachtrij } from '../opslag/wachtrij.ts';
import { formatteerFout, laadBibliotheek } from '../regelgeving/index.ts';
import { AANMELDREGELS } from './aanmeldbeperking.ts';
import { engineInWerking } from './ontwerpen.ts';
import { log, logLijst } from './audit.ts';
import { ruimSessiesOp } from './sessies.ts';
import { gelukt, mislukt } from './fouten.ts';
import { LKS_PERIODE_SOORTEN, lksMaandbedrag, minimumloonOnbekend } from './termijnen.ts';
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
  return inTransactie(db, async (trx) => {
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
 * The 1 January re-set of loonkostensubsidie (art. 10d lid 7 Pw), part one: records each grant running
 * on 1 January that needs its amount set again with the new minimum wage. Grants starting on 1 January
 * already use that year's wage. Part two, the amounts themselves, is `stelLksBedragenVast`.
 */
export async function markeerLksHerberekeningen(
  db: Db,
  opdracht: { jaar: number; gemeente?: string | undefined },
): Promise<{ jaar: number; nieuw: number; perGemeente: Record<string, number> }> {
  const peildatum = `${opdracht.jaar}-01-01`;
  return inTransactie(db, async (trx) => {
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

/**
 * The 1 January re-set, part two: every open period term of a loonkostensubsidie that has no amount
 * yet (because the minimum wage of its first day was not known when the grant was taken) gets the
 * amount the engine gives now, if the loaded figures know that wage by now. Each change is recorded
 * in `termijnbedrag` with the old and new amount and the versions used, and in the audit trail. Terms
 * that already have an amount are left alone: an amount once set is changed by a decision, not by a
 * job. Then each marked re-set whose 1 January term has its amount counts as computed.
 */
export async function stelLksBedragenVast(
  db: Db,
  engine: Engine,
  opdracht: { gemeente?: string | undefined },
): Promise<{ vastgesteld: number; perGemeente: Record<string, number> }> {
  let q = db
    .selectFrom('termijn as t')
    .innerJoin('beschikking as b', 'b.id', 't.beschikkingId')
    .select(['t.id', 't.gemeente', 't.datum', 't.bedragReden', 't.beschikkingId', 'b.casus', 'b.regelingen'])
    .where('t.soort', 'in', LKS_PERIODE_SOORTEN)
    .where('t.status', '=', 'open')
    .where('t.bedragCent', 'is', null);
  if (opdracht.gemeente) q = q.where('t.gemeente', '=', opdracht.gemeente);
  const open = await q.orderBy('t.id').execute();
  // Judged outside the transaction; the cheap check on the minimum wage first, so terms that cannot
  // be computed yet cost no evaluation on every run.
  // Each gemeente's terms are judged with its own adopted drafts in force (issue 13).
  const perGemeente = new Map<string, Engine>();
  for (const g of new Set(open.map((t) => t.gemeente)))
    perGemeente.set(g, await engineInWerking(db, engine, g));
  const berekend = open.flatMap((t) => {
    const e = perGemeente.get(t.gemeente) ?? engine;
    if (minimumloonOnbekend(e.bibliotheek, t.datum)) return [];
    const bedrag = lksMaandbedrag(
      e,
      t.casus as { gemeente: string } & Record<string, unknown>,
      t.regelingen,
      t.datum,
    );
    return bedrag.cent === null ? [] : [{ t, bedrag: { ...bedrag, cent: bedrag.cent } }];
  });
  return inTransactie(db, async (trx) => {
    const gezet: { gemeente: string }[] = [];
    for (const { t, bedrag } of berekend) {
      // Only while still open and without an amount: a second run or a second worker writes nothing.
      const rij = await trx
        .updateTable('termijn')
        .set({ bedragCent: bedrag.cent, bedragReden: null })
        .where('id', '=', t.id)
        .where('status', '=', 'open')
        .where('bedragCent', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!rij) continue;
      await trx
        .insertInto('termijnbedrag')
        .values({
          gemeente: t.gemeente,
          termijnId: Number(t.id),
          beschikkingId: t.beschikkingId,
          peildatum: t.datum,
          oudCent: null,
          oudeReden: t.bedragReden,
          nieuwCent: bedrag.cent,
          regelingen: JSON.stringify(bedrag.regelingen ?? []),
          engine: bedrag.engine ?? '',
          door: null,
        })
        .execute();
      await log(trx, undefined, t.gemeente, 'termijnbedrag-vastgesteld', 'termijn', String(t.id));
      gezet.push(t);
    }
    let klaar = trx
      .updateTable('herberekening as h')
      .set({ status: 'berekend' })
      .where('h.status', '=', 'te-herberekenen')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('termijn as t')
            .select('t.id')
            .whereRef('t.beschikkingId', '=', 'h.beschikkingId')
            .where('t.soort', '=', 'lks-herberekening')
            .where('t.datum', '=', sql<string>`make_date(h.jaar, 1, 1)`)
            .where('t.bedragCent', 'is not', null),
        ),
      );
    if (opdracht.gemeente) klaar = klaar.where('h.gemeente', '=', opdracht.gemeente);
    await klaar.execute();
    return { vastgesteld: gezet.length, perGemeente: groepeer(gezet) };
  });
}

/** Both parts of the 1 January re-set, as the yearly job runs them. */
export async function lksHerberekening(
  db: Db,
  engine: Engine,
  opdracht: { jaar: number; gemeente?: string | undefined },
) {
  const gemarkeerd = await markeerLksHerberekeningen(db, opdracht);
  const bedragen = await stelLksBedragenVast(db, engine, { gemeente: opdracht.gemeente });
  return { ...gemarkeerd, bedragen };
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
  // With the 1 January term: the new monthly amount, or why it is not known yet.
  const rijen = await db
    .selectFrom('herberekening as h')
    .leftJoin('termijn as t', (j) =>
      j
        .onRef('t.beschikkingId', '=', 'h.beschikkingId')
        .on('t.soort', '=', 'lks-herberekening')
        .on('t.datum', '=', sql<string>`make_date(h.jaar, 1, 1)`),
    )
    .select([
      'h.id',
      'h.beschikkingId',
      'h.inwonerId',
      'h.jaar',
      'h.voorziening',
      'h.jaarbedragCent',
      'h.artikel',
      'h.status',
      't.id as termijnId',
      't.bedragCent as maandbedragCent',
      't.bedragReden',
    ])
    .where('h.gemeente', '=', gemeente)
    .where('h.jaar', '=', jaar)
    .orderBy('h.id')
    .execute();
  await logLijst(
    db,
    actor,
    gemeente,
    'herberekening',
    rijen.map((r) => ({ betrokkene: r.inwonerId, objectId: r.beschikkingId })),
  );
  return gelukt(
    rijen.map((r) => ({
      ...r,
      id: Number(r.id),
      jaarbedragCent: Number(r.jaarbedragCent),
      termijnId: r.termijnId === null ? null : Number(r.termijnId),
      maandbedragCent: r.maandbedragCent === null ? null : Number(r.maandbedragCent),
    })),
  );
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
  /** Expired sessions, closed login windows and abandoned OpenID sign-ins (nothing to catch up on). */
  sessiesOpruimen: { naam: 'sessies-opruimen', cron: '23 * * * *' },
} as const;

/**
 * Registers the workers and their schedules (a scheduled job carries no date: the worker takes
 * today's). With `inhalen` both jobs are also sent at once for today: a schedule only fires while
 * the server runs, and because the jobs are idempotent a catch-up after downtime is always safe.
 * The loonkostensubsidie job judges with `engine`, the one loaded at start; without it, it loads the
 * shipped regulation tree itself the first time it runs.
 */
export async function planTaken(
  wachtrij: Wachtrij,
  db: Db,
  opties: { inhalen: boolean; vandaag?: () => string; engine?: Engine },
): Promise<{ ingehaald: { naam: string; id: string }[] }> {
  const vandaag = opties.vandaag ?? (() => vandaagInNederland());
  let engine = opties.engine;
  const engineVoorTaak = () => {
    if (!engine) {
      const b = laadBibliotheek();
      if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
      engine = maakEngine(b.waarde);
    }
    return engine;
  };
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
      return lksHerberekening(db, engineVoorTaak(), {
        jaar: o.jaar ?? Number(vandaag().slice(0, 4)),
        gemeente: o.gemeente,
      });
    },
    { cron: TAKEN.lksHerberekening.cron },
  );
  await wachtrij.registreer(
    TAKEN.sessiesOpruimen.naam,
    async () => ruimSessiesOp(db, { vensterMs: AANMELDREGELS.account.vensterMs }),
    { cron: TAKEN.sessiesOpruimen.cron },
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
