import { FEIT_INDEX } from '../../casus/feiten.ts';
import type { Casus } from '../../casus/index.ts';
import { eindeTermijnMaanden } from '../../kalender/index.ts';
import type { Context } from '../../regels/context.ts';
import type { GecompileerdeToets } from '../../regels/compileer.ts';
import { en, JA, NEE, ONBEKEND, OORDEEL, type Waarheid } from '../../regels/waarheid.ts';
import { bedragTekst, opsomming } from '../../taal/index.ts';
import { deel } from './json.ts';
import {
  type GeldendeDuur,
  geldendeDuur,
  ingangsdatumVan,
  langerWaarheid,
  maximaalAantalVerlengingen,
  overgangsgrens,
  toegekendeEinddatum,
  verlengingenVan,
  verlengingWaarheid,
  voorbijWettelijkeBasis,
} from '../beslissing.ts';
import { deelZinnen } from '../deelzinnen.ts';
import {
  einddatumOpenTekst,
  invoerLabel,
  langerTekst,
  ontbrekendeInvoer,
  type Overgang,
  perTekst,
  verwijzing,
} from '../evalueer.ts';
import {
  artikelTekst,
  type Bron,
  type Plan,
  type PlanBedrag,
  type PlanDuur,
  type PlanVoorwaarde,
  type PlanVoorziening,
} from '../plan.ts';
import type { Bedrag, Conflict, Grond, Moment, Uitkomst, VoorzieningUitkomst, Vraag } from '../resultaat.ts';
import { betaaldata, gevraagdeEinddatum, maximaleEinddatum, momentDatum, perJaar } from '../termijnen.ts';
import {
  compileerDefinitiezin,
  compileerSjabloon,
  type Feiten,
  type Sjabloon,
  snelleDatumTekst as datumTekst,
  vul,
} from './zinnen.ts';

/**
 * One voorziening judged with explanation, compiled once per plan: the same grounds, sentences,
 * terms and amounts as `beoordeelVoorziening` in evalueer.ts (the reference), but every article
 * citation, reference, template and fact list is worked out when the plan is first used, so a case
 * only runs the rules and fills in the slots.
 *
 * It covers the constructs it knows. A voorziening with anything else (a field of the plan this
 * module does not read, a template it cannot split exactly) does not compile (`compileerVoorziening`
 * gives undefined) and its cases go to the reference; so do cases with recorded deviations, which
 * the caller checks (src/engine/uitleg/engine.ts).
 */

const UITKOMST: Record<Waarheid, Uitkomst> = {
  [JA]: 'toegestaan',
  [NEE]: 'afgewezen',
  [ONBEKEND]: 'onbepaald',
  [OORDEEL]: 'ter-beoordeling',
};

/** The fields of the plan this module reads; a plan object with others is not compiled. */
const BEKEND = {
  voorziening: new Set([
    'id',
    'titel',
    'bron',
    'voorwaarden',
    'aanvraagVoorwaarden',
    'duur',
    'wettelijkeDuur',
    'wettelijkeDuurGeldtAls',
    'duurZonderWet',
    'bedragen',
    'bedragenHerzien',
    'jaarPlafond',
    'evaluatiemomenten',
    'conflicten',
  ]),
  voorwaarde: new Set([
    'id',
    'bron',
    'laag',
    'toets',
    'regel',
    'verwijzingen',
    'uitleg',
    'definities',
    'buitenToepassing',
    'uitzondering',
  ]),
  bedrag: new Set(['naam', 'bron', 'regel', 'cent', 'als', 'delen', 'verwijzingen']),
  bedragRegel: new Set([
    'artikel',
    'lid',
    'onder',
    'omschrijving',
    'cent',
    'per',
    'als',
    'uitleg',
    'gedurende',
    'toelichting',
  ]),
  duur: new Set([
    'basis',
    'verlenging',
    'wettelijkeEinddatum',
    'wettelijkeBron',
    'verlengingVoorwaarden',
    'wettelijkeVerlengingVoorwaarden',
    'wettelijkeBasisMaanden',
    'verordening',
    'wettelijkeVerlengingOpVerordening',
    'uitleg',
  ]),
};

function alleenBekend(o: object, bekend: ReadonlySet<string>): boolean {
  for (const k of Object.keys(o)) if (!bekend.has(k)) return false;
  return true;
}

export interface Voorwaarde {
  readonly v: PlanVoorwaarde;
  readonly regeling: string;
  readonly artikel: string;
  /** " (artikel 7 van de Participatiewet)": what every sentence of the condition ends with. */
  readonly achter: string;
  readonly ja: Sjabloon;
  readonly nee: Sjabloon;
  readonly definities: ReadonlyMap<
    string,
    { readonly toets: GecompileerdeToets; readonly ja: Sjabloon; readonly nee: Sjabloon }
  >;
  readonly feiten: readonly string[];
  /** The facts its ground shows or fills in: with the truth value, all the ground depends on. */
  readonly sleutelFeiten: readonly string[];
  /** Grounds built before. */
  readonly gronden: Grondenopslag;
  /** The whole sentence of a rule national law sets aside. */
  readonly buiten?: string;
  readonly uitzondering?: {
    readonly toets: GecompileerdeToets;
    readonly regeling: string;
    readonly artikel: string;
    readonly zin: Sjabloon;
    readonly achter: string;
  };
}

interface BedragC {
  readonly b: PlanBedrag;
  readonly regeling: string;
  readonly artikel: string;
  readonly referentie: string;
  readonly ja: Sjabloon;
  readonly nee: Sjabloon;
  readonly feiten: readonly string[];
  readonly perTekst: string;
  /** Months of a periodic amount ("6 maanden"), else undefined. */
  readonly periode: number | undefined;
}

interface DuurC {
  readonly verlengingVoorwaarden: readonly Voorwaarde[];
  readonly wettelijkeVerlengingVoorwaarden: readonly Voorwaarde[];
}

export interface GecompileerdeVoorziening {
  readonly pv: PlanVoorziening;
  readonly voorwaarden: readonly Voorwaarde[];
  readonly aanvraagVoorwaarden: readonly Voorwaarde[];
  /** Per term the plan can apply (duur, duurZonderWet), its compiled conditions. */
  readonly duren: ReadonlyMap<PlanDuur, DuurC>;
  readonly bedragen: readonly BedragC[];
  readonly label: (naam: string) => string;
}

const voorwaardeCache = new WeakMap<PlanVoorwaarde, Voorwaarde | null>();

/** A condition compiled once (the transitional article's condition, kept per plan). */
export function gecompileerdeVoorwaarde(v: PlanVoorwaarde): Voorwaarde | undefined {
  let c = voorwaardeCache.get(v);
  if (c === undefined) voorwaardeCache.set(v, (c = compileerVoorwaarde(v) ?? null));
  return c ?? undefined;
}

function compileerVoorwaarde(v: PlanVoorwaarde): Voorwaarde | undefined {
  if (!alleenBekend(v, BEKEND.voorwaarde)) return undefined;
  const ja = compileerSjabloon(v.uitleg.ja);
  const nee = compileerSjabloon(v.uitleg.nee);
  if (!ja || !nee) return undefined;
  const definities = new Map<string, { toets: GecompileerdeToets; ja: Sjabloon; nee: Sjabloon }>();
  for (const [naam, d] of v.definities) {
    const dja = compileerDefinitiezin(d.uitleg.ja);
    const dnee = compileerDefinitiezin(d.uitleg.nee);
    if (!dja || !dnee) return undefined;
    definities.set(naam, { toets: d.toets, ja: dja, nee: dnee });
  }
  let uitzondering: Voorwaarde['uitzondering'];
  if (v.uitzondering) {
    const zin = compileerSjabloon(v.uitzondering.uitleg);
    if (!zin || zin.some((d) => d.soort === 'definitie')) return undefined;
    uitzondering = {
      toets: v.uitzondering.toets,
      regeling: v.uitzondering.bron.regeling.id,
      artikel: artikelTekst(v.uitzondering.bron),
      zin,
      achter: ` (${verwijzing(v.uitzondering.bron)})`,
    };
  }
  return {
    v,
    regeling: v.bron.regeling.id,
    artikel: artikelTekst(v.bron),
    achter: ` (${verwijzing(v.bron)})`,
    ja,
    nee,
    definities,
    feiten: [...v.verwijzingen.feiten],
    sleutelFeiten: [
      ...new Set([
        ...v.verwijzingen.feiten,
        ...[...ja, ...nee].flatMap((d) => (d.soort === 'feit' ? [d.naam] : [])),
      ]),
    ],
    gronden: nieuweOpslag(),
    ...(v.buitenToepassing
      ? { buiten: `Deze regel uit ${verwijzing(v.bron)} wordt niet toegepast: ${v.buitenToepassing.uitleg}` }
      : {}),
    ...(uitzondering ? { uitzondering } : {}),
  };
}

function compileerLijst(lijst: readonly PlanVoorwaarde[]): Voorwaarde[] | undefined {
  const uit: Voorwaarde[] = [];
  for (const v of lijst) {
    const c = compileerVoorwaarde(v);
    if (!c) return undefined;
    uit.push(c);
  }
  return uit;
}

const PERIODE = /^(\d+) maanden$/;

function compileerBedrag(b: PlanBedrag): BedragC | undefined {
  if (!alleenBekend(b, BEKEND.bedrag) || !alleenBekend(b.regel, BEKEND.bedragRegel)) return undefined;
  const ja = compileerSjabloon(b.regel.uitleg.ja);
  const nee = compileerSjabloon(b.regel.uitleg.nee);
  if (!ja || !nee || [...ja, ...nee].some((d) => d.soort === 'definitie')) return undefined;
  const periode = PERIODE.exec(b.regel.per);
  return {
    b,
    regeling: b.bron.regeling.id,
    artikel: artikelTekst(b.bron),
    referentie: verwijzing(b.bron),
    ja,
    nee,
    feiten: [...b.verwijzingen.feiten],
    perTekst: perTekst(b.regel.per),
    periode: periode ? Number(periode[1]) : undefined,
  };
}

/** Compiles a voorziening of a plan; undefined when it holds a construct this module does not know. */
export function compileerVoorziening(pv: PlanVoorziening, plan: Plan): GecompileerdeVoorziening | undefined {
  // Sentences name facts by the national vocabulary; a gemeente that declares facts of its own is
  // judged by the reference, which fills them in by its own vocabulary.
  if (plan.vocabulaire.feiten.size !== FEIT_INDEX.size) return undefined;
  if (!alleenBekend(pv, BEKEND.voorziening)) return undefined;
  const voorwaarden = compileerLijst(pv.voorwaarden);
  const aanvraagVoorwaarden = compileerLijst(pv.aanvraagVoorwaarden);
  if (!voorwaarden || !aanvraagVoorwaarden) return undefined;
  const duren = new Map<PlanDuur, DuurC>();
  for (const d of [pv.duur, pv.duurZonderWet]) {
    if (!d || duren.has(d)) continue;
    if (!alleenBekend(d, BEKEND.duur)) return undefined;
    const verlengingVoorwaarden = compileerLijst(d.verlengingVoorwaarden);
    const wettelijkeVerlengingVoorwaarden = compileerLijst(d.wettelijkeVerlengingVoorwaarden);
    if (!verlengingVoorwaarden || !wettelijkeVerlengingVoorwaarden) return undefined;
    duren.set(d, { verlengingVoorwaarden, wettelijkeVerlengingVoorwaarden });
  }
  const bedragen: BedragC[] = [];
  for (const b of pv.bedragen) {
    const c = compileerBedrag(b);
    if (!c) return undefined;
    bedragen.push(c);
  }
  const labels = new Map<string, string>();
  const basisLabel = invoerLabel(plan);
  const label = (naam: string) => {
    let l = labels.get(naam);
    if (l === undefined) labels.set(naam, (l = basisLabel(naam)));
    return l;
  };
  return { pv, voorwaarden, aanvraagVoorwaarden, duren, bedragen, label };
}

function feitenVan(namen: readonly string[], feiten: Feiten): Record<string, unknown> {
  const uit: Record<string, unknown> = {};
  for (let i = 0; i < namen.length; i++) {
    const f = namen[i]!;
    uit[f] = feiten[f] ?? null;
  }
  return uit;
}

/**
 * A condition's store of grounds built before: a tree with one level per part of what the ground
 * depends on (see `grondKnoop`), so a case finds its ground by a few lookups on the values
 * themselves instead of hashing a key string built for it. Most facts a ground shows are yes/no or
 * missing: those three values have a field of their own, the others (strings, numbers, labels and
 * questions) a map, made when first needed.
 */
interface Knoop {
  ja: Knoop | undefined;
  nee: Knoop | undefined;
  geen: Knoop | undefined;
  kind: Map<unknown, Knoop> | undefined;
  grond: Grond | undefined;
  /** The questions to the college of the ground (the key holds each one's judgement and question). */
  vragen: readonly Vraag[] | undefined;
}

/**
 * Every node has all its fields from the start: one object shape, so reading `grond` of a node
 * is one monomorphic load (with the fields added when set, a node had one of several shapes).
 */
const nieuweKnoop = (): Knoop => ({
  ja: undefined,
  nee: undefined,
  geen: undefined,
  kind: undefined,
  grond: undefined,
  vragen: undefined,
});

export interface Grondenopslag {
  /** The first two levels, where it is judged and the truth value, without a map. */
  wortels: Partial<Record<Grond['soort'], Knoop[]>>;
  knopen: number;
}

/**
 * Nodes kept per condition at most; past it the store starts again (facts such as amounts vary
 * widely). A node is a small map and its share of a ground (a few hundred bytes): well under a
 * megabyte per condition of a plan.
 */
const MAX_KNOPEN = 2048;

const nieuweOpslag = (): Grondenopslag => ({ wortels: {}, knopen: 0 });

/** Empties a trace list; setting the length of an array that is empty already costs as much as emptying it. */
function leeg(l: unknown[]): void {
  if (l.length !== 0) l.length = 0;
}

/** The child of `k` for a value: true, false and null by field (no string or number is any of them), else by map. */
function stap(opslag: Grondenopslag, k: Knoop, waarde: unknown): Knoop {
  let n: Knoop | undefined;
  if (waarde === true) n = k.ja ?? (k.ja = kind(opslag));
  else if (waarde === false) n = k.nee ?? (k.nee = kind(opslag));
  else if (waarde === null) n = k.geen ?? (k.geen = kind(opslag));
  else {
    let m = k.kind;
    if (m === undefined) k.kind = m = new Map();
    n = m.get(waarde);
    if (n === undefined) m.set(waarde, (n = kind(opslag)));
  }
  return n;
}

function kind(opslag: Grondenopslag): Knoop {
  opslag.knopen++;
  return nieuweKnoop();
}

/**
 * The node for what a ground of a condition without definitions depends on besides the missing
 * inputs or open questions (the caller steps on with those): where it is judged, the truth value and
 * the value of each fact it shows or fills in. A map tells "1" from 1 (their JSON differs); a missing
 * fact reads as null in both the ground and the sentence, so undefined is stepped on as null.
 * Undefined for a value that is no scalar: such a ground is not kept.
 */
function grondKnoop(c: Voorwaarde, soort: Grond['soort'], w: Waarheid, feiten: Feiten): Knoop | undefined {
  const opslag = c.gronden;
  if (opslag.knopen >= MAX_KNOPEN) {
    opslag.wortels = {};
    opslag.knopen = 0;
  }
  let perWaarheid = opslag.wortels[soort];
  if (perWaarheid === undefined) opslag.wortels[soort] = perWaarheid = [];
  let k = perWaarheid[w];
  if (k === undefined) {
    perWaarheid[w] = k = nieuweKnoop();
    opslag.knopen++;
  }
  const namen = c.sleutelFeiten;
  for (let i = 0; i < namen.length; i++) {
    const v = feiten[namen[i]!];
    if (v === undefined || v === null) k = stap(opslag, k, null);
    else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') k = stap(opslag, k, v);
    else return undefined;
  }
  return k;
}

function bewaarGrond(k: Knoop, grond: Grond): void {
  Object.freeze(grond.feiten);
  // Frozen: shared by results, with its text for json.ts.
  k.grond = deel(grond);
}

export interface SnelleBeoordeling {
  readonly uitkomst: VoorzieningUitkomst;
  readonly conflicten: readonly Conflict[];
}

/** Transitional law for the case, with its article's condition compiled. */
export interface SnelOvergang {
  readonly overgang: Overgang;
  readonly voorwaarde: Voorwaarde | undefined;
}

/**
 * Where the law in force on the last 1 January sets amounts again each 1 January, the amounts of a
 * running voorziening follow the rules and figures of that day (the reference's `bedragOpzetVoor`).
 */
export interface SnelleBedragOpzet {
  /** The voorziening as the plan of that 1 January has it: its amounts and yearly maximum. */
  readonly gv: GecompileerdeVoorziening;
  /** The case's facts on that day. */
  readonly ctx: Context;
  readonly datum: string;
  readonly bron: Bron;
}

/**
 * Judges one voorziening as the reference does for a case without recorded deviations, with its
 * amounts set on its first day or, given `opzet`, on the last 1 January.
 */
export function beoordeelSnel(
  gv: GecompileerdeVoorziening,
  ctx: Context,
  casus: Casus,
  plan: Plan,
  snelOvergang?: SnelOvergang,
  opzet?: SnelleBedragOpzet,
): SnelleBeoordeling {
  return beoordeel(gv, ctx, casus, plan, snelOvergang, false, opzet) as SnelleBeoordeling;
}

/**
 * Only the outcome `beoordeelSnel` would give, without building a sentence: for the later periods
 * of a running voorziening, whose explanation is needed only where the outcome changes.
 */
export function uitkomstSnel(
  gv: GecompileerdeVoorziening,
  ctx: Context,
  casus: Casus,
  plan: Plan,
  snelOvergang?: SnelOvergang,
): Uitkomst {
  return beoordeel(gv, ctx, casus, plan, snelOvergang, true) as Uitkomst;
}

/** What judging one voorziening for one case has gathered so far, for `toets`. */
interface Lopend {
  readonly ctx: Context;
  readonly feiten: Feiten;
  readonly spoor: NonNullable<Context['spoor']>;
  readonly label: (naam: string) => string;
  readonly gronden: Grond[];
  readonly vragen: Vraag[];
  readonly ontbrekend: string[];
  readonly kaal: boolean;
}

/**
 * Judges one condition of a voorziening, adding its ground, questions and missing inputs to `l`;
 * gives the truth value it adds to the outcome (JA for a rule set aside or an exception that applies).
 * A function of the module, not a closure made per case: that was an allocation (and, where the
 * code keeps function names, a defineProperty) per voorziening judged.
 */
function toets(l: Lopend, c: Voorwaarde, soort: Grond['soort']): Waarheid {
  const { ctx, feiten, spoor, label, gronden, vragen, ontbrekend, kaal } = l;
  const v = c.v;
  if (c.buiten !== undefined) {
    gronden.push({
      regeling: c.regeling,
      artikel: c.artikel,
      uitleg: c.buiten,
      voldaan: null,
      feiten: {},
      soort: 'buiten-toepassing',
      voorwaarde: v.id,
    });
    return JA;
  }
  leeg(spoor.ontbrekend);
  leeg(spoor.vragen);
  const uz = c.uitzondering;
  if (uz !== undefined && uz.toets(ctx) === JA) {
    gronden.push({
      regeling: uz.regeling,
      artikel: uz.artikel,
      uitleg: vul(uz.zin, feiten) + uz.achter,
      voldaan: true,
      feiten: feitenVan(c.feiten, feiten),
      soort,
      voorwaarde: v.id,
    });
    return JA;
  }
  leeg(spoor.ontbrekend);
  const w = v.toets(ctx);
  // Amounts and sentences do not change the outcome.
  if (kaal) return w;
  // A ground says the same for the same truth value, facts and (when it cannot be judged yet) the
  // missing inputs' labels or the college's open questions: it is built once for those and shared
  // (frozen) by every case that has them. A condition with definitions is built every time.
  let knoop = c.definities.size === 0 ? grondKnoop(c, soort, w, feiten) : undefined;
  let mist: readonly string[] = [];
  if (w === ONBEKEND) {
    mist = ontbrekendeInvoer(spoor.ontbrekend);
    for (const m of mist) {
      ontbrekend.push(m);
      if (knoop !== undefined) knoop = stap(c.gronden, knoop, label(m));
    }
  } else if (w === OORDEEL) {
    for (const q of spoor.vragen)
      if (knoop !== undefined) knoop = stap(c.gronden, stap(c.gronden, knoop, q.oordeel), q.vraag);
    // The node is reached by exactly these questions: their entries are built once and shared (frozen).
    let eigen = knoop?.vragen;
    if (eigen === undefined) {
      eigen = spoor.vragen.map((q) => ({
        feit: q.oordeel,
        vraag: q.vraag,
        artikel: c.artikel,
        regeling: c.regeling,
      }));
      if (knoop !== undefined) knoop.vragen = eigen.map((x) => deel(x));
    }
    for (const x of eigen) if (!vragen.some((y) => y.feit === x.feit)) vragen.push(x);
  }
  if (knoop?.grond !== undefined) {
    gronden.push(knoop.grond);
    return w;
  }
  let zin: string;
  if (w === JA || w === NEE) {
    const definitie =
      c.definities.size === 0
        ? undefined
        : (naam: string) => {
            const d = c.definities.get(naam);
            const u = d?.toets(ctx);
            return u === JA ? d!.ja : u === NEE ? d!.nee : undefined;
          };
    zin = vul(w === JA ? c.ja : c.nee, feiten, definitie);
  } else if (w === ONBEKEND) {
    zin = `Dit kunnen we nog niet beoordelen, want ${opsomming(mist.map(label))} ${mist.length > 1 ? 'ontbreken' : 'ontbreekt'}.`;
  } else {
    zin = `Het college moet dit nog beoordelen: ${spoor.vragen.map((q) => q.vraag).join(' ')}`;
  }
  const grond: Grond = {
    regeling: c.regeling,
    artikel: c.artikel,
    uitleg: zin + c.achter,
    voldaan: w === JA ? true : w === NEE ? false : null,
    feiten: feitenVan(c.feiten, feiten),
    soort,
    voorwaarde: v.id,
  };
  if (knoop !== undefined) bewaarGrond(knoop, grond);
  gronden.push(grond);
  return w;
}

function beoordeel(
  gv: GecompileerdeVoorziening,
  ctx: Context,
  casus: Casus,
  plan: Plan,
  snelOvergang: SnelOvergang | undefined,
  kaal: boolean,
  opzet?: SnelleBedragOpzet,
): SnelleBeoordeling | Uitkomst {
  const overgang = snelOvergang?.overgang;
  const pv = gv.pv;
  const aanvraag = casus.aanvraag?.voorziening === pv.id ? casus.aanvraag : undefined;
  const gronden: Grond[] = [];
  const vragen: Vraag[] = [];
  const ontbrekend: string[] = [];
  const conflicten: Conflict[] = [];
  let totaal: Waarheid = JA;
  const feiten = ctx.feiten;
  const spoor = ctx.spoor!;
  const label = gv.label;

  const l: Lopend = { ctx, feiten, spoor, label, gronden, vragen, ontbrekend, kaal };

  for (const c of gv.voorwaarden) totaal = en(totaal, toets(l, c, 'voorwaarde'));

  const ingang = ingangsdatumVan(aanvraag, casus.peildatum);
  const k = verlengingenVan(aanvraag);
  const geldend: GeldendeDuur = geldendeDuur(pv, ctx);
  const duur = geldend.duur;
  const duurC = duur ? gv.duren.get(duur) : undefined;
  let einde = maximaleEinddatum(duur, ingang, k);

  let beschermdTot: string | undefined;
  if (overgang) {
    const r = overgang.regeling;
    const ov = r.overgangsrecht!;
    const bron: Bron = { regeling: r, artikel: ov.artikel, lid: ov.lid, onder: ov.onder };
    const afgesproken = gevraagdeEinddatum(ingang, aanvraag);
    if (afgesproken === undefined) {
      ontbrekend.push('einddatum');
      totaal = en(totaal, ONBEKEND);
    } else {
      beschermdTot = overgangsgrens(r, afgesproken);
      einde = einde === null ? beschermdTot : einde <= beschermdTot ? einde : beschermdTot;
    }
    const voorbij = beschermdTot !== undefined && casus.peildatum > beschermdTot;
    if (!voorbij)
      gronden.push({
        regeling: r.id,
        artikel: artikelTekst(bron),
        uitleg: `${ov.uitleg} ${overgang.oudeVersie ? `De voorziening is beoordeeld met de regels van de versie van ${datumTekst(overgang.oudeVersie.geldigVanaf)}.` : 'De eerdere regeling is niet in dit systeem opgenomen; de wet geldt wel.'}${
          einde ? ` De voorziening loopt uiterlijk tot en met ${datumTekst(einde)}.` : ''
        } (${verwijzing(bron)})`,
        voldaan: true,
        feiten: { toegekendOp: feiten.toegekendOp ?? null },
        soort: 'overgangsrecht',
      });
    if (voorbij) {
      totaal = en(totaal, NEE);
      gronden.push({
        regeling: r.id,
        artikel: artikelTekst(bron),
        uitleg: `De bescherming van het overgangsrecht liep tot en met ${datumTekst(beschermdTot!)}. Op ${datumTekst(casus.peildatum)} is die voorbij: vanaf dan gelden de regels van de ${r.citeertitel}. (${verwijzing(bron)})`,
        voldaan: false,
        feiten: { toegekendOp: feiten.toegekendOp ?? null, peildatum: casus.peildatum },
        soort: 'overgangsrecht',
      });
    }
    const voorwaarde = snelOvergang.voorwaarde;
    if (voorwaarde && !voorbij) totaal = en(totaal, toets(l, voorwaarde, 'overgangsrecht'));
  }

  if (aanvraag) {
    for (const c of gv.aanvraagVoorwaarden) totaal = en(totaal, toets(l, c, 'aanvraag'));
    const maxAantal = maximaalAantalVerlengingen(duur);
    if (k > maxAantal) {
      const bron = duur?.verlenging?.bron ?? duur?.verordening ?? duur?.basis?.bron ?? pv.bron;
      const w = verlengingWaarheid(geldend, k);
      totaal = en(totaal, w);
      const wetVerlenging = duur?.wettelijkeVerlengingOpVerordening;
      if (!kaal)
        gronden.push({
          regeling: bron.regeling.id,
          artikel: artikelTekst(bron),
          uitleg: `${
            maxAantal === 0
              ? `De ${
                  (bron.regeling.laag === 'wet' ? pv.bron.regeling : bron.regeling).citeertitel
                } kent geen verlenging van deze voorziening.${wetVerlenging ? ` De wet staat een verlenging met ten hoogste ${wetVerlenging} maanden toe als de verordening die regelt (artikel ${artikelTekst(duur!.wettelijkeBron!)} van de ${plan.wet.citeertitel}).` : ''}`
              : `De voorziening kan ten hoogste ${maxAantal} keer worden verlengd; u vraagt ${k} verlengingen.`
          }${w !== NEE ? ` Die grens geldt alleen voor ${pv.wettelijkeDuurGeldtAls!.omschrijving}; of u daarbij hoort, is nog niet bekend.` : ''} (${verwijzing(bron)})`,
          voldaan: w === NEE ? false : null,
          feiten: { verlengingen: k },
          soort: 'termijn',
        });
    }
    if (k >= 1 && duurC)
      for (const c of duurC.verlengingVoorwaarden) totaal = en(totaal, toets(l, c, 'aanvraag'));
    const gevraagd = gevraagdeEinddatum(ingang, aanvraag);
    if (voorbijWettelijkeBasis(duur, ingang, gevraagd, k, beschermdTot) && duurC)
      for (const c of duurC.wettelijkeVerlengingVoorwaarden) totaal = en(totaal, toets(l, c, 'aanvraag'));
    if (gevraagd !== undefined && einde !== null && duur) {
      const bron = k > 0 && duur.verlenging ? duur.verlenging.bron : (duur.basis?.bron ?? pv.bron);
      const past = gevraagd <= einde;
      if (!past && overgang) {
        gronden.push({
          regeling: overgang.regeling.id,
          artikel: artikelTekst(overgang.regeling.overgangsrecht!),
          uitleg: `De afgesproken periode loopt tot en met ${datumTekst(gevraagd)}, maar onder het overgangsrecht eindigt de voorziening uiterlijk op ${datumTekst(einde)}. (${verwijzing({ regeling: overgang.regeling, artikel: overgang.regeling.overgangsrecht!.artikel, lid: overgang.regeling.overgangsrecht!.lid })})`,
          voldaan: true,
          feiten: { ingangsdatum: ingang, einddatum: gevraagd },
          soort: 'overgangsrecht',
        });
      } else {
        // As the reference: too long is granted up to the maximum (deviations are judged there).
        const w = past ? JA : langerWaarheid(geldend, ingang, einde, k);
        totaal = en(totaal, w);
        const regel = duur.uitleg ? ` ${duur.uitleg}` : '';
        if (!kaal)
          gronden.push({
            regeling: bron.regeling.id,
            artikel: artikelTekst(bron),
            uitleg: past
              ? `De gevraagde periode van ${datumTekst(ingang)} tot en met ${datumTekst(gevraagd)} past binnen de maximale duur; de laatste dag is ${datumTekst(einde)}. (${verwijzing(bron)})`
              : `${langerTekst(pv, geldend, ingang, gevraagd, einde, k, undefined, w)}${regel} (${verwijzing(bron)})`,
            voldaan: w === JA ? true : null,
            feiten: { ingangsdatum: ingang, einddatum: gevraagd, verlengingen: k },
            soort: 'termijn',
          });
      }
    }
  }

  if (kaal) return UITKOMST[totaal];
  const gevraagdeEinde = gevraagdeEinddatum(ingang, aanvraag);
  const looptTot =
    gevraagdeEinde !== undefined && (einde === null || gevraagdeEinde <= einde) ? gevraagdeEinde : einde;
  const toegekend = overgang
    ? gevraagdeEinde !== undefined
      ? looptTot
      : undefined
    : toegekendeEinddatum(geldend, ingang, gevraagdeEinde, einde, k);
  const bedragen: Record<string, Bedrag> = {};
  const bedragVragen: string[] = [];
  const betaalmomenten: (Moment & { bedrag: string })[] = [];
  const extraMomenten: Moment[] = [];
  const bgv = opzet?.gv ?? gv;
  const bctx = opzet?.ctx ?? ctx;
  const bfeiten = bctx.feiten;
  const bspoor = bctx.spoor!;
  const herzien = opzet
    ? ` Het college stelt het bedrag elk jaar per 1 januari opnieuw vast; dit is het bedrag vanaf ${datumTekst(opzet.datum)} (${verwijzing(opzet.bron)}).`
    : '';
  for (const bc of bgv.bedragen) {
    const b = bc.b;
    leeg(bspoor.ontbrekend);
    leeg(bspoor.vragen);
    const referentie = bc.referentie;
    const gedurende = b.regel.gedurende;
    const totEnMet = gedurende ? eindeTermijnMaanden(ingang, gedurende.maanden) : undefined;
    if (gedurende && totEnMet !== undefined && casus.peildatum > totEnMet) {
      gronden.push({
        regeling: bc.regeling,
        artikel: bc.artikel,
        uitleg: `${b.regel.omschrijving}: dit bedrag geldt alleen de eerste ${gedurende.maanden} maanden, tot en met ${datumTekst(totEnMet)}. Die periode is voorbij. (${referentie})`,
        voldaan: false,
        feiten: feitenVan(bc.feiten, bfeiten),
        soort: 'bedrag',
      });
      continue;
    }
    const w = b.als ? b.als(bctx) : JA;
    // Each part of a compound condition that stands in the way gets its own sentence (as the reference).
    const perDeel = w !== JA && b.delen ? deelZinnen(b.delen, bctx, label, ontbrekendeInvoer).join(' ') : '';
    const voorbehoud =
      w === JA
        ? []
        : [...ontbrekendeInvoer(bspoor.ontbrekend).map(label), ...bspoor.vragen.map((q) => q.vraag)];
    const voorbehoudZin =
      w === JA
        ? []
        : [
            ...ontbrekendeInvoer(bspoor.ontbrekend).map(label),
            ...bspoor.vragen.map((q) => `het college beantwoordt de vraag ‘${q.vraag}’ met ja`),
          ];
    for (const q of bspoor.vragen) if (!bedragVragen.includes(q.oordeel)) bedragVragen.push(q.oordeel);
    for (const q of bspoor.vragen)
      if (!vragen.some((x) => x.feit === q.oordeel))
        vragen.push({ feit: q.oordeel, vraag: q.vraag, artikel: bc.artikel, regeling: bc.regeling });
    if (w === NEE) {
      gronden.push({
        regeling: bc.regeling,
        artikel: bc.artikel,
        uitleg: `${vul(bc.nee, bfeiten)}${perDeel ? ` ${perDeel}` : ''} (${referentie})`,
        voldaan: false,
        feiten: feitenVan(bc.feiten, bfeiten),
        soort: 'bedrag',
      });
      continue;
    }
    leeg(bspoor.ontbrekend);
    const vragenVoor = bspoor.vragen.length;
    const cent = b.cent(bctx);
    const mist = cent === undefined ? ontbrekendeInvoer(bspoor.ontbrekend) : [];
    // As the reference: nothing missing, nothing to judge, yet no number means the article names no
    // amount for this case, not an amount that cannot be computed yet.
    if (cent === undefined && mist.length === 0 && bspoor.vragen.length === vragenVoor) {
      gronden.push({
        regeling: bc.regeling,
        artikel: bc.artikel,
        uitleg: `${b.regel.omschrijving}: voor uw situatie noemt dit artikel geen bedrag, dus dit bedrag is er niet. (${referentie})`,
        voldaan: false,
        feiten: feitenVan(bc.feiten, bfeiten),
        soort: 'bedrag',
      });
      continue;
    }
    const per = b.regel.per;
    const bedrag: {
      cent: number | null;
      per: string;
      artikel: string;
      regeling: string;
      omschrijving: string;
      totEnMet?: string;
      voorbehoud?: readonly string[];
      ontbrekend?: readonly string[];
    } = {
      cent: cent === undefined ? null : cent,
      per,
      artikel: bc.artikel,
      regeling: bc.regeling,
      omschrijving: b.regel.omschrijving,
    };
    if (totEnMet !== undefined) bedrag.totEnMet = totEnMet;
    if (voorbehoud.length > 0) bedrag.voorbehoud = voorbehoud;
    if (mist.length > 0) bedrag.ontbrekend = mist;
    bedragen[b.naam] = bedrag;
    const hoogte =
      cent === undefined
        ? `Het bedrag is nog niet te berekenen, want ${opsomming(mist.map(label))} ${mist.length > 1 ? 'ontbreken' : 'ontbreekt'}.`
        : `Het bedrag is ${bedragTekst(cent)}${bc.perTekst}${totEnMet !== undefined ? `, tot en met ${datumTekst(totEnMet)}` : ''}.`;
    const voorwaardelijk =
      voorbehoudZin.length > 0 ? ` Dit geldt alleen als ook dit klopt: ${voorbehoudZin.join('; ')}.` : '';
    gronden.push({
      regeling: bc.regeling,
      artikel: bc.artikel,
      uitleg: `${w === JA ? `${vul(bc.ja, bfeiten)} ` : ''}${hoogte}${voorwaardelijk}${perDeel ? ` ${perDeel}` : ''} (${referentie})${herzien}`,
      voldaan: w === JA ? true : null,
      feiten: feitenVan(bc.feiten, bfeiten),
      soort: 'bedrag',
    });
    if (gedurende && totEnMet !== undefined && (looptTot === null || totEnMet < looptTot))
      extraMomenten.push({
        datum: totEnMet,
        artikel: bc.artikel,
        regeling: bc.regeling,
        omschrijving: gedurende.omschrijving,
      });
    if (bc.periode !== undefined) {
      for (const datum of betaaldata(ingang, bc.periode, looptTot)) {
        betaalmomenten.push({
          datum,
          artikel: bc.artikel,
          regeling: bc.regeling,
          omschrijving: b.regel.omschrijving,
          bedrag: b.naam,
        });
      }
    }
  }

  const plafond = bgv.pv.jaarPlafond;
  if (plafond) {
    let perJaarCent = 0;
    for (const b of bgv.pv.bedragen) {
      const bedrag = bedragen[b.naam];
      const keer = perJaar(b.regel.per);
      if (b.bron.regeling.laag === 'gemeente' && bedrag?.cent != null && keer !== undefined)
        perJaarCent += Math.round(bedrag.cent * keer);
    }
    const grens = plafond.cent(bctx);
    if (grens !== undefined && perJaarCent > grens) {
      const uitleg = `De bedragen van de verordening komen samen op ${bedragTekst(perJaarCent)} per jaar. Dat is meer dan ${plafond.omschrijving}: ${bedragTekst(grens)} per jaar (${verwijzing(plafond.bron)}). Het deel daarboven telt mee als inkomen.`;
      gronden.push({
        regeling: plafond.bron.regeling.id,
        artikel: artikelTekst(plafond.bron),
        uitleg,
        voldaan: null,
        feiten: {},
        soort: 'bedrag',
      });
      conflicten.push({
        soort: 'strijdig',
        regeling: pv.bron.regeling.id,
        artikel: pv.bron.artikel,
        met: `${plafond.bron.regeling.id} ${artikelTekst(plafond.bron)}`,
        uitleg,
      });
    }
  }

  const uitkomst = UITKOMST[totaal];
  const afgewezen = uitkomst === 'afgewezen';
  let evaluatiemomenten: Moment[] = [];
  if (!afgewezen) {
    for (const m of pv.evaluatiemomenten) {
      const datum = momentDatum(m, ingang);
      if (looptTot === null || datum <= looptTot)
        evaluatiemomenten.push({
          datum,
          artikel: artikelTekst(m.bron),
          regeling: m.bron.regeling.id,
          omschrijving: m.omschrijving,
        });
    }
    for (const m of extraMomenten) if (looptTot === null || m.datum <= looptTot) evaluatiemomenten.push(m);
    if (evaluatiemomenten.length > 1)
      evaluatiemomenten = evaluatiemomenten.sort((a, b) =>
        a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0,
      );
  }
  const metVerlengingen = duur?.verlenging
    ? maximaleEinddatum(duur, ingang, duur.verlenging.maximaalAantal)
    : undefined;
  const termijnen: {
    ingangsdatum: string;
    einddatum?: string | null;
    einddatumOpen?: string;
    maximaleEinddatum: string | null;
    maximaleEinddatumMetVerlengingen?: string | null;
    evaluatiemomenten: Moment[];
    betaalmomenten: (Moment & { bedrag: string })[];
  } = { ingangsdatum: ingang } as typeof termijnen;
  if (toegekend !== undefined) termijnen.einddatum = toegekend;
  if (toegekend === null)
    termijnen.einddatumOpen = einddatumOpenTekst(pv, geldend, ingang, einde!, k, undefined);
  termijnen.maximaleEinddatum = einde;
  if (metVerlengingen !== undefined && !aanvraag)
    termijnen.maximaleEinddatumMetVerlengingen = metVerlengingen;
  termijnen.evaluatiemomenten = evaluatiemomenten;
  termijnen.betaalmomenten = afgewezen ? [] : betaalmomenten;
  return {
    uitkomst: {
      voorziening: pv.id,
      titel: pv.titel,
      uitkomst,
      gronden: afgewezen ? gronden.filter((g) => g.soort !== 'bedrag') : gronden,
      vragen:
        uitkomst === 'ter-beoordeling' || uitkomst === 'onbepaald'
          ? vragen
          : uitkomst === 'toegestaan'
            ? vragen.filter((q) => bedragVragen.includes(q.feit))
            : [],
      ontbrekendeFeiten: uitkomst === 'onbepaald' ? [...new Set(ontbrekend)] : [],
      bedragen: afgewezen ? {} : bedragen,
      termijnen: termijnen as VoorzieningUitkomst['termijnen'],
    },
    conflicten,
  };
}
