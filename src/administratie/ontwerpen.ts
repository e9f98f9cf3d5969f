import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { controleerRonde } from '../advies/laden.ts';
import { type Adviesronde, rondeSchema } from '../advies/schema.ts';
import { laadOntwerp } from '../regelgeving/ontwerp.ts';
import { type Engine, maakEngine } from '../engine/index.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import type { OntwerpStatus } from '../opslag/schema.ts';
import { type Bibliotheek, laadBibliotheek, padTekst, type Regeling } from '../regelgeving/index.ts';
import { log } from './audit.ts';
import { onthoudenHashes, vergeetInWerking } from './in-werking-geheugen.ts';
import { gelukt, mislukt, nietGevonden, type Uitslag } from './fouten.ts';
import { BELEID, type Actor, vereisRol } from './toegang.ts';

/**
 * A draft's life cycle in the store: `ontwerp` (a YAML draft, checked exactly as a regulation file is)
 * → advice rounds (points and reactions, the shape of the round files) → `raadsvoorstel` →
 * `vastgesteld` on the council's decision date. Only an adopted draft ever reaches the engine, and
 * then as the version in force from its geldigVanaf (see `bibliotheekInWerking`). Every step is
 * audited; only policy roles may take one.
 */

export interface OpgeslagenRonde {
  readonly id: string;
  readonly ronde: Adviesronde;
}

export interface Ontwerp {
  readonly id: string;
  readonly gemeente: string;
  readonly regeling: string;
  readonly geldigVanaf: string;
  readonly bestandsnaam: string;
  readonly inhoud: string;
  readonly hash: string;
  readonly status: OntwerpStatus;
  readonly besluitdatum: string | null;
  /** Free-text parts of the raadsvoorstel the policy officer writes (see documenten/raadsvoorstel.ts). */
  readonly teksten: Readonly<Record<string, string>>;
  readonly versie: number;
  readonly rondes: readonly OpgeslagenRonde[];
}

const ongeldig = (bericht: string, velden: { pad: string; bericht: string }[]) =>
  mislukt({ code: 'ongeldig', bericht, velden });

/** Stores a new draft after checking it as `reintegratie validate` checks a file. */
export async function maakOntwerp(
  db: Db,
  bibliotheek: Bibliotheek,
  actor: Actor,
  gemeente: string,
  invoer: { bestandsnaam: string; inhoud: string; teksten?: Record<string, string> },
): Promise<Uitslag<Ontwerp>> {
  const rol = vereisRol(actor, gemeente, BELEID);
  if (!rol.ok) return rol;
  const geladen = laadOntwerp(bibliotheek, gemeente, invoer.bestandsnaam, invoer.inhoud);
  if (!geladen.ok)
    return ongeldig(
      'het ontwerp is ongeldig',
      geladen.fouten.map((f) => ({
        pad: `ontwerp.inhoud${f.regel !== undefined ? ` (regel ${f.regel})` : ''}${f.pad ? `: ${f.pad}` : ''}`,
        bericht: `${f.bestand}${f.regel !== undefined ? `:${f.regel}:${f.kolom ?? 1}` : ''}: ${f.bericht}`,
      })),
    );
  const r = geladen.regeling;
  geladen.opruimen();
  const rij = await db
    .insertInto('ontwerp')
    .values({
      gemeente,
      regeling: r.id,
      geldigVanaf: r.geldigVanaf,
      bestandsnaam: invoer.bestandsnaam,
      inhoud: invoer.inhoud,
      hash: r.hash,
      teksten: JSON.stringify(invoer.teksten ?? {}),
      aangemaaktDoor: actor.gebruikerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await log(db, actor, gemeente, 'ontwerp-aanmaken', 'ontwerp', rij.id);
  return leesOntwerp(db, actor, gemeente, rij.id, { stil: true });
}

/** A draft with its rounds. */
export async function leesOntwerp(
  db: Db,
  actor: Actor,
  gemeente: string,
  id: string,
  opties: { stil?: boolean } = {},
): Promise<Uitslag<Ontwerp>> {
  const rol = vereisRol(actor, gemeente, BELEID);
  if (!rol.ok) return rol;
  const rij = await db
    .selectFrom('ontwerp')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!rij) return nietGevonden('ontwerp');
  const rondes = await db
    .selectFrom('adviesronde')
    .select(['id', 'inhoud'])
    .where('ontwerpId', '=', id)
    .orderBy('aangemaaktOp')
    .orderBy('id')
    .execute();
  if (!opties.stil) await log(db, actor, gemeente, 'ontwerp-lezen', 'ontwerp', id);
  return gelukt({
    id: rij.id,
    gemeente: rij.gemeente,
    regeling: rij.regeling,
    geldigVanaf: rij.geldigVanaf,
    bestandsnaam: rij.bestandsnaam,
    inhoud: rij.inhoud,
    hash: rij.hash,
    status: rij.status,
    besluitdatum: rij.besluitdatum,
    teksten: rij.teksten,
    versie: rij.versie,
    rondes: rondes.map((x) => ({ id: x.id, ronde: rondeSchema.parse(x.inhoud) })),
  });
}

/** The draft as a regulation version (checked on top of the library), for documents and impact runs. */
export function ontwerpRegeling(
  bibliotheek: Bibliotheek,
  o: Pick<Ontwerp, 'gemeente' | 'bestandsnaam' | 'inhoud'>,
): Regeling {
  const geladen = laadOntwerp(bibliotheek, o.gemeente, o.bestandsnaam, o.inhoud);
  if (!geladen.ok) throw new Error(`opgeslagen ontwerp laadt niet meer: ${geladen.fouten[0]?.bericht}`);
  geladen.opruimen();
  return geladen.regeling;
}

/** The drafts of a gemeente, newest first, without their YAML (for the policy officer's list). */
export async function lijstOntwerpen(
  db: Db,
  actor: Actor,
  gemeente: string,
): Promise<Uitslag<Omit<Ontwerp, 'inhoud' | 'rondes' | 'teksten'>[]>> {
  const rol = vereisRol(actor, gemeente, BELEID);
  if (!rol.ok) return rol;
  const rijen = await db
    .selectFrom('ontwerp')
    .select([
      'id',
      'gemeente',
      'regeling',
      'geldigVanaf',
      'bestandsnaam',
      'hash',
      'status',
      'besluitdatum',
      'versie',
    ])
    .where('gemeente', '=', gemeente)
    .orderBy('regeling')
    .orderBy('geldigVanaf', 'desc')
    .orderBy('id')
    .execute();
  return gelukt(rijen);
}

/**
 * The start of a draft from the version in force on its geldigVanaf: a file that rests on that
 * version (`basis`) and so states nothing yet but its own title and date; the policy officer adds
 * the articles she changes. The conformance findings of that version say which ones.
 */
export function ontwerpSjabloon(
  bibliotheek: Bibliotheek,
  gemeente: string,
  regeling: string,
  geldigVanaf: string,
): Uitslag<{ bestandsnaam: string; inhoud: string }> {
  if (!bibliotheek.regelingenVan(gemeente).includes(regeling))
    return ongeldig('onbekende regeling', [{ pad: 'regeling', bericht: 'geen regeling van deze gemeente' }]);
  const huidig = bibliotheek.inWerking(regeling, geldigVanaf);
  if (!huidig)
    return ongeldig('geen versie in werking', [
      { pad: 'geldigVanaf', bericht: `op ${geldigVanaf} is geen versie van ${regeling} in werking` },
    ]);
  const regels = [
    `# Ontwerp op basis van de ${huidig.titel} (geldig vanaf ${huidig.geldigVanaf}).`,
    '# Noem hieronder alleen wat het ontwerp verandert (artikelen, parameters, voorzieningen).',
    `id: ${regeling}`,
    `basis: ${regeling}@${huidig.geldigVanaf}`,
    `titel: ${JSON.stringify(huidig.titel)}`,
    `citeertitel: ${JSON.stringify(huidig.citeertitel)}`,
    'status: ontwerp',
    `geldigVanaf: ${geldigVanaf}`,
  ];
  return gelukt({ bestandsnaam: `${geldigVanaf}.yaml`, inhoud: `${regels.join('\n')}\n` });
}

/**
 * Replaces the YAML of a draft that is still an ontwerp, checked as a new draft is; the stored
 * rounds must still fit it (their articles must exist in the new text).
 */
export async function wijzigInhoud(
  db: Db,
  bibliotheek: Bibliotheek,
  actor: Actor,
  gemeente: string,
  id: string,
  invoer: { bestandsnaam: string; inhoud: string },
): Promise<Uitslag<Ontwerp>> {
  const o = await leesOntwerp(db, actor, gemeente, id, { stil: true });
  if (!o.ok) return o;
  if (o.waarde.status !== 'ontwerp')
    return mislukt({
      code: 'conflict',
      bericht: `het ontwerp is al ${o.waarde.status}; de tekst ligt vast`,
    });
  const geladen = laadOntwerp(bibliotheek, gemeente, invoer.bestandsnaam, invoer.inhoud);
  if (!geladen.ok)
    return ongeldig(
      'het ontwerp is ongeldig',
      geladen.fouten.map((f) => ({
        pad: `ontwerp.inhoud${f.regel !== undefined ? ` (regel ${f.regel})` : ''}${f.pad ? `: ${f.pad}` : ''}`,
        bericht: `${f.bestand}${f.regel !== undefined ? `:${f.regel}:${f.kolom ?? 1}` : ''}: ${f.bericht}`,
      })),
    );
  const r = geladen.regeling;
  geladen.opruimen();
  const velden: { pad: string; bericht: string }[] = [];
  if (r.id !== o.waarde.regeling)
    velden.push({ pad: 'ontwerp.inhoud: id', bericht: `het ontwerp is van ${o.waarde.regeling}` });
  o.waarde.rondes.forEach(({ ronde }, i) =>
    controleerRonde(
      bibliotheek,
      ronde,
      (pad, bericht) => velden.push({ pad: `rondes.${i}.${padTekst(pad)}`, bericht }),
      r,
    ),
  );
  if (velden.length > 0) return ongeldig('het ontwerp past niet bij zijn adviesrondes', velden);
  await db
    .updateTable('ontwerp')
    .set({
      inhoud: invoer.inhoud,
      bestandsnaam: invoer.bestandsnaam,
      geldigVanaf: r.geldigVanaf,
      hash: r.hash,
      versie: o.waarde.versie + 1,
    })
    .where('id', '=', id)
    .where('status', '=', 'ontwerp')
    .execute();
  await log(db, actor, gemeente, 'ontwerp-wijzigen', 'ontwerp', id);
  return leesOntwerp(db, actor, gemeente, id, { stil: true });
}

/** Records an advice round on a draft that is still an ontwerp; checked like a round file. */
export async function voegRondeToe(
  db: Db,
  bibliotheek: Bibliotheek,
  actor: Actor,
  gemeente: string,
  ontwerpId: string,
  invoer: unknown,
): Promise<Uitslag<Ontwerp>> {
  const o = await leesOntwerp(db, actor, gemeente, ontwerpId, { stil: true });
  if (!o.ok) return o;
  if (o.waarde.status !== 'ontwerp')
    return mislukt({
      code: 'conflict',
      bericht: `het ontwerp is al ${o.waarde.status}; een adviesronde hoort bij het ontwerp`,
    });
  const parsed = rondeSchema.safeParse(invoer);
  if (!parsed.success)
    return ongeldig(
      'de adviesronde is ongeldig',
      parsed.error.issues.map((i) => ({ pad: `ronde.${padTekst(i.path)}`, bericht: i.message })),
    );
  const ronde = parsed.data;
  const velden: { pad: string; bericht: string }[] = [];
  if (ronde.regeling !== o.waarde.regeling)
    velden.push({ pad: 'ronde.regeling', bericht: `het ontwerp is van ${o.waarde.regeling}` });
  if (!ronde.gemeenten.includes(gemeente))
    velden.push({ pad: 'ronde.gemeenten', bericht: `${gemeente} hoort in de lijst` });
  const regeling = ontwerpRegeling(bibliotheek, o.waarde);
  controleerRonde(
    bibliotheek,
    ronde,
    (pad, bericht) => velden.push({ pad: `ronde.${padTekst(pad)}`, bericht }),
    regeling,
  );
  if (velden.length > 0) return ongeldig('de adviesronde is ongeldig', velden);
  const rij = await db
    .insertInto('adviesronde')
    .values({ ontwerpId, gemeente, inhoud: JSON.stringify(ronde), aangemaaktDoor: actor.gebruikerId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await log(db, actor, gemeente, 'adviesronde-vastleggen', 'ontwerp', ontwerpId);
  void rij;
  return leesOntwerp(db, actor, gemeente, ontwerpId, { stil: true });
}

/** Keeps the policy officer's free-text parts of the raadsvoorstel with the draft. */
export async function zetTeksten(
  db: Db,
  actor: Actor,
  gemeente: string,
  id: string,
  teksten: Record<string, string>,
): Promise<Uitslag<Ontwerp>> {
  const o = await leesOntwerp(db, actor, gemeente, id, { stil: true });
  if (!o.ok) return o;
  if (o.waarde.status === 'vastgesteld')
    return mislukt({ code: 'conflict', bericht: 'het ontwerp is vastgesteld; de teksten liggen vast' });
  await db
    .updateTable('ontwerp')
    .set({ teksten: JSON.stringify({ ...o.waarde.teksten, ...teksten }), versie: o.waarde.versie + 1 })
    .where('id', '=', id)
    .execute();
  await log(db, actor, gemeente, 'ontwerp-teksten', 'ontwerp', id);
  return leesOntwerp(db, actor, gemeente, id, { stil: true });
}

/** ontwerp → raadsvoorstel: the college sends the draft to the council. */
export async function naarRaadsvoorstel(
  db: Db,
  actor: Actor,
  gemeente: string,
  id: string,
): Promise<Uitslag<Ontwerp>> {
  const o = await leesOntwerp(db, actor, gemeente, id, { stil: true });
  if (!o.ok) return o;
  if (o.waarde.status !== 'ontwerp')
    return mislukt({ code: 'conflict', bericht: `het ontwerp is al ${o.waarde.status}` });
  await db
    .updateTable('ontwerp')
    .set({ status: 'raadsvoorstel', versie: o.waarde.versie + 1 })
    .where('id', '=', id)
    .where('status', '=', 'ontwerp')
    .execute();
  await log(db, actor, gemeente, 'ontwerp-raadsvoorstel', 'ontwerp', id);
  return leesOntwerp(db, actor, gemeente, id, { stil: true });
}

/**
 * raadsvoorstel → vastgesteld on the council's decision date. The decision must come on or before
 * geldigVanaf (this system does not apply an ordinance with retroactive effect), and no other adopted
 * version of the regulation may claim the same date.
 */
export async function stelVast(
  db: Db,
  bibliotheek: Bibliotheek,
  actor: Actor,
  gemeente: string,
  id: string,
  besluitdatum: string,
): Promise<Uitslag<Ontwerp>> {
  const o = await leesOntwerp(db, actor, gemeente, id, { stil: true });
  if (!o.ok) return o;
  const w = o.waarde;
  if (w.status !== 'raadsvoorstel')
    return mislukt({
      code: 'conflict',
      bericht:
        w.status === 'vastgesteld'
          ? 'het ontwerp is al vastgesteld'
          : 'eerst het raadsvoorstel: het ontwerp is nog niet aan de raad voorgelegd',
    });
  if (!isGeldigeDatum(besluitdatum))
    return ongeldig('ongeldige besluitdatum', [{ pad: 'besluitdatum', bericht: 'een datum JJJJ-MM-DD' }]);
  if (besluitdatum > w.geldigVanaf)
    return ongeldig('besluit na de ingangsdatum', [
      {
        pad: 'besluitdatum',
        bericht: `het besluit (${besluitdatum}) valt na geldigVanaf ${w.geldigVanaf}; terugwerkende kracht ondersteunt dit systeem niet: pas geldigVanaf in het ontwerp aan`,
      },
    ]);
  if (
    bibliotheek.versies(w.regeling).some((v) => v.status === 'vastgesteld' && v.geldigVanaf === w.geldigVanaf)
  )
    return mislukt({
      code: 'conflict',
      bericht: `er is al een vastgestelde versie van ${w.regeling} per ${w.geldigVanaf}`,
    });
  const bijgewerkt = await db
    .updateTable('ontwerp')
    .set({ status: 'vastgesteld', besluitdatum, versie: w.versie + 1 })
    .where('id', '=', id)
    .where('status', '=', 'raadsvoorstel')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ontwerp as ander')
            .select('ander.id')
            .where('ander.status', '=', 'vastgesteld')
            .where('ander.regeling', '=', w.regeling)
            .where('ander.geldigVanaf', '=', w.geldigVanaf),
        ),
      ),
    )
    .executeTakeFirst();
  if (Number(bijgewerkt.numUpdatedRows) > 0) vergeetInWerking(db, gemeente);
  if (Number(bijgewerkt.numUpdatedRows) === 0)
    return mislukt({
      code: 'conflict',
      bericht: `er is al een vastgestelde versie van ${w.regeling} per ${w.geldigVanaf}`,
    });
  await log(db, actor, gemeente, 'ontwerp-vaststellen', 'ontwerp', id);
  return leesOntwerp(db, actor, gemeente, id, { stil: true });
}

const MAP = join(tmpdir(), `reintegratie-vastgesteld-${process.pid}`);

/**
 * The library the engine applies for one gemeente: the regulation files plus every draft its own
 * council adopted, each as an adopted version (status vastgesteld, its decision date) from its
 * geldigVanaf. Drafts not adopted, and drafts of other gemeenten, are never in it (tenancy: one
 * council's decision does not change another gemeente's law). Without a gemeente: every adopted draft
 * (for tools that look at the whole store).
 */
export async function bibliotheekInWerking(
  db: Db,
  basis: Bibliotheek,
  gemeente?: string,
): Promise<Bibliotheek> {
  let vraag = db
    .selectFrom('ontwerp')
    .select(['gemeente', 'regeling', 'geldigVanaf', 'inhoud', 'hash', 'besluitdatum'])
    .where('status', '=', 'vastgesteld');
  if (gemeente !== undefined) vraag = vraag.where('gemeente', '=', gemeente);
  const rijen = await vraag.orderBy('regeling').orderBy('geldigVanaf').execute();
  if (rijen.length === 0) return basis;
  const paden = rijen.map((r) => {
    const doc = parseDocument(r.inhoud);
    doc.set('status', 'vastgesteld');
    doc.set('vastgesteld', r.besluitdatum);
    const map = join(MAP, r.hash);
    mkdirSync(map, { recursive: true });
    const pad = join(map, `${r.geldigVanaf}.yaml`);
    writeFileSync(pad, doc.toString({ lineWidth: 0 }));
    return pad;
  });
  const geladen = laadBibliotheek(basis.wortel, paden);
  if (!geladen.ok)
    throw new Error(
      `een vastgesteld ontwerp laadt niet meer: ${geladen.fouten.map((f) => f.bericht).join('; ')}`,
    );
  return geladen.waarde;
}

const engines = new Map<string, Engine>();

/**
 * The engine over `bibliotheekInWerking` for a gemeente, kept per set of adopted drafts (the file
 * engine when there are none). Every evaluation for a date goes through it: /evaluate, the aanbod,
 * grants and their re-assessment, endings, impact, conformance, overviews, letters and the amount jobs.
 */
export async function engineInWerking(
  db: Db,
  engine: Engine,
  gemeente?: string,
  opties: {
    /** For a reader that stores nothing (POST /evaluate): the adopted drafts may come from memory (in-werking-geheugen.ts). */
    readonly onthouden?: boolean;
  } = {},
): Promise<Engine> {
  const lees = async () => {
    let vraag = db.selectFrom('ontwerp').select('hash').where('status', '=', 'vastgesteld');
    if (gemeente !== undefined) vraag = vraag.where('gemeente', '=', gemeente);
    return (await vraag.orderBy('hash').execute()).map((r) => r.hash);
  };
  const hashes =
    opties.onthouden && gemeente !== undefined ? await onthoudenHashes(db, gemeente, lees) : await lees();
  return engineVoor(db, engine, gemeente, hashes);
}

/** The engine for these adopted drafts (hashes as `engineInWerking` reads them): built once per set. */
export async function engineVoor(
  db: Db,
  engine: Engine,
  gemeente: string | undefined,
  hashes: readonly string[],
): Promise<Engine> {
  if (hashes.length === 0) return engine;
  const sleutel = `${engine.bibliotheek.wortel}|${gemeente ?? '*'}|${hashes.join(',')}`;
  let e = engines.get(sleutel);
  if (!e) {
    e = maakEngine(await bibliotheekInWerking(db, engine.bibliotheek, gemeente));
    engines.set(sleutel, e);
  }
  return e;
}
