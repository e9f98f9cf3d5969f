/**
 * One engine of `npm run bench` (bench/run.ts) in a process of its own, so its peak memory is its own.
 * It generates the same deterministic case stream as every other engine, in chunks, and times only
 * the engine: generating a chunk and writing its outcome codes (18 bytes a case, in slot order) to a
 * file happen outside the clock. A peer's conversion to flat facts (peers/feiten.ts) is inside it.
 *
 * Started by the bench with `fork`; the task comes as JSON in argv[2], progress and the measurement
 * go back over the IPC channel.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { aanbodVan, maakCasusmaker } from '../src/caseload/index.ts';
import type { Casus } from '../src/casus/index.ts';
import { CODE_VAN_UITKOMST, maakBatch, NIET_BEOORDEELD, SLOT_VAN, SLOTEN } from '../src/engine/batch.ts';
import { type Engine, maakEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';

export const MOTOREN = [
  'generator',
  'batch',
  'uitleg',
  'handgeschreven',
  'zen',
  'json-rules-engine',
] as const;
export type MotorNaam = (typeof MOTOREN)[number];

export interface Opdracht {
  readonly motor: MotorNaam;
  readonly gemeente: string;
  readonly peildatum: string;
  readonly seed: number;
  /** How many cases: numbers 0, stap, 2·stap, … */
  readonly aantal: number;
  readonly stap: number;
  /** Case counts at which the elapsed engine time is noted too (to compare on the same prefix). */
  readonly tussenstanden: readonly number[];
  readonly blok: number;
  /** Cases Zen has in flight at once. */
  readonly parallel: number;
  /** Where the outcome codes go; none for the generator. */
  readonly bestand: string | null;
}

export interface Meting {
  readonly motor: MotorNaam;
  readonly aantal: number;
  /** Engine time only (wall clock), and the CPU time of the whole process over the same stretches. */
  readonly seconden: number;
  readonly cpuSeconden: number;
  /** Engine time up to each tussenstand. */
  readonly tussentijden: Readonly<Record<string, number>>;
  /** Building the engine's rules once the library is loaded and the plan compiled (for the generator: that). */
  readonly opbouwSeconden: number;
  /** Peak resident set size of this process (bytes). */
  readonly piekRss: number;
  readonly toelichting: string;
}

export type Melding =
  | { readonly soort: 'voortgang'; readonly gedaan: number }
  | { readonly soort: 'klaar'; readonly meting: Meting }
  | { readonly soort: 'fout'; readonly bericht: string };

export const BYTES_PER_CASUS = SLOTEN.length;

/** Judges a chunk of cases into their 18-byte views; may be async (the peers' APIs are). */
type Beoordelaar = (casussen: readonly Casus[], n: number, vakken: readonly Uint8Array[]) => unknown;

interface Motor {
  readonly beoordeel: Beoordelaar;
  readonly toelichting: string;
}

async function maakMotor(o: Opdracht, engine: Engine): Promise<Motor> {
  switch (o.motor) {
    case 'generator':
      return {
        beoordeel: () => undefined,
        toelichting:
          'generates the cases and judges nothing; its setup is loading the regulation library and compiling the plan, which every engine does first',
      };
    case 'batch': {
      const b = maakBatch(engine, o.gemeente, o.peildatum);
      if (!b.ok) throw new Error(b.fout.code);
      const batch = b.batch;
      return {
        beoordeel: (c, n, v) => {
          for (let i = 0; i < n; i++) batch.beoordeel(c[i]!, v[i]!);
        },
        toelichting: 'maakBatch (src/engine/batch.ts): outcome codes only',
      };
    }
    case 'uitleg': {
      let gronden = 0;
      let casussen = 0;
      return {
        beoordeel: (c, n, v) => {
          for (let i = 0; i < n; i++) {
            const r = engine.evalueer(c[i]);
            if (!r.ok) throw new Error(`evalueer weigert casus: ${r.fout.code}`);
            const uit = v[i]!;
            uit.fill(NIET_BEOORDEELD);
            for (const u of r.resultaat.voorzieningen) {
              uit[SLOT_VAN.get(u.voorziening)!] = CODE_VAN_UITKOMST[u.uitkomst];
              gronden += u.gronden.length;
            }
            casussen++;
          }
        },
        get toelichting() {
          return `engine.evalueer: the full result with grounds per article, questions, terms and amounts (${(gronden / Math.max(1, casussen)).toFixed(1)} grounds per case on average)`;
        },
      };
    }
    case 'handgeschreven': {
      const modules = {
        dinkelland: () => import('./handgeschreven/dinkelland.ts'),
        groningen: () => import('./handgeschreven/groningen.ts'),
      } as const;
      const laad = modules[o.gemeente as keyof typeof modules];
      if (!laad) throw new Error(`geen handgeschreven regels voor ${o.gemeente}`);
      const { beoordeel } = await laad();
      return {
        beoordeel: (c, n, v) => {
          for (let i = 0; i < n; i++) beoordeel(c[i]!, v[i]!);
        },
        toelichting: `bench/handgeschreven/${o.gemeente}.ts`,
      };
    }
    case 'zen': {
      const { maakRegelboom } = await import('./peers/regelboom.ts');
      const { maakVlakkeFeiten } = await import('./peers/feiten.ts');
      const { maakZenPeer } = await import('./peers/zen.ts');
      const boom = maakRegelboom(engine, o.gemeente, o.peildatum);
      const vlak = maakVlakkeFeiten(boom);
      const zen = maakZenPeer(boom);
      process.once('exit', () => zen.sluit());
      const par = o.parallel;
      return {
        beoordeel: async (c, n, v) => {
          const lopend: Promise<void>[] = [];
          for (let i = 0; i < n; i += par) {
            lopend.length = 0;
            for (let j = i; j < Math.min(n, i + par); j++) lopend.push(zen.beoordeel(vlak(c[j]!), v[j]!));
            await Promise.all(lopend);
          }
        },
        toelichting: `one JDM decision (${Math.round(JSON.stringify(zen.beslissing).length / 1024)} kB) from a ZenDecisionContent, ${par} cases in flight`,
      };
    }
    case 'json-rules-engine': {
      const { maakRegelboom } = await import('./peers/regelboom.ts');
      const { maakVlakkeFeiten } = await import('./peers/feiten.ts');
      const { maakJsonRulesPeer } = await import('./peers/json-rules.ts');
      const boom = maakRegelboom(engine, o.gemeente, o.peildatum);
      const vlak = maakVlakkeFeiten(boom);
      const jre = maakJsonRulesPeer(boom);
      return {
        beoordeel: async (c, n, v) => {
          for (let i = 0; i < n; i++) await jre.beoordeel(vlak(c[i]!), v[i]!);
        },
        toelichting: `${jre.aantalRegels} rules, ${jre.aantalCondities} shared conditions, one Engine, cases one after another`,
      };
    }
  }
}

export async function voerUit(o: Opdracht, meld: (m: Melding) => void): Promise<Meting> {
  const tb = performance.now();
  const b = laadBibliotheek();
  if (!b.ok) throw new Error(`regelgeving laadt niet: ${b.fouten[0]?.bericht ?? ''}`);
  const engine = maakEngine(b.waarde);
  const p = engine.planOp(o.gemeente, o.peildatum);
  if (!p.ok) throw new Error(p.fout.code);
  const maker = maakCasusmaker({
    gemeente: o.gemeente,
    peildatum: o.peildatum,
    seed: o.seed,
    aanbod: aanbodVan(p.plan),
  });

  const t0 = performance.now();
  const motor = await maakMotor(o, engine);
  // What every engine shares (library and plan) is the generator's setup; the others report their own.
  const opbouwSeconden = (performance.now() - (o.motor === 'generator' ? tb : t0)) / 1000;

  const buffer = new Uint8Array(o.blok * BYTES_PER_CASUS);
  const vakken = Array.from({ length: o.blok }, (_, i) =>
    buffer.subarray(i * BYTES_PER_CASUS, (i + 1) * BYTES_PER_CASUS),
  );
  const casussen: Casus[] = new Array<Casus>(o.blok);
  const fd = o.bestand === null ? null : openSync(o.bestand, 'w');
  const grenzen = [...o.tussenstanden.filter((t) => t > 0 && t < o.aantal), o.aantal].sort((a, b) => a - b);
  const tussentijden: Record<string, number> = {};
  const generator = o.motor === 'generator';
  let ms = 0;
  let cpuMicro = 0;
  let gedaan = 0;
  for (const grens of grenzen) {
    while (gedaan < grens) {
      const n = Math.min(o.blok, grens - gedaan);
      const tg = performance.now();
      const cg = process.cpuUsage();
      for (let i = 0; i < n; i++) casussen[i] = maker.casus((gedaan + i) * o.stap);
      if (generator) {
        // The generator's own figure: what every engine's run spends outside its clock.
        ms += performance.now() - tg;
        const c = process.cpuUsage(cg);
        cpuMicro += c.user + c.system;
      } else {
        const t = performance.now();
        const c0 = process.cpuUsage();
        const r = motor.beoordeel(casussen, n, vakken);
        if (r instanceof Promise) await r;
        ms += performance.now() - t;
        const c = process.cpuUsage(c0);
        cpuMicro += c.user + c.system;
      }
      if (fd !== null) writeSync(fd, buffer, 0, n * BYTES_PER_CASUS);
      gedaan += n;
      meld({ soort: 'voortgang', gedaan });
    }
    tussentijden[String(grens)] = ms / 1000;
  }
  if (fd !== null) closeSync(fd);
  return {
    motor: o.motor,
    aantal: gedaan,
    seconden: ms / 1000,
    cpuSeconden: cpuMicro / 1e6,
    tussentijden,
    opbouwSeconden,
    piekRss: process.resourceUsage().maxRSS * 1024,
    toelichting: motor.toelichting,
  };
}

// Run as a child of the bench: do the task, report, leave.
if (process.send && process.argv[2]) {
  const stuur = (m: Melding) => process.send!(m);
  const opdracht = JSON.parse(process.argv[2]) as Opdracht;
  voerUit(opdracht, stuur).then(
    (meting) => process.send!({ soort: 'klaar', meting } satisfies Melding, () => process.exit(0)),
    (e: unknown) =>
      process.send!(
        { soort: 'fout', bericht: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies Melding,
        () => process.exit(1),
      ),
  );
}
