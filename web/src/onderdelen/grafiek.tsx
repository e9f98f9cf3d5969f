import {
  Button,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours of the series, told apart by the legend and the table too, never by colour alone. */
const KLEUREN = ['#01689b', '#e17000', '#39870c', '#8fcae7', '#ca005d', '#94710a'];

export interface Reeks {
  readonly naam: string;
  readonly waarden: readonly number[];
}

/**
 * A bar chart drawn by chart.js, always with the table behind it and a CSV download of that table:
 * the picture is for a quick look, the table for reading and for assistive technology.
 */
export function Grafiek({
  id,
  titel,
  labels,
  reeksen,
  eenheid,
  opmaak,
  gestapeld = false,
  bestandsnaam,
}: {
  id: string;
  titel: string;
  labels: readonly string[];
  reeksen: readonly Reeks[];
  /** What the numbers are, for the axis and the CSV header ("euro", "aantal"). */
  eenheid: string;
  opmaak: (n: number) => string;
  gestapeld?: boolean;
  bestandsnaam: string;
}) {
  const doek = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!doek.current) return;
    const grafiek = new Chart(doek.current, {
      type: 'bar',
      data: {
        labels: [...labels],
        datasets: reeksen.map((r, i) => ({
          label: r.naam,
          data: [...r.waarden],
          backgroundColor: KLEUREN[i % KLEUREN.length],
          borderColor: '#000',
          borderWidth: 1,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        locale: 'nl-NL',
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${opmaak(Number(c.raw))}` } },
        },
        scales: {
          x: { stacked: gestapeld },
          y: {
            stacked: gestapeld,
            beginAtZero: true,
            // Counts are whole people: no ticks at 0,2 of a participant.
            ticks: { callback: (v) => opmaak(Number(v)), ...(eenheid === 'aantal' ? { precision: 0 } : {}) },
            title: { display: true, text: eenheid },
          },
        },
      },
    });
    return () => grafiek.destroy();
  }, [labels, reeksen, eenheid, opmaak, gestapeld]);

  function downloadCsv() {
    const cel = (t: string) => (/[;"\n]/.test(t) ? `"${t.replaceAll('"', '""')}"` : t);
    const regels = [
      ['', ...reeksen.map((r) => `${r.naam} (${eenheid})`)].map(cel).join(';'),
      ...labels.map((l, i) =>
        [l, ...reeksen.map((r) => csvGetal(r.waarden[i] ?? 0, eenheid))].map(cel).join(';'),
      ),
    ];
    // A BOM so spreadsheet programs read the file as UTF-8; ';' as Dutch spreadsheets expect.
    const blob = new Blob(['\ufeff' + regels.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = bestandsnaam;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  return (
    <figure className="grafiek" aria-labelledby={`${id}-titel`}>
      <figcaption id={`${id}-titel`} className="grafiek__titel">
        {titel}
      </figcaption>
      <div className="grafiek__doek">
        <canvas ref={doek} role="img" aria-label={`${titel}. De cijfers staan in de tabel hieronder.`} />
      </div>
      <Table className="tabel" id={`${id}-tabel`}>
        <TableCaption className="verborgen">{titel}: de cijfers</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">
              <span className="verborgen">Onderdeel</span>
            </TableHeaderCell>
            {reeksen.map((r) => (
              <TableHeaderCell key={r.naam} scope="col" className="getal">
                {r.naam}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {labels.map((l, i) => (
            <TableRow key={l}>
              <TableHeaderCell scope="row">{l}</TableHeaderCell>
              {reeksen.map((r) => (
                <TableCell key={r.naam} className="getal">
                  {opmaak(r.waarden[i] ?? 0)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Button appearance="secondary-action-button" onClick={downloadCsv}>
        Download als CSV<span className="verborgen">: {titel}</span>
      </Button>
    </figure>
  );
}

/** Amounts in the CSV in euros with a decimal comma, counts as they are. */
const csvGetal = (n: number, eenheid: string) =>
  eenheid === 'euro' ? n.toFixed(2).replace('.', ',') : String(n);
