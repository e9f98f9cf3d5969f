import { FEIT_INDEX, type FeitDefinitie, type FeitType } from '../casus/feiten.ts';
import {
  bereiktLeeftijdOp,
  eindeTijdsduur,
  isGeldigeDatum,
  plusDagen,
  type Tijdsduur,
} from '../kalender/index.ts';
import { bedoeltU } from '../regelgeving/berichten.ts';
import type { Getal, Leeftijd, LeeftijdToets, PeriodeToets, Scalar, TabelRij, Toets, Waarde } from './ast.ts';
import type { Context } from './context.ts';
import { en, JA, NEE, niet, ONBEKEND, OORDEEL, of, type Waarheid } from './waarheid.ts';

/**
 * Turns rule trees into closures once per regulation version. The closures do no parsing, no
 * lookups by string in the rule tree and no allocation on the happy path, so a batch of a million
 * cases costs little more than the comparisons themselves.
 */

export type GecompileerdeToets = (ctx: Context) => Waarheid;
export type GecompileerdGetal = (ctx: Context) => number | undefined;

export interface DatumWaarde {
  readonly vanaf: string;
  readonly waarde: number | null;
  /**
   * The last day this value is known to apply. A figure that is indexed (the minimum wage each
   * 1 January and 1 July) is not known after its next indexation date until someone adds the new
   * value: past it the figure is unknown, never the old one carried forward.
   */
  readonly bekendTot?: string | undefined;
}

/** What the compiler may look up: named definitions and dated parameters, resolved at compile time. */
export interface Omgeving {
  /** A fact the rules may name (the national vocabulary when absent, see vocabulaireVan). */
  feit?(naam: string): FeitDefinitie | undefined;
  feitNamen?(): Iterable<string>;
  definitie(naam: string): Toets | undefined;
  /** How the definition explains itself when it holds and when not (for `{definitie:naam}` in a sentence). */
  definitieUitleg(naam: string): { readonly ja: string; readonly nee: string } | undefined;
  berekening(naam: string): Getal | undefined;
  parameter(naam: string): readonly DatumWaarde[] | undefined;
  /** The unit a parameter is stated in (`eenheid`), where known: an age in years is no age in months. */
  parameterEenheid?(naam: string): string | undefined;
}

export interface CompileerFout {
  readonly pad: readonly PropertyKey[];
  readonly bericht: string;
}

/** Facts, judgements and parameters a rule reads, known before it runs: explanations list them. */
export interface Verwijzingen {
  readonly feiten: Set<string>;
  readonly oordelen: Map<string, string>;
  readonly parameters: Set<string>;
}

export function nieuweVerwijzingen(): Verwijzingen {
  return { feiten: new Set(), oordelen: new Map(), parameters: new Set() };
}

export class Compiler {
  readonly fouten: CompileerFout[] = [];
  private readonly bezig = new Set<string>();
  private readonly definitieCache = new Map<
    string,
    { toets: GecompileerdeToets; verwijzingen: Verwijzingen }
  >();

  constructor(private readonly omgeving: Omgeving) {}

  toets(t: Toets, pad: readonly PropertyKey[], verw: Verwijzingen): GecompileerdeToets {
    if ('alle' in t) {
      const delen = t.alle.map((d, i) => this.toets(d, [...pad, 'alle', i], verw));
      if (delen.length === 1) return delen[0]!;
      // A conjunction asks for its facts in order: once a part is open for want of a fact, what later
      // parts miss is not asked yet (whether a UWV benefit came with LKS matters only once the benefit
      // is known). Without a trace (batch runs) only the truth value is computed.
      const metSpoor = (ctx: Context): Waarheid => {
        const spoor = ctx.spoor!;
        let uit: Waarheid = JA;
        let open = -1;
        for (const d of delen) {
          const voor = spoor.ontbrekend.length;
          const w = d(ctx);
          if (open >= 0) spoor.ontbrekend.length = voor;
          else if (w === ONBEKEND) open = voor;
          uit = en(uit, w);
          if (uit === NEE) {
            // A part that fails decides: nothing is missing any more.
            if (open >= 0) spoor.ontbrekend.length = open;
            return NEE;
          }
        }
        return uit;
      };
      if (delen.length === 2) {
        const [a, b] = delen as [GecompileerdeToets, GecompileerdeToets];
        return (ctx) => {
          if (ctx.spoor) return metSpoor(ctx);
          const x = a(ctx);
          return x === NEE ? NEE : en(x, b(ctx));
        };
      }
      return (ctx) => {
        if (ctx.spoor) return metSpoor(ctx);
        let uit: Waarheid = JA;
        for (const d of delen) {
          uit = en(uit, d(ctx));
          if (uit === NEE) return NEE;
        }
        return uit;
      };
    }
    if ('een' in t) {
      const delen = t.een.map((d, i) => this.toets(d, [...pad, 'een', i], verw));
      if (delen.length === 1) return delen[0]!;
      if (delen.length === 2) {
        const [a, b] = delen as [GecompileerdeToets, GecompileerdeToets];
        return (ctx) => {
          const x = a(ctx);
          return x === JA ? JA : of(x, b(ctx));
        };
      }
      return (ctx) => {
        let uit: Waarheid = NEE;
        for (const d of delen) {
          uit = of(uit, d(ctx));
          if (uit === JA) return JA;
        }
        return uit;
      };
    }
    if ('niet' in t) {
      const d = this.toets(t.niet, [...pad, 'niet'], verw);
      return (ctx) => niet(d(ctx));
    }
    if ('als' in t) {
      const als = this.toets(t.als, [...pad, 'als'], verw);
      const dan = this.toets(t.dan, [...pad, 'dan'], verw);
      return (ctx) => {
        const a = als(ctx);
        if (a === NEE) return JA;
        return of(niet(a), dan(ctx));
      };
    }
    if ('waar' in t) {
      const w: Waarheid = t.waar ? JA : NEE;
      return () => w;
    }
    if ('oordeel' in t) {
      const { oordeel, vraag } = t;
      verw.oordelen.set(oordeel, vraag);
      return (ctx) => {
        const antwoord = ctx.oordelen[oordeel];
        if (antwoord === undefined) {
          ctx.spoor?.vragen.push({ oordeel, vraag });
          return OORDEEL;
        }
        return antwoord ? JA : NEE;
      };
    }
    if ('gebruik' in t) return this.gebruik(t.gebruik, pad, verw);
    if ('periode' in t) return this.periodeToets(t, pad, verw);
    if ('leeftijdOp' in t) return this.leeftijdToets(t, pad, verw);
    return this.feitToets(t, pad, verw);
  }

  /** A date fact the rule reads; missing, it is recorded as missing (the reason for `onbepaald`). */
  private datumFeit(naam: string, pad: readonly PropertyKey[], verw: Verwijzingen) {
    verw.feiten.add(naam);
    const type = this.feitType(naam, pad);
    if (type && type.soort !== 'datum')
      this.fouten.push({ pad, bericht: `'${naam}' is ${type.soort}, geen datum` });
    return (ctx: Context): string | undefined => {
      const v = ctx.feiten[naam];
      if (typeof v !== 'string') {
        ctx.spoor?.ontbrekend.push(naam);
        return undefined;
      }
      return v;
    };
  }

  /**
   * A period by the calendar: its last day counted is `totEnMet`, or the day before `tot`. "Ten
   * minste 6 maanden" holds when the 6-month term from `van` has ended by that day.
   */
  private periodeToets(t: PeriodeToets, pad: readonly PropertyKey[], verw: Verwijzingen): GecompileerdeToets {
    const van = this.datumFeit(t.periode.van, [...pad, 'periode', 'van'], verw);
    const eindNaam = t.periode.totEnMet ?? t.periode.tot!;
    const eind = this.datumFeit(eindNaam, [...pad, 'periode', t.periode.totEnMet ? 'totEnMet' : 'tot'], verw);
    const dagTeltMee = t.periode.totEnMet !== undefined;
    const checks: [(laatste: string, grens: string) => boolean, Tijdsduur][] = [];
    if (t.tenMinste) checks.push([(l, g) => g <= l, t.tenMinste]);
    if (t.meerDan) checks.push([(l, g) => g < l, t.meerDan]);
    if (t.tenHoogste) checks.push([(l, g) => l <= g, t.tenHoogste]);
    if (t.minderDan) checks.push([(l, g) => l < g, t.minderDan]);
    return (ctx) => {
      const a = van(ctx);
      const b = eind(ctx);
      if (a === undefined || b === undefined) return ONBEKEND;
      const laatste = dagTeltMee ? b : plusDagen(b, -1);
      for (const [test, duur] of checks) if (!test(laatste, eindeTijdsduur(a, duur))) return NEE;
      return JA;
    };
  }

  /** An age by the exact day it is reached, from `geboortedatum`, on the day in fact `leeftijdOp`. */
  private leeftijdToets(
    t: LeeftijdToets,
    pad: readonly PropertyKey[],
    verw: Verwijzingen,
  ): GecompileerdeToets {
    const geboren = this.datumFeit('geboortedatum', [...pad, 'leeftijdOp'], verw);
    const op = this.datumFeit(t.leeftijdOp, [...pad, 'leeftijdOp'], verw);
    const bereikt = (l: Leeftijd, sleutel: string) => this.bereiktOp(l, [...pad, sleutel], verw);
    const tenMinste = t.tenMinste ? bereikt(t.tenMinste, 'tenMinste') : undefined;
    const minderDan = t.minderDan ? bereikt(t.minderDan, 'minderDan') : undefined;
    return (ctx) => {
      const g = geboren(ctx);
      const d = op(ctx);
      if (g === undefined || d === undefined) return ONBEKEND;
      let uit: Waarheid = JA;
      if (tenMinste) uit = en(uit, tenMinste(g, d, ctx));
      if (minderDan) uit = en(uit, niet(minderDan(g, d, ctx)));
      return uit;
    };
  }

  /** Whether someone born on g has reached the age on day d (unknown when a dated age is not known). */
  private bereiktOp(
    l: Leeftijd,
    pad: readonly PropertyKey[],
    verw: Verwijzingen,
  ): (g: string, d: string, ctx: Context) => Waarheid {
    if ('jaren' in l) {
      const maanden = l.jaren * 12 + (l.maanden ?? 0);
      return (g, d) => (bereiktLeeftijdOp(g, maanden) <= d ? JA : NEE);
    }
    verw.parameters.add(l.parameter);
    const waarden = this.omgeving.parameter(l.parameter);
    if (!waarden) {
      this.fouten.push({ pad: [...pad, 'parameter'], bericht: `onbekende parameter '${l.parameter}'` });
      return () => ONBEKEND;
    }
    const eenheid = this.omgeving.parameterEenheid?.(l.parameter);
    if (eenheid !== undefined && eenheid !== 'maanden')
      this.fouten.push({
        pad: [...pad, 'parameter'],
        bericht: `een leeftijd als parameter staat in maanden; '${l.parameter}' staat in ${eenheid}`,
      });
    const sleutel = `parameter:${l.parameter}`;
    // Before its first value the age does not exist (the AOW age from 1957, when the AOW began).
    const eersteJaar = Number(waarden[0]?.vanaf.slice(0, 4) ?? '9999');
    // The age of the calendar year in which it is reached (art. 7a lid 1 AOW): the first year whose
    // age, added to the birthday, falls in that year (or before it, reached then on 1 January).
    return (g, d, ctx) => {
      const laatsteJaar = Number(d.slice(0, 4));
      let onbekend = false;
      for (let jaar = Math.max(eersteJaar, Number(g.slice(0, 4))); jaar <= laatsteJaar; jaar++) {
        const m = waardeOp(waarden, `${jaar}-01-01`);
        if (m === undefined || m === null) {
          onbekend = true;
          continue;
        }
        const dag = bereiktLeeftijdOp(g, m);
        if (dag > `${jaar}-12-31`) continue;
        const bereiktDag = dag < `${jaar}-01-01` ? `${jaar}-01-01` : dag;
        if (bereiktDag <= d) return JA;
        break;
      }
      if (onbekend) {
        ctx.spoor?.ontbrekend.push(sleutel);
        return ONBEKEND;
      }
      return NEE;
    };
  }

  private gebruik(naam: string, pad: readonly PropertyKey[], verw: Verwijzingen): GecompileerdeToets {
    const cached = this.definitieCache.get(naam);
    if (cached) {
      voegSamen(verw, cached.verwijzingen);
      return cached.toets;
    }
    const definitie = this.omgeving.definitie(naam);
    if (!definitie) {
      this.fouten.push({ pad: [...pad, 'gebruik'], bericht: `onbekende definitie '${naam}'` });
      return () => ONBEKEND;
    }
    if (this.bezig.has(naam)) {
      this.fouten.push({ pad: [...pad, 'gebruik'], bericht: `definitie '${naam}' verwijst naar zichzelf` });
      return () => ONBEKEND;
    }
    this.bezig.add(naam);
    const eigen = nieuweVerwijzingen();
    const toets = this.toets(definitie, [...pad, 'gebruik'], eigen);
    this.bezig.delete(naam);
    this.definitieCache.set(naam, { toets, verwijzingen: eigen });
    voegSamen(verw, eigen);
    return toets;
  }

  private readonly berekeningCache = new Map<
    string,
    { getal: GecompileerdGetal; verwijzingen: Verwijzingen }
  >();

  private berekening(naam: string, pad: readonly PropertyKey[], verw: Verwijzingen): GecompileerdGetal {
    const cached = this.berekeningCache.get(naam);
    if (cached) {
      voegSamen(verw, cached.verwijzingen);
      return cached.getal;
    }
    const g = this.omgeving.berekening(naam);
    if (g === undefined) {
      this.fouten.push({ pad: [...pad, 'berekening'], bericht: `onbekende berekening '${naam}'` });
      return () => undefined;
    }
    const sleutel = `berekening:${naam}`;
    if (this.bezig.has(sleutel)) {
      this.fouten.push({
        pad: [...pad, 'berekening'],
        bericht: `berekening '${naam}' verwijst naar zichzelf`,
      });
      return () => undefined;
    }
    this.bezig.add(sleutel);
    const eigen = nieuweVerwijzingen();
    const getal = this.getal(g, [...pad, 'berekening'], eigen);
    this.bezig.delete(sleutel);
    this.berekeningCache.set(naam, { getal, verwijzingen: eigen });
    voegSamen(verw, eigen);
    return getal;
  }

  private feitType(naam: string, pad: readonly PropertyKey[]): FeitType | undefined {
    const def = this.omgeving.feit ? this.omgeving.feit(naam) : FEIT_INDEX.get(naam);
    if (!def) {
      const bedoeld = bedoeltU(naam, this.omgeving.feitNamen?.() ?? FEIT_INDEX.keys());
      this.fouten.push({
        pad,
        bericht: `onbekend feit '${naam}' (zie docs/feiten.md)${bedoeld ? `; bedoelt u '${bedoeld}'?` : ''}`,
      });
    }
    return def?.type;
  }

  private feitToets(
    t: Extract<Toets, { feit: string }>,
    pad: readonly PropertyKey[],
    verw: Verwijzingen,
  ): GecompileerdeToets {
    const naam = t.feit;
    verw.feiten.add(naam);
    const type = this.feitType(naam, [...pad, 'feit']);
    const lees = (ctx: Context) => {
      const v = ctx.feiten[naam];
      if (v === undefined) ctx.spoor?.ontbrekend.push(naam);
      return v;
    };
    const checks: GecompileerdeToets[] = [];
    if (t.isBekend !== undefined) {
      const verwacht = t.isBekend;
      checks.push((ctx) => ((ctx.feiten[naam] !== undefined) === verwacht ? JA : NEE));
    }
    const vergelijk = (sleutel: Vergelijker, test: (a: Scalar, b: Scalar) => boolean) => {
      const w = t[sleutel];
      if (w === undefined) return;
      const ordinaal = sleutel !== 'is' && sleutel !== 'isNiet';
      if (ordinaal && type && type.soort !== 'getal' && type.soort !== 'datum') {
        this.fouten.push({
          pad: [...pad, sleutel],
          bericht: `'${sleutel}' vergelijkt getallen of datums; '${naam}' is ${type.soort}`,
        });
      }
      const rechts = this.waarde(naam, w, type, [...pad, sleutel], verw);
      // Most comparisons are with a literal: one closure with the literal in it instead of reading the
      // fact, the literal and the operator through three more calls.
      if (typeof w !== 'object') {
        checks.push(vergelijkMetLiteraal(naam, sleutel, w));
        return;
      }
      checks.push((ctx) => {
        const a = lees(ctx);
        const b = rechts(ctx);
        if (a === undefined || b === undefined) return ONBEKEND;
        return test(a, b) ? JA : NEE;
      });
    };
    vergelijk('is', (a, b) => a === b);
    vergelijk('isNiet', (a, b) => a !== b);
    vergelijk('tenMinste', (a, b) => a >= b);
    vergelijk('meerDan', (a, b) => a > b);
    vergelijk('tenHoogste', (a, b) => a <= b);
    vergelijk('minderDan', (a, b) => a < b);
    this.controleerGrenzen(t, pad);
    if (t.isEenVan !== undefined) {
      for (const [i, v] of t.isEenVan.entries()) this.controleerLiteraal(v, type, [...pad, 'isEenVan', i]);
      const set = new Set<Scalar>(t.isEenVan);
      checks.push((ctx) => {
        const a = ctx.feiten[naam];
        if (a === undefined) {
          ctx.spoor?.ontbrekend.push(naam);
          return ONBEKEND;
        }
        return set.has(a) ? JA : NEE;
      });
    }
    if (checks.length === 1) return checks[0]!;
    return (ctx) => {
      let uit: Waarheid = JA;
      for (const c of checks) uit = en(uit, c(ctx));
      return uit;
    };
  }

  /** Literal bounds on one fact that no value can meet (`tenMinste: 27, minderDan: 18`): never true. */
  private controleerGrenzen(t: Extract<Toets, { feit: string }>, pad: readonly PropertyKey[]): void {
    const lit = (w: unknown) => (typeof w === 'number' || typeof w === 'string' ? w : undefined);
    const onder = [
      ['tenMinste', lit(t.tenMinste), true],
      ['meerDan', lit(t.meerDan), false],
    ] as const;
    const boven = [
      ['tenHoogste', lit(t.tenHoogste), true],
      ['minderDan', lit(t.minderDan), false],
    ] as const;
    for (const [o, a, oIncl] of onder)
      for (const [b, z, bIncl] of boven) {
        if (a === undefined || z === undefined || typeof a !== typeof z) continue;
        if (a > z || (a === z && !(oIncl && bIncl)))
          this.fouten.push({
            pad: [...pad, b],
            bericht: `'${o}: ${a}' en '${b}: ${z}' op '${t.feit}' sluiten elkaar uit: deze toets is nooit waar`,
          });
      }
    const is = lit(t.is);
    const isNiet = lit(t.isNiet);
    if (is !== undefined && isNiet !== undefined && is === isNiet)
      this.fouten.push({
        pad: [...pad, 'isNiet'],
        bericht: `'is: ${is}' en 'isNiet: ${isNiet}' op '${t.feit}' sluiten elkaar uit: deze toets is nooit waar`,
      });
  }

  /**
   * An age in whole years compared with a figure in months (the AOW age, 804 for 67 years) is always
   * below it: a rule that silently never fails. Such a comparison needs `leeftijdOp`.
   */
  private controleerEenheid(feit: string, parameter: string, pad: readonly PropertyKey[]): void {
    const van = (this.omgeving.feit ? this.omgeving.feit(feit) : FEIT_INDEX.get(feit))?.eenheid;
    const naar = this.omgeving.parameterEenheid?.(parameter);
    if (van === undefined || naar === undefined) return;
    if ((van === 'jaar' && naar === 'maanden') || (van === 'maanden' && naar === 'jaar'))
      this.fouten.push({
        pad,
        bericht: `'${feit}' telt in ${van === 'jaar' ? 'jaren' : 'maanden'}, de parameter '${parameter}' in ${naar === 'jaar' ? 'jaren' : 'maanden'}; vergelijk een leeftijd met { leeftijdOp: startdatum, minderDan: { parameter: ${parameter} } }`,
      });
  }

  private controleerLiteraal(v: Scalar, type: FeitType | undefined, pad: readonly PropertyKey[]): void {
    if (!type) return;
    const fout = (b: string) => this.fouten.push({ pad, bericht: b });
    switch (type.soort) {
      case 'waarheid':
        if (typeof v !== 'boolean') fout(`verwacht true of false, niet ${JSON.stringify(v)}`);
        break;
      case 'getal':
        if (typeof v !== 'number') fout(`verwacht een getal, niet ${JSON.stringify(v)}`);
        break;
      case 'datum':
        if (typeof v !== 'string' || !isGeldigeDatum(v))
          fout(`verwacht een datum JJJJ-MM-DD, niet ${JSON.stringify(v)}`);
        break;
      case 'keuze':
        if (typeof v !== 'string' || !type.opties.includes(v))
          fout(`verwacht een van ${type.opties.join(', ')}, niet ${JSON.stringify(v)}`);
        break;
    }
  }

  private waarde(
    links: string,
    w: Waarde,
    type: FeitType | undefined,
    pad: readonly PropertyKey[],
    verw: Verwijzingen,
  ): (ctx: Context) => Scalar | undefined {
    if (typeof w === 'object') {
      if ('parameter' in w) {
        this.controleerEenheid(links, w.parameter, pad);
        return this.getal(w, pad, verw);
      }
      verw.feiten.add(w.feit);
      const ander = this.feitType(w.feit, [...pad, 'feit']);
      if (type && ander && type.soort !== ander.soort)
        this.fouten.push({ pad, bericht: `'${w.feit}' is ${ander.soort}, niet ${type.soort}` });
      const naam = w.feit;
      return (ctx) => {
        const v = ctx.feiten[naam];
        if (v === undefined) ctx.spoor?.ontbrekend.push(naam);
        return v;
      };
    }
    this.controleerLiteraal(w, type, pad);
    return () => w;
  }

  getal(g: Getal, pad: readonly PropertyKey[], verw: Verwijzingen): GecompileerdGetal {
    if (typeof g === 'number') return () => g;
    if ('feit' in g) {
      verw.feiten.add(g.feit);
      const type = this.feitType(g.feit, [...pad, 'feit']);
      if (type && type.soort !== 'getal') this.fouten.push({ pad, bericht: `'${g.feit}' is geen getal` });
      const naam = g.feit;
      return (ctx) => {
        const v = ctx.feiten[naam];
        if (v === undefined) ctx.spoor?.ontbrekend.push(naam);
        return typeof v === 'number' ? v : undefined;
      };
    }
    if ('parameter' in g) return this.parameter(g.parameter, pad, verw);
    if ('som' in g)
      return reduceer(
        g.som.map((d, i) => this.getal(d, [...pad, 'som', i], verw)),
        (a, b) => a + b,
      );
    if ('product' in g)
      return reduceer(
        g.product.map((d, i) => this.getal(d, [...pad, 'product', i], verw)),
        (a, b) => a * b,
      );
    if ('minimum' in g)
      return reduceer(
        g.minimum.map((d, i) => this.getal(d, [...pad, 'minimum', i], verw)),
        Math.min,
      );
    if ('maximum' in g)
      return reduceer(
        g.maximum.map((d, i) => this.getal(d, [...pad, 'maximum', i], verw)),
        Math.max,
      );
    if ('verschil' in g)
      return reduceer(
        g.verschil.map((d, i) => this.getal(d, [...pad, 'verschil', i], verw)),
        (a, b) => a - b,
      );
    if ('quotient' in g) {
      return reduceer(
        g.quotient.map((d, i) => this.getal(d, [...pad, 'quotient', i], verw)),
        (a, b) => (b === 0 ? Number.NaN : a / b),
      );
    }
    if ('afronden' in g) {
      const binnen = this.getal(g.afronden, [...pad, 'afronden'], verw);
      const stap = g.op === 'euro' ? 100 : 1;
      const rond =
        g.wijze === 'naar-boven' ? Math.ceil : g.wijze === 'naar-beneden' ? Math.floor : halfNaarBoven;
      return (ctx) => {
        const v = binnen(ctx);
        // Cents are integers; a tiny epsilon keeps 0.1+0.2-style float noise from flipping a rounding.
        return v === undefined
          ? undefined
          : rond(v / stap - (g.wijze === 'naar-boven' ? 1e-9 : -1e-9)) * stap;
      };
    }
    if ('berekening' in g) return this.berekening(g.berekening, pad, verw);
    if ('als' in g) {
      const als = this.toets(g.als, [...pad, 'als'], verw);
      const dan = this.getal(g.dan, [...pad, 'dan'], verw);
      const anders = this.getal(g.anders, [...pad, 'anders'], verw);
      return (ctx) => {
        const w = als(ctx);
        return w === JA ? dan(ctx) : w === NEE ? anders(ctx) : undefined;
      };
    }
    const { feit, rijen } = g.tabel;
    verw.feiten.add(feit);
    const type = this.feitType(feit, [...pad, 'tabel', 'feit']);
    if (type && type.soort !== 'getal')
      this.fouten.push({ pad, bericht: `tabel op '${feit}': dat is geen getal` });
    // A row no value can reach (empty bounds, or wholly inside an earlier row) is a slip in the text's tiers.
    const grenzen = rijen.map((r) => ({
      onder: r.meerDan ?? r.vanaf ?? Number.NEGATIVE_INFINITY,
      onderIncl: r.meerDan === undefined,
      boven: r.totEnMet ?? r.tot ?? Number.POSITIVE_INFINITY,
      bovenIncl: r.totEnMet !== undefined,
    }));
    const tekst = (r: TabelRij) =>
      `${r.meerDan !== undefined ? `meer dan ${r.meerDan}` : `vanaf ${r.vanaf ?? '-∞'}`} ${r.totEnMet !== undefined ? `tot en met ${r.totEnMet}` : `tot ${r.tot ?? '∞'}`}`;
    grenzen.forEach((g, i) => {
      const rijPad = [...pad, 'tabel', 'rijen', i];
      const leeg = g.onder > g.boven || (g.onder === g.boven && !(g.onderIncl && g.bovenIncl));
      const gedekt = grenzen
        .slice(0, i)
        .some(
          (e) =>
            (e.onder < g.onder || (e.onder === g.onder && (e.onderIncl || !g.onderIncl))) &&
            (e.boven > g.boven || (e.boven === g.boven && (e.bovenIncl || !g.bovenIncl))),
        );
      if (leeg)
        this.fouten.push({
          pad: rijPad,
          bericht: `rij ${i + 1} (${tekst(rijen[i]!)}) bevat geen enkele waarde`,
        });
      else if (gedekt)
        this.fouten.push({
          pad: rijPad,
          bericht: `rij ${i + 1} wordt nooit gebruikt: een eerdere rij dekt al elke waarde ${tekst(rijen[i]!)}`,
        });
    });
    const gecompileerd = rijen.map((r, i) => ({
      ...grenzen[i]!,
      waarde: this.getal(r.waarde, [...pad, 'tabel', 'rijen', i, 'waarde'], verw),
    }));
    return (ctx) => {
      const v = ctx.feiten[feit];
      if (typeof v !== 'number') {
        ctx.spoor?.ontbrekend.push(feit);
        return undefined;
      }
      for (const r of gecompileerd) {
        if ((r.onderIncl ? v >= r.onder : v > r.onder) && (r.bovenIncl ? v <= r.boven : v < r.boven))
          return r.waarde(ctx);
      }
      return undefined;
    };
  }

  private parameter(naam: string, pad: readonly PropertyKey[], verw: Verwijzingen): GecompileerdGetal {
    verw.parameters.add(naam);
    const waarden = this.omgeving.parameter(naam);
    if (!waarden) {
      this.fouten.push({ pad: [...pad, 'parameter'], bericht: `onbekende parameter '${naam}'` });
      return () => undefined;
    }
    const sleutel = `parameter:${naam}`;
    return (ctx) => {
      const w = waardeOp(waarden, ctx.datum);
      if (w === undefined || w === null) {
        ctx.spoor?.ontbrekend.push(sleutel);
        return undefined;
      }
      return w;
    };
  }
}

/**
 * The value in force on a date: the last one whose vanaf is on or before it; undefined before the
 * first; null when it is not known to us, including past its bekendTot.
 */
export function waardeOp(waarden: readonly DatumWaarde[], datum: string): number | null | undefined {
  let geldend: DatumWaarde | undefined;
  for (const w of waarden) {
    if (w.vanaf <= datum) geldend = w;
    else break;
  }
  if (!geldend) return undefined;
  return geldend.bekendTot !== undefined && datum > geldend.bekendTot ? null : geldend.waarde;
}

type Vergelijker = 'is' | 'isNiet' | 'tenMinste' | 'meerDan' | 'tenHoogste' | 'minderDan';

/**
 * A fact compared with a literal, as one closure per operator: each operator gets its own call site
 * and type feedback, and the comparison needs no further calls. A missing fact is recorded in the
 * trace exactly as the general form does.
 */
function vergelijkMetLiteraal(naam: string, sleutel: Vergelijker, w: Scalar): GecompileerdeToets {
  switch (sleutel) {
    case 'is':
      return (ctx) => {
        const a = ctx.feiten[naam];
        if (a === undefined) {
          ctx.spoor?.ontbrekend.push(naam);
          return ONBEKEND;
        }
        return a === w ? JA : NEE;
      };
    case 'isNiet':
      return (ctx) => {
        const a = ctx.feiten[naam];
        if (a === undefined) {
          ctx.spoor?.ontbrekend.push(naam);
          return ONBEKEND;
        }
        return a !== w ? JA : NEE;
      };
    case 'tenMinste':
      return (ctx) => {
        const a = ctx.feiten[naam];
        if (a === undefined) {
          ctx.spoor?.ontbrekend.push(naam);
          return ONBEKEND;
        }
        return a >= w ? JA : NEE;
      };
    case 'meerDan':
      return (ctx) => {
        const a = ctx.feiten[naam];
        if (a === undefined) {
          ctx.spoor?.ontbrekend.push(naam);
          return ONBEKEND;
        }
        return a > w ? JA : NEE;
      };
    case 'tenHoogste':
      return (ctx) => {
        const a = ctx.feiten[naam];
        if (a === undefined) {
          ctx.spoor?.ontbrekend.push(naam);
          return ONBEKEND;
        }
        return a <= w ? JA : NEE;
      };
    case 'minderDan':
      return (ctx) => {
        const a = ctx.feiten[naam];
        if (a === undefined) {
          ctx.spoor?.ontbrekend.push(naam);
          return ONBEKEND;
        }
        return a < w ? JA : NEE;
      };
  }
}

function halfNaarBoven(x: number): number {
  return Math.sign(x) * Math.floor(Math.abs(x) + 0.5);
}

function reduceer(delen: GecompileerdGetal[], f: (a: number, b: number) => number): GecompileerdGetal {
  return (ctx) => {
    let uit: number | undefined;
    for (let i = 0; i < delen.length; i++) {
      const v = delen[i]!(ctx);
      if (v === undefined || Number.isNaN(v)) {
        // With a trace, the other parts still say what they miss: every missing figure is asked at once.
        if (ctx.spoor) for (let j = i + 1; j < delen.length; j++) delen[j]!(ctx);
        return undefined;
      }
      uit = uit === undefined ? v : f(uit, v);
    }
    return uit;
  };
}

function voegSamen(doel: Verwijzingen, bron: Verwijzingen): void {
  for (const f of bron.feiten) doel.feiten.add(f);
  for (const [k, v] of bron.oordelen) doel.oordelen.set(k, v);
  for (const p of bron.parameters) doel.parameters.add(p);
}
