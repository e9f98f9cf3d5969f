import type { Tabel } from './voortgang-model.ts';

/**
 * A table's chart as SVG, rendered on the server by Apache ECharts (no browser, no canvas). It draws
 * the values the table shows, so a suppressed cell is a missing bar, never a bar of its true height.
 * ECharts loads with the first chart, not with the server's routes (issue 14).
 */
export async function grafiekSvg(t: Tabel, breedte = 420, hoogte = 260): Promise<string | undefined> {
  if (!t.grafiek) return undefined;
  const echarts = await import('echarts');
  const rijen = t.rijen.filter((r) => !r.totaal);
  const bedragen = t.grafiek.series.some((s) => rijen.some((r) => r.waarden[s.kolom]?.soort === 'bedrag'));
  // Dutch grouping, and few ticks for euros: at 60 dpi the PDF's labels ran into each other.
  const getal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
  const chart = echarts.init(null as unknown as Parameters<typeof echarts.init>[0], null, {
    renderer: 'svg',
    ssr: true,
    width: breedte,
    height: hoogte,
  });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Source Sans 3' },
    title: { text: t.grafiek.titel, textStyle: { fontSize: 13, fontWeight: 600 }, left: 0 },
    legend: { bottom: 0, left: 0, textStyle: { fontSize: 10 } },
    grid: { left: 120, right: 24, top: 38, bottom: bedragen ? 56 : 44 },
    xAxis: {
      type: 'value',
      // Counts are whole people: no tick at 0.2 of a person.
      minInterval: bedragen ? 0 : 1,
      splitNumber: bedragen ? 3 : 5,
      // Euros in thousands, named on the axis as Dutch financial tables do: "€ 30.000" three times ran together.
      ...(bedragen
        ? { name: '× € 1.000', nameLocation: 'middle', nameGap: 18, nameTextStyle: { fontSize: 9 } }
        : {}),
      axisLabel: {
        fontSize: 9,
        formatter: (v: number) => getal.format(bedragen ? v / 1000 : v),
      },
    },
    yAxis: { type: 'category', data: rijen.map((r) => r.label), inverse: true, axisLabel: { fontSize: 9 } },
    color: ['#01689b', '#a0c4d8'],
    series: t.grafiek.series.map((s) => ({
      type: 'bar',
      name: s.naam,
      data: rijen.map((r) => {
        const w = r.waarden[s.kolom];
        return w && w.soort !== 'tekst' && w.cel !== null
          ? w.soort === 'bedrag'
            ? w.cel / 100
            : w.cel
          : null;
      }),
    })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
