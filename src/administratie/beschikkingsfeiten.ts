import type { Db } from '../opslag/database.ts';
import { buitenVerzoek } from '../opslag/transactie.ts';
import { voerVoorbereidUit } from '../opslag/voorbereid.ts';

/** One row of a decision's read: the inwoner's birth date, one fact in force (or none), the adopted drafts. */
export interface FeitRij {
  readonly geboortedatum: string | null;
  readonly naam: string | null;
  readonly waarde: unknown;
  /**
   * The hashes of the gemeente's adopted drafts, ordered as `engineInWerking` orders them and joined by
   * commas: read beside the facts, so the engine in force is known from the same snapshot.
   */
  readonly inWerking: string;
}

export interface FeitenVraag {
  readonly gemeente: string;
  readonly inwonerId: string;
  readonly peildatum: string;
}

/**
 * The reads of one event-loop turn as one statement: under load many decisions arrive together, and
 * each lone read is a round trip and a statement for the server to run. Every key carries its own
 * gemeente, and both the inwoner and its facts are matched on it: a decision in one gemeente never
 * sees an inwoner or a fact of another, whatever else shares the statement.
 */
const GROEP = `select k.n, inwoner.geboortedatum, feit.naam, feit.waarde, w.in_werking
  from unnest($1::uuid[], $2::text[], $3::date[]) with ordinality as k(id, gemeente, peildatum, n)
  join inwoner on inwoner.id = k.id and inwoner.gemeente = k.gemeente
  cross join lateral (select coalesce(string_agg(ontwerp.hash, ',' order by ontwerp.hash), '') as in_werking
    from ontwerp where ontwerp.status = 'vastgesteld' and ontwerp.gemeente = k.gemeente) w
  left join feit on feit.inwoner_id = inwoner.id and feit.gemeente = k.gemeente
    and feit.geldig_vanaf <= k.peildatum
  order by k.n, feit.geldig_vanaf, feit.id`;

interface Wachtend {
  readonly vraag: FeitenVraag;
  readonly klaar: (r: FeitRij[]) => void;
  readonly faal: (e: unknown) => void;
}

const wachtrijen = new WeakMap<Db, Wachtend[]>();

/**
 * The inwoner and the facts in force on the peildatum; no rows when the gemeente has no such inwoner.
 * Outside a transaction the read joins the others of this turn; inside one it must see that
 * transaction's writes, so it runs there on its own.
 */
export function leesBeschikkingsfeiten(db: Db, vraag: FeitenVraag): Promise<FeitRij[]> {
  if (db.isTransaction) return leesAlleen(db, vraag);
  let wachtend = wachtrijen.get(db);
  const nieuw = !wachtend;
  if (!wachtend) {
    wachtend = [];
    wachtrijen.set(db, wachtend);
  }
  const rij = wachtend;
  const uit = new Promise<FeitRij[]>((klaar, faal) => rij.push({ vraag, klaar, faal }));
  // After the I/O of this turn: the requests read in it have all reached their read by then.
  if (nieuw) buitenVerzoek(() => setImmediate(() => void lees(db)));
  return uit;
}

async function lees(db: Db): Promise<void> {
  const groep = wachtrijen.get(db) ?? [];
  wachtrijen.delete(db);
  if (groep.length === 1) {
    const g = groep[0]!;
    return leesAlleen(db, g.vraag).then(g.klaar, g.faal);
  }
  let rijen: (FeitRij & { n: number })[];
  try {
    rijen = (
      await voerVoorbereidUit<FeitRij & { n: number }>(db, 'beschikkingsfeiten', GROEP, [
        groep.map((g) => g.vraag.inwonerId),
        groep.map((g) => g.vraag.gemeente),
        groep.map((g) => g.vraag.peildatum),
      ])
    ).rows;
  } catch {
    // One bad key (or anything else) must not fail the others: each read again on its own.
    for (const g of groep) void leesAlleen(db, g.vraag).then(g.klaar, g.faal);
    return;
  }
  const perVraag = groep.map((): FeitRij[] => []);
  for (const r of rijen) perVraag[Number(r.n) - 1]!.push(r);
  groep.forEach((g, i) => g.klaar(perVraag[i]!));
}

/** The read of one decision (inside a transaction, alone in its turn, or after a failed group). */
const ALLEEN = `select inwoner.geboortedatum, feit.naam, feit.waarde,
    (select coalesce(string_agg(ontwerp.hash, ',' order by ontwerp.hash), '') from ontwerp
      where ontwerp.status = 'vastgesteld' and ontwerp.gemeente = $1) as in_werking
  from inwoner left join feit on feit.inwoner_id = inwoner.id
    and feit.gemeente = $1 and feit.geldig_vanaf <= $2
  where inwoner.gemeente = $1 and inwoner.id = $3
  order by feit.geldig_vanaf, feit.id`;

async function leesAlleen(db: Db, { gemeente, inwonerId, peildatum }: FeitenVraag): Promise<FeitRij[]> {
  return (await voerVoorbereidUit<FeitRij>(db, 'beschikkingsfeit', ALLEEN, [gemeente, peildatum, inwonerId]))
    .rows;
}
