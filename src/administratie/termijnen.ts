import { z } from 'zod';
import { veldFouten } from '../casus/index.ts';
import type { VoorzieningUitkomst } from '../engine/index.ts';
import type { Db } from '../opslag/database.ts';
import { log } from './audit.ts';
import { gelukt, mislukt, nietGevonden } from './fouten.ts';
import { type Actor, BESLISSERS, LEZERS, vereisRol } from './toegang.ts';

/** The calendar a grant brings: reviews, payments, the loonkostensubsidie reset each 1 January, the end. */
export function termijnenUit(
  v: VoorzieningUitkomst,
  basis: { gemeente: string; beschikkingId: string; inwonerId: string },
) {
  const leeg = { afgehandeldOp: null, afgehandeldDoor: null, toelichting: null };
  const uit = [
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
  const lks = Object.values(v.bedragen).find((b) => b.per === 'maand' && b.cent !== null);
  if (v.voorziening === 'loonkostensubsidie' && lks) {
    // Art. 10d lid 7 Pw: the amount follows the minimum wage, re-set ambtshalve on each 1 January.
    const eerste = Number(v.termijnen.ingangsdatum.slice(0, 4)) + 1;
    const laatste = einde ? Number(einde.slice(0, 4)) : eerste + 2;
    for (let jaar = eerste; jaar <= laatste; jaar++) {
      uit.push({
        ...basis,
        ...leeg,
        soort: 'lks-herberekening',
        datum: `${jaar}-01-01`,
        artikel: '10d lid 7',
        regeling: 'participatiewet',
        omschrijving: 'Loonkostensubsidie opnieuw vaststellen met het minimumloon per 1 januari.',
        bedragCent: null,
      });
    }
  }
  return uit;
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
