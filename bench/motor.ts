/**
 * One engine of `npm run bench` (bench/run.ts) in a process of its own, so its peak memory is its own.
 * It generates the same deterministic case stream as every other engine, in chunks, and times only
 * the engine: generating a chunk and writing its outcome codes (a byte per slot of the batch, see
 * `slotenVan`) to a file happen outside the clock. A peer's conversion to flat facts (peers/feiten.ts) is inside it.
 * Engines that compute a premie and a term besides the outcome write those too (8 bytes a case, see
 * BYTES_PER_BEDRAG), so the bench can hold them against each other. The warm explained row
 * (`uitleg-warm`) judges all its cases once before its clock starts, in the same process.
 *
 * Started by the bench with `fork`; the task comes as JSON in argv[2], progress and the measurement
 * go back over the IPC channel.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { aanbodVan, maakCasusmaker } from '../src/caseload/index.ts';
import type { Casus } from '../src/casus/index.ts';
import { CODE_VAN_UITKOMST, maakBatch, NIET_BEOORDEELD, perJaar } from '../src/engine/batch.ts';
import {
  type Engine,
  maakEngine,
  type Plan,
  type SnelleEngine,
  type VoorzieningUitkomst,
} from '../src/engine/index.ts';
import { naarDagnummer } from '../src/kalender/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';
import { type BedragEnEinde, NIET_BEREKEND } from './handgeschreven/getuned.ts';

export const MOTOREN = [
  'generator',
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
  /** Where the outcome codes go; none for the generator and the floors. */
  readonly bestand: string | null;
  /** Where premie and term go, for the engines that compute them. */
  readonly bedragBestand?: string | null;
  /** The warm explained row: timed passes over the cases after the warm-up (default 1). */
  readonly passen?: number;
}

/** Outcome counts per code (afgewezen, toegestaan, onbepaald, ter beoordeling). */
export type Mix = readonly [number, number, number, number];

export interface Meting {
  readonly motor: MotorNaam;
  readonly aantal: number;
  /** Bytes a case in the outcome file: one per slot of the batch (`slotenVan`). */
  readonly breedte: number;
  /** Engine time only (wall clock), and the CPU time of the whole process over the same stretches. */
  readonly seconden: number;
  readonly cpuSeconden: number;
  /** Engine time up to each tussenstand (wall clock and CPU). */
  readonly tussentijden: Readonly<Record<string, number>>;
  readonly tussenCpu: Readonly<Record<string, number>>;
  /** Building the engine's rules once the library is loaded and the plan compiled (for the generator: that). */
  readonly opbouwSeconden: number;
  /** Peak resident set size of this process (bytes). */
  readonly piekRss: number;
  readonly toelichting: string;
  /**
   * The warm explained row only: evaluations the engine counted before the clock (the warm-up pass)
   * and under it, the UTF-8 bytes of JSON text of one timed pass, and each timed pass's time (the
   * figures above are those of the median pass).
   */
  readonly warm?: {
    readonly opwarmen: number;
    readonly gemeten: number;
    readonly bytes: number;
    readonly passen: readonly { readonly seconden: number; readonly cpuSeconden: number }[];
  };
  /** The batch only: outcomes per requested voorziening, and of cases without a request. */
  readonly mix?: { readonly perAanvraag: Readonly<Record<string, Mix>>; readonly zonderAanvraag: Mix };
}

export type Melding =
  | { readonly soort: 'voortgang'; readonly gedaan: number }
  | { readonly soort: 'klaar'; readonly meting: Meting }
  | { readonly soort: 'fout'; readonly bericht: string };

/**
 * The slots of a case's outcome codes on this plan, as maakBatch writes them: the national
 * voorzieningen, then those the gemeente's regulations declare. Every engine's file has this width.
 */
export function slotenVan(plan: Plan): readonly string[] {
  return plan.vocabulaire.voorzieningIds;
}
/** Premie as cents per year and the last day of the term (day number), two int32 a case. */
export const BYTES_PER_BEDRAG = 8;

/** Judges a chunk of cases into their views (a byte per slot) and, where it can, premie and term. */
type Beoordelaar = (
  casussen: readonly Casus[],
  n: number,
  vakken: readonly Uint8Array[],
  bedragen: Int32Array,
) => unknown;

interface Motor {
  readonly beoordeel: Beoordelaar;
  readonly toelichting: string;
  readonly mix?: Meting['mix'];
}

/** What our explained result says of the premie and the term of the voorziening asked for. */
function bedragEnEindeVan(u: VoorzieningUitkomst, uit: BedragEnEinde): void {
  const premie = u.bedragen.premie;
  const factor = premie ? perJaar(premie.per) : undefined;
  // An amount with a reservation is not certain yet: counted as none, as the hand-written peer does.
  uit.bedragJaarCent =
    premie && premie.cent !== null && !premie.voorbehoud && factor !== undefined
      ? Math.round(premie.cent * factor)
      : 0;
  const einde = u.termijnen.maximaleEinddatum;
  uit.eindeDag = einde ? naarDagnummer(einde) : -1;
}

function leegMix(): [number, number, number, number] {
  return [0, 0, 0, 0];
}

async function maakMotor(o: Opdracht, engine: Engine, slotVan: ReadonlyMap<string, number>): Promise<Motor> {
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
      const perAanvraag: Record<string, [number, number, number, number]> = {};
      const zonderAanvraag = leegMix();
      return {
        beoordeel: (c, n, v) => {
          for (let i = 0; i < n; i++) batch.beoordeel(c[i]!, v[i]!);
        },
        toelichting:
          'maakBatch (src/engine/batch.ts), `batch.beoordeel(casus, codes)`: one outcome code per voorziening, nothing else',
        // Counted outside the clock, from the codes just written (see voerUit).
        mix: { perAanvraag, zonderAanvraag },
      };
    }
    case 'uitleg': {
      const evalueerJson = (engine as SnelleEngine).evalueerJson;
      let gronden = 0;
      let tekens = 0;
      let casussen = 0;
      const be: BedragEnEinde = { bedragJaarCent: 0, eindeDag: 0 };
      return {
        beoordeel: (c, n, v, bedragen) => {
          for (let i = 0; i < n; i++) {
            // What the API hands on: the whole result as JSON text.
            const r = evalueerJson(c[i]);
            if (!r.ok) throw new Error(`evalueer weigert casus: ${r.fout.code}`);
            tekens += r.json.length;
            const uit = v[i]!;
            uit.fill(NIET_BEOORDEELD);
            for (const u of r.resultaat.voorzieningen) {
              uit[slotVan.get(u.voorziening)!] = CODE_VAN_UITKOMST[u.uitkomst];
              gronden += u.gronden.length;
            }
            const gevraagd = c[i]!.aanvraag ? r.resultaat.voorzieningen[0] : undefined;
            if (gevraagd) bedragEnEindeVan(gevraagd, be);
            else be.bedragJaarCent = be.eindeDag = NIET_BEREKEND;
            bedragen[2 * i] = be.bedragJaarCent;
            bedragen[2 * i + 1] = be.eindeDag;
            casussen++;
          }
        },
        get toelichting() {
          const per = Math.max(1, casussen);
          const telling = (engine as SnelleEngine).uitleg;
          const terug = Object.values(telling.terugval).reduce((a, b) => a + b, 0);
          const redenen = Object.entries(telling.terugval)
            .filter(([, n]) => n > 0)
            .map(([r, n]) => `${r} ${((100 * n) / Math.max(1, telling.gecompileerd + terug)).toFixed(1)}%`)
            .join(', ');
          return `\`engine.evalueerJson(casus)\`, the result as JSON text (the compiled path, src/engine/uitleg/, which writes shared grounds' text once and hands what it does not cover to the reference, whose result is \`JSON.stringify\`-ed), inside the clock: grounds per article with their sentences, questions, terms and amounts (${(gronden / per).toFixed(1)} grounds, ${Math.round(tekens / per).toLocaleString('en-US')} characters of JSON per case on average); ${((100 * telling.gecompileerd) / Math.max(1, telling.gecompileerd + terug)).toFixed(1)}% of evaluations on the compiled path${redenen ? `, to the reference: ${redenen}` : ''}`;
        },
      };
    }
    case 'uitleg-warm':
      throw new Error('de warme uitleg meet warmeUitleg, niet een motor per blok');
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
        toelichting: `bench/handgeschreven/${o.gemeente}.ts: the rules written out as functions over the case, four-valued`,
      };
    }
    case 'handgeschreven-getuned': {
      const { getuned } = await import('./handgeschreven/getuned.ts');
      const peer = getuned[o.gemeente];
      if (!peer) throw new Error(`geen handgeschreven regels voor ${o.gemeente}`);
      const be: BedragEnEinde = { bedragJaarCent: 0, eindeDag: 0 };
      return {
        beoordeel: (c, n, v, bedragen) => {
          for (let i = 0; i < n; i++) {
            peer.beoordeel(c[i]!, v[i]!);
            peer.bedragEnEinde(c[i]!, be);
            bedragen[2 * i] = be.bedragJaarCent;
            bedragen[2 * i + 1] = be.eindeDag;
          }
        },
        toelichting: `bench/handgeschreven/getuned.ts: the same rule functions as bench/handgeschreven/${o.gemeente}.ts with a tuned driver (the peildatum read once for the age, the offer as flat arrays), and it computes the participatieplaats premie and maximum term too (inside the clock)`,
      };
    }
    case 'zen':
    case 'zen-lus':
    case 'zen-vloer': {
      const { maakRegelboom } = await import('./peers/regelboom.ts');
      const { maakVlakkeFeiten } = await import('./peers/feiten.ts');
      const zenPeers = await import('./peers/zen.ts');
      const boom = maakRegelboom(engine, o.gemeente, o.peildatum);
      const vlak = maakVlakkeFeiten(boom);
      const par = o.parallel;
      if (o.motor === 'zen-lus') {
        const lus = zenPeers.maakZenLusPeer(boom);
        process.once('exit', () => lus.sluit());
        // A block goes out as several evaluations at once, so Zen's threads share it (measured
        // faster than one evaluation per block or one per case).
        const brok = 512;
        return {
          beoordeel: async (c, n, v) => {
            const lopend: Promise<void>[] = [];
            for (let i = 0; i < n; i += brok) {
              const eind = Math.min(n, i + brok);
              const facts: Record<string, unknown>[] = [];
              for (let j = i; j < eind; j++) facts.push(vlak(c[j]!));
              lopend.push(lus.beoordeel(facts, v.slice(i, eind)));
            }
            await Promise.all(lopend);
          },
          toelichting: `the same decision in Loop Mode (\`executionMode: loop\` on the expression node over an array of cases): one \`evaluate\` per ${brok} cases, the ${Math.ceil(o.blok / brok)} of a chunk in flight together`,
        };
      }
      if (o.motor === 'zen-vloer') {
        const vloer = zenPeers.maakZenVloer();
        process.once('exit', () => vloer.sluit());
        return {
          beoordeel: async (c, n) => {
            const lopend: Promise<unknown>[] = [];
            for (let i = 0; i < n; i += par) {
              lopend.length = 0;
              for (let j = i; j < Math.min(n, i + par); j++) lopend.push(vloer.beoordeel(vlak(c[j]!)));
              await Promise.all(lopend);
            }
          },
          toelichting: `a decision that computes one constant, on the same flat facts, ${par} cases in flight: the floor of any Zen decision called per case`,
        };
      }
      const zen = zenPeers.maakZenPeer(boom);
      process.once('exit', () => zen.sluit());
      return {
        beoordeel: async (c, n, v) => {
          const lopend: Promise<void>[] = [];
          for (let i = 0; i < n; i += par) {
            lopend.length = 0;
            for (let j = i; j < Math.min(n, i + par); j++) lopend.push(zen.beoordeel(vlak(c[j]!), v[j]!));
            await Promise.all(lopend);
          }
        },
        toelichting: `one JDM decision (${Math.round(JSON.stringify(zen.beslissing).length / 1024)} kB, four-valued in ranks) from a ZenDecisionContent, ${par} cases in flight`,
      };
    }
    case 'json-rules-engine':
    case 'jre-natuurlijk':
    case 'jre-vloer': {
      const { maakRegelboom } = await import('./peers/regelboom.ts');
      const { maakVlakkeFeiten } = await import('./peers/feiten.ts');
      const boom = maakRegelboom(engine, o.gemeente, o.peildatum);
      const vlak = maakVlakkeFeiten(boom);
      if (o.motor === 'jre-vloer') {
        const { maakJsonRulesVloer } = await import('./peers/json-rules-natuurlijk.ts');
        const vloer = maakJsonRulesVloer();
        return {
          beoordeel: async (c, n) => {
            for (let i = 0; i < n; i++) await vloer.beoordeel(vlak(c[i]!));
          },
          toelichting:
            'one rule with one condition on the same flat facts, cases one after another: the floor of any json-rules-engine run',
        };
      }
      if (o.motor === 'jre-natuurlijk') {
        const { maakNatuurlijkePeer } = await import('./peers/json-rules-natuurlijk.ts');
        const peer = maakNatuurlijkePeer(boom);
        return {
          beoordeel: async (c, n, v) => {
            for (let i = 0; i < n; i++) await peer.beoordeel(vlak(c[i]!), v[i]!);
          },
          toelichting: `${peer.aantalRegels} rules, one per voorziening, two-valued (granted or not; a missing fact fails its comparison), cases one after another (bench/peers/json-rules-natuurlijk.ts)`,
        };
      }
      const { maakJsonRulesPeer } = await import('./peers/json-rules.ts');
      const jre = maakJsonRulesPeer(boom);
      return {
        beoordeel: async (c, n, v) => {
          for (let i = 0; i < n; i++) await jre.beoordeel(vlak(c[i]!), v[i]!);
        },
        toelichting: `${jre.aantalRegels} rules (four per voorziening, one per outcome), ${jre.aantalCondities} shared conditions, one Engine, cases one after another (bench/peers/json-rules.ts)`,
      };
    }
  }
}

/** Counts the batch's codes per request (outside the clock). */
function telMix(
  mix: NonNullable<Meting['mix']>,
  slotVan: ReadonlyMap<string, number>,
  c: Casus,
  codes: Uint8Array,
): void {
  const a = c.aanvraag;
  if (a) {
    const m = ((mix.perAanvraag as Record<string, [number, number, number, number]>)[a.voorziening] ??=
      leegMix());
    const code = codes[slotVan.get(a.voorziening)!]!;
    if (code < 4) m[code]!++;
    return;
  }
  const z = mix.zonderAanvraag as [number, number, number, number];
  for (const code of codes) if (code < 4) z[code]!++;
}

/**
 * The explained path as a server that has been answering for a while meets it: the cold row's cases,
 * all judged once before the clock (so ground-tree entries, compiled voorzieningen and V8's optimised
 * code are in place and the compiler threads are done with them), then `passen` times under it
 * (one process for all passes keeps the row's cost to one warm-up). Under the clock, per case: `evalueerJson`, `Buffer.byteLength` of its text (which flattens it, as writing it
 * out would) and its outcome codes, so the bench still checks every answer against the batch.
 */
function warmeUitleg(
  o: Opdracht,
  engine: Engine,
  maker: ReturnType<typeof maakCasusmaker>,
  slotVan: ReadonlyMap<string, number>,
  breedte: number,
  meld: (m: Melding) => void,
): Meting {
  const { evalueerJson, uitleg: telling } = engine as SnelleEngine;
  const evaluaties = () => telling.gecompileerd + Object.values(telling.terugval).reduce((a, b) => a + b, 0);
  const casussen = Array.from({ length: o.aantal }, (_, i) => maker.casus(i * o.stap));
  const codes = new Uint8Array(o.aantal * breedte);
  const pas = (): number => {
    let bytes = 0;
    for (let i = 0; i < casussen.length; i++) {
      const r = evalueerJson(casussen[i]);
      if (!r.ok) throw new Error(`evalueer weigert casus: ${r.fout.code}`);
      bytes += Buffer.byteLength(r.json);
      const basis = i * breedte;
      codes.fill(NIET_BEOORDEELD, basis, basis + breedte);
      for (const u of r.resultaat.voorzieningen)
        codes[basis + slotVan.get(u.voorziening)!] = CODE_VAN_UITKOMST[u.uitkomst];
    }
    return bytes;
  };

  const t0 = performance.now();
  const voor = evaluaties();
  pas();
  const opbouwSeconden = (performance.now() - t0) / 1000;
  const opwarmen = evaluaties() - voor;
  const compiledVoor = telling.gecompileerd;

  const passen: { seconden: number; cpuSeconden: number }[] = [];
  let bytes = 0;
  for (let k = 0; k < (o.passen ?? 1); k++) {
    const t = performance.now();
    const c0 = process.cpuUsage();
    bytes = pas();
    const seconden = (performance.now() - t) / 1000;
    const c = process.cpuUsage(c0);
    passen.push({ seconden, cpuSeconden: (c.user + c.system) / 1e6 });
  }
  const { seconden, cpuSeconden } = [...passen].sort((a, b) => a.seconden - b.seconden)[
    (passen.length - 1) >> 1
  ]!;
  const gemeten = evaluaties() - voor - opwarmen;
  const gecompileerd = telling.gecompileerd - compiledVoor;

  if (o.bestand !== null) writeFileSync(o.bestand, codes);
  meld({ soort: 'voortgang', gedaan: o.aantal });
  return {
    motor: o.motor,
    aantal: o.aantal,
    breedte,
    seconden,
    cpuSeconden,
    tussentijden: { [String(o.aantal)]: seconden },
    tussenCpu: { [String(o.aantal)]: cpuSeconden },
    opbouwSeconden,
    piekRss: process.resourceUsage().maxRSS * 1024,
    toelichting:
      `the same \`engine.evalueerJson(casus)\` on the same cases as the cold row, in one process: every case judged once as a warm-up ` +
      `(its setup column, ${opbouwSeconden.toFixed(2)} s), then all of them again under the clock (${passen.length === 1 ? 'once' : `${passen.length} passes, each a run of the row`}), counting \`Buffer.byteLength\` of each JSON text ` +
      `(${Math.round(bytes / Math.max(1, o.aantal)).toLocaleString('en-US')} bytes a case) and writing the outcome codes as the cold row does; ` +
      `cases per CPU-second count the CPU time of that timed pass; ` +
      `${((100 * gecompileerd) / Math.max(1, gemeten)).toFixed(1)}% of the timed evaluations on the compiled path`,
    warm: { opwarmen, gemeten, bytes, passen },
  };
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

  const sloten = slotenVan(p.plan);
  const slotVan: ReadonlyMap<string, number> = new Map(sloten.map((v, i) => [v, i]));
  const breedte = sloten.length;
  if (o.motor === 'uitleg-warm') return warmeUitleg(o, engine, maker, slotVan, breedte, meld);

  const t0 = performance.now();
  const motor = await maakMotor(o, engine, slotVan);
  // What every engine shares (library and plan) is the generator's setup; the others report their own.
  const opbouwSeconden = (performance.now() - (o.motor === 'generator' ? tb : t0)) / 1000;

  const buffer = new Uint8Array(o.blok * breedte);
  const vakken = Array.from({ length: o.blok }, (_, i) => buffer.subarray(i * breedte, (i + 1) * breedte));
  const bedragen = new Int32Array(o.blok * 2);
  const casussen: Casus[] = new Array<Casus>(o.blok);
  const fd = o.bestand === null ? null : openSync(o.bestand, 'w');
  const fdBedrag = o.bedragBestand ? openSync(o.bedragBestand, 'w') : null;
  const grenzen = [...new Set([...o.tussenstanden.filter((t) => t > 0 && t < o.aantal), o.aantal])].sort(
    (a, b) => a - b,
  );
  const tussentijden: Record<string, number> = {};
  const tussenCpu: Record<string, number> = {};
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
        const r = motor.beoordeel(casussen, n, vakken, bedragen);
        if (r instanceof Promise) await r;
        ms += performance.now() - t;
        const c = process.cpuUsage(c0);
        cpuMicro += c.user + c.system;
      }
      if (motor.mix) for (let i = 0; i < n; i++) telMix(motor.mix, slotVan, casussen[i]!, vakken[i]!);
      if (fd !== null) writeSync(fd, buffer, 0, n * breedte);
      if (fdBedrag !== null) writeSync(fdBedrag, new Uint8Array(bedragen.buffer, 0, n * BYTES_PER_BEDRAG));
      gedaan += n;
      meld({ soort: 'voortgang', gedaan });
    }
    tussentijden[String(grens)] = ms / 1000;
    tussenCpu[String(grens)] = cpuMicro / 1e6;
  }
  if (fd !== null) closeSync(fd);
  if (fdBedrag !== null) closeSync(fdBedrag);
  return {
    motor: o.motor,
    aantal: gedaan,
    breedte,
    seconden: ms / 1000,
    cpuSeconden: cpuMicro / 1e6,
    tussentijden,
    tussenCpu,
    opbouwSeconden,
    piekRss: process.resourceUsage().maxRSS * 1024,
    toelichting: motor.toelichting,
    ...(motor.mix ? { mix: motor.mix } : {}),
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
