import type { Casus } from '../casus/index.ts';
import type { EvaluatieOpties, VoorzieningUitkomst } from '../engine/index.ts';
import type { Regeling } from '../regelgeving/index.ts';
import { datumTekst } from '../taal/index.ts';
import type { ImpactOpzet } from './opzet.ts';

/**
 * Which requests need a judgement of the college under a new version that the version in force did
 * not ask for. Each request is judged, explained, under both versions with the judgements the college
 * recorded (a judgement answers the question with the same key under either version); a question the
 * new version asks and the current one did not is new for that request. Per question the count, the
 * outcomes under both versions, and a sentence (B1) that says why it is asked now, built only from
 * what the versions themselves say. The outcome-only impact counts the same moves; this says which
 * question causes them.
 */

export type NieuweVraagReden =
  /** The current version's article is not applied (its foundation in the law is repealed); the new one rests on the law again. */
  | {
      readonly soort: 'weer-van-toepassing';
      readonly vervallen: readonly { readonly artikel: string; readonly per?: string }[];
      readonly nieuweGrondslag: readonly string[];
    }
  /** The question comes from the national law. */
  | { readonly soort: 'wet'; readonly sinds?: string }
  /** The question is the condition of the transitional article. */
  | { readonly soort: 'overgangsrecht'; readonly toegekendVoor: string }
  /** The new version changes the article the question stands in. */
  | { readonly soort: 'artikel-gewijzigd' }
  /** None of the above can be shown: only that the current version did not ask it for these requests. */
  | { readonly soort: 'niet-gesteld' };

export interface UitkomstOvergang {
  readonly van: string;
  readonly naar: string;
  readonly aantal: number;
}

export interface NieuweVraag {
  readonly voorziening: string;
  /** The question's key (the judgement's id in `feiten.oordelen`). */
  readonly feit: string;
  readonly vraag: string;
  readonly regeling: string;
  /** As the engine cites it: "13", "20 lid 3". */
  readonly artikel: string;
  readonly reden: NieuweVraagReden;
  /** Why the question is asked now, in plain Dutch. */
  readonly uitleg: string;
  /** Requests that get this question under the new version and not under the current one. */
  readonly aanvragen: number;
  readonly overgangen: readonly UitkomstOvergang[];
}

export interface NieuweOordelenVoorziening {
  readonly voorziening: string;
  /** Requests for this voorziening that need at least one new judgement. */
  readonly aanvragen: number;
  readonly overgangen: readonly UitkomstOvergang[];
}

export interface NieuweOordelen {
  /** Requests judged (cases with a request). */
  readonly beoordeeld: number;
  /** Requests that need at least one new judgement. */
  readonly aanvragen: number;
  readonly perVoorziening: readonly NieuweOordelenVoorziening[];
  /** Most frequent first. */
  readonly vragen: readonly NieuweVraag[];
}

export interface Oordelenteller {
  tel(casus: Casus): void;
  uitslag(): NieuweOordelen;
}

const nummerVan = (artikel: string) => artikel.split(' ')[0]!;

function telOvergang(m: Map<string, number>, van: string, naar: string) {
  const k = `${van}\u0000${naar}`;
  m.set(k, (m.get(k) ?? 0) + 1);
}

function overgangenUit(m: Map<string, number>): UitkomstOvergang[] {
  return [...m]
    .map(([k, aantal]) => {
      const [van, naar] = k.split('\u0000') as [string, string];
      return { van, naar, aantal };
    })
    .sort((a, b) => b.aantal - a.aantal || (a.van + a.naar < b.van + b.naar ? -1 : 1));
}

/** A counter over the two versions of an impact run, on its date. */
export function maakOordelenteller(
  opzet: ImpactOpzet,
  gewijzigdeArtikelen: ReadonlySet<string>,
): Oordelenteller {
  const optiesVan: EvaluatieOpties = { vervang: new Map([[opzet.van.id, opzet.van]]) };
  const optiesNaar: EvaluatieOpties = { vervang: new Map([[opzet.naar.id, opzet.naar]]) };
  const uitkomst = (casus: Casus, opties: EvaluatieOpties): VoorzieningUitkomst | undefined => {
    const r = opzet.engine.evalueer(casus, opties);
    return r.ok ? r.resultaat.voorzieningen[0] : undefined;
  };
  const wet = opzet.batchNaar.plan.wet;
  const wetVersies = opzet.engine.bibliotheek.versies(wet.id).filter((v) => v.geldigVanaf <= wet.geldigVanaf);

  let beoordeeld = 0;
  let aanvragen = 0;
  const vragen = new Map<
    string,
    { vraag: Omit<NieuweVraag, 'aanvragen' | 'overgangen'>; aantal: number; overgangen: Map<string, number> }
  >();
  const perVoorziening = new Map<string, { aantal: number; overgangen: Map<string, number> }>();

  const redenVan = (voorziening: string, q: VoorzieningUitkomst['vragen'][number]): NieuweVraagReden => {
    const nummer = nummerVan(q.artikel);
    if (q.regeling === wet.id) {
      const sinds = sindsInWet(wetVersies, q.feit);
      return { soort: 'wet', ...(sinds ? { sinds } : {}) };
    }
    if (q.regeling !== opzet.naar.id) return { soort: 'niet-gesteld' };
    const ov = opzet.naar.overgangsrecht;
    if (ov && nummer === ov.artikel && naarOvergangsvraag(opzet, q.feit))
      return {
        soort: 'overgangsrecht',
        toegekendVoor: ov.toegekendVoor ?? opzet.naar.overgangsrechtSinds ?? opzet.naar.geldigVanaf,
      };
    const pv = opzet.batchVan.plan.voorzieningen.get(voorziening as never);
    const buiten = pv?.voorwaarden.find(
      (w) => w.buitenToepassing && w.bron.regeling.id === opzet.van.id && w.bron.artikel === nummer,
    );
    if (buiten) {
      const oud = opzet.van.artikelen.find((a) => a.nummer === nummer);
      const nieuw = opzet.naar.artikelen.find((a) => a.nummer === nummer);
      const vervallen = (oud?.grondslag ?? [])
        .filter((g) => g.regeling === wet.id)
        .map((g) => {
          const per = wet.artikelen.find((a) => a.nummer === g.artikel)?.vervallenPer;
          return { artikel: g.artikel, ...(per ? { per } : {}) };
        });
      const nieuweGrondslag = (nieuw?.grondslag ?? [])
        .filter((g) => g.regeling === wet.id)
        .map((g) => g.artikel);
      return { soort: 'weer-van-toepassing', vervallen, nieuweGrondslag };
    }
    if (gewijzigdeArtikelen.has(nummer)) return { soort: 'artikel-gewijzigd' };
    return { soort: 'niet-gesteld' };
  };

  return {
    tel(casus) {
      const aanvraag = casus.aanvraag;
      if (!aanvraag) return;
      beoordeeld++;
      const naar = uitkomst(casus, optiesNaar);
      if (!naar || naar.vragen.length === 0) return;
      const van = uitkomst(casus, optiesVan);
      const gesteld = new Set(van?.vragen.map((q) => q.feit) ?? []);
      const nieuw = naar.vragen.filter((q) => !gesteld.has(q.feit));
      if (nieuw.length === 0) return;
      aanvragen++;
      const labelVan = van?.uitkomst ?? 'niet-aangeboden';
      const v = perVoorziening.get(naar.voorziening) ?? { aantal: 0, overgangen: new Map() };
      v.aantal++;
      telOvergang(v.overgangen, labelVan, naar.uitkomst);
      perVoorziening.set(naar.voorziening, v);
      for (const q of nieuw) {
        const sleutel = `${naar.voorziening}|${q.feit}|${q.regeling}|${q.artikel}`;
        let rij = vragen.get(sleutel);
        if (!rij) {
          const reden = redenVan(naar.voorziening, q);
          rij = {
            vraag: {
              voorziening: naar.voorziening,
              feit: q.feit,
              vraag: q.vraag,
              regeling: q.regeling,
              artikel: q.artikel,
              reden,
              uitleg: redenTekst(opzet, q, reden),
            },
            aantal: 0,
            overgangen: new Map(),
          };
          vragen.set(sleutel, rij);
        }
        rij.aantal++;
        telOvergang(rij.overgangen, labelVan, naar.uitkomst);
      }
    },
    uitslag() {
      return {
        beoordeeld,
        aanvragen,
        perVoorziening: [...perVoorziening]
          .map(([voorziening, v]) => ({
            voorziening,
            aanvragen: v.aantal,
            overgangen: overgangenUit(v.overgangen),
          }))
          .sort((a, b) => b.aanvragen - a.aanvragen || (a.voorziening < b.voorziening ? -1 : 1)),
        vragen: [...vragen.values()]
          .map((r) => ({ ...r.vraag, aanvragen: r.aantal, overgangen: overgangenUit(r.overgangen) }))
          .sort((a, b) => b.aanvragen - a.aanvragen || (a.feit < b.feit ? -1 : 1)),
      };
    },
  };
}

/** Whether the key is the condition of the new version's transitional article. */
function naarOvergangsvraag(opzet: ImpactOpzet, feit: string): boolean {
  const w = opzet.naar.overgangsrecht?.voorwaarde;
  return bevatOordeel(w, feit);
}

function bevatOordeel(w: unknown, feit: string): boolean {
  if (Array.isArray(w)) return w.some((x) => bevatOordeel(x, feit));
  if (typeof w !== 'object' || w === null) return false;
  const o = w as Record<string, unknown>;
  if (o.oordeel === feit) return true;
  return Object.values(o).some((x) => bevatOordeel(x, feit));
}

/**
 * The first day of the last unbroken run of national versions that ask this question: from then on
 * the law asks it. Undefined when even the oldest loaded version asks it (the law may have asked it
 * before that; the system does not know).
 */
function sindsInWet(versies: readonly Regeling[], feit: string): string | undefined {
  let sinds: string | undefined;
  let vanafOudste = true;
  for (const v of versies) {
    if (bevatOordeel(v.ruw_, feit)) {
      if (sinds === undefined) sinds = v.geldigVanaf;
    } else {
      sinds = undefined;
      vanafOudste = false;
    }
  }
  return vanafOudste ? undefined : sinds;
}

const artikelWoord = (artikel: string) => `artikel ${artikel}`;

function redenTekst(
  opzet: ImpactOpzet,
  q: VoorzieningUitkomst['vragen'][number],
  reden: NieuweVraagReden,
): string {
  const vraag = `„${q.vraag}”`;
  const huidig = `de ${opzet.van.citeertitel}`;
  switch (reden.soort) {
    case 'wet':
      return reden.sinds
        ? `De wet vraagt sinds ${datumTekst(reden.sinds)}: ${vraag} (artikel ${q.artikel} van de Participatiewet). Onder ${huidig} kwam deze vraag bij deze aanvragen niet aan de orde.`
        : `De wet vraagt: ${vraag} (artikel ${q.artikel} van de Participatiewet). Onder ${huidig} kwam deze vraag bij deze aanvragen niet aan de orde.`;
    case 'overgangsrecht':
      return `Deze voorzieningen zijn toegekend vóór ${datumTekst(reden.toegekendVoor)}. Daarom geldt het overgangsrecht van ${artikelWoord(q.artikel)}, en dat vraagt: ${vraag}`;
    case 'weer-van-toepassing': {
      const nummer = nummerVan(q.artikel);
      const oud = reden.vervallen
        .map(
          (v) =>
            `artikel ${v.artikel} van de wet${v.per ? `, dat sinds ${datumTekst(v.per)} vervallen is` : ', dat vervallen is'}`,
        )
        .join(' en ');
      const nieuw =
        reden.nieuweGrondslag.length > 0
          ? ` Het ontwerp laat artikel ${nummer} rusten op ${reden.nieuweGrondslag.map((a) => `artikel ${a}`).join(' en ')} van de wet. Daardoor gelden de regels van artikel ${nummer} weer, ook deze vraag.`
          : ` In het ontwerp gelden de regels van artikel ${nummer} weer, ook deze vraag.`;
      return `Artikel ${q.artikel} vraagt nu: ${vraag} Onder ${huidig} past het systeem artikel ${nummer} niet toe, omdat het rust op ${oud}.${nieuw}`;
    }
    case 'artikel-gewijzigd':
      return `Artikel ${nummerVan(q.artikel)} is in het ontwerp gewijzigd. ${artikelWoord(q.artikel).replace(/^a/, 'A')} vraagt nu: ${vraag}`;
    case 'niet-gesteld':
      return `Onder ${huidig} stelde het systeem deze vraag bij deze aanvragen niet. Onder het ontwerp wel: ${vraag} (${artikelWoord(q.artikel)}).`;
  }
}
