import { sql } from 'kysely';
import { log } from '../administratie/audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from '../administratie/fouten.ts';
import { type Actor, BELEID, LEZERS, vereisRol } from '../administratie/toegang.ts';
import type { Db } from '../opslag/database.ts';
import type { DocumentContext } from './brieven.ts';
import { maakOpmaak } from './opmaak.ts';
import { bewaarDocumenten, documentenVan, leesDocument, type OpgeslagenDocument } from './opslag.ts';
import { type Periode, periode, periodeSleutel, vorigePeriode } from './perioden.ts';
import { cijfersVoorPerioden } from './voortgang-cijfers.ts';
import { type Rapportage, rapportage } from './voortgang-model.ts';

export const RAPPORT_FORMATEN = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  json: 'application/json',
} as const;
export type RapportFormaat = keyof typeof RAPPORT_FORMATEN;

/** Who may have a report made: policy, the manager and the administrator; everyone with a role may read it. */
const MAKERS = [...BELEID];

/** The report's model for a gemeente and period, without storing it (for tests and the export). */
export async function voortgangsrapportage(
  db: Db,
  ctx: DocumentContext,
  gemeente: string,
  p: Periode,
): Promise<Uitslag<Rapportage>> {
  const config = ctx.configuratie.get(gemeente);
  if (!config)
    return mislukt({ code: 'conflict', bericht: `geen documentinstellingen voor gemeente '${gemeente}'` });
  const naam = ctx.bibliotheek.gemeenten().find((g) => g.slug === gemeente)?.naam ?? gemeente;
  const werk = config.voortgangsrapportage.uitstroomNaarWerk;
  // Both periods from one pass over the store (one result per period asked).
  const [nu, vorig] = await cijfersVoorPerioden(db, gemeente, [p, vorigePeriode(p)], werk);
  return gelukt(rapportage(nu!, vorig!, config, naam));
}

/** The gemeente's period `nummer` of `jaar`, in the number of periods per year its settings give. */
export function periodeVan(
  ctx: DocumentContext,
  gemeente: string,
  jaar: number,
  nummer: number,
): Uitslag<Periode> {
  const config = ctx.configuratie.get(gemeente);
  if (!config) return nietGevonden(`gemeente '${gemeente}'`);
  const perJaar = config.voortgangsrapportage.periodenPerJaar;
  if (
    !Number.isInteger(jaar) ||
    jaar < 2015 ||
    jaar > 2100 ||
    !Number.isInteger(nummer) ||
    nummer < 1 ||
    nummer > perJaar
  )
    return mislukt({
      code: 'ongeldig',
      bericht: `een periode is een jaar (2015–2100) en een nummer van 1 tot en met ${perJaar}`,
      velden: [{ pad: 'periode', bericht: `1–${perJaar}` }],
    });
  return gelukt(periode(jaar, nummer, perJaar));
}

/** Makes and stores the report (PDF, HTML, JSON) once per period; a second call returns it unchanged. */
export async function maakVoortgangsrapportage(
  db: Db,
  ctx: DocumentContext,
  actor: Actor | undefined,
  gemeente: string,
  p: Periode,
): Promise<Uitslag<{ nieuw: boolean; documenten: OpgeslagenDocument[] }>> {
  if (actor) {
    const rol = vereisRol(actor, gemeente, MAKERS);
    if (!rol.ok) return rol;
  }
  const sleutel = periodeSleutel(p);
  const al = await leesDocument(db, gemeente, 'voortgangsrapportage', sleutel, 'pdf');
  if (!al) {
    const r = await voortgangsrapportage(db, ctx, gemeente, p);
    if (!r.ok) return r;
    // Laid out on a worker thread: the server keeps answering meanwhile (opmaak.ts).
    const { pdf, html } = await maakOpmaak(r.waarde);
    const bewaard = await bewaarDocumenten(db, {
      gemeente,
      soort: 'voortgangsrapportage',
      sleutel,
      door: actor?.gebruikerId ?? null,
      weergaven: [
        { formaat: 'pdf', mediatype: RAPPORT_FORMATEN.pdf, inhoud: pdf },
        {
          formaat: 'html',
          mediatype: RAPPORT_FORMATEN.html,
          inhoud: Buffer.from(html),
        },
        {
          formaat: 'json',
          mediatype: RAPPORT_FORMATEN.json,
          inhoud: Buffer.from(JSON.stringify(r.waarde, null, 2)),
        },
      ],
    });
    await log(db, actor, gemeente, 'voortgangsrapportage-maken', 'voortgangsrapportage', sleutel);
    return gelukt(bewaard);
  }
  return gelukt({
    nieuw: false,
    documenten: await documentenVan(db, gemeente, 'voortgangsrapportage', sleutel),
  });
}

export async function leesVoortgangsrapportage(
  db: Db,
  actor: Actor | undefined,
  gemeente: string,
  p: Periode,
  formaat: RapportFormaat,
): Promise<Uitslag<OpgeslagenDocument>> {
  if (actor) {
    const rol = vereisRol(actor, gemeente, LEZERS);
    if (!rol.ok) return rol;
  }
  const d = await leesDocument(db, gemeente, 'voortgangsrapportage', periodeSleutel(p), formaat);
  if (!d) return nietGevonden('voortgangsrapportage');
  await log(db, actor, gemeente, 'voortgangsrapportage-lezen', 'voortgangsrapportage', periodeSleutel(p));
  return gelukt(d);
}

/**
 * The scheduled job: for each gemeente, the report of the last period that ended before `vandaag`,
 * made if it is not stored yet. Idempotent: a second run, or a run after downtime, adds nothing twice.
 */
export async function voortgangTaak(db: Db, ctx: DocumentContext, vandaag: string) {
  const gemaakt: { gemeente: string; periode: string; nieuw: boolean }[] = [];
  for (const [gemeente, config] of [...ctx.configuratie.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const perJaar = config.voortgangsrapportage.periodenPerJaar;
    const huidig = periode(
      Number(vandaag.slice(0, 4)),
      Math.floor((Number(vandaag.slice(5, 7)) - 1) / (12 / perJaar)) + 1,
      perJaar,
    );
    const p = vorigePeriode(huidig);
    const r = await maakVoortgangsrapportage(db, ctx, undefined, gemeente, p);
    if (r.ok) gemaakt.push({ gemeente, periode: periodeSleutel(p), nieuw: r.waarde.nieuw });
  }
  return { vandaag, gemaakt };
}

/** The stored reports of a gemeente, newest first, each with its formats and hashes (not the bytes). */
export async function voortgangsrapportages(db: Db, actor: Actor | undefined, gemeente: string) {
  if (actor) {
    const rol = vereisRol(actor, gemeente, LEZERS);
    if (!rol.ok) return rol;
  }
  const rijen = await db
    .selectFrom('document')
    .select([
      'sleutel',
      'formaat',
      'mediatype',
      'sha256',
      'aangemaaktOp',
      sql<number>`length(inhoud)`.as('bytes'),
    ])
    .where('gemeente', '=', gemeente)
    .where('soort', '=', 'voortgangsrapportage')
    .orderBy('aangemaaktOp', 'desc')
    .orderBy('sleutel', 'desc')
    .orderBy('formaat')
    .execute();
  const per = new Map<
    string,
    {
      sleutel: string;
      jaar: number;
      periode: number;
      perJaar: number;
      aangemaaktOp: string;
      documenten: object[];
    }
  >();
  for (const r of rijen) {
    const m = /^(\d{4})-(\d{1,2})(?:\/(\d{1,2}))?$/.exec(r.sleutel);
    if (!m) continue;
    const e = per.get(r.sleutel) ?? {
      sleutel: r.sleutel,
      jaar: Number(m[1]),
      periode: Number(m[2]),
      perJaar: m[3] ? Number(m[3]) : 3,
      aangemaaktOp: r.aangemaaktOp.toISOString(),
      documenten: [],
    };
    e.documenten.push({
      formaat: r.formaat,
      mediatype: r.mediatype,
      sha256: r.sha256,
      bytes: Number(r.bytes),
      aangemaaktOp: r.aangemaaktOp.toISOString(),
    });
    per.set(r.sleutel, e);
  }
  return gelukt([...per.values()].sort((a, b) => b.jaar - a.jaar || b.periode - a.periode));
}
