import * as echarts from 'echarts';
import type { Tabel } from './voortgang-model.ts';

/**
 * A table's chart as SVG, rendered on the server by Apache ECharts (no browser, no canvas). It draws
 * the values the table shows, so a suppressed cell is a missing bar, never a bar of its true height.
 */
export function grafiekSvg(t: Tabel, breedte = 420, hoogte = 260): string | undefined {
  if (!t.grafiek) return undefined;
  const rijen = t.rijen.filter((r) => !r.totaal);
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
    grid: { left: 120, right: 16, top: 30, bottom: 44 },
    xAxis: { type: 'value', axisLabel: { fontSize: 9 } },
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
