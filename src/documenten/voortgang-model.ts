import { bedragTekst, datumTekst } from '../taal/index.ts';
import type { DocumentConfiguratie } from './configuratie.ts';
import { bedragBij, type Cel, onderdrukKolom, onderdrukkingsregel } from './onderdrukking.ts';
import { periodeNaam } from './perioden.ts';
import type { Cijfers } from './voortgang-cijfers.ts';

/**
 * The progress report as tables of shown values: every count already suppressed, every figure beside
 * the previous period's. Renderers (HTML, PDF, JSON) only lay this out; none of them sees a raw count.
 */

export type Waarde =
  | { readonly soort: 'aantal'; readonly cel: Cel }
  | { readonly soort: 'bedrag'; readonly cel: Cel }
  | { readonly soort: 'tekst'; readonly tekst: string };

export interface Tabel {
  readonly titel: string;
  readonly kolommen: readonly string[];
  readonly rijen: readonly {
    readonly label: string;
    readonly waarden: readonly Waarde[];
    readonly totaal?: boolean;
  }[];
  /** A bar chart beside the table: series over the rows. */
  readonly grafiek?: { readonly titel: string; readonly series: readonly { naam: string; kolom: number }[] };
}

export interface Rapportage {
  readonly titel: string;
  readonly gemeente: string;
  readonly periode: string;
  readonly vorigePeriode: string;
  readonly van: string;
  readonly tot: string;
  readonly inleiding: readonly string[];
  readonly tabellen: readonly Tabel[];
  readonly regel: string;
  readonly drempel: number;
}

const aantal = (cel: Cel): Waarde => ({ soort: 'aantal', cel });
const bedrag = (cel: Cel): Waarde => ({ soort: 'bedrag', cel });

export const celTekst = (w: Waarde) =>
  w.soort === 'tekst'
    ? w.tekst
    : w.cel === null
      ? 'x'
      : w.soort === 'bedrag'
        ? bedragTekst(w.cel)
        : String(w.cel);

/** Suppresses a table's count columns: rows first, the total row (if any) last and never used as a hiding place. */
function kolom(waarden: readonly number[], drempel: number, metTotaal: boolean): Cel[] {
  if (!metTotaal) return onderdrukKolom(waarden, drempel);
  const rijen = onderdrukKolom(waarden.slice(0, -1), drempel);
  const t = waarden.at(-1)!;
  return [...rijen, t > 0 && t < drempel ? null : t];
}

const VOORZIENING_TITEL = (v: string) => v.replaceAll('-', ' ').replace(/^./, (c) => c.toUpperCase());

export function rapportage(
  nu: Cijfers,
  vorig: Cijfers,
  config: DocumentConfiguratie,
  gemeenteNaam: string,
): Rapportage {
  const d = config.voortgangsrapportage.drempel;
  const namen = [...new Set([...nu.voorzieningen, ...vorig.voorzieningen].map((v) => v.voorziening))].sort();
  const van = (c: Cijfers, v: string) => c.voorzieningen.find((x) => x.voorziening === v);
  const kolommen = <K extends keyof Cijfers['totaal']>(k: K) =>
    [nu, vorig].map((c) =>
      kolom(
        [...namen.map((v) => Number(van(c, v)?.[k as never] ?? 0)), Number(c.totaal[k] as number)],
        d,
        true,
      ),
    );

  // Table 1: trajectories per voorziening, this period beside the previous one.
  const maten = ['gestart', 'lopend', 'beeindigd', 'uitstroomNaarWerk', 'afgewezen'] as const;
  const cellen = maten.map((m) => kolommen(m));
  const rijLabels = [...namen.map(VOORZIENING_TITEL), 'Totaal (personen tellen één keer)'];
  const voorzieningen: Tabel = {
    titel: 'Voorzieningen: gestart, lopend en beëindigd',
    kolommen: maten.flatMap((m) => {
      const l = {
        gestart: 'gestart',
        lopend: 'lopend aan het eind',
        beeindigd: 'beëindigd',
        uitstroomNaarWerk: 'naar werk',
        afgewezen: 'afgewezen',
      }[m];
      return [`${l}`, `${l} (vorige)`];
    }),
    rijen: rijLabels.map((label, i) => ({
      label,
      totaal: i === rijLabels.length - 1,
      waarden: cellen.flatMap(([a, b]) => [aantal(a![i]!), aantal(b![i]!)]),
    })),
    grafiek: {
      titel: 'Lopend aan het eind van de periode',
      series: [
        { naam: periodeNaam(nu.periode), kolom: 2 },
        { naam: periodeNaam(vorig.periode), kolom: 3 },
      ],
    },
  };
  // For the total row the persons, not the voorzieningen: a person with two voorzieningen is one person.
  const personen = [nu, vorig].map((c) => [c.totaal.personenGestart, c.totaal.personenLopend]);
  const totaalRij = voorzieningen.rijen.at(-1)!;
  const tw = [...totaalRij.waarden];
  for (const [j, [g, l]] of personen.entries()) {
    tw[j] = aantal(g! > 0 && g! < d ? null : g!);
    tw[2 + j] = aantal(l! > 0 && l! < d ? null : l!);
  }
  const tabel1: Tabel = {
    ...voorzieningen,
    rijen: [...voorzieningen.rijen.slice(0, -1), { ...totaalRij, waarden: tw }],
  };

  // Table 2: end grounds.
  const redenen = [
    ...new Set([...Object.keys(nu.totaal.eindgronden), ...Object.keys(vorig.totaal.eindgronden)]),
  ].sort();
  const [g1, g2] = [nu, vorig].map((c) =>
    kolom(
      redenen.map((r) => c.totaal.eindgronden[r] ?? 0),
      d,
      false,
    ),
  );
  const grondTekst = (r: string) =>
    r === 'einde-looptijd'
      ? 'Einde van de afgesproken looptijd'
      : `Grond ${r}${config.voortgangsrapportage.uitstroomNaarWerk.includes(r) ? ' (werk)' : ''}`;
  const tabel2: Tabel = {
    titel: 'Waarom voorzieningen eindigden',
    kolommen: ['aantal', 'aantal (vorige)'],
    rijen: redenen.map((r, i) => ({ label: grondTekst(r), waarden: [aantal(g1![i]!), aantal(g2![i]!)] })),
  };

  // Table 3: money. Amounts follow the count they belong to.
  const [p1, p2] = kolommen('premies');
  const [s1] = kolommen('gestart');
  const deeln = kolom(
    [
      ...namen.map((v) => van(nu, v)?.budget.deelnemers ?? 0),
      nu.voorzieningen.reduce((s, v) => s + v.budget.deelnemers, 0),
    ],
    d,
    true,
  );
  const tabel3: Tabel = {
    titel: `Geld: premies, toegekende bedragen en budget ${nu.periode.jaar}`,
    kolommen: [
      'premies',
      'premies (bedrag)',
      'premies (vorige)',
      'toegekend per jaar bij gestart',
      'budgetplafond',
      'besteed t/m einde periode',
      'deelnemers',
      'deelnemersplafond',
    ],
    rijen: [...namen, null].map((v, i) => {
      const c = v === null ? undefined : van(nu, v);
      const plafond =
        v === null
          ? nu.voorzieningen.reduce((s, x) => s + (x.budget.plafondCent ?? 0), 0)
          : (c?.budget.plafondCent ?? null);
      const besteed =
        v === null
          ? nu.voorzieningen.reduce((s, x) => s + x.budget.besteedCent, 0)
          : (c?.budget.besteedCent ?? 0);
      const premieCent = v === null ? nu.totaal.premiesCent : (c?.premiesCent ?? 0);
      const jaarbedrag = v === null ? nu.totaal.toegekendJaarbedragCent : (c?.toegekendJaarbedragCent ?? 0);
      const dp = v === null ? null : (c?.budget.deelnemersplafond ?? null);
      return {
        label: v === null ? 'Totaal' : VOORZIENING_TITEL(v),
        totaal: v === null,
        waarden: [
          aantal(p1![i]!),
          bedrag(bedragBij(p1![i]!, premieCent)),
          aantal(p2![i]!),
          bedrag(bedragBij(s1![i]!, jaarbedrag)),
          plafond === null ? { soort: 'tekst', tekst: '–' } : bedrag(plafond),
          bedrag(bedragBij(deeln[i]!, besteed)),
          aantal(deeln[i]!),
          dp === null ? { soort: 'tekst', tekst: '–' } : aantal(dp),
        ],
      };
    }),
    grafiek: {
      titel: 'Budget: besteed tegen plafond',
      series: [
        { naam: 'besteed', kolom: 5 },
        { naam: 'plafond', kolom: 4 },
      ],
    },
  };

  const bw = (c: Cijfers) =>
    [c.beschutWerk.bezet, c.beschutWerk.wachtlijst].map((x) => (x > 0 && x < d ? null : x));
  const [b1, b2] = [bw(nu), bw(vorig)];
  const tabel4: Tabel = {
    titel: 'Beschut werk (art. 10b Participatiewet)',
    kolommen: ['deze periode', 'vorige periode'],
    rijen: [
      {
        label: 'Geplande plaatsen',
        waarden: [nu, vorig].map((c): Waarde =>
          c.beschutWerk.plaatsen === null
            ? { soort: 'tekst', tekst: 'niet vastgesteld' }
            : aantal(c.beschutWerk.plaatsen),
        ),
      },
      { label: 'Bezet aan het eind', waarden: [aantal(b1![0]!), aantal(b2![0]!)] },
      { label: 'Op de wachtlijst aan het eind', waarden: [aantal(b1![1]!), aantal(b2![1]!)] },
    ],
  };

  const uitkomsten = ['gegrond', 'ongegrond', 'niet-ontvankelijk', 'ingetrokken'];
  const bz = (c: Cijfers) =>
    kolom(
      [c.bezwaren.ontvangen, ...uitkomsten.map((u) => c.bezwaren.beslist[u] ?? 0), c.bezwaren.openAanHetEind],
      d,
      false,
    );
  const [z1, z2] = [bz(nu), bz(vorig)];
  const tabel5: Tabel = {
    titel: 'Bezwaren',
    kolommen: ['deze periode', 'vorige periode'],
    rijen: ['Ontvangen', ...uitkomsten.map((u) => `Beslist: ${u}`), 'Nog open aan het eind'].map(
      (label, i) => ({
        label,
        waarden: [aantal(z1[i]!), aantal(z2[i]!)],
      }),
    ),
  };

  const grondslag = config.voortgangsrapportage.grondslag;
  return {
    titel: `Voortgangsrapportage re-integratie ${gemeenteNaam}, ${periodeNaam(nu.periode)}`,
    gemeente: gemeenteNaam,
    periode: periodeNaam(nu.periode),
    vorigePeriode: periodeNaam(vorig.periode),
    van: nu.periode.van,
    tot: nu.periode.tot,
    inleiding: [
      `Deze rapportage gaat over ${datumTekst(nu.periode.van)} tot en met ${datumTekst(nu.periode.tot)}. Elk cijfer staat naast dat van de vorige periode (${datumTekst(vorig.periode.van)} tot en met ${datumTekst(vorig.periode.tot)}).`,
      grondslag
        ? `Het college biedt haar aan de raad en de cliëntenraad aan (artikel ${grondslag.artikel} van de verordening: "${grondslag.tekst}").`
        : 'De raad en de cliëntenraad krijgen deze rapportage; de verordening van deze gemeente legt geen aantal per jaar vast.',
      'De cijfers komen rechtstreeks uit de registratie van beschikkingen, termijnen, budgetten, beschut werk en bezwaren. Er staan geen persoonsgegevens in.',
    ],
    tabellen: [tabel1, tabel2, tabel3, tabel4, tabel5],
    regel: onderdrukkingsregel(d),
    drempel: d,
  };
}
