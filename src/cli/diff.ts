import { zoekVersie } from '../beleid/index.ts';
import type { Bibliotheek } from '../regelgeving/index.ts';
import {
  afwijkingenVanModel,
  basisKeten,
  type Verschil,
  vergelijkRegelingen,
} from '../regelgeving/verschil.ts';
import type { Uitvoer } from './uitvoer.ts';

/**
 * Two versions side by side: files (a draft outside the tree is checked like `validate`) or loaded
 * versions as `<id>@<geldigVanaf>`. A version resting on another (`basis`) is compared as merged.
 * When the second rests on the first (a gemeente on its region's model, directly or through another
 * gemeente's version), the differences are told apart: deviations from the model, what the version
 * adds that the model does not have, and the version's own data (title, date).
 */
export function diff(
  paden: readonly string[],
  opties: { json: boolean },
  bibliotheek: Bibliotheek,
  uit: Uitvoer,
): number {
  if (paden.length !== 2) {
    uit.fout('gebruik: reintegratie diff <a.yaml|id@datum> <b.yaml|id@datum>');
    return 1;
  }
  const vandaag = new Date().toISOString().slice(0, 10);
  const gevonden = paden.map((p) => zoekVersie(bibliotheek, p, vandaag));
  let fout = false;
  for (const g of gevonden) if (!g.ok) for (const f of g.fouten) ((fout = true), uit.fout(f));
  if (fout) return 1;
  const [a, b] = gevonden.map((g) => (g.ok ? g.regeling : undefined));
  const zoek = (id: string, vanaf: string) => bibliotheek.versies(id).find((r) => r.geldigVanaf === vanaf);
  const rustOp = basisKeten(b!, zoek).some((r) => r.id === a!.id && r.geldigVanaf === a!.geldigVanaf);
  const verschillen = vergelijkRegelingen(a!, b!);
  const model = rustOp ? afwijkingenVanModel(a!, b!) : undefined;
  if (opties.json) {
    uit.regel(
      JSON.stringify(
        {
          van: { id: a!.id, geldigVanaf: a!.geldigVanaf },
          naar: { id: b!.id, geldigVanaf: b!.geldigVanaf },
          verschillen,
          ...(model ? { rustOpVan: true, ...model } : {}),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const regel = (v: Verschil) =>
    uit.regel(
      `  ${v.soort.padEnd(10)} ${v.onderdeel} ${v.sleutel}${v.details.length ? `: ${v.details.join('; ')}` : ''}`,
    );
  uit.regel(
    `${a!.citeertitel} (${a!.geldigVanaf}) → ${b!.citeertitel} (${b!.geldigVanaf}): ${verschillen.length} verschil(len)`,
  );
  if (!model) {
    for (const v of verschillen) regel(v);
    return 0;
  }
  uit.regel(`${b!.citeertitel} rust op ${a!.citeertitel}.`);
  uit.regel(`Afwijkingen (${model.afwijkingen.length}):`);
  for (const v of model.afwijkingen) {
    regel(v);
    if (v.artikelen.length > 0) uit.regel(`             (art. ${v.artikelen.join(', art. ')})`);
  }
  uit.regel(`Aanvullingen, die de ${a!.citeertitel} niet heeft (${model.aanvullingen.length}):`);
  for (const v of model.aanvullingen) regel(v);
  uit.regel(`Eigen gegevens (${model.eigen.length}):`);
  for (const v of model.eigen) regel(v);
  return 0;
}
