import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The impact run of issue 3 as a policy officer would start it: `reintegratie impact` over a generated
 * caseload, against a draft of the Dinkelland ordinance that raises the participatieplaats premie from
 * € 150 to € 200 and the participatieplaats age from 27 to 30 (so both amounts and outcomes change).
 * Timed from start to exit of the real CLI process, so loading, compiling and streaming all count.
 */
export interface ImpactMeting {
  readonly commando: string;
  readonly seconden: number;
  readonly casussen: number;
  readonly gewijzigd: number;
  readonly verschilCent: number;
}

const ROOT = join(import.meta.dirname, '..');
export const IMPACT_DATUM = '2016-06-01';

export function schrijfOntwerp(map: string): string {
  const bron = readFileSync(
    join(ROOT, 'regelgeving/gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml'),
    'utf8',
  );
  const ontwerp = bron
    .replace('waarde: 15000, bron: art. 15 lid 5', 'waarde: 20000, bron: art. 15 lid 5 (ontwerp)')
    .replace('toets: { feit: leeftijd, tenMinste: 27 }', 'toets: { feit: leeftijd, tenMinste: 30 }');
  if (ontwerp.split('\n').filter((r, i) => r !== bron.split('\n')[i]).length !== 2)
    throw new Error('het ontwerp voor de impactmeting past niet meer op de Dinkelland-verordening');
  const pad = join(map, 'ontwerp', '2015-07-01.yaml');
  mkdirSync(join(map, 'ontwerp'), { recursive: true });
  writeFileSync(pad, ontwerp);
  return pad;
}

export function meetImpact(ontwerp: string, aantal: number): Promise<ImpactMeting> {
  const args = ['impact', '--to', ontwerp, '--date', IMPACT_DATUM, '--generated', String(aantal), '--json'];
  return new Promise((resolve, reject) => {
    const begin = performance.now();
    const kind = spawn(process.execPath, [join(ROOT, 'bin', 'reintegratie.js'), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let uit = '';
    kind.stdout.on('data', (d: Buffer) => {
      uit += d.toString();
    });
    kind.on('error', reject);
    kind.on('exit', (code) => {
      const seconden = (performance.now() - begin) / 1000;
      if (code !== 0) return reject(new Error(`reintegratie impact stopte met code ${code}`));
      const r = JSON.parse(uit) as {
        casussen: number;
        gewijzigd: number;
        jaarlast: { verschilCent: number };
      };
      resolve({
        commando: `reintegratie ${args.join(' ').replace(ontwerp, '<ontwerp>/2015-07-01.yaml')}`,
        seconden,
        casussen: r.casussen,
        gewijzigd: r.gewijzigd,
        verschilCent: r.jaarlast.verschilCent,
      });
    });
  });
}
