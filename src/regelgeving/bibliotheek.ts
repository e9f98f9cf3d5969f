import { existsSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Getal, Toets } from '../regels/ast.ts';
import type { DatumWaarde, Omgeving } from '../regels/compileer.ts';
import { Compiler, nieuweVerwijzingen } from '../regels/compileer.ts';
import { type CacheMap, type Inhoud, viaCache } from './bibliotheek-cache.ts';
import { LANDELIJK_VOCABULAIRE, type Vocabulaire } from '../casus/feiten.ts';
import { breidUit, verschilInVerklaring } from '../casus/vocabulaire.ts';
import { bedoeltU, suggestie } from './berichten.ts';
import { type BestandsFout, plaatsTekst } from './fouten.ts';
import {
  basisVerwijzing,
  type LaadResultaat,
  laadParameter,
  type ParameterBestand,
  type Regeling,
  valideerRegeling,
  yamlBestanden,
} from './laden.ts';
import { foutOp, leesYaml, type YamlBron } from './yaml-bron.ts';

/** All regulation versions and national parameters found under one `regelgeving/` folder. */
export interface Bibliotheek {
  readonly wortel: string;
  readonly regelingen: readonly Regeling[];
  readonly parameters: ReadonlyMap<string, ParameterBestand>;
  /** Versions of one regulation, oldest first (drafts included). */
  versies(id: string): readonly Regeling[];
  /** The adopted version in force on a date, if any. */
  inWerking(id: string, datum: string, opties?: { ontwerp?: boolean }): Regeling | undefined;
  /** Ids of the municipal regulations of a gemeente. */
  regelingenVan(gemeente: string): readonly string[];
  gemeenten(): readonly { slug: string; naam: string; cbsCode: string }[];
}

export const STANDAARD_WORTEL = join(import.meta.dirname, '..', '..', 'regelgeving');

export function isTestBestand(pad: string): boolean {
  return pad.endsWith('.test.yaml');
}

/** Advice rounds live beside the regulations in `adviezen/` (src/advies/); they are not regulation versions. */
function isAdviesMap(pad: string): boolean {
  return pad.split(sep).includes('adviezen');
}

/**
 * Loads and validates every regulation and parameter file under `wortel` (and the `extra` files).
 * A tree that loaded without errors before is taken from the cache (bibliotheek-cache.ts) when not
 * one byte of it, nor the code, changed since; `extra` files (a draft) are then checked on top of it.
 */
export function laadBibliotheek(
  wortel = STANDAARD_WORTEL,
  extra: readonly string[] = [],
  opties: { readonly cache?: CacheMap } = {},
): LaadResultaat<Bibliotheek> {
  if (!existsSync(wortel))
    return { ok: false, fouten: [{ code: 'yaml', bestand: wortel, pad: '', bericht: 'map bestaat niet' }] };
  const boom = yamlBestanden(wortel).filter((b) => !isTestBestand(b) && !isAdviesMap(b));
  // Bytes: the cache key hashes them, and a start that finds the library kept never decodes them.
  const bestanden = [...boom, ...extra.filter((b) => !isTestBestand(b))].map(
    (b) => [b, readFileSync(b)] as const,
  );
  // Files outside the tree can be checked on top of the tree as it was kept (see laadTeksten).
  const buiten = extra.every((b) => relative(wortel, b).startsWith(`..${sep}`));
  return viaCache(
    wortel,
    bestanden,
    (basis) =>
      laadTeksten(
        wortel,
        bestanden.map(([b, bytes]) => [b, bytes.toString('utf8')] as const),
        basis,
      ),
    (regelingen, parameters) => maakBibliotheek(wortel, regelingen, parameters),
    { map: opties.cache, basis: buiten ? boom.length : bestanden.length },
  );
}

/**
 * The full load of these texts. With `basis`, the tree's own files as a full load of them alone gave
 * them (without errors), only the other files are parsed and checked, on top of it: the result is the
 * full load's as long as no file of the tree rests on a regulation those files add versions of.
 * Otherwise, or when anything is wrong, it is the full load itself, so errors read exactly as ever
 * (a kept version does not know which file each inherited value came from; the full load does).
 */
function laadTeksten(
  wortel: string,
  bestanden: readonly (readonly [string, string])[],
  basis?: Inhoud,
): LaadResultaat<Bibliotheek> {
  const fouten: BestandsFout[] = [];
  const regelingen: Regeling[] = [...(basis?.regelingen ?? [])];
  const parameters = new Map<string, ParameterBestand>(basis?.parameters);
  const bekend = new Set([...regelingen, ...parameters.values()].map((r) => r.bestand));
  const gelezen: { bestand: string; tekst: string; bron: YamlBron }[] = [];
  for (const [bestand, tekst] of bestanden) {
    if (bekend.has(bestand)) continue;
    const rel = relative(wortel, bestand).split(sep);
    // The national vocabulary is read by src/casus/feiten.ts; it stays among the files so the cache
    // key covers it.
    if (rel[0] === 'wet' && rel[1] === 'vocabulaire.yaml') continue;
    if (rel[0] === 'wet' && rel[1] === 'parameters') {
      const p = laadParameter(bestand, tekst);
      if (p.ok) parameters.set(p.waarde.naam, p.waarde);
      else fouten.push(...p.fouten);
      continue;
    }
    const y = leesYaml(bestand, tekst);
    if (y.ok) gelezen.push({ bestand, tekst, bron: y.bron });
    else fouten.push(...y.fouten);
  }
  // A version that rests on another is validated after it, merged with it (see basis.ts).
  const sleutel = (data: unknown) => {
    const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
    return `${String(d.id)}@${String(d.geldigVanaf)}`;
  };
  // A draft may carry the id and date of the version it replaces: a basis names the adopted one.
  const perSleutel = new Map<string, (typeof gelezen)[number]>();
  for (const g of gelezen) {
    const k = sleutel(g.bron.data);
    const status = (g.bron.data as { status?: unknown } | null)?.status;
    if (!perSleutel.has(k) || status !== 'ontwerp') perSleutel.set(k, g);
  }
  const nieuw: Regeling[] = [];
  const boomVersies = new Map<string, Regeling>();
  for (const r of basis?.regelingen ?? []) {
    const k = `${r.id}@${r.geldigVanaf}`;
    if (!boomVersies.has(k) || r.status !== 'ontwerp') boomVersies.set(k, r);
  }
  const geladen = new Map<string, Regeling | null>();
  const bezig = new Set<string>();
  const laad = (g: (typeof gelezen)[number]): Regeling | undefined => {
    const klaar = geladen.get(g.bestand);
    if (klaar !== undefined) return klaar ?? undefined;
    const verwijzing = basisVerwijzing(g.bron.data);
    let eerdere: Regeling | undefined;
    if (verwijzing !== undefined) {
      const b = perSleutel.get(verwijzing);
      if (bezig.has(g.bestand)) {
        fouten.push(
          foutOp(g.bron, 'semantiek', ['basis'], `de basis ${verwijzing} rust (via andere) op deze versie`),
        );
        geladen.set(g.bestand, null);
        return undefined;
      }
      bezig.add(g.bestand);
      // On top of a kept tree, the version rested on may be one of the tree's.
      eerdere = b ? laad(b) : (boomVersies.get(verwijzing) ?? undefined);
      bezig.delete(g.bestand);
      if (b && !eerdere) {
        fouten.push(foutOp(g.bron, 'semantiek', ['basis'], `de basis ${verwijzing} heeft zelf fouten`));
        geladen.set(g.bestand, null);
        return undefined;
      }
    }
    const r = valideerRegeling(wortel, g.bestand, g.tekst, g.bron, () => eerdere);
    if (r.ok) nieuw.push(r.waarde);
    else fouten.push(...r.fouten);
    geladen.set(g.bestand, r.ok ? r.waarde : null);
    return r.ok ? r.waarde : undefined;
  };
  for (const g of gelezen) laad(g);
  regelingen.push(...nieuw);
  if (basis) {
    const ids = new Set(nieuw.map((r) => r.id));
    // A tree version whose `basis` names a key an adopted new file now holds (a draft with the id and
    // date of Dinkelland's version, which Tubbergen rests on) would be merged anew in a full load.
    const vervangen = new Set(
      nieuw.filter((r) => r.status !== 'ontwerp').map((r) => `${r.id}@${r.geldigVanaf}`),
    );
    const rustOpNieuw = basis.regelingen.some(
      (r) =>
        (r.berustOp !== undefined && ids.has(r.berustOp)) ||
        (r.basis !== undefined && vervangen.has(r.basis)) ||
        r.artikelen.some((a) => a.grondslag?.some((g) => ids.has(g.regeling))),
    );
    if (rustOpNieuw || fouten.length > 0) return laadTeksten(wortel, bestanden);
  }
  const bibliotheek = maakBibliotheek(wortel, regelingen, parameters);
  // An inherited rule is checked in every version that inherits it: report it once, where it stands.
  const gemeld = new Set<string>();
  for (const r of basis ? nieuw : regelingen)
    for (const f of controleerSemantiek(bibliotheek, r)) {
      const k = `${f.bestand}|${f.pad}|${f.bericht}`;
      if (!gemeld.has(k)) fouten.push(f);
      gemeld.add(k);
    }
  fouten.push(...controleerOverlap(bibliotheek));
  fouten.push(...controleerVerklaringenPerGemeente(bibliotheek));
  if (basis && fouten.length > 0) return laadTeksten(wortel, bestanden);
  if (fouten.length > 0) return { ok: false, fouten };
  return { ok: true, waarde: bibliotheek };
}

function maakBibliotheek(
  wortel: string,
  regelingen: Regeling[],
  parameters: Map<string, ParameterBestand>,
): Bibliotheek {
  const perId = new Map<string, Regeling[]>();
  for (const r of regelingen) {
    const lijst = perId.get(r.id) ?? [];
    lijst.push(r);
    perId.set(r.id, lijst);
  }
  for (const lijst of perId.values()) lijst.sort((a, b) => (a.geldigVanaf < b.geldigVanaf ? -1 : 1));
  return {
    wortel,
    regelingen,
    parameters,
    versies: (id) => perId.get(id) ?? [],
    inWerking(id, datum, opties) {
      const kandidaten = (perId.get(id) ?? []).filter((r) => r.status === 'vastgesteld' || opties?.ontwerp);
      let uit: Regeling | undefined;
      for (const r of kandidaten) if (r.geldigVanaf <= datum) uit = r;
      if (uit?.geldigTot !== undefined && uit.geldigTot < datum) return undefined;
      return uit;
    },
    regelingenVan: (gemeente) => [...perId.keys()].filter((id) => id.startsWith(`${gemeente}/`)).sort(),
    gemeenten() {
      const uit = new Map<string, { slug: string; naam: string; cbsCode: string }>();
      for (const r of regelingen)
        if (r.gemeente)
          uit.set(r.gemeente.slug, {
            slug: r.gemeente.slug,
            naam: r.gemeente.naam,
            cbsCode: r.gemeente.cbsCode,
          });
      return [...uit.values()].sort((a, b) => a.slug.localeCompare(b.slug));
    },
  };
}

const eigenVocabulaire = new WeakMap<Regeling, Vocabulaire>();

/**
 * The facts and voorzieningen a regulation's rules may name: the national ones and those it declares
 * itself (with what it inherits through `basis`, which is merged into it). Without declarations of its
 * own it is the national vocabulary itself.
 */
export function vocabulaireVan(regeling: Regeling): Vocabulaire {
  if (!regeling.vocabulaire) return LANDELIJK_VOCABULAIRE;
  let v = eigenVocabulaire.get(regeling);
  if (!v) {
    v = breidUit(LANDELIJK_VOCABULAIRE, [{ regeling: regeling.id, vocabulaire: regeling.vocabulaire }]);
    eigenVocabulaire.set(regeling, v);
  }
  return v;
}

const perGemeente = new WeakMap<Bibliotheek, Map<string, Vocabulaire>>();
const metEigenVocabulaire = new WeakMap<Bibliotheek, Set<string>>();

/**
 * The vocabulary a case of a gemeente is judged under: the national one with what the gemeente's
 * regulations in force on any of `datums` declare (the peildatum, and the request's first day when it
 * is later; none: every adopted version). Another gemeente's declarations are never part of it.
 */
export function vocabulaireVoorGemeente(
  bibliotheek: Bibliotheek,
  gemeente: string,
  datums: readonly string[],
): Vocabulaire {
  // Most gemeenten declare nothing: their cases never pay for the lookup below.
  let eigen = metEigenVocabulaire.get(bibliotheek);
  if (!eigen) {
    eigen = new Set(
      bibliotheek.regelingen.flatMap((r) => (r.vocabulaire && r.gemeente ? [r.gemeente.slug] : [])),
    );
    metEigenVocabulaire.set(bibliotheek, eigen);
  }
  if (!eigen.has(gemeente)) return LANDELIJK_VOCABULAIRE;
  const sleutel = `${gemeente}|${datums.join('|')}`;
  let cache = perGemeente.get(bibliotheek);
  if (!cache) perGemeente.set(bibliotheek, (cache = new Map()));
  const klaar = cache.get(sleutel);
  if (klaar) return klaar;
  const regelingen = new Set<Regeling>();
  for (const id of bibliotheek.regelingenVan(gemeente)) {
    // Without dates (a fact or request recorded before the date it is judged on is known): every
    // adopted version, latest first, so a later declaration's wording wins.
    if (datums.length === 0)
      for (const r of [...bibliotheek.versies(id)].reverse())
        if (r.vocabulaire && r.status === 'vastgesteld') regelingen.add(r);
    for (const d of datums) {
      const r = bibliotheek.inWerking(id, d);
      if (r?.vocabulaire) regelingen.add(r);
    }
  }
  const uit =
    regelingen.size === 0
      ? LANDELIJK_VOCABULAIRE
      : breidUit(
          LANDELIJK_VOCABULAIRE,
          [...regelingen].map((r) => ({ regeling: r.id, vocabulaire: r.vocabulaire })),
        );
  if (cache.size > 10_000) cache.clear();
  cache.set(sleutel, uit);
  return uit;
}

/** Definitions and parameters a file may use: its own first, then its national law, then the national parameters. */
export function omgevingVoor(bibliotheek: Bibliotheek, regeling: Regeling, wet?: Regeling): Omgeving {
  const wetten = wet ? [wet] : regeling.berustOp ? [...bibliotheek.versies(regeling.berustOp)].reverse() : [];
  const vocabulaire = vocabulaireVan(regeling);
  return {
    feit: (naam) => vocabulaire.feiten.get(naam),
    feitNamen: () => vocabulaire.feiten.keys(),
    definitie(naam): Toets | undefined {
      const eigen = regeling.definities?.[naam];
      if (eigen) return eigen.toets;
      for (const w of wetten) {
        const d = w.definities?.[naam];
        if (d) return d.toets;
      }
      return undefined;
    },
    definitieUitleg(naam) {
      const eigen = regeling.definities?.[naam];
      if (eigen) return eigen.uitleg;
      for (const w of wetten) {
        const d = w.definities?.[naam];
        if (d) return d.uitleg;
      }
      return undefined;
    },
    berekening(naam): Getal | undefined {
      const eigen = regeling.berekeningen?.[naam];
      if (eigen) return eigen.getal;
      for (const w of wetten) {
        const b = w.berekeningen?.[naam];
        if (b) return b.getal;
      }
      return undefined;
    },
    parameter(naam): readonly DatumWaarde[] | undefined {
      return (
        regeling.parameters?.[naam]?.waarden ??
        wetten.find((w) => w.parameters?.[naam])?.parameters?.[naam]?.waarden ??
        bibliotheek.parameters.get(naam)?.waarden
      );
    },
    parameterEenheid(naam) {
      return (
        regeling.parameters?.[naam]?.eenheid ??
        wetten.find((w) => w.parameters?.[naam])?.parameters?.[naam]?.eenheid ??
        bibliotheek.parameters.get(naam)?.eenheid
      );
    },
  };
}

function controleerSemantiek(bibliotheek: Bibliotheek, r: Regeling): BestandsFout[] {
  const fouten: BestandsFout[] = [];
  const fout = (pad: readonly PropertyKey[], bericht: string) =>
    fouten.push(foutOp(r.bron_, 'semantiek', pad, bericht));
  const artikelen = new Set(r.artikelen.map((a) => a.nummer));
  const compiler = new Compiler(omgevingVoor(bibliotheek, r));
  const wet = r.berustOp ? bibliotheek.versies(r.berustOp) : [];
  if (r.berustOp && wet.length === 0) fout(['berustOp'], `onbekende regeling '${r.berustOp}'`);

  const controleerArtikel = (pad: readonly PropertyKey[], artikel: string | undefined) => {
    if (artikel !== undefined && !artikelen.has(artikel))
      fout([...pad, 'artikel'], `artikel ${artikel} staat niet in deze regeling`);
  };
  const toets = (t: Toets, pad: readonly PropertyKey[]) => compiler.toets(t, pad, nieuweVerwijzingen());

  const omgeving = omgevingVoor(bibliotheek, r);
  const feiten = vocabulaireVan(r).feiten;
  // A sentence's {placeholder} must name a fact (or {definitie:naam} a definition): a slip such as
  // {uren} for {urenPerWeek} would print "onbekend" to the client.
  const controleerZin = (pad: readonly PropertyKey[], zin: string | undefined) => {
    if (zin === undefined) return;
    for (const [, naam] of zin.matchAll(/\{definitie:([^}]*)\}/g))
      if (omgeving.definitie(naam!) === undefined)
        fout(
          pad,
          `onbekende definitie '{definitie:${naam}}' in de zin${suggestie(naam!, definitieNamen(bibliotheek, r), 0)}`,
        );
    for (const [, naam] of zin.replace(/\{definitie:[^}]*\}/g, '').matchAll(/\{([^}]*)\}/g))
      if (!feiten.has(naam!)) {
        const bedoeld = bedoeltU(naam!, feiten.keys());
        fout(
          pad,
          `onbekend feit '{${naam}}' in de zin (zie docs/feiten.md)${bedoeld ? `; bedoelt u '{${bedoeld}}'?` : ''}`,
        );
      }
  };
  const controleerUitleg = (pad: readonly PropertyKey[], u: { ja: string; nee: string } | undefined) => {
    controleerZin([...pad, 'ja'], u?.ja);
    controleerZin([...pad, 'nee'], u?.nee);
  };
  for (const [naam, d] of Object.entries(r.definities ?? {})) {
    controleerArtikel(['definities', naam], d.artikel);
    controleerUitleg(['definities', naam, 'uitleg'], d.uitleg);
    // An ordinance's definition silently replacing the law's would change what every rule using it
    // means; it is allowed only when the file says so and why (eigenBetekenis).
    const landelijk = wet.find((w) => w.definities?.[naam]);
    if (r.laag === 'gemeente' && landelijk && d.eigenBetekenis === undefined)
      fout(
        ['definities', naam],
        `'${naam}' is al een definitie van de ${landelijk.citeertitel}; kies een eigen naam, of geef met eigenBetekenis aan waarom deze regeling er bewust een eigen betekenis aan geeft`,
      );
    toets(d.toets, ['definities', naam, 'toets']);
  }
  for (const [naam, b] of Object.entries(r.berekeningen ?? {})) {
    controleerArtikel(['berekeningen', naam], b.artikel);
    compiler.getal(b.getal, ['berekeningen', naam, 'getal'], nieuweVerwijzingen());
  }
  (r.algemeneVoorwaarden ?? []).forEach((v, i) => {
    controleerArtikel(['algemeneVoorwaarden', i], v.artikel);
    controleerUitleg(['algemeneVoorwaarden', i, 'uitleg'], v.uitleg);
    toets(v.toets, ['algemeneVoorwaarden', i, 'toets']);
  });
  for (const [id, v] of Object.entries(r.voorzieningen ?? {})) {
    if (!v) continue;
    const basis = ['voorzieningen', id];
    controleerArtikel(basis, v.artikel);
    const ids = new Set<string>();
    for (const lijst of ['voorwaarden', 'aanvraagVoorwaarden'] as const) {
      (v[lijst] ?? []).forEach((w, i) => {
        controleerArtikel([...basis, lijst, i], w.artikel);
        if (ids.has(w.id)) fout([...basis, lijst, i, 'id'], `voorwaarde-id ${w.id} komt twee keer voor`);
        controleerUitleg([...basis, lijst, i, 'uitleg'], w.uitleg);
        ids.add(w.id);
        toets(w.toets, [...basis, lijst, i, 'toets']);
      });
    }
    if (v.bedragenHerzien) controleerArtikel([...basis, 'bedragenHerzien'], v.bedragenHerzien.artikel);
    if (v.doelgroepRuimer) {
      controleerArtikel([...basis, 'doelgroepRuimer'], v.doelgroepRuimer.artikel);
      controleerZin([...basis, 'doelgroepRuimer', 'uitleg'], v.doelgroepRuimer.uitleg);
      toets(v.doelgroepRuimer.als, [...basis, 'doelgroepRuimer', 'als']);
    }
    if (v.jaarPlafond) {
      controleerArtikel([...basis, 'jaarPlafond'], v.jaarPlafond.artikel);
      if (omgevingVoor(bibliotheek, r).parameter(v.jaarPlafond.parameter) === undefined)
        fout([...basis, 'jaarPlafond', 'parameter'], `onbekende parameter '${v.jaarPlafond.parameter}'`);
    }
    if (v.duur) {
      controleerArtikel([...basis, 'duur'], v.duur.artikel);
      controleerZin([...basis, 'duur', 'uitleg'], v.duur.uitleg);
      if (v.duur.geldtAls) toets(v.duur.geldtAls.toets, [...basis, 'duur', 'geldtAls', 'toets']);
      if (v.duur.verlenging) {
        controleerArtikel([...basis, 'duur', 'verlenging'], v.duur.verlenging.artikel);
        (v.duur.verlenging.voorwaarden ?? []).forEach((w, i) => {
          controleerArtikel([...basis, 'duur', 'verlenging', 'voorwaarden', i], w.artikel);
          controleerUitleg([...basis, 'duur', 'verlenging', 'voorwaarden', i, 'uitleg'], w.uitleg);
          toets(w.toets, [...basis, 'duur', 'verlenging', 'voorwaarden', i, 'toets']);
        });
      }
    }
    for (const [naam, b] of Object.entries(v.bedragen ?? {})) {
      controleerArtikel([...basis, 'bedragen', naam], b.artikel);
      controleerUitleg([...basis, 'bedragen', naam, 'uitleg'], b.uitleg);
      compiler.getal(b.cent, [...basis, 'bedragen', naam, 'cent'], nieuweVerwijzingen());
      if (b.als) toets(b.als, [...basis, 'bedragen', naam, 'als']);
      if (b.uitleg.delen) {
        const delen = b.als && 'alle' in b.als ? b.als.alle : b.als && 'een' in b.als ? b.als.een : undefined;
        if (!delen)
          fout(
            [...basis, 'bedragen', naam, 'uitleg', 'delen'],
            'zinnen per deel (delen) horen bij een als met alle of een; hier is er geen',
          );
        else if (delen.length !== b.uitleg.delen.length)
          fout(
            [...basis, 'bedragen', naam, 'uitleg', 'delen'],
            `${b.uitleg.delen.length} zinnen voor ${delen.length} delen van als: geef er precies een per deel, in dezelfde volgorde`,
          );
        b.uitleg.delen.forEach((z, i) =>
          controleerZin([...basis, 'bedragen', naam, 'uitleg', 'delen', i], z),
        );
      }
      if (!eindigtInHeleCenten(b.cent, (p) => omgevingVoor(bibliotheek, r).parameter(p) !== undefined)) {
        fout(
          [...basis, 'bedragen', naam, 'cent'],
          'een bedrag eindigt in hele centen: een parameter in cent, een geheel getal, of afronden',
        );
      }
    }
    for (const [i, e] of (v.evaluatiemomenten ?? []).entries())
      controleerArtikel([...basis, 'evaluatiemomenten', i], e.artikel);
  }
  for (const [naam, p] of Object.entries(r.parameters ?? {})) {
    for (const [i, w] of p.waarden.entries())
      controleerArtikel(['parameters', naam, 'waarden', i], w.artikel);
  }
  for (const [i, b] of (r.beeindigingsgronden ?? []).entries())
    controleerArtikel(['beeindigingsgronden', i], b.artikel);
  if (r.overgangsrecht) {
    controleerArtikel(['overgangsrecht'], r.overgangsrecht.artikel);
    controleerZin(['overgangsrecht', 'uitleg'], r.overgangsrecht.uitleg);
    if (r.overgangsrecht.voorwaarde) toets(r.overgangsrecht.voorwaarde, ['overgangsrecht', 'voorwaarde']);
  }
  // Open terms an ordinance fills must be terms its national law declares.
  for (const [term, inv] of Object.entries(r.invullingen ?? {})) {
    controleerArtikel(['invullingen', term], inv.artikel);
    if (wet.length > 0 && !wet.some((w) => w.openTermen?.[term]))
      fout(['invullingen', term], `de wet kent geen open term '${term}'`);
    if (inv.parameter && !r.parameters?.[inv.parameter])
      fout(['invullingen', term, 'parameter'], `onbekende parameter '${inv.parameter}'`);
  }
  // A grondslag must name an article the national law has (in some version).
  r.artikelen.forEach((a, i) => {
    (a.grondslag ?? []).forEach((g, j) => {
      const versies = bibliotheek.versies(g.regeling);
      if (versies.length === 0)
        fout(['artikelen', i, 'grondslag', j, 'regeling'], `onbekende regeling '${g.regeling}'`);
      else if (!versies.some((v) => v.artikelen.some((x) => x.nummer === g.artikel))) {
        fout(
          ['artikelen', i, 'grondslag', j, 'artikel'],
          `artikel ${g.artikel} staat in geen versie van ${g.regeling}`,
        );
      }
    });
  });
  for (const c of compiler.fouten) fout(c.pad, c.bericht);
  return fouten;
}

/** Every definition a file can use: its own and its national law's. */
function definitieNamen(bibliotheek: Bibliotheek, r: Regeling): string[] {
  const wetten = r.berustOp ? bibliotheek.versies(r.berustOp) : [];
  return [...new Set([r, ...wetten].flatMap((x) => Object.keys(x.definities ?? {})))];
}

function eindigtInHeleCenten(g: unknown, bekendeParameter: (p: string) => boolean): boolean {
  if (typeof g === 'number') return Number.isInteger(g);
  if (typeof g !== 'object' || g === null) return false;
  if ('afronden' in g) return true;
  if ('parameter' in g) return bekendeParameter(String((g as { parameter: string }).parameter));
  if ('minimum' in g || 'maximum' in g) {
    const delen =
      (g as { minimum?: unknown[]; maximum?: unknown[] }).minimum ?? (g as { maximum: unknown[] }).maximum;
    return delen.every((d) => eindigtInHeleCenten(d, bekendeParameter));
  }
  if ('tabel' in g)
    return (g as { tabel: { rijen: { waarde: unknown }[] } }).tabel.rijen.every((r) =>
      eindigtInHeleCenten(r.waarde, bekendeParameter),
    );
  if ('som' in g) return (g as { som: unknown[] }).som.every((d) => eindigtInHeleCenten(d, bekendeParameter));
  if ('dan' in g) {
    const { dan, anders } = g as { dan: unknown; anders: unknown };
    return eindigtInHeleCenten(dan, bekendeParameter) && eindigtInHeleCenten(anders, bekendeParameter);
  }
  return false;
}

/** Two adopted versions of one regulation must not both claim the same day. */
/**
 * A case of a gemeente is judged under the declarations of all its regulations together, so a name two
 * of them declare must mean the same in both; otherwise the first would win silently. Versions of one
 * regulation may reword a declaration (the later replaces the earlier; with `basis` laden.ts holds them
 * to the same meaning). Reported once per version and name, at the later regulation, naming the first.
 */
function controleerVerklaringenPerGemeente(b: Bibliotheek): BestandsFout[] {
  const fouten: BestandsFout[] = [];
  const eerder = new Map<string, Regeling[]>();
  const volgorde = b.regelingen
    .filter((r) => r.vocabulaire && r.gemeente)
    .sort((x, y) => (x.id === y.id ? (x.geldigVanaf < y.geldigVanaf ? -1 : 1) : x.id < y.id ? -1 : 1));
  for (const r of volgorde)
    for (const deel of ['feiten', 'voorzieningen'] as const)
      for (const [naam, d] of Object.entries(r.vocabulaire![deel] ?? {})) {
        const sleutel = `${r.gemeente!.slug}|${deel}|${naam}`;
        const lijst = eerder.get(sleutel) ?? [];
        for (const e of lijst) {
          if (e.id === r.id) continue;
          const verschil = verschilInVerklaring(e.vocabulaire![deel]![naam]!, d);
          if (!verschil) continue;
          const pad = ['vocabulaire', deel, naam];
          const daar = plaatsTekst(foutOp(e.bron_, 'semantiek', pad, ''), b.wortel);
          fouten.push(
            foutOp(
              r.bron_,
              'semantiek',
              pad,
              `'${naam}' is in ${e.id}@${e.geldigVanaf} (${daar}) anders verklaard: ${verschil}; binnen een gemeente betekent een naam in elke regeling hetzelfde: verklaar hem gelijk of kies een eigen naam`,
            ),
          );
          break;
        }
        lijst.push(r);
        eerder.set(sleutel, lijst);
      }
  return fouten;
}

function controleerOverlap(b: Bibliotheek): BestandsFout[] {
  const fouten: BestandsFout[] = [];
  const ids = new Set(b.regelingen.map((r) => r.id));
  for (const id of ids) {
    const versies = b.versies(id).filter((r) => r.status === 'vastgesteld');
    for (let i = 1; i < versies.length; i++) {
      const vorige = versies[i - 1]!;
      const deze = versies[i]!;
      if (vorige.geldigTot !== undefined && vorige.geldigTot >= deze.geldigVanaf) {
        fouten.push(
          foutOp(vorige.bron_, 'semantiek', ['geldigTot'], `overlapt met de versie van ${deze.geldigVanaf}`),
        );
      }
    }
  }
  return fouten;
}
