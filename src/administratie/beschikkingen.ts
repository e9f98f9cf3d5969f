import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { z } from 'zod';
import { afwijkingOpenSchema, aanvraagOpenSchema, veldFouten } from '../casus/index.ts';
import type { Engine, Resultaat, VoorzieningUitkomst } from '../engine/index.ts';
import { bezwaartermijnEinde, isGeldigeDatum, plusDagen, plusMaanden } from '../kalender/index.ts';
import { bulkInsert, JsonTekst, jsonTekstVan, metJsonTekst } from '../opslag/bulk.ts';
import type { Db } from '../opslag/database.ts';
import { buitenVerzoek, inTransactie } from '../opslag/transactie.ts';
import { voerGebouwdUit } from '../opslag/voorbereid.ts';
import type { Regeling } from '../regelgeving/index.ts';
import { bedragTekst, datumTekst } from '../taal/index.ts';
import { AanvraagNietOpen, aanvraagBezwaar, sluitAanvragen } from './aanvragen.ts';
import { auditRij, log } from './audit.ts';
import { IdempotentieBezet, type IdempotentieClaim } from './idempotentie.ts';
import { type ArchiefStuk, archiefStukken, archiveer, versieVan } from './regelingarchief.ts';
import {
  boekGroepCtes,
  boekingVan,
  boekToekenningen,
  type Geboekt,
  geefBudgetVrij,
  geefDeelnemerVrij,
} from './budgetten.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { leesBeschikkingsfeiten } from './beschikkingsfeiten.ts';
import { feitenUit } from './inwoners.ts';
import { engineVoor } from './ontwerpen.ts';
import { lksMaandbedrag, lksPerioden, type TermijnBedrag, termijnenUit } from './termijnen.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

const datum = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });

export const beschikkingInvoerSchema = z.strictObject({
  inwonerId: z.uuid(),
  aanvraagId: z.uuid().optional(),
  soort: z.enum(['toekenning', 'afwijzing']),
  peildatum: datum,
  besluitdatum: datum.optional(),
  verzondenOp: datum.optional(),
  /** Checked by the engine against the gemeente's vocabulary (its declared facts and voorzieningen). */
  aanvraag: aanvraagOpenSchema(),
  /** The casemanager's answers to the judgement questions, each with its motivation. */
  oordelen: z
    .record(z.string(), z.strictObject({ antwoord: z.boolean(), motivering: z.string().trim().min(10) }))
    .optional(),
  /** Checked by the engine, with the case, against the gemeente's vocabulary. */
  afwijkingen: z.array(afwijkingOpenSchema()).optional(),
  /** Yearly cost for voorzieningen whose amount the rules do not compute (scholing, jobcoaching). */
  kostenPerJaarCent: z.number().int().min(0).optional(),
  motivering: z.string().trim().max(4000).optional(),
});

export type BeschikkingInvoer = z.output<typeof beschikkingInvoerSchema>;

export interface Beschikking {
  readonly id: string;
  readonly gemeente: string;
  readonly inwonerId: string;
  readonly soort: string;
  readonly voorziening: string;
  readonly uitkomst: string;
  readonly peildatum: string;
  readonly besluitdatum: string;
  readonly ingangsdatum: string | null;
  readonly einddatum: string | null;
  readonly jaarbedragCent: number;
  readonly regelingen: readonly { id: string; geldigVanaf: string; hash: string }[];
  readonly motivering: Record<string, unknown>;
  readonly resultaat: unknown;
  readonly beeindigingsgrond: string | null;
  readonly vorigeId: string | null;
}

/** A year's cost of a voorziening from its amounts: a premie per six months counts twice, a monthly amount twelve times. */
export function jaarbedrag(v: VoorzieningUitkomst, extra = 0): number {
  let totaal = extra;
  for (const b of Object.values(v.bedragen)) {
    if (b.cent === null || b.voorbehoud) continue;
    const m = /^(\d+) maanden$/.exec(b.per);
    totaal += b.per === 'maand' ? b.cent * 12 : m ? b.cent * Math.floor(12 / Number(m[1])) : b.cent;
  }
  return totaal;
}

/**
 * What a grant's budget booking releases when the grant ends early, on `einde` (its last day).
 *
 * The booking is one year of cost from the ingangsdatum (`jaarbedrag`): 12 × a monthly amount, the
 * premies per N months that fall due in those 12 months, yearly costs entered by hand, once-only
 * amounts once. Released is the part of that booked year the grant would still have used, up to its
 * planned end (`geplandEinde`, null when open-ended), but no longer will:
 * - per month, and for yearly costs pro rata: the whole months of the booked year, counted from the
 *   ingangsdatum, that begin after `einde` and on or before the planned end. The month in which the
 *   grant ends counts as used: it is paid for that month, so releasing it would show room in the
 *   budget for money that still goes out. Whole months rather than days, because the amounts are
 *   monthly amounts and a release by days would depend on the length of the month.
 * - per N months (a premie, art. 10a lid 6 Pw): each booked premie whose period was not completed by
 *   `einde` (its payment date minus one day is after it). Those are exactly the premie terms that
 *   lapse; a premie whose period ended on `einde` itself is earned and stays.
 * - once-only amounts: nothing (due at the start).
 * Yearly costs pro rata are rounded down to the cent, so never more is released than was booked.
 */
export function vrijval(
  v: VoorzieningUitkomst,
  geboektCent: number,
  einde: string,
  geplandEinde: string | null,
): { cent: number; maanden: number; premies: number; uitleg: string } {
  const ingang = v.termijnen.ingangsdatum;
  const maandenTot = (d: string | null) => {
    let n = 0;
    for (let k = 0; k < 12; k++) if (d === null || plusMaanden(ingang, k) <= d) n++;
    return n;
  };
  const maanden = Math.max(0, maandenTot(geplandEinde) - maandenTot(einde));
  let cent = 0;
  let premies = 0;
  let jaarlijks = Math.max(0, geboektCent - jaarbedrag(v));
  const delen: string[] = [];
  for (const [naam, b] of Object.entries(v.bedragen)) {
    if (b.cent === null || b.voorbehoud) continue;
    const periode = /^(\d+) maanden$/.exec(b.per);
    if (b.per === 'maand') {
      cent += b.cent * maanden;
      if (maanden > 0) delen.push(`${maanden} × ${bedragTekst(b.cent)} per maand`);
    } else if (periode) {
      const geboekt = v.termijnen.betaalmomenten
        .filter((m) => m.bedrag === naam)
        .map((m) => m.datum)
        .sort()
        .slice(0, Math.floor(12 / Number(periode[1])));
      const vervallen = geboekt.filter((d) => plusDagen(d, -1) > einde).length;
      premies += vervallen;
      cent += b.cent * vervallen;
      if (vervallen > 0) delen.push(`${vervallen} × ${bedragTekst(b.cent)} per ${b.per}`);
    } else if (b.per !== 'eenmalig') jaarlijks += b.cent;
  }
  const pro = Math.floor((jaarlijks * maanden) / 12);
  if (pro > 0) delen.push(`${maanden}/12 van ${bedragTekst(jaarlijks)} per jaar`);
  cent += pro;
  const uitleg =
    cent > 0
      ? `Beëindigd per ${datumTekst(einde)}: van de geboekte ${bedragTekst(geboektCent)} valt ${bedragTekst(cent)} vrij (${delen.join(' + ')}), het deel dat na de beëindiging niet meer wordt gebruikt.`
      : `Beëindigd per ${datumTekst(einde)}: van de geboekte ${bedragTekst(geboektCent)} valt niets vrij; het geboekte jaar is gebruikt of de voorziening liep niet langer.`;
  return { cent, maanden, premies, uitleg };
}

/**
 * A decision judged by the engine and ready to be written: everything the transaction needs, so the
 * transaction itself reads nothing but the budget rows it books against.
 */
export interface Voorstel {
  readonly actor: Actor;
  readonly gemeente: string;
  readonly invoer: BeschikkingInvoer;
  readonly casus: { gemeente: string; peildatum: string; feiten: Record<string, unknown>; aanvraag: unknown };
  readonly resultaat: Resultaat;
  readonly uitkomst: VoorzieningUitkomst;
  readonly bedrag: number;
  readonly ingangsdatum: string;
  readonly einddatum: string | null;
  readonly motivering: Readonly<Record<string, unknown>>;
  /** For a grant of loonkostensubsidie: the monthly amount of each period, by the period's first day. */
  readonly periodeBedragen?: ReadonlyMap<string, TermijnBedrag>;
  /** The exact regulation texts the judgement used, archived with the decision (herbeoordeling). */
  readonly archief?: readonly ArchiefStuk[];
  /** The request's Idempotency-Key: its answer is stored in the decision's own transaction. */
  readonly idempotentie?: IdempotentieClaim;
}

/**
 * Takes a decision. The engine judges the case built from the stored facts on the peildatum plus the
 * request and the answered judgements; a grant needs `toegestaan`, a refusal `afgewezen`. Budget,
 * decision, terms and audit are written in one transaction, so a crash leaves all or nothing.
 * Concurrent decisions on one store share a transaction (group commit, see `schrijver`).
 */
export async function neemBeschikking(
  db: Db,
  engine: Engine,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
  idempotentie?: IdempotentieClaim,
): Promise<Uitslag<Beschikking>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = leesInvoer(invoer);
  if (!p.ok) return p;
  return neemGelezenBeschikking(db, { vast: engine }, actor, gemeente, p.waarde, idempotentie);
}

/**
 * The engine a decision is judged by: this one as it is, or the one in force for the gemeente over
 * this file engine (`engineInWerking`), read in the same statement as the inwoner and the facts.
 */
export type EngineKeuze = { readonly vast: Engine } | { readonly inWerkingOver: Engine };

/**
 * `neemBeschikking` for input that already passed `beschikkingInvoerSchema` (the route's validator):
 * the schema is not run a second time on every decision.
 */
export async function neemGelezenBeschikking(
  db: Db,
  engine: EngineKeuze,
  actor: Actor,
  gemeente: string,
  invoer: BeschikkingInvoer,
  idempotentie?: IdempotentieClaim,
): Promise<Uitslag<Beschikking>> {
  const bereid = await bereidGelezen(db, engine, actor, gemeente, invoer);
  if (!bereid.ok) return bereid;
  const v = idempotentie ? { ...bereid.waarde, idempotentie } : bereid.waarde;
  try {
    if (db.isTransaction) return gelukt((await schrijfBeschikkingen(db, [v]))[0]!);
    return gelukt(await schrijver(db).schrijf(v));
  } catch (e) {
    // Checked before, but another decision on the same aanvraag can have committed in between.
    if (e instanceof AanvraagNietOpen)
      return mislukt({
        code: 'ongeldig',
        bericht: e.message,
        velden: [{ pad: 'aanvraagId', bericht: e.message }],
      });
    throw e;
  }
}

/** Everything of a decision that comes before the transaction: role, input, reads and the engine's judgement. */
export async function bereidBeschikking(
  db: Db,
  engine: Engine,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
): Promise<Uitslag<Voorstel>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = leesInvoer(invoer);
  if (!p.ok) return p;
  return bereidGelezen(db, { vast: engine }, actor, gemeente, p.waarde);
}

function leesInvoer(invoer: unknown): Uitslag<BeschikkingInvoer> {
  const p = beschikkingInvoerSchema.safeParse(invoer);
  if (p.success) return gelukt(p.data);
  return mislukt({
    code: 'ongeldig',
    bericht: 'ongeldige beschikking',
    velden: veldFouten(p.error.issues),
  });
}

async function bereidGelezen(
  db: Db,
  keuze: EngineKeuze,
  actor: Actor,
  gemeente: string,
  b: BeschikkingInvoer,
): Promise<Uitslag<Voorstel>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  // The inwoner, the facts in force on the peildatum and the adopted drafts in one read, shared with
  // the other decisions of this turn.
  const rijen = await leesBeschikkingsfeiten(db, {
    gemeente,
    inwonerId: b.inwonerId,
    peildatum: b.peildatum,
  });
  const inwoner = rijen[0];
  if (!inwoner) return nietGevonden('inwoner');
  const engine =
    'vast' in keuze
      ? keuze.vast
      : await engineVoor(db, keuze.inWerkingOver, gemeente, inwoner.inWerking.split(',').filter(Boolean));
  if (b.aanvraagId) {
    const bezwaar = await aanvraagBezwaar(db, gemeente, {
      aanvraagId: b.aanvraagId,
      inwonerId: b.inwonerId,
      voorziening: b.aanvraag.voorziening,
    });
    if (bezwaar) return mislukt({ code: 'ongeldig', bericht: bezwaar.bericht, velden: [bezwaar] });
  }
  const feiten = feitenUit(
    rijen.flatMap((r) => (r.naam === null ? [] : [{ naam: r.naam, waarde: r.waarde }])),
  );
  if (inwoner.geboortedatum) feiten.geboortedatum = inwoner.geboortedatum;
  if (b.oordelen)
    feiten.oordelen = Object.fromEntries(Object.entries(b.oordelen).map(([k, v]) => [k, v.antwoord]));
  if (b.afwijkingen) feiten.afwijkingen = b.afwijkingen;
  const casus = { gemeente, peildatum: b.peildatum, feiten, aanvraag: b.aanvraag };
  const r = engine.evalueer(casus);
  if (!r.ok) {
    const f = r.fout;
    return mislukt({
      code: 'ongeldig',
      bericht: 'bericht' in f ? f.bericht : 'ongeldige casus',
      ...(f.code === 'ongeldige-casus' ? { velden: f.fouten } : {}),
    });
  }
  const uitkomst = r.resultaat.voorzieningen[0]!;
  const vereist = b.soort === 'toekenning' ? 'toegestaan' : 'afgewezen';
  if (uitkomst.uitkomst !== vereist) {
    return mislukt({
      code: 'niet-toegestaan',
      bericht: `een ${b.soort} vraagt uitkomst '${vereist}', de regels geven '${uitkomst.uitkomst}'`,
      details: {
        uitkomst: uitkomst.uitkomst,
        vragen: uitkomst.vragen,
        ontbrekendeFeiten: uitkomst.ontbrekendeFeiten,
        gronden: uitkomst.gronden.filter((g) => g.voldaan !== true),
      },
    });
  }
  // Each period of a loonkostensubsidie gets the amount the engine gives on its first day; judged
  // here, outside the transaction, like the decision itself.
  const einde = uitkomst.termijnen.einddatum ?? uitkomst.termijnen.maximaleEinddatum;
  const periodeBedragen =
    b.soort === 'toekenning' && uitkomst.voorziening === 'loonkostensubsidie'
      ? new Map(
          lksPerioden(uitkomst.termijnen.ingangsdatum, einde).map((p) => [
            p.van,
            lksMaandbedrag(engine, casus, r.resultaat.regelingen, p.van),
          ]),
        )
      : undefined;
  return gelukt({
    actor,
    gemeente,
    invoer: b,
    casus,
    resultaat: r.resultaat,
    uitkomst,
    ...(periodeBedragen ? { periodeBedragen } : {}),
    archief: archiefStukken(engine.bibliotheek, r.resultaat.regelingen),
    bedrag: b.soort === 'toekenning' ? jaarbedrag(uitkomst, b.kostenPerJaarCent) : 0,
    ingangsdatum: uitkomst.termijnen.ingangsdatum,
    einddatum: uitkomst.termijnen.einddatum ?? uitkomst.termijnen.maximaleEinddatum,
    motivering: {
      ...(b.motivering ? { toelichting: b.motivering } : {}),
      ...(b.oordelen ? { oordelen: b.oordelen } : {}),
      ...(b.afwijkingen ? { afwijkingen: b.afwijkingen } : {}),
    },
  });
}

/**
 * Writes prepared decisions inside the caller's transaction: books the grants against their budgets
 * in order (a grant over a ceiling becomes a refusal with the ceiling article as ground), then inserts
 * decisions, budget mutations, terms, audit rows and the answers of keyed requests, each kind in one
 * part of one statement. When the grants book against one budget (the common case) the booking is in
 * that statement too, for the whole group at once; only a group that does not fit as a whole is
 * booked one by one first, in a second try that sees the ceiling.
 */
export async function schrijfBeschikkingen(
  trx: Db,
  voorstellen: readonly Voorstel[],
): Promise<Beschikking[]> {
  // First, before anything is written: a decision whose aanvraag is no longer open throws here.
  await sluitAanvragen(
    trx,
    voorstellen.flatMap((v) => (v.invoer.aanvraagId ? [v.invoer.aanvraagId] : [])),
  );
  const toekenningen = voorstellen.filter((v) => v.invoer.soort === 'toekenning');
  const boekingen = toekenningen.map((v) => ({
    gemeente: v.gemeente,
    jaar: Number(v.ingangsdatum.slice(0, 4)),
    voorziening: v.uitkomst.voorziening,
    bedragCent: v.bedrag,
  }));
  const budgetten = new Set(boekingen.map((b) => `${b.gemeente}\u0000${b.jaar}\u0000${b.voorziening}`));
  if (budgetten.size === 1) {
    const groep = {
      budget: boekingen[0]!,
      erbij: boekingen.reduce((som, b) => som + b.bedragCent, 0),
      nieuw: boekingen.length,
    };
    const geschreven = await schrijf(trx, voorstellen, { soort: 'groep', ...groep });
    if (geschreven) return geschreven;
  }
  const uit = await boekToekenningen(trx, boekingen);
  const geboekt = new Map(toekenningen.map((v, i) => [v, uit[i]!]));
  return (await schrijf(trx, voorstellen, { soort: 'apart', geboekt }))!;
}

type Boekwijze =
  /** Booked beforehand, grant by grant (`boekToekenningen`). */
  | { readonly soort: 'apart'; readonly geboekt: ReadonlyMap<Voorstel, Geboekt> }
  /** The whole group on one budget, in the statement itself (`boekGroepCtes`). */
  | {
      readonly soort: 'groep';
      readonly budget: Parameters<typeof boekGroepCtes>[0];
      readonly erbij: number;
      readonly nieuw: number;
    };

/** The one statement of `schrijfBeschikkingen`; undefined (nothing written) when the group did not fit. */
async function schrijf(
  trx: Db,
  voorstellen: readonly Voorstel[],
  wijze: Boekwijze,
): Promise<Beschikking[] | undefined> {
  const rijen = voorstellen.map((v) => {
    const b = v.invoer;
    const boeking = wijze.soort === 'apart' ? wijze.geboekt.get(v) : undefined;
    // The ceiling is a ground for refusal (e.g. Dinkelland art. 3): record the refusal, not the grant.
    const soort: 'toekenning' | 'afwijzing' = boeking && !boeking.ok ? 'afwijzing' : b.soort;
    const toegekend = soort === 'toekenning';
    const motivering = boeking && !boeking.ok ? { ...v.motivering, plafond: boeking.plafond } : v.motivering;
    const resultaat =
      boeking && !boeking.ok ? metPlafondGrond(v.resultaat, v.gemeente, boeking.plafond) : v.resultaat;
    const regelingen = v.resultaat.regelingen.map(({ id, geldigVanaf, hash }) => ({ id, geldigVanaf, hash }));
    const beschikking: Beschikking = {
      id: randomUUID(),
      gemeente: v.gemeente,
      inwonerId: b.inwonerId,
      soort,
      voorziening: v.uitkomst.voorziening,
      uitkomst: toegekend ? 'toegestaan' : 'afgewezen',
      peildatum: b.peildatum,
      besluitdatum: b.besluitdatum ?? b.peildatum,
      ingangsdatum: toegekend ? v.ingangsdatum : null,
      einddatum: toegekend ? v.einddatum : null,
      jaarbedragCent: toegekend ? v.bedrag : 0,
      regelingen,
      motivering,
      resultaat,
      beeindigingsgrond: null,
      vorigeId: null,
    };
    // The result is most of a decision's text: serialised once, for the row, the stored answer and
    // the response alike, in the key order of the object.
    const resultaatTekst = new JsonTekst(JSON.stringify(resultaat));
    const { resultaat: _, beeindigingsgrond, vorigeId, ...kop } = beschikking;
    const tekst = `${JSON.stringify(kop).slice(0, -1)},"resultaat":${resultaatTekst.tekst},${JSON.stringify({ beeindigingsgrond, vorigeId }).slice(1)}`;
    return {
      v,
      beschikking: metJsonTekst(beschikking, tekst),
      resultaatTekst,
      geboekt: boeking?.ok === true && boeking.geboekt,
    };
  });
  const toegekend = rijen.filter((r) => r.beschikking.soort === 'toekenning');
  const termijnen = rijen.flatMap(({ v, beschikking: x }) => [
    ...(x.soort === 'toekenning'
      ? termijnenUit(v.uitkomst, { gemeente: x.gemeente, beschikkingId: x.id, inwonerId: x.inwonerId }, (d) =>
          v.periodeBedragen?.get(d),
        )
      : []),
    ...(v.invoer.verzondenOp ? [bezwaartermijn(x.gemeente, x.id, x.inwonerId, v.invoer.verzondenOp)] : []),
  ]);
  // The answers of keyed requests commit with their decisions: a retry after a crash replays them.
  const antwoorden = rijen.flatMap(({ v, beschikking }) =>
    v.idempotentie
      ? [{ ...v.idempotentie, status: 201, antwoord: new JsonTekst(jsonTekstVan(beschikking)!) }]
      : [],
  );
  const archief = new Map(rijen.flatMap(({ v }) => (v.archief ?? []).map((a) => [a.hash, a] as const)));
  const groep = wijze.soort === 'groep';
  const opties = groep ? { alleenAls: sql`(select ok from boeking)` } : {};
  // One statement for all rows of all decisions: per decision this path is the hot one under load.
  // Foreign keys are checked at the end of the statement, when every part has been inserted.
  const { rows } = await voerGebouwdUit(
    trx,
    'beschikkingen',
    sql<{ ok: boolean; vastgelegd: number; ontbrekend: string[] }>`with
    ${groep ? sql`${boekGroepCtes(wijze.budget, wijze.erbij, wijze.nieuw)},` : sql``}
    b as (${bulkInsert(
      'beschikking',
      BESCHIKKING_KOLOMMEN,
      rijen.map(({ v, beschikking: x, resultaatTekst }) => ({
        ...x,
        resultaat: resultaatTekst,
        aanvraagId: v.invoer.aanvraagId ?? null,
        verzondenOp: v.invoer.verzondenOp ?? null,
        casus: v.casus,
        genomenDoor: v.actor.gebruikerId,
      })),
      opties,
    )}),
    m as (${bulkInsert(
      'budgetmutatie',
      MUTATIE_KOLOMMEN,
      toegekend.map(({ v, beschikking: x, geboekt }) => ({
        gemeente: x.gemeente,
        jaar: Number(v.ingangsdatum.slice(0, 4)),
        voorziening: x.voorziening,
        soort: 'toekenning',
        bedragCent: x.jaarbedragCent,
        beschikkingId: x.id,
        door: v.actor.gebruikerId,
        geboekt,
      })),
      groep ? { ...opties, expressies: { geboekt: sql`(select geboekt from boeking)` } } : {},
    )}),
    t as (${bulkInsert('termijn', TERMIJN_KOLOMMEN, termijnen, opties)}),
    a as (${bulkInsert(
      'audit',
      AUDIT_KOLOMMEN,
      rijen.map(({ v, beschikking: x }) =>
        auditRij({
          actor: v.actor,
          gemeente: x.gemeente,
          actie: x.soort,
          object: 'beschikking',
          objectId: x.id,
        }),
      ),
      opties,
    )}),
    k as (${bulkInsert('idempotentie', IDEMPOTENTIE_KOLOMMEN, antwoorden, opties)}
      on conflict (gebruiker_id, sleutel) do nothing returning 1)
    select ${groep ? sql`(select ok from boeking)` : sql`true`} as ok,
      (select count(*) from k)::int as vastgelegd,
      array(select h from unnest(${[...archief.keys()]}::text[]) as h
        where not exists (select 1 from regelingarchief r where r.hash = h)) as ontbrekend`,
  );
  const uitslag = rows[0]!;
  if (!uitslag.ok) return undefined;
  // A concurrent duplicate stored its answer first: this transaction must not commit.
  if (uitslag.vastgelegd !== antwoorden.length) throw new IdempotentieBezet();
  // The texts are sent only when the store does not have them yet (the first decision on a version).
  const ontbrekend = new Set(uitslag.ontbrekend);
  await archiveer(
    trx,
    [...archief.values()].filter((a) => ontbrekend.has(a.hash)),
  );
  return rijen.map((r) => r.beschikking);
}

const BESCHIKKING_KOLOMMEN = {
  id: 'uuid',
  gemeente: 'text',
  inwonerId: 'uuid',
  aanvraagId: 'uuid',
  vorigeId: 'uuid',
  soort: 'text',
  voorziening: 'text',
  peildatum: 'date',
  besluitdatum: 'date',
  verzondenOp: 'date',
  ingangsdatum: 'date',
  einddatum: 'date',
  uitkomst: 'text',
  casus: 'jsonb',
  resultaat: 'jsonb',
  regelingen: 'jsonb',
  motivering: 'jsonb',
  beeindigingsgrond: 'text',
  jaarbedragCent: 'bigint',
  genomenDoor: 'uuid',
};
const MUTATIE_KOLOMMEN = {
  gemeente: 'text',
  jaar: 'integer',
  voorziening: 'text',
  soort: 'text',
  bedragCent: 'bigint',
  beschikkingId: 'uuid',
  besluit: 'text',
  door: 'uuid',
  geboekt: 'boolean',
};
const TERMIJN_KOLOMMEN = {
  gemeente: 'text',
  beschikkingId: 'uuid',
  inwonerId: 'uuid',
  soort: 'text',
  datum: 'date',
  artikel: 'text',
  regeling: 'text',
  omschrijving: 'text',
  bedragCent: 'bigint',
  bedragReden: 'text',
};
const IDEMPOTENTIE_KOLOMMEN = {
  gebruikerId: 'uuid',
  sleutel: 'text',
  verzoek: 'text',
  status: 'integer',
  antwoord: 'jsonb',
};
const AUDIT_KOLOMMEN = {
  gebruikerId: 'uuid',
  gemeente: 'text',
  actie: 'text',
  object: 'text',
  objectId: 'text',
  doel: 'text',
};

const bezwaartermijn = (gemeente: string, beschikkingId: string, inwonerId: string, verzondenOp: string) => ({
  gemeente,
  beschikkingId,
  inwonerId,
  soort: 'bezwaartermijn',
  datum: bezwaartermijnEinde(verzondenOp),
  artikel: '6:7',
  regeling: 'awb',
  omschrijving: 'Laatste dag om bezwaar te maken (6 weken na verzending, art. 6:7 en 6:8 Awb).',
  bedragCent: null,
  afgehandeldOp: null,
  afgehandeldDoor: null,
  toelichting: null,
});

/**
 * Group commit: decisions taken at the same time on one store are written in one transaction. Each
 * grant serialises on its budget row until its commit is on disk, so one commit per grant caps a
 * budget at one grant per disk flush; a shared commit books the whole group per flush. A caller is
 * answered only after the commit that holds its decision; a failing group is retried one by one, so
 * one bad decision cannot take the others down.
 */
const MAX_GROEP = 100;
const schrijvers = new WeakMap<Db, { schrijf(v: Voorstel): Promise<Beschikking> }>();

function schrijver(db: Db) {
  let s = schrijvers.get(db);
  if (s) return s;
  const wachtend: { v: Voorstel; klaar: (b: Beschikking) => void; faal: (e: unknown) => void }[] = [];
  let bezig = false;
  const alleen = (v: Voorstel) =>
    db.transaction().execute(async (trx) => (await schrijfBeschikkingen(trx, [v]))[0]!);
  const pomp = async () => {
    bezig = true;
    try {
      while (wachtend.length > 0) {
        const groep = wachtend.splice(0, MAX_GROEP);
        try {
          const uit =
            groep.length === 1
              ? [await alleen(groep[0]!.v)]
              : await db.transaction().execute((trx) =>
                  schrijfBeschikkingen(
                    trx,
                    groep.map((g) => g.v),
                  ),
                );
          groep.forEach((g, i) => g.klaar(uit[i]!));
        } catch (e) {
          if (groep.length === 1) groep[0]!.faal(e);
          else
            for (const g of groep) {
              await alleen(g.v).then(g.klaar, g.faal);
            }
        }
      }
    } finally {
      bezig = false;
    }
  };
  s = {
    schrijf: (v) =>
      new Promise<Beschikking>((klaar, faal) => {
        wachtend.push({ v, klaar, faal });
        // The pump serves many requests: it must not join the transaction of the one that woke it.
        if (!bezig) buitenVerzoek(() => void pomp());
      }),
  };
  schrijvers.set(db, s);
  return s;
}

function metPlafondGrond(
  r: Resultaat,
  gemeente: string,
  plafond: { artikel: string; regeling: string; uitleg: string },
): Resultaat {
  const [v, ...rest] = r.voorzieningen;
  if (!v) return r;
  const grond = {
    regeling: plafond.regeling || gemeente,
    artikel: plafond.artikel,
    uitleg: plafond.uitleg,
    voldaan: false,
    feiten: {},
    soort: 'voorwaarde' as const,
  };
  return { ...r, voorzieningen: [{ ...v, uitkomst: 'afgewezen', gronden: [...v.gronden, grond] }, ...rest] };
}

type BeschikkingRij = Awaited<ReturnType<typeof leesRij>>;
async function leesRij(db: Db, gemeente: string, id: string) {
  return db
    .selectFrom('beschikking')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('id', '=', id)
    .executeTakeFirst();
}

function naarBeschikking(r: NonNullable<BeschikkingRij>): Beschikking {
  return {
    id: r.id,
    gemeente: r.gemeente,
    inwonerId: r.inwonerId,
    soort: r.soort,
    voorziening: r.voorziening,
    uitkomst: r.uitkomst,
    peildatum: r.peildatum,
    besluitdatum: r.besluitdatum,
    ingangsdatum: r.ingangsdatum,
    einddatum: r.einddatum,
    jaarbedragCent: Number(r.jaarbedragCent),
    regelingen: r.regelingen,
    motivering: r.motivering,
    resultaat: r.resultaat,
    beeindigingsgrond: r.beeindigingsgrond,
    vorigeId: r.vorigeId,
  };
}

export async function leesBeschikking(
  db: Db,
  actor: Actor,
  gemeente: string,
  id: string,
): Promise<Uitslag<Beschikking>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  if (!z.uuid().safeParse(id).success) return nietGevonden('beschikking');
  const r = await leesRij(db, gemeente, id);
  if (!r) return nietGevonden('beschikking');
  await log(db, actor, gemeente, 'lezen', 'beschikking', id, r.inwonerId);
  return gelukt(naarBeschikking(r));
}

export async function beschikkingenVan(db: Db, actor: Actor, gemeente: string, inwonerId: string) {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  // An inwoner of another gemeente (or none) is not found, rather than shown without decisions.
  if (!z.uuid().safeParse(inwonerId).success) return nietGevonden('inwoner');
  const inwoner = await db
    .selectFrom('inwoner')
    .select('id')
    .where('gemeente', '=', gemeente)
    .where('id', '=', inwonerId)
    .executeTakeFirst();
  if (!inwoner) return nietGevonden('inwoner');
  const rijen = await db
    .selectFrom('beschikking')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('inwonerId', '=', inwonerId)
    .orderBy('besluitdatum')
    .orderBy('aangemaaktOp')
    .execute();
  await log(db, actor, gemeente, 'lijst-lezen', 'beschikking', null, inwonerId);
  return gelukt(rijen.map(naarBeschikking));
}

/**
 * Re-evaluates a stored decision with the regulation versions it recorded (by hash) and compares:
 * a decision must be reproducible years later.
 */
export async function herbeoordeel(db: Db, engine: Engine, actor: Actor, gemeente: string, id: string) {
  const gelezen = await leesBeschikking(db, actor, gemeente, id);
  if (!gelezen.ok) return gelezen;
  const rij = await leesRij(db, gemeente, id);
  const vervang = new Map<string, Regeling>();
  for (const reg of gelezen.waarde.regelingen) {
    // The library, or the archived text when the file has changed since (regelingarchief.ts).
    const versie = await versieVan(db, engine.bibliotheek, reg.id, reg.hash);
    if (!versie)
      return mislukt({
        code: 'conflict',
        bericht: `de versie van ${reg.id} (${reg.geldigVanaf}, ${reg.hash.slice(0, 12)}) is niet meer geladen`,
      });
    vervang.set(reg.id, versie);
  }
  const opnieuw = engine.evalueer(rij!.casus, { vervang, ontwerp: true });
  if (!opnieuw.ok)
    return mislukt({ code: 'conflict', bericht: 'de opgeslagen casus is niet meer te beoordelen' });
  const oud = (gelezen.waarde.resultaat as Resultaat).voorzieningen[0]!;
  const nieuw = opnieuw.resultaat.voorzieningen[0]!;
  const verschillen: string[] = [];
  if (
    oud.uitkomst !== nieuw.uitkomst &&
    !(gelezen.waarde.motivering.plafond && nieuw.uitkomst === 'toegestaan')
  )
    verschillen.push(`uitkomst ${oud.uitkomst} → ${nieuw.uitkomst}`);
  // jsonb does not keep key order, so compare structurally.
  if (!isDeepStrictEqual(oud.bedragen, JSON.parse(JSON.stringify(nieuw.bedragen))))
    verschillen.push('bedragen verschillen');
  if (!isDeepStrictEqual(oud.termijnen, JSON.parse(JSON.stringify(nieuw.termijnen))))
    verschillen.push('termijnen verschillen');
  return gelukt({ gelijk: verschillen.length === 0, verschillen, opgeslagen: oud, opnieuw: nieuw });
}

const alBeeindigd = async (db: Db, id: string) =>
  (await db
    .selectFrom('beschikking')
    .select('id')
    .where('vorigeId', '=', id)
    .where('soort', '=', 'beeindiging')
    .executeTakeFirst()) !== undefined;

const beeindigingSchema = z.strictObject({
  datum,
  grond: z.string().regex(/^[a-z][a-z0-9-]{0,60}$/),
  motivering: z.string().trim().min(10),
  verzondenOp: datum.optional(),
});

/** Ends a granted voorziening on one of the grounds of the ordinance in force (Dinkelland art. 4 lid 3, Zevenaar art. 3). */
export async function beeindig(
  db: Db,
  engine: Engine,
  actor: Actor,
  gemeente: string,
  id: string,
  invoer: unknown,
): Promise<Uitslag<Beschikking>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = beeindigingSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldige beëindiging',
      velden: veldFouten(p.error.issues),
    });
  if (!z.uuid().safeParse(id).success) return nietGevonden('beschikking');
  const oud = await leesRij(db, gemeente, id);
  if (!oud) return nietGevonden('beschikking');
  if (oud.soort !== 'toekenning' && oud.soort !== 'wijziging')
    return mislukt({ code: 'conflict', bericht: 'alleen een toegekende voorziening kan worden beëindigd' });
  if (await alBeeindigd(db, id))
    return mislukt({ code: 'conflict', bericht: 'deze voorziening is al beëindigd' });
  const plan = engine.planOp(gemeente, p.data.datum);
  if (!plan.ok)
    return mislukt({
      code: 'ongeldig',
      bericht: 'bericht' in plan.fout ? plan.fout.bericht : 'geen regeling',
    });
  const gronden = plan.plan.gemeenteRegelingen.flatMap((r) =>
    (r.beeindigingsgronden ?? []).map((g) => ({ ...g, regeling: r.id })),
  );
  const grond = gronden.find((g) => g.code === p.data.grond);
  if (!grond) {
    return mislukt({
      code: 'ongeldig',
      bericht: `grond '${p.data.grond}' staat niet in de regeling; mogelijk: ${gronden.map((g) => g.code).join(', ') || 'geen'}`,
      velden: [{ pad: 'grond', bericht: 'onbekende beëindigingsgrond' }],
    });
  }
  return inTransactie(db, async (trx) => {
    // One ending per grant, also when two arrive at once: the second waits for this lock, then finds
    // the first, so the budget is released once.
    await trx.selectFrom('beschikking').select('id').where('id', '=', id).forUpdate().execute();
    if (await alBeeindigd(trx, id))
      return mislukt({ code: 'conflict', bericht: 'deze voorziening is al beëindigd' });
    const boeking = await boekingVan(trx, gemeente, id);
    const uitkomst = (oud.resultaat as Resultaat).voorzieningen[0];
    const vrij =
      boeking && uitkomst ? vrijval(uitkomst, boeking.bedragCent, p.data.datum, oud.einddatum) : undefined;
    const rij = await trx
      .insertInto('beschikking')
      .values({
        gemeente,
        inwonerId: oud.inwonerId,
        aanvraagId: oud.aanvraagId,
        vorigeId: oud.id,
        soort: 'beeindiging',
        voorziening: oud.voorziening,
        peildatum: p.data.datum,
        besluitdatum: p.data.datum,
        verzondenOp: p.data.verzondenOp ?? null,
        ingangsdatum: oud.ingangsdatum,
        einddatum: p.data.datum,
        uitkomst: 'beeindigd',
        casus: JSON.stringify(oud.casus),
        resultaat: JSON.stringify(oud.resultaat),
        regelingen: JSON.stringify(oud.regelingen),
        motivering: JSON.stringify({
          grond: {
            code: grond.code,
            omschrijving: grond.omschrijving,
            artikel: `${grond.artikel}${grond.lid ? ` lid ${grond.lid}` : ''}${grond.onder ? ` onder ${grond.onder}` : ''}`,
            regeling: grond.regeling,
          },
          toelichting: p.data.motivering,
          ...(boeking && vrij
            ? {
                vrijval: {
                  jaar: boeking.jaar,
                  geboektCent: boeking.bedragCent,
                  cent: vrij.cent,
                  maanden: vrij.maanden,
                  premies: vrij.premies,
                  uitleg: vrij.uitleg,
                },
              }
            : {}),
        }),
        beeindigingsgrond: grond.code,
        jaarbedragCent: 0,
        genomenDoor: actor.gebruikerId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Terms after the last day lapse; a premie only if its period was not completed by then (it falls
    // due the day after the period, so a period ending on the last day has earned its premie).
    await trx
      .updateTable('termijn')
      .set({ status: 'vervallen' })
      .where('beschikkingId', '=', id)
      .where('status', '=', 'open')
      .where('datum', '>', p.data.datum)
      .where((eb) => eb.or([eb('soort', '<>', 'premie'), eb('datum', '>', plusDagen(p.data.datum, 1))]))
      .execute();
    if (boeking?.geboekt) await geefDeelnemerVrij(trx, gemeente, boeking.jaar, boeking.voorziening);
    if (boeking && vrij)
      await geefBudgetVrij(trx, {
        gemeente,
        jaar: boeking.jaar,
        voorziening: boeking.voorziening,
        bedragCent: vrij.cent,
        geboekt: boeking.geboekt,
        beschikkingId: rij.id,
        besluit: vrij.uitleg,
        door: actor.gebruikerId,
      });
    if (p.data.verzondenOp) {
      await trx
        .insertInto('termijn')
        .values({
          gemeente,
          beschikkingId: rij.id,
          inwonerId: oud.inwonerId,
          soort: 'bezwaartermijn',
          datum: bezwaartermijnEinde(p.data.verzondenOp),
          artikel: '6:7',
          regeling: 'awb',
          omschrijving: 'Laatste dag om bezwaar te maken (6 weken na verzending, art. 6:7 en 6:8 Awb).',
          bedragCent: null,
          afgehandeldOp: null,
          afgehandeldDoor: null,
          toelichting: null,
        })
        .execute();
    }
    await log(trx, actor, gemeente, 'beeindiging', 'beschikking', rij.id);
    return gelukt(naarBeschikking(rij));
  });
}
