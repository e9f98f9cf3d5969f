import { auditRij } from '../administratie/audit.ts';
import {
  type Beschikking,
  beeindig,
  bereidBeschikking,
  jaarbedrag,
  schrijfBeschikkingen,
  type Voorstel,
} from '../administratie/beschikkingen.ts';
import { stelBudgetVast } from '../administratie/budgetten.ts';
import { maakGebruiker } from '../administratie/gebruikers.ts';
import type { Actor } from '../administratie/toegang.ts';
import type { BsnKluis } from '../beveiliging/bsn.ts';
import { UITKERINGEN } from '../casus/index.ts';
import type { Engine } from '../engine/index.ts';
import { naarDagnummer, plusDagen } from '../kalender/index.ts';
import { bulkInsert } from '../opslag/bulk.ts';
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

/** A year's cost for voorzieningen whose amount the rules do not compute, as a casemanager would enter it. */
const KOSTEN_PER_JAAR: Partial<Record<string, number>> = {
  jobcoaching: 4_200_00,
  scholing: 2_500_00,
  leerwerktraject: 3_600_00,
  verwervingskosten: 450_00,
  werkstage: 600_00,
  proefplaats: 300_00,
};

/** Decisions written per transaction while seeding. */
const PER_TRANSACTIE = 250;

/**
 * Fills the store with demo users per role and a synthetic caseload per gemeente, deterministic from
 * the seed: clients with facts, budgets per voorziening and year, decisions judged by the engine from
 * the stored facts and booked against those budgets by the same code a casemanager's decision takes
 * (bereidBeschikking, schrijfBeschikkingen), some voorzieningen ended on a ground of the ordinance,
 * and a beschut werk waiting list. Rows are written in bulk, decisions in groups per transaction.
 */
export async function vulDemo(
  db: Db,
  engine: Engine,
  kluis: BsnKluis,
  opties: { alleenAlsLeeg?: boolean; perGemeente?: number; seed?: number; peildatum?: string } = {},
): Promise<
  | {
      inwoners: number;
      beschikkingen: number;
      beeindigd: number;
      wachtlijst: number;
      budgetten: number;
      wachtwoord: string;
    }
  | undefined
> {
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
  // Password hashing is the slow part of creating users; the hashes are independent, so run them together.
  const gebruikers = await Promise.all([
    maakGebruiker(db, {
      gebruikersnaam: 'beheerder',
      naam: 'Beheerder (demo)',
      wachtwoord: DEMO_WACHTWOORD,
      rollen: gemeenten.map((g) => ({ gemeente: g.slug, rol: 'beheerder' as Rol })),
    }),
    ...gemeenten.flatMap((g) =>
      ROLLEN.filter((x) => x !== 'beheerder').map((rol) =>
        maakGebruiker(db, {
          gebruikersnaam: `${rol}@${g.slug}`,
          naam: `${rol} ${g.naam} (demo)`,
          wachtwoord: DEMO_WACHTWOORD,
          rollen: [{ gemeente: g.slug, rol }],
        }),
      ),
    ),
  ]);
  const teller = { inwoners: 0, beschikkingen: 0, beeindigd: 0, wachtlijst: 0, budgetten: 0 };
  let volgende = 1;
  for (const g of gemeenten) {
    const ids: Record<string, string> = {};
    for (const rol of ROLLEN.filter((x) => x !== 'beheerder')) ids[rol] = gebruikers[volgende++]!;
    await db
      .insertInto('beschutWerkPlan')
      .values({ gemeente: g.slug, jaar: Number(peildatum.slice(0, 4)), plaatsen: 8 })
      .onConflict((oc) => oc.columns(['gemeente', 'jaar']).doNothing())
      .execute();
    const plan = engine.planOp(g.slug, peildatum);
    if (!plan.ok) continue;
    const aanbod = [...plan.plan.voorzieningen.keys()];
    const actor = (rol: Rol): Actor => ({
      gebruikerId: ids[rol]!,
      gebruikersnaam: `${rol}@${g.slug}`,
      rollen: new Map([[g.slug, new Set<Rol>([rol])]]),
      doel: 'demogegevens',
    });
    const casemanager = actor('casemanager');

    // Clients and their facts, drawn in a fixed order so the same seed gives the same caseload.
    const klanten = Array.from({ length: perGemeente }, () => {
      const leeftijd = 18 + Math.floor(r() * r() * 48);
      const geboortedatum = plusDagen(peildatum, -Math.floor((leeftijd + r()) * 365.25));
      const uitkering = r() < 0.72 ? 'algemene-bijstand' : kies(r, UITKERINGEN);
      const bsn = demoBsn(r);
      const naam = `${kies(r, VOORNAMEN)} ${kies(r, ACHTERNAMEN)}`;
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
      const geldigVanaf = feiten.map(() => plusDagen(peildatum, -760 - Math.floor(r() * 600)));
      const aanvraag =
        r() > 0.45 ? undefined : { voorziening: kies(r, aanbod), dagenTerug: Math.floor(r() * 700) };
      return { geboortedatum, bsn, naam, feiten, geldigVanaf, aanvraag, trek: [r(), r()] as const };
    });

    const inwonerIds = new Map<string, string>();
    for (let i = 0; i < klanten.length; i += 500) {
      const deel = klanten.slice(i, i + 500);
      const rijen = await db
        .insertInto('inwoner')
        .values(
          deel.map((k) => ({
            gemeente: g.slug,
            bsnHash: kluis.zoeksleutel(k.bsn),
            bsnVersleuteld: kluis.versleutel(k.bsn),
            naam: k.naam,
            geboortedatum: k.geboortedatum,
            casemanagerId: casemanager.gebruikerId,
          })),
        )
        .onConflict((oc) => oc.columns(['gemeente', 'bsnHash']).doNothing())
        .returning(['id', 'bsnHash'])
        .execute();
      for (const x of rijen) inwonerIds.set(x.bsnHash, x.id);
    }
    // A BSN drawn twice names one client; the first draw is the one stored.
    const opgeslagen = klanten.flatMap((k) => {
      const id = inwonerIds.get(kluis.zoeksleutel(k.bsn));
      if (!id) return [];
      inwonerIds.delete(kluis.zoeksleutel(k.bsn));
      return [{ ...k, id }];
    });
    teller.inwoners += opgeslagen.length;
    const feitRijen = opgeslagen.flatMap((k) =>
      k.feiten.map(([naam, waarde], i) => ({
        gemeente: g.slug,
        inwonerId: k.id,
        naam,
        waarde,
        geldigVanaf: k.geldigVanaf[i]!,
        bron: 'demogegevens',
        vastgelegdDoor: casemanager.gebruikerId,
      })),
    );
    for (let i = 0; i < feitRijen.length; i += 2_000)
      await bulkInsert(
        'feit',
        {
          gemeente: 'text',
          inwonerId: 'uuid',
          naam: 'text',
          waarde: 'jsonb',
          geldigVanaf: 'date',
          bron: 'text',
          vastgelegdDoor: 'uuid',
        },
        feitRijen.slice(i, i + 2_000),
      ).execute(db);

    // The beschut werk waiting list: everyone with an indication, in order of its date.
    const wachtenden = opgeslagen.flatMap((k) => {
      const datum = k.feiten.find(([naam]) => naam === 'indicatieBeschutWerkDatum')?.[1];
      return typeof datum === 'string' ? [{ inwonerId: k.id, indicatiedatum: datum }] : [];
    });
    if (wachtenden.length > 0) {
      const rijen = await db
        .insertInto('beschutWerkIndicatie')
        .values(
          wachtenden
            .sort((a, b) =>
              a.indicatiedatum < b.indicatiedatum ? -1 : a.indicatiedatum > b.indicatiedatum ? 1 : 0,
            )
            .map((w) => ({
              gemeente: g.slug,
              inwonerId: w.inwonerId,
              indicatiedatum: w.indicatiedatum,
              geplaatstOp: null,
              vrijgekomenOp: null,
              geregistreerdDoor: casemanager.gebruikerId,
              plaatsingsjaar: null,
              vrijgavereden: null,
            })),
        )
        .returning('id')
        .execute();
      await bulkInsert(
        'audit',
        {
          gebruikerId: 'uuid',
          gemeente: 'text',
          actie: 'text',
          object: 'text',
          objectId: 'text',
          doel: 'text',
        },
        rijen.map((x) =>
          auditRij({
            actor: casemanager,
            gemeente: g.slug,
            actie: 'beschut-werk-indicatie-registreren',
            object: 'beschut-werk-indicatie',
            objectId: x.id,
          }),
        ),
      ).execute(db);
      teller.wachtlijst += rijen.length;
    }

    // Decisions: the engine judges what the casemanager would ask for, then judges it again from the
    // stored facts exactly as a decision through the API is judged.
    const voorstellen: Voorstel[] = [];
    for (const k of opgeslagen) {
      if (!k.aanvraag) continue;
      const { voorziening } = k.aanvraag;
      const ingangsdatum = plusDagen(peildatum, -k.aanvraag.dagenTerug);
      const aanvraag = {
        voorziening,
        ingangsdatum,
        urenPerWeek: 8 + Math.floor(k.trek[0] * 28),
        voldoendeMeegewerkt: true,
        duurMaanden: k.trek[1] < 0.5 ? 6 : 12,
        contractToegezegdMaanden: 6,
      };
      const feiten = { geboortedatum: k.geboortedatum, ...Object.fromEntries(k.feiten) };
      const eerste = engine.evalueer({ gemeente: g.slug, peildatum: ingangsdatum, feiten, aanvraag });
      if (!eerste.ok) continue;
      const v = eerste.resultaat.voorzieningen[0]!;
      const oordelen = Object.fromEntries(
        v.vragen.map((q) => [
          q.feit,
          { antwoord: r() < 0.85, motivering: 'Demogegevens: besproken in het keukentafelgesprek.' },
        ]),
      );
      const antwoorden = Object.fromEntries(Object.entries(oordelen).map(([q, o]) => [q, o.antwoord]));
      const nogmaals = engine.evalueer({
        gemeente: g.slug,
        peildatum: ingangsdatum,
        feiten: { ...feiten, oordelen: antwoorden },
        aanvraag,
      });
      const uitkomst = nogmaals.ok ? nogmaals.resultaat.voorzieningen[0]! : undefined;
      if (uitkomst?.uitkomst !== 'toegestaan' && uitkomst?.uitkomst !== 'afgewezen') continue;
      const kosten = jaarbedrag(uitkomst) === 0 ? KOSTEN_PER_JAAR[voorziening] : undefined;
      const b = await bereidBeschikking(db, engine, casemanager, g.slug, {
        inwonerId: k.id,
        soort: uitkomst.uitkomst === 'toegestaan' ? 'toekenning' : 'afwijzing',
        peildatum: ingangsdatum,
        verzondenOp: ingangsdatum,
        aanvraag,
        ...(Object.keys(oordelen).length > 0 ? { oordelen } : {}),
        ...(kosten ? { kostenPerJaarCent: kosten } : {}),
      });
      if (b.ok) voorstellen.push(b.waarde);
    }

    // Budgets as the college would set them before the year: most with room to spare, the largest
    // one per year a little short, so its last applications meet the ceiling. Only an ordinance with
    // a ceiling article makes a ceiling a ground for refusal; elsewhere the budget is generous.
    const artikel = plan.plan.gemeenteRegelingen
      .flatMap((x) => x.artikelen)
      .find((a) => a.soort === 'budget')?.nummer;
    const nodig = new Map<string, { jaar: number; voorziening: string; cent: number; aantal: number }>();
    for (const v of voorstellen) {
      if (v.invoer.soort !== 'toekenning') continue;
      const jaar = Number(v.ingangsdatum.slice(0, 4));
      const sleutel = `${jaar} ${v.uitkomst.voorziening}`;
      const n = nodig.get(sleutel) ?? { jaar, voorziening: v.uitkomst.voorziening, cent: 0, aantal: 0 };
      n.cent += v.bedrag;
      n.aantal++;
      nodig.set(sleutel, n);
    }
    const krapst = new Map<number, string>();
    for (const [sleutel, n] of nodig) {
      const huidig = nodig.get(krapst.get(n.jaar) ?? '');
      if (!huidig || n.cent > huidig.cent) krapst.set(n.jaar, sleutel);
    }
    const beleid = actor('beleidsmedewerker');
    for (const [sleutel, n] of [...nodig].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const factor = !artikel ? 2 : krapst.get(n.jaar) === sleutel ? 0.93 : 1.1 + r() * 0.3;
      const gezet = await stelBudgetVast(db, engine.bibliotheek, beleid, g.slug, n.jaar, n.voorziening, {
        plafondCent: Math.max(100_000_00, Math.round((n.cent * factor) / 100_000) * 100_000),
        ...(artikel && n.voorziening === 'participatieplaats'
          ? { deelnemersplafond: Math.ceil(n.aantal * 1.2) }
          : {}),
        artikel: artikel ?? 'begroting (de verordening kent geen plafondartikel)',
        besluit: `Collegebesluit budget re-integratie ${n.jaar} (demogegevens)`,
      });
      if (gezet.ok) teller.budgetten++;
    }

    const genomen: Beschikking[] = [];
    for (let i = 0; i < voorstellen.length; i += PER_TRANSACTIE) {
      const deel = voorstellen.slice(i, i + PER_TRANSACTIE);
      genomen.push(...(await db.transaction().execute((trx) => schrijfBeschikkingen(trx, deel))));
    }
    teller.beschikkingen += genomen.length;

    // Some running voorzieningen end early, on a ground the ordinance gives.
    const gronden = plan.plan.gemeenteRegelingen
      .flatMap((x) => x.beeindigingsgronden ?? [])
      .map((x) => x.code);
    if (gronden.length === 0) continue;
    // At least one per gemeente, so every kind of beschikking (and its letter) is in the demo data.
    let beeindigdHier = 0;
    for (const b of genomen) {
      if (b.soort !== 'toekenning' || !b.ingangsdatum || !b.einddatum) continue;
      if (r() > 0.12 && beeindigdHier > 0) continue;
      const laatste = b.einddatum < peildatum ? b.einddatum : peildatum;
      const dagen = naarDagnummer(laatste) - naarDagnummer(b.ingangsdatum);
      if (dagen < 30) continue;
      const datum = plusDagen(b.ingangsdatum, 30 + Math.floor(r() * (dagen - 30)));
      const einde = await beeindig(db, engine, casemanager, g.slug, b.id, {
        datum,
        grond: kies(r, gronden),
        motivering: 'Demogegevens: besproken met de inwoner en de werkgever.',
        verzondenOp: datum,
      });
      if (einde.ok) {
        teller.beeindigd++;
        beeindigdHier++;
      }
    }
  }
  return { ...teller, wachtwoord: DEMO_WACHTWOORD };
}
