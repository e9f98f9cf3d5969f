import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laadDocumentConfiguratie } from '../src/documenten/configuratie.ts';
import { onderdrukKolom } from '../src/documenten/onderdrukking.ts';
import { type Periode, periode, vorigePeriode } from '../src/documenten/perioden.ts';
import { cijfersVoor, cijfersVoorPerioden } from '../src/documenten/voortgang-cijfers.ts';
import { celTekst } from '../src/documenten/voortgang-model.ts';
import { maakVoortgangsrapportage, voortgangsrapportage } from '../src/documenten/voortgang.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN } from './opslagen.ts';
import { vulVoortgang } from './voortgang-vulling.ts';

const engine = standaardEngine();
const config = laadDocumentConfiguratie();
if (!config.ok) throw new Error(JSON.stringify(config.fouten));
const ctx = { bibliotheek: engine.bibliotheek, configuratie: config.waarde };
const G = 'dinkelland';
const TRAJECTEN = Number(process.env.VOORTGANG_TRAJECTEN ?? 100_000);

/** The same figures, computed in plain code from every row read back, to check the report's SQL. */
async function uitDeOpslag(o: Opslag, p: Periode) {
  const db = o.db;
  const toekenningen = await db
    .selectFrom('beschikking')
    .select(['id', 'voorziening', 'inwonerId', 'ingangsdatum', 'einddatum', 'jaarbedragCent'])
    .where('gemeente', '=', G)
    .where('soort', '=', 'toekenning')
    .execute();
  const eindes = new Map(
    (
      await db
        .selectFrom('beschikking')
        .select(['vorigeId', 'einddatum', 'beeindigingsgrond'])
        .where('gemeente', '=', G)
        .where('soort', '=', 'beeindiging')
        .execute()
    ).map((e) => [e.vorigeId!, e]),
  );
  const per = new Map<
    string,
    { gestart: number; lopend: number; beeindigd: number; werk: number; jaarbedrag: number }
  >();
  const gronden = new Map<string, number>();
  const pg = new Set<string>();
  const pl = new Set<string>();
  for (const t of toekenningen) {
    if (t.ingangsdatum! > p.tot) continue;
    const e = eindes.get(t.id);
    const vroeg = e && (t.einddatum === null || e.einddatum! <= t.einddatum);
    const einde = vroeg ? e!.einddatum : t.einddatum;
    const reden = vroeg ? e!.beeindigingsgrond! : 'einde-looptijd';
    const v = per.get(t.voorziening) ?? { gestart: 0, lopend: 0, beeindigd: 0, werk: 0, jaarbedrag: 0 };
    if (t.ingangsdatum! >= p.van) {
      v.gestart++;
      v.jaarbedrag += Number(t.jaarbedragCent);
      pg.add(t.inwonerId);
    }
    if (einde === null || einde > p.tot) {
      v.lopend++;
      pl.add(t.inwonerId);
    }
    if (einde !== null && einde >= p.van && einde <= p.tot) {
      v.beeindigd++;
      if (reden === 'c') v.werk++;
      gronden.set(reden, (gronden.get(reden) ?? 0) + 1);
    }
    per.set(t.voorziening, v);
  }
  const afgewezen = await db
    .selectFrom('beschikking')
    .select(['voorziening', 'besluitdatum', 'motivering'])
    .where('gemeente', '=', G)
    .where('soort', '=', 'afwijzing')
    .execute();
  const premies = await db
    .selectFrom('termijn')
    .select(['datum', 'status', 'bedragCent'])
    .where('gemeente', '=', G)
    .where('soort', '=', 'premie')
    .execute();
  const bezwaren = await db
    .selectFrom('bezwaar')
    .select(['ontvangenOp', 'beslistOp', 'uitkomst'])
    .where('gemeente', '=', G)
    .execute();
  const inPeriode = (d: string | null) => d !== null && d >= p.van && d <= p.tot;
  return {
    per,
    gronden,
    personenGestart: pg.size,
    personenLopend: pl.size,
    afgewezen: afgewezen.filter((a) => inPeriode(a.besluitdatum)).length,
    afgewezenPlafond: afgewezen.filter((a) => inPeriode(a.besluitdatum) && 'plafond' in a.motivering).length,
    premies: premies.filter((x) => inPeriode(x.datum) && x.status !== 'vervallen').length,
    premiesCent: premies
      .filter((x) => inPeriode(x.datum) && x.status !== 'vervallen')
      .reduce((s, x) => s + Number(x.bedragCent), 0),
    bezwarenOntvangen: bezwaren.filter((z) => inPeriode(z.ontvangenOp)).length,
    bezwarenOpen: bezwaren.filter(
      (z) => z.ontvangenOp <= p.tot && (z.beslistOp === null || z.beslistOp > p.tot),
    ).length,
    bezwarenBeslist: Object.fromEntries(
      ['gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken']
        .map((u) => [u, bezwaren.filter((z) => z.uitkomst === u && inPeriode(z.beslistOp)).length] as const)
        .filter(([, n]) => n > 0),
    ),
  };
}

describe.each(OPSLAGEN)('voortgangsrapportage op $naam', ({ open }) => {
  let opslag: Opslag;
  const p = periode(2026, 2, 3);

  beforeAll(async () => {
    opslag = await open(engine);
    await vulVoortgang(opslag.db, { gemeente: G, trajecten: TRAJECTEN });
  }, 300_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  it('de opslag heeft minstens 100.000 trajecten', async () => {
    const { n } = await opslag.db
      .selectFrom('beschikking')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('soort', '=', 'toekenning')
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBeGreaterThanOrEqual(0.85 * TRAJECTEN);
    const { m } = await opslag.db
      .selectFrom('beschikking')
      .select((eb) => eb.fn.countAll<number>().as('m'))
      .executeTakeFirstOrThrow();
    expect(Number(m)).toBeGreaterThanOrEqual(TRAJECTEN);
  });

  for (const welke of ['deze', 'vorige'] as const)
    it(
      `de cijfers van de ${welke} periode zijn gelijk aan die rechtstreeks uit de opslag`,
      { timeout: 120_000 },
      async () => {
        const q = welke === 'deze' ? p : vorigePeriode(p);
        const c = await cijfersVoor(opslag.db, G, q, ['c']);
        const v = await uitDeOpslag(opslag, q);
        expect(c.voorzieningen.length).toBeGreaterThan(0);
        for (const x of c.voorzieningen) {
          const y = v.per.get(x.voorziening) ?? {
            gestart: 0,
            lopend: 0,
            beeindigd: 0,
            werk: 0,
            jaarbedrag: 0,
          };
          expect({
            v: x.voorziening,
            gestart: x.gestart,
            lopend: x.lopend,
            beeindigd: x.beeindigd,
            werk: x.uitstroomNaarWerk,
            jaarbedrag: x.toegekendJaarbedragCent,
          }).toEqual({
            v: x.voorziening,
            gestart: y.gestart,
            lopend: y.lopend,
            beeindigd: y.beeindigd,
            werk: y.werk,
            jaarbedrag: y.jaarbedrag,
          });
        }
        expect(c.totaal.personenGestart).toBe(v.personenGestart);
        expect(c.totaal.personenLopend).toBe(v.personenLopend);
        expect(c.totaal.eindgronden).toEqual(
          Object.fromEntries([...v.gronden].sort(([a], [b]) => a.localeCompare(b))),
        );
        expect(c.totaal.afgewezen).toBe(v.afgewezen);
        expect(c.totaal.afgewezenPlafond).toBe(v.afgewezenPlafond);
        expect(c.totaal.premies).toBe(v.premies);
        expect(c.totaal.premiesCent).toBe(v.premiesCent);
        expect(c.bezwaren.ontvangen).toBe(v.bezwarenOntvangen);
        expect(c.bezwaren.openAanHetEind).toBe(v.bezwarenOpen);
        expect(c.bezwaren.beslist).toEqual(v.bezwarenBeslist);
        expect(v.afgewezen).toBeGreaterThan(0);
        expect(v.gronden.size).toBeGreaterThan(1);
      },
    );

  // The report reads both periods in one pass; each must be what a pass of its own gives, which the
  // tests above check against the store. Also across a year's end, where the years' bookings differ.
  for (const q of [p, periode(2026, 1, 3)])
    it(
      `de cijfers van ${q.jaar}-${q.nummer} en de periode ervoor in één keer zijn die van elk apart`,
      {
        timeout: 120_000,
      },
      async () => {
        const samen = await cijfersVoorPerioden(opslag.db, G, [q, vorigePeriode(q)], ['c']);
        const apart = [
          await cijfersVoor(opslag.db, G, q, ['c']),
          await cijfersVoor(opslag.db, G, vorigePeriode(q), ['c']),
        ];
        expect(samen).toEqual(apart);
        expect(samen[0]!.totaal.lopend).toBeGreaterThan(0);
        expect(samen[0]!.voorzieningen.some((v) => v.budget.besteedCent > 0)).toBe(true);
      },
    );

  it(
    'geen getoonde cel ligt onder de drempel, en elke getoonde cel is het echte cijfer',
    { timeout: 120_000 },
    async () => {
      const r = await voortgangsrapportage(opslag.db, ctx, G, p);
      if (!r.ok) throw new Error(r.fout.bericht);
      let getoond = 0;
      for (const t of r.waarde.tabellen)
        for (const rij of t.rijen)
          for (const w of rij.waarden)
            if (w.soort === 'aantal' && w.cel !== null) {
              expect(w.cel === 0 || w.cel >= r.waarde.drempel, `${t.titel} / ${rij.label}: ${w.cel}`).toBe(
                true,
              );
              getoond++;
            }
      expect(getoond).toBeGreaterThan(20);
      const v = await uitDeOpslag(opslag, p);
      const tabel = r.waarde.tabellen[0]!;
      const rij = tabel.rijen.find((x) => x.label === 'Participatieplaats')!;
      expect(celTekst(rij.waarden[0]!)).toBe(String(v.per.get('participatieplaats')!.gestart));
      expect(r.waarde.regel).toContain('1 tot en met 4');
    },
  );

  it('de rapportage wordt één keer opgeslagen, als PDF, HTML en JSON', { timeout: 120_000 }, async () => {
    const a = await maakVoortgangsrapportage(opslag.db, ctx, undefined, G, p);
    const b = await maakVoortgangsrapportage(opslag.db, ctx, undefined, G, p);
    if (!a.ok || !b.ok) throw new Error('niet gemaakt');
    expect(a.waarde.nieuw).toBe(true);
    expect(b.waarde.nieuw).toBe(false);
    expect(a.waarde.documenten.map((d) => d.formaat)).toEqual(['html', 'json', 'pdf']);
    const html = a.waarde.documenten.find((d) => d.formaat === 'html')!.inhoud.toString('utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('<table>');
  });
});

describe('onderdrukking van kleine aantallen', () => {
  it('verbergt 1 tot en met 4 en, als er maar één verborgen is, ook de kleinste andere cel', () => {
    expect(onderdrukKolom([0, 3, 12, 7, 40], 5)).toEqual([0, null, 12, null, 40]);
    expect(onderdrukKolom([1, 2, 9], 5)).toEqual([null, null, 9]);
    expect(onderdrukKolom([5, 0, 6], 5)).toEqual([5, 0, 6]);
  });
});
