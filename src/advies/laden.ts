import { readFileSync } from 'node:fs';
import { basename, relative, sep } from 'node:path';
import type { Bibliotheek, BestandsFout } from '../regelgeving/index.ts';
import { foutOp, leesYaml, yamlBestanden, zodFouten } from '../regelgeving/index.ts';

import { type Adviesronde, isOnbekend, rondeSchema } from './schema.ts';

/** A round kept as a file: `regelgeving/gemeente/<slug>/<regeling>/adviezen/<datum>-<orgaan>.yaml`. */
export interface RondeBestand {
  /** `<slug>/<regeling>/<datum>-<orgaan>`, stable for links and tests. */
  readonly id: string;
  readonly bestand: string;
  readonly ronde: Adviesronde;
}

export type RondesUitslag =
  | { readonly ok: true; readonly rondes: readonly RondeBestand[] }
  | { readonly ok: false; readonly fouten: readonly BestandsFout[] };

/** Whether a path is an advice round file (the regulation loader leaves these alone). */
export function isAdviesBestand(pad: string): boolean {
  return pad.split(sep).includes('adviezen');
}

/** The date a round's file is named by: when the advice came in, else when it was asked, else its outcome. */
export function rondeDatum(r: Adviesronde): string | undefined {
  for (const d of [r.ontvangenOp, r.gevraagdOp, r.afloop?.datum]) if (typeof d === 'string') return d;
  return undefined;
}

/**
 * Checks a round against the library: the regulation exists, every article it names is in some
 * version of it, every body a point names is one of the round's. Errors name the file and line.
 */
export function controleerRonde(
  bibliotheek: Bibliotheek,
  ronde: Adviesronde,
  fout: (pad: readonly PropertyKey[], bericht: string) => void,
  /** A stored draft not in the library: its articles count too, and its date is a version. */
  ontwerp?: { readonly geldigVanaf: string; readonly artikelen: readonly { readonly nummer: string }[] },
): void {
  const versies = [...bibliotheek.versies(ronde.regeling), ...(ontwerp ? [ontwerp] : [])];
  if (bibliotheek.versies(ronde.regeling).length === 0) {
    fout(['regeling'], `onbekende regeling '${ronde.regeling}'`);
    return;
  }
  const artikelen = new Set(versies.flatMap((v) => v.artikelen.map((a) => a.nummer)));
  const titel = ontwerp ? 'deze regeling of het ontwerp' : ronde.regeling;
  const organen = new Set(ronde.adviesorganen.map((o) => o.id));
  const gemeenten = new Set(bibliotheek.gemeenten().map((g) => g.slug));
  ronde.gemeenten.forEach((g, i) => {
    if (!gemeenten.has(g))
      fout(
        ['gemeenten', i],
        `onbekende gemeente '${g}' (noem een gemeente zonder regeling onder besprokenMet)`,
      );
  });
  if (!ronde.regeling.startsWith(`${ronde.gemeenten[0]}/`))
    fout(['gemeenten', 0], `de eerste gemeente schrijft de regeling ${ronde.regeling}`);
  if (typeof ronde.versie === 'string' && !versies.some((v) => v.geldigVanaf === ronde.versie))
    fout(['versie'], `${ronde.regeling} heeft geen versie van ${ronde.versie}`);
  const ids = new Set<string>();
  ronde.punten.forEach((p, i) => {
    if (ids.has(p.id)) fout(['punten', i, 'id'], `punt '${p.id}' staat er twee keer in`);
    ids.add(p.id);
    p.artikelen.forEach((a, j) => {
      if (!artikelen.has(a.artikel))
        fout(
          ['punten', i, 'artikelen', j, 'artikel'],
          `artikel ${a.artikel} staat in geen versie van ${titel}`,
        );
    });
    (p.van ?? []).forEach((v, j) => {
      if (!organen.has(v)) fout(['punten', i, 'van', j], `'${v}' is geen adviesorgaan van deze ronde`);
    });
    if (!p.adviesLetterlijk && p.adviesBron === undefined)
      fout(
        ['punten', i, 'adviesBron'],
        'zeg wat de bron over dit punt geeft als het advies niet letterlijk is',
      );
    if (!isOnbekend(p.reactie) && p.reactie.wijziging)
      p.reactie.wijziging.artikelen.forEach((a, j) => {
        if (!artikelen.has(a.artikel))
          fout(
            ['punten', i, 'reactie', 'wijziging', 'artikelen', j, 'artikel'],
            `artikel ${a.artikel} staat in geen versie van ${titel}`,
          );
      });
  });
}

/** Loads one round file from its text. */
export function laadRonde(
  bibliotheek: Bibliotheek,
  bestand: string,
  tekst: string,
): { ok: true; ronde: RondeBestand } | { ok: false; fouten: BestandsFout[] } {
  const y = leesYaml(bestand, tekst);
  if (!y.ok) return y;
  const parsed = rondeSchema.safeParse(y.bron.data);
  if (!parsed.success) return { ok: false, fouten: zodFouten(y.bron, parsed.error) };
  const ronde = parsed.data;
  const fouten: BestandsFout[] = [];
  controleerRonde(bibliotheek, ronde, (pad, bericht) =>
    fouten.push(foutOp(y.bron, 'semantiek', pad, bericht)),
  );
  const delen = relative(bibliotheek.wortel, bestand).split(sep);
  const naam = basename(bestand, '.yaml');
  const verwacht = `${rondeDatum(ronde) ?? 'datum-onbekend'}-${ronde.adviesorganen.map((o) => o.id).join('-')}`;
  if (naam !== verwacht)
    fouten.push(
      foutOp(
        y.bron,
        'bestandsnaam',
        ['adviesorganen'],
        `bestandsnaam ${naam}.yaml; verwacht ${verwacht}.yaml (datum van ontvangst, dan de adviesorganen)`,
      ),
    );
  if (delen[0] === 'gemeente' && delen.length === 5 && `${delen[1]}/${delen[2]}` !== ronde.regeling)
    fouten.push(
      foutOp(
        y.bron,
        'bestandsnaam',
        ['regeling'],
        `regeling ${ronde.regeling} past niet bij de map ${delen.slice(0, 3).join('/')}`,
      ),
    );
  if (fouten.length > 0) return { ok: false, fouten };
  return { ok: true, ronde: { id: `${ronde.regeling}/${naam}`, bestand, ronde } };
}

/** Every round file under the library's tree, checked; all errors at once. */
export function laadRondes(bibliotheek: Bibliotheek): RondesUitslag {
  const rondes: RondeBestand[] = [];
  const fouten: BestandsFout[] = [];
  for (const b of yamlBestanden(bibliotheek.wortel).filter(isAdviesBestand)) {
    const r = laadRonde(bibliotheek, b, readFileSync(b, 'utf8'));
    if (r.ok) rondes.push(r.ronde);
    else fouten.push(...r.fouten);
  }
  return fouten.length > 0 ? { ok: false, fouten } : { ok: true, rondes };
}
