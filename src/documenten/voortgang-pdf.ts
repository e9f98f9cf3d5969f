import { grafiekSvg } from './grafieken.ts';
import { nieuwePdf, paginanummers, type Pdf, pdfBytes } from './pdf.ts';
import { celTekst, type Rapportage, type Tabel } from './voortgang-model.ts';

const L = 40;

function tabel(doc: Pdf, t: Tabel, x: number, y: number, breedte: number): number {
  const labelBreedte = Math.min(150, breedte * 0.3);
  const kol = (breedte - labelBreedte) / t.kolommen.length;
  // Headers wrap between words, never inside one ("beëindi-gd" was what the first render showed):
  // the size is chosen so that the longest word of any header fits its column.
  doc.font('vet').fontSize(7);
  const langste = Math.max(...t.kolommen.flatMap((k) => k.split(/\s+/).map((w) => doc.widthOfString(w))));
  doc.fontSize(Math.max(5, Math.min(7, (7 * (kol - 5)) / langste)));
  let hoogte = 0;
  t.kolommen.forEach((k, i) => {
    doc.text(k, x + labelBreedte + i * kol, y, { width: kol - 4, align: 'right' });
    hoogte = Math.max(hoogte, doc.heightOfString(k, { width: kol - 4 }));
  });
  let rij = y + hoogte + 4;
  doc
    .moveTo(x, rij - 2)
    .lineTo(x + breedte, rij - 2)
    .lineWidth(0.5)
    .strokeColor('#888888')
    .stroke();
  for (const r of t.rijen) {
    doc
      .font(r.totaal ? 'vet' : 'gewoon')
      .fontSize(t.rijen.some((x) => x.waarden.some((w) => w.soort === 'bedrag')) ? 6.5 : 8);
    const h = Math.max(11, doc.heightOfString(r.label, { width: labelBreedte - 4 }) + 2);
    if (r.totaal)
      doc
        .moveTo(x, rij - 1)
        .lineTo(x + breedte, rij - 1)
        .lineWidth(1)
        .strokeColor('#333333')
        .stroke();
    doc.text(r.label, x, rij, { width: labelBreedte - 4 });
    r.waarden.forEach((w, i) =>
      doc.text(celTekst(w), x + labelBreedte + i * kol, rij, {
        width: kol - 2,
        align: 'right',
        lineBreak: false,
      }),
    );
    rij += h;
  }
  return rij;
}

/** The report as PDF/A-2b, A4 landscape: each chart on the left, its table beside it on the right. */
export async function voortgangPdf(r: Rapportage): Promise<Buffer> {
  // Loads with the first report, as pdfkit does (pdf.ts).
  const { default: SVGtoPDF } = await import('svg-to-pdfkit');
  const doc = await nieuwePdf({
    titel: r.titel,
    onderwerp: r.titel,
    auteur: r.gemeente,
    datum: r.tot,
    liggend: true,
  });
  const breedte = doc.page.width - 2 * L;
  doc.page.margins.left = L;
  doc.font('vet').fontSize(16).text(r.titel, L, 40, { width: breedte });
  doc.moveDown(0.4).font('gewoon').fontSize(9.5);
  for (const z of r.inleiding) doc.text(z, { width: breedte }).moveDown(0.2);
  doc
    .moveDown(0.3)
    .font('vet')
    .text('Kleine aantallen. ', { continued: true })
    .font('gewoon')
    .text(r.regel, { width: breedte });
  let y = doc.y + 14;
  for (const t of r.tabellen) {
    // A wide table of amounts gets the room; its chart goes smaller beside it.
    const smal = t.rijen.some((r) => r.waarden.some((w) => w.soort === 'bedrag'));
    const gb = smal ? 250 : 330;
    const svg = await grafiekSvg(t, gb, 220);
    const ruimte = svg ? 230 : 24 + t.rijen.length * 12;
    if (y + Math.max(ruimte, 40 + t.rijen.length * 12) > doc.page.height - 50) {
      doc.addPage({ size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 50, left: L, right: L } });
      y = 40;
    }
    doc.font('vet').fontSize(11.5).fillColor('#1a1a1a').text(t.titel, L, y, { width: breedte });
    y = doc.y + 6;
    let onder = y;
    let x = L;
    if (svg) {
      SVGtoPDF(doc, svg, L, y, {
        width: gb,
        height: 220,
        fontCallback: (_f: string, vet: boolean) => (vet ? 'vet' : 'gewoon'),
      });
      onder = y + 220;
      x = L + gb + 16;
    }
    onder = Math.max(onder, tabel(doc, t, x, y, L + breedte - x));
    y = onder + 18;
  }
  paginanummers(doc);
  return pdfBytes(doc);
}
