import { type ZenDecision, ZenDecisionContent, ZenEngine } from '@gorules/zen-engine';
import { AANVRAAG, type Expr, oordeelFeit, type Regelboom } from './regelboom.ts';

/**
 * The plan's rules as one GoRules Zen decision (JDM): input → an expression node with one expression
 * per voorziening slot → output. Four-valued logic is done in ranks (no 0 < missing 1 < open 2 <
 * yes 3), where Kleene-and is min([...]) and not is the lookup [3,1,2,0][x]; or and implication
 * follow from those, so every sub-expression is used once and nothing is computed twice. The
 * decision is created once from a `ZenDecisionContent` (the documented way to have the content
 * parsed and compiled once: three to five times faster here than passing the JSON object) and
 * reused, and cases are evaluated concurrently, as its async API allows.
 */

const NIET = '[3,1,2,0]';
/** Engine codes (0 no, 1 yes, 2 missing, 3 open) from ranks, and back. */
const CODE_UIT_RANG = '[0,2,3,1]';
const RANG: Record<number, number> = { 0: 0, 1: 3, 2: 1, 3: 2 };

const OP: Record<string, string> = { eq: '==', ne: '!=', ge: '>=', gt: '>', le: '<=', lt: '<' };

function literaal(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  return String(v);
}

export function zenExpressie(e: Expr): string {
  switch (e.k) {
    case 'const':
      return String(RANG[e.w]);
    case 'cmp': {
      if (typeof e.waarde === 'object') {
        const r = e.waarde.feit;
        return `((${e.feit} == null or ${r} == null) ? 1 : (${e.feit} ${OP[e.op]} ${r} ? 3 : 0))`;
      }
      return `(${e.feit} == null ? 1 : (${e.feit} ${OP[e.op]} ${literaal(e.waarde)} ? 3 : 0))`;
    }
    case 'in':
      return `(${e.feit} == null ? 1 : (${e.feit} in [${e.waarden.map(literaal).join(', ')}] ? 3 : 0))`;
    case 'bekend':
      return `(${e.feit} ${e.verwacht ? '!=' : '=='} null ? 3 : 0)`;
    case 'oordeel': {
      const f = oordeelFeit(e.naam);
      return `(${f} == null ? 2 : (${f} == true ? 3 : 0))`;
    }
    case 'en':
      return `min([${e.delen.map(zenExpressie).join(', ')}])`;
    case 'of':
      return `${NIET}[min([${e.delen.map((d) => `${NIET}[${zenExpressie(d)}]`).join(', ')}])]`;
    case 'niet':
      return `${NIET}[${zenExpressie(e.deel)}]`;
    case 'als':
      // als(a, d) = of(niet a, d) = niet(en(a, niet d)).
      return `${NIET}[min([${zenExpressie(e.als)}, ${NIET}[${zenExpressie(e.dan)}]])]`;
  }
}

/** How many slots a case's outcome has: every voorziening of the tree has one. */
function aantalSloten(boom: Regelboom): number {
  return Math.max(...[...boom.voorzieningen, ...boom.nietAangeboden].map((v) => v.slot)) + 1;
}

function zenExpressies(boom: Regelboom) {
  const expressies = Array.from({ length: aantalSloten(boom) }, (_, slot) => ({
    id: `e${slot}`,
    key: `v${slot}`,
    value: '4',
  }));
  for (const v of boom.voorzieningen)
    expressies[v.slot]!.value =
      `(${AANVRAAG} == "" or ${AANVRAAG} == ${JSON.stringify(v.id)}) ? ${CODE_UIT_RANG}[${zenExpressie(v.uitkomst)}] : 4`;
  for (const n of boom.nietAangeboden)
    expressies[n.slot]!.value =
      `${AANVRAAG} == ${JSON.stringify(n.id)} ? ${CODE_UIT_RANG}[${zenExpressie(n.uitkomst)}] : 4`;
  return expressies;
}

/** Input → one expression node → output; `extra` goes into the node's content (Loop Mode). */
function beslissing(expressies: readonly object[], extra: object = {}): object {
  const positie = { x: 0, y: 0 };
  return {
    nodes: [
      { id: 'invoer', type: 'inputNode', name: 'casus', position: positie },
      {
        id: 'regels',
        type: 'expressionNode',
        name: 'uitkomsten',
        position: positie,
        content: { expressions: expressies, ...extra },
      },
      { id: 'uitvoer', type: 'outputNode', name: 'uitkomsten', position: positie },
    ],
    edges: [
      { id: 'k1', sourceId: 'invoer', targetId: 'regels', type: 'edge' },
      { id: 'k2', sourceId: 'regels', targetId: 'uitvoer', type: 'edge' },
    ],
  };
}

export function zenBeslissing(boom: Regelboom): object {
  return beslissing(zenExpressies(boom));
}

export interface ZenPeer {
  readonly beslissing: object;
  beoordeel(facts: Record<string, unknown>, uit: Uint8Array): Promise<void>;
  sluit(): void;
}

export function maakZenPeer(boom: Regelboom): ZenPeer {
  const beslissing = zenBeslissing(boom);
  const sloten = aantalSloten(boom);
  const engine = new ZenEngine();
  const decision: ZenDecision = engine.createDecision(new ZenDecisionContent(beslissing));
  return {
    beslissing,
    async beoordeel(facts, uit) {
      const r = (await decision.evaluate(facts)).result as Record<string, number>;
      for (let i = 0; i < sloten; i++) uit[i] = r[`v${i}`]!;
    },
    sluit: () => engine.dispose(),
  };
}

/**
 * Zen's Loop Mode: the same expressions, run by the node over an array of cases in one evaluation,
 * so the Node↔Rust boundary is crossed once per chunk instead of once per case.
 */
export interface ZenLusPeer {
  readonly beslissing: object;
  beoordeel(facts: readonly Record<string, unknown>[], uit: readonly Uint8Array[]): Promise<void>;
  sluit(): void;
}

export function maakZenLusPeer(boom: Regelboom): ZenLusPeer {
  const inhoud = beslissing(zenExpressies(boom), {
    inputField: 'casussen',
    outputPath: 'uitkomsten',
    executionMode: 'loop',
  });
  const sloten = aantalSloten(boom);
  const engine = new ZenEngine();
  const decision = engine.createDecision(new ZenDecisionContent(inhoud));
  return {
    beslissing: inhoud,
    async beoordeel(facts, uit) {
      const r = (await decision.evaluate({ casussen: facts })).result as {
        uitkomsten: Record<string, number>[];
      };
      for (let j = 0; j < facts.length; j++) {
        const rij = r.uitkomsten[j]!;
        const vak = uit[j]!;
        for (let i = 0; i < sloten; i++) vak[i] = rij[`v${i}`]!;
      }
    },
    sluit: () => engine.dispose(),
  };
}

/**
 * Zen's floor: a decision that computes nothing (one constant) on the very same flat facts, with
 * the same concurrency: what passing a case to Zen and its result back costs by itself.
 */
export function maakZenVloer(): {
  beoordeel(facts: Record<string, unknown>): Promise<unknown>;
  sluit(): void;
} {
  const engine = new ZenEngine();
  const decision = engine.createDecision(
    new ZenDecisionContent(beslissing([{ id: 'e0', key: 'v0', value: '4' }])),
  );
  return {
    beoordeel: async (facts) => (await decision.evaluate(facts)).result,
    sluit: () => engine.dispose(),
  };
}
