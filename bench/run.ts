/**
 * Engine bench (issue 3): `npm run bench`.
 *
 * For each seed ordinance on one date, one deterministic stream of generated cases is judged by:
 * our engine in batch mode (outcomes only) and with full explanations (a sample spread over the
 * stream), the same rules hand-written in TypeScript, as a GoRules Zen decision, and as
 * json-rules-engine rules. Every engine runs in a child process of its own (bench/motor.ts) that
 * generates the stream itself in chunks and writes one byte per voorziening per case to a temporary
 * file; this process compares the files case by case and fails (exit 1) on any difference. Prints a
 * table and writes bench/results.md.
 *
 * json-rules-engine is too slow for a million cases within the time the bench may take, so by
 * default it judges a prefix of the same stream (--jre-cases); --volledig runs it on all cases.
 */
import { execFileSync, fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { aanbodVan, maakCasusmaker, maakVoortgang } from '../src/caseload/index.ts';
import { SLOTEN, UITKOMST_VAN_CODE } from '../src/engine/batch.ts';
import { maakEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';
import { IMPACT_DATUM, type ImpactMeting, meetImpact, schrijfOntwerp } from './impact.ts';
import { BYTES_PER_CASUS, type Melding, type Meting, type MotorNaam, type Opdracht } from './motor.ts';
import { telCodes, type Vergelijking, vergelijkBestanden } from './vergelijk.ts';

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
  rssBytes: 400 * 1024 * 1024,
  aantal: 1_000_000,
  wandklokSeconden: 15 * 60,
  impactSeconden: 10,
};

const NAAM: Record<MotorNaam, string> = {
  generator: 'case generator (not an engine)',
  batch: 'ours, batch (outcomes only)',
  uitleg: 'ours, full explanations',
  handgeschreven: 'hand-written TypeScript',
  zen: 'GoRules Zen',
  'json-rules-engine': 'json-rules-engine',
};

interface Instellingen {
  readonly aantal: number;
  readonly jre: number;
  readonly uitleg: number;
  readonly seed: number;
  readonly blok: number;
  readonly parallel: number;
  /** Runs of ours (batch) and the hand-written rules; the fastest counts. */
  readonly herhalingen: number;
  readonly gemeenten: readonly string[];
  readonly uitvoer: string;
}

const HULP = `npm run bench [-- opties]
  --cases N          cases per ordinance for ours, hand-written and Zen (default 1000000)
  --jre-cases N      json-rules-engine judges the first N of them (default 100000)
  --volledig         json-rules-engine judges every case too (takes hours)
  --uitleg-cases N   cases for our engine with full explanations, spread over the stream (default 10000)
  --zen-parallel N   Zen evaluations in flight at once (default 256)
  --herhalingen N    runs of ours (batch) and the hand-written rules, alternately; the fastest counts (default 3)
  --seed N           seed of the case stream (default 1)
  --gemeente G       only this ordinance (dinkelland or groningen); repeatable
  --uitvoer PAD      where the results go (default bench/results.md)`;

function leesInstellingen(args: readonly string[]): Instellingen {
  const getal = (naam: string, w: string | undefined): number => {
    const n = Number((w ?? '').replaceAll('_', ''));
    if (!Number.isInteger(n) || n <= 0)
      throw new Error(`${naam} verwacht een positief geheel getal, niet '${w}'`);
    return n;
  };
  let aantal = 1_000_000;
  let jre: number | undefined;
  let volledig = false;
  let uitleg = 10_000;
  let seed = 1;
  let parallel = 256;
  let herhalingen = 3;
  const gemeenten: string[] = [];
  let uitvoer = join(ROOT, 'bench', 'results.md');
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const w = () => args[++i];
    if (a === '--cases') aantal = getal(a, w());
    else if (a === '--jre-cases') jre = getal(a, w());
    else if (a === '--volledig') volledig = true;
    else if (a === '--uitleg-cases') uitleg = getal(a, w());
    else if (a === '--zen-parallel') parallel = getal(a, w());
    else if (a === '--seed') seed = getal(a, w());
    else if (a === '--herhalingen') herhalingen = getal(a, w());
    else if (a === '--gemeente') gemeenten.push(w() ?? '');
    else if (a === '--uitvoer') uitvoer = w() ?? uitvoer;
    else if (a === '--help' || a === '-h') {
      console.log(HULP);
      process.exit(0);
    } else throw new Error(`onbekende optie ${a}\n${HULP}`);
  }
  for (const g of gemeenten)
    if (!SITUATIES.some((s) => s.gemeente === g)) throw new Error(`geen bench voor gemeente '${g}'`);
  return {
    aantal,
    jre: volledig ? aantal : Math.min(aantal, jre ?? 100_000),
    uitleg: Math.min(aantal, uitleg),
    seed,
    blok: 4096,
    parallel,
    herhalingen,
    gemeenten: gemeenten.length > 0 ? gemeenten : SITUATIES.map((s) => s.gemeente),
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
  readonly metingen: ReadonlyMap<MotorNaam, Meting>;
  readonly vergelijkingen: ReadonlyMap<MotorNaam, Vergelijking>;
  readonly stap: ReadonlyMap<MotorNaam, number>;
  /** Outcome codes over all slots of all cases, from the batch run. */
  readonly codes: readonly number[];
}

const perSeconde = (m: Meting) => m.aantal / m.seconden;

/** Our batch engine's speed on exactly the cases an engine judged (a prefix, or all of them). */
function onzeSnelheid(u: Uitslag, motor: MotorNaam): number {
  const batch = u.metingen.get('batch')!;
  const m = u.metingen.get(motor)!;
  const t = (u.stap.get(motor) ?? 1) === 1 ? batch.tussentijden[String(m.aantal)] : undefined;
  return t !== undefined ? m.aantal / t : perSeconde(batch);
}

/** How many times faster ours is than the engine (on the same cases where it ran on a prefix). */
function verhouding(u: Uitslag, motor: MotorNaam): number {
  return onzeSnelheid(u, motor) / perSeconde(u.metingen.get(motor)!);
}

interface Doel {
  readonly gemeente: string;
  readonly doel: string;
  readonly gemeten: string;
  readonly gehaald: boolean;
}

function doelen(uitslagen: readonly Uitslag[], wandklok: number, impact: ImpactMeting | null): Doel[] {
  const uit: Doel[] = [];
  for (const u of uitslagen) {
    const g = u.gemeente;
    const batch = u.metingen.get('batch')!;
    const jre = verhouding(u, 'json-rules-engine');
    const jreAantal = u.metingen.get('json-rules-engine')!.aantal;
    uit.push({
      gemeente: g,
      doel: 'batch ≥ 50× json-rules-engine',
      gemeten: `${jre.toFixed(0)}× (on the ${getal(jreAantal)} cases json-rules-engine ran)`,
      gehaald: jre >= DOELEN.jsonRules,
    });
    const zen = verhouding(u, 'zen');
    uit.push({
      gemeente: g,
      doel: 'batch ≥ 10× Zen',
      gemeten: `${zen.toFixed(1)}×`,
      gehaald: zen >= DOELEN.zen,
    });
    // Both single-threaded: on a busy machine wall time and CPU time can tell different stories, so
    // the target holds only when both do.
    const hand = 1 / verhouding(u, 'handgeschreven');
    const handCpu = batch.cpuSeconden / u.metingen.get('handgeschreven')!.cpuSeconden;
    uit.push({
      gemeente: g,
      doel: 'batch time ≤ 1.5× hand-written (wall clock and CPU)',
      gemeten: `${hand.toFixed(2)}× wall clock, ${handCpu.toFixed(2)}× CPU`,
      gehaald: Math.max(hand, handCpu) <= DOELEN.handgeschreven,
    });
    uit.push({
      gemeente: g,
      doel: '1,000,000 cases, peak RSS < 400 MB',
      gemeten: `${getal(batch.aantal)} cases, ${mb(batch.piekRss)} MB`,
      gehaald: batch.aantal >= DOELEN.aantal && batch.piekRss < DOELEN.rssBytes,
    });
    const verschillen = [...u.vergelijkingen.values()].reduce((s, v) => s + v.verschillen, 0);
    uit.push({
      gemeente: g,
      doel: 'all engines agree on every case',
      gemeten: `${verschillen} differences`,
      gehaald: verschillen === 0,
    });
  }
  if (impact)
    uit.push({
      gemeente: 'dinkelland',
      doel: 'impact run over 1,000,000 cases < 10 s',
      gemeten: `${seconden(impact.seconden)} s over ${getal(impact.casussen)} cases`,
      gehaald: impact.casussen >= DOELEN.aantal && impact.seconden < DOELEN.impactSeconden,
    });
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

const VOLGORDE: readonly MotorNaam[] = [
  'batch',
  'uitleg',
  'handgeschreven',
  'zen',
  'json-rules-engine',
  'generator',
];

function tabelRijen(u: Uitslag): string[][] {
  return VOLGORDE.filter((m) => u.metingen.has(m)).map((motor) => {
    const m = u.metingen.get(motor)!;
    const v = u.vergelijkingen.get(motor);
    const stap = u.stap.get(motor) ?? 1;
    const welke =
      stap > 1
        ? `every ${stap}th`
        : m.aantal < u.metingen.get('batch')!.aantal
          ? `first ${getal(m.aantal)}`
          : 'all';
    return [
      NAAM[motor],
      getal(m.aantal),
      welke,
      seconden(m.seconden),
      seconden(m.cpuSeconden),
      getal(perSeconde(m)),
      motor === 'batch' || motor === 'generator' ? '' : `${verhouding(u, motor).toFixed(2)}×`,
      String(mb(m.piekRss)),
      seconden(m.opbouwSeconden),
      motor === 'batch' ? 'reference' : v ? `${v.verschillen} of ${getal(v.vergeleken)}` : '',
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
  'ours ÷ it',
  'peak RSS MB',
  'setup s',
  'differences',
];

function tekstTabel(rijen: string[][]): string {
  const alle = [KOPPEN, ...rijen];
  const breedte = KOPPEN.map((_, k) => Math.max(...alle.map((r) => r[k]!.length)));
  return alle
    .map((r) =>
      r.map((c, k) => (k === 0 || k === 2 ? c.padEnd(breedte[k]!) : c.padStart(breedte[k]!))).join('  '),
    )
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
    const buiten = [':(exclude)bench/results.md'];
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

function uitkomstenTekst(codes: Uint8Array): string {
  return [...codes]
    .map((c, i) => (c === 4 ? '' : `${SLOTEN[i]}: ${UITKOMST_VAN_CODE[c]}`))
    .filter(Boolean)
    .join(', ');
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
  let impact: ImpactMeting | null = null;
  let mislukt = false;
  try {
    for (const { gemeente, peildatum } of SITUATIES.filter((s) => inst.gemeenten.includes(s.gemeente))) {
      const p = engine.planOp(gemeente, peildatum);
      if (!p.ok) throw new Error(p.fout.code);
      const regelingen = [...p.plan.gemeenteRegelingen, p.plan.wet].map(
        (r) => `${r.titel} (from ${r.geldigVanaf})`,
      );
      console.log(`\n${gemeente} on ${peildatum}: ${regelingen.join('; ')}`);
      const stapUitleg = Math.max(1, Math.floor(inst.aantal / inst.uitleg));
      const fasen: readonly [MotorNaam, number, number][] = [
        ['generator', inst.aantal, 1],
        ['batch', inst.aantal, 1],
        ['handgeschreven', inst.aantal, 1],
        ['uitleg', inst.uitleg, stapUitleg],
        ['zen', inst.aantal, 1],
        ['json-rules-engine', inst.jre, 1],
      ];
      // Ours and the hand-written rules take seconds, so one run is at the mercy of whatever else the
      // machine does; they run alternately, several times, and the fastest run of each counts.
      const herhaald = new Set<MotorNaam>(['batch', 'handgeschreven']);
      const volgorde = [
        fasen[0]!,
        ...Array.from({ length: inst.herhalingen }, () => fasen.filter(([m]) => herhaald.has(m))).flat(),
        ...fasen.slice(1).filter(([m]) => !herhaald.has(m)),
      ];
      const metingen = new Map<MotorNaam, Meting>();
      const stap = new Map<MotorNaam, number>();
      const bestand = (m: MotorNaam) => join(map, `${gemeente}-${m}.bin`);
      for (const [motor, aantal, s] of volgorde) {
        const nieuw = await draai(
          {
            motor,
            gemeente,
            peildatum,
            seed: inst.seed,
            aantal,
            stap: s,
            tussenstanden: motor === 'batch' ? [inst.jre] : [],
            blok: inst.blok,
            parallel: inst.parallel,
            bestand: motor === 'generator' ? null : bestand(motor),
          },
          `${gemeente.padEnd(10)} ${motor.padEnd(17)}`,
        );
        const vorige = metingen.get(motor);
        // The fastest run, with the highest peak memory of all runs.
        const meting =
          vorige === undefined
            ? nieuw
            : {
                ...(nieuw.seconden < vorige.seconden ? nieuw : vorige),
                piekRss: Math.max(nieuw.piekRss, vorige.piekRss),
              };
        metingen.set(motor, meting);
        stap.set(motor, s);
      }
      const vergelijkingen = new Map<MotorNaam, Vergelijking>();
      for (const [motor, , s] of fasen) {
        if (motor === 'generator' || motor === 'batch') continue;
        const v = vergelijkBestanden(bestand('batch'), bestand(motor), {
          aantal: metingen.get(motor)!.aantal,
          stap: s,
          breedte: BYTES_PER_CASUS,
        });
        vergelijkingen.set(motor, v);
        if (v.verschillen === 0) continue;
        mislukt = true;
        const maker = maakCasusmaker({ gemeente, peildatum, seed: inst.seed, aanbod: aanbodVan(p.plan) });
        console.error(
          `\n${gemeente}: ${NAAM[motor]} differs from ours on ${v.verschillen} cases; the first:`,
        );
        for (const x of v.voorbeelden) {
          console.error(`  case ${x.casus}: ${JSON.stringify(maker.casus(x.casus))}`);
          console.error(`    ours: ${uitkomstenTekst(x.referentie)}`);
          console.error(`    it:   ${uitkomstenTekst(x.peer)}`);
        }
      }
      const uitslag: Uitslag = {
        gemeente,
        peildatum,
        regelingen,
        metingen,
        vergelijkingen,
        stap,
        codes: telCodes(bestand('batch'), inst.aantal, BYTES_PER_CASUS),
      };
      uitslagen.push(uitslag);
      console.log(`\n${tekstTabel(tabelRijen(uitslag))}`);
      for (const motor of fasen.map((f) => f[0])) rmSync(bestand(motor), { force: true });
    }
    if (inst.gemeenten.includes('dinkelland')) {
      console.log(`\nimpact: reintegratie impact over ${getal(inst.aantal)} generated cases…`);
      impact = await meetImpact(schrijfOntwerp(map), inst.aantal);
      console.log(
        `impact: ${seconden(impact.seconden)} s, ${getal(impact.gewijzigd)} cases change, yearly cost ${impact.verschilCent >= 0 ? '+' : ''}${getal(impact.verschilCent / 100)} euro`,
      );
    }
  } finally {
    rmSync(map, { recursive: true, force: true });
  }

  const wandklok = (performance.now() - START) / 1000;
  const behaald = doelen(uitslagen, wandklok, impact);
  console.log('\nTargets:');
  for (const d of behaald)
    console.log(`  ${d.gehaald ? 'held    ' : 'NOT held'}  ${d.gemeente.padEnd(10)} ${d.doel}: ${d.gemeten}`);
  if (mislukt) console.error('\nFAILED: the engines do not agree on every case (see above).');

  writeFileSync(
    inst.uitvoer,
    rapport({
      inst,
      commando,
      datum,
      wandklok,
      belastingVoor,
      bronVoor,
      uitslagen,
      behaald,
      mislukt,
      impact,
    }),
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
  impact: ImpactMeting | null;
}): string {
  const { inst } = r;
  const regels: string[] = [];
  regels.push('# Engine bench');
  regels.push('');
  // The working tree is shared: say so when the sources changed while the engines ran.
  const bron = bronTekst(r.bronVoor, bronstand());
  regels.push(
    `Command: \`${r.commando}\` (${r.datum} UTC, ${seconden(r.wandklok)} s in all). Source: ${bron}.`,
  );
  regels.push('');
  const belastingNa = belasting();
  regels.push(`Machine: ${machine()}. Load average before ${r.belastingVoor}, after ${belastingNa}.`);
  regels.push('');
  const hoogste = Math.max(...`${r.belastingVoor} ${belastingNa}`.split(' ').map(Number));
  if (hoogste > cpus().length) {
    regels.push(
      `The machine was busy with other work during this run (load up to ${hoogste.toFixed(1)} on ` +
        `${cpus().length} cores): where a single-threaded engine's CPU seconds are below its seconds, ` +
        'it waited for a core, and its cases/s understate it.',
    );
    regels.push('');
  }
  if (r.mislukt) {
    regels.push('**FAILED: the engines do not agree on every case; the figures below do not count.**');
    regels.push('');
  }
  const jreDeel = inst.jre < inst.aantal;
  regels.push(
    `Cases: ${getal(inst.aantal)} generated cases per ordinance (seed ${inst.seed}) for ours, the ` +
      `hand-written rules and Zen; ${
        jreDeel
          ? `**json-rules-engine judged only the first ${getal(inst.jre)} of them** (too slow for all within the bench's time; \`--volledig\` runs it on all), and its ratio is against ours on those same cases`
          : 'json-rules-engine judged all of them too'
      }; ours with full explanations judged ${getal(inst.uitleg)} cases spread over the stream.`,
  );
  regels.push('');
  regels.push(
    'How: every engine runs in a child process of its own (bench/motor.ts) that generates the same ' +
      'deterministic stream in chunks of 4,096 cases and writes one outcome code per voorziening per case ' +
      'to a file; the bench compares the files case by case against ours (batch), so every case that more ' +
      'than one engine judged is checked. Seconds count the engine only: generating the cases and writing ' +
      'the codes are outside the clock (the generator row shows what that costs). ' +
      `Ours (batch) and the hand-written rules ran ${inst.herhalingen === 1 ? 'once each' : `${inst.herhalingen} times each, alternately, and the fastest run counts (their peak RSS is the highest of all runs)`}; ` +
      'every other engine ran once. For json-rules-engine ' +
      'and Zen the conversion of a case to flat facts (bench/peers/feiten.ts: age, day numbers, the ' +
      'requested term) is inside their clock, as it is work they cannot do themselves. Peak RSS is each ' +
      "child's own maximum resident set (`process.resourceUsage().maxRSS`); every child loads the " +
      'regulation library and the case generator, so the generator row is the floor. Setup is what an ' +
      'engine builds before its first case once the library is loaded and the plan compiled (that shared ' +
      "part is the generator row's setup). Zen evaluates " +
      `${inst.parallel} cases concurrently on its native threads (its CPU seconds can exceed its seconds); ` +
      'json-rules-engine runs cases one after another (concurrent runs were slower). Each peer reuses one ' +
      'engine instance: Zen one decision from a precompiled `ZenDecisionContent`, json-rules-engine one ' +
      '`Engine` with shared named conditions and condition priorities for short-circuiting ' +
      '(bench/peers/json-rules.ts).',
  );
  for (const u of r.uitslagen) {
    regels.push('');
    regels.push(`## ${u.gemeente}, peildatum ${u.peildatum}`);
    regels.push('');
    regels.push(`Rules: ${u.regelingen.join('; ')}.`);
    regels.push('');
    regels.push(`Outcomes (ours, all judged voorzieningen of all cases): ${codesTekst(u.codes)}.`);
    regels.push('');
    regels.push(mdTabel(KOPPEN, tabelRijen(u), [1, 3, 4, 5, 6, 7, 8, 9]));
    regels.push('');
    for (const motor of VOLGORDE) {
      const m = u.metingen.get(motor);
      if (m) regels.push(`- ${NAAM[motor]}: ${m.toelichting}.`);
    }
    for (const [motor, v] of u.vergelijkingen)
      for (const x of v.voorbeelden.slice(0, 1))
        regels.push(
          `- first difference, ${NAAM[motor]}: case ${x.casus}: ours ${uitkomstenTekst(x.referentie)}; it ${uitkomstenTekst(x.peer)}.`,
        );
  }
  if (r.impact) {
    const i = r.impact;
    regels.push('');
    regels.push('## Impact run');
    regels.push('');
    regels.push(
      `\`${i.commando}\`: a draft of the Dinkelland ordinance (bench/impact.ts: premie participatieplaats ` +
        `€ 150 → € 200, participatieplaats from age 27 → 30) against the version in force, on ${IMPACT_DATUM}. ` +
        `${getal(i.casussen)} generated cases in ${seconden(i.seconden)} s wall clock, start to exit of the CLI ` +
        `process (loading, compiling, generating and judging under both versions): ${getal(i.gewijzigd)} cases ` +
        `change outcome, yearly cost difference ${(i.verschilCent / 100).toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' })}.`,
    );
  }
  regels.push('');
  regels.push('## Targets');
  regels.push('');
  regels.push(
    mdTabel(
      ['ordinance', 'target', 'measured', 'held'],
      r.behaald.map((d) => [d.gemeente, d.doel, d.gemeten, d.gehaald ? 'yes' : '**no**']),
      [],
    ),
  );
  regels.push('');
  return regels.join('\n');
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  },
);
