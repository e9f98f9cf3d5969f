import { createHash, randomBytes } from 'node:crypto';
import { controleerWachtwoord, hashWachtwoord } from '../beveiliging/wachtwoord.ts';
import type { Db } from '../opslag/database.ts';
import { ROLLEN, type Rol } from '../opslag/schema.ts';
import type { Actor } from './toegang.ts';

/**
 * Local users with hashed passwords and opaque bearer tokens. Everything downstream only sees an
 * Actor, so an OpenID Connect provider can replace this module without touching the rest.
 */
export interface Authenticator {
  actorVoorToken(token: string, doel: string): Promise<Actor | undefined>;
}

const SESSIEDUUR_MS = 8 * 60 * 60 * 1000;
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

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
  const token = randomBytes(32).toString('base64url');
  const verlooptOp = new Date(Date.now() + SESSIEDUUR_MS);
  await db
    .insertInto('sessie')
    .values({ tokenHash: tokenHash(token), gebruikerId: g.id, verlooptOp })
    .execute();
  return { token, verlooptOp, gebruikerId: g.id };
}

/**
 * `geheugenMs` keeps a resolved session for that long (never past its expiry), so a busy client does
 * not cost a store query per request; a changed role or ended session then takes effect within that
 * time. Unknown tokens are never remembered.
 */
export function lokaleAuthenticator(db: Db, opties: { geheugenMs?: number } = {}): Authenticator {
  const geheugen = new Map<string, { actor: Omit<Actor, 'doel'>; tot: number }>();
  const geheugenMs = opties.geheugenMs ?? 0;
  return {
    async actorVoorToken(token, doel) {
      const sleutel = tokenHash(token);
      const nu = Date.now();
      const bekend = geheugen.get(sleutel);
      if (bekend && bekend.tot > nu) return { ...bekend.actor, doel };
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
      if (geheugenMs > 0) {
        if (geheugen.size >= 10_000) for (const [k, v] of geheugen) if (v.tot <= nu) geheugen.delete(k);
        if (geheugen.size < 10_000)
          geheugen.set(sleutel, {
            actor,
            tot: Math.min(nu + geheugenMs, new Date(eerste.verlooptOp).getTime()),
          });
      }
      return { ...actor, doel };
    },
  };
}
