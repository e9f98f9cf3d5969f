import type { Rol } from '../opslag/schema.ts';
import { type Fout, mislukt } from './fouten.ts';

/** Who is acting, with which roles per gemeente, and why (the purpose recorded in the audit trail). */
export interface Actor {
  readonly gebruikerId: string;
  readonly gebruikersnaam: string;
  readonly rollen: ReadonlyMap<string, ReadonlySet<Rol>>;
  readonly doel: string;
}

export function gemeentenVan(actor: Actor): string[] {
  return [...actor.rollen.keys()].sort();
}

/**
 * Checks a role for a gemeente. Without any role for that gemeente the answer is "not found", so a
 * user cannot even learn that another gemeente's data exists.
 */
export function vereisRol(
  actor: Actor,
  gemeente: string,
  toegestaan: readonly Rol[],
): { ok: true } | { ok: false; fout: Fout } {
  const rollen = actor.rollen.get(gemeente);
  if (!rollen || rollen.size === 0)
    return mislukt({ code: 'niet-gevonden', bericht: `gemeente '${gemeente}' niet gevonden` });
  if (!toegestaan.some((r) => rollen.has(r))) {
    return mislukt({
      code: 'verboden',
      bericht: `hiervoor is een van deze rollen nodig: ${toegestaan.join(', ')}`,
    });
  }
  return { ok: true };
}

export const LEZERS: readonly Rol[] = ['casemanager', 'beleidsmedewerker', 'manager', 'auditor', 'beheerder'];
export const BESLISSERS: readonly Rol[] = ['casemanager', 'manager'];
export const BELEID: readonly Rol[] = ['beleidsmedewerker', 'manager', 'beheerder'];
