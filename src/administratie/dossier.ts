import { z } from 'zod';
import { type BsnKluis, isGeldigBsn, maskeerBsn } from '../beveiliging/bsn.ts';
import type { Db } from '../opslag/database.ts';
import { log } from './audit.ts';
import { gelukt, nietGevonden, type Uitslag } from './fouten.ts';
import { type Actor, LEZERS, vereisRol } from './toegang.ts';

/**
 * A client as the casemanager's screens show one: found by name, klantnummer or BSN, and the whole
 * file in one read (facts with their history and source, decisions with what became of them,
 * requests, open terms). Names stand where ids would: who recorded a fact, who is the casemanager.
 */

export interface ClientRegel {
  readonly id: string;
  readonly klantnummer: number;
  readonly naam: string;
  readonly geboortedatum: string | null;
  readonly bsn: string;
  readonly casemanager: string | null;
}

/** One search box: nine digits passing the elfproef are a BSN, other digits a klantnummer, else part of a name. */
export async function zoekClienten(
  db: Db,
  kluis: BsnKluis,
  actor: Actor,
  gemeente: string,
  zoek: string,
  limiet: number,
): Promise<Uitslag<{ totaal: number; items: ClientRegel[]; gezochtOp: 'bsn' | 'klantnummer' | 'naam' }>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  const tekst = zoek.trim();
  const cijfers = tekst.replace(/[\s.]/g, '');
  const gezochtOp =
    /^\d{9}$/.test(cijfers) && isGeldigBsn(cijfers)
      ? 'bsn'
      : /^\d{1,9}$/.test(cijfers)
        ? 'klantnummer'
        : 'naam';
  let q = db
    .selectFrom('inwoner')
    .leftJoin('gebruiker', 'gebruiker.id', 'inwoner.casemanagerId')
    .where('inwoner.gemeente', '=', gemeente);
  if (gezochtOp === 'bsn') q = q.where('inwoner.bsnHash', '=', kluis.zoeksleutel(cijfers));
  else if (gezochtOp === 'klantnummer') q = q.where('inwoner.klantnummer', '=', Number(cijfers));
  else if (tekst) q = q.where('inwoner.naam', 'ilike', `%${tekst.replace(/[%_\\]/g, '\\$&')}%`);
  const { totaal } = await q.select((eb) => eb.fn.countAll<number>().as('totaal')).executeTakeFirstOrThrow();
  const rijen = await q
    .select([
      'inwoner.id',
      'inwoner.klantnummer',
      'inwoner.naam',
      'inwoner.geboortedatum',
      'inwoner.bsnVersleuteld',
      'gebruiker.naam as casemanager',
    ])
    .orderBy('inwoner.naam')
    .orderBy('inwoner.klantnummer')
    .limit(limiet)
    .execute();
  await log(db, actor, gemeente, 'lijst-lezen', 'inwoner', null);
  return gelukt({
    totaal: Number(totaal),
    gezochtOp,
    items: rijen.map(({ bsnVersleuteld, ...r }) => ({
      ...r,
      klantnummer: Number(r.klantnummer),
      bsn: maskeerBsn(kluis.ontsleutel(bsnVersleuteld)),
    })),
  });
}

export interface Dossier {
  readonly inwoner: ClientRegel & { readonly versie: number };
  readonly feiten: readonly {
    readonly naam: string;
    readonly waarde: unknown;
    readonly geldigVanaf: string;
    readonly bron: string;
    readonly vastgelegdDoor: string;
    readonly vastgelegdOp: string;
  }[];
  readonly beschikkingen: readonly {
    readonly id: string;
    readonly soort: string;
    readonly voorziening: string;
    readonly uitkomst: string;
    readonly besluitdatum: string;
    readonly verzondenOp: string | null;
    readonly ingangsdatum: string | null;
    readonly einddatum: string | null;
    readonly jaarbedragCent: number;
    readonly vorigeId: string | null;
    readonly beeindigingsgrond: string | null;
    /** For a grant: the day it was ended early, if it was. */
    readonly beeindigdOp: string | null;
    readonly lopend: boolean;
    readonly genomenDoor: string;
    readonly bezwaren: readonly {
      readonly id: string;
      readonly ontvangenOp: string;
      readonly termijnEinde: string;
      readonly tijdig: boolean;
      readonly uitkomst: string | null;
    }[];
  }[];
  readonly aanvragen: readonly {
    readonly id: string;
    readonly voorziening: string;
    readonly soort: string;
    readonly ontvangenOp: string;
    readonly status: string;
  }[];
  readonly termijnen: readonly {
    readonly id: number;
    readonly soort: string;
    readonly datum: string;
    readonly omschrijving: string;
    readonly artikel: string;
    readonly regeling: string;
    readonly bedragCent: number | null;
    readonly voorziening: string;
    readonly teLaat: boolean;
  }[];
}

/** The whole file of one client; one line in the audit trail. */
export async function leesDossier(
  db: Db,
  kluis: BsnKluis,
  actor: Actor,
  gemeente: string,
  id: string,
  vandaag: string,
): Promise<Uitslag<Dossier>> {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  if (!z.uuid().safeParse(id).success) return nietGevonden('inwoner');
  const inwoner = await db
    .selectFrom('inwoner')
    .leftJoin('gebruiker', 'gebruiker.id', 'inwoner.casemanagerId')
    .select([
      'inwoner.id',
      'inwoner.klantnummer',
      'inwoner.naam',
      'inwoner.geboortedatum',
      'inwoner.bsnVersleuteld',
      'inwoner.versie',
      'gebruiker.naam as casemanager',
    ])
    .where('inwoner.gemeente', '=', gemeente)
    .where('inwoner.id', '=', id)
    .executeTakeFirst();
  if (!inwoner) return nietGevonden('inwoner');
  const [feiten, beschikkingen, aanvragen, termijnen, bezwaren] = await Promise.all([
    db
      .selectFrom('feit')
      .innerJoin('gebruiker', 'gebruiker.id', 'feit.vastgelegdDoor')
      .select([
        'feit.naam',
        'feit.waarde',
        'feit.geldigVanaf',
        'feit.bron',
        'feit.vastgelegdOp',
        'gebruiker.naam as door',
      ])
      .where('feit.gemeente', '=', gemeente)
      .where('feit.inwonerId', '=', id)
      .orderBy('feit.naam')
      .orderBy('feit.geldigVanaf', 'desc')
      .orderBy('feit.id', 'desc')
      .execute(),
    db
      .selectFrom('beschikking')
      .innerJoin('gebruiker', 'gebruiker.id', 'beschikking.genomenDoor')
      .select([
        'beschikking.id',
        'beschikking.soort',
        'beschikking.voorziening',
        'beschikking.uitkomst',
        'beschikking.besluitdatum',
        'beschikking.verzondenOp',
        'beschikking.ingangsdatum',
        'beschikking.einddatum',
        'beschikking.jaarbedragCent',
        'beschikking.vorigeId',
        'beschikking.beeindigingsgrond',
        'beschikking.aangemaaktOp',
        'gebruiker.naam as door',
      ])
      .where('beschikking.gemeente', '=', gemeente)
      .where('beschikking.inwonerId', '=', id)
      .orderBy('beschikking.besluitdatum', 'desc')
      .orderBy('beschikking.aangemaaktOp', 'desc')
      .execute(),
    db
      .selectFrom('aanvraag')
      .select(['id', 'voorziening', 'soort', 'ontvangenOp', 'status'])
      .where('gemeente', '=', gemeente)
      .where('inwonerId', '=', id)
      .orderBy('ontvangenOp', 'desc')
      .execute(),
    db
      .selectFrom('termijn')
      .innerJoin('beschikking', 'beschikking.id', 'termijn.beschikkingId')
      .select([
        'termijn.id',
        'termijn.soort',
        'termijn.datum',
        'termijn.omschrijving',
        'termijn.artikel',
        'termijn.regeling',
        'termijn.bedragCent',
        'beschikking.voorziening',
      ])
      .where('termijn.gemeente', '=', gemeente)
      .where('termijn.inwonerId', '=', id)
      .where('termijn.status', '=', 'open')
      .orderBy('termijn.datum')
      .orderBy('termijn.id')
      .execute(),
    db
      .selectFrom('bezwaar')
      .innerJoin('beschikking', 'beschikking.id', 'bezwaar.beschikkingId')
      .select([
        'bezwaar.id',
        'bezwaar.beschikkingId',
        'bezwaar.ontvangenOp',
        'bezwaar.termijnEinde',
        'bezwaar.tijdig',
        'bezwaar.uitkomst',
      ])
      .where('bezwaar.gemeente', '=', gemeente)
      .where('beschikking.inwonerId', '=', id)
      .orderBy('bezwaar.ontvangenOp')
      .execute(),
  ]);
  const beeindigd = new Map(
    beschikkingen
      .filter((b) => b.soort === 'beeindiging' && b.vorigeId)
      .map((b) => [b.vorigeId!, b.einddatum]),
  );
  await log(db, actor, gemeente, 'dossier-lezen', 'inwoner', id);
  const { bsnVersleuteld, ...rest } = inwoner;
  return gelukt({
    inwoner: {
      ...rest,
      klantnummer: Number(rest.klantnummer),
      bsn: maskeerBsn(kluis.ontsleutel(bsnVersleuteld)),
    },
    feiten: feiten.map((f) => ({
      naam: f.naam,
      waarde: f.waarde,
      geldigVanaf: f.geldigVanaf,
      bron: f.bron,
      vastgelegdDoor: f.door,
      vastgelegdOp: new Date(f.vastgelegdOp).toISOString(),
    })),
    beschikkingen: beschikkingen.map(({ aangemaaktOp: _, door, ...b }) => {
      const beeindigdOp = beeindigd.get(b.id) ?? null;
      return {
        ...b,
        jaarbedragCent: Number(b.jaarbedragCent),
        genomenDoor: door,
        beeindigdOp,
        lopend:
          (b.soort === 'toekenning' || b.soort === 'wijziging') &&
          beeindigdOp === null &&
          (b.einddatum === null || b.einddatum >= vandaag),
        bezwaren: bezwaren.filter((x) => x.beschikkingId === b.id).map(({ beschikkingId: __, ...x }) => x),
      };
    }),
    aanvragen,
    termijnen: termijnen.map((t) => ({
      ...t,
      id: Number(t.id),
      bedragCent: t.bedragCent === null ? null : Number(t.bedragCent),
      teLaat: t.datum < vandaag,
    })),
  });
}
