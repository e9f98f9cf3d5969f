import { isDeepStrictEqual } from 'node:util';
import type { Regeling } from './laden.ts';

/** What changed between two regulation versions, article by article and parameter by parameter. */
export interface Verschil {
  readonly soort: 'toegevoegd' | 'vervallen' | 'gewijzigd';
  readonly onderdeel: 'artikel' | 'parameter' | 'voorziening' | 'gegeven';
  readonly sleutel: string;
  readonly details: readonly string[];
}

const GEGEVENS = [
  'titel',
  'citeertitel',
  'geldigVanaf',
  'geldigTot',
  'status',
  'berustOp',
  'overgangsrecht',
  'beeindigingsgronden',
  'invullingen',
] as const;

export function vergelijkRegelingen(a: Regeling, b: Regeling): Verschil[] {
  const uit: Verschil[] = [];
  for (const veld of GEGEVENS) {
    if (!isDeepStrictEqual(a[veld], b[veld]))
      uit.push({
        soort: 'gewijzigd',
        onderdeel: 'gegeven',
        sleutel: veld,
        details:
          veld === 'invullingen'
            ? perSleutelGewijzigd(a.invullingen ?? {}, b.invullingen ?? {})
            : [`${kort(a[veld])} → ${kort(b[veld])}`],
      });
  }
  const artikelenA = new Map(a.artikelen.map((x) => [x.nummer, x]));
  const artikelenB = new Map(b.artikelen.map((x) => [x.nummer, x]));
  for (const [nr, x] of artikelenA) {
    const y = artikelenB.get(nr);
    if (!y) {
      uit.push({ soort: 'vervallen', onderdeel: 'artikel', sleutel: nr, details: [x.titel] });
      continue;
    }
    const details = (Object.keys({ ...x, ...y }) as (keyof typeof x)[])
      .filter((k) => !isDeepStrictEqual(x[k], y[k]))
      .map((k) => `${k} gewijzigd`);
    if (details.length > 0) uit.push({ soort: 'gewijzigd', onderdeel: 'artikel', sleutel: nr, details });
  }
  for (const [nr, y] of artikelenB)
    if (!artikelenA.has(nr))
      uit.push({ soort: 'toegevoegd', onderdeel: 'artikel', sleutel: nr, details: [y.titel] });
  vergelijkMap(a.parameters ?? {}, b.parameters ?? {}, 'parameter', uit, (x, y) => {
    const d: string[] = [];
    const waardenA = new Map(x.waarden.map((w) => [w.vanaf, w.waarde]));
    for (const w of y.waarden) {
      const oud = waardenA.get(w.vanaf);
      if (oud === undefined) d.push(`vanaf ${w.vanaf}: nieuw ${w.waarde} ${x.eenheid}`);
      else if (oud !== w.waarde) d.push(`vanaf ${w.vanaf}: ${oud} → ${w.waarde} ${x.eenheid}`);
    }
    for (const w of x.waarden)
      if (!y.waarden.some((v) => v.vanaf === w.vanaf)) d.push(`vanaf ${w.vanaf}: ${w.waarde} vervallen`);
    return d;
  });
  vergelijkMap(a.voorzieningen ?? {}, b.voorzieningen ?? {}, 'voorziening', uit, (x, y) => {
    const d: string[] = [];
    if (!x || !y) return d;
    const ids = (v: typeof x) =>
      new Map([...v.voorwaarden, ...(v.aanvraagVoorwaarden ?? [])].map((w) => [w.id, w]));
    const va = ids(x);
    const vb = ids(y);
    for (const [id, w] of vb) {
      const oud = va.get(id);
      if (!oud) d.push(`voorwaarde ${id} toegevoegd (art. ${w.artikel})`);
      else if (!isDeepStrictEqual(oud, w)) d.push(`voorwaarde ${id} gewijzigd`);
    }
    for (const id of va.keys()) if (!vb.has(id)) d.push(`voorwaarde ${id} vervallen`);
    if (!isDeepStrictEqual(x.duur, y.duur))
      d.push(`duur: ${kort(x.duur?.maximaal)} → ${kort(y.duur?.maximaal)}`);
    if (!isDeepStrictEqual(x.bedragen, y.bedragen)) {
      const namen = new Set([...Object.keys(x.bedragen ?? {}), ...Object.keys(y.bedragen ?? {})]);
      for (const naam of namen) {
        const [bx, by] = [x.bedragen?.[naam], y.bedragen?.[naam]];
        if (isDeepStrictEqual(bx, by)) continue;
        const plek = by ?? bx;
        const waar = plek ? ` (art. ${plek.artikel}${plek.lid !== undefined ? ` lid ${plek.lid}` : ''})` : '';
        if (!bx) d.push(`bedrag ${naam} toegevoegd${waar}`);
        else if (!by) d.push(`bedrag ${naam} vervallen${waar}`);
        else d.push(`bedrag ${naam} gewijzigd${waar}: ${velden(bx, by).join(', ')}`);
      }
    }
    if (!isDeepStrictEqual(x.evaluatiemomenten, y.evaluatiemomenten)) d.push('evaluatiemomenten gewijzigd');
    return d;
  });
  return uit;
}

/** The fields of two objects that differ. */
function velden(x: object, y: object): string[] {
  const a = x as Record<string, unknown>;
  const b = y as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !isDeepStrictEqual(a[k], b[k]));
}

function perSleutelGewijzigd(a: Record<string, object>, b: Record<string, object>): string[] {
  const uit: string[] = [];
  for (const [k, x] of Object.entries(a)) {
    const y = b[k];
    if (!y) uit.push(`${k} vervallen`);
    else if (!isDeepStrictEqual(x, y)) uit.push(`${k}: ${velden(x, y).join(', ')} gewijzigd`);
  }
  for (const k of Object.keys(b)) if (!(k in a)) uit.push(`${k} toegevoegd`);
  return uit;
}

/**
 * A gemeente's version against the model it rests on (directly or through another version):
 * `afwijkingen` are the points where the model states one thing and the version another (what a
 * raadsvoorstel lists as "afwijking van het model"); `aanvullingen` are what the version states and
 * the model does not have (its own transitional law, its citeertitel); `eigen` are the data that make
 * it the gemeente's own regulation (title, date, status), which always differ.
 */
export interface AfwijkingenVanModel {
  /** Each with the articles (and leden) of the version where the deviation stands. */
  readonly afwijkingen: readonly (Verschil & { readonly artikelen: readonly string[] })[];
  readonly aanvullingen: readonly Verschil[];
  readonly eigen: readonly Verschil[];
}

const EIGEN_GEGEVENS = new Set(['titel', 'citeertitel', 'geldigVanaf', 'geldigTot', 'status']);

export function afwijkingenVanModel(model: Regeling, versie: Regeling): AfwijkingenVanModel {
  const afwijkingen: (Verschil & { artikelen: string[] })[] = [];
  const aanvullingen: Verschil[] = [];
  const eigen: Verschil[] = [];
  for (const v of vergelijkRegelingen(model, versie)) {
    if (v.onderdeel === 'gegeven' && EIGEN_GEGEVENS.has(v.sleutel)) eigen.push(v);
    else if (v.soort === 'toegevoegd') aanvullingen.push(v);
    else if (v.onderdeel === 'gegeven' && model[v.sleutel as (typeof GEGEVENS)[number]] === undefined)
      aanvullingen.push(v);
    else afwijkingen.push({ ...v, artikelen: plaatsen(model, versie, v) });
  }
  return { afwijkingen, aanvullingen, eigen };
}

/** The numbered leden ("5. De premie …") whose text differs between two texts of an article. */
function gewijzigdeLeden(a: string, b: string): string[] {
  const leden = (t: string) => {
    const uit = new Map<string, string>();
    let lid: string | undefined;
    for (const r of t.split('\n')) {
      lid = /^(\d+)\.\s/.exec(r)?.[1] ?? lid;
      if (lid !== undefined) uit.set(lid, `${uit.get(lid) ?? ''}${r}\n`);
    }
    return uit;
  };
  const [x, y] = [leden(a), leden(b)];
  if (x.size === 0 || y.size === 0) return [];
  return [...new Set([...x.keys(), ...y.keys()])].filter((l) => x.get(l) !== y.get(l));
}

type Plek = { readonly artikel?: string | undefined; readonly lid?: number | string | undefined };
const plekTekst = (p: Plek | undefined) =>
  p?.artikel === undefined ? [] : [`${p.artikel}${p.lid !== undefined ? ` lid ${p.lid}` : ''}`];

/** Where in the version (or, for what it drops, in the model) a difference stands. */
function plaatsen(model: Regeling, versie: Regeling, v: Verschil): string[] {
  const uit = new Set<string>();
  const voeg = (p: Plek | undefined) => plekTekst(p).forEach((t) => uit.add(t));
  if (v.onderdeel === 'artikel') {
    const tekst = (r: Regeling) => r.artikelen.find((a) => a.nummer === v.sleutel)?.tekst ?? '';
    for (const lid of gewijzigdeLeden(tekst(model), tekst(versie))) uit.add(`${v.sleutel} lid ${lid}`);
    if (uit.size === 0) uit.add(v.sleutel);
  } else if (v.onderdeel === 'parameter') {
    for (const r of [versie, model]) for (const w of r.parameters?.[v.sleutel]?.waarden ?? []) voeg(w);
  } else if (v.onderdeel === 'voorziening') {
    const id = v.sleutel as keyof NonNullable<Regeling['voorzieningen']>;
    const [x, y] = [model.voorzieningen?.[id], versie.voorzieningen?.[id]];
    if (!x || !y) voeg(x ?? y);
    else {
      for (const naam of new Set([...Object.keys(x.bedragen ?? {}), ...Object.keys(y.bedragen ?? {})]))
        if (!isDeepStrictEqual(x.bedragen?.[naam], y.bedragen?.[naam]))
          voeg(y.bedragen?.[naam] ?? x.bedragen?.[naam]);
      const lijst = (z: typeof x) => [...z.voorwaarden, ...(z.aanvraagVoorwaarden ?? [])];
      for (const w of lijst(y))
        if (
          !isDeepStrictEqual(
            w,
            lijst(x).find((o) => o.id === w.id),
          )
        )
          voeg(w);
      for (const w of lijst(x)) if (!lijst(y).some((o) => o.id === w.id)) voeg(w);
      if (!isDeepStrictEqual(x.duur, y.duur)) voeg(y.duur ?? x.duur);
      if (uit.size === 0) voeg(y);
    }
  } else if (v.sleutel === 'invullingen') {
    const [a, b] = [model.invullingen ?? {}, versie.invullingen ?? {}];
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      if (!isDeepStrictEqual(a[k], b[k])) voeg(b[k] ?? a[k]);
  } else if (v.sleutel === 'beeindigingsgronden') {
    for (const g of versie.beeindigingsgronden ?? [])
      if (!model.beeindigingsgronden?.some((o) => isDeepStrictEqual(o, g))) voeg(g);
  } else if (v.sleutel === 'overgangsrecht') voeg(versie.overgangsrecht);
  return [...uit];
}

/**
 * The chain of versions a version rests on (`basis`), nearest first; a model is found in it. Stops at
 * a version that is not loaded.
 */
export function basisKeten(
  versie: Regeling,
  zoek: (id: string, geldigVanaf: string) => Regeling | undefined,
): Regeling[] {
  const uit: Regeling[] = [];
  let r: Regeling | undefined = versie;
  while (r?.basis !== undefined && uit.length < 50) {
    const at = r.basis.lastIndexOf('@');
    r = zoek(r.basis.slice(0, at), r.basis.slice(at + 1));
    if (r) uit.push(r);
  }
  return uit;
}

function vergelijkMap<T>(
  a: Record<string, T>,
  b: Record<string, T>,
  onderdeel: Verschil['onderdeel'],
  uit: Verschil[],
  details: (x: T, y: T) => string[],
): void {
  for (const [k, x] of Object.entries(a)) {
    const y = b[k];
    if (y === undefined) uit.push({ soort: 'vervallen', onderdeel, sleutel: k, details: [] });
    else if (!isDeepStrictEqual(x, y))
      uit.push({ soort: 'gewijzigd', onderdeel, sleutel: k, details: details(x, y) });
  }
  for (const k of Object.keys(b))
    if (!(k in a)) uit.push({ soort: 'toegevoegd', onderdeel, sleutel: k, details: [] });
}

function kort(v: unknown): string {
  if (v === undefined) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
