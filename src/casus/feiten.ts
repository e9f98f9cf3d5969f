import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nederlands } from '../regelgeving/berichten.ts';
import { formatteerFout } from '../regelgeving/fouten.ts';
import { type CacheMap, viaBestandCache } from '../regelgeving/bibliotheek-cache.ts';
import type { LaadResultaat } from '../regelgeving/laden.ts';
import { foutOp, leesYaml } from '../regelgeving/yaml-bron.ts';
import {
  breidUit,
  type FeitDefinitie,
  type Vocabulaire,
  type VocabulaireDeclaratie,
  vocabulaireSchema,
} from './vocabulaire.ts';

export type { FeitDefinitie, FeitType, Vocabulaire, VoorzieningDefinitie } from './vocabulaire.ts';

/**
 * The national vocabulary: the facts and voorzieningen the national layer declares in
 * regelgeving/wet/vocabulaire.yaml. It is read once, when this module loads, so the case schema and
 * the rule compiler have it before any regulation is loaded; a fault in the file stops the program
 * with the file, line and path, as a fault in any regulation file would.
 */
export const VOCABULAIRE_BESTAND = join(
  import.meta.dirname,
  '..',
  '..',
  'regelgeving',
  'wet',
  'vocabulaire.yaml',
);

/** The file's declaration, parsed and validated; errors name the file, line and path. */
function landelijkeDeclaratie(tekst: string): LaadResultaat<VocabulaireDeclaratie> {
  const gelezen = leesYaml(VOCABULAIRE_BESTAND, tekst);
  if (!gelezen.ok) return gelezen;
  const data = gelezen.bron.data as Record<string, unknown> | null;
  const p = vocabulaireSchema().safeParse(data?.vocabulaire, { error: nederlands });
  if (p.success) return { ok: true, waarde: p.data };
  return {
    ok: false,
    fouten: p.error.issues.map((i) => foutOp(gelezen.bron, 'schema', ['vocabulaire', ...i.path], i.message)),
  };
}

/**
 * The national vocabulary from `tekst` (the file's content). What a start before this one made of the
 * same text with the same code comes from the cache (the YAML parser then does not even load); a
 * fault stops the program with the file, line and path.
 */
export function laadLandelijk(tekst: string, cache?: CacheMap): Vocabulaire {
  const r = viaBestandCache('vocabulaire', VOCABULAIRE_BESTAND, tekst, () => landelijkeDeclaratie(tekst), {
    map: cache,
  });
  if (!r.ok) throw new Error(r.fouten.map(formatteerFout).join('\n'));
  return breidUit(undefined, [{ vocabulaire: r.waarde }]);
}

export const LANDELIJK_VOCABULAIRE: Vocabulaire = laadLandelijk(readFileSync(VOCABULAIRE_BESTAND, 'utf8'));

export const FEITEN: readonly FeitDefinitie[] = [...LANDELIJK_VOCABULAIRE.feiten.values()];

export const FEIT_INDEX: ReadonlyMap<string, FeitDefinitie> = LANDELIJK_VOCABULAIRE.feiten;

/** The kinds of benefit the national fact `uitkering` knows. */
export const UITKERINGEN: readonly string[] = (() => {
  const t = FEIT_INDEX.get('uitkering')?.type;
  return t?.soort === 'keuze' ? t.opties : [];
})();
