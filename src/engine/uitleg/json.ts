import type { Grond, Resultaat, VoorzieningUitkomst } from '../resultaat.ts';

/**
 * The JSON text of a result of the compiled path, as `JSON.stringify` writes it, character for
 * character (test/uitleg-gelijk.test.ts holds it against the reference's `JSON.stringify`). Grounds
 * that many cases share (a condition's ground for the same truth value and facts, see
 * voorziening.ts) have their text written once; the fixed keys around them are literal strings.
 * Every other part is `JSON.stringify` of that part, so key order and escaping stay the engine's.
 */

/**
 * The JSON text of the grounds and questions shared between results (voorziening.ts freezes those,
 * and only those, with their facts), written the first time one is serialised.
 */
const teksten = new WeakMap<object, string>();

/** A list of grounds or questions, each shared one's text written once. */
function lijst(l: readonly object[]): string {
  if (l.length === 0) return '[]';
  let uit = '[';
  for (let i = 0; i < l.length; i++) {
    const g = l[i]!;
    if (i > 0) uit += ',';
    let t = teksten.get(g);
    if (t === undefined) {
      t = JSON.stringify(g);
      if (Object.isFrozen(g)) teksten.set(g, t);
    }
    uit += t;
  }
  return `${uit}]`;
}

/** Most other lists of a result are empty. */
const gewoon = (l: readonly unknown[]): string => (l.length === 0 ? '[]' : JSON.stringify(l));

// The keys in the order beoordeel (voorziening.ts), nietAangeboden (evalueer.ts) and the compiled
// engine create them; the equivalence test fails on any other order.
function uitkomstJson(u: VoorzieningUitkomst): string {
  return (
    `{"voorziening":${JSON.stringify(u.voorziening)},"titel":${JSON.stringify(u.titel)},` +
    `"uitkomst":"${u.uitkomst}","gronden":${lijst(u.gronden)},` +
    `"vragen":${lijst(u.vragen)},"ontbrekendeFeiten":${gewoon(u.ontbrekendeFeiten)},` +
    `"bedragen":${JSON.stringify(u.bedragen)},"termijnen":${JSON.stringify(u.termijnen)}}`
  );
}

/** `JSON.stringify(resultaat)`, with the shared grounds' texts and the plan's regulations written once. */
export function resultaatJson(r: Resultaat, regelingenJson: string): string {
  let voorzieningen = '[';
  for (let i = 0; i < r.voorzieningen.length; i++) {
    if (i > 0) voorzieningen += ',';
    voorzieningen += uitkomstJson(r.voorzieningen[i]!);
  }
  return (
    `{"engine":${JSON.stringify(r.engine)},"gemeente":${JSON.stringify(r.gemeente)},` +
    `"peildatum":${JSON.stringify(r.peildatum)},"regelingen":${regelingenJson},` +
    `"voorzieningen":${voorzieningen}],"conflicten":${gewoon(r.conflicten)},` +
    `"afwijkingen":${gewoon(r.afwijkingen)}}`
  );
}
