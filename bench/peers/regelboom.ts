import { FEIT_INDEX } from '../../src/casus/index.ts';
import type { Engine, Plan, PlanVoorziening } from '../../src/engine/index.ts';
import { beoordelingsdata, maximaalAantalVerlengingen } from '../../src/engine/beslissing.ts';
import type { PlanVoorwaarde } from '../../src/engine/plan.ts';
import { eindeTermijnMaanden, naarDagnummer, plusDagen } from '../../src/kalender/index.ts';
import {
  omgevingVoor,
  type Regeling,
  VOORZIENINGEN,
  type VoorzieningId,
} from '../../src/regelgeving/index.ts';
import type { Scalar, Toets, Waarde } from '../../src/regels/ast.ts';
import { waardeOp } from '../../src/regels/compileer.ts';

/**
 * The rules of one plan on one peildatum as a small four-valued expression tree that a peer engine
 * can be generated from. It is read off the same rule trees the engine compiles (PlanVoorwaarde.regel),
 * so json-rules-engine, Zen and our engine judge by the same text. What a peer cannot compute itself
 * (calendar arithmetic for terms, age from a birth date) comes in as precomputed facts, see feiten.ts.
 *
 * Values: 0 no, 1 yes, 2 a fact missing, 3 a judgement open (the engine's own codes).
 */

export type Expr =
  | { readonly k: 'const'; readonly w: 0 | 1 | 2 | 3 }
  /** A comparison of a fact with a literal (dates as day numbers) or with another fact. */
  | {
      readonly k: 'cmp';
      readonly feit: string;
      readonly op: 'eq' | 'ne' | 'ge' | 'gt' | 'le' | 'lt';
      readonly waarde: Scalar | { readonly feit: string };
    }
  | { readonly k: 'in'; readonly feit: string; readonly waarden: readonly Scalar[] }
  | { readonly k: 'bekend'; readonly feit: string; readonly verwacht: boolean }
  | { readonly k: 'oordeel'; readonly naam: string }
  | { readonly k: 'en'; readonly delen: readonly Expr[] }
  | { readonly k: 'of'; readonly delen: readonly Expr[] }
  | { readonly k: 'niet'; readonly deel: Expr }
  /** Kleene implication: JA when `als` is NEE, else of(niet(als), dan). */
  | { readonly k: 'als'; readonly als: Expr; readonly dan: Expr };

/** Fact names the peers see besides the vocabulary's: the requested voorziening ('' for none) and terms. */
export const AANVRAAG = 'aanvraagVan';
export const GEVRAAGD_EINDE = 'gevraagdeEinde';
export const MAX_EINDE = 'maximaleEinde';
export const WETTELIJKE_BASIS_EINDE = 'wettelijkeBasisEinde';
/** The term without the law's own term, where that term holds for some people only (art. 8a lid 2 onder d). */
export const MAX_EINDE_RUIM = 'maximaleEindeRuim';
/** Which period of versions the request's first day falls in (see `Periode`). */
export const PERIODE = 'periode';
export const oordeelFeit = (naam: string) => `oordeel_${naam}`;

export const JA_: Expr = { k: 'const', w: 1 };
const NEE_: Expr = { k: 'const', w: 0 };
const ONBEKEND_: Expr = { k: 'const', w: 2 };

export interface VoorzieningRegels {
  readonly id: VoorzieningId;
  readonly slot: number;
  /** The outcome when judged; judged only without a request or when the request is for this one. */
  readonly uitkomst: Expr;
}

/**
 * A request is judged under the law of its first day (and the ordinance in force then, or on the
 * peildatum for one that runs): the plan is the same between two dates where a version starts or ends.
 * The tree holds one branch per such period; the harness says which period a case is in.
 */
export interface Periode {
  /** The period's first day, or undefined for the one before every boundary. */
  readonly vanaf: string | undefined;
  /** The plan for requests whose first day falls in it; undefined when there is none (onbepaald). */
  readonly plan: Plan | undefined;
}

export interface Regelboom {
  readonly gemeente: string;
  readonly peildatum: string;
  readonly voorzieningen: readonly VoorzieningRegels[];
  /**
   * Requested but not offered by the gemeente: refused (art. 8a lid 1 onder a Pw), unknown where our
   * source is incomplete, judged under transitional law for an earlier grant.
   */
  readonly nietAangeboden: readonly {
    readonly id: VoorzieningId;
    readonly slot: number;
    readonly uitkomst: Expr;
  }[];
  readonly oordelen: readonly string[];
  /** Every fact the rules read (the peers get exactly these, null where missing). */
  readonly feiten: readonly string[];
  /** The plan on the peildatum (cases without a request). */
  readonly plan: Plan;
  readonly perioden: readonly Periode[];
  /** The period a request's first day falls in (the index into `perioden`). */
  periodeVan(startdatum: string): number;
}

const dag = (d: string) => naarDagnummer(d);

function isDatum(feit: string): boolean {
  return FEIT_INDEX.get(feit)?.type.soort === 'datum';
}

function literaal(feit: string, v: Scalar): Scalar {
  return isDatum(feit) && typeof v === 'string' ? dag(v) : v;
}

const eq = (feit: string, waarde: Scalar): Expr => ({ k: 'cmp', feit, op: 'eq', waarde });
const en = (...delen: Expr[]): Expr => ({ k: 'en', delen });
const als = (a: Expr, d: Expr): Expr => ({ k: 'als', als: a, dan: d });
/** Guards are definite (never missing): whether a fact is present is always known. */
const bekend = (feit: string): Expr => ({ k: 'bekend', feit, verwacht: true });
const isNull = (feit: string): Expr => ({ k: 'bekend', feit, verwacht: false });

export function maakRegelboom(engine: Engine, gemeente: string, peildatum: string): Regelboom {
  const p = engine.planOp(gemeente, peildatum);
  if (!p.ok) throw new Error(`${gemeente} ${peildatum}: ${p.fout.code}`);
  const hoofdplan = p.plan;
  const oordelen = new Set<string>();

  // The boundaries where a version of the law or of one of the gemeente's regulations starts or ends.
  const grenzen = new Set<string>();
  for (const id of [hoofdplan.wet.id, ...engine.bibliotheek.regelingenVan(gemeente)])
    for (const v of engine.bibliotheek.versies(id)) {
      grenzen.add(v.geldigVanaf);
      if (v.geldigTot !== undefined) grenzen.add(plusDagen(v.geldigTot, 1));
    }
  const starts = [...grenzen].sort();
  const periodeVan = (d: string): number => {
    let i = 0;
    while (i < starts.length && d >= starts[i]!) i++;
    return i;
  };
  const perioden: Periode[] = [undefined, ...starts].map((vanaf, i) => {
    const dag = vanaf ?? plusDagen(starts[0]!, -1);
    const d = beoordelingsdata({ ingangsdatum: dag }, peildatum);
    const g = engine.planOp(gemeente, d.regelingDatum, undefined, d.wetDatum);
    // The period of the peildatum is the plan of cases without a request.
    return { vanaf, plan: i === periodeVan(peildatum) ? hoofdplan : g.ok ? g.plan : undefined };
  });

  const bouw = (plan: Plan, datum: string) => {
    const vertaal = (t: Toets, regeling: Regeling): Expr => {
      const omgeving = omgevingVoor(engine.bibliotheek, regeling, plan.wet);
      const rec = (x: Toets): Expr => {
        if ('alle' in x) return { k: 'en', delen: x.alle.map(rec) };
        if ('een' in x) return { k: 'of', delen: x.een.map(rec) };
        if ('niet' in x) return { k: 'niet', deel: rec(x.niet) };
        if ('als' in x) return { k: 'als', als: rec(x.als), dan: rec(x.dan) };
        if ('waar' in x) return x.waar ? JA_ : NEE_;
        if ('oordeel' in x) {
          oordelen.add(x.oordeel);
          return { k: 'oordeel', naam: x.oordeel };
        }
        if ('gebruik' in x) {
          const d = omgeving.definitie(x.gebruik);
          if (!d) throw new Error(`onbekende definitie ${x.gebruik}`);
          return rec(d);
        }
        // The peers translate the seed regulations, which use no periods or exact ages.
        if ('periode' in x || 'leeftijdOp' in x)
          throw new Error('periode- en leeftijdtoetsen zijn niet vertaald naar de regelboom');
        const feit = x.feit;
        const checks: Expr[] = [];
        if (x.isBekend !== undefined) checks.push({ k: 'bekend', feit, verwacht: x.isBekend });
        const rechts = (w: Waarde): Scalar | { feit: string } | null => {
          if (typeof w !== 'object') return literaal(feit, w);
          if ('feit' in w) return { feit: w.feit };
          const waarden = omgeving.parameter(w.parameter);
          const v = waarden ? waardeOp(waarden, datum) : undefined;
          return v === undefined || v === null ? null : v;
        };
        const ops = [
          ['is', 'eq'],
          ['isNiet', 'ne'],
          ['tenMinste', 'ge'],
          ['meerDan', 'gt'],
          ['tenHoogste', 'le'],
          ['minderDan', 'lt'],
        ] as const;
        for (const [sleutel, op] of ops) {
          const w = x[sleutel];
          if (w === undefined) continue;
          const r = rechts(w);
          // An unknown figure makes the comparison unknowable, whatever the fact.
          checks.push(r === null ? ONBEKEND_ : { k: 'cmp', feit, op, waarde: r });
        }
        if (x.isEenVan !== undefined)
          checks.push({ k: 'in', feit, waarden: x.isEenVan.map((v) => literaal(feit, v)) });
        return checks.length === 1 ? checks[0]! : en(...checks);
      };
      return rec(t);
    };

    const stap = (v: PlanVoorwaarde): Expr => {
      if (v.buitenToepassing) return JA_;
      const regel = vertaal(v.regel.toets, v.bron.regeling);
      // A general condition the law widens for this voorziening (art. 10b lid 1 Pw).
      return v.uitzondering ? { k: 'of', delen: [vertaal(v.uitzondering.regel, plan.wet), regel] } : regel;
    };
    const stappen = (lijst: readonly PlanVoorwaarde[] | undefined) => (lijst ?? []).map(stap);

    /** The request part of a voorziening: conditions, extensions, the law's third year, the term. */
    const aanvraagDeel = (pv: PlanVoorziening, overgang: boolean): Expr => {
      const duur = pv.duur;
      const k = 'verlengingen';
      const max = maximaalAantalVerlengingen(duur);
      // Where the law's term holds for some people only, the ordinance's own term is the wider one.
      const geldt = pv.wettelijkeDuurGeldtAls
        ? vertaal(pv.wettelijkeDuurGeldtAls.regel, plan.wet)
        : undefined;
      const na = (feit: string, op: 'gt' | 'ne', ander: string): Expr => ({
        k: 'cmp',
        feit,
        op,
        waarde: { feit: ander },
      });
      // A request longer than the maximum is granted up to it: the law's third year is judged on
      // min(G, MAX_EINDE), which passes the basic term when both do (no maximum: G alone). Under
      // transitional law MAX_EINDE is the current version's, which the seed files keep equal to the
      // law's; the protection ends on the agreed end itself ('overeengekomen'), so it cuts nothing more.
      const voorbijMax: Expr = {
        k: 'of',
        delen: [isNull(MAX_EINDE), en(bekend(MAX_EINDE), na(MAX_EINDE, 'gt', WETTELIJKE_BASIS_EINDE))],
      };
      const voorbij: Expr = {
        k: 'of',
        delen: [
          en(bekend(GEVRAAGD_EINDE), na(GEVRAAGD_EINDE, 'gt', WETTELIJKE_BASIS_EINDE), voorbijMax),
          en(isNull(GEVRAAGD_EINDE), { k: 'cmp', feit: k, op: 'ge', waarde: 1 }),
        ],
      };
      const verlengingen: Expr = { k: 'cmp', feit: k, op: 'le', waarde: max };
      const delen: Expr[] = [
        ...stappen(pv.aanvraagVoorwaarden),
        geldt
          ? en(
              { k: 'cmp', feit: k, op: 'le', waarde: maximaalAantalVerlengingen(pv.duurZonderWet) },
              als(geldt, verlengingen),
            )
          : verlengingen,
        ...stappen(duur?.verlengingVoorwaarden).map((s) =>
          als({ k: 'cmp', feit: k, op: 'ge', waarde: 1 }, s),
        ),
      ];
      if (duur?.wettelijkeBasisMaanden !== undefined)
        delen.push(...stappen(duur.wettelijkeVerlengingVoorwaarden).map((s) => als(voorbij, s)));
      // A request longer than the maximum is granted up to min(G, MAX_EINDE), never refused for it.
      // Where the law's term holds for some people only and the wider term ends on another day (or
      // has no end), the day granted hangs on whether it holds: the outcome is that open question.
      if (!overgang && duur?.basis && geldt) {
        const langer = en(bekend(GEVRAAGD_EINDE), bekend(MAX_EINDE), na(GEVRAAGD_EINDE, 'gt', MAX_EINDE));
        const anderEinde: Expr = {
          k: 'of',
          delen: [isNull(MAX_EINDE_RUIM), en(bekend(MAX_EINDE_RUIM), na(MAX_EINDE_RUIM, 'ne', MAX_EINDE))],
        };
        delen.push(als(en(langer, anderEinde), { k: 'of', delen: [geldt, { k: 'niet', deel: geldt }] }));
      }
      return en(...delen);
    };

    const overgangsRegelingen = plan.gemeenteRegelingen.filter((r) => r.overgangsrecht);
    if (overgangsRegelingen.length > 1)
      throw new Error('meer dan een regeling met overgangsrecht: niet vertaald');
    const overgangsRegeling = overgangsRegelingen[0];
    const grens = overgangsRegeling
      ? (overgangsRegeling.overgangsrecht!.toegekendVoor ?? overgangsRegeling.geldigVanaf)
      : undefined;
    if (
      overgangsRegeling &&
      engine.bibliotheek
        .versies(overgangsRegeling.id)
        .some((r) => r !== overgangsRegeling && r.geldigVanaf < grens!)
    )
      throw new Error('overgangsrecht met een eerdere geladen versie: niet vertaald');

    /** Under transitional law: the variant's rules, an agreed end, still protected on the peildatum. */
    const onderOvergang = (id: VoorzieningId): Expr | undefined => {
      if (!overgangsRegeling || !grens) return undefined;
      const o = engine.kies(plan, id, plusDagen(grens, -1)).overgang;
      const variant = o?.planVoorziening;
      const pv = plan.voorzieningen.get(id);
      if (variant && pv && variant.duur?.wettelijkeBasisMaanden !== pv.duur?.wettelijkeBasisMaanden)
        throw new Error(`${id}: overgangsrecht met een andere wettelijke basistermijn: niet vertaald`);
      if (!variant) return NEE_;
      const ovVoorwaarde = plan.overgangsvoorwaarden.get(overgangsRegeling.id);
      const ov = overgangsRegeling.overgangsrecht!;
      // The protection ends on the agreed end, or earlier where the article sets a last day.
      const grensDag =
        ov.duur === 'overeengekomen'
          ? undefined
          : eindeTermijnMaanden(overgangsRegeling.geldigVanaf, ov.duur.maandenNaInwerkingtreding);
      const beschermd: Expr =
        grensDag !== undefined && peildatum > grensDag
          ? NEE_
          : { k: 'cmp', feit: GEVRAAGD_EINDE, op: 'ge', waarde: dag(peildatum) };
      // Without an agreed end the transitional term cannot be known.
      const afgesproken: Expr = en(
        { k: 'of', delen: [bekend(GEVRAAGD_EINDE), ONBEKEND_] },
        als(bekend(GEVRAAGD_EINDE), beschermd),
      );
      return en(
        ...stappen(variant.voorwaarden),
        afgesproken,
        ...(ovVoorwaarde ? [stap(ovVoorwaarde)] : []),
        aanvraagDeel(variant, true),
      );
    };
    const inOvergang: Expr | undefined = grens
      ? en(bekend('toegekendOp'), { k: 'cmp', feit: 'toegekendOp', op: 'lt', waarde: dag(grens) })
      : undefined;

    const uitkomsten = new Map<VoorzieningId, Expr>();
    for (const [id, pv] of plan.voorzieningen) {
      const aangevraagd = eq(AANVRAAG, id);
      const normaal = en(...stappen(pv.voorwaarden), als(aangevraagd, aanvraagDeel(pv, false)));
      const ov = onderOvergang(id);
      uitkomsten.set(
        id,
        ov && inOvergang
          ? en(
              als(en(aangevraagd, inOvergang), ov),
              als({ k: 'niet', deel: en(aangevraagd, inOvergang) }, normaal),
            )
          : normaal,
      );
    }
    const onvolledig = plan.gemeenteRegelingen.some((r) => r.aanbodOnvolledig);
    const nietAangeboden = new Map<VoorzieningId, Expr>();
    for (const id of VOORZIENINGEN) {
      if (plan.voorzieningen.has(id)) continue;
      const anders = onvolledig ? ONBEKEND_ : NEE_;
      const ov = onderOvergang(id);
      nietAangeboden.set(
        id,
        ov && inOvergang ? en(als(inOvergang, ov), als({ k: 'niet', deel: inOvergang }, anders)) : anders,
      );
    }
    return { uitkomsten, nietAangeboden };
  };

  const gebouwd = perioden.map((per) => {
    if (!per.plan) return undefined;
    const datum = per.vanaf === undefined || per.vanaf < peildatum ? peildatum : per.vanaf;
    return bouw(per.plan, datum);
  });
  /** One branch per period: exactly one `periode == i` holds, so the tree is that period's rules. */
  const perPeriode = (
    kies: (b: NonNullable<(typeof gebouwd)[number]>) => Expr | undefined,
  ): Expr | undefined => {
    const takken = gebouwd.map((b, i) => {
      const e = b ? kies(b) : ONBEKEND_;
      return e === undefined ? undefined : als({ k: 'cmp', feit: PERIODE, op: 'eq', waarde: i }, e);
    });
    if (takken.every((t) => t === undefined)) return undefined;
    return en(...takken.map((t) => t ?? NEE_));
  };

  const voorzieningen: VoorzieningRegels[] = [];
  for (const id of hoofdplan.voorzieningen.keys()) {
    const uitkomst = perPeriode((b) => b.uitkomsten.get(id) ?? b.nietAangeboden.get(id))!;
    voorzieningen.push({ id, slot: VOORZIENINGEN.indexOf(id), uitkomst: vereenvoudig(uitkomst) });
  }
  const nietAangeboden = VOORZIENINGEN.filter((v) => !hoofdplan.voorzieningen.has(v)).map((id) => ({
    id,
    slot: VOORZIENINGEN.indexOf(id),
    uitkomst: vereenvoudig(perPeriode((b) => b.nietAangeboden.get(id) ?? b.uitkomsten.get(id))!),
  }));
  const feiten = new Set<string>([AANVRAAG, 'verlengingen', PERIODE]);
  const verzamel = (e: Expr): void => {
    if (e.k === 'cmp') {
      feiten.add(e.feit);
      if (typeof e.waarde === 'object') feiten.add(e.waarde.feit);
    } else if (e.k === 'in' || e.k === 'bekend') feiten.add(e.feit);
    else if (e.k === 'oordeel') feiten.add(oordeelFeit(e.naam));
    else if (e.k === 'en' || e.k === 'of') e.delen.forEach(verzamel);
    else if (e.k === 'niet') verzamel(e.deel);
    else if (e.k === 'als') {
      verzamel(e.als);
      verzamel(e.dan);
    }
  };
  for (const v of voorzieningen) verzamel(v.uitkomst);
  for (const v of nietAangeboden) verzamel(v.uitkomst);
  return {
    gemeente,
    peildatum,
    voorzieningen,
    nietAangeboden,
    oordelen: [...oordelen],
    feiten: [...feiten],
    plan: hoofdplan,
    perioden,
    periodeVan,
  };
}

/** Folds constants and flattens nested and/or, so the peers get no dead branches. */
export function vereenvoudig(e: Expr): Expr {
  switch (e.k) {
    case 'en': {
      const delen: Expr[] = [];
      for (const d of e.delen.map(vereenvoudig)) {
        if (d.k === 'const' && d.w === 1) continue;
        if (d.k === 'const' && d.w === 0) return NEE_;
        if (d.k === 'en') delen.push(...d.delen);
        else delen.push(d);
      }
      if (delen.length === 0) return JA_;
      return delen.length === 1 ? delen[0]! : { k: 'en', delen };
    }
    case 'of': {
      const delen: Expr[] = [];
      for (const d of e.delen.map(vereenvoudig)) {
        if (d.k === 'const' && d.w === 0) continue;
        if (d.k === 'const' && d.w === 1) return JA_;
        if (d.k === 'of') delen.push(...d.delen);
        else delen.push(d);
      }
      if (delen.length === 0) return NEE_;
      return delen.length === 1 ? delen[0]! : { k: 'of', delen };
    }
    case 'niet': {
      const d = vereenvoudig(e.deel);
      if (d.k === 'const') return { k: 'const', w: d.w === 1 ? 0 : d.w === 0 ? 1 : d.w };
      return { k: 'niet', deel: d };
    }
    case 'als': {
      const a = vereenvoudig(e.als);
      const d = vereenvoudig(e.dan);
      if (a.k === 'const' && a.w === 0) return JA_;
      if (a.k === 'const' && a.w === 1) return d;
      if (d.k === 'const' && d.w === 1) return JA_;
      return { k: 'als', als: a, dan: d };
    }
    default:
      return e;
  }
}

/** Evaluates the tree on flat facts: the reference the emitters are checked against. */
export function evalueerBoom(e: Expr, f: Readonly<Record<string, unknown>>): 0 | 1 | 2 | 3 {
  const NEE = 0;
  const JA = 1;
  const ONB = 2;
  const OORD = 3;
  type W = 0 | 1 | 2 | 3;
  const enW = (a: W, b: W): W =>
    a === NEE || b === NEE ? NEE : a === ONB || b === ONB ? ONB : a === OORD || b === OORD ? OORD : JA;
  const ofW = (a: W, b: W): W =>
    a === JA || b === JA ? JA : a === ONB || b === ONB ? ONB : a === OORD || b === OORD ? OORD : NEE;
  const nietW = (a: W): W => (a === JA ? NEE : a === NEE ? JA : a);
  switch (e.k) {
    case 'const':
      return e.w;
    case 'cmp': {
      const a = f[e.feit];
      const b = typeof e.waarde === 'object' ? f[e.waarde.feit] : e.waarde;
      if (a === null || a === undefined || b === null || b === undefined) return ONB;
      const x = a as Scalar;
      const y = b as Scalar;
      const r =
        e.op === 'eq'
          ? x === y
          : e.op === 'ne'
            ? x !== y
            : e.op === 'ge'
              ? x >= y
              : e.op === 'gt'
                ? x > y
                : e.op === 'le'
                  ? x <= y
                  : x < y;
      return r ? JA : NEE;
    }
    case 'in': {
      const a = f[e.feit];
      if (a === null || a === undefined) return ONB;
      return e.waarden.includes(a as Scalar) ? JA : NEE;
    }
    case 'bekend': {
      const a = f[e.feit];
      return (a !== null && a !== undefined) === e.verwacht ? JA : NEE;
    }
    case 'oordeel': {
      const a = f[oordeelFeit(e.naam)];
      return a === null || a === undefined ? OORD : a ? JA : NEE;
    }
    case 'en':
      return e.delen.reduce<W>((t, d) => enW(t, evalueerBoom(d, f)), JA);
    case 'of':
      return e.delen.reduce<W>((t, d) => ofW(t, evalueerBoom(d, f)), NEE);
    case 'niet':
      return nietW(evalueerBoom(e.deel, f));
    case 'als': {
      const a = evalueerBoom(e.als, f);
      return a === NEE ? JA : ofW(nietW(a), evalueerBoom(e.dan, f));
    }
  }
}
