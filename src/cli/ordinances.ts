import type { Bibliotheek } from '../regelgeving/index.ts';
import { datumTekst } from '../taal/index.ts';
import type { Uitvoer } from './uitvoer.ts';

/**
 * Lists what is loaded: national law, the regions' models (which gemeenten rest on, never applied
 * themselves), then per gemeente each regulation and its versions.
 */
export function ordinances(b: Bibliotheek, opties: { json: boolean }, uit: Uitvoer): number {
  const versie = (id: string) =>
    b.versies(id).map((r) => ({
      geldigVanaf: r.geldigVanaf,
      geldigTot: r.geldigTot ?? null,
      status: r.status,
      titel: r.titel,
      voorzieningen: Object.keys(r.voorzieningen ?? {}),
      hash: r.hash,
      bestand: r.bestand,
      ...(r.basis ? { basis: r.basis } : {}),
    }));
  const wetten = [...new Set(b.regelingen.filter((r) => r.laag === 'wet').map((r) => r.id))];
  const modellen = [...new Set(b.regelingen.filter((r) => r.laag === 'regio').map((r) => r.id))].sort();
  const gemeenten = b
    .gemeenten()
    .map((g) => ({ ...g, regelingen: b.regelingenVan(g.slug).map((id) => ({ id, versies: versie(id) })) }));
  if (opties.json) {
    uit.regel(
      JSON.stringify(
        {
          wetten: wetten.map((id) => ({ id, versies: versie(id) })),
          modellen: modellen.map((id) => ({ id, versies: versie(id) })),
          gemeenten,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const periode = (v: { geldigVanaf: string; geldigTot: string | null }) =>
    `${datumTekst(v.geldigVanaf)} – ${v.geldigTot ? datumTekst(v.geldigTot) : 'heden'}`;
  uit.regel('Landelijk');
  for (const id of wetten) for (const v of versie(id)) uit.regel(`  ${id}  ${periode(v)}  ${v.titel}`);
  if (modellen.length > 0)
    uit.regel('Regionale modellen (gelden niet zelf; een gemeente rust erop met basis)');
  for (const id of modellen) for (const v of versie(id)) uit.regel(`  ${id}  ${v.geldigVanaf}  ${v.titel}`);
  for (const g of gemeenten) {
    uit.regel(`${g.naam} (${g.slug}, ${g.cbsCode})`);
    for (const r of g.regelingen) {
      for (const v of r.versies) {
        uit.regel(
          `  ${r.id}  ${periode(v)}${v.status === 'ontwerp' ? '  [ontwerp]' : ''}  ${v.voorzieningen.length} voorzieningen  ${v.hash.slice(0, 12)}${v.basis ? `  rust op ${v.basis}` : ''}`,
        );
      }
    }
  }
  return 0;
}
