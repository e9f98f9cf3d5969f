import { z } from 'zod';
import { veldFouten } from '../casus/index.ts';
import type { Engine, VoorzieningUitkomst } from '../engine/index.ts';
import type { Db } from '../opslag/database.ts';
import type { Bibliotheek, Regeling } from '../regelgeving/index.ts';
import { datumTekst, feitLabel, opsomming } from '../taal/index.ts';
import { log, logLijst } from './audit.ts';
import { gelukt, mislukt, nietGevonden } from './fouten.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

/** A term's amount, or why there is none yet. */
export interface TermijnBedrag {
  readonly cent: number | null;
  /** Why `cent` is null; null when the amount is known. */
  readonly reden: string | null;
  /** The regulation versions (and engine) that computed the amount. */
  readonly regelingen?: readonly { id: string; geldigVanaf: string; hash: string }[];
  readonly engine?: string;
}

/** The terms of a loonkostensubsidie that carry its amount for a period. */
export const LKS_PERIODE_SOORTEN = ['lks-periode', 'lks-herberekening'] as const;

/**
 * The periods of a loonkostensubsidie, each with its own amount: from the ingangsdatum to 31 December,
 * then each calendar year up to the end date (art. 10d lid 7 Pw: re-set ambtshalve each 1 January
 * with the minimum wage then in force). Without an end date, the first three 1 Januaries are listed.
 */
export function lksPerioden(ingangsdatum: string, einde: string | null): { van: string; tot: string }[] {
  const eerste = Number(ingangsdatum.slice(0, 4));
  const laatste = einde ? Number(einde.slice(0, 4)) : eerste + 3;
  const uit: { van: string; tot: string }[] = [];
  for (let jaar = eerste; jaar <= laatste; jaar++) {
    const van = jaar === eerste ? ingangsdatum : `${jaar}-01-01`;
    const tot = einde && einde < `${jaar}-12-31` ? einde : `${jaar}-12-31`;
    if (tot >= van) uit.push({ van, tot });
  }
  return uit;
}

/**
 * The calendar a grant brings: reviews, payments, the end, and for a loonkostensubsidie one term per
 * period with that period's monthly amount (the first on the ingangsdatum, then each 1 January).
 * `bedragOp` gives the amount of the period starting on a date (see `lksMaandbedrag`); without it
 * the periods carry no amount. Which terms there are depends on the judgement alone.
 */
export function termijnenUit(
  v: VoorzieningUitkomst,
  basis: { gemeente: string; beschikkingId: string; inwonerId: string },
  bedragOp?: (datum: string) => TermijnBedrag | undefined,
) {
  const leeg = { afgehandeldOp: null, afgehandeldDoor: null, toelichting: null, bedragReden: null };
  const uit: {
    gemeente: string;
    beschikkingId: string;
    inwonerId: string;
    afgehandeldOp: null;
    afgehandeldDoor: null;
    toelichting: null;
    soort: string;
    datum: string;
    artikel: string;
    regeling: string;
    omschrijving: string;
    bedragCent: number | null;
    bedragReden: string | null;
  }[] = [
    ...v.termijnen.evaluatiemomenten.map((m) => ({
      ...basis,
      ...leeg,
      soort: 'evaluatie',
      datum: m.datum,
      artikel: m.artikel,
      regeling: m.regeling,
      omschrijving: m.omschrijving,
      bedragCent: null,
    })),
    ...v.termijnen.betaalmomenten.map((m) => ({
      ...basis,
      ...leeg,
      soort: 'premie',
      datum: m.datum,
      artikel: m.artikel,
      regeling: m.regeling,
      omschrijving: `${m.omschrijving}: uitbetalen na oordeel over voldoende meewerking.`,
      bedragCent: v.bedragen[m.bedrag]?.cent ?? null,
    })),
  ];
  const einde = v.termijnen.einddatum ?? v.termijnen.maximaleEinddatum;
  if (einde)
    uit.push({
      ...basis,
      ...leeg,
      soort: 'einde',
      datum: einde,
      artikel: '',
      regeling: '',
      omschrijving: 'Laatste dag van de voorziening.',
      bedragCent: null,
    });
  if (v.voorziening === 'loonkostensubsidie' && Object.values(v.bedragen).some((b) => b.per === 'maand')) {
    for (const [i, p] of lksPerioden(v.termijnen.ingangsdatum, einde).entries()) {
      const bedrag = bedragOp?.(p.van);
      uit.push({
        ...basis,
        ...leeg,
        soort: i === 0 ? 'lks-periode' : 'lks-herberekening',
        datum: p.van,
        artikel: i === 0 ? '10d lid 4' : '10d lid 7',
        regeling: 'participatiewet',
        omschrijving:
          i === 0
            ? `Loonkostensubsidie per maand van ${datumTekst(p.van)} tot en met ${datumTekst(p.tot)}, met het minimumloon op de ingangsdatum.`
            : `Loonkostensubsidie opnieuw vaststellen met het minimumloon per ${datumTekst(p.van)}, voor ${datumTekst(p.van)} tot en met ${datumTekst(p.tot)}.`,
        bedragCent: bedrag?.cent ?? null,
        bedragReden: bedrag ? bedrag.reden : null,
      });
    }
  }
  return uit;
}

/** The figure art. 10d works with: the monthly minimum wage (art. 2 onder c Pw). */
const MINIMUMLOON = 'wml-per-maand';

/**
 * Whether the minimum wage in force on a date is among the loaded figures; null when it is, else why
 * not. The minimum wage is indexed each 1 January and 1 July (art. 14 Wet minimumloon en
 * minimumvakantiebijslag), so the last figure on file holds only until the next indexing date: after
 * that the figure is not known yet, even though the engine would go on using the last one it has.
 */
export function minimumloonOnbekend(bibliotheek: Bibliotheek, datum: string): string | null {
  const p = bibliotheek.parameters.get(MINIMUMLOON);
  const jaar = datum.slice(0, 4);
  const indexering = datum >= `${jaar}-07-01` ? `${jaar}-07-01` : `${jaar}-01-01`;
  let laatste: { vanaf: string; waarde: number | null } | undefined;
  for (const w of p?.waarden ?? []) if (w.vanaf <= datum) laatste = w;
  if (!laatste || laatste.waarde === null) return `minimumloon op ${datumTekst(datum)} niet bekend`;
  if (laatste.vanaf < indexering) return `minimumloon per ${datumTekst(indexering)} nog niet bekend`;
  return null;
}

/**
 * The monthly loonkostensubsidie for the period starting on `datum`: the stored case of the grant
 * (facts and request as decided) judged again by the engine with that date as peildatum, so with the
 * minimum wage and the national law in force then. The gemeente's regulations stay the versions the
 * grant recorded (by hash): a later ordinance does not change a running grant. The amount is the
 * first monthly amount the rules give that applies and is known (art. 10d lid 4: minimum wage with
 * holiday pay minus loonwaarde, at most 70%, pro rata the hours); the allowance for employer costs,
 * whose percentage is not known to us, stays out as it does in the grant itself.
 */
export function lksMaandbedrag(
  engine: Engine,
  casus: { gemeente: string } & Record<string, unknown>,
  regelingen: readonly { id: string; geldigVanaf: string; hash: string }[],
  datum: string,
): TermijnBedrag {
  const onbekend = minimumloonOnbekend(engine.bibliotheek, datum);
  if (onbekend) return { cent: null, reden: onbekend };
  const eigen = new Set(engine.bibliotheek.regelingenVan(casus.gemeente));
  const vervang = new Map<string, Regeling>();
  for (const r of regelingen) {
    if (!eigen.has(r.id)) continue;
    const versie = engine.bibliotheek.versies(r.id).find((x) => x.hash === r.hash);
    if (!versie)
      return {
        cent: null,
        reden: `de versie van ${r.id} van ${datumTekst(r.geldigVanaf)} waarop de beschikking rust, is niet meer geladen`,
      };
    vervang.set(r.id, versie);
  }
  const opnieuw = engine.evalueer({ ...casus, peildatum: datum }, { vervang });
  if (!opnieuw.ok)
    return {
      cent: null,
      reden:
        'bericht' in opnieuw.fout ? opnieuw.fout.bericht : 'de opgeslagen casus is niet meer te beoordelen',
    };
  const v = opnieuw.resultaat.voorzieningen[0];
  const per = Object.values(v?.bedragen ?? {}).filter((b) => b.per === 'maand' && !b.voorbehoud);
  const bedrag = per.find((b) => b.cent !== null) ?? per[0];
  const gebruikt = opnieuw.resultaat.regelingen.map(({ id, geldigVanaf, hash }) => ({
    id,
    geldigVanaf,
    hash,
  }));
  const herkomst = { regelingen: gebruikt, engine: opnieuw.resultaat.engine.versie };
  if (!bedrag)
    return {
      cent: null,
      reden: `de regels geven op ${datumTekst(datum)} geen bedrag per maand`,
      ...herkomst,
    };
  if (bedrag.cent === null) {
    const mist = bedrag.ontbrekend ?? [];
    return {
      cent: null,
      reden: `bedrag niet te berekenen: ${opsomming(mist.map(feitLabel)) || 'een gegeven'} ${mist.length > 1 ? 'ontbreken' : 'ontbreekt'}`,
      ...herkomst,
    };
  }
  return { cent: bedrag.cent, reden: null, ...herkomst };
}

/** Open terms up to a date, per gemeente and optionally per casemanager; overdue ones are flagged. */
export async function dueLijst(
  db: Db,
  actor: Actor,
  gemeente: string,
  filter: { tot: string; vandaag: string; casemanagerId?: string | undefined },
) {
  const rol = vereisRol(actor, gemeente, LEZERS);
  if (!rol.ok) return rol;
  let q = db
    .selectFrom('termijn')
    .innerJoin('inwoner', 'inwoner.id', 'termijn.inwonerId')
    .select([
      'termijn.id',
      'termijn.soort',
      'termijn.datum',
      'termijn.artikel',
      'termijn.regeling',
      'termijn.omschrijving',
      'termijn.bedragCent',
      'termijn.bedragReden',
      'termijn.teLaatSinds',
      'termijn.beschikkingId',
      'termijn.inwonerId',
      'inwoner.casemanagerId',
    ])
    .where('termijn.gemeente', '=', gemeente)
    .where('termijn.status', '=', 'open')
    .where('termijn.datum', '<=', filter.tot);
  if (filter.casemanagerId) q = q.where('inwoner.casemanagerId', '=', filter.casemanagerId);
  const rijen = await q.orderBy('termijn.datum').orderBy('termijn.id').limit(1000).execute();
  await logLijst(
    db,
    actor,
    gemeente,
    'termijn',
    rijen.map((r) => ({ betrokkene: r.inwonerId, objectId: String(r.id) })),
  );
  return gelukt(rijen.map((r) => ({ ...r, id: Number(r.id), teLaat: r.datum < filter.vandaag })));
}

const afhandelingSchema = z.strictObject({
  /** For a premie: the casemanager's judgement of sufficient cooperation (art. 10a lid 6 Pw) decides payment. */
  voldoendeMeegewerkt: z.boolean().optional(),
  toelichting: z.string().trim().min(3),
});

export async function handelTermijnAf(db: Db, actor: Actor, gemeente: string, id: number, invoer: unknown) {
  const rol = vereisRol(actor, gemeente, BESLISSERS);
  if (!rol.ok) return rol;
  const p = afhandelingSchema.safeParse(invoer);
  if (!p.success)
    return mislukt({
      code: 'ongeldig',
      bericht: 'ongeldige afhandeling',
      velden: veldFouten(p.error.issues),
    });
  const t = await db
    .selectFrom('termijn')
    .selectAll()
    .where('gemeente', '=', gemeente)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!t) return nietGevonden('termijn');
  if (t.status !== 'open') return mislukt({ code: 'conflict', bericht: `termijn is al ${t.status}` });
  if (t.soort === 'premie' && p.data.voldoendeMeegewerkt === undefined) {
    return mislukt({
      code: 'ongeldig',
      bericht: 'een premie wordt pas betaald na het oordeel over voldoende meewerking',
      velden: [{ pad: 'voldoendeMeegewerkt', bericht: 'verplicht bij een premie' }],
    });
  }
  const status =
    t.soort === 'premie' ? (p.data.voldoendeMeegewerkt ? 'betaald' : 'niet-betaald') : 'afgehandeld';
  const bijgewerkt = await db
    .updateTable('termijn')
    .set({
      status,
      afgehandeldOp: new Date(),
      afgehandeldDoor: actor.gebruikerId,
      toelichting: p.data.toelichting,
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning(['id', 'status'])
    .executeTakeFirst();
  if (!bijgewerkt) return mislukt({ code: 'conflict', bericht: 'termijn is intussen afgehandeld' });
  await log(db, actor, gemeente, `termijn-${status}`, 'termijn', String(id));
  return gelukt({ id: Number(bijgewerkt.id), status: bijgewerkt.status });
}
