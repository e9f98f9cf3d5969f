import { controleerWachtwoord, hashWachtwoord } from '../beveiliging/wachtwoord.ts';
import type { Db } from '../opslag/database.ts';
import { ROLLEN, type Rol } from '../opslag/schema.ts';
import { openSessie, sluitSessie, tokenHash, trekSessiesIn } from './sessies.ts';
import type { Actor } from './toegang.ts';

/**
 * Resolves bearer tokens to an Actor and ends sessions. Users sign in with a local password (the
 * embedded default) or through an OpenID Connect provider (`oidc.ts`); both end in a session of
 * `sessies.ts`, so everything downstream only sees an Actor.
 */
export interface Authenticator {
  actorVoorToken(token: string, doel: string): Promise<Actor | undefined>;
  /**
   * Logout: this token stops working at once. `audit` writes the audit row in the same transaction
   * as the session's end, so neither happens without the other.
   */
  meldAf(token: string, audit?: (trx: Db) => Promise<void>): Promise<void>;
  /** Revocation: every session of this user stops working at once; returns how many there were. */
  trekIn(gebruikerId: string, audit?: (trx: Db) => Promise<void>): Promise<number>;
}

export async function maakGebruiker(
  db: Db,
  gegevens: {
    gebruikersnaam: string;
    naam: string;
    wachtwoord: string;
    rollen: { gemeente: string; rol: Rol }[];
  },
): Promise<string> {
  const { id } = await db
    .insertInto('gebruiker')
    .values({
      gebruikersnaam: gegevens.gebruikersnaam,
      naam: gegevens.naam,
      wachtwoordHash: await hashWachtwoord(gegevens.wachtwoord),
    })
    .onConflict((oc) => oc.column('gebruikersnaam').doUpdateSet({ naam: gegevens.naam }))
    .returning('id')
    .executeTakeFirstOrThrow();
  if (gegevens.rollen.length > 0) {
    await db
      .insertInto('rol')
      .values(gegevens.rollen.map((r) => ({ gebruikerId: id, ...r })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return id;
}

/** Whether a user holds the casemanager role in this gemeente (and so may be an inwoner's casemanager). */
export async function isCasemanagerVan(db: Db, gemeente: string, gebruikerId: string): Promise<boolean> {
  const r = await db
    .selectFrom('rol')
    .select('gebruikerId')
    .where('gebruikerId', '=', gebruikerId)
    .where('gemeente', '=', gemeente)
    .where('rol', '=', 'casemanager')
    .executeTakeFirst();
  return r !== undefined;
}

export async function meldAan(
  db: Db,
  gebruikersnaam: string,
  wachtwoord: string,
): Promise<{ token: string; verlooptOp: Date; gebruikerId: string } | undefined> {
  const g = await db
    .selectFrom('gebruiker')
    .select(['id', 'wachtwoordHash'])
    .where('gebruikersnaam', '=', gebruikersnaam)
    .executeTakeFirst();
  // Hash something even for an unknown user, so response time does not reveal which names exist.
  const geldig = await controleerWachtwoord(
    wachtwoord,
    g?.wachtwoordHash ??
      'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  );
  if (!g || !geldig) return undefined;
  return openSessie(db, g.id);
}

/**
 * `geheugenMs` keeps a resolved session for that long (never past its expiry), so a busy client does
 * not cost a store query per request; a changed role takes effect within that time, and so does a
 * logout or revocation made by another server process (in this process it is immediate). Unknown
 * tokens are never remembered.
 */
export function lokaleAuthenticator(db: Db, opties: { geheugenMs?: number } = {}): Authenticator {
  const geheugen = new Map<string, { actor: Omit<Actor, 'doel'>; tot: number }>();
  const geheugenMs = opties.geheugenMs ?? 0;
  // Bumped by every logout and revocation: a lookup that began before one does not remember its answer.
  let generatie = 0;
  return {
    async actorVoorToken(token, doel) {
      const sleutel = tokenHash(token);
      const nu = Date.now();
      const bekend = geheugen.get(sleutel);
      if (bekend && bekend.tot > nu) return { ...bekend.actor, doel };
      const begonnen = generatie;
      const rijen = await db
        .selectFrom('sessie')
        .innerJoin('gebruiker', 'gebruiker.id', 'sessie.gebruikerId')
        .leftJoin('rol', 'rol.gebruikerId', 'gebruiker.id')
        .select(['gebruiker.id', 'gebruiker.gebruikersnaam', 'sessie.verlooptOp', 'rol.gemeente', 'rol.rol'])
        .where('sessie.tokenHash', '=', sleutel)
        .where('sessie.verlooptOp', '>', new Date(nu))
        .execute();
      const eerste = rijen[0];
      if (!eerste) return undefined;
      const rollen = new Map<string, Set<Rol>>();
      for (const r of rijen) {
        if (!r.gemeente || !r.rol || !(ROLLEN as readonly string[]).includes(r.rol)) continue;
        const set = rollen.get(r.gemeente) ?? new Set<Rol>();
        set.add(r.rol);
        rollen.set(r.gemeente, set);
      }
      const actor = { gebruikerId: eerste.id, gebruikersnaam: eerste.gebruikersnaam, rollen };
      if (geheugenMs > 0 && begonnen === generatie) {
        if (geheugen.size >= 10_000) for (const [k, v] of geheugen) if (v.tot <= nu) geheugen.delete(k);
        if (geheugen.size < 10_000)
          geheugen.set(sleutel, {
            actor,
            tot: Math.min(nu + geheugenMs, new Date(eerste.verlooptOp).getTime()),
          });
      }
      return { ...actor, doel };
    },
    // The store first, then the memory: a lookup racing with us cannot remember the session again.
    async meldAf(token, audit) {
      await db.transaction().execute(async (trx) => {
        await sluitSessie(trx, token);
        await audit?.(trx);
      });
      generatie++;
      geheugen.delete(tokenHash(token));
    },
    async trekIn(gebruikerId, audit) {
      const n = await db.transaction().execute(async (trx) => {
        const n = await trekSessiesIn(trx, gebruikerId);
        await audit?.(trx);
        return n;
      });
      generatie++;
      for (const [k, v] of geheugen) if (v.actor.gebruikerId === gebruikerId) geheugen.delete(k);
      return n;
    },
  };
}
