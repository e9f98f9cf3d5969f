import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { z } from 'zod';
import { BASIS_PATROON, herleid, markeerHerkomst, voegSamen } from './basis.ts';
import { LANDELIJK_VOCABULAIRE } from '../casus/feiten.ts';
import { verschilInVerklaring, vocabulaireSchema } from '../casus/vocabulaire.ts';
import { isRecordOp, nederlands, sleutelsOp, suggestie } from './berichten.ts';
import { type BestandsFout, plaatsTekst } from './fouten.ts';
import { type Parameter, type RegelingBestand, regelgevingSchemas } from './schema.ts';
import { gewijzigdeVragen } from './vragen.ts';
import { foutOp, leesYaml, type YamlBron } from './yaml-bron.ts';

/** One loaded regulation version: the file's content plus where it came from and its hash. */
export interface Regeling extends RegelingBestand {
  readonly bestand: string;
  /**
   * sha256 of the file's bytes (and, for a version resting on another, of that one's hash): a
   * beschikking records it so a later re-evaluation can prove what it used.
   */
  readonly hash: string;
  readonly bron_: YamlBron;
  /** The data before validation, merged with its basis, each value still knowing its file. */
  readonly ruw_: unknown;
  /**
   * The in-force date the transitional article speaks of: the geldigVanaf of the version that states
   * it. A version that inherits the article unchanged through `basis` keeps that date, because the
   * inherited text protects what was granted before it under the ordinances it names, not what the
   * version it rests on granted.
   */
  readonly overgangsrechtSinds?: string;
}

export interface ParameterBestand extends Parameter {
  readonly naam: string;
  readonly bestand: string;
}

export type LaadResultaat<T> = { ok: true; waarde: T } | { ok: false; fouten: BestandsFout[] };

/** Turns zod issues into located errors; for a failed union it reports the branch that came closest. */
export function zodFouten(
  bron: YamlBron,
  error: z.ZodError,
  code: BestandsFout['code'] = 'schema',
  /** The schema the data was checked against: an unknown key then says what was probably meant. */
  schema?: z.ZodType,
): BestandsFout[] {
  const uit: BestandsFout[] = [];
  const verwerk = (issue: z.core.$ZodIssue, basis: readonly PropertyKey[]) => {
    const pad = [...basis, ...issue.path];
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
      const takken = issue.errors as z.core.$ZodIssue[][];
      // The branch that got furthest (deepest issue path, then fewest issues) is the one the author meant.
      const diepte = (t: z.core.$ZodIssue[]) =>
        Math.max(...t.map((i) => i.path.length + (i.code === 'unrecognized_keys' ? 0 : 1)));
      const beste = [...takken].sort((a, b) => diepte(b) - diepte(a) || a.length - b.length)[0];
      if (beste && beste.length > 0 && diepte(beste) > 1) {
        for (const i of beste) verwerk(i, pad);
        return;
      }
      uit.push(
        foutOp(bron, code, pad, 'geen geldige vorm hier (zie docs/regelgeving.md voor de toegestane vormen)'),
      );
      return;
    }
    if (issue.code === 'unrecognized_keys') {
      const toegestaan = schema ? sleutelsOp(schema, pad) : [];
      const record = schema ? isRecordOp(schema, pad) : false;
      const wat = record && pad[pad.length - 1] === 'voorzieningen' ? 'voorziening' : 'sleutel';
      for (const sleutel of issue.keys)
        uit.push(
          foutOp(
            bron,
            code,
            [...pad, sleutel],
            `onbekende ${wat} '${sleutel}'${suggestie(sleutel, toegestaan, wat === 'voorziening' ? 40 : 25)}`,
          ),
        );
      return;
    }
    uit.push(foutOp(bron, code, pad, issue.message));
  };
  for (const issue of error.issues) verwerk(issue, []);
  return uit;
}

/**
 * The id a file's place in the tree implies: gemeente/<slug>/<regeling>/<datum>.yaml → <slug>/<regeling>,
 * regio/<regio>/<regeling>/<datum>.yaml → regio/<regio>/<regeling> (a region's model; the prefix keeps
 * it apart from every gemeente's ids).
 */
export function idUitPad(wortel: string, bestand: string): string | undefined {
  const delen = relative(wortel, bestand).split(sep);
  if (delen[0] === 'wet' && delen.length === 3) return delen[1];
  if (delen[0] === 'gemeente' && delen.length === 4) return `${delen[1]}/${delen[2]}`;
  if (delen[0] === 'regio' && delen.length === 4) return `regio/${delen[1]}/${delen[2]}`;
  return undefined;
}

/**
 * Loads one regulation version. A version that rests on another (`basis`) needs that one, already
 * loaded: `basisVan` finds it by `<id>@<geldigVanaf>`.
 */
export function laadRegeling(
  wortel: string,
  bestand: string,
  tekst = readFileSync(bestand, 'utf8'),
  basisVan?: (verwijzing: string) => Regeling | undefined,
): LaadResultaat<Regeling> {
  const gelezen = leesYaml(bestand, tekst);
  if (!gelezen.ok) return gelezen;
  return valideerRegeling(wortel, bestand, tekst, gelezen.bron, basisVan);
}

/** The basis a file's data names, if any (read before validation, to load versions in order). */
export function basisVerwijzing(data: unknown): string | undefined {
  const b = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).basis : undefined;
  return typeof b === 'string' ? b : undefined;
}

export function valideerRegeling(
  wortel: string,
  bestand: string,
  tekst: string,
  eigenBron: YamlBron,
  basisVan?: (verwijzing: string) => Regeling | undefined,
): LaadResultaat<Regeling> {
  markeerHerkomst(eigenBron.data, eigenBron);
  let bron: YamlBron = eigenBron;
  let basis: Regeling | undefined;
  const verwijzing = basisVerwijzing(eigenBron.data);
  if (verwijzing !== undefined) {
    if (!BASIS_PATROON.test(verwijzing))
      return {
        ok: false,
        fouten: [foutOp(eigenBron, 'schema', ['basis'], `basis is <id>@<geldigVanaf>, niet '${verwijzing}'`)],
      };
    basis = basisVan?.(verwijzing);
    if (!basis)
      return {
        ok: false,
        fouten: [foutOp(eigenBron, 'semantiek', ['basis'], `de basis ${verwijzing} is niet geladen`)],
      };
    if (typeof eigenBron.data !== 'object' || eigenBron.data === null || Array.isArray(eigenBron.data))
      return { ok: false, fouten: [foutOp(eigenBron, 'schema', [], 'een regeling is een YAML-map')] };
    const samen = voegSamen(basis.ruw_ as Record<string, unknown>, eigenBron.data as Record<string, unknown>);
    bron = { ...eigenBron, data: samen, herleid: (pad) => herleid(samen, pad) };
  }
  const { regelingSchema } = regelgevingSchemas();
  const parsed = regelingSchema.safeParse(bron.data, { error: nederlands });
  if (!parsed.success) return { ok: false, fouten: zodFouten(bron, parsed.error, 'schema', regelingSchema) };
  const r = parsed.data;
  const fouten: BestandsFout[] = [];
  const naam = basename(bestand, '.yaml');
  if (naam !== r.geldigVanaf) {
    fouten.push(
      foutOp(
        bron,
        'bestandsnaam',
        ['geldigVanaf'],
        `bestandsnaam ${naam}.yaml verschilt van geldigVanaf ${r.geldigVanaf}`,
      ),
    );
  }
  const verwachtId = idUitPad(wortel, bestand);
  if (verwachtId !== undefined && verwachtId !== r.id) {
    fouten.push(
      foutOp(
        bron,
        'bestandsnaam',
        ['id'],
        `id ${r.id} past niet bij de map ${dirname(relative(wortel, bestand))} (verwacht ${verwachtId})`,
      ),
    );
  }
  if (
    r.laag === 'gemeente' &&
    r.gemeente &&
    verwachtId !== undefined &&
    !verwachtId.startsWith(`${r.gemeente.slug}/`)
  ) {
    fouten.push(
      foutOp(bron, 'bestandsnaam', ['gemeente', 'slug'], `gemeente ${r.gemeente.slug} past niet bij de map`),
    );
  }
  if (basis && basis.geldigVanaf >= r.geldigVanaf && basis.id === r.id)
    fouten.push(
      foutOp(bron, 'semantiek', ['basis'], `de basis van een versie is een eerdere versie, niet ${r.basis}`),
    );
  const nummers = new Set<string>();
  r.artikelen.forEach((a, i) => {
    if (nummers.has(a.nummer))
      fouten.push(
        foutOp(bron, 'semantiek', ['artikelen', i, 'nummer'], `artikel ${a.nummer} staat er twee keer in`),
      );
    nummers.add(a.nummer);
  });
  fouten.push(...controleerVocabulaire(bron, r));
  if (basis) {
    fouten.push(...gewijzigdeVragen(eigenBron, basis.ruw_, `${basis.id}@${basis.geldigVanaf}`));
    fouten.push(...controleerGeerfdeVerklaringen(wortel, eigenBron, basis));
  }
  if (fouten.length > 0) return { ok: false, fouten };
  const hash = createHash('sha256')
    .update(tekst)
    .update(basis ? `\n${basis.hash}` : '')
    .digest('hex');
  const eigenOvergangsrecht = 'overgangsrecht' in (eigenBron.data as object);
  const overgangsrechtSinds = !r.overgangsrecht
    ? undefined
    : eigenOvergangsrecht || !basis
      ? r.geldigVanaf
      : (basis.overgangsrechtSinds ?? basis.geldigVanaf);
  return {
    ok: true,
    waarde: {
      ...r,
      bestand,
      hash,
      bron_: bron,
      ruw_: bron.data,
      ...(overgangsrechtSinds !== undefined ? { overgangsrechtSinds } : {}),
    },
  };
}

/**
 * A name the basis declares keeps its meaning in the version that rests on it: the basis's rules were
 * written for that meaning and are inherited. Declaring it again alike is allowed (it changes nothing);
 * differently is an error at the version's own declaration, naming the basis's.
 */
function controleerGeerfdeVerklaringen(wortel: string, eigenBron: YamlBron, basis: Regeling): BestandsFout[] {
  const eigen = vocabulaireSchema().safeParse((eigenBron.data as Record<string, unknown>).vocabulaire);
  // An own section that does not parse is reported by the schema check of the merged file.
  if (!eigen.success || !basis.vocabulaire) return [];
  const fouten: BestandsFout[] = [];
  for (const deel of ['feiten', 'voorzieningen'] as const)
    for (const [naam, d] of Object.entries(eigen.data[deel] ?? {})) {
      const geerfd = basis.vocabulaire[deel]?.[naam];
      const verschil = geerfd && verschilInVerklaring(geerfd, d);
      if (!verschil) continue;
      const pad = ['vocabulaire', deel, naam];
      const daar = plaatsTekst(foutOp(basis.bron_, 'semantiek', pad, ''), wortel);
      fouten.push(
        foutOp(
          eigenBron,
          'semantiek',
          pad,
          `'${naam}' is anders verklaard dan in de basis ${basis.id}@${basis.geldigVanaf} (${daar}): ${verschil}; een naam uit de basis betekent in elke versie die erop rust hetzelfde: verklaar hem gelijk, laat hem weg of kies een eigen naam`,
        ),
      );
    }
  return fouten;
}

/**
 * A regulation's own facts and voorzieningen: never a national name (a national fact keeps one meaning
 * everywhere), and what a fact feeds, what a rule set is for and what a general condition excepts is a
 * voorziening the national layer or this file declares.
 */
function controleerVocabulaire(bron: YamlBron, r: RegelingBestand): BestandsFout[] {
  const fouten: BestandsFout[] = [];
  const landelijk = LANDELIJK_VOCABULAIRE;
  const eigen = Object.keys(r.vocabulaire?.voorzieningen ?? {});
  const bekend = [...landelijk.voorzieningIds, ...eigen];
  const bekendeSet = new Set(bekend);
  const onbekend = (pad: readonly PropertyKey[], id: string) =>
    fouten.push(foutOp(bron, 'semantiek', pad, `onbekende voorziening '${id}'${suggestie(id, bekend, 40)}`));
  for (const naam of Object.keys(r.vocabulaire?.feiten ?? {}))
    if (landelijk.feiten.has(naam))
      fouten.push(
        foutOp(
          bron,
          'semantiek',
          ['vocabulaire', 'feiten', naam],
          `'${naam}' is al een landelijk feit (${landelijk.feiten.get(naam)!.label}); een landelijk feit heeft overal dezelfde betekenis: kies een eigen naam`,
        ),
      );
  for (const id of eigen)
    if (landelijk.voorzieningen.has(id))
      fouten.push(
        foutOp(
          bron,
          'semantiek',
          ['vocabulaire', 'voorzieningen', id],
          `'${id}' is al een landelijke voorziening (${landelijk.voorzieningen.get(id)!.titel}): kies een eigen id`,
        ),
      );
  for (const [naam, f] of Object.entries(r.vocabulaire?.feiten ?? {})) {
    if (f.bron === 'afgeleid')
      fouten.push(
        foutOp(
          bron,
          'semantiek',
          ['vocabulaire', 'feiten', naam, 'bron'],
          'alleen de landelijke woordenlijst kent afgeleide feiten (de engine berekent ze); een eigen feit staat in feiten of aanvraag',
        ),
      );
    (f.voedt ?? []).forEach((id, i) => {
      if (!bekendeSet.has(id)) onbekend(['vocabulaire', 'feiten', naam, 'voedt', i], id);
    });
  }
  for (const id of Object.keys(r.voorzieningen ?? {}))
    if (!bekendeSet.has(id)) onbekend(['voorzieningen', id], id);
  (r.algemeneVoorwaarden ?? []).forEach((v, i) =>
    (v.uitgezonderd ?? []).forEach((id, j) => {
      if (!bekendeSet.has(id)) onbekend(['algemeneVoorwaarden', i, 'uitgezonderd', j], id);
    }),
  );
  return fouten;
}

export function laadParameter(
  bestand: string,
  tekst = readFileSync(bestand, 'utf8'),
): LaadResultaat<ParameterBestand> {
  const gelezen = leesYaml(bestand, tekst);
  if (!gelezen.ok) return gelezen;
  const { parameterSchema } = regelgevingSchemas();
  const parsed = parameterSchema.safeParse(gelezen.bron.data, { error: nederlands });
  if (!parsed.success)
    return { ok: false, fouten: zodFouten(gelezen.bron, parsed.error, 'schema', parameterSchema) };
  return { ok: true, waarde: { ...parsed.data, naam: basename(bestand, '.yaml'), bestand } };
}

/** Every .yaml file below a folder, sorted so loading order never depends on the file system. */
export function yamlBestanden(map: string): string[] {
  const uit: string[] = [];
  const loop = (m: string) => {
    // The entries know their kind: a stat each only for a link.
    const namen = readdirSync(m, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const d of namen) {
      const pad = join(m, d.name);
      if (d.isSymbolicLink() ? statSync(pad).isDirectory() : d.isDirectory()) loop(pad);
      else if (d.name.endsWith('.yaml')) uit.push(pad);
    }
  };
  loop(map);
  return uit;
}
