import type { Db } from '../opslag/database.ts';
import { bedragBij, onderdrukKolom, onderdrukkingsregel } from './onderdrukking.ts';
import { periode } from './perioden.ts';
import { cijfersVoor } from './voortgang-cijfers.ts';

/** Counts and amounts per voorziening for one quarter, suppressed by the same rule as the report. */
export async function kwartaalExport(
  db: Db,
  gemeente: string,
  jaar: number,
  kwartaal: number,
  drempel: number,
  uitstroomNaarWerk: readonly string[],
) {
  const c = await cijfersVoor(db, gemeente, periode(jaar, kwartaal, 4), uitstroomNaarWerk);
  const v = c.voorzieningen;
  const kol = (k: 'gestart' | 'lopend' | 'beeindigd' | 'afgewezen' | 'premies') =>
    onderdrukKolom(
      v.map((x) => x[k]),
      drempel,
    );
  const [gestart, lopend, beeindigd, afgewezen, premies] = (
    ['gestart', 'lopend', 'beeindigd', 'afgewezen', 'premies'] as const
  ).map(kol);
  const rijen = v.map((x, i) => ({
    voorziening: x.voorziening,
    gestart: gestart![i]!,
    lopend: lopend![i]!,
    beeindigd: beeindigd![i]!,
    afgewezen: afgewezen![i]!,
    premies: premies![i]!,
    premiesCent: bedragBij(premies![i]!, x.premiesCent),
    toegekendJaarbedragCent: bedragBij(gestart![i]!, x.toegekendJaarbedragCent),
  }));
  return {
    gemeente,
    jaar,
    kwartaal,
    van: c.periode.van,
    tot: c.periode.tot,
    drempel,
    regel: onderdrukkingsregel(drempel),
    rijen,
  };
}

export type KwartaalExport = Awaited<ReturnType<typeof kwartaalExport>>;

const csvVeld = (w: unknown) => {
  const t = w === null ? 'x' : String(w);
  return /[;"\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t;
};

/** CSV with ';' as separator (as Dutch spreadsheets read it); 'x' marks a suppressed cell. */
export function exportCsv(e: KwartaalExport): string {
  const kop = [
    'voorziening',
    'gestart',
    'lopend',
    'beeindigd',
    'afgewezen',
    'premies',
    'premies_cent',
    'toegekend_jaarbedrag_cent',
  ];
  const regels = e.rijen.map((r) =>
    [
      r.voorziening,
      r.gestart,
      r.lopend,
      r.beeindigd,
      r.afgewezen,
      r.premies,
      r.premiesCent,
      r.toegekendJaarbedragCent,
    ]
      .map(csvVeld)
      .join(';'),
  );
  return `${kop.join(';')}\n${regels.join('\n')}\n`;
}
