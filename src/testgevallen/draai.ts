import { readFileSync } from 'node:fs';
import type { Engine, Resultaat, VoorzieningUitkomst } from '../engine/index.ts';
import {
  type BestandsFout,
  leesYaml,
  VOORZIENINGEN as LANDELIJKE_VOORZIENINGEN,
} from '../regelgeving/index.ts';
import { nederlands, suggestie } from '../regelgeving/berichten.ts';
import { zodFouten } from '../regelgeving/laden.ts';
import {
  testbestandSchema,
  VERWACHT_ALGEMEEN,
  type VerwachtVoorziening,
  verwachtSchema,
  verwachtVoorzieningSchema,
} from './schema.ts';

/** One conformance case with what went wrong, if anything. */
export interface GevalUitslag {
  readonly bestand: string;
  readonly regel?: number | undefined;
  readonly naam: string;
  readonly afwijkingen: readonly string[];
}

export type Testbestand =
  | {
      ok: true;
      gevallen: {
        naam: string;
        regel?: number | undefined;
        casus: unknown;
        verwacht: Record<string, unknown>;
      }[];
    }
  | { ok: false; fouten: BestandsFout[] };

export function leesTestbestand(
  bestand: string,
  /** The voorzieningen an expectation may name: the national ones and those the regulations declare. */
  VOORZIENINGEN: readonly string[] = LANDELIJKE_VOORZIENINGEN,
): Testbestand {
  const gelezen = leesYaml(bestand, readFileSync(bestand, 'utf8'));
  if (!gelezen.ok) return gelezen;
  const parsed = testbestandSchema.safeParse(gelezen.bron.data, { error: nederlands });
  if (!parsed.success)
    return { ok: false, fouten: zodFouten(gelezen.bron, parsed.error, 'schema', testbestandSchema) };
  const fouten: BestandsFout[] = [];
  parsed.data.gevallen.forEach((g, i) => {
    const basis = verwachtSchema.safeParse(g.verwacht, { error: nederlands });
    if (!basis.success)
      fouten.push(
        ...zodFouten(gelezen.bron, basis.error, 'schema', verwachtSchema).map((f) => ({
          ...f,
          pad: `gevallen[${i}].verwacht.${f.pad}`,
        })),
      );
    for (const [sleutel, waarde] of Object.entries(g.verwacht)) {
      if (VERWACHT_ALGEMEEN.has(sleutel)) continue;
      if (!VOORZIENINGEN.includes(sleutel)) {
        fouten.push({
          code: 'schema',
          bestand,
          pad: `gevallen[${i}].verwacht.${sleutel}`,
          bericht: `onbekende voorziening '${sleutel}'${suggestie(sleutel, VOORZIENINGEN, 0)}; bekende voorzieningen: ${VOORZIENINGEN.join(', ')}`,
          ...plaats(gelezen.bron, ['gevallen', i, 'verwacht', sleutel]),
        });
        continue;
      }
      const v = verwachtVoorzieningSchema.safeParse(waarde, { error: nederlands });
      if (!v.success) {
        for (const f of zodFouten(gelezen.bron, v.error, 'schema', verwachtVoorzieningSchema)) {
          fouten.push({
            ...f,
            pad: `gevallen[${i}].verwacht.${sleutel}.${f.pad}`,
            ...plaats(gelezen.bron, ['gevallen', i, 'verwacht', sleutel]),
          });
        }
      }
    }
  });
  if (fouten.length > 0) return { ok: false, fouten };
  return {
    ok: true,
    gevallen: parsed.data.gevallen.map((g, i) => ({
      ...g,
      regel: gelezen.bron.plaatsVan(['gevallen', i])?.regel,
    })),
  };
}

function plaats(
  bron: { plaatsVan(p: readonly PropertyKey[]): { regel: number; kolom: number } | undefined },
  pad: readonly PropertyKey[],
) {
  const p = bron.plaatsVan(pad);
  return p ? { regel: p.regel, kolom: p.kolom } : {};
}

/** Runs one case and lists every difference between expected and actual. */
export function draaiGeval(engine: Engine, casus: unknown, verwacht: Record<string, unknown>): string[] {
  const afwijkingen: string[] = [];
  const r = engine.evalueer(casus);
  const basis = verwachtSchema.parse(verwacht);
  if (!r.ok) {
    if (basis.fout !== r.fout.code)
      afwijkingen.push(
        `verwacht ${basis.fout ? `fout ${basis.fout}` : 'een uitkomst'}, kreeg fout ${r.fout.code}: ${'bericht' in r.fout ? r.fout.bericht : JSON.stringify(r.fout.fouten)}`,
      );
    return afwijkingen;
  }
  if (basis.fout) {
    afwijkingen.push(`verwacht fout ${basis.fout}, kreeg een uitkomst`);
    return afwijkingen;
  }
  if (basis.conflicten) vergelijkConflicten(r.resultaat, basis.conflicten, afwijkingen);
  if (basis.beeindigingsgronden) {
    const plan = engine.planOp(r.resultaat.gemeente, r.resultaat.peildatum);
    const echt = plan.ok
      ? plan.plan.gemeenteRegelingen.flatMap((x) => (x.beeindigingsgronden ?? []).map((g) => g.code))
      : [];
    if (JSON.stringify([...echt].sort()) !== JSON.stringify([...basis.beeindigingsgronden].sort()))
      afwijkingen.push(
        `beëindigingsgronden ${JSON.stringify(echt)}, verwacht ${JSON.stringify(basis.beeindigingsgronden)}`,
      );
  }
  for (const a of basis.afwijkingen ?? []) {
    const echt = r.resultaat.afwijkingen.filter((x) => x.voorwaarde === a.voorwaarde);
    if (echt.length === 0) afwijkingen.push(`afwijking '${a.voorwaarde}' niet gemeld`);
    else if (echt.some((x) => x.toegepast !== a.toegepast))
      afwijkingen.push(
        `afwijking '${a.voorwaarde}': ${a.toegepast ? 'niet toegepast' : 'toegepast'}, verwacht het omgekeerde (${echt.map((x) => x.uitleg).join(' ')})`,
      );
  }
  for (const [id, waarde] of Object.entries(verwacht)) {
    if (VERWACHT_ALGEMEEN.has(id)) continue;
    const v = verwachtVoorzieningSchema.parse(waarde);
    const u = r.resultaat.voorzieningen.find((x) => x.voorziening === id);
    if (!u) {
      afwijkingen.push(`${id}: niet beoordeeld`);
      continue;
    }
    vergelijkVoorziening(u, v, r.resultaat, afwijkingen);
  }
  return afwijkingen;
}

function vergelijkConflicten(r: Resultaat, verwacht: readonly string[], uit: string[]): void {
  const sleutels = r.conflicten.map((c) => `${c.artikel} ${c.met}`);
  for (const v of verwacht)
    if (!sleutels.includes(v))
      uit.push(`conflict '${v}' niet gemeld (wel: ${sleutels.join('; ') || 'geen'})`);
  if (verwacht.length === 0) {
    const hard = r.conflicten.filter((c) => c.soort === 'vervallen' || c.soort === 'strijdig');
    if (hard.length > 0)
      uit.push(`geen conflicten verwacht, kreeg: ${hard.map((c) => `${c.artikel} ${c.met}`).join('; ')}`);
  }
}

/** "15 lid 1" names an article of the gemeente; "participatiewet 10a lid 1" one of another regulation. */
function citeert(
  u: VoorzieningUitkomst,
  r: Resultaat,
  verwijzing: string,
  alleenNietVoldaan: boolean,
): boolean {
  const [eerste, ...rest] = verwijzing.split(' ');
  const regelingIds = new Set(r.regelingen.map((x) => x.id));
  const metRegeling =
    eerste !== undefined && (regelingIds.has(eerste) || eerste.includes('/') || eerste === 'participatiewet');
  const artikel = metRegeling ? rest.join(' ') : verwijzing;
  return u.gronden.some(
    (g) =>
      (!alleenNietVoldaan || g.voldaan === false) &&
      (metRegeling
        ? g.regeling === eerste
        : r.regelingen.some((x) => x.id === g.regeling && x.id.includes('/'))) &&
      (g.artikel === artikel || g.artikel.startsWith(`${artikel} `)),
  );
}

function vergelijkVoorziening(
  u: VoorzieningUitkomst,
  v: VerwachtVoorziening,
  r: Resultaat,
  uit: string[],
): void {
  const id = u.voorziening;
  if (u.uitkomst !== v.uitkomst) {
    const redenen = u.gronden
      .filter((g) => g.voldaan !== true)
      .map((g) => `${g.regeling} ${g.artikel}: ${g.uitleg}`);
    uit.push(
      `${id}: uitkomst ${u.uitkomst}, verwacht ${v.uitkomst}${redenen.length ? `\n      ${redenen.join('\n      ')}` : ''}`,
    );
  }
  if (v.vragen) {
    const echt = u.vragen.map((q) => q.feit).sort();
    if (JSON.stringify(echt) !== JSON.stringify([...v.vragen].sort()))
      uit.push(`${id}: vragen ${JSON.stringify(echt)}, verwacht ${JSON.stringify(v.vragen)}`);
  }
  for (const [feit, zin] of Object.entries(v.vraagBevat ?? {})) {
    const q = u.vragen.find((x) => x.feit === feit);
    if (!q) uit.push(`${id}: vraag ${feit} wordt niet gesteld`);
    else if (!q.vraag.includes(zin)) uit.push(`${id}: vraag ${feit} bevat niet '${zin}': ${q.vraag}`);
  }
  for (const a of v.artikelen ?? []) {
    const nietVoldaan = v.uitkomst === 'afgewezen';
    if (!citeert(u, r, a, nietVoldaan)) {
      // Name the article that is missing, and as context only what could stand in its place: the
      // reasons for refusal, or (when it is cited but met) that it is no reason.
      const redenen = [
        ...new Set(u.gronden.filter((g) => g.voldaan === false).map((g) => `${g.regeling} ${g.artikel}`)),
      ];
      const welGeciteerd = nietVoldaan && citeert(u, r, a, false);
      uit.push(
        nietVoldaan
          ? `${id}: artikel ${a} is geen reden van afwijzing${welGeciteerd ? ' (het wordt geciteerd, maar is voldaan)' : ''}; redenen: ${redenen.join(', ') || 'geen'}`
          : `${id}: artikel ${a} wordt niet geciteerd`,
      );
    }
  }
  if (v.onderVoorbehoud) {
    const echt = Object.entries(u.bedragen)
      .filter(([, b]) => (b.voorbehoud ?? []).length > 0)
      .map(([naam]) => naam)
      .sort();
    if (JSON.stringify(echt) !== JSON.stringify([...v.onderVoorbehoud].sort()))
      uit.push(
        `${id}: onder voorbehoud ${JSON.stringify(echt)}, verwacht ${JSON.stringify(v.onderVoorbehoud)}`,
      );
  }
  for (const [naam, cent] of Object.entries(v.bedragen ?? {})) {
    const b = u.bedragen[naam];
    if (!b)
      uit.push(`${id}: bedrag ${naam} ontbreekt (wel: ${Object.keys(u.bedragen).join(', ') || 'geen'})`);
    else if (b.cent !== cent) uit.push(`${id}: bedrag ${naam} is ${b.cent}, verwacht ${cent}`);
  }
  for (const naam of v.geenBedragen ?? [])
    if (u.bedragen[naam]) uit.push(`${id}: bedrag ${naam} had er niet moeten zijn`);
  if (v.maximaleEinddatum !== undefined && u.termijnen.maximaleEinddatum !== v.maximaleEinddatum) {
    uit.push(`${id}: maximaleEinddatum ${u.termijnen.maximaleEinddatum}, verwacht ${v.maximaleEinddatum}`);
  }
  if (v.einddatum !== undefined && u.termijnen.einddatum !== v.einddatum)
    uit.push(`${id}: einddatum ${u.termijnen.einddatum}, verwacht ${v.einddatum}`);
  for (const d of v.evaluatiemomenten ?? []) {
    if (!u.termijnen.evaluatiemomenten.some((m) => m.datum === d))
      uit.push(
        `${id}: evaluatiemoment ${d} ontbreekt (wel: ${u.termijnen.evaluatiemomenten.map((m) => m.datum).join(', ')})`,
      );
  }
  if (v.betaalmomenten) {
    const echt = u.termijnen.betaalmomenten.map((m) => m.datum);
    if (JSON.stringify(echt) !== JSON.stringify(v.betaalmomenten))
      uit.push(`${id}: betaalmomenten ${JSON.stringify(echt)}, verwacht ${JSON.stringify(v.betaalmomenten)}`);
  }
  const zinnen = u.gronden.map((g) => g.uitleg);
  for (const z of v.uitlegBevat ?? [])
    if (!zinnen.some((x) => x.includes(z)))
      uit.push(`${id}: geen uitleg bevat '${z}' (wel: ${zinnen.join(' | ')})`);
  for (const z of v.uitlegNiet ?? [])
    for (const x of zinnen.filter((y) => y.includes(z))) uit.push(`${id}: uitleg bevat '${z}': ${x}`);
  if (v.ontbrekendeFeiten) {
    const echt = [...u.ontbrekendeFeiten].sort();
    if (JSON.stringify(echt) !== JSON.stringify([...v.ontbrekendeFeiten].sort()))
      uit.push(
        `${id}: ontbrekendeFeiten ${JSON.stringify(echt)}, verwacht ${JSON.stringify(v.ontbrekendeFeiten)}`,
      );
  }
}

export function draaiTestbestand(
  engine: Engine,
  bestand: string,
): { fouten: BestandsFout[]; uitslagen: GevalUitslag[] } {
  const eigen = engine.bibliotheek.regelingen.flatMap((r) => Object.keys(r.vocabulaire?.voorzieningen ?? {}));
  const t = leesTestbestand(bestand, [...LANDELIJKE_VOORZIENINGEN, ...new Set(eigen)]);
  if (!t.ok) return { fouten: t.fouten, uitslagen: [] };
  return {
    fouten: [],
    uitslagen: t.gevallen.map((g) => ({
      bestand,
      regel: g.regel,
      naam: g.naam,
      afwijkingen: draaiGeval(engine, g.casus, g.verwacht),
    })),
  };
}
