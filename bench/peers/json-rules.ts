import { Engine, type NestedCondition, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';
import type { Casus } from '../../src/casus/index.ts';
import { AANVRAAG, type Expr, oordeelFeit, type Regelboom } from './regelboom.ts';

/**
 * The plan's rules as json-rules-engine rules, generated from the rule tree. json-rules-engine
 * conditions are two-valued, so each voorziening gets four rules, one per outcome, whose conditions
 * are the exact two-valued predicates "the four-valued result is afgewezen / onbepaald / ter
 * beoordeling / toegestaan" (Kleene's tables written out). Exactly one fires for every voorziening
 * that is judged; the event says which slot and which outcome. Used as documented: one Engine built
 * once and reused, facts passed straight to run(), conditions with priorities so the cheap request
 * guard is checked first and cuts the rest short.
 */

type B =
  | boolean
  | { readonly atom: NestedCondition }
  | { readonly en: B[] }
  | { readonly of: B[] }
  | { readonly niet: B };

const atom = (fact: string, operator: string, value: unknown): B => ({
  atom: { fact, operator, value } as NestedCondition,
});
const isNull = (f: string) => atom(f, 'equal', null);
const nietNull = (f: string) => atom(f, 'notEqual', null);

function en(...delen: B[]): B {
  const uit: B[] = [];
  for (const d of delen) {
    if (d === true) continue;
    if (d === false) return false;
    if (typeof d === 'object' && 'en' in d) uit.push(...d.en);
    else uit.push(d);
  }
  return uit.length === 0 ? true : uit.length === 1 ? uit[0]! : { en: uit };
}

function of(...delen: B[]): B {
  const uit: B[] = [];
  for (const d of delen) {
    if (d === false) continue;
    if (d === true) return true;
    if (typeof d === 'object' && 'of' in d) uit.push(...d.of);
    else uit.push(d);
  }
  return uit.length === 0 ? false : uit.length === 1 ? uit[0]! : { of: uit };
}

function niet(d: B): B {
  if (typeof d === 'boolean') return !d;
  if ('niet' in d) return d.niet;
  return { niet: d };
}

const OP: Record<string, [string, string]> = {
  eq: ['equal', 'notEqual'],
  ne: ['notEqual', 'equal'],
  ge: ['greaterThanInclusive', 'lessThan'],
  gt: ['greaterThan', 'lessThanInclusive'],
  le: ['lessThanInclusive', 'greaterThan'],
  lt: ['lessThan', 'greaterThanInclusive'],
};

interface Vier {
  nee: B;
  ja: B;
  onbekend: B;
  oordeel: B;
}

/** The four predicates of an expression: which of the four values it takes. */
function vier(e: Expr): Vier {
  switch (e.k) {
    case 'const':
      return { nee: e.w === 0, ja: e.w === 1, onbekend: e.w === 2, oordeel: e.w === 3 };
    case 'cmp': {
      const [op, tegen] = OP[e.op]!;
      const rechts = typeof e.waarde === 'object' ? { fact: e.waarde.feit } : e.waarde;
      const ontbreekt =
        typeof e.waarde === 'object' ? of(isNull(e.feit), isNull(e.waarde.feit)) : isNull(e.feit);
      // notEqual holds for null too, so those need the fact to be present; the others fail on null.
      const aanwezig = (o: string) => (o === 'notEqual' ? niet(ontbreekt) : true);
      return {
        ja: en(aanwezig(op), atom(e.feit, op, rechts)),
        nee: en(aanwezig(tegen), atom(e.feit, tegen, rechts)),
        onbekend: ontbreekt,
        oordeel: false,
      };
    }
    case 'in':
      return {
        ja: atom(e.feit, 'in', e.waarden),
        nee: en(nietNull(e.feit), atom(e.feit, 'notIn', e.waarden)),
        onbekend: isNull(e.feit),
        oordeel: false,
      };
    case 'bekend':
      return {
        ja: e.verwacht ? nietNull(e.feit) : isNull(e.feit),
        nee: e.verwacht ? isNull(e.feit) : nietNull(e.feit),
        onbekend: false,
        oordeel: false,
      };
    case 'oordeel': {
      const f = oordeelFeit(e.naam);
      return {
        ja: atom(f, 'equal', true),
        nee: atom(f, 'equal', false),
        onbekend: false,
        oordeel: isNull(f),
      };
    }
    case 'en': {
      const d = e.delen.map(vier);
      const geenNee = niet(of(...d.map((x) => x.nee)));
      const geenOnbekend = niet(of(...d.map((x) => x.onbekend)));
      return {
        nee: of(...d.map((x) => x.nee)),
        onbekend: en(geenNee, of(...d.map((x) => x.onbekend))),
        oordeel: en(geenNee, geenOnbekend, of(...d.map((x) => x.oordeel))),
        ja: en(...d.map((x) => x.ja)),
      };
    }
    case 'of': {
      const d = e.delen.map(vier);
      const geenJa = niet(of(...d.map((x) => x.ja)));
      const geenOnbekend = niet(of(...d.map((x) => x.onbekend)));
      return {
        ja: of(...d.map((x) => x.ja)),
        onbekend: en(geenJa, of(...d.map((x) => x.onbekend))),
        oordeel: en(geenJa, geenOnbekend, of(...d.map((x) => x.oordeel))),
        nee: en(...d.map((x) => x.nee)),
      };
    }
    case 'niet': {
      const d = vier(e.deel);
      return { ja: d.nee, nee: d.ja, onbekend: d.onbekend, oordeel: d.oordeel };
    }
    case 'als':
      // als(a, d) is of(niet(a), d).
      return vier({ k: 'of', delen: [{ k: 'niet', deel: e.als }, e.dan] });
  }
}

function naarConditie(b: B): NestedCondition {
  if (b === true) return { fact: AANVRAAG, operator: 'notEqual', value: null } as NestedCondition;
  if (b === false) return { fact: AANVRAAG, operator: 'equal', value: null } as NestedCondition;
  if ('atom' in b) return b.atom;
  if ('en' in b) return { all: b.en.map(naarConditie) };
  if ('of' in b) return { any: b.of.map(naarConditie) };
  return { not: naarConditie(b.niet) };
}

export function jsonRegels(boom: Regelboom): RuleProperties[] {
  const regels: RuleProperties[] = [];
  for (const v of boom.voorzieningen) {
    const p = vier(v.uitkomst);
    // Judged without a request, or when the request is for this voorziening.
    const bewaking: NestedCondition = {
      any: [
        { fact: AANVRAAG, operator: 'equal', value: '' },
        { fact: AANVRAAG, operator: 'equal', value: v.id },
      ],
      priority: 10,
    } as NestedCondition;
    for (const [code, b] of [
      [0, p.nee],
      [1, p.ja],
      [2, p.onbekend],
      [3, p.oordeel],
    ] as const) {
      if (b === false) continue;
      regels.push({
        name: `${v.id}:${code}`,
        conditions: { all: [bewaking, naarConditie(b)] } as TopLevelCondition,
        event: { type: 'uitkomst', params: { slot: v.slot, code } },
      });
    }
  }
  for (const n of boom.nietAangeboden)
    regels.push({
      name: `${n.id}:niet-aangeboden`,
      conditions: { all: [{ fact: AANVRAAG, operator: 'equal', value: n.id }] },
      event: { type: 'uitkomst', params: { slot: n.slot, code: 0 } },
    });
  return regels;
}

export interface JsonRulesPeer {
  readonly aantalRegels: number;
  beoordeel(facts: Record<string, unknown>, uit: Uint8Array): Promise<void>;
}

export function maakJsonRulesPeer(boom: Regelboom): JsonRulesPeer {
  const regels = jsonRegels(boom);
  const engine = new Engine(regels, { allowUndefinedFacts: false });
  return {
    aantalRegels: regels.length,
    async beoordeel(facts, uit) {
      const { events } = await engine.run(facts);
      uit.fill(4);
      for (const e of events) {
        const p = e.params as { slot: number; code: number };
        uit[p.slot] = p.code;
      }
    },
  };
}

export type { Casus };
