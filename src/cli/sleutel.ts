import { readFileSync } from 'node:fs';
import { openBsnKluis, roteerSleutel, SleutelFout } from '../administratie/sleutelbeheer.ts';
import { leesSleutel, vervangSleutelbestand } from '../beveiliging/sleutel.ts';
import type { Configuratie } from '../opslag/configuratie.ts';
import { openOpslag } from '../opslag/database.ts';
import { migreerOpslag } from '../opslag/migreer.ts';
import type { Uitvoer } from './uitvoer.ts';

/**
 * reintegratie sleutel roteer --nieuw <bestand|env:NAAM>: every BSN under a new key, in one
 * transaction, as the owner of the tables (DATABASE_MIGRATIE_URL on PostgreSQL). Afterwards the key
 * file (when the key came from one) holds the new key and the old one is kept beside it; with
 * BSN_SLEUTEL the operator puts the new key in the secret store.
 */
export async function sleutel(
  positionals: readonly string[],
  o: { nieuw?: string | undefined; json: boolean },
  config: Configuratie,
  uit: Uitvoer,
): Promise<number> {
  if (positionals[0] !== 'roteer' || positionals.length !== 1 || !o.nieuw) {
    uit.fout('gebruik: reintegratie sleutel roteer --nieuw <bestand|env:NAAM>');
    return 1;
  }
  let nieuw: string;
  if (o.nieuw.startsWith('env:')) {
    const naam = o.nieuw.slice(4);
    const waarde = process.env[naam];
    if (!waarde) {
      uit.fout(`--nieuw: de omgevingsvariabele ${naam} is niet gezet`);
      return 1;
    }
    nieuw = waarde.trim();
  } else {
    try {
      nieuw = readFileSync(o.nieuw, 'utf8').trim();
    } catch {
      uit.fout(`--nieuw: het bestand ${o.nieuw} is niet te lezen`);
      return 1;
    }
  }
  // The deliveries' trigger is stepped aside only by the tables' owner.
  const eigenaar = config.databaseMigratieUrl
    ? { ...config, databaseUrl: config.databaseMigratieUrl }
    : config;
  const opslag = await openOpslag(eigenaar);
  try {
    await migreerOpslag(eigenaar, opslag);
    await openBsnKluis(opslag.db, config);
    const bron = leesSleutel(config);
    const r = await roteerSleutel(opslag.db, bron.sleutel!, nieuw);
    const vorige = bron.soort === 'bestand' ? vervangSleutelbestand(bron.bestand!, nieuw) : undefined;
    const tekst = `BSN-sleutel geroteerd: ${r.inwoners} BSN's en ${r.documenten} SRG-leveringen opnieuw versleuteld; vingerafdruk ${r.vingerafdruk.slice(0, 12)}… (was ${r.vorigeVingerafdruk.slice(0, 12)}…). ${
      vorige
        ? `Het sleutelbestand bevat nu de nieuwe sleutel; de vorige staat in ${vorige} (nodig voor back-ups van vóór nu).`
        : 'Zet nu de nieuwe sleutel in BSN_SLEUTEL; de oude is nodig voor back-ups van vóór nu.'
    } Maak een back-up van de nieuwe sleutel, apart van de gegevens.`;
    if (o.json) uit.regel(JSON.stringify({ ...r, vorigSleutelbestand: vorige ?? null }, null, 2));
    else uit.regel(tekst);
    return 0;
  } catch (e) {
    if (e instanceof SleutelFout) {
      uit.fout(e.message);
      return 1;
    }
    throw e;
  } finally {
    await opslag.sluit();
  }
}
