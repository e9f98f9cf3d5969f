import type { Casus } from '../casus/index.ts';
import { type Batch, NIET_BEOORDEELD, TOEGESTAAN } from '../engine/batch.ts';
import type { VoorzieningId } from '../regelgeving/index.ts';
import type { Jaarbedrag } from './jaarbedrag.ts';

/**
 * What a change of regulation does to a caseload: every case is judged under two versions (two
 * batches for one gemeente and date), and the outcomes per voorziening and the yearly cost of what
 * is granted are counted. Counts live in flat arrays so a run can be split over threads and the
 * parts added up; `impactCijfers` turns them into a report.
 */

/** Outcome labels by batch code; code 4 is a voorziening the version does not offer (cases without request). */
export const UITKOMSTLABELS = [
  'afgewezen',
  'toegestaan',
  'onbepaald',
  'ter-beoordeling',
  'niet-aangeboden',
] as const;
export type Uitkomstlabel = (typeof UITKOMSTLABELS)[number];

const CODES = UITKOMSTLABELS.length;
/** Cases with a request count the requested voorziening; cases without one count every voorziening on offer. */
const AANVRAAG = 0;
const ZONDER_AANVRAAG = 1;

/** Fields per voorziening in `kosten`. */
const VAN_CENT = 0;
const NAAR_CENT = 1;
const VAN_ONBEKEND = 2;
const NAAR_ONBEKEND = 3;
const VERSCHIL_CENT = 4;
const VERSCHIL_ONBEKEND = 5;
const ANDER_BEDRAG = 6;
const KOSTENVELDEN = 7;

/** The running totals of an impact run; plain numbers and arrays, so a worker can send them. */
export interface ImpactStand {
  /** The voorziening of each slot: the batches' shared list (national ones, then declared ones). */
  readonly sloten: readonly string[];
  casussen: number;
  metAanvraag: number;
  /** Cases with another outcome for at least one voorziening. */
  gewijzigd: number;
  /** Counts by [soort][slot][code under van][code under naar]. */
  readonly overgangen: Float64Array;
  /** Per slot: yearly cents and counts, see the field constants. */
  readonly kosten: Float64Array;
}

export function nieuweStand(sloten: readonly string[]): ImpactStand {
  const s = sloten.length;
  return {
    sloten,
    casussen: 0,
    metAanvraag: 0,
    gewijzigd: 0,
    overgangen: new Float64Array(2 * s * CODES * CODES),
    kosten: new Float64Array(s * KOSTENVELDEN),
  };
}

/** Adds the counts of `bron` to `doel` (parts of one run). */
export function voegStandToe(doel: ImpactStand, bron: ImpactStand): void {
  if (doel.sloten.join() !== bron.sloten.join())
    throw new RangeError('delen van een impactrun met verschillende voorzieningen');
  doel.casussen += bron.casussen;
  doel.metAanvraag += bron.metAanvraag;
  doel.gewijzigd += bron.gewijzigd;
  for (let i = 0; i < doel.overgangen.length; i++) doel.overgangen[i]! += bron.overgangen[i]!;
  for (let i = 0; i < doel.kosten.length; i++) doel.kosten[i]! += bron.kosten[i]!;
}

export interface Impactteller {
  /** Judges one case under both versions and counts it. */
  tel(casus: Casus): void;
  readonly stand: ImpactStand;
}

/**
 * The yearly amounts a counter uses instead of the batches' own (`jaarlast`): the reference
 * `maakJaarbedrag` in the tests that hold both to the same figures.
 */
export interface Referentiebedragen {
  readonly van: Jaarbedrag;
  readonly naar: Jaarbedrag;
}

/**
 * A counter over two batches of the same gemeente and date (`van` the current version, `naar` the
 * new one), made with the same slots and `jaarlast` (as `zetImpactOp` makes them).
 */
export function maakImpactteller(van: Batch, naar: Batch, referentie?: Referentiebedragen): Impactteller {
  if (van.gemeente !== naar.gemeente || van.peildatum !== naar.peildatum)
    throw new RangeError('een impactrun vergelijkt twee versies voor dezelfde gemeente en datum');
  if (van.sloten.join() !== naar.sloten.join())
    throw new RangeError('een impactrun vergelijkt twee batches met dezelfde voorzieningen');
  if (referentie === undefined && !(van.opties.jaarlast && naar.opties.jaarlast))
    throw new RangeError('een impactrun telt jaarbedragen: maak beide batches met jaarlast');
  const stand = nieuweStand(van.sloten);
  const S = van.sloten.length;
  const { overgangen, kosten } = stand;
  // Two batches made alike from one plan judge every case alike (Batch.sleutel): the case is judged
  // once and read as both versions' outcome, which halves a run of a version against itself.
  const eenOordeel = van.plan === naar.plan && van.sleutel === naar.sleutel;
  const uitVan = new Uint8Array(S);
  const uitNaar = eenOordeel ? uitVan : new Uint8Array(S);
  // NaN: the amount is not known (see BatchOpties.jaarlast).
  const jaarVan = new Float64Array(S);
  const jaarNaar = eenOordeel ? jaarVan : new Float64Array(S);

  const telKosten = (casus: Casus, slot: number, a: number, b: number) => {
    const k = slot * KOSTENVELDEN;
    let centVan = a === TOEGESTAAN ? jaarVan[slot]! : 0;
    let centNaar = b === TOEGESTAAN ? jaarNaar[slot]! : 0;
    if (referentie) {
      centVan = a === TOEGESTAAN ? (referentie.van(casus) ?? NaN) : 0;
      centNaar = b === TOEGESTAAN ? (referentie.naar(casus) ?? NaN) : 0;
    }
    const vanOnbekend = Number.isNaN(centVan);
    const naarOnbekend = Number.isNaN(centNaar);
    if (vanOnbekend) kosten[k + VAN_ONBEKEND]!++;
    else kosten[k + VAN_CENT]! += centVan;
    if (naarOnbekend) kosten[k + NAAR_ONBEKEND]!++;
    else kosten[k + NAAR_CENT]! += centNaar;
    if (vanOnbekend || naarOnbekend) kosten[k + VERSCHIL_ONBEKEND]!++;
    else if (centVan !== centNaar) {
      kosten[k + VERSCHIL_CENT]! += centNaar - centVan;
      kosten[k + ANDER_BEDRAG]!++;
    }
  };

  return {
    stand,
    tel(casus) {
      van.beoordeel(casus, uitVan, jaarVan);
      if (!eenOordeel) naar.beoordeel(casus, uitNaar, jaarNaar);
      stand.casussen++;
      const aanvraag = casus.aanvraag;
      if (!aanvraag) {
        const basis = ZONDER_AANVRAAG * S;
        let gewijzigd = false;
        for (let s = 0; s < S; s++) {
          const a = uitVan[s]!;
          const b = uitNaar[s]!;
          if (a === NIET_BEOORDEELD && b === NIET_BEOORDEELD) continue;
          overgangen[((basis + s) * CODES + a) * CODES + b]!++;
          if (a !== b) gewijzigd = true;
        }
        if (gewijzigd) stand.gewijzigd++;
        return;
      }
      stand.metAanvraag++;
      // A request is judged for its own voorziening only: every other slot holds NIET_BEOORDEELD
      // under both versions (Batch.beoordeel), so its slot is the one to count.
      const slot = van.slotVan.get(aanvraag.voorziening);
      if (slot === undefined) return;
      const a = uitVan[slot]!;
      const b = uitNaar[slot]!;
      if (a === NIET_BEOORDEELD && b === NIET_BEOORDEELD) return;
      overgangen[((AANVRAAG * S + slot) * CODES + a) * CODES + b]!++;
      if (a !== b) stand.gewijzigd++;
      if (a === TOEGESTAAN || b === TOEGESTAAN) telKosten(casus, slot, a, b);
    },
  };
}

export interface Overgang {
  readonly van: Uitkomstlabel;
  readonly naar: Uitkomstlabel;
  readonly aantal: number;
}

export interface Overgangen {
  /** Judgements counted (cases with a request: cases asking for this voorziening). */
  readonly aantal: number;
  /** Of which with another outcome under `naar`. */
  readonly gewijzigd: number;
  readonly van: Readonly<Partial<Record<Uitkomstlabel, number>>>;
  readonly naar: Readonly<Partial<Record<Uitkomstlabel, number>>>;
  /** Every pair that occurs, unchanged ones included, most frequent first. */
  readonly overgangen: readonly Overgang[];
}

export interface Jaarlast {
  /** Known yearly cents of granted requests under each version. */
  readonly vanCent: number;
  readonly naarCent: number;
  /** naar − van, over the cases whose amount is known under both versions. */
  readonly verschilCent: number;
  /** Cases whose known yearly amount differs between the versions (outcome changes included). */
  readonly anderBedrag: number;
  /** Granted requests whose amount cannot be computed, per version, and the cases left out of the difference. */
  readonly onbekend: { readonly van: number; readonly naar: number; readonly verschil: number };
}

export interface VoorzieningImpact {
  readonly voorziening: VoorzieningId;
  readonly aanvragen: Overgangen;
  readonly zonderAanvraag: Overgangen;
  readonly jaarlast: Jaarlast;
}

export interface ImpactCijfers {
  readonly casussen: number;
  readonly metAanvraag: number;
  readonly zonderAanvraag: number;
  readonly gewijzigd: number;
  /** Voorzieningen with at least one judgement, in the engine's slot order. */
  readonly voorzieningen: readonly VoorzieningImpact[];
  readonly jaarlast: Jaarlast & { readonly definitie: string };
}

export const JAARLAST_DEFINITIE =
  'Jaarlast: voor elke aanvraag die onder een versie is toegestaan, de bedragen van die voorziening ' +
  'omgerekend naar een jaar (per maand × 12, per zes maanden × 2, per jaar en eenmalig × 1), in hele centen. ' +
  'Afgewezen, onbepaald en ter beoordeling tellen als 0; casussen zonder aanvraag tellen niet mee. ' +
  'Een bedrag dat niet te berekenen is (ontbrekend feit, onbekend landelijk bedrag, voorwaarde voor het bedrag ' +
  'die nog open staat, bedrag per uur) wordt niet geschat: het telt niet mee en staat onder onbekend. ' +
  'Het verschil telt alleen casussen waarvan het bedrag onder beide versies bekend is.';

function overgangenVan(stand: ImpactStand, soort: number, slot: number): Overgangen {
  const S = stand.sloten.length;
  let aantal = 0;
  let gewijzigd = 0;
  const van: Partial<Record<Uitkomstlabel, number>> = {};
  const naar: Partial<Record<Uitkomstlabel, number>> = {};
  const lijst: Overgang[] = [];
  for (let a = 0; a < CODES; a++)
    for (let b = 0; b < CODES; b++) {
      const n = stand.overgangen[((soort * S + slot) * CODES + a) * CODES + b]!;
      if (n === 0) continue;
      const la = UITKOMSTLABELS[a]!;
      const lb = UITKOMSTLABELS[b]!;
      aantal += n;
      if (a !== b) gewijzigd += n;
      van[la] = (van[la] ?? 0) + n;
      naar[lb] = (naar[lb] ?? 0) + n;
      lijst.push({ van: la, naar: lb, aantal: n });
    }
  lijst.sort((x, y) => y.aantal - x.aantal);
  return { aantal, gewijzigd, van, naar, overgangen: lijst };
}

function jaarlastVan(kosten: Float64Array, slot: number): Jaarlast {
  const k = slot * KOSTENVELDEN;
  return {
    vanCent: kosten[k + VAN_CENT]!,
    naarCent: kosten[k + NAAR_CENT]!,
    verschilCent: kosten[k + VERSCHIL_CENT]!,
    anderBedrag: kosten[k + ANDER_BEDRAG]!,
    onbekend: {
      van: kosten[k + VAN_ONBEKEND]!,
      naar: kosten[k + NAAR_ONBEKEND]!,
      verschil: kosten[k + VERSCHIL_ONBEKEND]!,
    },
  };
}

/** The counts as a report: per voorziening the outcome transitions and the yearly cost, and the totals. */
export function impactCijfers(stand: ImpactStand): ImpactCijfers {
  const voorzieningen: VoorzieningImpact[] = [];
  const totaal = new Float64Array(KOSTENVELDEN);
  for (let s = 0; s < stand.sloten.length; s++) {
    const aanvragen = overgangenVan(stand, AANVRAAG, s);
    const zonderAanvraag = overgangenVan(stand, ZONDER_AANVRAAG, s);
    if (aanvragen.aantal === 0 && zonderAanvraag.aantal === 0) continue;
    for (let v = 0; v < KOSTENVELDEN; v++) totaal[v]! += stand.kosten[s * KOSTENVELDEN + v]!;
    voorzieningen.push({
      voorziening: stand.sloten[s]! as VoorzieningId,
      aanvragen,
      zonderAanvraag,
      jaarlast: jaarlastVan(stand.kosten, s),
    });
  }
  return {
    casussen: stand.casussen,
    metAanvraag: stand.metAanvraag,
    zonderAanvraag: stand.casussen - stand.metAanvraag,
    gewijzigd: stand.gewijzigd,
    voorzieningen,
    jaarlast: { ...jaarlastVan(totaal, 0), definitie: JAARLAST_DEFINITIE },
  };
}
