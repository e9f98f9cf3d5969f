import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { AANVRAAG, type Expr, oordeelFeit, type Regelboom } from './regelboom.ts';

/**
 * json-rules-engine as its users write rules: two-valued, one rule per voorziening whose conditions
 * are the rule tree's comparisons as they stand, firing when the voorziening may be granted, with the
 * documented speed-ups the four-valued peer has too: a part that recurs (a definition several
 * voorzieningen use) is one shared named condition, and siblings get descending priorities so `all`
 * and `any` stop early. A
 * missing fact simply fails a comparison and an open judgement counts as no, so it cannot say
 * "onbepaald" or "ter beoordeling", and under a negation a missing fact counts as the opposite: it
 * answers a narrower question than the four-valued encoding (json-rules.ts). The bench compares it
 * with ours on that question only (granted or not) and reports where the answers part.
 *
 * Beside it the floor: one trivial rule on the same flat facts, what a run of the engine costs
 * whatever the rules.
 */

const OP: Record<string, string> = {
  eq: 'equal',
  ne: 'notEqual',
  ge: 'greaterThanInclusive',
  gt: 'greaterThan',
  le: 'lessThanInclusive',
  lt: 'lessThan',
};

const WAAR = { fact: AANVRAAG, operator: 'notEqual', value: '\u0000' } as NestedCondition;
const ONWAAR = { fact: AANVRAAG, operator: 'equal', value: '\u0000' } as NestedCondition;

/** Siblings in evaluation order: the first gets the highest priority, so it runs alone and first. */
function metPrioriteit(lijst: NestedCondition[]): NestedCondition[] {
  return lijst.map((c, i) => ({ ...c, priority: lijst.length - i }) as NestedCondition);
}

/** Translates the rule tree, sharing every and/or part that occurs more than once. */
function maakVertaler(boom: Regelboom) {
  const aantal = new Map<string, number>();
  const tel = (e: Expr): void => {
    if (e.k === 'en' || e.k === 'of') {
      const sleutel = JSON.stringify(e);
      const n = (aantal.get(sleutel) ?? 0) + 1;
      aantal.set(sleutel, n);
      if (n === 1) e.delen.forEach(tel);
    } else if (e.k === 'niet') tel(e.deel);
    else if (e.k === 'als') {
      tel(e.als);
      tel(e.dan);
    }
  };
  for (const v of boom.voorzieningen) tel(v.uitkomst);
  const namen = new Map<string, string>();
  const condities = new Map<string, TopLevelCondition>();
  const conditie = (e: Expr): NestedCondition => {
    switch (e.k) {
      case 'const':
        return e.w === 1 ? WAAR : ONWAAR;
      case 'cmp':
        return {
          fact: e.feit,
          operator: OP[e.op]!,
          value: typeof e.waarde === 'object' ? { fact: e.waarde.feit } : e.waarde,
        } as NestedCondition;
      case 'in':
        return { fact: e.feit, operator: 'in', value: e.waarden } as NestedCondition;
      case 'bekend':
        return { fact: e.feit, operator: e.verwacht ? 'notEqual' : 'equal', value: null } as NestedCondition;
      case 'oordeel':
        return { fact: oordeelFeit(e.naam), operator: 'equal', value: true } as NestedCondition;
      case 'niet':
        return { not: conditie(e.deel) } as NestedCondition;
      case 'als':
        return {
          any: metPrioriteit([{ not: conditie(e.als) } as NestedCondition, conditie(e.dan)]),
        } as NestedCondition;
      case 'en':
      case 'of': {
        const sleutel = JSON.stringify(e);
        const bekend = namen.get(sleutel);
        if (bekend) return { condition: bekend } as NestedCondition;
        const delen = metPrioriteit(e.delen.map(conditie));
        const c = (e.k === 'en' ? { all: delen } : { any: delen }) as NestedCondition;
        if ((aantal.get(sleutel) ?? 0) < 2) return c;
        const naam = `deel${namen.size}`;
        namen.set(sleutel, naam);
        condities.set(naam, c as TopLevelCondition);
        return { condition: naam } as NestedCondition;
      }
    }
  };
  return { conditie, condities };
}

export interface NatuurlijkePeer {
  readonly aantalRegels: number;
  /** Parts shared as named conditions. */
  readonly aantalGedeeld: number;
  /** Writes 1 (granted) or 0 (not) for every voorziening judged, 4 elsewhere. */
  beoordeel(facts: Record<string, unknown>, uit: Uint8Array): Promise<void>;
}

export function maakNatuurlijkePeer(boom: Regelboom): NatuurlijkePeer {
  const engine = new Engine([], { allowUndefinedFacts: false });
  const { conditie, condities } = maakVertaler(boom);
  const regels = boom.voorzieningen.map((v) => ({
    name: v.id,
    conditions: {
      all: metPrioriteit([
        { fact: AANVRAAG, operator: 'in', value: ['', v.id] } as NestedCondition,
        conditie(v.uitkomst),
      ]),
    } as TopLevelCondition,
    event: { type: 'toegestaan', params: { slot: v.slot } },
  }));
  for (const [naam, c] of condities) engine.setCondition(naam, c);
  for (const r of regels) engine.addRule(r);
  const aangeboden = boom.voorzieningen.map((v) => v.slot);
  const slotVan = new Map<string, number>([
    ...boom.voorzieningen.map((v) => [v.id, v.slot] as const),
    ...boom.nietAangeboden.map((n) => [n.id, n.slot] as const),
  ]);
  return {
    aantalRegels: boom.voorzieningen.length,
    aantalGedeeld: condities.size,
    async beoordeel(facts, uit) {
      const { events } = await engine.run(facts);
      uit.fill(4);
      const gevraagd = facts[AANVRAAG] as string;
      if (gevraagd === '') for (const s of aangeboden) uit[s] = 0;
      else uit[slotVan.get(gevraagd)!] = 0;
      for (const e of events) uit[(e.params as { slot: number }).slot] = 1;
    },
  };
}

/** One rule with one condition on the same facts: the engine's cost per run, whatever the rules. */
export function maakJsonRulesVloer(): { beoordeel(facts: Record<string, unknown>): Promise<unknown> } {
  const engine = new Engine([], { allowUndefinedFacts: false });
  engine.addRule({
    name: 'vloer',
    conditions: { all: [{ fact: AANVRAAG, operator: 'equal', value: '' }] },
    event: { type: 'zonder-aanvraag' },
  });
  return { beoordeel: (facts) => engine.run(facts) };
}
