import { eindeTermijnDagen, eindeTermijnMaanden, plusDagen } from '../kalender/index.ts';
import { type Bibliotheek, omgevingVoor, type Regeling } from '../regelgeving/index.ts';
import type { AlgemeneVoorwaarde, BedragRegel, Duur, Voorwaarde } from '../regelgeving/schema.ts';
import { of } from '../regels/waarheid.ts';
import type { VoorzieningId } from '../regelgeving/voorzieningen.ts';
import { LANDELIJK_VOCABULAIRE, type Vocabulaire } from '../casus/feiten.ts';
import { breidUit } from '../casus/vocabulaire.ts';
import type { Toets } from '../regels/ast.ts';
import {
  Compiler,
  type GecompileerdeToets,
  type GecompileerdGetal,
  nieuweVerwijzingen,
  type Verwijzingen,
} from '../regels/compileer.ts';
import type { Conflict } from './resultaat.ts';

/**
 * A plan is everything needed to judge cases against one combination of regulation versions: the
 * gemeente's regulations in force and the national version in force. It is compiled once and cached,
 * so evaluating a case is running closures.
 */

export interface Bron {
  readonly regeling: Regeling;
  readonly artikel: string;
  readonly lid?: string | undefined;
  readonly onder?: string | undefined;
}

export interface PlanVoorwaarde {
  readonly id: string;
  readonly bron: Bron;
  readonly laag: 'wet' | 'gemeente';
  readonly toets: GecompileerdeToets;
  /** The rule as written, for tools that translate it (bench peers). */
  readonly regel: Voorwaarde;
  readonly verwijzingen: Verwijzingen;
  readonly uitleg: { readonly ja: string; readonly nee: string };
  /**
   * Definitions a sentence names with `{definitie:naam}`: the sentence then says what the definition
   * of the law in force says for this person, not what an ordinance once wrote about it.
   */
  readonly definities: ReadonlyMap<string, Definitiezin>;
  /** Set when national law sets this municipal rule aside on the plan's dates. */
  readonly buitenToepassing?: Conflict;
  /**
   * A general condition that does not hold for some people for this voorziening (art. 10b lid 1 Pw):
   * when `toets` holds, the condition is met, for the reason in `uitleg`. `toets` above includes it.
   */
  readonly uitzondering?: {
    readonly toets: GecompileerdeToets;
    /** The rule as written, for tools that translate it (bench peers). */
    readonly regel: Toets;
    readonly uitleg: string;
    readonly bron: Bron;
  };
}

export interface Definitiezin {
  readonly toets: GecompileerdeToets;
  readonly uitleg: { readonly ja: string; readonly nee: string };
}

export const DEFINITIE_IN_ZIN = /\{definitie:([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** A general condition of a layer, compiled once, with the voorzieningen it does not apply to. */
export interface PlanAlgemeneVoorwaarde {
  readonly voorwaarde: PlanVoorwaarde;
  /** The condition as it applies to a voorziening, or undefined when that voorziening is excepted. */
  voor(id: VoorzieningId): PlanVoorwaarde | undefined;
}

export interface PlanBedrag {
  readonly naam: string;
  readonly bron: Bron;
  readonly regel: BedragRegel;
  readonly cent: GecompileerdGetal;
  readonly als?: GecompileerdeToets;
  /** The parts of a compound `als` (`alle` or `een`), compiled one by one for a sentence each. */
  readonly delen?: readonly PlanDeel[];
  readonly verwijzingen: Verwijzingen;
}

export interface PlanDeel {
  readonly toets: GecompileerdeToets;
  readonly regel: Toets;
  /** The file's own sentence for this part when it does not hold (`uitleg.delen`). */
  readonly nee?: string | undefined;
}

export interface PlanDuur {
  readonly basis?: {
    readonly maanden?: number | undefined;
    readonly dagen?: number | undefined;
    readonly bron: Bron;
  };
  readonly verlenging?: { readonly maximaalAantal: number; readonly maanden: number; readonly bron: Bron };
  /** The shortest term the text allows ("minimaal 6 maanden"): the ordinance's, else the law's. */
  readonly minimum?: {
    readonly maanden?: number | undefined;
    readonly dagen?: number | undefined;
    readonly bron: Bron;
  };
  /** The last day the law allows from a start with k extensions, where national law caps the term. */
  readonly wettelijkeEinddatum?: (ingang: string, k: number) => string | undefined;
  readonly wettelijkeBron?: Bron;
  /** The ordinance's conditions for an extension of its own term. */
  readonly verlengingVoorwaarden: readonly PlanVoorwaarde[];
  /** The law's conditions for going beyond the law's own basic term (art. 10a lid 9: the third year). */
  readonly wettelijkeVerlengingVoorwaarden: readonly PlanVoorwaarde[];
  readonly wettelijkeBasisMaanden?: number;
  /** The ordinance's own article on the term, when it has one: it decides whether there is an extension. */
  readonly verordening?: Bron;
  /** Months of extension the law allows only when the ordinance provides it (`alleenBijVerordening`). */
  readonly wettelijkeVerlengingOpVerordening?: number;
  readonly uitleg?: string | undefined;
}

export interface PlanEvaluatiemoment {
  readonly bron: Bron;
  readonly naMaanden: number;
  readonly voorAfloop: boolean;
  readonly omschrijving: string;
}

export interface PlanVoorziening {
  readonly id: VoorzieningId;
  readonly titel: string;
  readonly bron: Bron;
  readonly voorwaarden: readonly PlanVoorwaarde[];
  readonly aanvraagVoorwaarden: readonly PlanVoorwaarde[];
  readonly duur?: PlanDuur;
  /** The national terms alone, for voorzieningen kept under transitional law. */
  readonly wettelijkeDuur?: PlanDuur;
  /**
   * When the national term holds only for some people (`geldtAls`): who, and the ordinance's own
   * term for everyone else. `duur` is then the term with the law applied.
   */
  readonly wettelijkeDuurGeldtAls?: {
    readonly toets: GecompileerdeToets;
    /** The rule as written, for tools that translate it (bench peers). */
    readonly regel: Toets;
    readonly omschrijving: string;
  };
  readonly duurZonderWet?: PlanDuur;
  readonly bedragen: readonly PlanBedrag[];
  /** National law sets the amounts again each 1 January (art. 10d lid 7 Pw). */
  readonly bedragenHerzien?: Bron;
  /** The most the ordinance's amounts may be per calendar year and not count as income (art. 31 lid 2 onder j). */
  readonly jaarPlafond?: {
    readonly bron: Bron;
    readonly cent: GecompileerdGetal;
    readonly omschrijving: string;
  };
  readonly evaluatiemomenten: readonly PlanEvaluatiemoment[];
  readonly conflicten: readonly Conflict[];
}

export interface Plan {
  readonly gemeenteRegelingen: readonly Regeling[];
  readonly wet: Regeling;
  /** The national law's general conditions (art. 7 Pw), for every voorziening unless excepted. */
  readonly algemeneVoorwaarden: readonly PlanAlgemeneVoorwaarde[];
  readonly voorzieningen: ReadonlyMap<VoorzieningId, PlanVoorziening>;
  readonly conflicten: readonly Conflict[];
  /** The condition of each regulation's transitional article, by regulation id. */
  readonly overgangsvoorwaarden: ReadonlyMap<string, PlanVoorwaarde>;
  /** How a sentence names each parameter (its `label`), resolved as the rules resolve the parameter. */
  readonly parameterLabels: ReadonlyMap<string, string>;
  /** The national facts and voorzieningen with those the plan's regulations declare (labels, titles). */
  readonly vocabulaire: Vocabulaire;
}

function optioneel<K extends string, T>(k: K, v: T | undefined): { [P in K]?: T } {
  return (v === undefined ? {} : { [k]: v }) as { [P in K]?: T };
}

export function artikelTekst(b: {
  artikel: string;
  lid?: string | undefined;
  onder?: string | undefined;
}): string {
  return `${b.artikel}${b.lid ? ` lid ${b.lid}` : ''}${b.onder ? ` onder ${b.onder}` : ''}`;
}

type Grondslag = { artikel: string; lid?: string | undefined; onder?: string | undefined };

function lidLabel(g: Grondslag): string | undefined {
  return g.lid === undefined ? undefined : `${g.lid}${g.onder ? ` onder ${g.onder}` : ''}`;
}

/** Whether a change or repeal listed for leden touches the lid (and onderdeel) a rule rests on. */
function raakt(g: Grondslag, leden: readonly string[] | undefined): boolean {
  if (!leden) return true;
  if (g.lid === undefined) return g.onder === undefined || leden.some((e) => e.endsWith(` onder ${g.onder}`));
  const label = lidLabel(g);
  return leden.some(
    (e) => e === g.lid || e === label || (g.onder === undefined && e.startsWith(`${g.lid} onder `)),
  );
}

/** Whether the national provision a rule rests on is in force in a national version. */
export function grondslagInWerking(wet: Regeling, g: Grondslag): boolean {
  const a = wet.artikelen.find((x) => x.nummer === g.artikel);
  if (!a || a.vervallenPer !== undefined) return false;
  const label = lidLabel(g);
  return !(a.vervallenLeden ?? []).some((l) => l === g.lid || l === label);
}

/** Conflicts between a municipal regulation and the national version: repealed or changed foundations. */
export function grondslagConflicten(regeling: Regeling, wet: Regeling): Conflict[] {
  const uit: Conflict[] = [];
  const sinds = regeling.vastgesteld ?? regeling.geldigVanaf;
  for (const a of regeling.artikelen) {
    // An article without a number in its source is named as its file names it (vermelding), never by
    // the short name the file gives it: the sentence reaches the client.
    const wie = a.vermelding
      ? a.vermelding.charAt(0).toUpperCase() + a.vermelding.slice(1)
      : `Artikel ${a.nummer} van de ${regeling.citeertitel}`;
    for (const g of a.grondslag ?? []) {
      if (g.regeling !== wet.id) continue;
      const wa = wet.artikelen.find((x) => x.nummer === g.artikel);
      const met = `${wet.id} ${artikelTekst(g)}`;
      if (!grondslagInWerking(wet, g)) {
        const wanneer = wa?.vervallenPer ? ` per ${wa.vervallenPer}` : '';
        uit.push({
          soort: 'vervallen',
          regeling: regeling.id,
          artikel: a.nummer,
          met,
          uitleg: `${wie} berust op artikel ${artikelTekst(g)} van de ${wet.citeertitel}. Dat ${
            wa && !wa.vervallenPer ? 'lid' : 'artikel'
          } is vervallen${wanneer}. De wet gaat voor: de regels van de wet worden toegepast.`,
        });
        continue;
      }
      for (const w of wa?.wijzigingen ?? []) {
        if (w.redactioneel || w.per <= sinds || !raakt(g, w.leden)) continue;
        uit.push({
          soort: 'gewijzigd',
          regeling: regeling.id,
          artikel: a.nummer,
          met,
          uitleg: `${wie} berust op artikel ${artikelTekst(g)} van de ${wet.citeertitel}. Dat is per ${w.per} gewijzigd: ${w.omschrijving} Controleer of het artikel nog past.`,
        });
      }
    }
  }
  return uit;
}

export function maakPlan(
  bibliotheek: Bibliotheek,
  gemeenteRegelingen: readonly Regeling[],
  wet: Regeling,
): Plan {
  const conflicten: Conflict[] = gemeenteRegelingen.flatMap((r) => grondslagConflicten(r, wet));
  const wetCompiler = new Compiler(omgevingVoor(bibliotheek, wet));
  const compilers = new Map(
    gemeenteRegelingen.map((r) => [r.id, new Compiler(omgevingVoor(bibliotheek, r, wet))]),
  );

  const compileerVoorwaarde = (
    v: Voorwaarde,
    regeling: Regeling,
    laag: 'wet' | 'gemeente',
    compiler: Compiler,
  ): PlanVoorwaarde => {
    const verw = nieuweVerwijzingen();
    const toets = compiler.toets(v.toets as Toets, [], verw);
    const bron: Bron = { regeling, artikel: v.artikel, lid: v.lid, onder: v.onder };
    const definities = new Map<string, Definitiezin>();
    for (const [, naam] of `${v.uitleg.ja} ${v.uitleg.nee}`.matchAll(DEFINITIE_IN_ZIN)) {
      const uitleg = omgevingVoor(
        bibliotheek,
        regeling,
        laag === 'gemeente' ? wet : undefined,
      ).definitieUitleg(naam!);
      if (uitleg && !definities.has(naam!))
        definities.set(naam!, {
          toets: compiler.toets({ gebruik: naam! }, [], nieuweVerwijzingen()),
          uitleg,
        });
    }
    let buitenToepassing: Conflict | undefined;
    if (laag === 'gemeente') {
      const artikel = regeling.artikelen.find((a) => a.nummer === v.artikel);
      const gronden = (artikel?.grondslag ?? []).filter((g) => g.regeling === wet.id);
      if (gronden.length > 0 && gronden.every((g) => !grondslagInWerking(wet, g))) {
        buitenToepassing = conflicten.find(
          (c) => c.regeling === regeling.id && c.artikel === v.artikel && c.soort === 'vervallen',
        );
      }
    }
    return {
      id: v.id,
      bron,
      laag,
      toets,
      regel: v,
      verwijzingen: verw,
      uitleg: v.uitleg,
      definities,
      ...(buitenToepassing ? { buitenToepassing } : {}),
    };
  };

  /** A condition met for the wider group national law names for a voorziening (art. 10b lid 1 Pw). */
  const ruimer = (v: PlanVoorwaarde, id: VoorzieningId): PlanVoorwaarde => {
    const r = wet.voorzieningen?.[id]?.doelgroepRuimer;
    if (!r) return v;
    const als = wetCompiler.toets(r.als as Toets, [], v.verwijzingen);
    const basis = v.toets;
    return {
      ...v,
      toets: (ctx) => of(als(ctx), basis(ctx)),
      uitzondering: {
        toets: als,
        regel: r.als as Toets,
        uitleg: r.uitleg,
        bron: { regeling: wet, artikel: r.artikel, lid: r.lid, onder: r.onder },
      },
    };
  };
  const algemeen = (
    lijst: readonly AlgemeneVoorwaarde[] | undefined,
    r: Regeling,
    laag: 'wet' | 'gemeente',
    c: Compiler,
  ): PlanAlgemeneVoorwaarde[] =>
    (lijst ?? []).map((a) => {
      const voorwaarde = compileerVoorwaarde(a, r, laag, c);
      const per = new Map<VoorzieningId, PlanVoorwaarde | undefined>();
      return {
        voorwaarde,
        voor(id) {
          if ((a.uitgezonderd ?? []).includes(id)) return undefined;
          if (!per.has(id)) per.set(id, laag === 'wet' ? ruimer(voorwaarde, id) : voorwaarde);
          return per.get(id);
        },
      };
    });
  const wetAlgemeen = algemeen(wet.algemeneVoorwaarden, wet, 'wet', wetCompiler);
  const voorzieningen = new Map<VoorzieningId, PlanVoorziening>();
  for (const regeling of gemeenteRegelingen) {
    const eigenAlgemeen = algemeen(
      regeling.algemeneVoorwaarden,
      regeling,
      'gemeente',
      compilers.get(regeling.id)!,
    );
    const compiler = compilers.get(regeling.id)!;
    for (const [id, v] of Object.entries(regeling.voorzieningen ?? {}) as [
      VoorzieningId,
      NonNullable<Regeling['voorzieningen']>[VoorzieningId],
    ][]) {
      if (!v) continue;
      const bestaand = voorzieningen.get(id);
      const nationaal = wet.voorzieningen?.[id];
      const geldend = (lijst: readonly PlanAlgemeneVoorwaarde[]) =>
        lijst.map((a) => a.voor(id)).filter((x): x is PlanVoorwaarde => x !== undefined);
      const voorwaarden = [
        ...(bestaand
          ? bestaand.voorwaarden
          : [
              ...geldend(wetAlgemeen),
              ...(nationaal?.voorwaarden ?? []).map((a) => compileerVoorwaarde(a, wet, 'wet', wetCompiler)),
            ]),
        ...geldend(eigenAlgemeen),
        ...v.voorwaarden.map((a) => {
          const c = compileerVoorwaarde(a, regeling, 'gemeente', compiler);
          // The ordinance's "doelgroep" is the law's (its art. 1): for this voorziening the law's may be wider.
          const t = a.toets as { gebruik?: string };
          return Object.keys(t).length === 1 && t.gebruik === 'doelgroep' ? ruimer(c, id) : c;
        }),
      ];
      const aanvraagVoorwaarden = [
        ...(bestaand
          ? bestaand.aanvraagVoorwaarden
          : (nationaal?.aanvraagVoorwaarden ?? []).map((a) =>
              compileerVoorwaarde(a, wet, 'wet', wetCompiler),
            )),
        ...(v.aanvraagVoorwaarden ?? []).map((a) => compileerVoorwaarde(a, regeling, 'gemeente', compiler)),
      ];
      const eigenConflicten: Conflict[] = [];
      const duur =
        combineerDuur(v.duur, regeling, nationaal?.duur, wet, eigenConflicten, (w, r, laag) =>
          compileerVoorwaarde(w, r, laag, laag === 'wet' ? wetCompiler : compiler),
        ) ?? bestaand?.duur;
      const wettelijkeDuur = combineerDuur(undefined, regeling, nationaal?.duur, wet, [], (w, r, laag) =>
        compileerVoorwaarde(w, r, laag, laag === 'wet' ? wetCompiler : compiler),
      );
      const geldtAls = nationaal?.duur?.geldtAls;
      const voorWie = geldtAls
        ? {
            wettelijkeDuurGeldtAls: {
              toets: wetCompiler.toets(geldtAls.toets as Toets, [], nieuweVerwijzingen()),
              regel: geldtAls.toets as Toets,
              omschrijving: geldtAls.omschrijving,
            },
            ...optioneel(
              'duurZonderWet',
              combineerDuur(v.duur, regeling, undefined, wet, [], (w, r, laag) =>
                compileerVoorwaarde(w, r, laag, laag === 'wet' ? wetCompiler : compiler),
              ) ?? bestaand?.duurZonderWet,
            ),
          }
        : {};
      const bedragen: PlanBedrag[] = [...(bestaand?.bedragen ?? [])];
      const voegBedragenToe = (lijst: Record<string, BedragRegel> | undefined, r: Regeling, c: Compiler) => {
        for (const [naam, b] of Object.entries(lijst ?? {})) {
          if (bedragen.some((x) => x.naam === naam)) continue;
          const verw = nieuweVerwijzingen();
          const cent = c.getal(b.cent, [], verw);
          const als = b.als ? c.toets(b.als as Toets, [], verw) : undefined;
          const t = b.als as Toets | undefined;
          const lijst = t && 'alle' in t ? t.alle : t && 'een' in t ? t.een : undefined;
          const delen =
            lijst && lijst.length > 1
              ? lijst.map((d, i) => ({
                  toets: c.toets(d, [], nieuweVerwijzingen()),
                  regel: d,
                  nee: b.uitleg.delen?.[i],
                }))
              : undefined;
          bedragen.push({
            ...(delen ? { delen } : {}),
            naam,
            bron: { regeling: r, artikel: b.artikel, lid: b.lid, onder: b.onder },
            regel: b,
            cent,
            verwijzingen: verw,
            ...(als ? { als } : {}),
          });
        }
      };
      voegBedragenToe(v.bedragen, regeling, compiler);
      if (!bestaand) voegBedragenToe(nationaal?.bedragen, wet, wetCompiler);
      const momenten: PlanEvaluatiemoment[] = [
        ...(bestaand?.evaluatiemomenten ??
          (nationaal?.evaluatiemomenten ?? []).map((e) => ({
            bron: { regeling: wet, artikel: e.artikel, lid: e.lid, onder: e.onder },
            naMaanden: e.naMaanden,
            voorAfloop: e.voorAfloop ?? false,
            omschrijving: e.omschrijving,
          }))),
        ...(v.evaluatiemomenten ?? []).map((e) => ({
          bron: { regeling, artikel: e.artikel, lid: e.lid, onder: e.onder },
          naMaanden: e.naMaanden,
          voorAfloop: e.voorAfloop ?? false,
          omschrijving: e.omschrijving,
        })),
      ];
      const voorzieningConflicten = [
        ...(bestaand?.conflicten ?? []),
        ...eigenConflicten,
        ...conflicten.filter((c) => c.regeling === regeling.id && c.artikel === v.artikel),
      ];
      voorzieningen.set(id, {
        id,
        titel: bestaand?.titel ?? v.titel,
        bron: bestaand?.bron ?? { regeling, artikel: v.artikel, lid: v.lid, onder: v.onder },
        voorwaarden,
        aanvraagVoorwaarden,
        ...(duur ? { duur } : {}),
        ...(wettelijkeDuur ? { wettelijkeDuur } : {}),
        ...voorWie,
        bedragen,
        ...optioneel(
          'jaarPlafond',
          bestaand?.jaarPlafond ??
            (nationaal?.jaarPlafond
              ? {
                  bron: {
                    regeling: wet,
                    artikel: nationaal.jaarPlafond.artikel,
                    lid: nationaal.jaarPlafond.lid,
                    onder: nationaal.jaarPlafond.onder,
                  },
                  cent: wetCompiler.getal(
                    { parameter: nationaal.jaarPlafond.parameter },
                    [],
                    nieuweVerwijzingen(),
                  ),
                  omschrijving: nationaal.jaarPlafond.omschrijving,
                }
              : undefined),
        ),
        ...optioneel(
          'bedragenHerzien',
          bestaand?.bedragenHerzien ??
            (nationaal?.bedragenHerzien
              ? {
                  regeling: wet,
                  artikel: nationaal.bedragenHerzien.artikel,
                  lid: nationaal.bedragenHerzien.lid,
                  onder: nationaal.bedragenHerzien.onder,
                }
              : undefined),
        ),
        evaluatiemomenten: momenten,
        conflicten: voorzieningConflicten,
      });
      conflicten.push(...eigenConflicten);
    }
  }
  const overgangsvoorwaarden = new Map<string, PlanVoorwaarde>();
  for (const r of gemeenteRegelingen) {
    const ov = r.overgangsrecht;
    if (!ov?.voorwaarde) continue;
    const nee = 'U voldoet niet meer aan de voorwaarden waaronder de voorziening eerder is toegekend.';
    overgangsvoorwaarden.set(
      r.id,
      compileerVoorwaarde(
        {
          id: 'overgangsrecht',
          artikel: ov.artikel,
          lid: ov.lid,
          onder: ov.onder,
          toets: ov.voorwaarde,
          uitleg: { ja: ov.uitleg, nee },
        },
        r,
        'gemeente',
        compilers.get(r.id)!,
      ),
    );
  }
  const fouten = [wetCompiler, ...compilers.values()].flatMap((c) => c.fouten);
  if (fouten.length > 0) {
    // The library validated every file; a failure here is a programming error, not bad input.
    throw new Error(`plan kon niet worden gecompileerd: ${fouten.map((f) => f.bericht).join('; ')}`);
  }
  // The same order in which the rules find a parameter: the ordinance's own, the law's, the national files.
  const parameterLabels = new Map<string, string>();
  for (const [naam, p] of [
    ...gemeenteRegelingen.flatMap((r) => Object.entries(r.parameters ?? {})),
    ...Object.entries(wet.parameters ?? {}),
    ...bibliotheek.parameters,
  ])
    if (p.label !== undefined && !parameterLabels.has(naam)) parameterLabels.set(naam, p.label);
  return {
    gemeenteRegelingen,
    wet,
    algemeneVoorwaarden: wetAlgemeen,
    voorzieningen,
    conflicten,
    overgangsvoorwaarden,
    parameterLabels,
    vocabulaire: gemeenteRegelingen.some((r) => r.vocabulaire)
      ? breidUit(
          LANDELIJK_VOCABULAIRE,
          gemeenteRegelingen.map((r) => ({ regeling: r.id, vocabulaire: r.vocabulaire })),
        )
      : LANDELIJK_VOCABULAIRE,
  };
}

/**
 * The last day the law allows from `ingang` with k extensions, by the calendar: a term in days counts
 * days ("365 dagen" is not 12 months and 5 days of 30), extensions in months follow after it.
 */
function wettelijkeEinddatum(d: Duur | undefined, ingang: string, k: number): string | undefined {
  if (!d?.maximaal) return undefined;
  const v = d.verlenging;
  const extra = v ? Math.min(k, v.maximaalAantal) * v.maanden : 0;
  if (d.maximaal.dagen !== undefined) {
    const einde = eindeTermijnDagen(ingang, d.maximaal.dagen);
    return extra > 0 ? eindeTermijnMaanden(plusDagen(einde, 1), extra) : einde;
  }
  return eindeTermijnMaanden(ingang, (d.maximaal.maanden ?? 0) + extra);
}

/**
 * Municipal and national terms together. The ordinance may be stricter than the law; where it is
 * more generous, the law applies and the difference is reported as a conflict. An extension the law
 * only allows an ordinance to give (`alleenBijVerordening`) exists only when the ordinance gives one.
 */
function combineerDuur(
  gemeente: Duur | undefined,
  regeling: Regeling,
  wettelijk: Duur | undefined,
  wet: Regeling,
  conflicten: Conflict[],
  voorwaarde: (v: Voorwaarde, r: Regeling, laag: 'wet' | 'gemeente') => PlanVoorwaarde,
): PlanDuur | undefined {
  if (!gemeente && !wettelijk) return undefined;
  const gBron: Bron | undefined = gemeente
    ? { regeling, artikel: gemeente.artikel, lid: gemeente.lid, onder: gemeente.onder }
    : undefined;
  const wBron: Bron | undefined = wettelijk
    ? { regeling: wet, artikel: wettelijk.artikel, lid: wettelijk.lid, onder: wettelijk.onder }
    : undefined;
  const voor = wettelijk?.geldtAls ? ` voor ${wettelijk.geldtAls.omschrijving}` : '';
  const leidend = gemeente?.maximaal ? gemeente : wettelijk;
  const leidendeBron = leidend === gemeente ? gBron! : wBron!;
  let basis = leidend?.maximaal
    ? { maanden: leidend.maximaal.maanden, dagen: leidend.maximaal.dagen, bron: leidendeBron }
    : undefined;
  const wBasis = wettelijk?.maximaal?.maanden;
  if (
    gemeente?.maximaal?.maanden !== undefined &&
    wBasis !== undefined &&
    gemeente.maximaal.maanden > wBasis &&
    wBron
  ) {
    conflicten.push({
      soort: 'strijdig',
      regeling: regeling.id,
      artikel: gemeente.artikel,
      met: `${wet.id} ${artikelTekst(wBron)}`,
      uitleg: `Artikel ${artikelTekst(gBron!)} van de ${regeling.citeertitel} staat ${gemeente.maximaal.maanden} maanden toe; artikel ${artikelTekst(
        wBron,
      )} van de ${wet.citeertitel} ${wBasis} maanden${voor}. De wet gaat voor.`,
    });
    basis = { maanden: wBasis, dagen: undefined, bron: wBron };
  }
  const wVerlenging = wettelijk?.verlenging;
  const verlengingBron = gemeente?.maximaal
    ? gemeente.verlenging
    : wVerlenging?.alleenBijVerordening
      ? undefined
      : wVerlenging;
  const verlenging = verlengingBron
    ? {
        maximaalAantal: verlengingBron.maximaalAantal,
        maanden: verlengingBron.maanden,
        bron: {
          regeling: verlengingBron === gemeente?.verlenging ? regeling : wet,
          artikel: verlengingBron.artikel,
          lid: verlengingBron.lid,
          onder: verlengingBron.onder,
        },
      }
    : undefined;
  if (
    gemeente?.verlenging &&
    wVerlenging &&
    gemeente.verlenging.maximaalAantal * gemeente.verlenging.maanden >
      wVerlenging.maximaalAantal * wVerlenging.maanden
  ) {
    conflicten.push({
      soort: 'strijdig',
      regeling: regeling.id,
      artikel: gemeente.artikel,
      met: `${wet.id} ${artikelTekst(wVerlenging)}`,
      uitleg: `Artikel ${artikelTekst(gemeente.verlenging)} van de ${regeling.citeertitel} staat ${gemeente.verlenging.maximaalAantal * gemeente.verlenging.maanden} maanden verlenging toe; artikel ${artikelTekst(
        wVerlenging,
      )} van de ${wet.citeertitel} ten hoogste ${wVerlenging.maximaalAantal * wVerlenging.maanden} maanden${voor}. De wet gaat voor.`,
    });
  }
  const verlengingVoorwaarden = (gemeente?.verlenging?.voorwaarden ?? []).map((v) =>
    voorwaarde(v, regeling, 'gemeente'),
  );
  const wettelijkeVerlengingVoorwaarden = (wettelijk?.verlenging?.voorwaarden ?? []).map((v) =>
    voorwaarde(v, wet, 'wet'),
  );
  const minimaal = gemeente?.minimaal ? gemeente : wettelijk?.minimaal ? wettelijk : undefined;
  const minimum = minimaal?.minimaal
    ? {
        maanden: minimaal.minimaal.maanden,
        dagen: minimaal.minimaal.dagen,
        bron: minimaal === gemeente ? gBron! : wBron!,
      }
    : undefined;
  return {
    ...(basis ? { basis } : {}),
    ...(verlenging ? { verlenging } : {}),
    ...(minimum ? { minimum } : {}),
    ...(wettelijk?.maximaal
      ? {
          wettelijkeEinddatum: (ingang: string, k: number) => wettelijkeEinddatum(wettelijk, ingang, k),
          ...(wBron ? { wettelijkeBron: wBron } : {}),
        }
      : {}),
    verlengingVoorwaarden,
    wettelijkeVerlengingVoorwaarden,
    ...(wettelijk?.maximaal?.maanden !== undefined
      ? { wettelijkeBasisMaanden: wettelijk.maximaal.maanden }
      : {}),
    ...(gemeente?.maximaal && gBron ? { verordening: gBron } : {}),
    ...(wVerlenging?.alleenBijVerordening
      ? { wettelijkeVerlengingOpVerordening: wVerlenging.maximaalAantal * wVerlenging.maanden }
      : {}),
    // The explanation follows the limit that actually applies.
    uitleg:
      basis?.bron.regeling === wet
        ? (wettelijk?.uitleg ?? gemeente?.uitleg)
        : (gemeente?.uitleg ?? wettelijk?.uitleg),
  };
}
