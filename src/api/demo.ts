import { neemBeschikking } from '../administratie/beschikkingen.ts';
import { maakGebruiker } from '../administratie/gebruikers.ts';
import type { Actor } from '../administratie/toegang.ts';
import type { BsnKluis } from '../beveiliging/bsn.ts';
import { UITKERINGEN } from '../casus/index.ts';
import type { Engine } from '../engine/index.ts';
import { plusDagen } from '../kalender/index.ts';
import type { Db } from '../opslag/database.ts';
import { ROLLEN, type Rol } from '../opslag/schema.ts';

export const DEMO_WACHTWOORD = 'demo-wachtwoord';

/** Small deterministic PRNG (mulberry32), so the same seed gives the same caseload everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A BSN that passes the elfproef, built from random digits. */
function demoBsn(r: () => number): string {
  for (;;) {
    const d = Array.from({ length: 8 }, () => Math.floor(r() * 10));
    if (d[0] === 0) continue;
    const som = d.reduce((s, x, i) => s + (9 - i) * x, 0);
    const laatste = som % 11;
    if (laatste <= 9) return `${d.join('')}${laatste}`;
  }
}

const VOORNAMEN = [
  'Anna',
  'Mohammed',
  'Daan',
  'Fatima',
  'Sanne',
  'Kees',
  'Noor',
  'Yusuf',
  'Eva',
  'Jan',
  'Priya',
  'Ricardo',
  'Lotte',
  'Ahmet',
  'Ingrid',
  'Bram',
];
const ACHTERNAMEN = [
  'de Vries',
  'Jansen',
  'Bakker',
  'El Amrani',
  'Visser',
  'Smit',
  'Yılmaz',
  'Mulder',
  'de Boer',
  'Bos',
  'Nijhuis',
  'Kok',
  'Postma',
  'Hoekstra',
];

function kies<T>(r: () => number, lijst: readonly T[]): T {
  return lijst[Math.floor(r() * lijst.length)]!;
}

/**
 * Fills the store with demo users per role and a synthetic caseload per gemeente, deterministic from
 * the seed. Decisions go through the same service a casemanager uses, so budgets and terms are real.
 */
export async function vulDemo(
  db: Db,
  engine: Engine,
  kluis: BsnKluis,
  opties: { alleenAlsLeeg?: boolean; perGemeente?: number; seed?: number; peildatum?: string } = {},
): Promise<{ inwoners: number; beschikkingen: number; wachtwoord: string } | undefined> {
  if (opties.alleenAlsLeeg) {
    const { n } = await db
      .selectFrom('inwoner')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(n) > 0) return undefined;
  }
  const r = prng(opties.seed ?? 20261123);
  const perGemeente = opties.perGemeente ?? 600;
  const peildatum = opties.peildatum ?? '2026-11-02';
  const gemeenten = engine.bibliotheek.gemeenten();
  await maakGebruiker(db, {
    gebruikersnaam: 'beheerder',
    naam: 'Beheerder (demo)',
    wachtwoord: DEMO_WACHTWOORD,
    rollen: gemeenten.map((g) => ({ gemeente: g.slug, rol: 'beheerder' as Rol })),
  });
  let inwoners = 0;
  let beschikkingen = 0;
  for (const g of gemeenten) {
    const ids: Record<string, string> = {};
    for (const rol of ROLLEN.filter((x) => x !== 'beheerder')) {
      ids[rol] = await maakGebruiker(db, {
        gebruikersnaam: `${rol}@${g.slug}`,
        naam: `${rol} ${g.naam} (demo)`,
        wachtwoord: DEMO_WACHTWOORD,
        rollen: [{ gemeente: g.slug, rol }],
      });
    }
    await db
      .insertInto('beschutWerkPlan')
      .values({ gemeente: g.slug, jaar: Number(peildatum.slice(0, 4)), plaatsen: 8 })
      .onConflict((oc) => oc.columns(['gemeente', 'jaar']).doNothing())
      .execute();
    const plan = engine.planOp(g.slug, peildatum);
    if (!plan.ok) continue;
    const aanbod = [...plan.plan.voorzieningen.keys()];
    const casemanager: Actor = {
      gebruikerId: ids.casemanager!,
      gebruikersnaam: `casemanager@${g.slug}`,
      rollen: new Map([[g.slug, new Set<Rol>(['casemanager'])]]),
      doel: 'demogegevens',
    };
    for (let i = 0; i < perGemeente; i++) {
      const leeftijd = 18 + Math.floor(r() * r() * 48);
      const geboortedatum = plusDagen(peildatum, -Math.floor((leeftijd + r()) * 365.25));
      const uitkering = r() < 0.72 ? 'algemene-bijstand' : kies(r, UITKERINGEN);
      const bsn = demoBsn(r);
      const { id } = (await db
        .insertInto('inwoner')
        .values({
          gemeente: g.slug,
          bsnHash: kluis.zoeksleutel(bsn),
          bsnVersleuteld: kluis.versleutel(bsn),
          naam: `${kies(r, VOORNAMEN)} ${kies(r, ACHTERNAMEN)}`,
          geboortedatum,
          casemanagerId: casemanager.gebruikerId,
        })
        .onConflict((oc) => oc.columns(['gemeente', 'bsnHash']).doNothing())
        .returning('id')
        .executeTakeFirst()) ?? { id: undefined };
      if (!id) continue;
      inwoners++;
      const feiten: [string, unknown][] = [
        ['uitkering', uitkering],
        ['startkwalificatie', r() < 0.55],
        ['kanOnderwijsVolgen', leeftijd < 27 && r() < 0.4],
        ['afstandTotArbeidsmarkt', r() < 0.45 ? 'kort' : 'groot'],
        ['eerderActiefOpArbeidsmarkt', r() < 0.7],
        ['langdurigWerkloos', r() < 0.5],
        ['doelgroepLoonkostensubsidie', r() < 0.2],
        ['arbeidsbeperking', r() < 0.25],
      ];
      if (r() < 0.2) feiten.push(['loonwaardePercentage', 30 + Math.floor(r() * 50)]);
      if (r() < 0.05)
        feiten.push(['indicatieBeschutWerkDatum', plusDagen(peildatum, -Math.floor(r() * 700))]);
      await db
        .insertInto('feit')
        .values(
          feiten.map(([naam, waarde]) => ({
            gemeente: g.slug,
            inwonerId: id,
            naam,
            waarde: JSON.stringify(waarde),
            geldigVanaf: plusDagen(peildatum, -400 - Math.floor(r() * 600)),
            bron: 'demogegevens',
            vastgelegdDoor: casemanager.gebruikerId,
          })),
        )
        .execute();
      if (r() > 0.45) continue;
      const voorziening = kies(r, aanbod);
      const ingangsdatum = plusDagen(peildatum, -Math.floor(r() * 300));
      const eerste = engine.evalueer({
        gemeente: g.slug,
        peildatum: ingangsdatum,
        feiten: { geboortedatum, ...Object.fromEntries(feiten) },
        aanvraag: {
          voorziening,
          ingangsdatum,
          urenPerWeek: 8 + Math.floor(r() * 28),
          voldoendeMeegewerkt: true,
          duurMaanden: 6,
          contractToegezegdMaanden: 6,
        },
      });
      if (!eerste.ok) continue;
      const v = eerste.resultaat.voorzieningen[0]!;
      const oordelen = Object.fromEntries(
        v.vragen.map((q) => [
          q.feit,
          { antwoord: r() < 0.85, motivering: 'Demogegevens: besproken in het keukentafelgesprek.' },
        ]),
      );
      const nogmaals = engine.evalueer({
        gemeente: g.slug,
        peildatum: ingangsdatum,
        feiten: {
          geboortedatum,
          ...Object.fromEntries(feiten),
          oordelen: Object.fromEntries(Object.entries(oordelen).map(([k, o]) => [k, o.antwoord])),
        },
        aanvraag: {
          voorziening,
          ingangsdatum,
          urenPerWeek: 16,
          voldoendeMeegewerkt: true,
          duurMaanden: 6,
          contractToegezegdMaanden: 6,
        },
      });
      const uitkomst = nogmaals.ok ? nogmaals.resultaat.voorzieningen[0]!.uitkomst : 'onbepaald';
      if (uitkomst !== 'toegestaan' && uitkomst !== 'afgewezen') continue;
      const b = await neemBeschikking(db, engine, casemanager, g.slug, {
        inwonerId: id,
        soort: uitkomst === 'toegestaan' ? 'toekenning' : 'afwijzing',
        peildatum: ingangsdatum,
        verzondenOp: ingangsdatum,
        aanvraag: {
          voorziening,
          ingangsdatum,
          urenPerWeek: 16,
          voldoendeMeegewerkt: true,
          duurMaanden: 6,
          contractToegezegdMaanden: 6,
        },
        ...(Object.keys(oordelen).length > 0 ? { oordelen } : {}),
      });
      if (b.ok) beschikkingen++;
    }
  }
  return { inwoners, beschikkingen, wachtwoord: DEMO_WACHTWOORD };
}
