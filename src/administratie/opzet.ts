import type { Db } from '../opslag/database.ts';
import type { Bibliotheek } from '../regelgeving/index.ts';

/** The uitvoeringsorganisatie per gemeente, as the seeds describe them. */
const ORGANISATIES: Record<string, { id: string; naam: string }> = {
  dinkelland: { id: 'almelo', naam: 'Gemeente Almelo (uitvoering voor Dinkelland en Tubbergen)' },
  tubbergen: { id: 'almelo', naam: 'Gemeente Almelo (uitvoering voor Dinkelland en Tubbergen)' },
  'krimpen-aan-den-ijssel': { id: 'ijsselgemeenten', naam: 'IJsselgemeenten' },
  'capelle-aan-den-ijssel': { id: 'ijsselgemeenten', naam: 'IJsselgemeenten' },
  zuidplas: { id: 'ijsselgemeenten', naam: 'IJsselgemeenten' },
  assen: { id: 'isd-aat', naam: 'ISD Aa en Hunze, Assen en Tynaarlo' },
};

/** Makes sure every gemeente that has a regulation is known in the store; idempotent, runs on start. */
export async function zorgVoorGemeenten(db: Db, bibliotheek: Bibliotheek): Promise<void> {
  for (const g of bibliotheek.gemeenten()) {
    const org = ORGANISATIES[g.slug] ?? { id: g.slug, naam: `Gemeente ${g.naam}` };
    await db
      .insertInto('uitvoeringsorganisatie')
      .values(org)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    await db
      .insertInto('gemeente')
      .values({ slug: g.slug, naam: g.naam, cbsCode: g.cbsCode, organisatieId: org.id })
      .onConflict((oc) => oc.column('slug').doUpdateSet({ naam: g.naam, cbsCode: g.cbsCode }))
      .execute();
  }
}
