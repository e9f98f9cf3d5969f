import type { ColumnType, Generated } from 'kysely';

/** Table types for Kysely (camelCase; the CamelCasePlugin maps to snake_case columns). */

/** JSON columns are written as strings (JSON.stringify) so pg and PGlite serialise them alike, and read back parsed. */
export type Json<T> = ColumnType<T, string, string>;
type Tijdstip = ColumnType<Date, Date | string | undefined, Date | string>;

export type OntwerpStatus = 'ontwerp' | 'raadsvoorstel' | 'vastgesteld';

export interface Database {
  uitvoeringsorganisatie: { id: string; naam: string };
  gemeente: { slug: string; naam: string; cbsCode: string; organisatieId: string };
  gebruiker: {
    id: Generated<string>;
    gebruikersnaam: string;
    naam: string;
    wachtwoordHash: string;
    aangemaaktOp: Generated<Date>;
    /** The OpenID provider's identity of this user (issuer and subject), when signed in that way. */
    oidcIssuer: ColumnType<string | null, string | null | undefined, string | null>;
    oidcSub: ColumnType<string | null, string | null | undefined, string | null>;
  };
  rol: { gebruikerId: string; gemeente: string; rol: Rol };
  sessie: { tokenHash: string; gebruikerId: string; verlooptOp: Tijdstip; aangemaaktOp: Generated<Date> };
  /** Login attempts in the current window, per `account:<name>` and per `adres:<ip>`. */
  aanmeldpoging: { sleutel: string; pogingen: number; vensterStart: Tijdstip };
  /** A sign-in under way at the OpenID provider: what the callback must match. */
  oidcAanvraag: {
    state: string;
    nonce: string;
    verifier: string;
    terug: string | null;
    verlooptOp: Tijdstip;
  };
  /** A gemeente's purposes for X-Doel; without rows the built-in list applies. */
  verwerkingsdoel: {
    gemeente: string;
    doel: string;
    omschrijving: string;
    volledigBsn: boolean;
    volgorde: number;
  };
  inwoner: {
    id: Generated<string>;
    gemeente: string;
    bsnHash: string;
    bsnVersleuteld: string;
    naam: string;
    geboortedatum: string | null;
    casemanagerId: string | null;
    versie: Generated<number>;
    aangemaaktOp: Generated<Date>;
    /** The number people say and type (migration 0020); the id stays internal. */
    klantnummer: Generated<number>;
  };
  feit: {
    id: Generated<number>;
    gemeente: string;
    inwonerId: string;
    naam: string;
    waarde: Json<unknown>;
    geldigVanaf: string;
    bron: string;
    vastgelegdDoor: string;
    vastgelegdOp: Generated<Date>;
  };
  aanvraag: {
    id: Generated<string>;
    gemeente: string;
    inwonerId: string;
    voorziening: string;
    soort: 'aanvraag' | 'ambtshalve';
    ontvangenOp: string;
    gegevens: Json<Record<string, unknown>>;
    status: Generated<string>;
    versie: Generated<number>;
    aangemaaktDoor: string;
    aangemaaktOp: Generated<Date>;
  };
  beschikking: {
    id: Generated<string>;
    gemeente: string;
    inwonerId: string;
    aanvraagId: string | null;
    vorigeId: string | null;
    soort: 'toekenning' | 'afwijzing' | 'wijziging' | 'beeindiging';
    voorziening: string;
    peildatum: string;
    besluitdatum: string;
    verzondenOp: string | null;
    ingangsdatum: string | null;
    einddatum: string | null;
    uitkomst: string;
    casus: Json<unknown>;
    resultaat: Json<unknown>;
    regelingen: Json<{ id: string; geldigVanaf: string; hash: string }[]>;
    motivering: Json<Record<string, unknown>>;
    beeindigingsgrond: string | null;
    jaarbedragCent: ColumnType<number, number | undefined, number>;
    genomenDoor: string;
    aangemaaktOp: Generated<Date>;
  };
  termijn: {
    id: Generated<number>;
    gemeente: string;
    beschikkingId: string;
    inwonerId: string;
    soort: string;
    datum: string;
    artikel: string;
    regeling: string;
    omschrijving: string;
    bedragCent: number | null;
    status: Generated<string>;
    afgehandeldOp: Tijdstip | null;
    afgehandeldDoor: string | null;
    toelichting: string | null;
    /** Set by the daily job when the term passed while still open. */
    teLaatSinds: ColumnType<string | null, string | null | undefined, string | null>;
    /** Why `bedragCent` is null where the term should carry an amount (e.g. a minimum wage not known yet). */
    bedragReden: ColumnType<string | null, string | null | undefined, string | null>;
  };
  /** Each later change of a term's amount: what it was, what it became, computed with which versions. */
  termijnbedrag: {
    id: Generated<number>;
    gemeente: string;
    termijnId: number;
    beschikkingId: string;
    peildatum: string;
    oudCent: number | null;
    oudeReden: string | null;
    nieuwCent: number | null;
    regelingen: Json<{ id: string; geldigVanaf: string; hash: string }[]>;
    engine: string;
    door: string | null;
    op: Generated<Date>;
  };
  budget: {
    gemeente: string;
    jaar: number;
    voorziening: string;
    plafondCent: number;
    deelnemersplafond: number | null;
    artikel: string;
    besteedCent: Generated<number>;
    deelnemers: Generated<number>;
  };
  budgetmutatie: {
    id: Generated<number>;
    gemeente: string;
    jaar: number;
    voorziening: string;
    soort: 'vaststelling' | 'toekenning' | 'vrijval' | 'overheveling';
    bedragCent: number;
    beschikkingId: string | null;
    besluit: string | null;
    door: string;
    op: Generated<Date>;
    /** Whether the amount counted against the budget row (null: written before this was recorded). */
    geboekt: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  };
  beschutWerkPlan: { gemeente: string; jaar: number; plaatsen: number; bezet: Generated<number> };
  beschutWerkIndicatie: {
    id: Generated<string>;
    gemeente: string;
    inwonerId: string;
    indicatiedatum: string;
    status: Generated<'wachtend' | 'geplaatst' | 'vrijgekomen'>;
    geplaatstOp: string | null;
    vrijgekomenOp: string | null;
    versie: Generated<number>;
    /** Registration order: breaks ties between equal indication dates on the waiting list. */
    volgnummer: Generated<number>;
    geregistreerdDoor: string | null;
    geregistreerdOp: Generated<Date>;
    /** The plan year whose places this placement first took. */
    plaatsingsjaar: number | null;
    vrijgavereden: string | null;
  };
  bezwaar: {
    id: Generated<string>;
    gemeente: string;
    beschikkingId: string;
    ontvangenOp: string;
    termijnEinde: string;
    tijdig: boolean;
    uitkomst: BezwaarUitkomst | null;
    beslistOp: string | null;
    versie: Generated<number>;
    terPostBezorgdOp: string | null;
    geregistreerdDoor: string | null;
    geregistreerdOp: Generated<Date>;
    beslistDoor: string | null;
    toelichting: string | null;
  };
  herberekening: {
    id: Generated<number>;
    gemeente: string;
    beschikkingId: string;
    inwonerId: string;
    jaar: number;
    voorziening: string;
    jaarbedragCent: number;
    artikel: string;
    status: Generated<string>;
    aangemaaktOp: Generated<Date>;
  };
  audit: {
    id: Generated<number>;
    tijdstip: Generated<Date>;
    gebruikerId: string | null;
    gemeente: string | null;
    actie: string;
    object: string;
    objectId: string | null;
    doel: string;
    /** The person (inwoner id) whose data the entry is about, where there is one. */
    betrokkene: ColumnType<string | null, string | null | undefined, string | null>;
    /** Place in the gemeente's hash chain, 1 up; set by the database (migration 0021), never by a caller. */
    ketenVolgnummer: ColumnType<number, never, never>;
    /** The previous entry's hash in this chain (null for the first); set by the database. */
    vorigeHash: ColumnType<string | null, never, never>;
    /** SHA-256 (hex) of this entry's canonical serialisation (docs/auditketen.md); set by the database. */
    hash: ColumnType<string, never, never>;
  };
  /** The fingerprint of the BSN key (migration 0022): HMAC-SHA256 of a constant under the key. */
  bsnSleutel: {
    id: number;
    vingerafdruk: string;
    vastgelegdOp: Generated<Date>;
  };
  /** Per chain ('' for entries without gemeente) the last entry's number and hash (migration 0021). */
  auditKetenKop: {
    keten: string;
    volgnummer: number;
    hash: string | null;
  };
  /** A document produced from stored data, written once per key and format (migration 0015). */
  /** A draft version of a regulation on its way to the council (issue 13). */
  ontwerp: {
    id: Generated<string>;
    gemeente: string;
    regeling: string;
    geldigVanaf: string;
    bestandsnaam: string;
    inhoud: string;
    hash: string;
    status: ColumnType<OntwerpStatus, OntwerpStatus | undefined, OntwerpStatus>;
    besluitdatum: string | null;
    teksten: Json<Record<string, string>>;
    versie: ColumnType<number, number | undefined, number>;
    aangemaaktDoor: string | null;
    aangemaaktOp: Generated<Date>;
  };
  adviesronde: {
    id: Generated<string>;
    ontwerpId: string;
    gemeente: string;
    /** The round as src/advies/schema.ts describes it. */
    inhoud: Json<unknown>;
    aangemaaktDoor: string | null;
    aangemaaktOp: Generated<Date>;
  };
  document: {
    id: Generated<string>;
    gemeente: string;
    soort: 'brief' | 'voortgangsrapportage' | 'srg-levering' | 'export';
    sleutel: string;
    formaat: string;
    mediatype: string;
    inhoud: Uint8Array;
    sha256: string;
    versleuteld: ColumnType<boolean, boolean | undefined, never>;
    aangemaaktDoor: string | null;
    aangemaaktOp: Generated<Date>;
  };
  regelingarchief: {
    hash: string;
    regeling: string;
    geldigVanaf: string;
    bestand: string;
    tekst: string;
    basisHash: string | null;
    vastgelegdOp: Generated<Date>;
  };
  idempotentie: {
    gebruikerId: string;
    sleutel: string;
    verzoek: string;
    status: number;
    antwoord: Json<unknown>;
    aangemaaktOp: Generated<Date>;
  };
}

export const ROLLEN = ['casemanager', 'beleidsmedewerker', 'manager', 'auditor', 'beheerder'] as const;
export type Rol = (typeof ROLLEN)[number];
export const BEZWAAR_UITKOMSTEN = ['gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken'] as const;
export type BezwaarUitkomst = (typeof BEZWAAR_UITKOMSTEN)[number];
