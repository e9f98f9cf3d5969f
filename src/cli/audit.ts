import { verifieerAuditketen, type Verificatie } from '../administratie/auditketen.ts';
import type { Configuratie } from '../opslag/configuratie.ts';
import { openOpslag } from '../opslag/database.ts';
import { migreerOpslag } from '../opslag/migreer.ts';
import type { Uitvoer } from './uitvoer.ts';

/**
 * reintegratie audit verify: checks every hash chain of the audit trail (or one gemeente's) and
 * reports the first broken link. Exit 0 when intact, 1 when a chain is broken or the input is wrong.
 */
export async function audit(
  positionals: readonly string[],
  o: { gemeente?: string | undefined; json: boolean },
  config: Configuratie,
  uit: Uitvoer,
): Promise<number> {
  if (positionals[0] !== 'verify' || positionals.length !== 1) {
    uit.fout(`gebruik: reintegratie audit verify [--gemeente G] [--json]`);
    return 1;
  }
  const opslag = await openOpslag(config);
  try {
    await migreerOpslag(config, opslag);
    const v = await verifieerAuditketen(opslag.db, o.gemeente === undefined ? {} : { gemeente: o.gemeente });
    if (o.json) uit.regel(JSON.stringify(v, null, 2));
    else for (const r of beschrijf(v)) uit.regel(r);
    return v.intact ? 0 : 1;
  } finally {
    await opslag.sluit();
  }
}

function beschrijf(v: Verificatie): string[] {
  const regels = v.ketens.map(
    (k) =>
      `${k.gemeente ?? '(zonder gemeente)'}: ${k.regels} regels, kop ${k.kopVolgnummer} ${k.kopHash ?? '-'}${k.breuk ? ` — GEBROKEN (${k.breuk.soort}): ${k.breuk.uitleg}` : ' — intact'}`,
  );
  regels.push(
    v.intact
      ? `auditspoor intact: ${v.ketens.length} ketens, ${v.regels} regels`
      : `auditspoor GEBROKEN: eerste breuk ${v.eersteBreuk!.uitleg}`,
  );
  return regels;
}
