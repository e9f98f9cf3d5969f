import { type Casus, casusSchemasVoor, type Vocabulaire, veldFouten } from '../casus/index.ts';
import type { Db } from '../opslag/database.ts';
import { log } from './audit.ts';
import { feitenUit } from './inwoners.ts';

/**
 * The stored caseload of a gemeente as cases on a date, for impact runs. Every client counts with
 * the facts as they stood on that date (per fact the last value from on or before it), once for each
 * voorziening they were on (granted on or before the date and not ended before it, with the college's
 * judgements of that decision and its grant date, so transitional law applies), once for each request
 * still undecided on the date, and once without a request when there is neither. Clients are read in
 * pages by id, so a caseload of any size takes the memory of one page. Each case is held to the
 * vocabulary of the version it is judged against (`vocabulaire`), so a fact or voorziening the
 * gemeente's regulation declares is counted, not refused as unknown.
 */

export interface OpgeslagenPagina {
  readonly casussen: readonly Casus[];
  /** Clients in this page (the progress of a run). */
  readonly inwoners: number;
  /** Cases the stored data cannot make into a valid case, with why. */
  readonly ongeldig: readonly { readonly inwonerId: string; readonly bericht: string }[];
}

export async function aantalInwoners(db: Db, gemeente: string): Promise<number> {
  const r = await db
    .selectFrom('inwoner')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('gemeente', '=', gemeente)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

type Gegevens = Record<string, unknown>;

export async function* opgeslagenCaseload(
  db: Db,
  gemeente: string,
  peildatum: string,
  opties: { readonly vocabulaire: Vocabulaire; readonly pagina?: number },
): AsyncGenerator<OpgeslagenPagina, void, undefined> {
  const grootte = opties.pagina ?? 1000;
  const schema = casusSchemasVoor(opties.vocabulaire).casus;
  // Reading every client's facts is a read of personal data: one line in the audit trail per run.
  await log(db, undefined, gemeente, 'impact-lezen', 'caseload', peildatum);
  let na: string | undefined;
  for (;;) {
    let pagina = db.selectFrom('inwoner').select(['id', 'geboortedatum']).where('gemeente', '=', gemeente);
    if (na !== undefined) pagina = pagina.where('id', '>', na);
    const inwoners = await pagina.orderBy('id').limit(grootte).execute();
    if (inwoners.length === 0) return;
    na = inwoners[inwoners.length - 1]!.id;
    const ids = inwoners.map((i) => i.id);

    const feitRijen = await db
      .selectFrom('feit')
      .select(['inwonerId', 'naam', 'waarde'])
      .where('gemeente', '=', gemeente)
      .where('inwonerId', 'in', ids)
      .where('geldigVanaf', '<=', peildatum)
      .orderBy('inwonerId')
      .orderBy('geldigVanaf')
      .orderBy('id')
      .execute();
    const lopend = await db
      .selectFrom('beschikking as b')
      .select(['b.inwonerId', 'b.casus', 'b.besluitdatum', 'b.ingangsdatum'])
      .where('b.gemeente', '=', gemeente)
      .where('b.inwonerId', 'in', ids)
      .where('b.soort', 'in', ['toekenning', 'wijziging'])
      .where('b.besluitdatum', '<=', peildatum)
      .where((eb) => eb.or([eb('b.einddatum', 'is', null), eb('b.einddatum', '>=', peildatum)]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('beschikking as e')
              .select('e.id')
              .whereRef('e.vorigeId', '=', 'b.id')
              .where((e) =>
                e.or([
                  e.and([e('e.soort', '=', 'beeindiging'), e('e.einddatum', '<', peildatum)]),
                  e.and([e('e.soort', '=', 'wijziging'), e('e.besluitdatum', '<=', peildatum)]),
                ]),
              ),
          ),
        ),
      )
      .orderBy('b.inwonerId')
      .orderBy('b.besluitdatum')
      .orderBy('b.id')
      .execute();
    const open = await db
      .selectFrom('aanvraag as a')
      .select(['a.inwonerId', 'a.gegevens'])
      .where('a.gemeente', '=', gemeente)
      .where('a.inwonerId', 'in', ids)
      .where('a.ontvangenOp', '<=', peildatum)
      .where('a.status', '!=', 'vervallen')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('beschikking as x')
              .select('x.id')
              .whereRef('x.aanvraagId', '=', 'a.id')
              .where('x.besluitdatum', '<=', peildatum),
          ),
        ),
      )
      .orderBy('a.inwonerId')
      .orderBy('a.ontvangenOp')
      .orderBy('a.id')
      .execute();

    const perInwoner = <T extends { inwonerId: string }>(rijen: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rijen) {
        const lijst = m.get(r.inwonerId);
        if (lijst) lijst.push(r);
        else m.set(r.inwonerId, [r]);
      }
      return m;
    };
    const feiten = perInwoner(feitRijen);
    const grants = perInwoner(lopend);
    const aanvragen = perInwoner(open);

    const casussen: Casus[] = [];
    const ongeldig: { inwonerId: string; bericht: string }[] = [];
    const voegToe = (inwonerId: string, kandidaat: unknown) => {
      const p = schema.safeParse(kandidaat);
      if (p.success) casussen.push(p.data as Casus);
      else
        ongeldig.push({
          inwonerId,
          bericht: veldFouten(p.error.issues, opties.vocabulaire)
            .map((f) => `${f.pad || '(casus)'}: ${f.bericht}`)
            .join('; '),
        });
    };

    for (const inwoner of inwoners) {
      const basis: Gegevens = feitenUit(feiten.get(inwoner.id) ?? []);
      if (inwoner.geboortedatum !== null) basis.geboortedatum = inwoner.geboortedatum;
      let gevallen = 0;
      for (const g of grants.get(inwoner.id) ?? []) {
        const opgeslagen = (g.casus ?? {}) as { feiten?: Gegevens; aanvraag?: Gegevens };
        const toen = opgeslagen.feiten ?? {};
        const aanvraag: Gegevens = { ...opgeslagen.aanvraag };
        aanvraag.toegekendOp ??= g.besluitdatum;
        if (g.ingangsdatum !== null) aanvraag.ingangsdatum ??= g.ingangsdatum;
        voegToe(inwoner.id, {
          gemeente,
          peildatum,
          feiten: {
            ...basis,
            ...(toen.oordelen !== undefined ? { oordelen: toen.oordelen } : {}),
            ...(toen.afwijkingen !== undefined ? { afwijkingen: toen.afwijkingen } : {}),
          },
          aanvraag,
        });
        gevallen++;
      }
      for (const a of aanvragen.get(inwoner.id) ?? []) {
        voegToe(inwoner.id, { gemeente, peildatum, feiten: basis, aanvraag: a.gegevens });
        gevallen++;
      }
      if (gevallen === 0) voegToe(inwoner.id, { gemeente, peildatum, feiten: basis });
    }
    yield { casussen, inwoners: inwoners.length, ongeldig };
    if (inwoners.length < grootte) return;
  }
}
