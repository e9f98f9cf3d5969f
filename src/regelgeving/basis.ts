import type { YamlBron } from './yaml-bron.ts';

/**
 * A regulation version may rest on another one (`basis: <id>@<geldigVanaf>`) and state only what it
 * changes: the next text of the Participatiewet states the articles an amendment act changed, a
 * gemeente's ordinance states where it departs from its region's model. The two are merged before
 * validation, so the engine, the explanations, conformance and diffs see the resulting rules; every
 * value remembers the file and path it came from, so an error in an inherited rule points at the
 * file where it stands.
 */

export const BASIS_PATROON = /^([a-z0-9-]+(?:\/[a-z0-9-]+)*)@(\d{4}-\d{2}-\d{2})$/;

/** Marks an inherited article, condition or entry as removed in the version that rests on it. */
export const GESCHRAPT = 'geschrapt';

/** Where a value stands: the file and the path inside it. */
export interface Herkomst {
  readonly bron: YamlBron;
  readonly pad: readonly PropertyKey[];
}

type Ruw = Record<string, unknown>;

const HERKOMST = new WeakMap<object, Herkomst>();
/** For merged objects: the keys whose value came from another file than the object itself. */
const SLEUTELS = new WeakMap<object, Map<PropertyKey, Herkomst>>();

/** Records, for every object and array in a file's data, the file and path it stands at. */
export function markeerHerkomst(waarde: unknown, bron: YamlBron, pad: readonly PropertyKey[] = []): void {
  if (typeof waarde !== 'object' || waarde === null) return;
  HERKOMST.set(waarde, { bron, pad });
  if (Array.isArray(waarde)) waarde.forEach((w, i) => markeerHerkomst(w, bron, [...pad, i]));
  else for (const [k, w] of Object.entries(waarde)) markeerHerkomst(w, bron, [...pad, k]);
}

/** The file and path a path in (possibly merged) data stands at. */
export function herleid(data: unknown, pad: readonly PropertyKey[]): Herkomst | undefined {
  let node: unknown = data;
  let beste: Herkomst | undefined =
    typeof data === 'object' && data !== null ? HERKOMST.get(data) : undefined;
  let rest = 0;
  for (let i = 0; i < pad.length; i++) {
    if (typeof node !== 'object' || node === null) break;
    const deel = pad[i]!;
    const sleutel = SLEUTELS.get(node)?.get(deel);
    if (sleutel) {
      beste = { bron: sleutel.bron, pad: [...sleutel.pad, deel] };
      rest = i + 1;
    }
    node = (node as Record<PropertyKey, unknown>)[deel as string];
    const h = typeof node === 'object' && node !== null ? HERKOMST.get(node) : undefined;
    if (h) {
      beste = h;
      rest = i + 1;
    }
  }
  return beste ? { bron: beste.bron, pad: [...beste.pad, ...pad.slice(rest)] } : undefined;
}

const isRuw = (w: unknown): w is Ruw => typeof w === 'object' && w !== null && !Array.isArray(w);
const isGeschrapt = (w: unknown) => isRuw(w) && w[GESCHRAPT] === true;

/** A new object holding `velden`, whose values from `basis` keep pointing at the base's file. */
function samengesteld(eigen: Ruw | undefined, basis: Ruw | undefined, velden: Ruw): Ruw {
  const uit: Ruw = { ...velden };
  const thuis = (eigen && HERKOMST.get(eigen)) ?? (basis && HERKOMST.get(basis));
  if (thuis) HERKOMST.set(uit, thuis);
  if (eigen && basis) {
    const basisHerkomst = HERKOMST.get(basis);
    const sleutels = new Map<PropertyKey, Herkomst>();
    for (const k of Object.keys(uit)) {
      if (!(k in eigen) && k in basis && basisHerkomst) sleutels.set(k, basisHerkomst);
    }
    if (sleutels.size > 0) SLEUTELS.set(uit, sleutels);
  }
  return uit;
}

/** Entries by key: the version's own replace the base's, `geschrapt: true` removes one. */
function perSleutel(
  basis: unknown,
  eigen: unknown,
  voeg: (b: Ruw, e: Ruw) => Ruw = (_b, e) => e,
  opPlaats = false,
): Ruw | undefined {
  if (!isRuw(eigen)) return isRuw(basis) ? basis : (eigen as Ruw | undefined);
  if (!isRuw(basis)) return eigen;
  const velden: Ruw = {};
  const neem = (k: string, b: unknown, w: unknown) => {
    if (!isGeschrapt(w)) velden[k] = isRuw(b) && isRuw(w) ? voeg(b, w) : w;
  };
  if (opPlaats) {
    // A replaced entry keeps its place: a gemeente that changes one voorziening of its model offers
    // (and is judged on) its voorzieningen in the model's order; new entries come after.
    for (const [k, b] of Object.entries(basis))
      if (k in eigen) neem(k, b, eigen[k]);
      else velden[k] = b;
    for (const [k, w] of Object.entries(eigen)) if (!(k in basis)) neem(k, undefined, w);
  } else {
    for (const [k, w] of Object.entries(basis)) if (!(k in eigen)) velden[k] = w;
    for (const [k, w] of Object.entries(eigen)) neem(k, basis[k], w);
  }
  return samengesteld(eigen, basis, velden);
}

/**
 * List items by their id (or nummer): replaced in place (or merged field by field with `voeg`), new
 * ones appended, `geschrapt` removed.
 */
function perId(
  basis: unknown,
  eigen: unknown,
  sleutel: string,
  voeg: (b: Ruw, e: Ruw) => Ruw = (_b, e) => e,
): unknown[] | undefined {
  if (!Array.isArray(eigen)) return Array.isArray(basis) ? basis : (eigen as undefined);
  if (!Array.isArray(basis)) return eigen.filter((e) => !isGeschrapt(e));
  const idVan = (w: unknown) => (isRuw(w) ? String(w[sleutel]) : undefined);
  const eigenPerId = new Map(eigen.map((e) => [idVan(e), e]));
  const uit: unknown[] = [];
  for (const b of basis) {
    const e = eigenPerId.get(idVan(b));
    if (e === undefined) uit.push(b);
    else if (!isGeschrapt(e)) uit.push(isRuw(b) && isRuw(e) ? voeg(b, e) : e);
  }
  const inBasis = new Set(basis.map(idVan));
  for (const e of eigen) if (!inBasis.has(idVan(e)) && !isGeschrapt(e)) uit.push(e);
  const thuis = HERKOMST.get(eigen);
  if (thuis) HERKOMST.set(uit, thuis);
  return uit;
}

const NIET_GEERFD = new Set(['id', 'geldigVanaf', 'geldigTot', 'vastgesteld', 'status', 'basis']);
const PER_SLEUTEL = new Set(['parameters', 'openTermen', 'invullingen', 'definities', 'berekeningen']);

function voegVoorzieningSamen(basis: Ruw, eigen: Ruw): Ruw {
  const velden: Ruw = { ...basis, ...eigen };
  for (const lijst of ['voorwaarden', 'aanvraagVoorwaarden']) {
    const samen = perId(basis[lijst], eigen[lijst], 'id');
    if (samen === undefined) delete velden[lijst];
    else velden[lijst] = samen;
  }
  const bedragen = perSleutel(basis.bedragen, eigen.bedragen);
  if (bedragen === undefined) delete velden.bedragen;
  else velden.bedragen = bedragen;
  return samengesteld(eigen, basis, velden);
}

/**
 * An article the version states again: its own fields over the base's, and its amendments after the
 * base's, so the history of changes that conformance checks against stays whole.
 */
function voegArtikelSamen(basis: Ruw, eigen: Ruw): Ruw {
  const velden: Ruw = { ...basis, ...eigen };
  if (Array.isArray(basis.wijzigingen) && Array.isArray(eigen.wijzigingen))
    velden.wijzigingen = [...basis.wijzigingen, ...eigen.wijzigingen];
  return samengesteld(eigen, basis, velden);
}

/**
 * Declared facts and voorzieningen by name: the version's own are added to what it inherits (laden.ts
 * refuses one that declares an inherited name differently); a fact declared again feeds the
 * voorzieningen of both.
 */
function voegVocabulaireSamen(basis: unknown, eigen: unknown): Ruw | undefined {
  if (!isRuw(eigen) || !isRuw(basis)) return perSleutel(basis, eigen);
  const velden: Ruw = { ...basis, ...eigen };
  for (const deel of ['feiten', 'voorzieningen']) {
    const samen = perSleutel(basis[deel], eigen[deel], (b, e) =>
      Array.isArray(b.voedt) && Array.isArray(e.voedt)
        ? samengesteld(e, b, { ...e, voedt: [...new Set([...b.voedt, ...e.voedt])] })
        : e,
    );
    if (samen === undefined) delete velden[deel];
    else velden[deel] = samen;
  }
  return samengesteld(eigen, basis, velden);
}

/** The data of a version that rests on `basis`: what it states itself over what it inherits. */
export function voegSamen(basis: Ruw, eigen: Ruw): Ruw {
  const velden: Ruw = {};
  for (const [k, w] of Object.entries(basis)) if (!NIET_GEERFD.has(k)) velden[k] = w;
  for (const [k, w] of Object.entries(eigen)) {
    if (PER_SLEUTEL.has(k)) velden[k] = perSleutel(basis[k], w);
    else if (k === 'voorzieningen') velden[k] = perSleutel(basis[k], w, voegVoorzieningSamen, true);
    else if (k === 'artikelen') velden[k] = perId(basis[k], w, 'nummer', voegArtikelSamen);
    else if (k === 'vocabulaire') velden[k] = voegVocabulaireSamen(basis[k], w);
    else if (k === 'algemeneVoorwaarden') velden[k] = perId(basis[k], w, 'id');
    else if (k === 'opmerkingen') velden[k] = [...(Array.isArray(basis[k]) ? basis[k] : []), ...(w as [])];
    else velden[k] = w;
  }
  return samengesteld(eigen, basis, velden);
}
