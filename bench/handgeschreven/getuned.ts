import type { Casus } from '../../src/casus/index.ts';
import { eindeTermijnMaanden, leeftijdenOp, naarDagnummer } from '../../src/kalender/index.ts';
import * as dinkelland from './dinkelland.ts';
import * as groningen from './groningen.ts';
import { NEE, NIET_BEOORDEELD, SLOT, type W } from './kleene.ts';

/**
 * The hand-written rules of dinkelland.ts and groningen.ts with the driver a developer tuning them
 * would write: the very same rule functions (so a change to the rules there is a change here), but
 * the peildatum read once per run rather than once per case for the age, and the offer walked as
 * flat arrays (measured: 5 to 10% less CPU than the straightforward driver). It also computes what a hand-written implementation
 * would hand on besides the outcome, for the voorziening asked for most (participatieplaats): the
 * premie per year and the last day the term may run to, which the bench holds against our engine's
 * explained result. Like the rules it follows, it must be adapted when the engine's semantics change.
 */

type Aanvraag = NonNullable<Casus['aanvraag']>;

interface Regels {
  readonly voorwaarden: (
    id: string,
    f: Casus['feiten'],
    l: number | undefined,
    o: Readonly<Record<string, boolean>> | undefined,
    start: string,
  ) => W;
  readonly aanvraag: (c: Casus, a: Aanvraag) => W;
  readonly AANBOD: ReadonlySet<string>;
}

/** Amount and term as the bench compares them; NIET_BEREKEND where this peer does not compute them. */
export interface BedragEnEinde {
  /** The premie as cents per year, 0 where there is none or it is not certain yet. */
  bedragJaarCent: number;
  /** The last day the term may run to as a day number, -1 where no text sets one. */
  eindeDag: number;
}

export const NIET_BEREKEND = -2;

export interface GetundePeer {
  beoordeel(c: Casus, uit: Uint8Array): void;
  /** Fills `uit` for a case; both fields NIET_BEREKEND for a request this peer does not compute. */
  bedragEnEinde(c: Casus, uit: BedragEnEinde): void;
}

function maakPeer(regels: Regels, bedragEnEinde: GetundePeer['bedragEnEinde']): GetundePeer {
  const aanbod = [...regels.AANBOD];
  const sloten = Int8Array.from(aanbod.map((id) => SLOT[id]!));
  // The peildatum is the same for a whole run: read it once, not once per case.
  let peildatum = '';
  let leeftijdOpPeildatum = (_geboren: string) => 0;
  return {
    beoordeel(c, uit) {
      uit.fill(NIET_BEOORDEELD);
      const f = c.feiten;
      const g = f.geboortedatum;
      if (c.peildatum !== peildatum) {
        peildatum = c.peildatum;
        leeftijdOpPeildatum = leeftijdenOp(peildatum);
      }
      const a = c.aanvraag;
      if (a) {
        // A request is judged on its first day (the ingangsdatum): the rules read that age themselves.
        uit[SLOT[a.voorziening]!] = regels.aanvraag(c, a);
        return;
      }
      const l = typeof g === 'string' ? leeftijdOpPeildatum(g) : undefined;
      const o = f.oordelen;
      for (let i = 0; i < aanbod.length; i++)
        uit[sloten[i]!] = regels.voorwaarden(aanbod[i]!, f, l, o, peildatum);
    },
    bedragEnEinde,
  };
}

const verlengingen = (a: Aanvraag) => (typeof a.verlengingen === 'number' ? a.verlengingen : 0);
const ingang = (c: Casus, a: Aanvraag) => (typeof a.ingangsdatum === 'string' ? a.ingangsdatum : c.peildatum);

/** The end a request asks for: its einddatum, else ingangsdatum plus duurMaanden. */
function gevraagdEinde(a: Aanvraag, begin: string): string | undefined {
  if (typeof a.einddatum === 'string') return a.einddatum;
  const m = a.duurMaanden;
  return typeof m === 'number' && m > 0 ? eindeTermijnMaanden(begin, m) : undefined;
}

function nietBerekend(uit: BedragEnEinde) {
  uit.bedragJaarCent = NIET_BEREKEND;
  uit.eindeDag = NIET_BEREKEND;
}

export const getuned: Readonly<Record<string, GetundePeer>> = {
  dinkelland: maakPeer(dinkelland, (c, uit) => {
    const a = c.aanvraag;
    if (a?.voorziening !== 'participatieplaats') return nietBerekend(uit);
    // Art. 15 lid 2 and art. 10a Pw: 24 months and twice 12 more. Art. 20 lid 3: a grant from before
    // 1 July 2015 runs on for the agreed term within the law's, without the ordinance's amounts.
    const oud = typeof a.toegekendOp === 'string' && a.toegekendOp < '2015-07-01';
    const begin = ingang(c, a);
    const k = Math.min(verlengingen(a), 2);
    const maximaal = eindeTermijnMaanden(begin, 24 + 12 * k);
    const afgesproken = oud ? gevraagdEinde(a, begin) : undefined;
    uit.eindeDag = naarDagnummer(
      afgesproken !== undefined && afgesproken < maximaal ? afgesproken : maximaal,
    );
    // Art. 15 lid 5: € 150 per six months at more than 20 hours a week and enough cooperation.
    // A refused request has no amounts. The amount is the ordinance's from its first day (1 July 2015):
    // for a placement that began earlier, the amount of the rules then in force is not known.
    const premie =
      !oud &&
      begin >= '2015-07-01' &&
      typeof a.urenPerWeek === 'number' &&
      a.urenPerWeek > 20 &&
      a.voldoendeMeegewerkt === true &&
      dinkelland.aanvraag(c, a) !== NEE;
    uit.bedragJaarCent = premie ? 2 * 15_000 : 0;
  }),
  groningen: maakPeer(groningen, (c, uit) => {
    const a = c.aanvraag;
    if (a?.voorziening !== 'participatieplaats') return nietBerekend(uit);
    // A year, at most twice a year more, within the law's 24 months and twice 12 more.
    const k = Math.min(verlengingen(a), 2);
    uit.eindeDag = naarDagnummer(eindeTermijnMaanden(ingang(c, a), 12 + 12 * k));
    // € 800 per six months with enough cooperation (the premie from 2024).
    // A refused request has no amounts; one that began before 2024 has no known amount (see dinkelland).
    uit.bedragJaarCent =
      ingang(c, a) >= '2024-01-01' && a.voldoendeMeegewerkt === true && groningen.aanvraag(c, a) !== NEE
        ? 2 * 80_000
        : 0;
  }),
};
