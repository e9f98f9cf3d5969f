import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Casus, casusSchema, veldFouten } from '../casus/index.ts';
import { leeftijdOp } from '../kalender/index.ts';
import type { Bibliotheek, Regeling } from '../regelgeving/index.ts';
import type { VoorzieningId } from '../regelgeving/voorzieningen.ts';
import type { Scalar } from '../regels/ast.ts';
import type { Context } from '../regels/context.ts';
import { nieuwSpoor } from '../regels/context.ts';
import { en, JA, NEE, ONBEKEND, OORDEEL, type Waarheid } from '../regels/waarheid.ts';
import { bedragTekst, datumTekst, feitLabel, opsomming, vulIn } from '../taal/index.ts';
import {
  ingangsdatumVan,
  maximaalAantalVerlengingen,
  overgangsgrens,
  verlengingenVan,
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
import { betaaldata, gevraagdeEinddatum, maximaleEinddatum, momentDatum } from './termijnen.ts';

export const ENGINE_VERSIE: string = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** Derived facts report the input they come from when they are missing. */
const AFGELEID_VAN: Readonly<Record<string, string>> = { leeftijd: 'geboortedatum' };

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
  /** The compiled plan for a gemeente on a date, for batch runs. */
  planOp(
    gemeente: string,
    peildatum: string,
    opties?: EvaluatieOpties,
  ): { ok: true; plan: Plan } | { ok: false; fout: EvaluatieFout };
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

  const planOp: Engine['planOp'] = (gemeente, peildatum, opties) => {
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
    const wet = bibliotheek.inWerking(wetId, peildatum);
    if (!wet)
      return {
        ok: false,
        fout: {
          code: 'geen-wet',
          peildatum,
          bericht: `Op ${peildatum} is geen versie van ${wetId} geladen.`,
        },
      };
    return { ok: true, plan: planVoor(regelingen, wet) };
  };

  return {
    bibliotheek,
    planVan: planVoor,
    planOp,
    evalueer(invoer, opties) {
      const parsed = casusSchema.safeParse(invoer);
      if (!parsed.success) {
        return {
          ok: false,
          fout: {
            code: 'ongeldige-casus',
            fouten: veldFouten(parsed.error.issues),
          },
        };
      }
      const casus = parsed.data as Casus;
      const gevonden = planOp(casus.gemeente, casus.peildatum, opties);
      if (!gevonden.ok) return gevonden;
      const { plan } = gevonden;
      const ctx = maakContext(casus);
      const aanvraag = casus.aanvraag;
      const afwijkingen: ToegepasteAfwijking[] = [];
      const conflicten: Conflict[] = [];
      const uitkomsten: VoorzieningUitkomst[] = [];

      const teBeoordelen: VoorzieningId[] = aanvraag
        ? [aanvraag.voorziening as VoorzieningId]
        : [...plan.voorzieningen.keys()];
      for (const id of teBeoordelen) {
        let pv = plan.voorzieningen.get(id);
        let overgang: Overgang | undefined;
        if (aanvraag && typeof aanvraag.toegekendOp === 'string') {
          overgang = zoekOvergang(
            plan,
            aanvraag.toegekendOp,
            (regelingen) => planVoor(regelingen, plan.wet),
            (rid, d) => bibliotheek.inWerking(rid, d),
            id,
          );
          if (overgang?.planVoorziening) pv = overgang.planVoorziening;
        }
        if (!pv) {
          uitkomsten.push(nietAangeboden(id, plan, casus.peildatum));
          continue;
        }
        const beoordeeld = beoordeelVoorziening(pv, ctx, casus, plan, overgang);
        uitkomsten.push(beoordeeld.uitkomst);
        afwijkingen.push(...beoordeeld.afwijkingen);
        for (const c of [...pv.conflicten, ...beoordeeld.conflicten]) {
          if (
            !conflicten.some((x) => x.regeling === c.regeling && x.artikel === c.artikel && x.met === c.met)
          )
            conflicten.push(c);
        }
      }
      const regelingen = [...plan.gemeenteRegelingen, plan.wet].map((r) => ({
        id: r.id,
        titel: r.titel,
        geldigVanaf: r.geldigVanaf,
        hash: r.hash,
      }));
      const resultaat: Resultaat = {
        engine: { naam: 'reintegratie', versie: ENGINE_VERSIE },
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

/** All facts in one namespace, with the derived ones (leeftijd on the peildatum). */
export function maakContext(casus: Casus, metSpoor = true): Context {
  const { oordelen, afwijkingen: _a, ...feiten } = casus.feiten;
  const plat: Record<string, Scalar | undefined> = {
    ...(feiten as Record<string, Scalar>),
    ...(casus.aanvraag as Record<string, Scalar> | undefined),
    peildatum: casus.peildatum,
  };
  if (typeof feiten.geboortedatum === 'string')
    plat.leeftijd = leeftijdOp(feiten.geboortedatum, casus.peildatum);
  // A request that names no extensions is a first grant.
  if (casus.aanvraag && plat.verlengingen === undefined) plat.verlengingen = 0;
  return {
    peildatum: casus.peildatum,
    feiten: plat,
    oordelen: oordelen ?? {},
    ...(metSpoor ? { spoor: nieuwSpoor() } : {}),
  };
}

function verwijzing(b: Bron): string {
  return `artikel ${artikelTekst(b)} van de ${b.regeling.citeertitel}`;
}

function grondArtikel(b: Bron): string {
  return artikelTekst(b);
}

/** A missing input as a sentence names it: a fact's label, or the parameter's own label. */
function invoerLabel(plan: Plan): (naam: string) => string {
  return (naam) =>
    (naam.startsWith('parameter:') ? plan.parameterLabels.get(naam.slice('parameter:'.length)) : undefined) ??
    feitLabel(naam);
}

function ontbrekendeInvoer(namen: readonly string[]): string[] {
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
    const grens = r.overgangsrecht.toegekendVoor ?? r.geldigVanaf;
    if (toegekendOp >= grens) continue;
    const oud = inWerking(r.id, toegekendOp);
    if (oud && oud !== r) {
      const oudPlan = planVoor(plan.gemeenteRegelingen.map((x) => (x === r ? oud : x)));
      const pv = oudPlan.voorzieningen.get(voorziening);
      return { regeling: r, oudeVersie: oud, ...(pv ? { planVoorziening: pv } : {}) };
    }
    // The earlier ordinance is not loaded: only national law and the transitional article itself apply.
    const huidig = plan.voorzieningen.get(voorziening);
    if (!huidig) return { regeling: r };
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

function nietAangeboden(id: VoorzieningId, plan: Plan, peildatum: string): VoorzieningUitkomst {
  const namen = opsomming(plan.gemeenteRegelingen.map((r) => `de ${r.citeertitel}`));
  return {
    voorziening: id,
    titel: id,
    uitkomst: 'afgewezen',
    gronden: [
      {
        regeling: plan.wet.id,
        artikel: '8a lid 1 onder a',
        uitleg: `De gemeenteraad legt in een verordening vast welke voorzieningen de gemeente aanbiedt. In ${namen} staat deze voorziening niet (artikel 8a lid 1 onder a van de ${plan.wet.citeertitel}).`,
        voldaan: false,
        feiten: {},
        soort: 'aanbod',
      },
    ],
    vragen: [],
    ontbrekendeFeiten: [],
    bedragen: {},
    termijnen: {
      ingangsdatum: peildatum,
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

function beoordeelVoorziening(
  pv: PlanVoorziening,
  ctx: Context,
  casus: Casus,
  plan: Plan,
  overgang: Overgang | undefined,
): Beoordeling {
  const aanvraag = casus.aanvraag?.voorziening === pv.id ? casus.aanvraag : undefined;
  const gronden: Grond[] = [];
  const vragen: Vraag[] = [];
  const ontbrekend: string[] = [];
  const afwijkingen: ToegepasteAfwijking[] = [];
  const conflicten: Conflict[] = [];
  let totaal: Waarheid = JA;

  // Recorded deviations (hardheidsclausule, innovatie) are never automatic: they only count when
  // they rest on such an article of an ordinance in force and concern a municipal rule.
  const afwijkingVoor = new Map<string, ToegepasteAfwijking>();
  for (const a of casus.feiten.afwijkingen ?? []) {
    const gewogen = weegAfwijking(a, pv, plan);
    if (!gewogen) continue;
    const { doel, regeling, toegepast } = gewogen;
    const uitleg = !regeling
      ? `Artikel ${a.artikel} is geen hardheidsclausule of innovatieartikel van een geldende regeling; de afwijking is niet toegepast.`
      : doel.laag === 'wet'
        ? `De voorwaarde '${a.voorwaarde}' komt uit de ${plan.wet.citeertitel}. Een gemeente kan daar niet van afwijken; de afwijking is niet toegepast.`
        : `Het college wijkt op grond van artikel ${a.artikel} van de ${regeling.citeertitel} af van voorwaarde '${a.voorwaarde}' (${artikelTekst(doel.bron)}). Besluit van ${a.door}: ${a.reden}`;
    const t: ToegepasteAfwijking = {
      artikel: a.artikel,
      regeling: regeling?.id ?? '',
      voorwaarde: a.voorwaarde,
      voorziening: pv.id,
      door: a.door,
      reden: a.reden,
      toegepast,
      uitleg,
    };
    afwijkingen.push(t);
    if (toegepast) afwijkingVoor.set(a.voorwaarde, t);
    else if (regeling)
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
    const w = v.toets(ctx);
    totaal = en(totaal, w);
    let zin: string;
    if (w === JA) zin = vulIn(v.uitleg.ja, ctx.feiten);
    else if (w === NEE) zin = vulIn(v.uitleg.nee, ctx.feiten);
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
  let einde = maximaleEinddatum(pv.duur, ingang, k);

  if (overgang) {
    const r = overgang.regeling;
    const ov = r.overgangsrecht!;
    const bron: Bron = { regeling: r, artikel: ov.artikel, lid: ov.lid, onder: ov.onder };
    const afgesproken = gevraagdeEinddatum(ingang, aanvraag);
    if (afgesproken === undefined) {
      ontbrekend.push('einddatum');
      totaal = en(totaal, ONBEKEND);
    } else {
      const grens = overgangsgrens(r, afgesproken);
      einde = einde === null ? grens : minDatum(einde, grens);
    }
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
    const voorwaarde = plan.overgangsvoorwaarden.get(r.id);
    if (voorwaarde) toets(voorwaarde, 'overgangsrecht');
  }

  if (aanvraag) {
    for (const v of pv.aanvraagVoorwaarden) toets(v, 'aanvraag');
    const duur = pv.duur;
    const maxAantal = maximaalAantalVerlengingen(duur);
    if (k > maxAantal) {
      const bron = duur?.verlenging?.bron ?? duur?.basis?.bron ?? pv.bron;
      totaal = en(totaal, NEE);
      gronden.push({
        regeling: bron.regeling.id,
        artikel: grondArtikel(bron),
        uitleg: `${maxAantal === 0 ? 'Deze voorziening kan niet worden verlengd.' : `De voorziening kan ten hoogste ${maxAantal} keer worden verlengd; u vraagt ${k} verlengingen.`} (${verwijzing(bron)})`,
        voldaan: false,
        feiten: { verlengingen: k },
        soort: 'termijn',
      });
    }
    if (k >= 1) for (const v of duur?.verlengingVoorwaarden ?? []) toets(v, 'aanvraag');
    const gevraagd = gevraagdeEinddatum(ingang, aanvraag);
    if (voorbijWettelijkeBasis(duur, ingang, gevraagd, k))
      for (const v of duur?.wettelijkeVerlengingVoorwaarden ?? []) toets(v, 'aanvraag');
    if (gevraagd !== undefined && einde !== null && duur) {
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
        if (!past) totaal = en(totaal, NEE);
        const regel = duur.uitleg ? ` ${duur.uitleg}` : '';
        gronden.push({
          regeling: bron.regeling.id,
          artikel: grondArtikel(bron),
          uitleg: past
            ? `De gevraagde periode van ${datumTekst(ingang)} tot en met ${datumTekst(gevraagd)} past binnen de maximale duur; de laatste dag is ${datumTekst(einde)}. (${verwijzing(bron)})`
            : `De gevraagde periode loopt tot en met ${datumTekst(gevraagd)}. Dat is langer dan mag: de laatste dag is ${datumTekst(einde)}.${regel} (${verwijzing(bron)})`,
          voldaan: past,
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
  const bedragen: Record<string, Bedrag> = {};
  const betaalmomenten: (Moment & { bedrag: string })[] = [];
  for (const b of pv.bedragen) {
    const spoor = ctx.spoor;
    if (spoor) {
      spoor.ontbrekend.length = 0;
      spoor.vragen.length = 0;
    }
    const w = b.als ? b.als(ctx) : JA;
    const voorbehoud =
      w === JA
        ? []
        : [
            ...ontbrekendeInvoer(spoor?.ontbrekend ?? []).map(invoerLabel(plan)),
            ...(spoor?.vragen ?? []).map((q) => q.vraag),
          ];
    const referentie = verwijzing(b.bron);
    if (w === NEE) {
      gronden.push({
        regeling: b.bron.regeling.id,
        artikel: grondArtikel(b.bron),
        uitleg: `${vulIn(b.regel.uitleg.nee, ctx.feiten)} (${referentie})`,
        voldaan: false,
        feiten: feitenVan(b, ctx),
        soort: 'bedrag',
      });
      continue;
    }
    if (spoor) spoor.ontbrekend.length = 0;
    const cent = b.cent(ctx);
    const mist = cent === undefined ? ontbrekendeInvoer(spoor?.ontbrekend ?? []) : [];
    const per = b.regel.per;
    bedragen[b.naam] = {
      cent: cent === undefined ? null : cent,
      per,
      artikel: grondArtikel(b.bron),
      regeling: b.bron.regeling.id,
      omschrijving: b.regel.omschrijving,
      ...(voorbehoud.length > 0 ? { voorbehoud } : {}),
      ...(mist.length > 0 ? { ontbrekend: mist } : {}),
    };
    const hoogte =
      cent === undefined
        ? `Het bedrag is nog niet te berekenen, want ${opsomming(mist.map(invoerLabel(plan)))} ${mist.length > 1 ? 'ontbreken' : 'ontbreekt'}.`
        : `Het bedrag is ${bedragTekst(cent)}${perTekst(per)}.`;
    const voorwaardelijk =
      voorbehoud.length > 0 ? ` Dit geldt alleen als ook dit klopt: ${voorbehoud.join('; ')}.` : '';
    gronden.push({
      regeling: b.bron.regeling.id,
      artikel: grondArtikel(b.bron),
      uitleg: `${w === JA ? `${vulIn(b.regel.uitleg.ja, ctx.feiten)} ` : ''}${hoogte}${voorwaardelijk} (${referentie})`,
      voldaan: w === JA ? true : null,
      feiten: feitenVan(b, ctx),
      soort: 'bedrag',
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

  const evaluatiemomenten: Moment[] = pv.evaluatiemomenten
    .map((m) => ({
      datum: momentDatum(m, ingang),
      artikel: artikelTekst(m.bron),
      regeling: m.bron.regeling.id,
      omschrijving: m.omschrijving,
    }))
    .filter((m) => looptTot === null || m.datum <= looptTot)
    .sort((a, b) => (a.datum < b.datum ? -1 : a.datum > b.datum ? 1 : 0));

  const uitkomst = UITKOMST[totaal];
  const metVerlengingen = pv.duur?.verlenging
    ? maximaleEinddatum(pv.duur, ingang, pv.duur.verlenging.maximaalAantal)
    : undefined;
  return {
    uitkomst: {
      voorziening: pv.id,
      titel: pv.titel,
      uitkomst,
      gronden,
      vragen: uitkomst === 'ter-beoordeling' || uitkomst === 'onbepaald' ? vragen : [],
      ontbrekendeFeiten: uitkomst === 'onbepaald' ? [...new Set(ontbrekend)] : [],
      bedragen,
      termijnen: {
        ingangsdatum: ingang,
        ...(gevraagdeEinde !== undefined ? { einddatum: gevraagdeEinde } : {}),
        maximaleEinddatum: einde,
        ...(metVerlengingen !== undefined && !aanvraag
          ? { maximaleEinddatumMetVerlengingen: metVerlengingen }
          : {}),
        evaluatiemomenten,
        betaalmomenten,
      },
    },
    afwijkingen,
    conflicten,
  };
}

function minDatum(a: string, b: string): string {
  return a <= b ? a : b;
}

function perTekst(per: string): string {
  if (per === 'eenmalig') return ', eenmalig';
  if (per === 'maand') return ' per maand';
  if (per === 'jaar') return ' per jaar';
  if (per === 'uur') return ' per uur';
  return ` per ${per}`;
}
