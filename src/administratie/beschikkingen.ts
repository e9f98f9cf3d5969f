import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { afwijkingSchema, aanvraagSchema, veldFouten } from '../casus/index.ts';
import type { Engine, Resultaat, VoorzieningUitkomst } from '../engine/index.ts';
import { bezwaartermijnEinde, isGeldigeDatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import type { Regeling } from '../regelgeving/index.ts';
import { log } from './audit.ts';
import { boekToekenning, geefDeelnemerVrij } from './budgetten.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { feitenOp } from './inwoners.ts';
import { termijnenUit } from './termijnen.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

const datum = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });

export const beschikkingInvoerSchema = z.strictObject({
  inwonerId: z.uuid(),
  aanvraagId: z.uuid().optional(),
  soort: z.enum(['toekenning', 'afwijzing']),
  peildatum: datum,
  besluitdatum: datum.optional(),
  verzondenOp: datum.optional(),
  aanvraag: aanvraagSchema,
  /** The casemanager's answers to the judgement questions, each with its motivation. */
  oordelen: z
    .record(z.string(), z.strictObject({ antwoord: z.boolean(), motivering: z.string().trim().min(10) }))
    .optional(),
  afwijkingen: z.array(afwijkingSchema).optional(),
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
 * Takes a decision. The engine judges the case built from the stored facts on the peildatum plus the
 * request and the answered judgements; a grant needs `toegestaan`, a refusal `afgewezen`. Budget,
 * decision, terms and audit are written in one transaction, so a crash leaves all or nothing.
 */
export async function neemBeschikking(
  db: Db,
  engine: Engine,
  actor: Actor,
  gemeente: string,
  invoer: unknown,
): Promise<Uitslag<Beschikking>> {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = beschikkingInvoerSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldige beschikking',
      velden: veldFouten(p.error.issues),
    });
  const b = p.data;
  const inwoner = await db
    .selectFrom('inwoner')
    .select(['id', 'geboortedatum'])
    .where('gemeente', '=', gemeente)
    .where('id', '=', b.inwonerId)
    .executeTakeFirst();
  if (!inwoner) return nietGevonden('inwoner');
  if (b.aanvraagId) {
    const a = await db
      .selectFrom('aanvraag')
      .select('id')
      .where('gemeente', '=', gemeente)
      .where('id', '=', b.aanvraagId)
      .where('inwonerId', '=', b.inwonerId)
      .executeTakeFirst();
    if (!a) return nietGevonden('aanvraag');
  }
  const feiten: Record<string, unknown> = { ...(await feitenOp(db, gemeente, b.inwonerId, b.peildatum)) };
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
  const bedrag = b.soort === 'toekenning' ? jaarbedrag(uitkomst, b.kostenPerJaarCent) : 0;
  const ingangsdatum = uitkomst.termijnen.ingangsdatum;
  const einddatum = uitkomst.termijnen.einddatum ?? uitkomst.termijnen.maximaleEinddatum;
  const besluitdatum = b.besluitdatum ?? b.peildatum;
  const motivering: Record<string, unknown> = {
    ...(b.motivering ? { toelichting: b.motivering } : {}),
    ...(b.oordelen ? { oordelen: b.oordelen } : {}),
    ...(b.afwijkingen ? { afwijkingen: b.afwijkingen } : {}),
  };

  return db.transaction().execute(async (trx) => {
    let soort: 'toekenning' | 'afwijzing' = b.soort;
    let resultaat: Resultaat = r.resultaat;
    if (soort === 'toekenning') {
      const boeking = await boekToekenning(
        trx,
        gemeente,
        Number(ingangsdatum.slice(0, 4)),
        uitkomst.voorziening,
        bedrag,
      );
      if (!boeking.ok) {
        // The ceiling is a ground for refusal (e.g. Dinkelland art. 3): record the refusal, not the grant.
        soort = 'afwijzing';
        motivering.plafond = boeking.plafond;
        resultaat = metPlafondGrond(r.resultaat, gemeente, boeking.plafond);
      }
    }
    const rij = await trx
      .insertInto('beschikking')
      .values({
        gemeente,
        inwonerId: b.inwonerId,
        aanvraagId: b.aanvraagId ?? null,
        vorigeId: null,
        soort,
        voorziening: uitkomst.voorziening,
        peildatum: b.peildatum,
        besluitdatum,
        verzondenOp: b.verzondenOp ?? null,
        ingangsdatum: soort === 'toekenning' ? ingangsdatum : null,
        einddatum: soort === 'toekenning' ? einddatum : null,
        uitkomst: soort === 'toekenning' ? 'toegestaan' : 'afgewezen',
        casus: JSON.stringify(casus),
        resultaat: JSON.stringify(resultaat),
        regelingen: JSON.stringify(
          r.resultaat.regelingen.map(({ id, geldigVanaf, hash }) => ({ id, geldigVanaf, hash })),
        ),
        motivering: JSON.stringify(motivering),
        jaarbedragCent: soort === 'toekenning' ? bedrag : 0,
        genomenDoor: actor.gebruikerId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (soort === 'toekenning') {
      await trx
        .insertInto('budgetmutatie')
        .values({
          gemeente,
          jaar: Number(ingangsdatum.slice(0, 4)),
          voorziening: uitkomst.voorziening,
          soort: 'toekenning',
          bedragCent: bedrag,
          beschikkingId: rij.id,
          besluit: null,
          door: actor.gebruikerId,
        })
        .execute();
      const termijnen = termijnenUit(uitkomst, { gemeente, beschikkingId: rij.id, inwonerId: b.inwonerId });
      if (termijnen.length > 0) await trx.insertInto('termijn').values(termijnen).execute();
    }
    if (b.verzondenOp) {
      await trx
        .insertInto('termijn')
        .values({
          gemeente,
          beschikkingId: rij.id,
          inwonerId: b.inwonerId,
          soort: 'bezwaartermijn',
          datum: bezwaartermijnEinde(b.verzondenOp),
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
    if (b.aanvraagId)
      await trx
        .updateTable('aanvraag')
        .set((eb) => ({ status: 'beslist', versie: eb('versie', '+', 1) }))
        .where('id', '=', b.aanvraagId)
        .execute();
    await log(trx, actor, gemeente, soort, 'beschikking', rij.id);
    return gelukt(naarBeschikking(rij));
  });
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
  await log(db, actor, gemeente, 'lezen', 'beschikking', id);
  return gelukt(naarBeschikking(r));
}

export async function beschikkingenVan(db: Db, actor: Actor, gemeente: string, inwonerId: string) {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const rijen = await db
    .selectFrom('beschikking')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('inwonerId', '=', inwonerId)
    .orderBy('besluitdatum')
    .orderBy('aangemaaktOp')
    .execute();
  await log(db, actor, gemeente, 'lijst-lezen', 'beschikking', inwonerId);
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
    const versie = engine.bibliotheek.versies(reg.id).find((x) => x.hash === reg.hash);
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

const beeindigingSchema = z.strictObject({
  datum,
  grond: z.string().regex(/^[a-z]$/),
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
  const oud = await leesRij(db, gemeente, id);
  if (!oud) return nietGevonden('beschikking');
  if (oud.soort !== 'toekenning' && oud.soort !== 'wijziging')
    return mislukt({ code: 'conflict', bericht: 'alleen een toegekende voorziening kan worden beëindigd' });
  const al = await db
    .selectFrom('beschikking')
    .select('id')
    .where('vorigeId', '=', id)
    .where('soort', '=', 'beeindiging')
    .executeTakeFirst();
  if (al) return mislukt({ code: 'conflict', bericht: 'deze voorziening is al beëindigd' });
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
  return db.transaction().execute(async (trx) => {
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
        }),
        beeindigingsgrond: grond.code,
        jaarbedragCent: 0,
        genomenDoor: actor.gebruikerId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('termijn')
      .set({ status: 'vervallen' })
      .where('beschikkingId', '=', id)
      .where('status', '=', 'open')
      .where('datum', '>', p.data.datum)
      .execute();
    if (oud.ingangsdatum)
      await geefDeelnemerVrij(trx, gemeente, Number(oud.ingangsdatum.slice(0, 4)), oud.voorziening);
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
