/**
 * Every yaml example in docs/regelgeving.md is checked here, so the guide cannot drift from the code.
 * A fenced block says what it is in its info string, "```yaml <soort> [naam]":
 *
 * - `yaml regeling [naam]`: a step of the tutorial. The steps with one naam (none: the tutorial's
 *   Voorbeeldgemeente) are merged in order into one regulation file (maps key by key, lists appended,
 *   a plain value replaced), which must load, together with the shipped tree, without errors.
 * - `yaml testgevallen`: conformance cases, merged the same way into one test file. Every case must
 *   pass through the real runner against the shipped tree plus the tutorial's files.
 * - `yaml fout` / `yaml fout testgevallen`: a mistake. Merged onto the finished tutorial file (or its
 *   test file) it must be refused; the block quotes the Dutch message in a line `# melding: <tekst>`,
 *   which must stand in one of the errors as `<pad>: <bericht>`. A block that is not YAML at all is
 *   read alone, and its parse error must carry the message.
 * - `yaml naslag`: a reference fragment of a municipal regulation, merged onto the finished tutorial
 *   file: it must load without errors (schema and rules, as `reintegratie validate` checks them).
 * - `yaml naslag <schema>`: a fragment checked against that schema alone (`SCHEMAS` below): for keys
 *   only the national layer writes, which a municipal file cannot show.
 * - `yaml uittreksel <bestand>`: an abridged excerpt of a real file of the repository: every key and
 *   value in it must stand in that file (a list item matches some item; "…" in a text leaves out a part).
 *
 * Blocks marked `sh` or `text` (commands, a folder tree) are not checked. A block without a language
 * or in another one, or a yaml block without one of these kinds, fails the test, so nobody adds an
 * unchecked example. The
 * sections other branches append below the `<!-- naslag -->` marker (`## Naslag: …`) follow the
 * same rules. Finally every key the regulation and test schemas know must appear in some checked block.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import { maakEngine } from '../src/engine/index.ts';
import { regelgevingSchemas } from '../src/regelgeving/schema.ts';
import { formatteerFout, laadBibliotheek, leesYaml, STANDAARD_WORTEL } from '../src/regelgeving/index.ts';
import { getalSchema, toetsSchema } from '../src/regels/schema.ts';
import { draaiTestbestand, leesTestbestand } from '../src/testgevallen/index.ts';
import { testbestandSchema, verwachtSchema, verwachtVoorzieningSchema } from '../src/testgevallen/schema.ts';

const { bedragSchema, duurSchema, parameterSchema, regelingSchema, voorzieningSchema, voorwaardeSchema } =
  regelgevingSchemas();

const GIDS = join(import.meta.dirname, '..', 'docs', 'regelgeving.md');
const REPO = join(import.meta.dirname, '..');
const HOOFD = 'voorbeeldgemeente';

/** The schemas a `yaml naslag <schema>` block may name. */
const SCHEMAS: Record<string, z.ZodType> = {
  voorziening: voorzieningSchema,
  voorwaarde: voorwaardeSchema,
  duur: duurSchema,
  bedrag: bedragSchema,
  parameter: parameterSchema,
  toets: toetsSchema,
  getal: getalSchema,
  regeling: regelingSchema,
};

interface Blok {
  readonly regel: number;
  readonly kop: string;
  readonly taal: string;
  readonly soort: string;
  readonly naam: string | undefined;
  readonly tekst: string;
}

/** The fenced blocks of the guide, with the line they start on and the heading they stand under. */
export function blokken(md: string): Blok[] {
  const uit: Blok[] = [];
  const regels = md.split('\n');
  let kop = '';
  for (let i = 0; i < regels.length; i++) {
    const r = regels[i]!;
    if (/^#{1,6} /.test(r)) kop = r.replace(/^#+ /, '');
    const open = /^(\s*)```(.*)$/.exec(r);
    if (!open) continue;
    const inspringing = open[1]!.length;
    const [taal = '', soort = '', naam] = open[2]!.trim().split(/\s+/);
    const inhoud: string[] = [];
    let j = i + 1;
    while (j < regels.length && !/^\s*```\s*$/.test(regels[j]!)) {
      inhoud.push(regels[j]!.slice(Math.min(inspringing, regels[j]!.search(/\S|$/))));
      j++;
    }
    uit.push({ regel: i + 1, kop, taal, soort, naam, tekst: inhoud.join('\n') });
    i = j;
  }
  return uit;
}

const isMap = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Adds a step to what the steps before it built: maps merge key by key, lists grow, values replace. */
function voegToe(doel: unknown, bij: unknown): unknown {
  if (Array.isArray(doel) && Array.isArray(bij)) return [...doel, ...bij];
  if (isMap(doel) && isMap(bij)) {
    const uit: Record<string, unknown> = { ...doel };
    for (const [k, v] of Object.entries(bij)) uit[k] = k in uit ? voegToe(uit[k], v) : v;
    return uit;
  }
  return bij;
}

/** Whether every key and value of the excerpt stands in the real data. */
function staatIn(deel: unknown, echt: unknown, pad = ''): string[] {
  if (Array.isArray(deel)) {
    if (!Array.isArray(echt)) return [`${pad}: geen lijst in het bestand`];
    return deel.flatMap((d, i) =>
      echt.some((e) => staatIn(d, e).length === 0) ? [] : [`${pad}[${i}]: staat niet in het bestand`],
    );
  }
  if (isMap(deel)) {
    if (!isMap(echt)) return [`${pad}: geen map in het bestand`];
    return Object.entries(deel).flatMap(([k, v]) =>
      k in echt ? staatIn(v, echt[k], pad ? `${pad}.${k}` : k) : [`${pad}.${k}: ontbreekt in het bestand`],
    );
  }
  if (typeof deel === 'string' && typeof echt === 'string') {
    const plat = (s: string) => s.replace(/\s+/g, ' ').trim();
    let rest = plat(echt);
    for (const stuk of deel.split('…').map(plat).filter(Boolean)) {
      const waar = rest.indexOf(stuk);
      if (waar < 0) return [`${pad}: '${stuk}' staat niet in het bestand`];
      rest = rest.slice(waar + stuk.length);
    }
    return [];
  }
  return deel === echt
    ? []
    : [`${pad}: ${JSON.stringify(deel)} in de gids, ${JSON.stringify(echt)} in het bestand`];
}

/** Every key name an object schema knows, below this schema. */
function schemaSleutels(schema: unknown, uit = new Set<string>(), gezien = new Set<unknown>()): Set<string> {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def || gezien.has(schema)) return uit;
  gezien.add(schema);
  const verder = (s: unknown) => schemaSleutels(s, uit, gezien);
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        uit.add(k);
        verder(v);
      }
      break;
    case 'lazy':
      verder((def.getter as () => unknown)());
      break;
    case 'union':
      for (const o of def.options as unknown[]) verder(o);
      break;
    case 'pipe':
      verder(def.in);
      break;
    case 'record':
      verder(def.valueType);
      break;
    case 'array':
      verder(def.element);
      break;
    case 'tuple':
      for (const o of def.items as unknown[]) verder(o);
      break;
    default:
      if ('innerType' in def) verder(def.innerType);
  }
  return uit;
}

/** Every map key used in a parsed block. */
function gebruikteSleutels(x: unknown, uit: Set<string>): void {
  if (Array.isArray(x)) for (const y of x) gebruikteSleutels(y, uit);
  else if (isMap(x))
    for (const [k, v] of Object.entries(x)) {
      uit.add(k);
      gebruikteSleutels(v, uit);
    }
}

const md = readFileSync(GIDS, 'utf8');
const alle = blokken(md);
const waar = (b: Blok) => `docs/regelgeving.md:${b.regel} (${b.kop})`;
const yamlVan = (b: Blok) => parse(b.tekst) as unknown;
const melding = (b: Blok) => /^\s*# melding: (.+)$/m.exec(b.tekst)?.[1]?.trim();

const map = mkdtempSync(join(tmpdir(), 'gids-'));
afterAll(() => rmSync(map, { recursive: true, force: true }));

/** Merges the steps of one kind and naam, in the order the guide gives them. */
function samen(soort: string, naam: string | undefined): unknown {
  return alle
    .filter((b) => b.taal === 'yaml' && b.soort === soort && (b.naam ?? HOOFD) === (naam ?? HOOFD))
    .reduce<unknown>((acc, b) => voegToe(acc, yamlVan(b)), {});
}

let varianten = 0;

/** Writes the tutorial's regulation files (each named by its geldigVanaf, as the loader wants). */
function schrijfRegelingen(vervang?: { naam: string; data: unknown }): string[] {
  const namen = [...new Set(alle.filter((b) => b.soort === 'regeling').map((b) => b.naam ?? HOOFD))];
  return namen.map((naam) => {
    const data = vervang?.naam === naam ? vervang.data : samen('regeling', naam);
    const datum = String((data as { geldigVanaf?: unknown }).geldigVanaf);
    const bestand = join(map, vervang ? `variant-${++varianten}` : 'gids', naam, `${datum}.yaml`);
    mkdirSync(dirname(bestand), { recursive: true });
    writeFileSync(bestand, stringify(data, { lineWidth: 0 }));
    return bestand;
  });
}

/**
 * The shipped tree plus these files. Not through the cache: every variant would be kept on disk
 * and push the tree's own entry out of it, and a full load is about as fast here.
 */
function laad(extra: readonly string[]) {
  return laadBibliotheek(STANDAARD_WORTEL, extra, { cache: false });
}

// Each reference fragment and mistake loads the whole tree once more (about a second each when idle).
describe('docs/regelgeving.md: every example is checked', { timeout: 300_000 }, () => {
  let regelingen: string[] = [];
  beforeAll(() => {
    regelingen = schrijfRegelingen();
  });

  it('every block says what it is', () => {
    expect(alle.length).toBeGreaterThan(20);
    const fout = alle
      .filter(
        (b) =>
          !['yaml', 'sh', 'text'].includes(b.taal) ||
          (b.taal === 'yaml' &&
            !['regeling', 'testgevallen', 'fout', 'naslag', 'uittreksel'].includes(b.soort)) ||
          (b.soort === 'naslag' && b.naam !== undefined && !(b.naam in SCHEMAS)) ||
          (b.soort === 'fout' && melding(b) === undefined),
      )
      .map(waar);
    expect(fout, 'blokken zonder soort (zie de kop van test/gids.test.ts)').toEqual([]);
    // Other branches append their reference sections below this marker, so they merge cleanly.
    expect(md.split('\n').filter((r) => r.trim() === '<!-- naslag -->')).toHaveLength(1);
  });

  it('every checked block reads as YAML on its own, amounts written as they must be', () => {
    // Merging re-writes the blocks, and a re-written `150.00` reads as `150`: the notation of amounts
    // (`cent: 15000`, `bedrag: 150.00`) is therefore checked on each block as the guide shows it.
    const fout = alle
      .filter((b) => b.taal === 'yaml' && b.soort !== 'fout')
      .flatMap((b) => {
        const r = leesYaml(join(map, 'blok.yaml'), b.tekst);
        return r.ok ? [] : r.fouten.map((f) => `${waar(b)}: ${f.pad}: ${f.bericht}`);
      });
    expect(fout).toEqual([]);
  });

  it('the tutorial assembles into a regulation that loads', () => {
    const b = laad(regelingen);
    expect(b.ok ? [] : b.fouten.map(formatteerFout)).toEqual([]);
    if (!b.ok) return;
    expect(b.waarde.regelingenVan(HOOFD)).toEqual([`${HOOFD}/re-integratieverordening`]);
  });

  it("the tutorial's conformance cases pass through the real runner", () => {
    const b = laad(regelingen);
    if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
    const bestand = join(map, 'gids', `${HOOFD}.test.yaml`);
    writeFileSync(bestand, stringify(samen('testgevallen', undefined), { lineWidth: 0 }));
    const { fouten, uitslagen } = draaiTestbestand(maakEngine(b.waarde), bestand);
    expect(fouten.map(formatteerFout)).toEqual([]);
    expect(uitslagen.length).toBeGreaterThanOrEqual(8);
    expect(
      uitslagen.filter((u) => u.afwijkingen.length > 0).map((u) => `${u.naam}: ${u.afwijkingen.join('; ')}`),
    ).toEqual([]);
  });

  it('every reference fragment is valid where it claims to stand', () => {
    const fout: string[] = [];
    const gemeentelijk = alle.filter(
      (b) => b.taal === 'yaml' && b.soort === 'naslag' && b.naam === undefined,
    );
    for (const b of gemeentelijk) {
      const data = voegToe(samen('regeling', undefined), yamlVan(b));
      const r = laad(schrijfRegelingen({ naam: HOOFD, data }));
      if (!r.ok) fout.push(`${waar(b)}: ${r.fouten.map(formatteerFout).join('\n  ')}`);
    }
    for (const b of alle.filter((x) => x.taal === 'yaml' && x.soort === 'naslag' && x.naam !== undefined)) {
      const schema = SCHEMAS[b.naam!];
      const r = schema?.safeParse(yamlVan(b));
      if (!r?.success) fout.push(`${waar(b)}: ${JSON.stringify(r?.error.issues)}`);
    }
    for (const b of alle.filter((x) => x.taal === 'yaml' && x.soort === 'uittreksel')) {
      const echt = parse(readFileSync(join(REPO, b.naam ?? ''), 'utf8')) as unknown;
      for (const f of staatIn(yamlVan(b), echt)) fout.push(`${waar(b)}: ${b.naam}: ${f}`);
    }
    expect(fout).toEqual([]);
  });

  it('every mistake shown is refused with the message the guide quotes', () => {
    const fout: string[] = [];
    for (const b of alle.filter((x) => x.taal === 'yaml' && x.soort === 'fout')) {
      const verwacht = melding(b)!;
      const alleen = leesYaml(join(map, 'fout.yaml'), b.tekst);
      let meldingen: string[];
      if (!alleen.ok) meldingen = alleen.fouten.map((f) => `${f.pad}: ${f.bericht}`);
      else if (b.naam === 'testgevallen') {
        const bestand = join(map, `fout-${b.regel}.test.yaml`);
        writeFileSync(bestand, stringify(voegToe(samen('testgevallen', undefined), alleen.bron.data)));
        const t = leesTestbestand(bestand);
        meldingen = t.ok ? [] : t.fouten.map((f) => `${f.pad}: ${f.bericht}`);
      } else {
        const data = voegToe(samen('regeling', undefined), alleen.bron.data);
        const r = laad(schrijfRegelingen({ naam: HOOFD, data }));
        meldingen = r.ok ? [] : r.fouten.map((f) => `${f.pad}: ${f.bericht}`);
      }
      if (meldingen.length === 0) fout.push(`${waar(b)}: wordt niet geweigerd`);
      else if (!meldingen.some((m) => m.includes(verwacht)))
        fout.push(`${waar(b)}: verwacht '${verwacht}', kreeg:\n  ${meldingen.join('\n  ')}`);
    }
    expect(fout).toEqual([]);
  });

  it('every key of the regulation and test schemas has an example', () => {
    const schema = new Set([
      ...schemaSleutels(regelingSchema),
      ...schemaSleutels(testbestandSchema),
      ...schemaSleutels(verwachtSchema),
      ...schemaSleutels(verwachtVoorzieningSchema),
    ]);
    const gebruikt = new Set<string>();
    for (const b of alle.filter((x) => x.taal === 'yaml' && x.soort !== 'fout'))
      gebruikteSleutels(yamlVan(b), gebruikt);
    expect([...schema].filter((k) => !gebruikt.has(k)).sort()).toEqual([]);
    // Every expectation the runner knows is shown in a tutorial case that really runs.
    const inGevallen = new Set<string>();
    for (const b of alle.filter((x) => x.taal === 'yaml' && x.soort === 'testgevallen'))
      gebruikteSleutels(yamlVan(b), inGevallen);
    const verwacht = [...schemaSleutels(verwachtSchema), ...schemaSleutels(verwachtVoorzieningSchema)];
    expect(verwacht.filter((k) => !inGevallen.has(k)).sort()).toEqual([]);
  });
});
