import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Casus, casusSchemasVoor, type Vocabulaire, veldFouten } from '../casus/index.ts';
import { LANDELIJK_VOCABULAIRE } from '../casus/feiten.ts';
import { eindeTermijnMaanden, isGeldigeDatum, leeftijdInMaandenOp, leeftijdOp } from '../kalender/index.ts';
import type { Bibliotheek, Regeling } from '../regelgeving/index.ts';
import { vocabulaireVoorGemeente } from '../regelgeving/bibliotheek.ts';
import { nederlandsZonderInvoer } from '../regelgeving/berichten.ts';
import type { VoorzieningId } from '../regelgeving/voorzieningen.ts';
import type { Scalar } from '../regels/ast.ts';
import type { Context } from '../regels/context.ts';
import { nieuwSpoor } from '../regels/context.ts';
import { en, JA, NEE, ONBEKEND, OORDEEL, type Waarheid } from '../regels/waarheid.ts';
import { VOORZIENING_TITELS } from '../regelgeving/voorzieningen.ts';
import { bedragTekst, datumTekst, feitLabel, opsomming, vulIn } from '../taal/index.ts';
import {
  beoordelingsdata,
  DUUR,
  type GeldendeDuur,
  geldendeDuur,
  herzieningsdatum,
  ingangsdatumVan,
  langerWaarheid,
  maximaalAantalVerlengingen,
  overgangsgrens,
  overgangVoor,
  toegekendeEinddatum,
  verlengingenVan,
  verlengingWaarheid,
  voorbijWettelijkeBasis,
  weegAfwijking,
} from './beslissing.ts';
import {
  artikelTekst,
  type Bron,
  maakPlan,
  type Plan,
  type PlanVoorwaarde,
  type PlanVoorziening,
} from './plan.ts';
import type {
  Bedrag,
  Conflict,
  EvaluatieFout,
  EvaluatieResultaat,
  Grond,
  Moment,
  Resultaat,
  ToegepasteAfwijking,
  Uitkomst,
  VoorzieningUitkomst,
  Vraag,
} from './resultaat.ts';
import { deelZinnen } from './deelzinnen.ts';
import {
  betaaldata,
  duurGrenzenTekst,
  gevraagdeEinddatum,
  maximaleEinddatum,
  minimaleEinddatum,
  momentDatum,
  perJaar,
} from './termijnen.ts';

export const ENGINE_VERSIE: string = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Who made a result, the same object in every result (frozen: results share it). */
export const ENGINE: Resultaat['engine'] = Object.freeze({ naam: 'reintegratie', versie: ENGINE_VERSIE });

/** Derived facts report the input they come from when they are missing. */
const AFGELEID_VAN: Readonly<Record<string, string>> = {
  leeftijd: 'geboortedatum',
  leeftijdInMaanden: 'geboortedatum',
};

const UITKOMST: Record<Waarheid, Uitkomst> = {
  [JA]: 'toegestaan',
  [NEE]: 'afgewezen',
  [ONBEKEND]: 'onbepaald',
  [OORDEEL]: 'ter-beoordeling',
};

export interface Engine {
  readonly bibliotheek: Bibliotheek;
  /** Judges a case (the case contract, unparsed): every voorziening offered, or the one requested. */
  evalueer(invoer: unknown, opties?: EvaluatieOpties): EvaluatieResultaat;
  /** The compiled plan of these versions, compiled once per set and kept (earlier versions under transitional law). */
  planVan(regelingen: readonly Regeling[], wet: Regeling): Plan;
  /**
   * The compiled plan for a gemeente on a date, for batch runs; with `wetDatum`, the national law of
   * that day (a voorziening is judged under the law of the period it runs).
   */
  planOp(
    gemeente: string,
    peildatum: string,
    opties?: EvaluatieOpties,
    wetDatum?: string,
  ): { ok: true; plan: Plan } | { ok: false; fout: EvaluatieFout };
  /** The voorziening a request is judged against: the plan's, or the earlier one transitional law keeps. */
  kies(plan: Plan, id: VoorzieningId, toegekendOp: unknown): Keuze;
  /**
   * The voorziening and context a request's amounts are computed with, chosen as `evalueer` chooses
   * them (the law of its first day, transitional law, amounts set again each 1 January).
   */
  bedragKeuze(
    casus: Casus,
    opties?: EvaluatieOpties,
  ): { readonly pv: PlanVoorziening; readonly ctx: Context } | undefined;
}

interface Wijziging {
  readonly grond: Grond;
  readonly conflict: Conflict;
  /** Conflicts of the voorziening's rules with the law from that day that were not there before. */
  readonly nieuweConflicten: readonly Conflict[];
}

export interface Keuze {
  readonly pv: PlanVoorziening | undefined;
  readonly overgang: Overgang | undefined;
}

export interface EvaluatieOpties {
  /** Use draft versions too (impact of a draft before the council votes). */
  readonly ontwerp?: boolean;
  /** Replace versions of these regulation ids by the given ones (comparing versions). */
  readonly vervang?: ReadonlyMap<string, Regeling>;
}

export function maakEngine(bibliotheek: Bibliotheek): Engine {
  const plannen = new Map<string, Plan>();
  const planVoor = (regelingen: readonly Regeling[], wet: Regeling): Plan => {
    const sleutel = [...regelingen.map((r) => r.hash), wet.hash].join(':');
    let plan = plannen.get(sleutel);
    if (!plan) {
      plan = maakPlan(bibliotheek, regelingen, wet);
      plannen.set(sleutel, plan);
    }
    return plan;
  };

  const regelingenOp = (gemeente: string, datum: string, opties: EvaluatieOpties | undefined) =>
    bibliotheek
      .regelingenVan(gemeente)
      .map(
        (id) =>
          opties?.vervang?.get(id) ?? bibliotheek.inWerking(id, datum, { ontwerp: opties?.ontwerp ?? false }),
      )
      .filter((r): r is Regeling => r !== undefined && r.geldigVanaf <= datum);

  const planOp: Engine['planOp'] = (gemeente, peildatum, opties, wetDatum = peildatum) => {
    if (bibliotheek.regelingenVan(gemeente).length === 0) {
      return {
        ok: false,
        fout: {
          code: 'onbekende-gemeente',
          gemeente,
          bericht: `Voor gemeente '${gemeente}' is geen regeling geladen.`,
        },
      };
    }
    const regelingen = regelingenOp(gemeente, peildatum, opties);
    if (regelingen.length === 0) {
      return {
        ok: false,
        fout: {
          code: 'geen-regeling',
          gemeente,
          peildatum,
          bericht: `Op ${peildatum} is voor gemeente '${gemeente}' geen regeling in werking.`,
        },
      };
    }
    const wetId = regelingen[0]!.berustOp ?? 'participatiewet';
    // A voorziening that began before the oldest text we hold is judged under that oldest text (the
    // Participatiewet replaced the WWB on 2015-01-01); the explanation says so.
    const eerste = bibliotheek.versies(wetId).find((v) => v.status === 'vastgesteld');
    const wet =
      bibliotheek.inWerking(wetId, wetDatum) ??
      (eerste && wetDatum < eerste.geldigVanaf && peildatum >= eerste.geldigVanaf ? eerste : undefined);
    if (!wet)
      return {
        ok: false,
        fout: {
          code: 'geen-wet',
          peildatum: wetDatum,
          bericht: `Op ${wetDatum} is geen versie van ${wetId} geladen.`,
        },
      };
    return { ok: true, plan: planVoor(regelingen, wet) };
  };

  const inWerking = (rid: string, d: string) => bibliotheek.inWerking(rid, d);
  const kies: Engine['kies'] = (plan, id, toegekendOp) => {
    const overgang =
      typeof toegekendOp === 'string'
        ? zoekOvergang(plan, toegekendOp, (regelingen) => planVoor(regelingen, plan.wet), inWerking, id)
        : undefined;
    return { pv: overgang?.planVoorziening ?? plan.voorzieningen.get(id), overgang };
  };

  const bedragOpzetVoor = (
    casus: Casus,
    pv: PlanVoorziening,
    opties: EvaluatieOpties | undefined,
  ): BedragOpzet | undefined => {
    const aanvraag = casus.aanvraag;
    if (!aanvraag || pv.bedragen.length === 0) return undefined;
    const start = ingangsdatumVan(aanvraag, casus.peildatum);
    const datum = herzieningsdatum(start, casus.peildatum);
    if (datum === undefined) return undefined;
    const p = planOp(casus.gemeente, datum > casus.peildatum ? datum : casus.peildatum, opties, datum);
    if (!p.ok) return undefined;
    // The law of that 1 January says whether amounts are set again then (not the law of the first day).
    const gekozen = kies(p.plan, pv.id, aanvraag.toegekendOp).pv ?? pv;
    if (!gekozen.bedragenHerzien) return undefined;
    return {
      plan: p.plan,
      pv: gekozen,
      ctx: maakContext(casus, true, datum),
      datum,
      bron: gekozen.bedragenHerzien,
    };
  };

  /**
   * A voorziening runs under the law of its period: where national law or one of the gemeente's
   * ordinances changes after its first day and before its end, the same request is judged again under
   * the rules from that day; every change of outcome is reported, with why.
   */
  const wijzigingenInPeriode = (
    huidig: VoorzieningUitkomst,
    huidigePv: PlanVoorziening,
    casus: Casus,
    plan: Plan,
    opties: EvaluatieOpties | undefined,
  ): Wijziging[] => {
    const aanvraag = casus.aanvraag!;
    const start = huidig.termijnen.ingangsdatum;
    const einde = huidig.termijnen.einddatum ?? huidig.termijnen.maximaleEinddatum;
    const grenzen = new Map<string, Regeling>();
    for (const r of [plan.wet, ...plan.gemeenteRegelingen])
      for (const v of bibliotheek.versies(r.id))
        if (
          v.status === 'vastgesteld' &&
          v.geldigVanaf > start &&
          (einde === null || v.geldigVanaf <= einde) &&
          !grenzen.has(v.geldigVanaf)
        )
          grenzen.set(v.geldigVanaf, v);
    const uit: Wijziging[] = [];
    let vorige = huidig;
    let vorigeConflicten = new Set(plan.conflicten.map((c) => `${c.regeling}|${c.artikel}|${c.met}`));
    for (const [dag, regeling] of [...grenzen].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const later = planOp(casus.gemeente, dag > casus.peildatum ? dag : casus.peildatum, opties, dag);
      if (!later.ok) continue;
      const id = aanvraag.voorziening as VoorzieningId;
      // A grant decided on the peildatum is, for a later ordinance, a grant from before it.
      const { pv, overgang } = kies(later.plan, id, aanvraag.toegekendOp ?? casus.peildatum);
      // The later rules, on the voorziening's own facts: the age still counts on its first day.
      const ctx = maakContext(casus, true, dag, true);
      const dan = pv
        ? beoordeelVoorziening(pv, ctx, casus, later.plan, overgang).uitkomst
        : nietAangeboden(id, later.plan, start, overgang);
      // Without an end the voorziening runs past every later change: only a change of outcome counts.
      const nieuw =
        einde === null
          ? []
          : later.plan.conflicten.filter(
              (c) =>
                !vorigeConflicten.has(`${c.regeling}|${c.artikel}|${c.met}`) &&
                (pv?.conflicten.includes(c) ?? false),
            );
      vorigeConflicten = new Set(later.plan.conflicten.map((c) => `${c.regeling}|${c.artikel}|${c.met}`));
      if (dan.uitkomst === vorige.uitkomst && nieuw.length === 0) continue;
      const welke =
        regeling.laag === 'wet' ? `de ${regeling.citeertitel}` : `de ${regeling.citeertitel} (nieuwe versie)`;
      const reden =
        dan.gronden.find((g) => g.voldaan === false && g.soort !== 'bedrag') ??
        dan.gronden.find(
          (g) => g.voldaan === null && g.soort !== 'bedrag' && g.soort !== 'buiten-toepassing',
        );
      const uitleg =
        dan.uitkomst === vorige.uitkomst
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
      vorige = dan;
    }
    return uit;
  };

  const bedragKeuze: Engine['bedragKeuze'] = (casus, opties) => {
    const aanvraag = casus.aanvraag;
    if (!aanvraag) return undefined;
    const data = beoordelingsdata(aanvraag, casus.peildatum);
    const p = planOp(casus.gemeente, data.regelingDatum, opties, data.wetDatum);
    if (!p.ok) return undefined;
    const pv = kies(p.plan, aanvraag.voorziening as VoorzieningId, aanvraag.toegekendOp).pv;
    if (!pv) return undefined;
    const opzet = bedragOpzetVoor(casus, pv, opties);
    return opzet ? { pv: opzet.pv, ctx: opzet.ctx } : { pv, ctx: maakContext(casus, false) };
  };

  return {
    bibliotheek,
    planVan: planVoor,
    planOp,
    kies,
    bedragKeuze,
    evalueer(invoer, opties) {
      // The contract is the one of the gemeente and date the case is judged under: the national
      // vocabulary with the facts and voorzieningen that gemeente's regulations declare. Dutch
      // messages also where no API has configured zod (the command line, batch runs), never
      // repeating a value of the case (a BSN in the wrong field).
      const vocabulaire = casusVocabulaire(bibliotheek, invoer);
      const parsed = casusSchemasVoor(vocabulaire).casus.safeParse(invoer, { error: nederlandsZonderInvoer });
      if (!parsed.success) {
        return {
          ok: false,
          fout: {
            code: 'ongeldige-casus',
            fouten: veldFouten(parsed.error.issues, vocabulaire),
          },
        };
      }
      const casus = parsed.data as Casus;
      const aanvraag = casus.aanvraag;
      const data = beoordelingsdata(aanvraag, casus.peildatum);
      // The college decides under an ordinance in force on the peildatum, also for a later start.
      const opPeildatum = planOp(casus.gemeente, casus.peildatum, opties);
      if (!opPeildatum.ok && opPeildatum.fout.code !== 'geen-wet') return opPeildatum;
      const gevonden = planOp(casus.gemeente, data.regelingDatum, opties, data.wetDatum);
      if (!gevonden.ok) return gevonden;
      const { plan } = gevonden;
      const ctx = maakContext(casus);
      const afwijkingen: ToegepasteAfwijking[] = [];
      const conflicten: Conflict[] = [];
      const uitkomsten: VoorzieningUitkomst[] = [];
      // Versions used besides the plan's: those the amounts of a later 1 January were set with.
      const gebruikt: Regeling[] = [];
      const voegConflictToe = (c: Conflict) => {
        if (!conflicten.some((x) => x.regeling === c.regeling && x.artikel === c.artikel && x.met === c.met))
          conflicten.push(c);
      };

      const teBeoordelen: VoorzieningId[] = aanvraag
        ? [aanvraag.voorziening as VoorzieningId]
        : [...plan.voorzieningen.keys()];
      for (const id of teBeoordelen) {
        const { pv, overgang } = aanvraag ? kies(plan, id, aanvraag.toegekendOp) : kies(plan, id, undefined);
        if (!pv) {
          uitkomsten.push(nietAangeboden(id, plan, data.startdatum, overgang));
          continue;
        }
        const bedragOpzet = bedragOpzetVoor(casus, pv, opties);
        if (bedragOpzet) gebruikt.push(...bedragOpzet.plan.gemeenteRegelingen, bedragOpzet.plan.wet);
        const beoordeeld = beoordeelVoorziening(pv, ctx, casus, plan, overgang, bedragOpzet);
        afwijkingen.push(...beoordeeld.afwijkingen);
        for (const c of [...pv.conflicten, ...beoordeeld.conflicten]) voegConflictToe(c);
        let uitkomst = beoordeeld.uitkomst;
        if (aanvraag && plan.wet.geldigVanaf > data.wetDatum)
          uitkomst = {
            ...uitkomst,
            gronden: [
              ...uitkomst.gronden,
              {
                regeling: plan.wet.id,
                artikel: '',
                uitleg: `De voorziening begon op ${datumTekst(data.wetDatum)}. De wet van die tijd staat niet in dit systeem; de regels van de ${plan.wet.citeertitel} zoals die golden vanaf ${datumTekst(plan.wet.geldigVanaf)} zijn toegepast.`,
                voldaan: null,
                feiten: { startdatum: data.wetDatum },
                soort: 'wetswijziging',
              },
            ],
          };
        if (aanvraag) {
          const wijzigingen = wijzigingenInPeriode(uitkomst, pv, casus, plan, opties);
          for (const w of wijzigingen) {
            voegConflictToe(w.conflict);
            for (const c of w.nieuweConflicten) voegConflictToe(c);
          }
          if (wijzigingen.length > 0)
            uitkomst = { ...uitkomst, gronden: [...uitkomst.gronden, ...wijzigingen.map((w) => w.grond)] };
        }
        uitkomsten.push(uitkomst);
      }
      const regelingen = [...new Set([...plan.gemeenteRegelingen, plan.wet, ...gebruikt])].map((r) => ({
        id: r.id,
        titel: r.titel,
        geldigVanaf: r.geldigVanaf,
        hash: r.hash,
      }));
      const resultaat: Resultaat = {
        engine: ENGINE,
        gemeente: casus.gemeente,
        peildatum: casus.peildatum,
        regelingen,
        voorzieningen: uitkomsten,
        conflicten,
        afwijkingen,
      };
      return { ok: true, resultaat };
    },
  };
}

/**
 * The vocabulary a case (not yet validated) is judged under: its gemeente's regulations in force on its
 * peildatum and on its request's first day. Anything unreadable falls back to the national vocabulary,
 * whose schema then names what is wrong.
 */
export function casusVocabulaire(bibliotheek: Bibliotheek, invoer: unknown): Vocabulaire {
  const c = (typeof invoer === 'object' && invoer !== null ? invoer : {}) as Record<string, unknown>;
  const gemeente = typeof c.gemeente === 'string' ? c.gemeente : '';
  const peildatum = typeof c.peildatum === 'string' && isGeldigeDatum(c.peildatum) ? c.peildatum : undefined;
  if (!peildatum) return LANDELIJK_VOCABULAIRE;
  const ingang = (c.aanvraag as Record<string, unknown> | undefined)?.ingangsdatum;
  const datums =
    typeof ingang === 'string' && isGeldigeDatum(ingang) && ingang !== peildatum
      ? [peildatum, ingang]
      : [peildatum];
  return vocabulaireVoorGemeente(bibliotheek, gemeente, datums);
}

/**
 * All facts in one namespace, with the derived ones: the voorziening's first day (startdatum) and the
 * age on it. The rules are judged as on that day (see `Context.datum`); `datum` overrides it, to judge
 * the same case under the law of a later part of its period.
 */
export function maakContext(casus: Casus, metSpoor = true, datum?: string, leeftijdOpStart = false): Context {
  const { oordelen, afwijkingen: _a, ...feiten } = casus.feiten;
  const eersteDag = beoordelingsdata(casus.aanvraag, casus.peildatum).startdatum;
  const startdatum = datum ?? eersteDag;
  const plat: Record<string, Scalar | undefined> = {
    ...(feiten as Record<string, Scalar>),
    ...(casus.aanvraag as Record<string, Scalar> | undefined),
    peildatum: casus.peildatum,
    startdatum,
  };
  if (typeof feiten.geboortedatum === 'string') {
    plat.leeftijd = leeftijdOp(feiten.geboortedatum, leeftijdOpStart ? eersteDag : startdatum);
    plat.leeftijdInMaanden = leeftijdInMaandenOp(
      feiten.geboortedatum,
      leeftijdOpStart ? eersteDag : startdatum,
    );
  }
  // A request that names no extensions is a first grant.
  if (casus.aanvraag && plat.verlengingen === undefined) plat.verlengingen = 0;
  return {
    datum: startdatum,
    feiten: plat,
    oordelen: oordelen ?? {},
    ...(metSpoor ? { spoor: nieuwSpoor() } : {}),
  };
}

/** An outcome as the client reads it in a sentence, not its code ('ter-beoordeling'). */
export const UITKOMST_WOORD: Readonly<Record<VoorzieningUitkomst['uitkomst'], string>> = {
  toegestaan: 'toegestaan',
  afgewezen: 'afgewezen',
  'ter-beoordeling': 'ter beoordeling',
  onbepaald: 'onbepaald',
};

/** A voorziening's title: the national one, or the title the regulation that declares it gives. */
function voorzieningTitel(id: VoorzieningId, plan: Plan): string {
  return VOORZIENING_TITELS[id] ?? plan.vocabulaire.voorzieningen.get(id)?.titel ?? id;
}

export function verwijzing(b: Bron): string {
  const vermelding = b.regeling.artikelen.find((a) => a.nummer === b.artikel)?.vermelding;
  return vermelding ?? `artikel ${artikelTekst(b)} van de ${b.regeling.citeertitel}`;
}

function grondArtikel(b: Bron): string {
  return artikelTekst(b);
}

/** A missing input as a sentence names it: a fact's label, or the parameter's own label. */
export function invoerLabel(plan: Plan): (naam: string) => string {
  return (naam) =>
    (naam.startsWith('parameter:') ? plan.parameterLabels.get(naam.slice('parameter:'.length)) : undefined) ??
    plan.vocabulaire.feiten.get(naam)?.label ??
    feitLabel(naam);
}

/** The inputs behind the facts a rule missed, each once, in the order first missed. */
export function ontbrekendeInvoer(namen: readonly string[]): string[] {
  // Mostly none or one: then no Set (the compiled path asks this for every condition and amount).
  if (namen.length === 0) return [];
  if (namen.length === 1) return [AFGELEID_VAN[namen[0]!] ?? namen[0]!];
  return [...new Set(namen.map((n) => AFGELEID_VAN[n] ?? n))];
}

export interface Overgang {
  readonly regeling: Regeling;
  readonly planVoorziening?: PlanVoorziening;
  readonly oudeVersie?: Regeling;
}

/** A request granted before the ordinance in force took effect falls under its transitional article. */
export function zoekOvergang(
  plan: Plan,
  toegekendOp: string,
  planVoor: (regelingen: readonly Regeling[]) => Plan,
  inWerking: (id: string, datum: string) => Regeling | undefined,
  voorziening: VoorzieningId,
): Overgang | undefined {
  for (const r of plan.gemeenteRegelingen) {
    if (!r.overgangsrecht) continue;
    if (toegekendOp >= overgangVoor(r)) continue;
    const oud = inWerking(r.id, toegekendOp);
    if (oud && oud !== r) {
      const oudPlan = planVoor(plan.gemeenteRegelingen.map((x) => (x === r ? oud : x)));
      const pv = oudPlan.voorzieningen.get(voorziening);
      return { regeling: r, oudeVersie: oud, ...(pv ? { planVoorziening: pv } : {}) };
    }
    // The earlier ordinance is not loaded: only national law and the transitional article itself apply,
    // also to a voorziening the new ordinance no longer offers (that is what the article protects).
    const huidig = plan.voorzieningen.get(voorziening) ?? alleenNationaal(plan, voorziening, r);
    const { duur: _gemeentelijk, ...zonderDuur } = huidig;
    return {
      regeling: r,
      planVoorziening: {
        ...zonderDuur,
        ...(huidig.wettelijkeDuur ? { duur: huidig.wettelijkeDuur } : {}),
        voorwaarden: huidig.voorwaarden.filter((v) => v.laag === 'wet'),
        aanvraagVoorwaarden: huidig.aanvraagVoorwaarden.filter((v) => v.laag === 'wet'),
        bedragen: huidig.bedragen.filter((b) => b.bron.regeling === plan.wet),
      },
    };
  }
  return undefined;
}

/**
 * A voorziening as national law alone describes it, for one kept under a transitional article that
 * the new ordinance no longer offers: the law's general and own conditions, no municipal ones.
 */
function alleenNationaal(plan: Plan, id: VoorzieningId, overgangsregeling: Regeling): PlanVoorziening {
  const bron: Bron = {
    regeling: overgangsregeling,
    artikel: overgangsregeling.overgangsrecht!.artikel,
    lid: overgangsregeling.overgangsrecht!.lid,
  };
  return {
    id,
    titel: voorzieningTitel(id, plan),
    bron,
    voorwaarden: plan.algemeneVoorwaarden
      .map((a) => a.voor(id))
      .filter((v): v is PlanVoorwaarde => v !== undefined),
    aanvraagVoorwaarden: [],
    bedragen: [],
    evaluatiemomenten: [],
    conflicten: [],
  };
}

export function nietAangeboden(
  id: VoorzieningId,
  plan: Plan,
  startdatum: string,
  overgang: Overgang | undefined,
): VoorzieningUitkomst {
  const namen = opsomming(plan.gemeenteRegelingen.map((r) => `de ${r.citeertitel}`));
  // A source we hold only in part cannot prove that the gemeente does not offer something.
  const onvolledig = plan.gemeenteRegelingen.find((r) => r.aanbodOnvolledig);
  const oudeVersie = overgang?.oudeVersie;
  const grond: Grond = onvolledig
    ? {
        regeling: onvolledig.id,
        artikel: onvolledig.aanbodOnvolledig!.artikel ?? '',
        uitleg: `Of de gemeente deze voorziening aanbiedt, kunnen we niet zeggen. ${onvolledig.aanbodOnvolledig!.reden} In ${namen} zoals wij die kennen staat deze voorziening niet.`,
        voldaan: null,
        feiten: {},
        soort: 'aanbod',
      }
    : {
        regeling: plan.wet.id,
        artikel: '8a lid 1 onder a',
        uitleg: oudeVersie
          ? `Deze voorziening stond ook niet in de ${oudeVersie.citeertitel} (versie van ${datumTekst(oudeVersie.geldigVanaf)}), waaronder zij zou zijn toegekend (artikel 8a lid 1 onder a van de ${plan.wet.citeertitel}).`
          : `De gemeenteraad legt in een verordening vast welke voorzieningen de gemeente aanbiedt. In ${namen} staat deze voorziening niet (artikel 8a lid 1 onder a van de ${plan.wet.citeertitel}).`,
        voldaan: false,
        feiten: {},
        soort: 'aanbod',
      };
  return {
    voorziening: id,
    titel: voorzieningTitel(id, plan),
    uitkomst: onvolledig ? 'onbepaald' : 'afgewezen',
    gronden: [grond],
    vragen: [],
    ontbrekendeFeiten: [],
    bedragen: {},
    termijnen: {
      ingangsdatum: startdatum,
      maximaleEinddatum: null,
      evaluatiemomenten: [],
      betaalmomenten: [],
    },
  };
}

function feitenVan(v: { verwijzingen: { feiten: Set<string> } }, ctx: Context): Record<string, unknown> {
  const uit: Record<string, unknown> = {};
  for (const f of v.verwijzingen.feiten) uit[f] = ctx.feiten[f] ?? null;
  return uit;
}

interface Beoordeling {
  uitkomst: VoorzieningUitkomst;
  afwijkingen: ToegepasteAfwijking[];
  conflicten: Conflict[];
}

/** The voorziening and context its amounts are set with, when that is another day than its first. */
interface BedragOpzet {
  readonly plan: Plan;
  readonly pv: PlanVoorziening;
  readonly ctx: Context;
  readonly datum: string;
  readonly bron: Bron;
}

function beoordeelVoorziening(
  pv: PlanVoorziening,
  ctx: Context,
  casus: Casus,
  plan: Plan,
  overgang: Overgang | undefined,
  bedragOpzet?: BedragOpzet,
): Beoordeling {
  const aanvraag = casus.aanvraag?.voorziening === pv.id ? casus.aanvraag : undefined;
  const gronden: Grond[] = [];
  const vragen: Vraag[] = [];
  const ontbrekend: string[] = [];
  const afwijkingen: ToegepasteAfwijking[] = [];
  const conflicten: Conflict[] = [];
  let totaal: Waarheid = JA;
  // A sentence names a declared fact's value as its declaration says (a date as a date).
  const vul = (
    sjabloon: string,
    feiten: Readonly<Record<string, unknown>>,
    definitie?: (naam: string) => string,
  ) => vulIn(sjabloon, feiten, definitie, plan.vocabulaire.feiten);

  // Recorded deviations (hardheidsclausule, innovatie) are never automatic: they only count when
  // they rest on such an article of an ordinance in force and concern a municipal rule.
  const afwijkingVoor = new Map<string, ToegepasteAfwijking>();
  // Deviations that may apply but cannot be weighed yet (a fact they need is missing).
  const onzeker = new Map<string, string>();
  for (const a of casus.feiten.afwijkingen ?? []) {
    const gewogen = weegAfwijking(a, pv, plan, casus.peildatum);
    if (!gewogen) continue;
    const basis = {
      artikel: a.artikel,
      voorwaarde: a.voorwaarde,
      voorziening: pv.id,
      door: a.door,
      reden: a.reden,
    };
    if (gewogen.doel === undefined) {
      afwijkingen.push({
        ...basis,
        regeling: '',
        toegepast: false,
        uitleg: `De vastgelegde afwijking gaat over een voorwaarde die de voorziening ${pv.titel} niet heeft (vastgelegd als '${a.voorwaarde}'; gebruik '${DUUR}' voor de maximale duur van de verordening). De afwijking is niet toegepast.`,
      });
      continue;
    }
    const { doel, regeling, toegepast } = gewogen;
    const wat =
      doel === DUUR
        ? 'de maximale duur die de verordening stelt'
        : `de voorwaarde van ${verwijzing(doel.bron)}`;
    const uitleg = !regeling
      ? `Artikel ${a.artikel} is geen hardheidsclausule of innovatieartikel van een geldende regeling; de afwijking is niet toegepast.`
      : gewogen.onbekend
        ? `Of het college op grond van artikel ${a.artikel} van de ${regeling.citeertitel} mag afwijken van ${wat}, kunnen we nog niet beoordelen, want ${gewogen.onbekend} ontbreekt.`
        : gewogen.reden
          ? `${gewogen.reden} De afwijking is niet toegepast.`
          : doel !== DUUR && doel.laag === 'wet'
            ? `Deze voorwaarde komt uit ${verwijzing(doel.bron)}. Een gemeente kan daar niet van afwijken; de afwijking is niet toegepast.`
            : `Het college wijkt op grond van artikel ${a.artikel} van de ${regeling.citeertitel} af van ${wat}. Besluit van ${a.door}: ${a.reden}`;
    const t: ToegepasteAfwijking = { ...basis, regeling: regeling?.id ?? '', toegepast, uitleg };
    afwijkingen.push(t);
    if (toegepast) afwijkingVoor.set(a.voorwaarde, t);
    else if (gewogen.onbekend) onzeker.set(a.voorwaarde, gewogen.onbekend);
    else if (regeling && doel !== DUUR && doel.laag === 'wet')
      conflicten.push({
        soort: 'afwijking',
        regeling: regeling.id,
        artikel: a.artikel,
        met: `${plan.wet.id} ${artikelTekst(doel.bron)}`,
        uitleg,
      });
  }

  const toets = (v: PlanVoorwaarde, soort: Grond['soort']) => {
    if (v.buitenToepassing) {
      gronden.push({
        regeling: v.bron.regeling.id,
        artikel: grondArtikel(v.bron),
        uitleg: `Deze regel uit ${verwijzing(v.bron)} wordt niet toegepast: ${v.buitenToepassing.uitleg}`,
        voldaan: null,
        feiten: {},
        soort: 'buiten-toepassing',
        voorwaarde: v.id,
      });
      return;
    }
    const afwijking = afwijkingVoor.get(v.id);
    if (afwijking) {
      gronden.push({
        regeling: v.bron.regeling.id,
        artikel: grondArtikel(v.bron),
        uitleg: afwijking.uitleg,
        voldaan: true,
        feiten: feitenVan(v, ctx),
        soort: 'afwijking',
        voorwaarde: v.id,
      });
      return;
    }
    const spoor = ctx.spoor;
    if (spoor) {
      spoor.ontbrekend.length = 0;
      spoor.vragen.length = 0;
    }
    if (v.uitzondering?.toets(ctx) === JA) {
      gronden.push({
        regeling: v.uitzondering.bron.regeling.id,
        artikel: grondArtikel(v.uitzondering.bron),
        uitleg: `${vul(v.uitzondering.uitleg, ctx.feiten)} (${verwijzing(v.uitzondering.bron)})`,
        voldaan: true,
        feiten: feitenVan(v, ctx),
        soort,
        voorwaarde: v.id,
      });
      return;
    }
    if (spoor) spoor.ontbrekend.length = 0;
    let w = v.toets(ctx);
    // A deviation that may set this condition aside, but cannot be weighed yet, leaves it open.
    const open = onzeker.get(v.id);
    if (w === NEE && open !== undefined) {
      w = ONBEKEND;
      spoor?.ontbrekend.push('afwijkingen');
    }
    totaal = en(totaal, w);
    let zin: string;
    const definitie = (naam: string) => {
      const d = v.definities.get(naam);
      const u = d?.toets(ctx);
      return u === JA ? d!.uitleg.ja : u === NEE ? d!.uitleg.nee : '';
    };
    if (w === JA) zin = vul(v.uitleg.ja, ctx.feiten, definitie);
    else if (w === NEE) zin = vul(v.uitleg.nee, ctx.feiten, definitie);
    else if (w === ONBEKEND) {
      const mist = ontbrekendeInvoer(spoor?.ontbrekend ?? []);
      ontbrekend.push(...mist);
      zin = `Dit kunnen we nog niet beoordelen, want ${opsomming(mist.map(invoerLabel(plan)))} ${mist.length > 1 ? 'ontbreken' : 'ontbreekt'}.`;
    } else {
      const open = spoor?.vragen ?? [];
      for (const q of open) {
        if (!vragen.some((x) => x.feit === q.oordeel))
          vragen.push({
            feit: q.oordeel,
            vraag: q.vraag,
            artikel: grondArtikel(v.bron),
            regeling: v.bron.regeling.id,
          });
      }
      zin = `Het college moet dit nog beoordelen: ${open.map((q) => q.vraag).join(' ')}`;
    }
    gronden.push({
      regeling: v.bron.regeling.id,
      artikel: grondArtikel(v.bron),
      uitleg: `${zin} (${verwijzing(v.bron)})`,
      voldaan: w === JA ? true : w === NEE ? false : null,
      feiten: feitenVan(v, ctx),
      soort,
      voorwaarde: v.id,
    });
  };

  for (const v of pv.voorwaarden) toets(v, 'voorwaarde');

  const ingang = ingangsdatumVan(aanvraag, casus.peildatum);
  const k = verlengingenVan(aanvraag);
  // A hardheidsclausule can set the ordinance's term aside, never the law's.
  const termijnAfwijking = afwijkingVoor.get(DUUR);
  const geldend: GeldendeDuur = termijnAfwijking ? { duur: pv.wettelijkeDuur } : geldendeDuur(pv, ctx);
  const duur = geldend.duur;
  let einde = maximaleEinddatum(duur, ingang, k);
  if (termijnAfwijking)
    gronden.push({
      regeling: termijnAfwijking.regeling,
      artikel: termijnAfwijking.artikel,
      uitleg: termijnAfwijking.uitleg,
      voldaan: true,
      feiten: {},
      soort: 'afwijking',
      voorwaarde: DUUR,
    });

  // The last day transitional law keeps the voorziening running, when it applies.
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
      einde = einde === null ? beschermdTot : minDatum(einde, beschermdTot);
    }
    // Once the protection has ended it is no longer said to run on: only the sentence that it ended stands.
    const voorbij = beschermdTot !== undefined && casus.peildatum > beschermdTot;
    if (!voorbij)
      gronden.push({
        regeling: r.id,
        artikel: artikelTekst(bron),
        uitleg: `${ov.uitleg} ${overgang.oudeVersie ? `De voorziening is beoordeeld met de regels van de versie van ${datumTekst(overgang.oudeVersie.geldigVanaf)}.` : 'De eerdere regeling is niet in dit systeem opgenomen; de wet geldt wel.'}${
          einde ? ` De voorziening loopt uiterlijk tot en met ${datumTekst(einde)}.` : ''
        } (${verwijzing(bron)})`,
        voldaan: true,
        feiten: { toegekendOp: ctx.feiten.toegekendOp ?? null },
        soort: 'overgangsrecht',
      });
    // The protection ends; after it the new ordinance's rules apply to the person, not this grant.
    if (voorbij) {
      totaal = en(totaal, NEE);
      gronden.push({
        regeling: r.id,
        artikel: artikelTekst(bron),
        uitleg: `De bescherming van het overgangsrecht liep tot en met ${datumTekst(beschermdTot!)}. Op ${datumTekst(casus.peildatum)} is die voorbij: vanaf dan gelden de regels van de ${r.citeertitel}. (${verwijzing(bron)})`,
        voldaan: false,
        feiten: { toegekendOp: ctx.feiten.toegekendOp ?? null, peildatum: casus.peildatum },
        soort: 'overgangsrecht',
      });
    }
    const voorwaarde = plan.overgangsvoorwaarden.get(r.id);
    // After the protection ended, whether the old conditions still hold no longer matters: not asked.
    if (voorwaarde && !voorbij) toets(voorwaarde, 'overgangsrecht');
  }

  if (aanvraag) {
    for (const v of pv.aanvraagVoorwaarden) toets(v, 'aanvraag');
    const maxAantal = maximaalAantalVerlengingen(duur);
    if (k > maxAantal) {
      // Where the ordinance gives no extension, that is the ordinance's choice: cite its own article.
      const bron = duur?.verlenging?.bron ?? duur?.verordening ?? duur?.basis?.bron ?? pv.bron;
      const w = verlengingWaarheid(geldend, k);
      totaal = en(totaal, w);
      const wetVerlenging = duur?.wettelijkeVerlengingOpVerordening;
      gronden.push({
        regeling: bron.regeling.id,
        artikel: grondArtikel(bron),
        uitleg: `${
          maxAantal === 0
            ? `De ${
                // Where only the law sets the term, it is the ordinance that gives no extension: the law
                // itself allows one through the ordinance.
                (bron.regeling.laag === 'wet' ? pv.bron.regeling : bron.regeling).citeertitel
              } kent geen verlenging van deze voorziening.${wetVerlenging ? ` De wet staat een verlenging met ten hoogste ${wetVerlenging} maanden toe als de verordening die regelt (artikel ${artikelTekst(duur!.wettelijkeBron!)} van de ${plan.wet.citeertitel}).` : ''}`
            : `De voorziening kan ten hoogste ${maxAantal} keer worden verlengd; u vraagt ${k} verlengingen.`
        }${w !== NEE ? ` Die grens geldt alleen voor ${pv.wettelijkeDuurGeldtAls!.omschrijving}; of u daarbij hoort, is nog niet bekend.` : ''} (${verwijzing(bron)})`,
        voldaan: w === NEE ? false : null,
        feiten: { verlengingen: k },
        soort: 'termijn',
      });
    }
    if (k >= 1) for (const v of duur?.verlengingVoorwaarden ?? []) toets(v, 'aanvraag');
    const gevraagd = gevraagdeEinddatum(ingang, aanvraag);
    if (voorbijWettelijkeBasis(duur, ingang, gevraagd, k, beschermdTot))
      for (const v of duur?.wettelijkeVerlengingVoorwaarden ?? []) toets(v, 'aanvraag');
    // The text's minimum ("minimaal 6 en maximaal 12 maanden"); the agreed term of transitional law stands.
    const kortste = minimaleEinddatum(duur, ingang);
    const grenzen = duurGrenzenTekst(duur);
    if (gevraagd !== undefined && kortste !== undefined && duur?.minimum && !overgang) {
      const bron = duur.minimum.bron;
      const teKort = gevraagd < kortste;
      if (teKort) totaal = en(totaal, NEE);
      if (teKort || einde === null)
        gronden.push({
          regeling: bron.regeling.id,
          artikel: grondArtikel(bron),
          uitleg: teKort
            ? `De gevraagde periode van ${datumTekst(ingang)} tot en met ${datumTekst(gevraagd)} is korter dan mag: de voorziening duurt ${grenzen}. De periode moet ten minste lopen tot en met ${datumTekst(kortste)}. (${verwijzing(bron)})`
            : `De gevraagde periode van ${datumTekst(ingang)} tot en met ${datumTekst(gevraagd)} voldoet aan de duur van ${grenzen}. (${verwijzing(bron)})`,
          voldaan: !teKort,
          feiten: { ingangsdatum: ingang, einddatum: gevraagd },
          soort: 'termijn',
        });
    }
    // A period too short is refused by the minimum's sentence alone; it never "fits" as well.
    const teKortGevraagd = gevraagd !== undefined && kortste !== undefined && gevraagd < kortste && !overgang;
    if (gevraagd !== undefined && einde !== null && duur && !teKortGevraagd) {
      const bron = k > 0 && duur.verlenging ? duur.verlenging.bron : (duur.basis?.bron ?? pv.bron);
      const past = gevraagd <= einde;
      if (!past && overgang) {
        // Under transitional law the agreed term is not refused; it simply ends where that article says.
        gronden.push({
          regeling: overgang.regeling.id,
          artikel: artikelTekst(overgang.regeling.overgangsrecht!),
          uitleg: `De afgesproken periode loopt tot en met ${datumTekst(gevraagd)}, maar onder het overgangsrecht eindigt de voorziening uiterlijk op ${datumTekst(einde)}. (${verwijzing({ regeling: overgang.regeling, artikel: overgang.regeling.overgangsrecht!.artikel, lid: overgang.regeling.overgangsrecht!.lid })})`,
          voldaan: true,
          feiten: { ingangsdatum: ingang, einddatum: gevraagd },
          soort: 'overgangsrecht',
        });
      } else {
        // Too long is granted up to the maximum; what may stay open is which day that is.
        const open = onzeker.has(DUUR) ? pv : undefined;
        const w = past ? JA : langerWaarheid(geldend, ingang, einde, k, open);
        if (!past && open && maximaleEinddatum(pv.wettelijkeDuur, ingang, k) !== einde)
          ontbrekend.push('afwijkingen');
        totaal = en(totaal, w);
        const regel = `${grenzen ? ` De voorziening duurt ${grenzen}.` : ''}${duur.uitleg ? ` ${duur.uitleg}` : ''}`;
        gronden.push({
          regeling: bron.regeling.id,
          artikel: grondArtikel(bron),
          uitleg: past
            ? `De gevraagde periode van ${datumTekst(ingang)} tot en met ${datumTekst(gevraagd)} past binnen ${grenzen ? `de duur van ${grenzen}` : 'de maximale duur'}; de laatste dag is ${datumTekst(einde)}. (${verwijzing(bron)})`
            : `${langerTekst(pv, geldend, ingang, gevraagd, einde, k, open, w)}${regel} (${verwijzing(bron)})`,
          voldaan: w === JA ? true : null,
          feiten: { ingangsdatum: ingang, einddatum: gevraagd, verlengingen: k },
          soort: 'termijn',
        });
      }
    }
  }

  // Reviews and payments follow the term actually asked for, within the maximum.
  const gevraagdeEinde = gevraagdeEinddatum(ingang, aanvraag);
  const looptTot =
    gevraagdeEinde !== undefined && (einde === null || gevraagdeEinde <= einde) ? gevraagdeEinde : einde;
  // The day granted; transitional law cuts the agreed end short without an open question.
  const eindeOpen = !overgang && onzeker.has(DUUR) ? pv : undefined;
  const toegekend = overgang
    ? gevraagdeEinde !== undefined
      ? looptTot
      : undefined
    : toegekendeEinddatum(geldend, ingang, gevraagdeEinde, einde, k, eindeOpen);
  const bedragen: Record<string, Bedrag> = {};
  /** Judgements an amount's condition waits for: asked also when the voorziening itself is granted. */
  const bedragVragen: string[] = [];
  const betaalmomenten: (Moment & { bedrag: string })[] = [];
  const extraMomenten: Moment[] = [];
  // Where the law sets the amounts again each 1 January, they follow the rules and figures of that day.
  const bpv = bedragOpzet?.pv ?? pv;
  const bctx = bedragOpzet?.ctx ?? ctx;
  for (const b of bpv.bedragen) {
    const spoor = bctx.spoor;
    if (spoor) {
      spoor.ontbrekend.length = 0;
      spoor.vragen.length = 0;
    }
    const referentie = verwijzing(b.bron);
    // An amount the text allows for the first months only ("gedurende ten hoogste de eerste zes maanden").
    const gedurende = b.regel.gedurende;
    const totEnMet = gedurende ? eindeTermijnMaanden(ingang, gedurende.maanden) : undefined;
    if (gedurende && totEnMet !== undefined && casus.peildatum > totEnMet) {
      gronden.push({
        regeling: b.bron.regeling.id,
        artikel: grondArtikel(b.bron),
        uitleg: `${b.regel.omschrijving}: dit bedrag geldt alleen de eerste ${gedurende.maanden} maanden, tot en met ${datumTekst(totEnMet)}. Die periode is voorbij. (${referentie})`,
        voldaan: false,
        feiten: feitenVan(b, bctx),
        soort: 'bedrag',
      });
      continue;
    }
    const w = b.als ? b.als(bctx) : JA;
    // Each part of a compound condition that stands in the way gets its own sentence.
    const perDeel =
      w !== JA && b.delen ? deelZinnen(b.delen, bctx, invoerLabel(plan), ontbrekendeInvoer).join(' ') : '';
    const voorbehoud =
      w === JA
        ? []
        : [
            ...ontbrekendeInvoer(spoor?.ontbrekend ?? []).map(invoerLabel(plan)),
            ...(spoor?.vragen ?? []).map((q) => q.vraag),
          ];
    // In a sentence a question reads as what the college still has to answer, so no "…?." remains.
    const voorbehoudZin = [
      ...ontbrekendeInvoer(w === JA ? [] : (spoor?.ontbrekend ?? [])).map(invoerLabel(plan)),
      ...(w === JA ? [] : (spoor?.vragen ?? [])).map(
        (q) => `het college beantwoordt de vraag ‘${q.vraag}’ met ja`,
      ),
    ];
    for (const q of spoor?.vragen ?? []) if (!bedragVragen.includes(q.oordeel)) bedragVragen.push(q.oordeel);
    for (const q of spoor?.vragen ?? [])
      if (!vragen.some((x) => x.feit === q.oordeel))
        vragen.push({
          feit: q.oordeel,
          vraag: q.vraag,
          artikel: grondArtikel(b.bron),
          regeling: b.bron.regeling.id,
        });
    if (w === NEE) {
      gronden.push({
        regeling: b.bron.regeling.id,
        artikel: grondArtikel(b.bron),
        uitleg: `${vul(b.regel.uitleg.nee, bctx.feiten)}${perDeel ? ` ${perDeel}` : ''} (${referentie})`,
        voldaan: false,
        feiten: feitenVan(b, bctx),
        soort: 'bedrag',
      });
      continue;
    }
    if (spoor) spoor.ontbrekend.length = 0;
    const vragenVoor = spoor?.vragen.length ?? 0;
    const cent = b.cent(bctx);
    const mist = cent === undefined ? ontbrekendeInvoer(spoor?.ontbrekend ?? []) : [];
    // Nothing missing and nothing to judge, yet no number: the rule names no amount for this case (a
    // value no row of a tabel covers, "meer dan 16" at 16 hours). Then there is no amount and nothing
    // to pay, and the sentence must not say that one is granted but cannot be computed yet.
    if (cent === undefined && spoor && mist.length === 0 && spoor.vragen.length === vragenVoor) {
      gronden.push({
        regeling: b.bron.regeling.id,
        artikel: grondArtikel(b.bron),
        uitleg: `${b.regel.omschrijving}: voor uw situatie noemt dit artikel geen bedrag, dus dit bedrag is er niet. (${referentie})`,
        voldaan: false,
        feiten: feitenVan(b, bctx),
        soort: 'bedrag',
      });
      continue;
    }
    const per = b.regel.per;
    bedragen[b.naam] = {
      cent: cent === undefined ? null : cent,
      per,
      artikel: grondArtikel(b.bron),
      regeling: b.bron.regeling.id,
      omschrijving: b.regel.omschrijving,
      ...(totEnMet !== undefined ? { totEnMet } : {}),
      ...(voorbehoud.length > 0 ? { voorbehoud } : {}),
      ...(mist.length > 0 ? { ontbrekend: mist } : {}),
    };
    const hoogte =
      cent === undefined
        ? `Het bedrag is nog niet te berekenen, want ${opsomming(mist.map(invoerLabel(plan)))} ${mist.length > 1 ? 'ontbreken' : 'ontbreekt'}.`
        : `Het bedrag is ${bedragTekst(cent)}${perTekst(per)}${totEnMet !== undefined ? `, tot en met ${datumTekst(totEnMet)}` : ''}.`;
    const herzien = bedragOpzet
      ? ` Het college stelt het bedrag elk jaar per 1 januari opnieuw vast; dit is het bedrag vanaf ${datumTekst(bedragOpzet.datum)} (${verwijzing(bedragOpzet.bron)}).`
      : '';
    const voorwaardelijk =
      voorbehoudZin.length > 0 ? ` Dit geldt alleen als ook dit klopt: ${voorbehoudZin.join('; ')}.` : '';
    gronden.push({
      regeling: b.bron.regeling.id,
      artikel: grondArtikel(b.bron),
      uitleg: `${w === JA ? `${vul(b.regel.uitleg.ja, bctx.feiten)} ` : ''}${hoogte}${voorwaardelijk}${perDeel ? ` ${perDeel}` : ''} (${referentie})${herzien}`,
      voldaan: w === JA ? true : null,
      feiten: feitenVan(b, bctx),
      soort: 'bedrag',
    });
    if (gedurende && totEnMet !== undefined && (looptTot === null || totEnMet < looptTot))
      extraMomenten.push({
        datum: totEnMet,
        artikel: grondArtikel(b.bron),
        regeling: b.bron.regeling.id,
        omschrijving: gedurende.omschrijving,
      });
    const periode = /^(\d+) maanden$/.exec(per);
    if (periode) {
      for (const datum of betaaldata(ingang, Number(periode[1]), looptTot)) {
        betaalmomenten.push({
          datum,
          artikel: grondArtikel(b.bron),
          regeling: b.bron.regeling.id,
          omschrijving: b.regel.omschrijving,
          bedrag: b.naam,
        });
      }
    }
  }

  // The law leaves a premie out of the income only up to a yearly maximum; an ordinance's higher
  // amount is still paid, but the part above it counts as income (art. 31 lid 2 onder j Pw).
  const plafond = bpv.jaarPlafond;
  if (plafond) {
    let perJaarCent = 0;
    for (const b of bpv.bedragen) {
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
        artikel: grondArtikel(plafond.bron),
        uitleg,
        voldaan: null,
        feiten: {},
        soort: 'bedrag',
      });
      conflicten.push({
        soort: 'strijdig',
        regeling: pv.bron.regeling.id,
        artikel: pv.bron.artikel,
        met: `${plafond.bron.regeling.id} ${grondArtikel(plafond.bron)}`,
        uitleg,
      });
    }
  }

  const uitkomst = UITKOMST[totaal];
  const afgewezen = uitkomst === 'afgewezen';
  const evaluatiemomenten: Moment[] = afgewezen
    ? []
    : [
        ...pv.evaluatiemomenten.map((m) => ({
          datum: momentDatum(m, ingang),
          artikel: artikelTekst(m.bron),
          regeling: m.bron.regeling.id,
          omschrijving: m.omschrijving,
        })),
        ...extraMomenten,
      ]
        .filter((m) => looptTot === null || m.datum <= looptTot)
        .sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));
  const metVerlengingen = duur?.verlenging
    ? maximaleEinddatum(duur, ingang, duur.verlenging.maximaalAantal)
    : undefined;
  return {
    uitkomst: {
      voorziening: pv.id,
      titel: pv.titel,
      uitkomst,
      // A refusal names no amounts: nothing is paid.
      gronden: afgewezen ? gronden.filter((g) => g.soort !== 'bedrag') : gronden,
      vragen:
        uitkomst === 'ter-beoordeling' || uitkomst === 'onbepaald'
          ? vragen
          : uitkomst === 'toegestaan'
            ? vragen.filter((q) => bedragVragen.includes(q.feit))
            : [],
      ontbrekendeFeiten: uitkomst === 'onbepaald' ? [...new Set(ontbrekend)] : [],
      bedragen: afgewezen ? {} : bedragen,
      termijnen: {
        ingangsdatum: ingang,
        ...(toegekend !== undefined ? { einddatum: toegekend } : {}),
        ...(toegekend === null
          ? { einddatumOpen: einddatumOpenTekst(pv, geldend, ingang, einde!, k, eindeOpen) }
          : {}),
        maximaleEinddatum: einde,
        ...(metVerlengingen !== undefined && !aanvraag
          ? { maximaleEinddatumMetVerlengingen: metVerlengingen }
          : {}),
        evaluatiemomenten,
        betaalmomenten: afgewezen ? [] : betaalmomenten,
      },
    },
    afwijkingen,
    conflicten,
  };
}

/**
 * The sentence for a request longer than the term that applies (`einde`): granted up to that day, or,
 * where the day granted hangs on an open question (`w` not JA), which days it may be and why.
 */
export function langerTekst(
  pv: PlanVoorziening,
  geldend: GeldendeDuur,
  ingang: string,
  gevraagd: string,
  einde: string,
  k: number,
  afwijking: PlanVoorziening | undefined,
  w: Waarheid,
): string {
  const kop = `De gevraagde periode loopt tot en met ${datumTekst(gevraagd)}.`;
  if (w === JA)
    return `${kop} Dat is langer dan mag: de laatste dag is ${datumTekst(einde)}. U krijgt de voorziening daarom tot en met ${datumTekst(einde)}. De rest van de gevraagde periode krijgt u niet.`;
  const ruim = geldend.anders ? maximaleEinddatum(geldend.anders.duur, ingang, k) : einde;
  const afwijkingOpen =
    afwijking !== undefined && maximaleEinddatum(afwijking.wettelijkeDuur, ingang, k) !== einde;
  const slot = 'Daarom staat nog niet vast tot en met welke dag u de voorziening krijgt';
  if (ruim === einde)
    return `${kop} Dat is langer dan mag: de laatste dag is ${datumTekst(einde)}. Of het college van die duur mag afwijken, kunnen we nog niet beoordelen. ${slot}.`;
  // Those the law's term does not hold for get the asked period, up to their own maximum.
  const anders = ruim === null || ruim > gevraagd ? gevraagd : ruim;
  const voor = `${kop} Voor ${pv.wettelijkeDuurGeldtAls!.omschrijving} is de laatste dag ${datumTekst(einde)}; voor anderen ${ruim === null ? 'geldt geen maximum' : `is dat ${datumTekst(ruim)}`}. Of u daarbij hoort, is nog niet bekend.`;
  return afwijkingOpen
    ? `${voor} Of het college van de duur mag afwijken, kunnen we ook nog niet beoordelen. ${slot}.`
    : `${voor} ${slot}: tot en met ${datumTekst(einde)} of tot en met ${datumTekst(anders)}.`;
}

/** Why `termijnen.einddatum` is null: the open question the day granted hangs on. */
export function einddatumOpenTekst(
  pv: PlanVoorziening,
  geldend: GeldendeDuur,
  ingang: string,
  einde: string,
  k: number,
  afwijking: PlanVoorziening | undefined,
): string {
  const vragen: string[] = [];
  if (geldend.anders && maximaleEinddatum(geldend.anders.duur, ingang, k) !== einde)
    vragen.push(`of u hoort bij ${pv.wettelijkeDuurGeldtAls!.omschrijving}`);
  if (afwijking && maximaleEinddatum(afwijking.wettelijkeDuur, ingang, k) !== einde)
    vragen.push('of het college van de duur mag afwijken');
  return `Tot en met welke dag u de voorziening krijgt, hangt af van wat nog niet bekend is: ${vragen.join(' en ')}.`;
}

function minDatum(a: string, b: string): string {
  return a <= b ? a : b;
}

export function perTekst(per: string): string {
  if (per === 'eenmalig') return ', eenmalig';
  if (per === 'maand') return ' per maand';
  if (per === 'jaar') return ' per jaar';
  if (per === 'uur') return ' per uur';
  return ` per ${per}`;
}
