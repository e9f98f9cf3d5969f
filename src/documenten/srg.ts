import { log } from '../administratie/audit.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from '../administratie/fouten.ts';
import { type BsnKluis, isGeldigBsn } from '../beveiliging/bsn.ts';
import { dagenInMaand } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import type { DocumentContext } from './brieven.ts';
import type { SrgSoort } from './configuratie.ts';
import { SRG_BRON, SRG_SOORTEN } from '../casus/srg-soorten.ts';
import type { VoorzieningDefinitie } from '../casus/vocabulaire.ts';
import { vocabulaireVoorGemeente } from '../regelgeving/index.ts';
import { type Actor, vereisRol } from '../administratie/toegang.ts';
import type { Rol } from '../opslag/schema.ts';
import { bewaarDocumenten, leesDocument } from './opslag.ts';

/**
 * Who may make and read a delivery: it holds every participant's BSN, so only the manager and the
 * administrator who send it to CBS, not everyone with a role in the gemeente.
 */
export const SRG_ROLLEN: readonly Rol[] = ['manager', 'beheerder'];
const MAAND = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The monthly delivery to CBS for the Statistiek Re-integratie door Gemeenten (SRG), as far as the
 * public guidelines could be read here: per gemeente and verslagmaand, every voorziening running in
 * that month, with the person's BSN, the dates and the SRG kind of voorziening from the gemeente's
 * mapping (configuratie/documenten/<gemeente>.yaml). The record layout (positions) of the
 * Richtlijnen SRG was not available, so this is a named-field JSON delivery; see the README for what
 * could not be sourced. A record whose kind has no sourced code is held back, never sent with a guess.
 */

export interface SrgRecord {
  readonly bsn: string;
  readonly voorziening: string;
  readonly soortCode: string;
  readonly soortOmschrijving: string | null;
  readonly begindatum: string;
  readonly einddatum: string | null;
}

export interface SrgLevering {
  readonly gemeentecode: string;
  readonly verslagmaand: string;
  readonly records: readonly SrgRecord[];
  /** Voorzieningen running in the month that could not be delivered, with the reason. */
  readonly achtergehouden: readonly {
    readonly voorziening: string;
    readonly aantal: number;
    readonly reden: string;
  }[];
}

export type SrgFout = { readonly record: number; readonly veld: string; readonly bericht: string };

/** Checks a delivery against our reading of the guidelines before it is written. */
export function valideerSrg(l: SrgLevering): SrgFout[] {
  const fouten: SrgFout[] = [];
  if (!/^\d{4}$/.test(l.gemeentecode))
    fouten.push({ record: 0, veld: 'gemeentecode', bericht: 'vier cijfers (CBS-gemeentecode)' });
  if (!/^\d{4}(0[1-9]|1[0-2])$/.test(l.verslagmaand))
    fouten.push({ record: 0, veld: 'verslagmaand', bericht: 'JJJJMM' });
  const begin = `${l.verslagmaand.slice(0, 4)}-${l.verslagmaand.slice(4)}-01`;
  const eind = `${begin.slice(0, 8)}${dagenInMaand(Number(begin.slice(0, 4)), Number(begin.slice(5, 7)))}`;
  const gezien = new Set<string>();
  l.records.forEach((r, i) => {
    const f = (veld: string, bericht: string) => fouten.push({ record: i + 1, veld, bericht });
    if (!isGeldigBsn(r.bsn)) f('bsn', 'geen geldig BSN (elfproef)');
    if (!/^\d{2}$/.test(r.soortCode)) f('soortCode', 'twee cijfers');
    if (r.begindatum > eind) f('begindatum', 'na de verslagmaand');
    if (r.einddatum !== null && r.einddatum < begin) f('einddatum', 'voor de verslagmaand');
    if (r.einddatum !== null && r.einddatum < r.begindatum) f('einddatum', 'voor de begindatum');
    const sleutel = `${r.bsn} ${r.soortCode} ${r.begindatum}`;
    if (gezien.has(sleutel)) f('bsn', 'dubbel: dezelfde persoon, soort en begindatum');
    gezien.add(sleutel);
  });
  return fouten;
}

/**
 * Builds, validates and stores (encrypted: it holds BSNs) the delivery of one month. Without `actor`
 * it is the system (the monthly job or the command line).
 */
export async function maakSrgLevering(
  db: Db,
  ctx: DocumentContext,
  kluis: BsnKluis,
  gemeente: string,
  maand: string,
  actor?: Actor,
): Promise<Uitslag<{ levering: SrgLevering; nieuw: boolean }>> {
  if (actor) {
    const rol = vereisRol(actor, gemeente, SRG_ROLLEN);
    if (!rol.ok) return rol;
  }
  const config = ctx.configuratie.get(gemeente);
  if (!config || !MAAND.test(maand))
    return mislukt({
      code: 'ongeldig',
      bericht: 'maand JJJJ-MM van een bekende gemeente',
      velden: [{ pad: 'maand', bericht: 'JJJJ-MM' }],
    });
  const van = `${maand}-01`;
  const tot = `${maand}-${dagenInMaand(Number(maand.slice(0, 4)), Number(maand.slice(5, 7)))}`;
  const g = await db.selectFrom('gemeente').select('cbsCode').where('slug', '=', gemeente).executeTakeFirst();
  if (!g) return mislukt({ code: 'niet-gevonden', bericht: `gemeente '${gemeente}' niet gevonden` });
  const rijen = await db
    .selectFrom('beschikking as b')
    .innerJoin('inwoner as i', 'i.id', 'b.inwonerId')
    .leftJoin('beschikking as e', (j) => j.onRef('e.vorigeId', '=', 'b.id').on('e.soort', '=', 'beeindiging'))
    .select(['b.voorziening', 'b.ingangsdatum', 'b.einddatum', 'e.einddatum as vroeg', 'i.bsnVersleuteld'])
    .where('b.gemeente', '=', gemeente)
    .where('b.soort', '=', 'toekenning')
    .where('b.ingangsdatum', '<=', tot)
    .execute();
  // A voorziening the gemeente's regulation declares has its SRG kind in its declaration, not here.
  const vocabulaire = vocabulaireVoorGemeente(ctx.bibliotheek, gemeente, []);
  const records: SrgRecord[] = [];
  const achter = new Map<string, { aantal: number; reden: string }>();
  for (const r of rijen) {
    const einde = r.vroeg && (r.einddatum === null || r.vroeg < r.einddatum) ? r.vroeg : r.einddatum;
    if (einde !== null && einde < van) continue;
    const soort =
      config.srg.soorten[r.voorziening as keyof typeof config.srg.soorten] ??
      eigenSoort(vocabulaire.voorzieningen.get(r.voorziening));
    if (!soort?.code) {
      const eigen = vocabulaire.voorzieningen.get(r.voorziening)?.regeling;
      const a = achter.get(r.voorziening) ?? {
        aantal: 0,
        reden: soort
          ? `geen SRG-code: ${soort.bron}`
          : eigen
            ? `eigen voorziening van ${eigen}: haar verklaring noemt geen SRG-soort (srg:), dus wordt zij niet geleverd`
            : 'niet in de SRG-mapping van deze gemeente',
      };
      a.aantal++;
      achter.set(r.voorziening, a);
      continue;
    }
    records.push({
      bsn: kluis.ontsleutel(r.bsnVersleuteld),
      voorziening: r.voorziening,
      soortCode: soort.code,
      soortOmschrijving: soort.omschrijving,
      begindatum: r.ingangsdatum!,
      einddatum: einde !== null && einde <= tot ? einde : null,
    });
  }
  const levering: SrgLevering = {
    gemeentecode: g.cbsCode.replace(/^GM/, ''),
    verslagmaand: maand.replace('-', ''),
    records,
    achtergehouden: [...achter]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([voorziening, a]) => ({ voorziening, ...a })),
  };
  const fouten = valideerSrg(levering);
  if (fouten.length > 0)
    return mislukt({
      code: 'ongeldig',
      bericht: `de SRG-levering voldoet niet (${fouten.length} fouten); er is niets geschreven`,
      velden: fouten.slice(0, 50).map((f) => ({ pad: `records[${f.record}].${f.veld}`, bericht: f.bericht })),
    });
  const bewaard = await bewaarDocumenten(db, {
    gemeente,
    soort: 'srg-levering',
    sleutel: maand,
    door: actor?.gebruikerId ?? null,
    versleuteld: true,
    weergaven: [
      {
        formaat: 'json',
        mediatype: 'application/json',
        inhoud: Buffer.from(kluis.versleutel(JSON.stringify(levering))),
      },
    ],
  });
  await log(
    db,
    actor,
    gemeente,
    bewaard.nieuw ? 'srg-levering-maken' : 'srg-levering-opnieuw-gevraagd',
    'srg-levering',
    maand,
  );
  // Once stored, the stored delivery is the delivery: a second call answers it, not a new count.
  const opgeslagen = bewaard.documenten[0];
  return gelukt({
    levering: opgeslagen
      ? (JSON.parse(kluis.ontsleutel(opgeslagen.inhoud.toString('utf8'))) as SrgLevering)
      : levering,
    nieuw: bewaard.nieuw,
  });
}

/** The SRG kind a declared voorziening's own declaration names, as the mapping would give it. */
function eigenSoort(v: VoorzieningDefinitie | undefined): SrgSoort | undefined {
  if (!v?.regeling || !v.srg) return undefined;
  return {
    code: v.srg,
    omschrijving: SRG_SOORTEN[v.srg],
    bron: `${SRG_BRON}; verklaard in ${v.regeling}${v.artikel ? `, artikel ${v.artikel}` : ''}`,
  };
}

/** The stored delivery of a month, decrypted; reading it (every BSN in it) is audited. */
export async function leesSrgLevering(
  db: Db,
  kluis: BsnKluis,
  actor: Actor | undefined,
  gemeente: string,
  maand: string,
): Promise<Uitslag<{ levering: SrgLevering; sha256: string; aangemaaktOp: Date }>> {
  if (actor) {
    const rol = vereisRol(actor, gemeente, SRG_ROLLEN);
    if (!rol.ok) return rol;
  }
  if (!MAAND.test(maand)) return nietGevonden('SRG-levering');
  const d = await leesDocument(db, gemeente, 'srg-levering', maand, 'json');
  if (!d) return nietGevonden('SRG-levering');
  await log(db, actor, gemeente, 'srg-levering-lezen', 'srg-levering', maand);
  return gelukt({
    levering: JSON.parse(kluis.ontsleutel(d.inhoud.toString('utf8'))) as SrgLevering,
    sha256: d.sha256,
    aangemaaktOp: d.aangemaaktOp,
  });
}
