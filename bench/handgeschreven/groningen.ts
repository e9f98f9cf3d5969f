import type { Casus } from '../../src/casus/index.ts';
import { eindeTermijnMaanden, leeftijdOp } from '../../src/kalender/index.ts';
import {
  bekend,
  en,
  is,
  minderDan,
  NEE,
  NIET_BEOORDEELD,
  niet,
  ONBEKEND,
  JA,
  of,
  oordeel,
  SLOT,
  tenMinste,
  type W,
} from './kleene.ts';

/**
 * Re-integratieverordening Groningen 2024 with the Participatiewet of the periods a voorziening can
 * start in for a peildatum in 2026 (the texts of 1 July 2023, 1 January 2024 and 1 January 2026),
 * hand-written: the limit the engine is measured against. A voorziening is judged under the law and
 * the age of its first day. Only for a peildatum in 2026.
 */

type Feiten = Casus['feiten'];
type Aanvraag = NonNullable<Casus['aanvraag']>;
type Oordelen = Readonly<Record<string, boolean>> | undefined;

const DOELGROEP = new Set(['algemene-bijstand', 'wia', 'anw', 'ioaw', 'ioaz', 'geen']);
/** Stb. 2025, 210: art. 7a for under-27s, art. 10f repealed. */
const VAN_SCHOOL_NAAR_WERK = '2026-01-01';

/** Under 27: art. 7 lid 3 onder a (education the State pays for) until 2026, art. 7a from then. */
function jongere(f: Feiten, l: number | undefined, o: Oordelen, start: string): W {
  return start < VAN_SCHOOL_NAAR_WERK
    ? niet(en(minderDan(l, 27), is(f.kanOnderwijsVolgen, true)))
    : of(niet(minderDan(l, 27)), oordeel(o, 'ondersteuningJongereArt7a'));
}

/** Art. 7 lid 1 onder a with lid 3 onder c Pw: a UWV benefit counts only where LKS was granted. */
function doelgroep(f: Feiten): W {
  const u = f.uitkering;
  const lijst = u === undefined ? ONBEKEND : DOELGROEP.has(u as string) ? JA : NEE;
  return of(lijst, en(is(u, 'uwv-overig'), is(f.loonkostensubsidieVerleend, true)));
}

/** The law's general conditions (art. 7); for beschut werk art. 10b lid 1 also names UWV beneficiaries. */
function wet(id: string, f: Feiten, l: number | undefined, o: Oordelen, start: string): W {
  if (id === 'leerwerktraject') return JA;
  const j = jongere(f, l, o, start);
  if (id === 'loonkostensubsidie') return j;
  if (id === 'beschut-werk') {
    const u = f.uitkering;
    const uwv = u === undefined ? ONBEKEND : u === 'wia' || u === 'uwv-overig' ? JA : NEE;
    return en(of(uwv, j), of(uwv, doelgroep(f)));
  }
  return en(j, doelgroep(f));
}

export function voorwaarden(id: string, f: Feiten, l: number | undefined, o: Oordelen, start: string): W {
  const w = wet(id, f, l, o, start);
  switch (id) {
    case 'sociale-activering':
      return en(w, oordeel(o, 'socialeActiveringHelptMeedoen'));
    case 'werkervaringsplaats':
      return en(w, oordeel(o, 'werkervaringsplaatsPassend'));
    case 'participatieplaats':
      return en(
        en(en(w, tenMinste(l, 27)), is(f.uitkering, 'algemene-bijstand')),
        oordeel(o, 'participatieplaatsVergrootKansOpWerk'),
      );
    case 'beschut-werk':
      return en(w, bekend(f.indicatieBeschutWerkDatum));
    case 'proefplaats':
      // Art. 8a lid 2 onder d Pw sets the term for people with algemene bijstand; it excludes nobody.
      return en(w, oordeel(o, 'geschiktVoorWerkVerwacht'));
    case 'leerwerktraject':
      if (start < VAN_SCHOOL_NAAR_WERK)
        return en(en(minderDan(l, 27), is(f.startkwalificatie, false)), oordeel(o, 'leerwerktrajectGeboden'));
      // The ordinance's own article rests on art. 10f Pw, repealed in 2026: only the law's rules apply.
      return en(
        en(
          of(minderDan(l, 27), oordeel(o, 'gerechtvaardigdBelangOuderDan27')),
          is(f.startkwalificatie, false),
        ),
        oordeel(o, 'ondersteuningJongereArt7a'),
      );
    case 'scholing':
      return en(w, oordeel(o, 'scholingMaaktStapNaarWerkMakkelijker'));
    case 'loonkostensubsidie':
      // Art. 10d lid 1 Pw: after the loonwaarde was set, or after deciding with the employer it can wait.
      return en(
        en(w, is(f.doelgroepLoonkostensubsidie, true)),
        of(bekend(f.loonwaardePercentage), is(f.loonwaardeAchterwege, true)),
      );
    case 'jobcoaching':
      return en(
        w,
        of(
          oordeel(o, 'ondersteuningNodigOmZelfstandigTeWerken'),
          oordeel(o, 'ondersteuningBijMotorischeBeperking'),
        ),
      );
    case 'meeneembare-voorziening':
      return en(w, oordeel(o, 'meeneembaarHulpmiddelNodig'));
    case 'vervoersvoorziening':
      return en(w, oordeel(o, 'vervoerNaarWerkplekNodig'));
    case 'uitstroompremie':
      return en(w, oordeel(o, 'gaatDeelsOfGeheelWerken'));
    case 'werkgeversarrangement':
      return en(w, oordeel(o, 'arrangementStimuleertWerkgever'));
  }
  return NEE;
}

function gevraagdEinde(a: Aanvraag, ingang: string): string | undefined {
  if (typeof a.einddatum === 'string') return a.einddatum;
  const m = a.duurMaanden;
  return typeof m === 'number' && m > 0 ? eindeTermijnMaanden(ingang, m) : undefined;
}

export function aanvraag(c: Casus, a: Aanvraag): W {
  const f = c.feiten;
  const o = f.oordelen;
  const id = a.voorziening;
  // The ordinance allows "andere voorzieningen": one not in the file is unknown, not refused.
  if (!AANBOD.has(id)) return ONBEKEND;
  const ingang = typeof a.ingangsdatum === 'string' ? a.ingangsdatum : c.peildatum;
  const l = typeof f.geboortedatum === 'string' ? leeftijdOp(f.geboortedatum, ingang) : undefined;
  let t = voorwaarden(id, f, l, o, ingang);
  if (t === NEE) return NEE;
  const k = typeof a.verlengingen === 'number' ? a.verlengingen : 0;
  switch (id) {
    case 'werkervaringsplaats': {
      // At most 6 months, no extension; a longer request is granted for 6 months.
      return k > 0 ? NEE : t;
    }
    case 'proefplaats': {
      // At most 2 months (art. 8a lid 2 onder d Pw; the ordinance's own term ends on the same day, so
      // the granted end is known whoever the law's term holds for), and only with a contract of 6
      // months or more in view.
      if (k > 0) return NEE;
      return en(t, tenMinste(a.contractToegezegdMaanden as number | undefined, 6));
    }
    case 'participatieplaats': {
      // A year, at most twice a year more; the third year at another employer (art. 10a lid 9 Pw). A
      // longer request is granted to 12 + 12k months: that end passes two years only with k = 2.
      if (k > 2) return NEE;
      if (k >= 2) t = en(t, is(a.andereOmgeving, true));
      const gevraagd = gevraagdEinde(a, ingang);
      const voorbij = gevraagd !== undefined ? k >= 2 && gevraagd > eindeTermijnMaanden(ingang, 24) : k >= 1;
      if (voorbij)
        t = en(en(t, is(a.andereOmgeving, true)), oordeel(o, 'verlengingParticipatieplaatsAanmerkelijk'));
      return t;
    }
  }
  return k > 0 ? NEE : t;
}

export const AANBOD = new Set([
  'sociale-activering',
  'werkervaringsplaats',
  'participatieplaats',
  'beschut-werk',
  'proefplaats',
  'leerwerktraject',
  'scholing',
  'loonkostensubsidie',
  'jobcoaching',
  'meeneembare-voorziening',
  'vervoersvoorziening',
  'uitstroompremie',
  'werkgeversarrangement',
]);
const AANBOD_SLOTEN = [...AANBOD].map((id) => [id, SLOT[id]!] as const);

export function beoordeel(c: Casus, uit: Uint8Array): void {
  uit.fill(NIET_BEOORDEELD);
  const f = c.feiten;
  const a = c.aanvraag;
  if (a) {
    uit[SLOT[a.voorziening]!] = aanvraag(c, a);
    return;
  }
  const l = typeof f.geboortedatum === 'string' ? leeftijdOp(f.geboortedatum, c.peildatum) : undefined;
  for (const [id, slot] of AANBOD_SLOTEN) uit[slot] = voorwaarden(id, f, l, f.oordelen, c.peildatum);
}
