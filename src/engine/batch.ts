import type { Afwijking, Casus } from '../casus/index.ts';
import { datumgetal, eindeTermijnMaanden, jarenTussen, leeftijdInMaandenOp } from '../kalender/index.ts';
import type { Regeling } from '../regelgeving/index.ts';
import { VOORZIENINGEN, type VoorzieningId } from '../regelgeving/voorzieningen.ts';
import type { Scalar } from '../regels/ast.ts';
import type { GecompileerdeToets, GecompileerdGetal } from '../regels/compileer.ts';
import type { Context } from '../regels/context.ts';
import { en, JA, NEE, ONBEKEND, OORDEEL, type Waarheid } from '../regels/waarheid.ts';
import {
  beoordelingsdata,
  DUUR,
  geldendeDuur,
  herzieningsdatum,
  ingangsdatumVan,
  maximaalAantalVerlengingen,
  overgangsgrens,
  overgangVoor,
  eindeWaarheid,
  verlengingWaarheid,
  verlengingenVan,
  voorbijWettelijkeBasis,
  weegAfwijking,
} from './beslissing.ts';
import type { Engine, EvaluatieOpties, Overgang } from './evalueer.ts';
import { type Plan, type PlanDuur, type PlanVoorwaarde, type PlanVoorziening } from './plan.ts';
import type { EvaluatieFout, Uitkomst } from './resultaat.ts';
import { gevraagdeEinddatum, perJaar } from './termijnen.ts';

/**
 * Outcomes only, for a million cases: the same compiled plan and the same decision steps as
 * `evalueer` (src/engine/beslissing.ts), without parsing, strings or explanations. A case goes in,
 * one small integer per voorziening comes out. Input is trusted: it comes from the generator or the
 * store, both of which hold only cases that pass `casusSchema`.
 */

/** Outcome codes; the first four are the rule engine's own truth values. */
export const AFGEWEZEN = NEE;
export const TOEGESTAAN = JA;
export const ONBEPAALD = ONBEKEND;
export const TER_BEOORDELING = OORDEEL;
/** The case asked for another voorziening, so this one was not judged. */
export const NIET_BEOORDEELD = 4;
export type UitkomstCode = Waarheid | typeof NIET_BEOORDEELD;

export const UITKOMST_VAN_CODE: readonly (Uitkomst | 'niet-beoordeeld')[] = [
  'afgewezen',
  'toegestaan',
  'onbepaald',
  'ter-beoordeling',
  'niet-beoordeeld',
];
export const CODE_VAN_UITKOMST: Readonly<Record<Uitkomst, Waarheid>> = {
  afgewezen: NEE,
  toegestaan: JA,
  onbepaald: ONBEKEND,
  'ter-beoordeling': OORDEEL,
};

/**
 * The national voorzieningen in slot order. A batch has one slot per voorziening of its vocabulary:
 * these first, in this order, then the ones its gemeente's regulations declare (`Batch.sloten`).
 */
export const SLOTEN: readonly VoorzieningId[] = VOORZIENINGEN;
export const SLOT_VAN: ReadonlyMap<string, number> = new Map(SLOTEN.map((v, i) => [v, i]));

export { perJaar } from './termijnen.ts';

export interface BatchOpties extends EvaluatieOpties {
  /** Also compute each granted voorziening's known amounts as cents per year. */
  readonly bedragen?: boolean;
  /**
   * The yearly amount of a granted request as impact's jaarlast defines it (src/beleid/jaarbedrag.ts):
   * NaN when any part is not known (a missing fact or figure, an amount condition still open, an
   * amount per hour); cases without a request get none. Only the granted request's slot of `jaarCent`
   * is written; the others keep what they held.
   */
  readonly jaarlast?: boolean;
  /**
   * The voorzieningen to give slots, in slot order; default the plan's vocabulary (the national ones,
   * then the declared ones). Two batches an impact run compares share one list.
   */
  readonly sloten?: readonly string[];
}

export interface Batch {
  readonly gemeente: string;
  readonly peildatum: string;
  readonly plan: Plan;
  /** The options it was made with (versions replaced for an impact run). */
  readonly opties: BatchOpties;
  /** The voorziening of each slot. */
  readonly sloten: readonly string[];
  readonly slotVan: ReadonlyMap<string, number>;
  /**
   * What the batch was made from besides the engine and plan: gemeente, date, the versions replaced (by
   * hash) and the options that shape its output. Two batches of one engine with the same plan and key
   * give every case the same codes and amounts (an impact run of a version against itself).
   */
  readonly sleutel: string;
  /**
   * Judges one case of this gemeente on this peildatum. Writes a code per slot into `uitkomsten`
   * (length `sloten.length`; a case with a request is judged for that voorziening alone, every other
   * slot gets NIET_BEOORDEELD) and, when asked for at creation, the yearly cents of every granted
   * voorziening into `jaarCent` (0 where nothing is granted or known; see `jaarlast` for NaN).
   */
  beoordeel(casus: Casus, uitkomsten: Uint8Array, jaarCent?: Float64Array): void;
}

/** The facts compiled rules will read, by where they come from: the case's feiten, its aanvraag, or derived. */
interface Vulling {
  /** Copies the facts from the case's feiten and aanvraag (see `maakKopie`). */
  readonly kopieer: Kopie;
  readonly leeftijd: boolean;
  readonly leeftijdInMaanden: boolean;
  readonly verlengingen: boolean;
  readonly namen: readonly string[];
}

interface Stap {
  readonly id: string;
  readonly toets: GecompileerdeToets;
}

/** A condition judged at most once per case, under its number among the plan's distinct conditions. */
interface GedeeldeStap extends Stap {
  readonly nr: number;
}

interface BatchBedrag {
  readonly als: GecompileerdeToets | undefined;
  readonly cent: GecompileerdGetal;
  /** NaN for an amount per hour (kept only for `jaarlast`, where it makes the year unknown). */
  readonly factor: number;
  /** For an amount that holds for the first months only: how many. */
  readonly gedurende: number | undefined;
}

/** A voorziening of a plan, prepared for batch use. */
interface BatchVoorziening {
  readonly pv: PlanVoorziening;
  readonly slot: number;
  readonly voorwaarden: readonly Stap[];
  readonly aanvraagVoorwaarden: readonly Stap[];
  readonly verlengingVoorwaarden: readonly Stap[];
  readonly wettelijkeVerlengingVoorwaarden: readonly Stap[];
  readonly duur: PlanDuur | undefined;
  readonly maxVerlengingen: number;
  /** Whether a maximum term or the law's extension conditions look at the requested end. */
  readonly leestEinde: boolean;
  readonly bedragen: readonly BatchBedrag[];
  /** The facts a request for this voorziening may read. */
  readonly vulling: Vulling;
}

interface OvergangsKeuze {
  readonly overgang: Overgang | undefined;
  readonly vz: BatchVoorziening | undefined;
  /** The transitional article's own condition, unless national law sets it aside. */
  readonly voorwaarde: Stap | undefined;
}

/** What a request for one voorziening needs, found with one lookup by its id. */
interface Doel {
  readonly slot: number;
  /** Undefined when the gemeente does not offer it. */
  readonly vz: BatchVoorziening | undefined;
  /** Transitional law for earlier grants, by period of grant dates (see `periodeVan`). */
  readonly overgangen: (OvergangsKeuze | undefined)[];
}

export function maakBatch(
  engine: Engine,
  gemeente: string,
  peildatum: string,
  opties: BatchOpties = {},
): { ok: true; batch: Batch } | { ok: false; fout: EvaluatieFout } {
  const gevonden = engine.planOp(gemeente, peildatum, opties);
  if (!gevonden.ok) return gevonden;
  const plan = gevonden.plan;
  const jaarlast = opties.jaarlast ?? false;
  const metBedragen = (opties.bedragen ?? false) || jaarlast;
  const sloten = opties.sloten ?? plan.vocabulaire.voorzieningIds;
  const slotVan: ReadonlyMap<string, number> = new Map(sloten.map((v, i) => [v, i]));
  const sleutel = JSON.stringify([
    gemeente,
    peildatum,
    opties.ontwerp ?? false,
    metBedragen,
    jaarlast,
    sloten,
    [...(opties.vervang ?? [])].map(([id, r]) => [id, r.hash]).sort(),
  ]);

  const stappen = (lijst: readonly PlanVoorwaarde[] | undefined): Stap[] =>
    (lijst ?? []).filter((v) => !v.buitenToepassing).map((v) => ({ id: v.id, toets: v.toets }));

  // One context for all cases: the compiled rules read it, nothing keeps it. Its facts get fixed
  // slots, built by JSON.parse so V8 gives the object fast properties (added one key at a time it
  // would become a hash table). Only the facts a voorziening's rules read are copied in: cases come
  // in hundreds of shapes, and every read from one of them misses V8's caches.
  const feiten = JSON.parse(
    JSON.stringify(Object.fromEntries([...plan.vocabulaire.feiten.keys()].map((n) => [n, null]))),
  ) as Record<string, Scalar | undefined>;
  for (const n of plan.vocabulaire.feiten.keys()) feiten[n] = undefined;
  feiten.peildatum = peildatum;
  feiten.startdatum = peildatum;
  const ctx: {
    datum: string;
    feiten: Record<string, Scalar | undefined>;
    oordelen: Context['oordelen'];
  } = { datum: peildatum, feiten, oordelen: {} };
  const GEEN_OORDELEN: Context['oordelen'] = Object.freeze({});
  let afwijkingen: readonly Afwijking[] | undefined;

  const AFGELEID = new Set(['leeftijd', 'leeftijdInMaanden', 'peildatum', 'startdatum', 'verlengingen']);
  const vullingVoor = (lijst: Iterable<string>): Vulling => {
    const namen = [...new Set(lijst)];
    const bron = (n: string) => plan.vocabulaire.feiten.get(n)?.bron;
    return {
      kopieer: maakKopie(
        namen.filter((n) => !AFGELEID.has(n) && bron(n) !== 'aanvraag'),
        namen.filter((n) => !AFGELEID.has(n) && bron(n) === 'aanvraag'),
      ),
      leeftijd: namen.includes('leeftijd'),
      leeftijdInMaanden: namen.includes('leeftijdInMaanden'),
      verlengingen: namen.includes('verlengingen'),
      namen,
    };
  };

  /** Whole years from `g` to `datum`, as `leeftijdenOp(datum)(g)` counts them. */
  const leeftijd = (g: string, datum: string): number => jarenTussen(geboorteGetal(g), dagGetal(datum));
  const vul = (v: Vulling, f: Casus['feiten'], a: Casus['aanvraag']): void => {
    v.kopieer(feiten, f, a);
    if (v.leeftijd) {
      const g = f.geboortedatum;
      // Ages count on the voorziening's first day (see Context.datum).
      feiten.leeftijd = typeof g !== 'string' ? undefined : leeftijd(g, ctx.datum);
    }
    if (v.leeftijdInMaanden) {
      const g = f.geboortedatum;
      feiten.leeftijdInMaanden = typeof g === 'string' ? leeftijdInMaandenOp(g, ctx.datum) : undefined;
    }
    if (v.verlengingen) {
      const k = a?.verlengingen as Scalar | undefined;
      feiten.verlengingen = a && k === undefined ? 0 : k;
    }
  };

  const bereid = (pv: PlanVoorziening, extra: readonly PlanVoorwaarde[] = []): BatchVoorziening => {
    const alle = [
      ...pv.voorwaarden,
      ...pv.aanvraagVoorwaarden,
      ...(pv.duur?.verlengingVoorwaarden ?? []),
      ...(pv.duur?.wettelijkeVerlengingVoorwaarden ?? []),
      ...(pv.duurZonderWet?.verlengingVoorwaarden ?? []),
      ...extra,
    ];
    const namen = alle.flatMap((v) => [...v.verwijzingen.feiten]);
    if (pv.wettelijkeDuurGeldtAls) namen.push('uitkering');
    const bedragen: BatchBedrag[] = [];
    if (metBedragen) {
      for (const b of pv.bedragen) {
        const gedurende = b.regel.gedurende?.maanden;
        const factor = perJaar(b.regel.per, gedurende);
        if (factor === undefined && !jaarlast) continue;
        bedragen.push({ als: b.als, cent: b.cent, factor: factor ?? NaN, gedurende });
        namen.push(...b.verwijzingen.feiten);
      }
    }
    return {
      pv,
      slot: slotVan.get(pv.id)!,
      voorwaarden: stappen(pv.voorwaarden),
      aanvraagVoorwaarden: stappen(pv.aanvraagVoorwaarden),
      verlengingVoorwaarden: stappen(pv.duur?.verlengingVoorwaarden),
      wettelijkeVerlengingVoorwaarden: stappen(pv.duur?.wettelijkeVerlengingVoorwaarden),
      duur: pv.duur,
      maxVerlengingen: maximaalAantalVerlengingen(pv.duur),
      leestEinde:
        pv.duur?.basis !== undefined ||
        pv.duur?.minimum !== undefined ||
        pv.duurZonderWet?.basis !== undefined ||
        stappen(pv.duur?.wettelijkeVerlengingVoorwaarden).length > 0,
      bedragen,
      vulling: vullingVoor(namen),
    };
  };

  /** A plan prepared for requests: a voorziening's conditions and transitional law, found by its id. */
  interface Voorbereid {
    readonly plan: Plan;
    readonly doelen: ReadonlyMap<string, Doel>;
    readonly aanbod: readonly BatchVoorziening[];
    readonly overgangsvoorwaarden: readonly PlanVoorwaarde[];
    readonly kiesOvergang: (id: string, doel: Doel, toegekendOp: string) => OvergangsKeuze;
    readonly heeftOvergangsrecht: boolean;
  }

  const bereidPlan = (p: Plan): Voorbereid => {
    const overgangsvoorwaarden = [...p.overgangsvoorwaarden.values()];
    const aanbod = [...p.voorzieningen.values()]
      .filter((pv) => slotVan.has(pv.id))
      .map((pv) => bereid(pv, overgangsvoorwaarden));
    const perId = new Map(aanbod.map((vz) => [vz.pv.id as string, vz]));
    // Transitional law depends on the grant date only through which versions were in force then.
    // `kies` compares the grant date only with the transitional article's boundary and with the dates
    // the versions of that regulation start and end. Between two consecutive such dates its answer is
    // the same, so it is asked once per period and voorziening, and a case finds its period with a few
    // comparisons of numbers instead of hashing its date into a map. The versions' dates are taken from
    // all versions, drafts too: an extra boundary only splits a period in two.
    const lijst: Grens[] = [];
    for (const r of p.gemeenteRegelingen) {
      if (!r.overgangsrecht) continue;
      lijst.push({ datum: overgangVoor(r), erna: false });
      voegVersiegrenzenToe(lijst, engine, r.id);
    }
    const grenzen = periodegrenzen(lijst);
    const doelen = new Map<string, Doel>(
      sloten.map((id, slot) => [id, { slot, vz: perId.get(id), overgangen: [] }]),
    );
    const kiesOvergang = (id: string, doel: Doel, toegekendOp: string): OvergangsKeuze => {
      const periode = periodeVan(grenzen, datumgetal(toegekendOp));
      let keuze = doel.overgangen[periode];
      if (!keuze) {
        const { pv, overgang } = engine.kies(p, id as VoorzieningId, toegekendOp);
        const voorwaarde = overgang && p.overgangsvoorwaarden.get(overgang.regeling.id);
        keuze = {
          overgang,
          vz: pv ? (pv === doel.vz?.pv ? doel.vz : bereid(pv, overgangsvoorwaarden)) : undefined,
          voorwaarde: voorwaarde ? stappen([voorwaarde])[0] : undefined,
        };
        doel.overgangen[periode] = keuze;
      }
      return keuze;
    };
    return {
      plan: p,
      doelen,
      aanbod,
      overgangsvoorwaarden,
      kiesOvergang,
      heeftOvergangsrecht: grenzen.length > 0,
    };
  };

  const hoofd = bereidPlan(plan);
  // A request is judged under the law of its first day (and the ordinance in force then, or on the
  // peildatum for one that already runs): the plan changes only where a version of the law or of one
  // of the gemeente's regulations starts or ends, so it is prepared once per such period.
  const wetId = plan.wet.id;
  const versiegrenzen: Grens[] = [];
  voegVersiegrenzenToe(versiegrenzen, engine, wetId);
  for (const id of engine.bibliotheek.regelingenVan(gemeente))
    voegVersiegrenzenToe(versiegrenzen, engine, id);
  for (const r of opties.vervang?.values() ?? []) versiegrenzen.push({ datum: r.geldigVanaf, erna: false });
  const datumGrenzen = periodegrenzen(versiegrenzen);
  const periodeVanPeildatum = periodeVan(datumGrenzen, datumgetal(peildatum));
  const perPeriode: (Voorbereid | null | undefined)[] = [];
  const voorbereidOp = (startdatum: string): Voorbereid | null => {
    const periode = periodeVan(datumGrenzen, dagGetal(startdatum));
    if (periode === periodeVanPeildatum) return hoofd;
    let v = perPeriode[periode];
    if (v === undefined) {
      const d = beoordelingsdata({ ingangsdatum: startdatum }, peildatum);
      const g = engine.planOp(gemeente, d.regelingDatum, opties, d.wetDatum);
      v = g.ok ? (g.plan === plan ? hoofd : bereidPlan(g.plan)) : null;
      perPeriode[periode] = v;
    }
    return v;
  };

  /** Kleene-and over the steps, skipping the ones a deviation sets aside; stops at the first no. */
  const reeks = (lijst: readonly Stap[], t: Waarheid, afw: Afwijkingen | undefined): Waarheid => {
    for (let i = 0; i < lijst.length && t !== NEE; i++) {
      const s = lijst[i]!;
      if (afw !== undefined && afw.opzij.has(s.id)) continue;
      let w = s.toets(ctx);
      if (w === NEE && afw !== undefined && afw.onzeker.has(s.id)) w = ONBEKEND;
      t = en(t, w);
    }
    return t;
  };

  interface Afwijkingen {
    readonly opzij: Set<string>;
    readonly onzeker: Set<string>;
  }
  const weegAfwijkingen = (vz: BatchVoorziening, p: Plan): Afwijkingen | undefined => {
    if (afwijkingen === undefined || afwijkingen.length === 0) return undefined;
    const uit: Afwijkingen = { opzij: new Set(), onzeker: new Set() };
    for (const a of afwijkingen) {
      const gewogen = weegAfwijking(a, vz.pv, p, peildatum);
      if (!gewogen || gewogen.doel === undefined) continue;
      if (gewogen.toegepast) uit.opzij.add(a.voorwaarde);
      else if (gewogen.onbekend) uit.onzeker.add(a.voorwaarde);
    }
    return uit;
  };

  const jaarbedrag = (vz: BatchVoorziening, ingang: string): number => {
    let som = 0;
    for (const b of vz.bedragen) {
      if (b.gedurende !== undefined && peildatum > eindeTermijnMaanden(ingang, b.gedurende)) continue;
      if (b.als !== undefined) {
        const geldt = b.als(ctx);
        if (geldt === NEE) continue;
        if (geldt !== JA) {
          if (jaarlast) return NaN;
          continue;
        }
      }
      const cent = b.cent(ctx);
      if (cent !== undefined) som += Math.round(cent * b.factor);
      else if (jaarlast) return NaN;
    }
    return som;
  };

  // Without a request every voorziening is judged on its conditions, and many of them share one: the
  // law's general conditions, a definition the ordinance uses in every article. A condition is the
  // same when it is the same compiled closure or the same rule of the same file (compiled once per
  // voorziening, in one environment); each is judged once per case, when first needed.
  const gedeeld = new Map<unknown, number>();
  const nummer = (v: PlanVoorwaarde): number => {
    // A rule widened for one voorziening (art. 10b lid 1) means something else there: only its own
    // closure is the same condition.
    const opRegel = v.uitzondering === undefined;
    let nr = gedeeld.get(v.toets) ?? (opRegel ? gedeeld.get(v.regel) : undefined);
    if (nr === undefined) {
      nr = gedeeld.size;
      gedeeld.set(v.toets, nr);
      if (opRegel) gedeeld.set(v.regel, nr);
    }
    return nr;
  };
  const zonderStappen: readonly (readonly GedeeldeStap[])[] = hoofd.aanbod.map((vz) =>
    vz.pv.voorwaarden
      .filter((v) => !v.buitenToepassing)
      .map((v) => ({ id: v.id, toets: v.toets, nr: nummer(v) })),
  );
  const vullingZonderAanvraag = vullingVoor(
    hoofd.aanbod.flatMap((vz) => [
      ...vz.pv.voorwaarden.flatMap((v) => [...v.verwijzingen.feiten]),
      ...(metBedragen && !jaarlast ? vz.vulling.namen : []),
    ]),
  );
  const uitslag = new Uint8Array(gedeeld.size);
  // uitslag[nr] holds this case's answer when gezien[nr] === ronde.
  const gezien = new Uint32Array(gedeeld.size);
  let ronde = 0;

  const reeksGedeeld = (lijst: readonly GedeeldeStap[], afw: Afwijkingen | undefined): Waarheid => {
    let t: Waarheid = JA;
    for (let i = 0; i < lijst.length && t !== NEE; i++) {
      const s = lijst[i]!;
      if (afw !== undefined && afw.opzij.has(s.id)) continue;
      let w: Waarheid;
      if (gezien[s.nr] === ronde) w = uitslag[s.nr] as Waarheid;
      else {
        w = s.toets(ctx);
        uitslag[s.nr] = w;
        gezien[s.nr] = ronde;
      }
      if (w === NEE && afw !== undefined && afw.onzeker.has(s.id)) w = ONBEKEND;
      t = en(t, w);
    }
    return t;
  };

  const zonderAanvraag = (f: Casus['feiten'], uitkomsten: Uint8Array, jaarCent: Float64Array | undefined) => {
    ctx.datum = peildatum;
    feiten.startdatum = peildatum;
    vul(vullingZonderAanvraag, f, undefined);
    if (ronde === 0xffffffff) {
      gezien.fill(0);
      ronde = 0;
    }
    ronde++;
    const aanbod = hoofd.aanbod;
    for (let i = 0; i < aanbod.length; i++) {
      const vz = aanbod[i]!;
      const t = reeksGedeeld(zonderStappen[i]!, weegAfwijkingen(vz, plan));
      uitkomsten[vz.slot] = t;
      if (jaarCent && t === JA && !jaarlast) jaarCent[vz.slot] = jaarbedrag(vz, peildatum);
    }
  };

  const metAanvraag = (
    f: Casus['feiten'],
    aanvraag: NonNullable<Casus['aanvraag']>,
    uitkomsten: Uint8Array,
    jaarCent: Float64Array | undefined,
  ) => {
    const id = aanvraag.voorziening;
    // Every plan of the batch has a Doel for each slot; the main plan's gives the slot.
    const hoofddoel = hoofd.doelen.get(id);
    // Only a voorziening of another vocabulary has no slot (the case contract refuses it first).
    if (hoofddoel === undefined) return;
    const slot = hoofddoel.slot;
    const ingang = ingangsdatumVan(aanvraag, peildatum);
    const voorbereid = voorbereidOp(ingang);
    if (!voorbereid) {
      uitkomsten[slot] = ONBEKEND;
      return;
    }
    ctx.datum = ingang;
    feiten.startdatum = ingang;
    const doel = voorbereid === hoofd ? hoofddoel : voorbereid.doelen.get(id)!;
    let vz = doel.vz;
    let overgang: Overgang | undefined;
    let overgangsvoorwaarde: Stap | undefined;
    const toegekendOp = aanvraag.toegekendOp;
    if (voorbereid.heeftOvergangsrecht && typeof toegekendOp === 'string') {
      const keuze = voorbereid.kiesOvergang(id, doel, toegekendOp);
      overgang = keuze.overgang;
      overgangsvoorwaarde = keuze.voorwaarde;
      vz = keuze.vz ?? vz;
    }
    if (!vz) {
      // Not offered: refused, unless the source we hold is incomplete.
      uitkomsten[slot] = voorbereid.plan.gemeenteRegelingen.some((r) => r.aanbodOnvolledig) ? ONBEKEND : NEE;
      return;
    }
    vul(vz.vulling, f, aanvraag);
    const afw = weegAfwijkingen(vz, voorbereid.plan);
    let t = reeks(vz.voorwaarden, JA, afw);
    // Nothing that follows turns a refusal into anything else.
    if (t === NEE) {
      uitkomsten[slot] = NEE;
      return;
    }
    let gevraagd: string | undefined;
    let beschermdTot: string | undefined;
    if (overgang) {
      gevraagd = gevraagdeEinddatum(ingang, aanvraag);
      if (gevraagd === undefined) t = en(t, ONBEKEND);
      // After the protection of the transitional article the grant no longer stands.
      else if (peildatum > (beschermdTot = overgangsgrens(overgang.regeling, gevraagd))) t = NEE;
      const voorwaarde = overgangsvoorwaarde;
      if (voorwaarde && !afw?.opzij.has(voorwaarde.id)) t = en(t, voorwaarde.toets(ctx));
    }
    t = reeks(vz.aanvraagVoorwaarden, t, afw);
    const k = verlengingenVan(aanvraag);
    const geldend = afw?.opzij.has(DUUR) ? { duur: vz.pv.wettelijkeDuur } : geldendeDuur(vz.pv, ctx);
    const duur = geldend.duur;
    t = en(t, verlengingWaarheid(geldend, k));
    // The voorziening's own term has its steps ready; only the law's term or the one without it builds them.
    if (k >= 1)
      t = reeks(duur === vz.duur ? vz.verlengingVoorwaarden : stappen(duur?.verlengingVoorwaarden), t, afw);
    if (t !== NEE) {
      // The requested end is date arithmetic on strings: only worked out when a term can use it.
      if (!overgang && vz.leestEinde) gevraagd = gevraagdeEinddatum(ingang, aanvraag);
      if (
        vz.wettelijkeVerlengingVoorwaarden.length > 0 &&
        voorbijWettelijkeBasis(duur, ingang, gevraagd, k, beschermdTot)
      )
        t = reeks(vz.wettelijkeVerlengingVoorwaarden, t, afw);
      // Under transitional law the agreed term is never refused, only cut short.
      if (t !== NEE && !overgang) {
        const w = eindeWaarheid(geldend, ingang, gevraagd, k, afw?.onzeker.has(DUUR) ? vz.pv : undefined);
        if (w !== undefined) t = en(t, w);
      }
    }
    uitkomsten[slot] = t;
    if (jaarCent && t === JA) jaarCent[slot] = jaarbedrag(bedragVoorziening(vz, f, aanvraag, ingang), ingang);
  };

  /**
   * Where the law sets the amounts again each 1 January, a request's amounts follow the voorziening
   * and the facts of that day (as `evalueer` does); the context is left set to that day.
   */
  const bedragVoorziening = (
    vz: BatchVoorziening,
    f: Casus['feiten'],
    aanvraag: NonNullable<Casus['aanvraag']>,
    ingang: string,
  ): BatchVoorziening => {
    if (vz.bedragen.length === 0) return vz;
    const datum = herzieningsdatum(ingang, peildatum);
    if (datum === undefined) return vz;
    const voorbereid = voorbereidOp(datum);
    if (!voorbereid) return vz;
    const doel = voorbereid.doelen.get(aanvraag.voorziening)!;
    const toegekendOp = aanvraag.toegekendOp;
    const ander =
      (voorbereid.heeftOvergangsrecht && typeof toegekendOp === 'string'
        ? voorbereid.kiesOvergang(aanvraag.voorziening, doel, toegekendOp).vz
        : undefined) ??
      doel.vz ??
      vz;
    // The law of that 1 January says whether amounts are set again then.
    if (!ander.pv.bedragenHerzien) return vz;
    ctx.datum = datum;
    feiten.startdatum = datum;
    vul(ander.vulling, f, aanvraag);
    return ander;
  };

  return {
    ok: true,
    batch: {
      gemeente,
      peildatum,
      plan,
      opties,
      sloten,
      slotVan,
      sleutel,
      beoordeel(casus, uitkomsten, jaarCent) {
        if (casus.gemeente !== gemeente || casus.peildatum !== peildatum)
          throw new RangeError(
            `casus voor ${casus.gemeente} op ${casus.peildatum} in een batch voor ${gemeente} op ${peildatum}`,
          );
        uitkomsten.fill(NIET_BEOORDEELD);
        // With jaarlast only a granted request's own slot is read (BatchOpties.jaarlast).
        if (jaarCent && !jaarlast) jaarCent.fill(0);
        const f = casus.feiten;
        ctx.oordelen = f.oordelen ?? GEEN_OORDELEN;
        afwijkingen = f.afwijkingen;
        const aanvraag = casus.aanvraag;
        if (aanvraag) metAanvraag(f, aanvraag, uitkomsten, jaarCent);
        else zonderAanvraag(f, uitkomsten, jaarCent);
      },
    },
  };
}

/**
 * The last first day and birth date read: a request's period and its ages read the same first day,
 * and the two batches of an impact run read the same case in turn (the generator hands out the same
 * string objects, so the comparison is mostly one of references).
 */
const laatst = { dag: '', dagGetal: 0, geboren: '', geborenGetal: 0 };

function dagGetal(d: string): number {
  if (d !== laatst.dag) {
    laatst.dagGetal = datumgetal(d);
    laatst.dag = d;
  }
  return laatst.dagGetal;
}

function geboorteGetal(d: string): number {
  if (d !== laatst.geboren) {
    laatst.geborenGetal = datumgetal(d);
    laatst.geboren = d;
  }
  return laatst.geborenGetal;
}

type Kopie = (
  doel: Record<string, Scalar | undefined>,
  feiten: Casus['feiten'],
  aanvraag: Casus['aanvraag'],
) => void;

/**
 * The fact copy as a function with every name written out: `doel["x"] = feiten["x"]; ...`. A loop
 * over a list of names makes each load and store a keyed access on a name that changes every time,
 * which V8 cannot cache per site (a fifth of an impact run went to that copy); a constant name is a
 * named access with its own inline cache, monomorphic on the batch's one fact object and on the
 * generator's fixed-shape case. The names are written as JSON string literals, so any name is only
 * ever a property key.
 */
function maakKopie(uitFeiten: readonly string[], uitAanvraag: readonly string[]): Kopie {
  const sleutel = (n: string) => `[${JSON.stringify(n)}]`;
  const regels = uitFeiten.map((n) => `d${sleutel(n)} = f${sleutel(n)};`);
  if (uitAanvraag.length > 0)
    regels.push(
      'if (a == null) {',
      ...uitAanvraag.map((n) => `d${sleutel(n)} = undefined;`),
      '} else {',
      ...uitAanvraag.map((n) => `d${sleutel(n)} = a${sleutel(n)};`),
      '}',
    );
  return new Function('d', 'f', 'a', `'use strict';\n${regels.join('\n')}`) as Kopie;
}

interface Grens {
  readonly datum: string;
  /** The boundary lies after the day (a version's last day): the period changes the day after. */
  readonly erna: boolean;
}

function voegVersiegrenzenToe(grenzen: Grens[], engine: Engine, id: string): void {
  for (const v of engine.bibliotheek.versies(id)) {
    grenzen.push({ datum: v.geldigVanaf, erna: false });
    // A version is in force up to and including its geldigTot: the period changes the day after.
    if (v.geldigTot !== undefined) grenzen.push({ datum: v.geldigTot, erna: true });
  }
}

/**
 * The boundaries as the first day of the period they open, as `datumgetal` numbers in ascending order
 * (after a version's last day, that day's number plus one: every number in between is no date).
 */
function periodegrenzen(grenzen: readonly Grens[]): number[] {
  return grenzen.map((g) => datumgetal(g.datum) + (g.erna ? 1 : 0)).sort((a, b) => a - b);
}

/** How many boundaries lie on or before date n (after it, for an end date): its period. */
function periodeVan(grenzen: readonly number[], n: number): number {
  let i = 0;
  while (i < grenzen.length && grenzen[i]! <= n) i++;
  return i;
}
