import type { Casus } from '../../src/casus/index.ts';
import { eindeTermijnMaanden, leeftijdOp } from '../../src/kalender/index.ts';
import {
  bekend,
  en,
  is,
  JA,
  minderDan,
  NEE,
  NIET_BEOORDEELD,
  niet,
  ONBEKEND,
  of,
  oordeel,
  SLOT,
  tenHoogste,
  tenMinste,
  type W,
} from './kleene.ts';

/**
 * Re-integratieverordening Participatiewet Dinkelland 2015 with the Participatiewet of the periods a
 * voorziening can start in for a peildatum in 2016 (the texts of 2015, of 1 January 2016 and of 4 July
 * 2016), hand-written: the limit the engine is measured against. A voorziening is judged under the law
 * and the age of its first day. Only for a peildatum between 1 July 2015 and 30 June 2017 (later
 * changes of the law are not written out here).
 */

type Feiten = Casus['feiten'];
type Aanvraag = NonNullable<Casus['aanvraag']>;
type Oordelen = Readonly<Record<string, boolean>> | undefined;

const DOELGROEP = new Set(['algemene-bijstand', 'wia', 'anw', 'ioaw', 'ioaz', 'geen']);
/** Art. 20 lid 3: voorzieningen granted before the ordinance took effect run on for the agreed term. */
const INWERKINGTREDING = '2015-07-01';
/** Art. 7 lid 3 onder c Pw from 2016: a UWV benefit counts only where LKS was granted. */
const UWV_MET_LKS_VERLEEND = '2016-01-01';
/** Art. 10d lid 1 onder b Pw from 4 July 2016: LKS also after deciding the loonwaarde can wait. */
const LKS_ZONDER_LOONWAARDE = '2016-07-04';

function leeftijdVan(f: Feiten, dag: string): number | undefined {
  return typeof f.geboortedatum === 'string' ? leeftijdOp(f.geboortedatum, dag) : undefined;
}

/** Art. 7 lid 3 onder a Pw: under 27 and able to follow education the State pays for. */
function jongereMetOnderwijs(f: Feiten, l: number | undefined): W {
  return niet(en(minderDan(l, 27), is(f.kanOnderwijsVolgen, true)));
}

/** Art. 7 lid 1 onder a with lid 3 onder c Pw, in the text of the voorziening's first day. */
function doelgroep(f: Feiten, start: string): W {
  const u = f.uitkering;
  const lijst = u === undefined ? ONBEKEND : DOELGROEP.has(u as string) ? JA : NEE;
  const uwv = start < UWV_MET_LKS_VERLEEND ? f.doelgroepLoonkostensubsidie : f.loonkostensubsidieVerleend;
  return of(lijst, en(is(u, 'uwv-overig'), is(uwv, true)));
}

/** The law's general conditions (art. 7), for every voorziening but the leer-werktraject and LKS. */
function wet(id: string, f: Feiten, l: number | undefined, start: string): W {
  if (id === 'leerwerktraject') return JA;
  if (id === 'loonkostensubsidie') return jongereMetOnderwijs(f, l);
  return en(jongereMetOnderwijs(f, l), doelgroep(f, start));
}

/** Art. 10d lid 1 Pw: the loonwaarde first, or (from 4 July 2016) the decision it can wait. */
function loonwaardeEerst(f: Feiten, start: string): W {
  const vastgesteld = bekend(f.loonwaardePercentage);
  return start < LKS_ZONDER_LOONWAARDE ? vastgesteld : of(vastgesteld, is(f.loonwaardeAchterwege, true));
}

/** The conditions of each voorziening (art. 5 to 16), the law's first. */
export function voorwaarden(id: string, f: Feiten, l: number | undefined, o: Oordelen, start: string): W {
  const w = wet(id, f, l, start);
  const d = doelgroep(f, start);
  switch (id) {
    case 'proefplaats':
      return en(en(w, d), oordeel(o, 'proefplaatsPassend'));
    case 'werkstage': {
      const ervaring = of(is(f.eerderActiefOpArbeidsmarkt, false), is(f.langdurigWerkloos, true));
      return en(en(en(w, d), ervaring), oordeel(o, 'werkstageGeenVerdringing'));
    }
    case 'detacheringsbaan':
      return en(en(w, d), oordeel(o, 'detacheringGeenVerdringing'));
    case 'loonkostensubsidie': {
      const lks = is(f.doelgroepLoonkostensubsidie, true);
      return en(en(en(en(w, lks), loonwaardeEerst(f, start)), d), bekend(f.loonwaardePercentage));
    }
    case 'no-riskpolis':
      return en(en(w, d), oordeel(o, 'noRiskpolisVolgensNadereRegels'));
    case 'jobcoaching':
      return en(en(w, d), oordeel(o, 'zonderOndersteuningNietInStaat'));
    case 'verwervingskosten':
      return en(en(en(w, d), is(f.voorliggendeVoorziening, false)), oordeel(o, 'kostenAantoonbaarEnReeel'));
    case 'scholing':
      return en(en(en(w, d), oordeel(o, 'scholingAfrondbaar')), oordeel(o, 'scholingVergrootKansen'));
    case 'leerwerktraject': {
      // Art. 13: 16 or 17 with leerplicht or kwalificatieplicht, or 18 to 26 without startkwalificatie.
      const jong = en(en(tenMinste(l, 16), tenHoogste(l, 17)), is(f.leerplichtOfKwalificatieplicht, true));
      const zonder = en(en(tenMinste(l, 18), minderDan(l, 27)), is(f.startkwalificatie, false));
      return en(en(d, of(jong, zonder)), oordeel(o, 'leerwerktrajectNodig'));
    }
    case 'beschut-werk': {
      const indicatie = bekend(f.indicatieBeschutWerkDatum);
      // Art. 14 lid 3: the pre-selection for UWV's advice, only while there is no indication yet.
      const voorselectie = indicatie === JA ? JA : is(f.afstandTotArbeidsmarkt, 'groot');
      return en(en(en(w, indicatie), en(d, voorselectie)), oordeel(o, 'beschutWerkPlekBeschikbaar'));
    }
    case 'participatieplaats':
      // Art. 7 lid 8 and 10a lid 1 Pw, art. 15 lid 1: 27 or older, algemene bijstand, passend.
      return en(
        en(en(w, tenMinste(l, 27)), is(f.uitkering, 'algemene-bijstand')),
        en(d, oordeel(o, 'participatieplaatsPassend')),
      );
    case 'sociale-activering':
      return en(w, d);
  }
  return NEE;
}

/** Under transitional law only the law's own conditions still apply (also to what art. 5–16 no longer offer). */
function wettelijkeVoorwaarden(id: string, f: Feiten, l: number | undefined, start: string): W {
  const w = wet(id, f, l, start);
  switch (id) {
    case 'loonkostensubsidie':
      return en(en(w, is(f.doelgroepLoonkostensubsidie, true)), loonwaardeEerst(f, start));
    case 'beschut-werk':
      return en(w, bekend(f.indicatieBeschutWerkDatum));
    case 'participatieplaats':
      return en(en(w, tenMinste(l, 27)), is(f.uitkering, 'algemene-bijstand'));
  }
  return w;
}

/** The requested end: einddatum, else ingangsdatum plus duurMaanden. */
function gevraagdEinde(a: Aanvraag, ingang: string): string | undefined {
  if (typeof a.einddatum === 'string') return a.einddatum;
  const m = a.duurMaanden;
  return typeof m === 'number' && m > 0 ? eindeTermijnMaanden(ingang, m) : undefined;
}

/**
 * Participatieplaats beyond two years (art. 10a lid 9 Pw): another environment, and a clear gain. A
 * request longer than 24 + 12k months is granted for those, so the granted end min(G, maximum) counts:
 * it passes two years when both do, and the maximum does from the first extension on.
 */
function derdeJaar(a: Aanvraag, o: Oordelen, ingang: string, gevraagd: string | undefined, k: number): W {
  const voorbij = gevraagd !== undefined ? k >= 1 && gevraagd > eindeTermijnMaanden(ingang, 24) : k >= 1;
  return voorbij
    ? en(is(a.andereOmgeving, true), oordeel(o, 'verlengingParticipatieplaatsAanmerkelijk'))
    : JA;
}

export function aanvraag(c: Casus, a: Aanvraag): W {
  const f = c.feiten;
  const o = f.oordelen;
  const id = a.voorziening;
  if (SLOT[id] === undefined) return NEE;
  const ingang = typeof a.ingangsdatum === 'string' ? a.ingangsdatum : c.peildatum;
  const l = leeftijdVan(f, ingang);
  const k = typeof a.verlengingen === 'number' ? a.verlengingen : 0;
  if (typeof a.toegekendOp === 'string' && a.toegekendOp < INWERKINGTREDING) {
    // Art. 20 lid 3: the agreed term runs on if the old conditions are still met; the 2012 ordinance
    // is not in this system, so only the law's conditions and terms apply, also to a voorziening this
    // ordinance no longer offers. After the agreed end it is no longer protected.
    let t = en(wettelijkeVoorwaarden(id, f, l, ingang), oordeel(o, 'voldoetAanOudeVoorwaarden'));
    const gevraagd = gevraagdEinde(a, ingang);
    if (gevraagd === undefined) t = en(t, ONBEKEND);
    else if (c.peildatum > gevraagd) return NEE;
    if (id === 'participatieplaats') {
      if (k > 2) return NEE;
      return en(t, derdeJaar(a, o, ingang, gevraagd, k));
    }
    return k > 0 ? NEE : t;
  }
  if (!AANBOD.has(id)) return NEE;
  let t = voorwaarden(id, f, l, o, ingang);
  if (t === NEE) return NEE;
  switch (id) {
    case 'proefplaats': {
      // Art. 5 lid 3: at most 3 months, no extension; a longer request is granted for 3 months.
      return k > 0 ? NEE : t;
    }
    case 'werkstage': {
      // Art. 6 lid 3: 3 months, once extended by 3 months with the same employer (longer: granted to that).
      if (k > 1) return NEE;
      return k >= 1 ? en(t, is(a.zelfdeWerkgever, true)) : t;
    }
    case 'participatieplaats': {
      // Art. 15 lid 2: 24 months, at most twice 12 more; the law allows the same. Longer: granted to that.
      if (k > 2) return NEE;
      return en(t, derdeJaar(a, o, ingang, gevraagdEinde(a, ingang), k));
    }
  }
  // No other voorziening can be extended.
  return k > 0 ? NEE : t;
}

export const AANBOD = new Set([
  'proefplaats',
  'werkstage',
  'detacheringsbaan',
  'loonkostensubsidie',
  'no-riskpolis',
  'jobcoaching',
  'verwervingskosten',
  'scholing',
  'leerwerktraject',
  'beschut-werk',
  'participatieplaats',
  'sociale-activering',
]);
const AANBOD_SLOTEN = [...AANBOD].map((id) => [id, SLOT[id]!] as const);

export function beoordeel(c: Casus, uit: Uint8Array): void {
  uit.fill(NIET_BEOORDEELD);
  const a = c.aanvraag;
  if (a) {
    uit[SLOT[a.voorziening]!] = aanvraag(c, a);
    return;
  }
  const l = leeftijdVan(c.feiten, c.peildatum);
  for (const [id, slot] of AANBOD_SLOTEN)
    uit[slot] = voorwaarden(id, c.feiten, l, c.feiten.oordelen, c.peildatum);
}
