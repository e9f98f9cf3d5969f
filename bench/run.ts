/**
 * Engine bench (issues 3 and 14): `npm run bench`.
 *
 * For each seed ordinance on one date, one deterministic stream of generated cases is judged by our
 * engine in batch mode (outcomes only) and on the explained path (`engine.evalueerJson`, what people
 * and API clients wait for: cold in a fresh process, and warm after a pass over the same cases), by the same rules hand-written in TypeScript (straightforward
 * and tuned), as GoRules Zen decisions (per case, in Loop Mode, and a trivial decision as Zen's
 * floor) and as json-rules-engine rules (our four-valued encoding, a natural two-valued one, and a
 * trivial rule as its floor). Every engine runs in a child process of its own (bench/motor.ts) that
 * generates the stream itself and writes its outcome codes (and, where it computes them, premie and
 * term) to a temporary file; this process compares the files case by case and fails (exit 1) on any
 * difference where two engines claim the same answer. Then impact runs (generated and NDJSON, one
 * thread and one per core), start-up (a one-case evaluate, the server's first answer) and the API's
 * /evaluate under load with a varied case mix. Prints a table per part and writes bench/results.md.
 */
import { execFileSync, fork, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { aanbodVan, maakCasusmaker, maakVoortgang } from '../src/caseload/index.ts';
import { UITKOMST_VAN_CODE } from '../src/engine/batch.ts';
import { maakEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';
import { IMPACT_DATUM, type ImpactMeting, meetImpactRijen } from './impact.ts';
import { type Melding, type Meting, type Mix, type MotorNaam, type Opdracht, slotenVan } from './motor.ts';
import { mediaan, meetEvaluate, meetServer, type Reeks } from './opstart.ts';
import {
  type BedragVergelijking,
  telCodes,
  type Vergelijking,
  vergelijkBedragen,
  vergelijkBestanden,
} from './vergelijk.ts';

const ROOT = join(import.meta.dirname, '..');
const START = performance.now();

/** The seed ordinances and the dates they are judged on (issue 3). */
const SITUATIES = [
  { gemeente: 'dinkelland', peildatum: '2016-06-01' },
  { gemeente: 'groningen', peildatum: '2026-06-01' },
] as const;

const DOELEN = {
  jsonRules: 50,
  zen: 10,
  handgeschreven: 1.5,
  uitlegPerSeconde: 100_000,
  rssBytes: 400 * 1024 * 1024,
  aantal: 1_000_000,
  wandklokSeconden: 15 * 60,
  impactEenThread: 3,
  impactNdjson: 5,
  evaluateMs: 150,
  serverMs: 1_000,
  apiP99: 20,
};

const NAAM: Record<MotorNaam, string> = {
  generator: 'case generator (not an engine)',
  batch: 'ours, batch (outcomes only)',
  uitleg:
    'ours, explained, cold (compiled evalueerJson: the result as JSON text, one pass in a fresh process)',
  'uitleg-warm':
    'ours, explained, warm (the same evalueerJson and cases after a warm-up pass in the same process)',
  handgeschreven: 'hand-written TypeScript, straightforward',
  'handgeschreven-getuned': 'hand-written TypeScript, tuned',
  zen: 'GoRules Zen, per case (256 in flight)',
  'zen-lus': 'GoRules Zen, Loop Mode',
  'zen-vloer': 'GoRules Zen floor (trivial decision)',
  'json-rules-engine': 'json-rules-engine, four-valued',
  'jre-natuurlijk': 'json-rules-engine, natural two-valued',
  'jre-vloer': 'json-rules-engine floor (one trivial rule)',
};

/** What each engine's differences column compares against ours (batch). */
const VERGELIJKING: Partial<Record<MotorNaam, 'codes' | 'toegestaan'>> = {
  uitleg: 'codes',
  'uitleg-warm': 'codes',
  handgeschreven: 'codes',
  'handgeschreven-getuned': 'codes',
  zen: 'codes',
  'zen-lus': 'codes',
  'json-rules-engine': 'codes',
  'jre-natuurlijk': 'toegestaan',
};

/** Ours' codes as the two-valued encoding answers: granted (1) or not (0); 4 stays not judged. */
const ALLEEN_TOEGESTAAN = Uint8Array.from([0, 1, 0, 0, 4]);

interface Instellingen {
  readonly aantal: number;
  readonly uitleg: number;
  readonly zen: number;
  readonly zenVloer: number;
  readonly jre: number;
  readonly jreNatuurlijk: number;
  readonly jreVloer: number;
  readonly seed: number;
  readonly blok: number;
  readonly parallel: number;
  /** Runs of ours (batch and explained) and the hand-written rules, alternately. */
  readonly herhalingen: number;
  readonly gemeenten: readonly string[];
  readonly impact: boolean;
  readonly opstart: boolean;
  readonly api: boolean;
  readonly opstartRuns: number;
  readonly uitvoer: string;
}

const HULP = `npm run bench [-- opties]
  --cases N                cases per ordinance for ours, the hand-written rules and the impact runs (default 1000000)
  --uitleg-cases N         cases on our explained path (cold and warm), spread over the stream (default 20000)
  --zen-cases N            cases for Zen per case and in Loop Mode, the first of the stream (default 200000)
  --zen-vloer-cases N      cases for Zen's floor (default 100000)
  --jre-cases N            cases for json-rules-engine, four-valued (default 30000)
  --jre-natuurlijk-cases N cases for json-rules-engine, natural two-valued (default 30000)
  --jre-vloer-cases N      cases for json-rules-engine's floor (default 100000)
  --volledig               every engine judges every case (takes hours)
  --zen-parallel N         Zen evaluations in flight at once (default 256)
  --herhalingen N          runs of ours and the hand-written rules, alternately (default 3)
  --opstart-runs N         starts of the CLI and of the server (default 15 and 5)
  --seed N                 seed of the case stream (default 1)
  --gemeente G             only this ordinance (dinkelland or groningen); repeatable
  --zonder-impact, --zonder-opstart, --zonder-api   leave a part out
  --uitvoer PAD            where the results go (default bench/results.md)`;

function leesInstellingen(args: readonly string[]): Instellingen {
  const getal = (naam: string, w: string | undefined): number => {
    const n = Number((w ?? '').replaceAll('_', ''));
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`${naam} verwacht een positief geheel getal, niet '${w}'`);
    return n;
  };
  const w = new Map<string, number>();
  let volledig = false;
  const gemeenten: string[] = [];
  const weg = new Set<string>();
  let uitvoer = join(ROOT, 'bench', 'results.md');
  const getallen = [
    '--cases',
    '--uitleg-cases',
    '--zen-cases',
    '--zen-vloer-cases',
    '--jre-cases',
    '--jre-natuurlijk-cases',
    '--jre-vloer-cases',
    '--zen-parallel',
    '--herhalingen',
    '--opstart-runs',
    '--seed',
  ];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (getallen.includes(a)) w.set(a, getal(a, args[++i]));
    else if (a === '--volledig') volledig = true;
    else if (a === '--gemeente') gemeenten.push(args[++i] ?? '');
    else if (a === '--uitvoer') uitvoer = args[++i] ?? uitvoer;
    else if (a === '--zonder-impact' || a === '--zonder-opstart' || a === '--zonder-api') weg.add(a);
    else if (a === '--help' || a === '-h') {
      console.log(HULP);
      process.exit(0);
    } else throw new Error(`onbekende optie ${a}\n${HULP}`);
  }
  for (const g of gemeenten)
    if (!SITUATIES.some((s) => s.gemeente === g)) throw new Error(`geen bench voor gemeente '${g}'`);
  const aantal = w.get('--cases') ?? 1_000_000;
  const deel = (optie: string, standaard: number) =>
    volledig ? aantal : Math.min(aantal, w.get(optie) ?? standaard);
  return {
    aantal,
    uitleg: deel('--uitleg-cases', 20_000),
    zen: deel('--zen-cases', 200_000),
    zenVloer: deel('--zen-vloer-cases', 100_000),
    jre: deel('--jre-cases', 30_000),
    jreNatuurlijk: deel('--jre-natuurlijk-cases', 30_000),
    jreVloer: deel('--jre-vloer-cases', 100_000),
    seed: w.get('--seed') ?? 1,
    blok: 4096,
    parallel: w.get('--zen-parallel') ?? 256,
    herhalingen: w.get('--herhalingen') ?? 3,
    gemeenten: gemeenten.length > 0 ? gemeenten : SITUATIES.map((s) => s.gemeente),
    impact: !weg.has('--zonder-impact'),
    opstart: !weg.has('--zonder-opstart'),
    api: !weg.has('--zonder-api'),
    opstartRuns: w.get('--opstart-runs') ?? 15,
    uitvoer,
  };
}

/** Runs one engine in a child process, drawing its progress; resolves with its measurement. */
function draai(opdracht: Opdracht, label: string): Promise<Meting> {
  return new Promise((resolve, reject) => {
    const kind = fork(join(import.meta.dirname, 'motor.ts'), [JSON.stringify(opdracht)], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const voortgang = maakVoortgang(label, opdracht.aantal);
    let meting: Meting | undefined;
    let fout: string | undefined;
    kind.on('message', (m: Melding) => {
      if (m.soort === 'voortgang') voortgang.stap(m.gedaan);
      else if (m.soort === 'klaar') meting = m.meting;
      else fout = m.bericht;
    });
    kind.on('error', reject);
    kind.on('exit', (code, signaal) => {
      voortgang.klaar();
      if (meting && code === 0) resolve(meting);
      else reject(new Error(`${label}: ${fout ?? `kindproces stopte (${code ?? signaal})`}`));
    });
  });
}

interface Uitslag {
  readonly gemeente: string;
  readonly peildatum: string;
  readonly regelingen: readonly string[];
  /** The voorzieningen of a case's outcome codes, in slot order (as the batch writes them). */
  readonly sloten: readonly string[];
  /** Every run of every engine, in the order they ran. */
  readonly runs: ReadonlyMap<MotorNaam, readonly Meting[]>;
  readonly vergelijkingen: ReadonlyMap<MotorNaam, Vergelijking>;
  readonly bedragen: BedragVergelijking;
  readonly stap: ReadonlyMap<MotorNaam, number>;
  /** Outcome codes over all slots of all cases, from the batch run. */
  readonly codes: readonly number[];
}

/** The run with the median time: the figure a row shows (the spread is shown beside it). */
function representatief(runs: readonly Meting[]): Meting {
  const s = [...runs].sort((a, b) => a.seconden - b.seconden);
  return s[(s.length - 1) >> 1]!;
}

const meting = (u: Uitslag, m: MotorNaam) => representatief(u.runs.get(m)!);
const perSeconde = (m: Meting) => m.aantal / m.seconden;
const perCpuSeconde = (m: Meting) => m.aantal / m.cpuSeconden;

/** Our batch time, wall and CPU, on exactly the cases an engine judged (a prefix, or all of them). */
function onzeTijd(u: Uitslag, motor: MotorNaam): { wand: number; cpu: number; aantal: number } {
  const batch = meting(u, 'batch');
  const m = meting(u, motor);
  const prefix = (u.stap.get(motor) ?? 1) === 1;
  const wand = prefix ? batch.tussentijden[String(m.aantal)] : undefined;
  const cpu = prefix ? batch.tussenCpu[String(m.aantal)] : undefined;
  if (wand !== undefined && cpu !== undefined) return { wand, cpu, aantal: m.aantal };
  return { wand: batch.seconden, cpu: batch.cpuSeconden, aantal: batch.aantal };
}

/** How many times faster ours (batch) is than the engine, per case, wall clock and CPU. */
function verhouding(u: Uitslag, motor: MotorNaam): { wand: number; cpu: number } {
  const ons = onzeTijd(u, motor);
  const m = meting(u, motor);
  return {
    wand: m.seconden / m.aantal / (ons.wand / ons.aantal),
    cpu: m.cpuSeconden / m.aantal / (ons.cpu / ons.aantal),
  };
}

interface Doel {
  readonly gemeente: string;
  readonly doel: string;
  readonly gemeten: string;
  readonly gehaald: boolean;
}

interface Extra {
  readonly impact: readonly ImpactMeting[];
  readonly impactBestandMb: number;
  readonly opstart: { evaluate: Reeks; eerste: Reeks; klaar: Reeks } | null;
  readonly api: ApiUitslag | null;
}

function doelen(uitslagen: readonly Uitslag[], wandklok: number, x: Extra): Doel[] {
  const uit: Doel[] = [];
  for (const u of uitslagen) {
    const g = u.gemeente;
    const batch = meting(u, 'batch');
    const jre = verhouding(u, 'json-rules-engine');
    uit.push({
      gemeente: g,
      doel: 'batch ≥ 50× json-rules-engine (four-valued)',
      gemeten: `${jre.wand.toFixed(0)}× wall clock, ${jre.cpu.toFixed(0)}× CPU (on the ${getal(meting(u, 'json-rules-engine').aantal)} cases it ran)`,
      gehaald: jre.wand >= DOELEN.jsonRules,
    });
    const zen = verhouding(u, 'zen');
    uit.push({
      gemeente: g,
      doel: 'batch ≥ 10× Zen (per case)',
      gemeten: `${zen.wand.toFixed(1)}× wall clock, ${zen.cpu.toFixed(1)}× CPU`,
      gehaald: zen.wand >= DOELEN.zen,
    });
    // Both single-threaded: on a busy machine wall time and CPU time can tell different stories, so
    // the target holds only when both do.
    const hand = verhouding(u, 'handgeschreven');
    uit.push({
      gemeente: g,
      doel: 'batch time ≤ 1.5× hand-written, straightforward (wall clock and CPU, medians)',
      gemeten: `${(1 / hand.wand).toFixed(2)}× wall clock, ${(1 / hand.cpu).toFixed(2)}× CPU`,
      gehaald: Math.max(1 / hand.wand, 1 / hand.cpu) <= DOELEN.handgeschreven,
    });
    const uitleg = meting(u, 'uitleg');
    uit.push({
      gemeente: g,
      doel: 'explained path ≥ 100,000 cases/s with JSON (issue 14 item 1: compiled path writing its JSON text, evalueerJson)',
      gemeten: `${getal(perSeconde(uitleg))} cases/s`,
      gehaald: perSeconde(uitleg) >= DOELEN.uitlegPerSeconde,
    });
    const rss = Math.max(...u.runs.get('batch')!.map((m) => m.piekRss));
    uit.push({
      gemeente: g,
      doel: '1,000,000 cases, peak RSS < 400 MB',
      gemeten: `${getal(batch.aantal)} cases, ${mb(rss)} MB`,
      gehaald: batch.aantal >= DOELEN.aantal && rss < DOELEN.rssBytes,
    });
    const verschillen = [...u.vergelijkingen]
      .filter(([m]) => VERGELIJKING[m] === 'codes')
      .reduce((s, [, v]) => s + v.verschillen, 0);
    const b = u.bedragen;
    uit.push({
      gemeente: g,
      doel: 'every engine that gives outcomes agrees with ours on every case; premie and term agree where computed',
      gemeten: `${verschillen} outcome differences; ${b.bedragVerschillen + b.eindeVerschillen} premie/term differences on ${getal(b.vergeleken)} cases`,
      gehaald: verschillen === 0 && b.bedragVerschillen + b.eindeVerschillen === 0 && b.vergeleken > 0,
    });
  }
  const rij = (naam: string) => x.impact.find((r) => r.naam === naam);
  const een = rij('generated, 1 thread');
  if (een)
    uit.push({
      gemeente: 'dinkelland',
      doel: 'impact over 1,000,000 generated cases on one thread ≤ 3 s',
      gemeten: `${seconden(een.seconden)} s wall clock (CPU ${seconden(een.cpuSeconden)} s) over ${getal(een.casussen)} cases`,
      gehaald: een.casussen >= DOELEN.aantal && een.seconden <= DOELEN.impactEenThread,
    });
  const nd = rij('NDJSON, 1 thread per core');
  const nd1 = rij('NDJSON, 1 thread');
  if (nd && nd1)
    uit.push({
      gemeente: 'dinkelland',
      doel: 'impact over 1,000,000 cases from NDJSON ≤ 5 s',
      gemeten: `${seconden(nd.seconden)} s with one thread per core (the default for this file), ${seconden(nd1.seconden)} s on one thread`,
      gehaald: nd.casussen >= DOELEN.aantal && nd.seconden <= DOELEN.impactNdjson,
    });
  if (x.opstart) {
    const e = mediaan(x.opstart.evaluate.ms);
    uit.push({
      gemeente: 'all',
      doel: 'one-case evaluate ≤ 150 ms wall clock (median of the starts)',
      gemeten: `${e.toFixed(0)} ms (fastest ${Math.min(...x.opstart.evaluate.ms).toFixed(0)}, slowest ${Math.max(...x.opstart.evaluate.ms).toFixed(0)})`,
      gehaald: e <= DOELEN.evaluateMs,
    });
    const s = mediaan(x.opstart.eerste.ms);
    uit.push({
      gemeente: 'all',
      doel: 'server answers its first request ≤ 1 s after start on an existing store (median)',
      gemeten: `${s.toFixed(0)} ms (fastest ${Math.min(...x.opstart.eerste.ms).toFixed(0)}, slowest ${Math.max(...x.opstart.eerste.ms).toFixed(0)})`,
      gehaald: s <= DOELEN.serverMs,
    });
  }
  for (const a of x.api?.uitslagen ?? []) {
    const m = a.metingen.find((r) => r.naam.includes('gelijkmatig'));
    if (m)
      uit.push({
        gemeente: a.naam,
        doel: 'POST /evaluate p99 ≤ 20 ms at 1,000 requests/s (open loop, varied case mix)',
        gemeten: `p99 ${m.p99.toFixed(1)} ms, ${m.fouten} errors`,
        gehaald: m.p99 <= DOELEN.apiP99 && m.fouten === 0,
      });
  }
  uit.push({
    gemeente: 'all',
    doel: 'whole bench ≤ 15 min',
    gemeten: `${(wandklok / 60).toFixed(1)} min`,
    gehaald: wandklok <= DOELEN.wandklokSeconden,
  });
  return uit;
}

const getal = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const seconden = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const keer = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)}×`;

const VOLGORDE: readonly MotorNaam[] = [
  'batch',
  'uitleg',
  'uitleg-warm',
  'handgeschreven',
  'handgeschreven-getuned',
  'zen',
  'zen-lus',
  'zen-vloer',
  'json-rules-engine',
  'jre-natuurlijk',
  'jre-vloer',
  'generator',
];

function spreiding(runs: readonly Meting[], snelheid: (m: Meting) => number = perSeconde): string {
  if (runs.length < 2) return 'one run';
  const snelheden = runs.map(snelheid);
  return `${getal(Math.min(...snelheden))}–${getal(Math.max(...snelheden))} (${runs.length} runs)`;
}

function verschilTekst(u: Uitslag, motor: MotorNaam): string {
  if (motor === 'batch') return 'reference';
  const v = u.vergelijkingen.get(motor);
  if (!v) return motor === 'generator' ? '' : 'none (a floor)';
  const wat = VERGELIJKING[motor] === 'toegestaan' ? ' (granted or not)' : '';
  return `${v.verschillen} of ${getal(v.vergeleken)}${wat}`;
}

function tabelRijen(u: Uitslag): string[][] {
  const batchAantal = meting(u, 'batch').aantal;
  return VOLGORDE.filter((m) => u.runs.has(m)).map((motor) => {
    const runs = u.runs.get(motor)!;
    const m = representatief(runs);
    const stap = u.stap.get(motor) ?? 1;
    const welke = stap > 1 ? `every ${stap}th` : m.aantal < batchAantal ? `first ${getal(m.aantal)}` : 'all';
    const r = motor === 'batch' || motor === 'generator' ? undefined : verhouding(u, motor);
    return [
      NAAM[motor],
      getal(m.aantal),
      welke,
      seconden(m.seconden),
      seconden(m.cpuSeconden),
      getal(perSeconde(m)),
      spreiding(runs),
      r ? keer(r.wand) : '',
      r ? keer(r.cpu) : '',
      String(mb(Math.max(...runs.map((x) => x.piekRss)))),
      seconden(m.opbouwSeconden),
      verschilTekst(u, motor),
    ];
  });
}

const KOPPEN = [
  'engine',
  'cases',
  'which',
  'seconds',
  'CPU s',
  'cases/s',
  'spread cases/s',
  'ours ÷ it, wall',
  'ours ÷ it, CPU',
  'peak RSS MB',
  'setup s',
  'differences',
];

function tekstTabel(koppen: readonly string[], rijen: readonly (readonly string[])[]): string {
  const alle = [koppen, ...rijen];
  const breedte = koppen.map((_, k) => Math.max(...alle.map((r) => r[k]!.length)));
  return alle
    .map((r) => r.map((c, k) => (k === 0 ? c.padEnd(breedte[k]!) : c.padStart(breedte[k]!))).join('  '))
    .join('\n');
}

function mdTabel(
  koppen: readonly string[],
  rijen: readonly (readonly string[])[],
  rechts: readonly number[],
) {
  const streep = koppen.map((_, k) => (rechts.includes(k) ? '---:' : '---'));
  return [koppen, streep, ...rijen].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Cases per second at 10k, 100k and all, from the same runs (elapsed engine time at each count). */
function schaalRijen(u: Uitslag): string[][] {
  const punten = [10_000, 100_000, 1_000_000];
  return (['batch', 'handgeschreven', 'handgeschreven-getuned', 'zen', 'zen-lus'] as const)
    .filter((m) => u.runs.has(m) && (u.stap.get(m) ?? 1) === 1)
    .map((motor) => {
      const m = meting(u, motor);
      return [
        NAAM[motor],
        ...punten.map((p) => {
          const t = m.tussentijden[String(p)] ?? (m.aantal === p ? m.seconden : undefined);
          return t === undefined ? '' : getal(p / t);
        }),
      ];
    });
}

function mixRijen(u: Uitslag): string[][] {
  const mix = meting(u, 'batch').mix;
  if (!mix) return [];
  const rij = (naam: string, m: Mix) => {
    const n = m[0] + m[1] + m[2] + m[3];
    return [naam, getal(n), ...m.map((x) => `${((x / Math.max(1, n)) * 100).toFixed(1)}%`)];
  };
  return [
    ...Object.entries(mix.perAanvraag)
      .sort((a, b) => b[1].reduce((s, x) => s + x, 0) - a[1].reduce((s, x) => s + x, 0))
      .map(([v, m]) => rij(`request for ${v}`, m)),
    rij('no request: each voorziening on offer', mix.zonderAanvraag),
  ];
}

function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? model;
  } catch {
    // Not Linux: os.cpus() has the model too.
  }
  const versie = (pakket: string) =>
    (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', pakket, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  return (
    `${model}, ${cpus().length} cores, ${Math.round(totalmem() / 1024 ** 3)} GB RAM; ${type()} ${release()}; ` +
    `Node ${process.version}; json-rules-engine ${versie('json-rules-engine')}; ` +
    `@gorules/zen-engine ${versie('@gorules/zen-engine')}`
  );
}

/** What the engines are built from: the commit, and the tracked files under SOURCES that differ from it. */
interface Bronstand {
  readonly tekst: string;
  /** Changes when anything under SOURCES changes, committed or not. */
  readonly vingerafdruk: string;
}

const SOURCES = ['src', 'regelgeving', 'bench'];

function bronstand(): Bronstand | null {
  try {
    const git = (...a: string[]) => execFileSync('git', a, { cwd: ROOT, encoding: 'utf8' });
    const commit = git('rev-parse', '--short', 'HEAD').trim();
    const bomen = git('rev-parse', ...SOURCES.map((m) => `HEAD:${m}`));
    const buiten = [':(exclude)bench/results.md', ':(exclude)bench/api-results.md'];
    const gewijzigd = git('diff', '--name-only', 'HEAD', '--', ...SOURCES, ...buiten)
      .split('\n')
      .filter(Boolean);
    const verschil = git('diff', 'HEAD', '--', ...SOURCES, ...buiten);
    return {
      tekst:
        gewijzigd.length === 0
          ? `commit ${commit}`
          : `commit ${commit} with uncommitted changes in ${gewijzigd.join(', ')}`,
      vingerafdruk: createHash('sha256').update(bomen).update(verschil).digest('hex'),
    };
  } catch {
    return null;
  }
}

/** The source line of the results: the working tree is shared, so say whether it changed during the run. */
function bronTekst(voor: Bronstand | null, na: Bronstand | null): string {
  if (!voor || !na) return 'not a git checkout';
  if (voor.vingerafdruk === na.vingerafdruk)
    return voor.tekst === na.tekst
      ? voor.tekst
      : `${voor.tekst} at the start, ${na.tekst} at the end, with the same ${SOURCES.join(', ')}`;
  return `${voor.tekst} at the start, ${na.tekst} at the end: **${SOURCES.join(', ')} changed during the run**`;
}

const belasting = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function codesTekst(codes: readonly number[]): string {
  const beoordeeld = codes.slice(0, 4).reduce((s, n) => s + n, 0);
  return codes
    .slice(0, 4)
    .map((n, c) => `${UITKOMST_VAN_CODE[c]} ${((n / beoordeeld) * 100).toFixed(1)}%`)
    .join(', ');
}

function uitkomstenTekst(sloten: readonly string[], codes: Uint8Array): string {
  return [...codes]
    .map((c, i) => (c === 4 ? '' : `${sloten[i]}: ${UITKOMST_VAN_CODE[c] ?? c}`))
    .filter(Boolean)
    .join(', ');
}

interface ApiMeting {
  readonly naam: string;
  readonly verzoeken: number;
  readonly perSeconde: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly cpuMs: number;
  readonly fouten: number;
}

interface ApiUitslag {
  readonly uitslagen: readonly { naam: string; metingen: readonly ApiMeting[] }[];
  readonly duur: number;
  readonly pgVersie: string | null;
  readonly mix: string;
  readonly vastgezet: string;
}

/** The /evaluate part of the API bench (bench/api.ts) in a process of its own; the grants are `npm run bench:api`. */
function meetApi(map: string): Promise<ApiUitslag> {
  const uit = join(map, 'api.json');
  return new Promise((resolve, reject) => {
    const kind = spawn(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        join(import.meta.dirname, 'api.ts'),
        '--alleen-evaluatie',
        '--json',
        uit,
      ],
      { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    kind.on('error', reject);
    kind.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/api.ts stopte met code ${code}`));
      resolve(JSON.parse(readFileSync(uit, 'utf8')) as ApiUitslag);
    });
  });
}

async function benchGemeente(
  inst: Instellingen,
  engine: ReturnType<typeof maakEngine>,
  map: string,
  gemeente: string,
  peildatum: string,
): Promise<{ uitslag: Uitslag; mislukt: boolean }> {
  const p = engine.planOp(gemeente, peildatum);
  if (!p.ok) throw new Error(p.fout.code);
  const regelingen = [...p.plan.gemeenteRegelingen, p.plan.wet].map(
    (r) => `${r.titel} (from ${r.geldigVanaf})`,
  );
  const sloten = slotenVan(p.plan);
  console.log(`\n${gemeente} on ${peildatum}: ${regelingen.join('; ')}`);
  const stapUitleg = Math.max(1, Math.floor(inst.aantal / inst.uitleg));
  const fasen: readonly [MotorNaam, number, number][] = [
    ['generator', inst.aantal, 1],
    ['batch', inst.aantal, 1],
    ['handgeschreven', inst.aantal, 1],
    ['handgeschreven-getuned', inst.aantal, 1],
    ['uitleg', inst.uitleg, stapUitleg],
    ['uitleg-warm', inst.uitleg, stapUitleg],
    ['zen', inst.zen, 1],
    ['zen-lus', inst.zen, 1],
    ['zen-vloer', inst.zenVloer, 1],
    ['json-rules-engine', inst.jre, 1],
    ['jre-natuurlijk', inst.jreNatuurlijk, 1],
    ['jre-vloer', inst.jreVloer, 1],
  ];
  // Ours and the hand-written rules take seconds, so one run is at the mercy of whatever else the
  // machine does; they run alternately, several times, and every run is kept (median and spread).
  const herhaald = new Set<MotorNaam>(['batch', 'handgeschreven', 'handgeschreven-getuned', 'uitleg']);
  const volgorde = [
    fasen[0]!,
    ...Array.from({ length: inst.herhalingen }, () => fasen.filter(([m]) => herhaald.has(m))).flat(),
    ...fasen.slice(1).filter(([m]) => !herhaald.has(m)),
  ];
  const tussenstanden = [...new Set([10_000, 100_000, ...fasen.map(([, n]) => n)])];
  const runs = new Map<MotorNaam, Meting[]>();
  const stap = new Map<MotorNaam, number>();
  const bestand = (m: MotorNaam) => join(map, `${gemeente}-${m}.bin`);
  const bedragBestand = (m: MotorNaam) => join(map, `${gemeente}-${m}.bedrag`);
  const metUitvoer = (m: MotorNaam) => VERGELIJKING[m] !== undefined || m === 'batch';
  const metBedrag = (m: MotorNaam) => m === 'uitleg' || m === 'handgeschreven-getuned';
  for (const [motor, aantal, s] of volgorde) {
    const nieuw = await draai(
      {
        motor,
        gemeente,
        peildatum,
        seed: inst.seed,
        aantal,
        stap: s,
        tussenstanden,
        blok: inst.blok,
        parallel: inst.parallel,
        bestand: metUitvoer(motor) ? bestand(motor) : null,
        bedragBestand: metBedrag(motor) ? bedragBestand(motor) : null,
        // Warm, a run is a timed pass after the one warm-up in the same process.
        ...(motor === 'uitleg-warm' ? { passen: inst.herhalingen } : {}),
      },
      `${gemeente.padEnd(10)} ${motor.padEnd(22)}`,
    );
    // Files are compared byte for byte at the batch's width: an engine writing another is a bench fault.
    if (nieuw.breedte !== sloten.length)
      throw new Error(`${motor}: ${nieuw.breedte} slots a case, the batch has ${sloten.length}`);
    const perRun = nieuw.warm
      ? nieuw.warm.passen.map((p) => ({
          ...nieuw,
          ...p,
          tussentijden: { [String(nieuw.aantal)]: p.seconden },
          tussenCpu: { [String(nieuw.aantal)]: p.cpuSeconden },
        }))
      : [nieuw];
    runs.set(motor, [...(runs.get(motor) ?? []), ...perRun]);
    stap.set(motor, s);
  }
  let mislukt = false;
  const vergelijkingen = new Map<MotorNaam, Vergelijking>();
  const maker = maakCasusmaker({ gemeente, peildatum, seed: inst.seed, aanbod: aanbodVan(p.plan) });
  for (const [motor, , s] of fasen) {
    const soort = VERGELIJKING[motor];
    if (!soort) continue;
    const v = vergelijkBestanden(bestand('batch'), bestand(motor), {
      aantal: representatief(runs.get(motor)!).aantal,
      stap: s,
      breedte: sloten.length,
      ...(soort === 'toegestaan' ? { projectie: ALLEEN_TOEGESTAAN } : {}),
    });
    vergelijkingen.set(motor, v);
    if (v.verschillen === 0) continue;
    // The two-valued encoding answers another question: its differences are reported, not a failure.
    if (soort === 'codes') mislukt = true;
    console.error(`\n${gemeente}: ${NAAM[motor]} differs from ours on ${v.verschillen} cases; the first:`);
    for (const x of v.voorbeelden.slice(0, soort === 'codes' ? 5 : 1)) {
      console.error(`  case ${x.casus}: ${JSON.stringify(maker.casus(x.casus))}`);
      console.error(`    ours: ${uitkomstenTekst(sloten, x.referentie)}`);
      console.error(`    it:   ${uitkomstenTekst(sloten, x.peer)}`);
    }
  }
  const bedragen = vergelijkBedragen(bedragBestand('uitleg'), bedragBestand('handgeschreven-getuned'), {
    aantal: representatief(runs.get('uitleg')!).aantal,
    stap: stapUitleg,
  });
  if (bedragen.bedragVerschillen + bedragen.eindeVerschillen > 0 || bedragen.vergeleken === 0) {
    mislukt = true;
    console.error(`\n${gemeente}: premie or term of the tuned hand-written rules differs from ours:`);
    for (const x of bedragen.voorbeelden)
      console.error(
        `  case ${x.casus}: ${JSON.stringify(maker.casus(x.casus))}: ours ${x.ons}, it ${x.peer}`,
      );
  }
  const uitslag: Uitslag = {
    gemeente,
    peildatum,
    regelingen,
    sloten,
    runs,
    vergelijkingen,
    bedragen,
    stap,
    codes: telCodes(bestand('batch'), inst.aantal, sloten.length),
  };
  console.log(`\n${tekstTabel(KOPPEN, tabelRijen(uitslag))}`);
  for (const motor of fasen.map((f) => f[0])) {
    rmSync(bestand(motor), { force: true });
    rmSync(bedragBestand(motor), { force: true });
  }
  return { uitslag, mislukt };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const inst = leesInstellingen(args);
  const commando = `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`;
  const datum = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const belastingVoor = belasting();
  const bronVoor = bronstand();
  const b = laadBibliotheek();
  if (!b.ok) throw new Error('regelgeving laadt niet: draai npm run reintegratie -- validate');
  const engine = maakEngine(b.waarde);
  const map = mkdtempSync(join(tmpdir(), 'reintegratie-bench-'));
  const uitslagen: Uitslag[] = [];
  let mislukt = false;
  const extra: {
    impact: ImpactMeting[];
    impactBestandMb: number;
    opstart: Extra['opstart'];
    api: ApiUitslag | null;
  } = { impact: [], impactBestandMb: 0, opstart: null, api: null };
  try {
    for (const { gemeente, peildatum } of SITUATIES.filter((s) => inst.gemeenten.includes(s.gemeente))) {
      const r = await benchGemeente(inst, engine, map, gemeente, peildatum);
      uitslagen.push(r.uitslag);
      mislukt ||= r.mislukt;
    }
    if (inst.impact) {
      const r = await meetImpactRijen(map, inst.aantal, (t) => console.log(t));
      extra.impact = r.rijen;
      extra.impactBestandMb = r.bestandMb;
      // The NDJSON file holds the generated caseload: every source must count the same.
      if (new Set(r.rijen.map((x) => x.cijfers)).size !== 1) {
        mislukt = true;
        console.error('\nimpact: the runs do not report the same figures for the same caseload');
      }
    }
    if (inst.opstart) {
      console.log('\nstart-up: one-case evaluate…');
      const evaluate = await meetEvaluate(inst.opstartRuns);
      console.log(`start-up: evaluate median ${mediaan(evaluate.ms).toFixed(0)} ms; server…`);
      const server = await meetServer(Math.max(3, Math.round(inst.opstartRuns / 3)));
      console.log(`start-up: first answer median ${mediaan(server.eerste.ms).toFixed(0)} ms`);
      extra.opstart = { evaluate, ...server };
    }
    if (inst.api) {
      console.log('\nAPI: POST /evaluate under load…');
      extra.api = await meetApi(map);
    }
  } finally {
    rmSync(map, { recursive: true, force: true });
  }

  const wandklok = (performance.now() - START) / 1000;
  const behaald = doelen(uitslagen, wandklok, extra);
  console.log('\nTargets:');
  for (const d of behaald)
    console.log(`  ${d.gehaald ? 'held    ' : 'NOT held'}  ${d.gemeente.padEnd(10)} ${d.doel}: ${d.gemeten}`);
  if (mislukt) console.error('\nFAILED: the engines do not agree on every case (see above).');

  writeFileSync(
    inst.uitvoer,
    rapport({ inst, commando, datum, wandklok, belastingVoor, bronVoor, uitslagen, behaald, mislukt, extra }),
  );
  console.log(`\nwrote ${inst.uitvoer} (${seconden(wandklok)} s in all)`);
  return mislukt ? 1 : 0;
}

function rapport(r: {
  inst: Instellingen;
  commando: string;
  datum: string;
  wandklok: number;
  belastingVoor: string;
  bronVoor: Bronstand | null;
  uitslagen: readonly Uitslag[];
  behaald: readonly Doel[];
  mislukt: boolean;
  extra: Extra;
}): string {
  const { inst, extra } = r;
  const regels: string[] = [];
  const alinea = (...t: string[]) => regels.push(t.join(''), '');
  regels.push('# Engine bench', '');
  // The working tree is shared: say so when the sources changed while the engines ran.
  alinea(
    `Command: \`${r.commando}\` (${r.datum} UTC, ${seconden(r.wandklok)} s in all). Source: ${bronTekst(r.bronVoor, bronstand())}.`,
  );
  const belastingNa = belasting();
  alinea(`Machine: ${machine()}. Load average before ${r.belastingVoor}, after ${belastingNa}.`);
  const hoogste = Math.max(...`${r.belastingVoor} ${belastingNa}`.split(' ').map(Number));
  if (hoogste > cpus().length)
    alinea(
      `The machine was busy with other work during this run (load up to ${hoogste.toFixed(1)} on `,
      `${cpus().length} cores): where a single-threaded engine's CPU seconds are below its seconds, `,
      'it waited for a core, and its cases/s understate it; the CPU columns are the steadier figure.',
    );
  if (r.mislukt)
    alinea('**FAILED: the engines do not agree on every case; the figures below do not count.**');
  alinea(
    `Cases: one deterministic stream of generated cases per ordinance (seed ${inst.seed}): `,
    `${getal(inst.aantal)} for ours (batch) and the hand-written rules, every ${getal(Math.floor(inst.aantal / inst.uitleg))}th case `,
    `(${getal(inst.uitleg)}) on our explained path (the same cases cold and warm), the first ${getal(inst.zen)} for Zen per case and in Loop Mode, `,
    `${getal(inst.zenVloer)} for Zen's floor, ${getal(inst.jre)} for json-rules-engine four-valued, ${getal(inst.jreNatuurlijk)} `,
    `natural, ${getal(inst.jreVloer)} for its floor (\`--volledig\` runs every engine on every case). Every ratio is `,
    'per case, against ours (batch) on exactly the cases the engine judged (our elapsed time at that count in the same run).',
  );
  alinea(
    'How: every engine runs in a child process of its own (bench/motor.ts) that generates the same ',
    `stream in chunks of ${getal(inst.blok)} cases and writes one outcome code per voorziening per case to a file; `,
    'the bench compares the files case by case against ours (batch). Seconds count the engine only: generating ',
    'the cases and writing the codes are outside the clock (the generator row shows what that costs); CPU s is ',
    "the engine process's CPU time over the same stretches. Ours (batch and explained cold) and the hand-written rules ran ",
    `${inst.herhalingen === 1 ? 'once' : `${inst.herhalingen} times each, alternately`} (the warm explained row: ${inst.herhalingen === 1 ? 'one timed pass' : `${inst.herhalingen} timed passes`} in one process); a row shows the median run and the spread of cases/s over `,
    'all runs (peak RSS is the highest of all runs); every other engine ran once. For json-rules-engine and Zen the ',
    'conversion of a case to flat facts (bench/peers/feiten.ts: age, day numbers, the requested term) is inside ',
    "their clock, as it is work they cannot do themselves. Peak RSS is each child's own maximum resident set; every ",
    'child loads the regulation library and the case generator, so the generator row is the floor. Setup is what ',
    'an engine builds before its first case once the library is loaded and the plan compiled.',
  );
  alinea(
    'Agreement: every engine that gives the four outcomes is compared with ours on every case it judged. The ',
    "natural json-rules-engine encoding can only say granted or not, so it is compared on that (ours' toegestaan ",
    "against everything else); where it differs, two-valued logic gave another answer than the law's three values ",
    '(a missing fact counts as false, also under a negation), which is what it shows, not a fault of either. Premie ',
    'and term are compared where a second engine computes them: the tuned hand-written rules compute, for every ',
    'request for a participatieplaats, the premie per year and the last day the term may run to; ours gives them in ',
    'the explained result (`bedragen.premie` without reservation, `termijnen.maximaleEinddatum`), on the cases of ',
    'the explained sample.',
  );
  for (const u of r.uitslagen) {
    regels.push(`## ${u.gemeente}, peildatum ${u.peildatum}`, '');
    alinea(`Rules: ${u.regelingen.join('; ')}.`);
    const batch = meting(u, 'batch');
    const uitleg = meting(u, 'uitleg');
    const warm = u.runs.has('uitleg-warm') ? meting(u, 'uitleg-warm') : undefined;
    regels.push('What people wait for, next to the batch:', '');
    alinea(
      'Explained, cold: a fresh child process judges each case of the sample once with `engine.evalueerJson`, ',
      'so every entry of the ground tree is built on first use and the CPU column includes V8 compiling the ',
      "engine's code on its own threads (what a first request after a start costs). Explained, warm: another ",
      'child process judges the same cases once outside the clock, then again under it (each further run is ',
      'another pass in that process), each case with ',
      '`engine.evalueerJson` and `Buffer.byteLength` of its JSON text (as bench/uitleg.ts measures it): what a ',
      'server that has been answering for a while spends on an explained answer. Cases per CPU-second are the ',
      'median over the runs of cases ÷ CPU seconds of the timed stretch, the spread over the same runs.',
    );
    regels.push(
      mdTabel(
        [
          'path',
          'cases',
          'cases/s (median)',
          'spread cases/s',
          'cases per CPU-second (median)',
          'spread per CPU-second',
          'CPU µs per case',
          'batch ÷ it, wall',
          'batch ÷ it, CPU',
        ],
        [batch, uitleg, ...(warm ? [warm] : [])].map((m) => {
          const motor = m.motor;
          const runs = u.runs.get(motor)!;
          const v = motor === 'batch' ? undefined : verhouding(u, motor);
          return [
            NAAM[motor],
            getal(m.aantal),
            getal(perSeconde(m)),
            spreiding(runs),
            getal(mediaan(runs.map(perCpuSeconde))),
            spreiding(runs, perCpuSeconde),
            ((m.cpuSeconden / m.aantal) * 1e6).toFixed(2),
            v ? keer(v.wand) : '',
            v ? keer(v.cpu) : '',
          ];
        }),
        [1, 2, 3, 4, 5, 6, 7, 8],
      ),
      '',
    );
    alinea(`Outcomes (ours, all judged voorzieningen of all cases): ${codesTekst(u.codes)}.`);
    regels.push('All engines:', '');
    regels.push(mdTabel(KOPPEN, tabelRijen(u), [1, 3, 4, 5, 6, 7, 8, 9, 10, 11]), '');
    for (const motor of VOLGORDE) {
      const m = u.runs.get(motor);
      if (m) regels.push(`- ${NAAM[motor]}: ${representatief(m).toelichting}.`);
    }
    for (const [motor, v] of u.vergelijkingen)
      for (const x of v.voorbeelden.slice(0, 1))
        regels.push(
          `- first difference, ${NAAM[motor]}: case ${x.casus}: ours ${uitkomstenTekst(u.sloten, x.referentie)}; it ${uitkomstenTekst(u.sloten, x.peer)}.`,
        );
    const b = u.bedragen;
    regels.push(
      `- premie and term, tuned hand-written rules against ours (explained): ${getal(b.vergeleken)} participatieplaats requests in the sample compared (${getal(b.metPremie)} with a premie, ${getal(b.metEinde)} with a maximum end): ${b.bedragVerschillen} premie and ${b.eindeVerschillen} term differences.`,
      '',
    );
    regels.push(
      'Scaling (cases/s after the first 10,000, 100,000 and 1,000,000 cases of the same runs):',
      '',
    );
    regels.push(mdTabel(['engine', '10,000', '100,000', '1,000,000'], schaalRijen(u), [1, 2, 3]), '');
    regels.push(
      'Outcome mix per request (ours, batch): the requested voorziening, or every one on offer without a request:',
      '',
    );
    regels.push(
      mdTabel(
        ['cases', 'judged', 'afgewezen', 'toegestaan', 'onbepaald', 'ter beoordeling'],
        mixRijen(u),
        [1, 2, 3, 4, 5],
      ),
      '',
    );
  }
  if (extra.impact.length > 0) {
    regels.push('## Impact runs', '');
    alinea(
      `\`reintegratie impact --to <ontwerp>/2015-07-01.yaml --date ${IMPACT_DATUM} …\` (the built CLI): a draft of `,
      'the Dinkelland ordinance (bench/impact.ts: premie participatieplaats € 150 → € 200, participatieplaats from ',
      'age 27 → 30) against the version in force, on its cases judged under both versions. Seconds are wall clock ',
      'from start to exit of the CLI process (loading, checking the draft on top of the kept regulation tree, ',
      "compiling, generating or reading, judging); CPU s is the process's own, all threads (bench/cpu-bij-einde.mjs). ",
      `The NDJSON file (${extra.impactBestandMb} MB) is the same caseload written by \`reintegratie caseload\` beforehand (not timed); `,
      'each of its lines is parsed and checked against the case contract. All four runs must report the same figures.',
    );
    regels.push(
      mdTabel(
        [
          'run',
          'command (after the draft and date)',
          'cases',
          'seconds',
          'CPU s',
          'peak RSS MB',
          'cases changing',
          'yearly cost difference',
        ],
        extra.impact.map((i) => [
          i.naam,
          `\`${i.commando.replace(/^.*--date \S+ /, '')}\``,
          getal(i.casussen),
          seconden(i.seconden),
          seconden(i.cpuSeconden),
          String(i.piekRssMb),
          getal(i.gewijzigd),
          (i.verschilCent / 100).toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' }),
        ]),
        [2, 3, 4, 5, 6, 7],
      ),
      '',
    );
  }
  if (extra.opstart) {
    regels.push('## Start-up', '');
    alinea(
      'Each start is a fresh process of the built CLI (bin/reintegratie.js → dist/). The evaluate runs follow one ',
      'start that keeps the regulation tree, the national vocabulary and the document settings in the cache (as the ',
      'first start after an install does); they run with bench/cpu-bij-einde.mjs preloaded for the CPU column. The ',
      'server starts on a store with demo data made first; the bench asks GET /health every 5 ms from the spawn on, ',
      "reads the server's CPU time (all threads, /proc) at its first answer, and requires each start to stop with ",
      'exit 0 on SIGTERM, so no start leaves the next one a store to recover. Wall clock on this 2-core machine ',
      'moves with whatever else runs; the CPU column is the steadier figure.',
    );
    const o = extra.opstart;
    regels.push(
      mdTabel(
        ['what', 'command', 'starts', 'median ms', 'fastest ms', 'slowest ms', 'CPU ms (median)'],
        [o.evaluate, o.eerste, o.klaar].map((x) => [
          x.wat,
          `\`${x.commando}\``,
          String(x.runs),
          mediaan(x.ms).toFixed(0),
          Math.min(...x.ms).toFixed(0),
          Math.max(...x.ms).toFixed(0),
          x.cpuMs ? mediaan(x.cpuMs).toFixed(0) : '',
        ]),
        [2, 3, 4, 5, 6],
      ),
      '',
    );
  }
  if (extra.api) {
    const a = extra.api;
    regels.push('## API: POST /evaluate under load', '');
    alinea(
      `The /evaluate part of bench/api.ts (\`npm run bench:api\` adds the grants): the built server on each store, `,
      `load from this machine over loopback; ${a.vastgezet}. Case mix: ${a.mix}. `,
      "'gelijkmatig' is open loop (request i due at i/1000 s, latency from that moment); autocannon's rate rows send ",
      "each second's quota in a burst per connection. Server CPU is the server process's CPU time per request.",
    );
    regels.push(
      mdTabel(
        [
          'store',
          'what',
          'requests',
          'per second',
          'p50 ms',
          'p99 ms',
          'max ms',
          'server CPU ms/request',
          'errors',
        ],
        a.uitslagen.flatMap((u) =>
          u.metingen.map((m) => [
            u.naam,
            m.naam,
            String(m.verzoeken),
            m.perSeconde.toFixed(0),
            m.p50.toFixed(1),
            m.p99.toFixed(1),
            m.max.toFixed(0),
            m.cpuMs.toFixed(2),
            String(m.fouten),
          ]),
        ),
        [2, 3, 4, 5, 6, 7, 8],
      ),
      '',
    );
  }
  regels.push('## Targets', '');
  regels.push(
    mdTabel(
      ['ordinance', 'target', 'measured', 'held'],
      r.behaald.map((d) => [d.gemeente, d.doel, d.gemeten, d.gehaald ? 'yes' : '**no**']),
      [],
    ),
    '',
  );
  return regels.join('\n');
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(2);
  },
);
