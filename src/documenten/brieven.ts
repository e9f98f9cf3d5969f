import { z } from 'zod';
import { log } from '../administratie/audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from '../administratie/fouten.ts';
import { LKS_PERIODE_SOORTEN } from '../administratie/termijnen.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from '../administratie/toegang.ts';
import type { Db } from '../opslag/database.ts';
import { inTransactie } from '../opslag/transactie.ts';
import type { Bibliotheek } from '../regelgeving/index.ts';
import { briefHtml } from './brief-html.ts';
import { type BriefBron, briefInhoud, kenmerkVan } from './brief-inhoud.ts';
import { briefPdf } from './brief-pdf.ts';
import type { DocumentConfiguratie } from './configuratie.ts';
import { bewaarDocumenten, documentenVan, leesDocument, type OpgeslagenDocument } from './opslag.ts';

/** What the document modules need besides the store: the regulations and each gemeente's settings. */
export interface DocumentContext {
  readonly bibliotheek: Bibliotheek;
  readonly configuratie: ReadonlyMap<string, DocumentConfiguratie>;
}

export const BRIEF_FORMATEN = { pdf: 'application/pdf', html: 'text/html; charset=utf-8' } as const;
export type BriefFormaat = keyof typeof BRIEF_FORMATEN;

/** A letter is of a beschikking, or of the decision on a bezwaar against it. */
export type BriefVan = { readonly beschikkingId: string; readonly bezwaarId?: string | undefined };

const isUuid = (id: string) => z.uuid().safeParse(id).success;
const sleutelVan = (v: BriefVan) =>
  v.bezwaarId ? `${v.beschikkingId}/bezwaar:${v.bezwaarId}` : v.beschikkingId;

/** Everything a letter is built from, read from the store as it was written. */
async function leesBron(
  db: Db,
  ctx: DocumentContext,
  gemeente: string,
  v: BriefVan,
): Promise<Uitslag<BriefBron & { inwonerId: string }>> {
  if (!isUuid(v.beschikkingId) || (v.bezwaarId !== undefined && !isUuid(v.bezwaarId)))
    return nietGevonden(v.bezwaarId ? 'bezwaar' : 'beschikking');
  const b = await db
    .selectFrom('beschikking as b')
    .innerJoin('inwoner as i', (j) => j.onRef('i.id', '=', 'b.inwonerId').on('i.gemeente', '=', gemeente))
    .innerJoin('gemeente as g', 'g.slug', 'b.gemeente')
    .select([
      'b.id',
      'b.soort',
      'b.voorziening',
      'b.besluitdatum',
      'b.verzondenOp',
      'b.ingangsdatum',
      'b.einddatum',
      'b.casus',
      'b.resultaat',
      'b.motivering',
      'b.regelingen',
      'b.vorigeId',
      'b.inwonerId',
      'i.naam',
      'g.naam as gemeenteNaam',
      'g.cbsCode',
    ])
    .where('b.gemeente', '=', gemeente)
    .where('b.id', '=', v.beschikkingId)
    .executeTakeFirst();
  if (!b) return nietGevonden('beschikking');
  const vorige = b.vorigeId
    ? await db
        .selectFrom('beschikking')
        .select(['id', 'besluitdatum'])
        .where('gemeente', '=', gemeente)
        .where('id', '=', b.vorigeId)
        .executeTakeFirst()
    : undefined;
  const termijnen = await db
    .selectFrom('termijn')
    .select(['datum', 'bedragCent', 'bedragReden', 'artikel', 'regeling'])
    .where('gemeente', '=', gemeente)
    .where('beschikkingId', '=', b.id)
    .where('soort', 'in', LKS_PERIODE_SOORTEN)
    .orderBy('datum')
    .execute();
  let bezwaar: BriefBron['bezwaar'];
  if (v.bezwaarId) {
    const z_ = await db
      .selectFrom('bezwaar')
      .select(['id', 'ontvangenOp', 'termijnEinde', 'tijdig', 'uitkomst', 'beslistOp', 'toelichting'])
      .where('gemeente', '=', gemeente)
      .where('beschikkingId', '=', b.id)
      .where('id', '=', v.bezwaarId)
      .executeTakeFirst();
    if (!z_) return nietGevonden('bezwaar');
    if (!z_.uitkomst || !z_.beslistOp)
      return mislukt({
        code: 'conflict',
        bericht: 'op dit bezwaar is nog niet beslist; er is nog geen brief',
      });
    bezwaar = { ...z_, uitkomst: z_.uitkomst, beslistOp: z_.beslistOp };
  }
  return gelukt({
    inwonerId: b.inwonerId,
    beschikking: { ...b, soort: b.soort },
    ...(vorige
      ? {
          vorige: {
            besluitdatum: vorige.besluitdatum,
            kenmerk: kenmerkVan(b.cbsCode, vorige.besluitdatum.slice(0, 4), vorige.id),
          },
        }
      : {}),
    inwoner: { naam: b.naam },
    gemeente: { naam: b.gemeenteNaam, cbsCode: b.cbsCode },
    periodeBedragen: termijnen.map((t) => ({
      ...t,
      bedragCent: t.bedragCent === null ? null : Number(t.bedragCent),
    })),
    ...(bezwaar ? { bezwaar } : {}),
  });
}

const uitvoeringVan = (ctx: DocumentContext, gemeente: string) =>
  ctx.bibliotheek.regelingen.find((r) => r.gemeente?.slug === gemeente && r.gemeente.uitvoeringsorganisatie)
    ?.gemeente?.uitvoeringsorganisatie;

/**
 * Makes the letter of a stored decision (PDF and HTML) once and stores both with their hashes; a
 * second call returns the stored letter unchanged. Making it reads the inwoner's name: audited.
 * Without `actor` it is the system (a scheduled job or the command line).
 */
export async function maakBrief(
  db: Db,
  ctx: DocumentContext,
  actor: Actor | undefined,
  gemeente: string,
  van: BriefVan,
): Promise<Uitslag<{ nieuw: boolean; kenmerk: string; documenten: OpgeslagenDocument[] }>> {
  if (actor) {
    const rol = vereisRol(actor, gemeente, BESLISSERS);
    if (!rol.ok) return rol;
  }
  const config = ctx.configuratie.get(gemeente);
  if (!config)
    return mislukt({
      code: 'conflict',
      bericht: `geen afzendergegevens voor gemeente '${gemeente}' (configuratie/documenten/${gemeente}.yaml)`,
    });
  const bron = await leesBron(db, ctx, gemeente, van);
  if (!bron.ok) return bron;
  const inhoud = briefInhoud(bron.waarde, config, ctx.bibliotheek, uitvoeringVan(ctx, gemeente));
  const al = await documentenVan(db, gemeente, 'brief', sleutelVan(van));
  if (al.length === Object.keys(BRIEF_FORMATEN).length) {
    // Stored already: the stored letter is the letter, and rendering it again would only cost time.
    await log(
      db,
      actor,
      gemeente,
      'brief-opnieuw-gevraagd',
      van.bezwaarId ? 'bezwaar' : 'beschikking',
      van.bezwaarId ?? van.beschikkingId,
      bron.waarde.inwonerId,
    );
    return gelukt({ nieuw: false, kenmerk: inhoud.kenmerk, documenten: al });
  }
  const pdf = await briefPdf(inhoud);
  const html = Buffer.from(briefHtml(inhoud), 'utf8');
  const bewaard = await inTransactie(db, async (trx) => {
    const r = await bewaarDocumenten(trx, {
      gemeente,
      soort: 'brief',
      sleutel: sleutelVan(van),
      door: actor?.gebruikerId ?? null,
      weergaven: [
        { formaat: 'pdf', mediatype: BRIEF_FORMATEN.pdf, inhoud: pdf },
        { formaat: 'html', mediatype: BRIEF_FORMATEN.html, inhoud: html },
      ],
    });
    await log(
      trx,
      actor,
      gemeente,
      r.nieuw ? 'brief-maken' : 'brief-opnieuw-gevraagd',
      van.bezwaarId ? 'bezwaar' : 'beschikking',
      van.bezwaarId ?? van.beschikkingId,
      bron.waarde.inwonerId,
    );
    return r;
  });
  return gelukt({ nieuw: bewaard.nieuw, kenmerk: inhoud.kenmerk, documenten: bewaard.documenten });
}

/** Serves a stored letter byte for byte; reading it is audited (it holds personal data). */
export async function leesBrief(
  db: Db,
  actor: Actor | undefined,
  gemeente: string,
  van: BriefVan,
  formaat: BriefFormaat,
): Promise<Uitslag<OpgeslagenDocument>> {
  if (actor) {
    const rol = vereisRol(actor, gemeente, LEZERS);
    if (!rol.ok) return rol;
  }
  if (!isUuid(van.beschikkingId) || (van.bezwaarId !== undefined && !isUuid(van.bezwaarId)))
    return nietGevonden('brief');
  const d = await leesDocument(db, gemeente, 'brief', sleutelVan(van), formaat);
  if (!d) return nietGevonden('brief');
  // The letter names the inwoner: the read is recorded against them, so "who saw this person" finds it.
  const b = await db
    .selectFrom('beschikking')
    .select('inwonerId')
    .where('gemeente', '=', gemeente)
    .where('id', '=', van.beschikkingId)
    .executeTakeFirst();
  await log(
    db,
    actor,
    gemeente,
    'brief-lezen',
    van.bezwaarId ? 'bezwaar' : 'beschikking',
    van.bezwaarId ?? van.beschikkingId,
    b?.inwonerId ?? null,
  );
  return gelukt(d);
}
