import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../opslag/database.ts';
import { log } from './audit.ts';
import { gelukt, mislukt, type Uitslag } from './fouten.ts';
import { type Actor, vereisRol } from './toegang.ts';

export interface AuditFilter {
  /** Gebruikersnaam of the person who acted. */
  readonly gebruiker?: string | undefined;
  /** The client: entries about the inwoner itself and about its decisions. */
  readonly inwonerId?: string | undefined;
  readonly actie?: string | undefined;
  /** First and last day, inclusive (Europe/Amsterdam is not applied: the store keeps UTC). */
  readonly van?: string | undefined;
  readonly tot?: string | undefined;
  readonly limiet: number;
}

export interface AuditRegel {
  readonly id: number;
  readonly tijdstip: string;
  readonly gebruikersnaam: string | null;
  readonly gebruiker: string | null;
  readonly actie: string;
  readonly object: string;
  readonly objectId: string | null;
  /** The client the entry is about, by name and klantnummer, when it is about one. */
  readonly inwoner: { readonly naam: string; readonly klantnummer: number } | null;
  readonly doel: string;
}

/**
 * The audit trail of a gemeente, filtered by person, client, action and period, newest first, with
 * names where the trail keeps ids. Reading the trail is itself recorded.
 */
export async function zoekAuditspoor(
  db: Db,
  actor: Actor,
  gemeente: string,
  filter: AuditFilter,
): Promise<Uitslag<{ regels: AuditRegel[]; acties: string[] }>> {
  const rol = vereisRol(actor, gemeente, ['auditor', 'beheerder']);
  if (!rol.ok) return rol;
  if (filter.inwonerId !== undefined && !z.uuid().safeParse(filter.inwonerId).success)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldig filter',
      velden: [{ pad: 'inwoner', bericht: 'onbekende inwoner' }],
    });
  let q = db
    .selectFrom('audit')
    .leftJoin('gebruiker', 'gebruiker.id', 'audit.gebruikerId')
    .where('audit.gemeente', '=', gemeente);
  if (filter.gebruiker) q = q.where('gebruiker.gebruikersnaam', '=', filter.gebruiker);
  if (filter.actie) q = q.where('audit.actie', '=', filter.actie);
  if (filter.van) q = q.where('audit.tijdstip', '>=', new Date(`${filter.van}T00:00:00Z`));
  if (filter.tot)
    q = q.where('audit.tijdstip', '<', new Date(Date.parse(`${filter.tot}T00:00:00Z`) + 86_400_000));
  if (filter.inwonerId) {
    const inwonerId = filter.inwonerId;
    q = q.where((eb) =>
      eb.or([
        eb('audit.objectId', '=', inwonerId),
        eb(
          'audit.objectId',
          'in',
          eb
            .selectFrom('beschikking')
            .select(sql<string>`cast(${sql.ref('beschikking.id')} as text)`.as('id'))
            .where('beschikking.gemeente', '=', gemeente)
            .where('beschikking.inwonerId', '=', inwonerId),
        ),
      ]),
    );
  }
  const [rijen, acties] = await Promise.all([
    q
      .select([
        'audit.id',
        'audit.tijdstip',
        'audit.actie',
        'audit.object',
        'audit.objectId',
        'audit.doel',
        'gebruiker.gebruikersnaam',
        'gebruiker.naam as gebruiker',
      ])
      .orderBy('audit.id', 'desc')
      .limit(filter.limiet)
      .execute(),
    db
      .selectFrom('audit')
      .select('actie')
      .distinct()
      .where('gemeente', '=', gemeente)
      .orderBy('actie')
      .execute(),
  ]);
  // Names of the clients the entries are about, in one query.
  const ids = [
    ...new Set(
      rijen.flatMap((r) => (r.objectId && z.uuid().safeParse(r.objectId).success ? [r.objectId] : [])),
    ),
  ];
  const namen = new Map<string, { naam: string; klantnummer: number }>();
  if (ids.length > 0) {
    const [inwoners, beschikkingen] = await Promise.all([
      db
        .selectFrom('inwoner')
        .select(['id', 'naam', 'klantnummer'])
        .where('gemeente', '=', gemeente)
        .where('id', 'in', ids)
        .execute(),
      db
        .selectFrom('beschikking')
        .innerJoin('inwoner', 'inwoner.id', 'beschikking.inwonerId')
        .select(['beschikking.id', 'inwoner.naam', 'inwoner.klantnummer'])
        .where('beschikking.gemeente', '=', gemeente)
        .where('beschikking.id', 'in', ids)
        .execute(),
    ]);
    for (const x of [...inwoners, ...beschikkingen])
      namen.set(x.id, { naam: x.naam, klantnummer: Number(x.klantnummer) });
  }
  await log(db, actor, gemeente, 'auditspoor-lezen', 'audit', filter.inwonerId ?? null);
  return gelukt({
    acties: acties.map((a) => a.actie),
    regels: rijen.map((r) => ({
      ...r,
      id: Number(r.id),
      tijdstip: new Date(r.tijdstip).toISOString(),
      gebruikersnaam: r.gebruikersnaam ?? null,
      gebruiker: r.gebruiker ?? null,
      inwoner: (r.objectId && namen.get(r.objectId)) || null,
    })),
  });
}
