/**
 * The explained path alone, one process, one core: cases per CPU-second of `evalueer` plus
 * `JSON.stringify` of its result, and of `evalueerJson` where the engine has it. The cases are generated
 * before the clock starts. Each text is measured in UTF-8 bytes, which flattens the concatenated string
 * the engine hands back, so the cost of producing the final text is counted. With `--vers` every run
 * (and the warm-up) judges cases of its own, so nothing a run leaves behind for the same case objects
 * (string and shape caches, anything keyed on a case) can flatter the next. Usage:
 *   npx tsx bench/uitleg.ts --gemeente dinkelland --datum 2016-06-01 --n 20000 [--runs 3] [--pad object|json|referentie] [--vers]
 */
import { parseArgs } from 'node:util';
import { aanbodVan, maakCasusmaker } from '../src/caseload/index.ts';
import { type Engine, maakEngine, maakReferentieEngine, type SnelleEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';

const { values } = parseArgs({
  options: {
    gemeente: { type: 'string', default: 'dinkelland' },
    datum: { type: 'string', default: '2016-06-01' },
    n: { type: 'string', default: '20000' },
    runs: { type: 'string', default: '3' },
    pad: { type: 'string', default: 'json' },
    seed: { type: 'string', default: '1' },
    vers: { type: 'boolean', default: false },
  },
});
const b = laadBibliotheek();
if (!b.ok) throw new Error('regelgeving laadt niet');
const pad = values.pad;
const engine: Engine & { evalueerJson?: SnelleEngine['evalueerJson'] } =
  pad === 'referentie' ? maakReferentieEngine(b.waarde) : maakEngine(b.waarde);
const p = engine.planOp(values.gemeente, values.datum);
if (!p.ok) throw new Error(`geen plan: ${p.fout.code}`);
const maker = maakCasusmaker({
  gemeente: values.gemeente,
  peildatum: values.datum,
  seed: Number(values.seed),
  aanbod: aanbodVan(p.plan),
});
const n = Number(values.n);
const runs = Number(values.runs);
/** The cases of run r (the warm-up is run 0): the same ones each run, or fresh ones with --vers. */
const reeksen = Array.from({ length: values.vers ? runs + 1 : 1 }, (_, r) =>
  Array.from({ length: n }, (_, i) => maker.casus(r * n + i)),
);
const json = pad === 'json' && engine.evalueerJson ? engine.evalueerJson : undefined;
const eenKeer = (run: number): number => {
  const casussen = reeksen[values.vers ? run : 0]!;
  let tekens = 0;
  if (json)
    for (const c of casussen) {
      const r = json(c);
      tekens += Buffer.byteLength(r.ok ? r.json : JSON.stringify(r));
    }
  else
    for (const c of casussen) {
      const r = engine.evalueer(c);
      tekens += Buffer.byteLength(JSON.stringify(r.ok ? r.resultaat : r));
    }
  return tekens;
};
eenKeer(0); // warm-up: plans, compiled voorzieningen and the JIT
const perSeconde: number[] = [];
let tekens = 0;
for (let run = 1; run <= runs; run++) {
  const voor = process.cpuUsage();
  tekens = eenKeer(run);
  const na = process.cpuUsage(voor);
  perSeconde.push(n / ((na.user + na.system) / 1e6));
}
const telling = (engine as { uitleg?: { gecompileerd: number } }).uitleg;
console.log(
  `${values.gemeente} ${values.datum} ${pad}${json ? ' (evalueerJson)' : ' (evalueer + JSON.stringify)'}` +
    `${values.vers ? ', fresh cases each run' : ''}: ` +
    `${perSeconde.map((x) => Math.round(x).toLocaleString('en-US')).join(' / ')} cases per CPU-second ` +
    `(${n} cases, ${Math.round(tekens / n)} bytes a case` +
    `${telling ? `, ${((100 * telling.gecompileerd) / (n * (runs + 1))).toFixed(1)}% compiled` : ''})`,
);
