import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nederlands } from '../regelgeving/berichten.ts';
import { formatteerFout } from '../regelgeving/fouten.ts';
import { type CacheMap, viaBestandCache } from '../regelgeving/bibliotheek-cache.ts';
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

/**
 * The file's declaration, parsed and validated; what a start before it made of the same text with the
 * same code is taken from the cache instead (the YAML parser then does not even load).
 */
function landelijkeDeclaratie(tekst: string): VocabulaireDeclaratie {
  const gelezen = leesYaml(VOCABULAIRE_BESTAND, tekst);
  if (!gelezen.ok) throw new Error(gelezen.fouten.map(formatteerFout).join('\n'));
  const data = gelezen.bron.data as Record<string, unknown> | null;
  const p = vocabulaireSchema.safeParse(data?.vocabulaire, { error: nederlands });
  if (!p.success)
    throw new Error(
      p.error.issues
        .map((i) => formatteerFout(foutOp(gelezen.bron, 'schema', ['vocabulaire', ...i.path], i.message)))
        .join('\n'),
    );
  return p.data;
}

/** The national vocabulary from `tekst` (the file's content); `cache` as for the library. */
export function laadLandelijk(tekst: string, cache?: CacheMap): Vocabulaire {
  const declaratie = viaBestandCache(
    'vocabulaire',
    VOCABULAIRE_BESTAND,
    tekst,
    () => landelijkeDeclaratie(tekst),
    cache,
  );
  return breidUit(undefined, [{ vocabulaire: declaratie }]);
}

export const LANDELIJK_VOCABULAIRE: Vocabulaire = laadLandelijk(readFileSync(VOCABULAIRE_BESTAND, 'utf8'));

export const FEITEN: readonly FeitDefinitie[] = [...LANDELIJK_VOCABULAIRE.feiten.values()];

export const FEIT_INDEX: ReadonlyMap<string, FeitDefinitie> = LANDELIJK_VOCABULAIRE.feiten;

/** The kinds of benefit the national fact `uitkering` knows. */
export const UITKERINGEN: readonly string[] = (() => {
  const t = FEIT_INDEX.get('uitkering')?.type;
  return t?.soort === 'keuze' ? t.opties : [];
})();
