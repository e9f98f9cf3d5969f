import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nederlands } from '../regelgeving/berichten.ts';
import { formatteerFout } from '../regelgeving/fouten.ts';
import { foutOp, leesYaml } from '../regelgeving/yaml-bron.ts';
import { breidUit, type FeitDefinitie, type Vocabulaire, vocabulaireSchema } from './vocabulaire.ts';

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

function laadLandelijk(): Vocabulaire {
  const gelezen = leesYaml(VOCABULAIRE_BESTAND, readFileSync(VOCABULAIRE_BESTAND, 'utf8'));
  if (!gelezen.ok) throw new Error(gelezen.fouten.map(formatteerFout).join('\n'));
  const data = gelezen.bron.data as Record<string, unknown> | null;
  const p = vocabulaireSchema.safeParse(data?.vocabulaire, { error: nederlands });
  if (!p.success)
    throw new Error(
      p.error.issues
        .map((i) => formatteerFout(foutOp(gelezen.bron, 'schema', ['vocabulaire', ...i.path], i.message)))
        .join('\n'),
    );
  return breidUit(undefined, [{ vocabulaire: p.data }]);
}

export const LANDELIJK_VOCABULAIRE: Vocabulaire = laadLandelijk();

export const FEITEN: readonly FeitDefinitie[] = [...LANDELIJK_VOCABULAIRE.feiten.values()];

export const FEIT_INDEX: ReadonlyMap<string, FeitDefinitie> = LANDELIJK_VOCABULAIRE.feiten;

/** The kinds of benefit the national fact `uitkering` knows. */
export const UITKERINGEN: readonly string[] = (() => {
  const t = FEIT_INDEX.get('uitkering')?.type;
  return t?.soort === 'keuze' ? t.opties : [];
})();
