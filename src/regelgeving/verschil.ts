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
        details: [`${kort(a[veld])} → ${kort(b[veld])}`],
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
    if (!isDeepStrictEqual(x.bedragen, y.bedragen)) d.push('bedragen gewijzigd');
    if (!isDeepStrictEqual(x.evaluatiemomenten, y.evaluatiemomenten)) d.push('evaluatiemomenten gewijzigd');
    return d;
  });
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
