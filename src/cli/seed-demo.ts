import { vulDemo } from '../api/demo.ts';
import { zorgVoorGemeenten } from '../administratie/opzet.ts';
import { openBsnKluis } from '../administratie/sleutelbeheer.ts';
import { maakEngine } from '../engine/index.ts';
import type { Configuratie } from '../opslag/configuratie.ts';
import { openOpslag } from '../opslag/database.ts';
import { migreerOpslag } from '../opslag/migreer.ts';
import { formatteerFout, laadBibliotheek } from '../regelgeving/index.ts';
import type { Uitvoer } from './uitvoer.ts';

export async function seedDemo(
  config: Configuratie,
  perGemeente: string | undefined,
  uit: Uitvoer,
): Promise<number> {
  const aantal = perGemeente === undefined ? 600 : Number(perGemeente);
  if (!Number.isInteger(aantal) || aantal < 0) {
    uit.fout('--per-gemeente moet een heel getal zijn');
    return 1;
  }
  const b = laadBibliotheek();
  if (!b.ok) {
    for (const f of b.fouten) uit.fout(formatteerFout(f));
    return 2;
  }
  const engine = maakEngine(b.waarde);
  const opslag = await openOpslag(config);
  try {
    await migreerOpslag(config, opslag);
    await zorgVoorGemeenten(opslag.db, b.waarde);
    const r = await vulDemo(opslag.db, engine, await openBsnKluis(opslag.db, config), {
      perGemeente: aantal,
    });
    uit.regel(
      `demogegevens (${opslag.soort}): ${r?.inwoners ?? 0} inwoners, ${r?.beschikkingen ?? 0} beschikkingen (${r?.beeindigd ?? 0} voorzieningen beëindigd), ${r?.budgetten ?? 0} budgetten, ${r?.wachtlijst ?? 0} op de wachtlijst beschut werk; gebruikers <rol>@<gemeente> en 'beheerder', wachtwoord '${r?.wachtwoord}'.`,
    );
    return 0;
  } finally {
    await opslag.sluit();
  }
}
