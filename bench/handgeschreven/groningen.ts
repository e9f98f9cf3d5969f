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
  of,
  oordeel,
  SLOT,
  tenMinste,
  type W,
} from './kleene.ts';

/**
 * Re-integratieverordening Groningen 2024 with the Participatiewet from 1 January 2026,
 * hand-written: the limit the engine is measured against. Only for a peildatum from 2026 on.
 */

type Feiten = Casus['feiten'];
type Aanvraag = NonNullable<Casus['aanvraag']>;
type Oordelen = Readonly<Record<string, boolean>> | undefined;

/** Art. 7a Pw (2026): under 27 only where the college finds support for the young person necessary. */
function jongere(l: number | undefined, o: Oordelen): W {
  return of(niet(minderDan(l, 27)), oordeel(o, 'ondersteuningJongereArt7a'));
}

export function voorwaarden(id: string, f: Feiten, l: number | undefined, o: Oordelen): W {
  switch (id) {
    case 'sociale-activering':
      return en(jongere(l, o), oordeel(o, 'socialeActiveringHelptMeedoen'));
    case 'werkervaringsplaats':
      return en(jongere(l, o), oordeel(o, 'werkervaringsplaatsPassend'));
    case 'participatieplaats':
      return en(
        en(en(jongere(l, o), tenMinste(l, 27)), is(f.uitkering, 'algemene-bijstand')),
        oordeel(o, 'participatieplaatsVergrootKansOpWerk'),
      );
    case 'beschut-werk':
      return en(jongere(l, o), bekend(f.indicatieBeschutWerkDatum));
    case 'proefplaats':
      return en(
        en(jongere(l, o), is(f.uitkering, 'algemene-bijstand')),
        oordeel(o, 'geschiktVoorWerkVerwacht'),
      );
    case 'leerwerktraject':
      // The ordinance's own article rests on art. 10f Pw, repealed in 2026: only the law's rules apply.
      return en(
        en(
          of(minderDan(l, 27), oordeel(o, 'gerechtvaardigdBelangOuderDan27')),
          is(f.startkwalificatie, false),
        ),
        oordeel(o, 'ondersteuningJongereArt7a'),
      );
    case 'scholing':
      return en(jongere(l, o), oordeel(o, 'scholingMaaktStapNaarWerkMakkelijker'));
    case 'loonkostensubsidie':
      return en(jongere(l, o), is(f.doelgroepLoonkostensubsidie, true));
    case 'jobcoaching':
      return en(
        jongere(l, o),
        of(
          oordeel(o, 'ondersteuningNodigOmZelfstandigTeWerken'),
          oordeel(o, 'ondersteuningBijMotorischeBeperking'),
        ),
      );
    case 'meeneembare-voorziening':
      return en(jongere(l, o), oordeel(o, 'meeneembaarHulpmiddelNodig'));
    case 'vervoersvoorziening':
      return en(jongere(l, o), oordeel(o, 'vervoerNaarWerkplekNodig'));
    case 'uitstroompremie':
      return en(jongere(l, o), oordeel(o, 'gaatDeelsOfGeheelWerken'));
    case 'werkgeversarrangement':
      return en(jongere(l, o), oordeel(o, 'arrangementStimuleertWerkgever'));
  }
  return NEE;
}

function gevraagdEinde(a: Aanvraag, ingang: string): string | undefined {
  if (typeof a.einddatum === 'string') return a.einddatum;
  const m = a.duurMaanden;
  return typeof m === 'number' && m > 0 ? eindeTermijnMaanden(ingang, m) : undefined;
}

export function aanvraag(c: Casus, a: Aanvraag, l: number | undefined): W {
  const f = c.feiten;
  const o = f.oordelen;
  const id = a.voorziening;
  if (!AANBOD.has(id)) return NEE;
  let t = voorwaarden(id, f, l, o);
  if (t === NEE) return NEE;
  const ingang = typeof a.ingangsdatum === 'string' ? a.ingangsdatum : c.peildatum;
  const k = typeof a.verlengingen === 'number' ? a.verlengingen : 0;
  switch (id) {
    case 'werkervaringsplaats': {
      // At most 6 months, no extension.
      if (k > 0) return NEE;
      const gevraagd = gevraagdEinde(a, ingang);
      return gevraagd !== undefined && gevraagd > eindeTermijnMaanden(ingang, 6) ? NEE : t;
    }
    case 'proefplaats': {
      // At most 2 months (art. 8a lid 2 onder d Pw), and only with a contract of 6 months or more in view.
      if (k > 0) return NEE;
      t = en(t, tenMinste(a.contractToegezegdMaanden as number | undefined, 6));
      const gevraagd = gevraagdEinde(a, ingang);
      return t !== NEE && gevraagd !== undefined && gevraagd > eindeTermijnMaanden(ingang, 2) ? NEE : t;
    }
    case 'participatieplaats': {
      // A year, at most twice a year more; the third year at another employer (art. 10a lid 9 Pw).
      if (k > 2) return NEE;
      if (k >= 2) t = en(t, is(a.andereOmgeving, true));
      const gevraagd = gevraagdEinde(a, ingang);
      const voorbij = gevraagd !== undefined ? gevraagd > eindeTermijnMaanden(ingang, 24) : k >= 1;
      if (voorbij)
        t = en(en(t, is(a.andereOmgeving, true)), oordeel(o, 'verlengingParticipatieplaatsAanmerkelijk'));
      if (t === NEE) return NEE;
      const maanden = Math.min(12 + 12 * k, 24 + 12 * k);
      return gevraagd !== undefined && gevraagd > eindeTermijnMaanden(ingang, maanden) ? NEE : t;
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
  const l = typeof f.geboortedatum === 'string' ? leeftijdOp(f.geboortedatum, c.peildatum) : undefined;
  const a = c.aanvraag;
  if (a) {
    uit[SLOT[a.voorziening]!] = aanvraag(c, a, l);
    return;
  }
  for (const [id, slot] of AANBOD_SLOTEN) uit[slot] = voorwaarden(id, f, l, f.oordelen);
}
