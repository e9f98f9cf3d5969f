import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { isGeldigeDatum } from '../kalender/index.ts';
import { type Bibliotheek, formatteerFout, laadBibliotheek, type Regeling } from '../regelgeving/index.ts';

/**
 * Naming a regulation version on the command line, as `ordinances` lists them: `<id>@<geldigVanaf>`
 * (a loaded version, adopted or draft), `<id>` alone (the adopted version in force on the run's
 * date), or the path of a `.yaml` file. A file inside `regelgeving/` is the loaded version; a file
 * outside it is a draft, checked like `reintegratie validate` checks it.
 */

export type VersieUitslag =
  | { readonly ok: true; readonly regeling: Regeling; readonly buitenBoom: boolean }
  | { readonly ok: false; readonly fouten: readonly string[] };

/** Whether a notation names a file rather than a loaded version. */
export function isBestandsnotatie(notatie: string): boolean {
  return notatie.endsWith('.yaml') || notatie.endsWith('.yml');
}

/** How the impact report names a version: `<id>@<geldigVanaf>`, or its file when it is a draft outside the library. */
export function versieNotatie(r: Regeling, bibliotheek?: Bibliotheek): string {
  return bibliotheek && !bibliotheek.regelingen.includes(r) ? r.bestand : `${r.id}@${r.geldigVanaf}`;
}

function binnen(wortel: string, pad: string): boolean {
  const rel = relative(wortel, pad);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..';
}

/**
 * Finds the version a notation names. `datum` is the run's date, used for a bare id. A draft is
 * loaded together with the whole tree (its rules may use national definitions and parameters), but
 * into a library of its own, so it never changes which version `bibliotheek` says is in force.
 */
export function zoekVersie(bibliotheek: Bibliotheek, notatie: string, datum: string): VersieUitslag {
  if (isBestandsnotatie(notatie)) {
    const pad = resolve(notatie);
    if (!existsSync(pad) || !statSync(pad).isFile())
      return { ok: false, fouten: [`${notatie}: bestand bestaat niet`] };
    if (binnen(bibliotheek.wortel, pad)) {
      const r = bibliotheek.regelingen.find((x) => x.bestand === pad);
      return r
        ? { ok: true, regeling: r, buitenBoom: false }
        : { ok: false, fouten: [`${notatie}: geen regelingsbestand (een test- of parameterbestand?)`] };
    }
    const geladen = laadBibliotheek(bibliotheek.wortel, [pad]);
    if (!geladen.ok) {
      const eigen = geladen.fouten.filter((f) => f.bestand === pad);
      if (eigen.length > 0) return { ok: false, fouten: eigen.map(formatteerFout) };
      // The tree itself loaded before the draft was added, so any other error is the draft's doing.
      return { ok: false, fouten: geladen.fouten.map((f) => `${notatie}: ${formatteerFout(f)}`) };
    }
    const r = geladen.waarde.regelingen.find((x) => x.bestand === pad);
    if (!r) return { ok: false, fouten: [`${notatie}: geen regelingsbestand`] };
    return { ok: true, regeling: r, buitenBoom: true };
  }

  const apenstaart = notatie.lastIndexOf('@');
  const id = apenstaart >= 0 ? notatie.slice(0, apenstaart) : notatie;
  const vanaf = apenstaart >= 0 ? notatie.slice(apenstaart + 1) : undefined;
  const versies = bibliotheek.versies(id);
  if (versies.length === 0) {
    const bekend = [...new Set(bibliotheek.regelingen.filter((r) => r.laag === 'gemeente').map((r) => r.id))];
    return {
      ok: false,
      fouten: [
        `${notatie}: onbekende regeling '${id}' (geladen: ${bekend.sort().join(', ')}; of geef het pad van een .yaml-bestand)`,
      ],
    };
  }
  if (vanaf === undefined) {
    const r = bibliotheek.inWerking(id, datum);
    return r
      ? { ok: true, regeling: r, buitenBoom: false }
      : { ok: false, fouten: [`${notatie}: op ${datum} is geen vastgestelde versie in werking`] };
  }
  if (!isGeldigeDatum(vanaf))
    return { ok: false, fouten: [`${notatie}: na de @ hoort een datum JJJJ-MM-DD (de geldigVanaf)`] };
  const r = versies.find((x) => x.geldigVanaf === vanaf);
  return r
    ? { ok: true, regeling: r, buitenBoom: false }
    : {
        ok: false,
        fouten: [
          `${notatie}: geen versie van ${vanaf}; geladen: ${versies.map((v) => versieNotatie(v)).join(', ')}`,
        ],
      };
}
