import { type Casus, maakCasusControle } from '../../casus/index.ts';
import type { Bibliotheek, Regeling } from '../../regelgeving/index.ts';
import type { Context } from '../../regels/context.ts';
import type { VoorzieningId } from '../../regelgeving/voorzieningen.ts';
import { beoordelingsdata, herzieningsdatum, ingangsdatumVan } from '../beslissing.ts';
import {
  ENGINE,
  type Engine,
  type EvaluatieOpties,
  type Keuze,
  maakEngine as maakReferentieEngine,
  nietAangeboden,
  UITKOMST_WOORD,
} from '../evalueer.ts';
import type { Plan, PlanVoorziening } from '../plan.ts';
import type { Conflict, EvaluatieResultaat, Grond, Resultaat, VoorzieningUitkomst } from '../resultaat.ts';
import { snelleContext } from './context.ts';
import { type Delen, resultaatJson } from './json.ts';
import {
  beoordeelSnel,
  compileerVoorziening,
  type GecompileerdeVoorziening,
  gecompileerdeVoorwaarde,
  type SnelleBedragOpzet,
  type SnelOvergang,
  uitkomstSnel,
} from './voorziening.ts';
import { snelleDatumTekst as datumTekst } from './zinnen.ts';

/**
 * The explained evaluation as the API, the CLI and the web application use it: the reference
 * (`maakEngine` in evalueer.ts, plain and readable) with a compiled path in front of it. The
 * compiled path gives exactly the reference's result (test/uitleg-gelijk.test.ts compares both as
 * JSON text over generated caseloads of every seed gemeente) and hands every case it does not cover
 * to the reference: invalid input (for the reference's messages), options (drafts, replaced
 * versions), recorded deviations and voorzieningen with a construct it does not compile.
 * `uitleg` counts which cases went which way.
 */

export type Terugvalreden = 'ongeldig of met opties' | 'afwijkingen' | 'geen plan' | 'niet gecompileerd';

export interface UitlegTelling {
  /** Cases judged on the compiled path. */
  gecompileerd: number;
  /** Cases handed to the reference, per reason. */
  readonly terugval: Record<Terugvalreden, number>;
}

/**
 * A result as JSON text, the text `JSON.stringify(resultaat)` gives, with the object it was written
 * from (for a caller that reads an outcome besides passing the text on); or the refusal as `evalueer` gives it.
 */
export type EvaluatieJson =
  | { readonly ok: true; readonly json: string; readonly resultaat: Resultaat }
  | Extract<EvaluatieResultaat, { readonly ok: false }>;

export interface SnelleEngine extends Engine {
  readonly uitleg: UitlegTelling;
  /** `evalueer` for a caller that only serialises the result: the JSON text without the object tree's stringify. */
  readonly evalueerJson: (invoer: unknown, opties?: EvaluatieOpties) => EvaluatieJson;
}

/** What the compiled path works out once per plan. */
interface PlanC {
  readonly voorzieningen: WeakMap<PlanVoorziening, GecompileerdeVoorziening | null>;
  /** Every adopted version of the plan's regulations, by first day (the first of a day wins), sorted. */
  readonly grenzen: readonly (readonly [string, Regeling])[];
  readonly conflictSleutels: ReadonlySet<string>;
  readonly regelingen: Resultaat['regelingen'];
  /** Their JSON text, the same for every result of the plan. */
  readonly regelingenJson: string;
  /** The reference's choice (`kies`) per voorziening and grant date, so a voorziening under transitional law is one object. */
  readonly keuzes: Map<VoorzieningId, Map<string, Keuze>>;
  /** Choices kept, at most 20,000 per plan (one per voorziening and grant date: a few thousand days). */
  aantalKeuzes: number;
  readonly zonderOudeVersie: Map<string, Keuze>;
  /**
   * The regulations with those of a 1 January the amounts were set again on (`regelingen` of the
   * reference with `gebruikt`), and their text, per plan of that day.
   */
  readonly metHerzien: WeakMap<Plan, { readonly regelingen: Resultaat['regelingen']; readonly json: string }>;
}

/** The reference's list of regulations: each version once, in the order first named. */
function regelingenVan(delen: readonly (Regeling | readonly Regeling[])[]): Resultaat['regelingen'] {
  return [...new Set(delen.flat())].map((r) => ({
    id: r.id,
    titel: r.titel,
    geldigVanaf: r.geldigVanaf,
    hash: r.hash,
  }));
}

const sleutel = (c: Conflict) => `${c.regeling}|${c.artikel}|${c.met}`;

/**
 * A result of the compiled path as its pieces: json.ts writes the text from them, and `resultaatVan`
 * makes the object only for a caller that asks for it.
 */
interface Gecompileerd extends Delen {
  readonly regelingen: Resultaat['regelingen'];
}

/** The `Resultaat` of a compiled result, as the reference builds it (its own copy of each regulation). */
function resultaatVan(g: Gecompileerd): Resultaat {
  return {
    engine: ENGINE,
    gemeente: g.gemeente,
    peildatum: g.peildatum,
    regelingen: g.regelingen.map((r) => ({ ...r })),
    voorzieningen: g.voorzieningen,
    conflicten: g.conflicten,
    afwijkingen: [],
  };
}

/**
 * `evalueerJson`'s answer for a compiled result. The API passes only the text on; the object is
 * built the first time `resultaat` is read (bench/motor.ts reads outcomes from it), once.
 */
class JsonResultaat {
  readonly ok = true as const;
  readonly json: string;
  #g: Gecompileerd | undefined;
  #resultaat: Resultaat | undefined;
  constructor(g: Gecompileerd) {
    this.json = resultaatJson(g);
    this.#g = g;
  }
  get resultaat(): Resultaat {
    if (this.#resultaat === undefined) {
      this.#resultaat = resultaatVan(this.#g!);
      this.#g = undefined;
    }
    return this.#resultaat;
  }
}

/** Adds a conflict unless one for the same rule and the same other rule is in already (as the reference). */
function voegConflictToe(conflicten: Conflict[], c: Conflict): void {
  for (const x of conflicten)
    if (x.regeling === c.regeling && x.artikel === c.artikel && x.met === c.met) return;
  conflicten.push(c);
}

/** Thrown inside the compiled path to hand the case to the reference. */
class Terugval {
  constructor(readonly reden: Terugvalreden) {}
}

export function maakEngine(bibliotheek: Bibliotheek): SnelleEngine {
  const referentie = maakReferentieEngine(bibliotheek);
  const controle = maakCasusControle();
  const telling: UitlegTelling = {
    gecompileerd: 0,
    terugval: {
      'ongeldig of met opties': 0,
      afwijkingen: 0,
      'geen plan': 0,
      'niet gecompileerd': 0,
    },
  };

  // The library does not change under an engine: a plan found for a day is the plan for that day.
  // By gemeente, day and day of the law: nested maps, so a look-up hashes strings the case already
  // holds instead of one built for it. At most 50,000 plans found (the caseloads use a few hundred).
  const plannen = new Map<string, Map<string, Map<string, ReturnType<Engine['planOp']>>>>();
  let aantalPlannen = 0;
  const planOp = (gemeente: string, datum: string, wetDatum: string) => {
    let perDatum = plannen.get(gemeente);
    if (!perDatum) plannen.set(gemeente, (perDatum = new Map()));
    let perWet = perDatum.get(datum);
    if (!perWet) perDatum.set(datum, (perWet = new Map()));
    let p = perWet.get(wetDatum);
    if (!p) {
      if (aantalPlannen >= 50_000) {
        plannen.clear();
        aantalPlannen = 0;
        plannen.set(gemeente, (perDatum = new Map()));
        perDatum.set(datum, (perWet = new Map()));
      }
      p = referentie.planOp(gemeente, datum, undefined, wetDatum);
      perWet.set(wetDatum, p);
      aantalPlannen++;
    }
    return p;
  };

  const perPlan = new WeakMap<Plan, PlanC>();
  const planC = (plan: Plan): PlanC => {
    let pc = perPlan.get(plan);
    if (pc) return pc;
    const grenzen = new Map<string, Regeling>();
    for (const r of [plan.wet, ...plan.gemeenteRegelingen])
      for (const v of bibliotheek.versies(r.id))
        if (v.status === 'vastgesteld' && !grenzen.has(v.geldigVanaf)) grenzen.set(v.geldigVanaf, v);
    const regelingen = regelingenVan([plan.gemeenteRegelingen, plan.wet]);
    pc = {
      voorzieningen: new WeakMap(),
      grenzen: [...grenzen].sort(([a], [b]) => (a < b ? -1 : 1)),
      conflictSleutels: new Set(plan.conflicten.map(sleutel)),
      keuzes: new Map(),
      aantalKeuzes: 0,
      zonderOudeVersie: new Map(),
      metHerzien: new WeakMap(),
      regelingen,
      regelingenJson: JSON.stringify(regelingen),
    };
    perPlan.set(plan, pc);
    return pc;
  };
  const gecompileerd = (plan: Plan, pv: PlanVoorziening): GecompileerdeVoorziening => {
    const pc = planC(plan);
    let gv = pc.voorzieningen.get(pv);
    if (gv === undefined) {
      gv = compileerVoorziening(pv, plan) ?? null;
      pc.voorzieningen.set(pv, gv);
    }
    if (gv === null) throw new Terugval('niet gecompileerd');
    return gv;
  };

  const kies = (plan: Plan, id: VoorzieningId, toegekendOp: unknown): Keuze => {
    if (typeof toegekendOp !== 'string') return referentie.kies(plan, id, toegekendOp);
    const pc = planC(plan);
    let perDatum = pc.keuzes.get(id);
    if (!perDatum) pc.keuzes.set(id, (perDatum = new Map()));
    let keuze = perDatum.get(toegekendOp);
    if (!keuze) {
      if (pc.aantalKeuzes >= 20_000) {
        for (const m of pc.keuzes.values()) m.clear();
        pc.aantalKeuzes = 0;
      }
      pc.aantalKeuzes++;
      keuze = referentie.kies(plan, id, toegekendOp);
      // Without the earlier version, what transitional law keeps depends only on the plan, the
      // voorziening and the regulation whose article applies (zoekOvergang): one object for all dates.
      const o = keuze.overgang;
      if (o && !o.oudeVersie) {
        const s = `${id}|${o.regeling.id}|${o.regeling.hash}`;
        const eerder = planC(plan).zonderOudeVersie.get(s);
        if (eerder) keuze = eerder;
        else planC(plan).zonderOudeVersie.set(s, keuze);
      }
      perDatum.set(toegekendOp, keuze);
    }
    return keuze;
  };
  const overgangVoor = (plan: Plan, keuze: Keuze): SnelOvergang | undefined => {
    const overgang = keuze.overgang;
    if (!overgang) return undefined;
    const v = plan.overgangsvoorwaarden.get(overgang.regeling.id);
    const voorwaarde = v ? gecompileerdeVoorwaarde(v) : undefined;
    if (v && !voorwaarde) throw new Terugval('niet gecompileerd');
    return { overgang, voorwaarde };
  };

  /** The same as the reference's `wijzigingenInPeriode` (see there for why). */
  const wijzigingenInPeriode = (
    huidig: VoorzieningUitkomst,
    huidigePv: PlanVoorziening,
    casus: Casus,
    plan: Plan,
  ): { grond: Grond; conflict: Conflict; nieuweConflicten: readonly Conflict[] }[] => {
    const aanvraag = casus.aanvraag!;
    const start = huidig.termijnen.ingangsdatum;
    const einde = huidig.termijnen.einddatum ?? huidig.termijnen.maximaleEinddatum;
    const uit: { grond: Grond; conflict: Conflict; nieuweConflicten: readonly Conflict[] }[] = [];
    let vorige = huidig.uitkomst;
    // Every later period reads the facts as on the first day (the age too): only the day differs.
    // One context for all of them, its day and trace set again: a period's judgement keeps no
    // reference to either (grounds copy the facts they show, questions are copied too).
    let later: { -readonly [K in keyof Context]: Context[K] } | undefined;
    const contextOp = (dag: string): Context => {
      if (!later) return (later = snelleContext(casus, dag, true));
      (later.feiten as Record<string, unknown>).startdatum = dag;
      later.datum = dag;
      const spoor = later.spoor!;
      if (spoor.ontbrekend.length !== 0) spoor.ontbrekend.length = 0;
      if (spoor.vragen.length !== 0) spoor.vragen.length = 0;
      return later;
    };
    let vorigeConflicten = planC(plan).conflictSleutels;
    for (const [dag, regeling] of planC(plan).grenzen) {
      if (dag <= start) continue;
      if (einde !== null && dag > einde) break;
      const latere = planOp(casus.gemeente, dag > casus.peildatum ? dag : casus.peildatum, dag);
      if (!latere.ok) continue;
      const laterPlan = latere.plan;
      const id = aanvraag.voorziening as VoorzieningId;
      const keuze = kies(laterPlan, id, aanvraag.toegekendOp ?? casus.peildatum);
      const pv = keuze.pv;
      const ov = pv ? overgangVoor(laterPlan, keuze) : undefined;
      let dan = pv ? undefined : nietAangeboden(id, laterPlan, start, keuze.overgang);
      const danUitkomst = pv
        ? uitkomstSnel(gecompileerd(laterPlan, pv), contextOp(dag), casus, laterPlan, ov)
        : dan!.uitkomst;
      // Only the voorziening's own conflicts can be new: most have none, and then no key is built.
      const nieuw =
        einde === null || !pv || pv.conflicten.length === 0
          ? []
          : laterPlan.conflicten.filter(
              (c) => pv.conflicten.includes(c) && !vorigeConflicten.has(sleutel(c)),
            );
      vorigeConflicten = planC(laterPlan).conflictSleutels;
      if (danUitkomst === vorige && nieuw.length === 0) continue;
      // The outcome changes, or a rule it rests on: now the explanation of that period is needed.
      dan ??= beoordeelSnel(gecompileerd(laterPlan, pv!), contextOp(dag), casus, laterPlan, ov).uitkomst;
      const welke =
        regeling.laag === 'wet' ? `de ${regeling.citeertitel}` : `de ${regeling.citeertitel} (nieuwe versie)`;
      const reden =
        dan.gronden.find((g) => g.voldaan === false && g.soort !== 'bedrag') ??
        dan.gronden.find(
          (g) => g.voldaan === null && g.soort !== 'bedrag' && g.soort !== 'buiten-toepassing',
        );
      const uitleg =
        dan.uitkomst === vorige
          ? `Op ${datumTekst(dag)} verandert ${welke}, terwijl de voorziening nog loopt. De uitkomst blijft ${UITKOMST_WOORD[dan.uitkomst]}, maar een regel waarop de voorziening rust, verandert: ${nieuw[0]!.uitleg}`
          : `Op ${datumTekst(dag)} verandert ${welke}, terwijl de voorziening nog loopt. Met de regels die vanaf die dag gelden, is de uitkomst ${UITKOMST_WOORD[dan.uitkomst]}${reden ? `: ${reden.uitleg}` : '.'}`;
      uit.push({
        grond: {
          regeling: regeling.id,
          artikel: reden?.artikel ?? '',
          uitleg,
          voldaan: null,
          feiten: { startdatum: start, wijzigingsdatum: dag },
          soort: 'wetswijziging',
        },
        conflict: {
          soort: 'wetswijziging',
          regeling: huidigePv.bron.regeling.id,
          artikel: huidigePv.bron.artikel,
          met: `${regeling.id} per ${dag}`,
          uitleg,
        },
        nieuweConflicten: nieuw,
      });
      vorige = dan.uitkomst;
    }
    return uit;
  };

  /** The plan of the last 1 January for a voorziening whose amounts are set again then, as the reference finds it. */
  const bedragOpzetVoor = (
    casus: Casus,
    pv: PlanVoorziening,
  ): (SnelleBedragOpzet & { plan: Plan }) | undefined => {
    const aanvraag = casus.aanvraag;
    if (!aanvraag || pv.bedragen.length === 0) return undefined;
    const datum = herzieningsdatum(ingangsdatumVan(aanvraag, casus.peildatum), casus.peildatum);
    if (datum === undefined) return undefined;
    const p = planOp(casus.gemeente, datum > casus.peildatum ? datum : casus.peildatum, datum);
    if (!p.ok) return undefined;
    const gekozen = kies(p.plan, pv.id, aanvraag.toegekendOp).pv ?? pv;
    if (!gekozen.bedragenHerzien) return undefined;
    return {
      plan: p.plan,
      gv: gecompileerd(p.plan, gekozen),
      ctx: snelleContext(casus, datum),
      datum,
      bron: gekozen.bedragenHerzien,
    };
  };

  /** The compiled path; a Terugval hands the case to the reference. */
  const snel = (casus: Casus): Gecompileerd => {
    const aanvraag = casus.aanvraag;
    const data = beoordelingsdata(aanvraag, casus.peildatum);
    const opPeildatum = planOp(casus.gemeente, casus.peildatum, casus.peildatum);
    const gevonden = planOp(casus.gemeente, data.regelingDatum, data.wetDatum);
    if ((!opPeildatum.ok && opPeildatum.fout.code !== 'geen-wet') || !gevonden.ok)
      throw new Terugval('geen plan');
    const plan = gevonden.plan;
    const ctx = snelleContext(casus);
    const conflicten: Conflict[] = [];
    const uitkomsten: VoorzieningUitkomst[] = [];
    let herzienPlan: Plan | undefined;
    const teBeoordelen: readonly VoorzieningId[] = aanvraag
      ? [aanvraag.voorziening as VoorzieningId]
      : [...plan.voorzieningen.keys()];
    for (const id of teBeoordelen) {
      const keuze = kies(plan, id, aanvraag?.toegekendOp);
      const pv = keuze.pv;
      if (!pv) {
        uitkomsten.push(nietAangeboden(id, plan, data.startdatum, keuze.overgang));
        continue;
      }
      const opzet = bedragOpzetVoor(casus, pv);
      // Only a request is judged with a later 1 January, and a request names one voorziening.
      if (opzet) herzienPlan = opzet.plan;
      const beoordeeld = beoordeelSnel(
        gecompileerd(plan, pv),
        ctx,
        casus,
        plan,
        overgangVoor(plan, keuze),
        opzet,
      );
      for (const c of pv.conflicten) voegConflictToe(conflicten, c);
      for (const c of beoordeeld.conflicten) voegConflictToe(conflicten, c);
      const uitkomst = beoordeeld.uitkomst;
      if (aanvraag && plan.wet.geldigVanaf > data.wetDatum)
        (uitkomst as { gronden: readonly Grond[] }).gronden = [
          ...uitkomst.gronden,
          {
            regeling: plan.wet.id,
            artikel: '',
            uitleg: `De voorziening begon op ${datumTekst(data.wetDatum)}. De wet van die tijd staat niet in dit systeem; de regels van de ${plan.wet.citeertitel} zoals die golden vanaf ${datumTekst(plan.wet.geldigVanaf)} zijn toegepast.`,
            voldaan: null,
            feiten: { startdatum: data.wetDatum },
            soort: 'wetswijziging',
          },
        ];
      if (aanvraag) {
        const wijzigingen = wijzigingenInPeriode(uitkomst, pv, casus, plan);
        for (const w of wijzigingen) {
          voegConflictToe(conflicten, w.conflict);
          for (const c of w.nieuweConflicten) voegConflictToe(conflicten, c);
        }
        if (wijzigingen.length > 0)
          (uitkomst as { gronden: readonly Grond[] }).gronden = [
            ...uitkomst.gronden,
            ...wijzigingen.map((w) => w.grond),
          ];
      }
      uitkomsten.push(uitkomst);
    }
    const pc = planC(plan);
    let regelingen = pc.regelingen;
    let regelingenJson = pc.regelingenJson;
    if (herzienPlan) {
      let m = pc.metHerzien.get(herzienPlan);
      if (!m) {
        const r = regelingenVan([
          plan.gemeenteRegelingen,
          plan.wet,
          herzienPlan.gemeenteRegelingen,
          herzienPlan.wet,
        ]);
        pc.metHerzien.set(herzienPlan, (m = { regelingen: r, json: JSON.stringify(r) }));
      }
      regelingen = m.regelingen;
      regelingenJson = m.json;
    }
    return {
      gemeente: casus.gemeente,
      peildatum: casus.peildatum,
      regelingen,
      regelingenJson,
      voorzieningen: uitkomsten,
      conflicten,
    };
  };

  /** The compiled path's result, or undefined when the case goes to the reference (counted). */
  const gecompileerdResultaat = (invoer: unknown, opties?: EvaluatieOpties): Gecompileerd | undefined => {
    const afwijkingen = (invoer as { feiten?: { afwijkingen?: unknown[] } } | null)?.feiten?.afwijkingen;
    if ((opties && (opties.ontwerp || opties.vervang)) || controle(invoer) !== undefined) {
      telling.terugval['ongeldig of met opties']++;
      return undefined;
    }
    if (afwijkingen !== undefined && afwijkingen.length > 0) {
      telling.terugval.afwijkingen++;
      return undefined;
    }
    try {
      const r = snel(invoer as Casus);
      telling.gecompileerd++;
      return r;
    } catch (e) {
      if (!(e instanceof Terugval)) throw e;
      telling.terugval[e.reden]++;
      return undefined;
    }
  };

  const evalueer = (invoer: unknown, opties?: EvaluatieOpties): EvaluatieResultaat => {
    const g = gecompileerdResultaat(invoer, opties);
    return g ? { ok: true, resultaat: resultaatVan(g) } : referentie.evalueer(invoer, opties);
  };

  const evalueerJson = (invoer: unknown, opties?: EvaluatieOpties): EvaluatieJson => {
    const g = gecompileerdResultaat(invoer, opties);
    if (g) return new JsonResultaat(g);
    // The reference's result holds no shared grounds: its text is plain JSON.stringify.
    const r = referentie.evalueer(invoer, opties);
    return r.ok ? { ok: true, json: JSON.stringify(r.resultaat), resultaat: r.resultaat } : r;
  };

  return {
    bibliotheek: referentie.bibliotheek,
    planVan: referentie.planVan,
    planOp: referentie.planOp,
    kies: referentie.kies,
    bedragKeuze: referentie.bedragKeuze,
    evalueer,
    evalueerJson,
    uitleg: telling,
  };
}

export { maakReferentieEngine };

/** The result as JSON text from any engine: `evalueerJson` where it has one, else `JSON.stringify`. */
export function evalueerAlsJson(engine: Engine, invoer: unknown, opties?: EvaluatieOpties): EvaluatieJson {
  if ('evalueerJson' in engine) return (engine as SnelleEngine).evalueerJson(invoer, opties);
  const r = engine.evalueer(invoer, opties);
  return r.ok ? { ok: true, json: JSON.stringify(r.resultaat), resultaat: r.resultaat } : r;
}
