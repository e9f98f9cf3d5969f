import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The impact run as a policy officer starts it: `reintegratie impact` (the built CLI) against a draft
 * of the Dinkelland ordinance that raises the participatieplaats premie from € 150 to € 200 and the
 * participatieplaats age from 27 to 30 (so both amounts and outcomes change). Timed from start to exit
 * of the CLI process, so loading, checking the draft, compiling and generating or reading all count;
 * the CPU seconds are the process's own (all its threads), reported by bench/cpu-bij-einde.mjs.
 */
export interface ImpactMeting {
  readonly naam: string;
  readonly commando: string;
  readonly seconden: number;
  readonly cpuSeconden: number;
  readonly piekRssMb: number;
  readonly casussen: number;
  readonly gewijzigd: number;
  readonly verschilCent: number;
  /** The counts of the report, to hold the sources against each other. */
  readonly cijfers: string;
}

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'reintegratie.js');
export const IMPACT_DATUM = '2016-06-01';

export function schrijfOntwerp(map: string): string {
  const bron = readFileSync(
    join(ROOT, 'regelgeving/gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml'),
    'utf8',
  );
  // Dinkelland rests on the Twente model: the age condition stands in the model, so the draft states
  // it again (a condition with the same id replaces the model's).
  const leeftijd = [
    '  participatieplaats:',
    '    voorwaarden:',
    '      - id: leeftijd',
    '        artikel: "15"',
    '        lid: 1',
    '        toets: { feit: leeftijd, tenMinste: 30 }',
    '        uitleg: { ja: "U bent {leeftijd} jaar. Dat is 30 jaar of ouder.", nee: "U bent {leeftijd} jaar." }',
  ].join('\n');
  const ontwerp = bron
    .replace('bedrag: 150.00, bron: art. 15 lid 5', 'bedrag: 200.00, bron: art. 15 lid 5 (ontwerp)')
    .replace('\n  participatieplaats:\n    bedragen:', `\n${leeftijd}\n    bedragen:`);
  if (!ontwerp.includes('(ontwerp)') || !ontwerp.includes('tenMinste: 30'))
    throw new Error('het ontwerp voor de impactmeting past niet meer op de Dinkelland-verordening');
  const pad = join(map, 'ontwerp', '2015-07-01.yaml');
  mkdirSync(join(map, 'ontwerp'), { recursive: true });
  writeFileSync(pad, ontwerp);
  return pad;
}

/** Runs the built CLI with these arguments; stdout, seconds from spawn to exit, and its own usage. */
export function draaiCli(
  args: readonly string[],
): Promise<{ uit: string; seconden: number; cpuSeconden: number; piekRssMb: number }> {
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    const { REINTEGRATIE_BRON: _bron, ...env } = process.env;
    const kind = spawn(
      process.execPath,
      ['--import', join(import.meta.dirname, 'cpu-bij-einde.mjs'), BIN, ...args],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit', 'pipe'] },
    );
    let uit = '';
    let gebruik = '';
    kind.stdout!.on('data', (d: Buffer) => (uit += d.toString()));
    kind.stdio[3]!.on('data', (d: Buffer) => (gebruik += d.toString()));
    kind.on('error', reject);
    kind.on('close', (code) => {
      const seconden = (performance.now() - begin) / 1000;
      if (code !== 0) return reject(new Error(`reintegratie ${args[0]} stopte met code ${code}`));
      const r = JSON.parse(gebruik) as { userCPUTime: number; systemCPUTime: number; maxRSS: number };
      resolve({
        uit,
        seconden,
        cpuSeconden: (r.userCPUTime + r.systemCPUTime) / 1e6,
        piekRssMb: Math.round(r.maxRSS / 1024),
      });
    });
  });
}

export async function meetImpact(
  naam: string,
  ontwerp: string,
  bron: readonly string[],
  threads: number | undefined,
): Promise<ImpactMeting> {
  const args = [
    'impact',
    '--to',
    ontwerp,
    '--date',
    IMPACT_DATUM,
    ...bron,
    ...(threads === undefined ? [] : ['--threads', String(threads)]),
    '--json',
  ];
  const r = await draaiCli(args);
  const rapport = JSON.parse(r.uit) as {
    casussen: number;
    gewijzigd: number;
    jaarlast: { verschilCent: number };
    voorzieningen: unknown;
  };
  return {
    naam,
    commando: `reintegratie ${args
      .join(' ')
      .replace(ontwerp, '<ontwerp>/2015-07-01.yaml')
      .replace(/--cases \S+/, '--cases <caseload.ndjson>')}`,
    seconden: r.seconden,
    cpuSeconden: r.cpuSeconden,
    piekRssMb: r.piekRssMb,
    casussen: rapport.casussen,
    gewijzigd: rapport.gewijzigd,
    verschilCent: rapport.jaarlast.verschilCent,
    cijfers: JSON.stringify([rapport.casussen, rapport.gewijzigd, rapport.jaarlast, rapport.voorzieningen]),
  };
}

/**
 * The four impact rows: generated cases on one thread and on one thread per core, and the same
 * caseload from an NDJSON file (written first by `reintegratie caseload`, outside the clock) on one
 * thread and on the default, one per core for a file this size.
 */
export async function meetImpactRijen(
  map: string,
  aantal: number,
  log: (t: string) => void,
): Promise<{ rijen: ImpactMeting[]; bestandMb: number }> {
  const ontwerp = schrijfOntwerp(map);
  const gegenereerd = ['--generated', String(aantal), '--seed', '1'];
  const rijen: ImpactMeting[] = [];
  const meet = async (naam: string, bron: readonly string[], threads: number | undefined) => {
    log(`impact: ${naam}…`);
    const m = await meetImpact(naam, ontwerp, bron, threads);
    log(`impact: ${naam}: ${m.seconden.toFixed(2)} s (CPU ${m.cpuSeconden.toFixed(2)} s)`);
    rijen.push(m);
  };
  await meet('generated, 1 thread', gegenereerd, 1);
  await meet('generated, 1 thread per core', gegenereerd, undefined);
  const ndjson = join(map, 'caseload.ndjson');
  log(`impact: writing ${aantal.toLocaleString('en-US')} cases as NDJSON (not timed)…`);
  await draaiCli([
    'caseload',
    '--gemeente',
    'dinkelland',
    '--date',
    IMPACT_DATUM,
    ...gegenereerd,
    '--out',
    ndjson,
  ]);
  const bestandMb = Math.round(statSync(ndjson).size / 1024 / 1024);
  try {
    await meet('NDJSON, 1 thread', ['--cases', ndjson], 1);
    await meet('NDJSON, 1 thread per core', ['--cases', ndjson], undefined);
  } finally {
    rmSync(ndjson, { force: true });
  }
  return { rijen, bestandMb };
}
