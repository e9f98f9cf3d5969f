import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type PDFDocument from 'pdfkit';

/**
 * The PDF foundation of every document: A4, PDF/A-2b as pdfkit writes it (XMP metadata, sRGB output
 * intent), Source Sans 3 embedded as a subset (a free TTF shipped in an npm package, so nothing is
 * fetched at run time and every glyph is in the file), and a fixed creation date so the same input
 * gives the same bytes.
 */

const FONTMAP = join(dirname(createRequire(import.meta.url).resolve('source-sans/package.json')), 'TTF');
export const LETTERTYPE = {
  gewoon: join(FONTMAP, 'SourceSans3-Regular.ttf'),
  vet: join(FONTMAP, 'SourceSans3-Semibold.ttf'),
  cursief: join(FONTMAP, 'SourceSans3-It.ttf'),
} as const;

export type Pdf = InstanceType<typeof PDFDocument>;

/**
 * pdfkit (with its font engine) loads when the first document is made, not with the server's routes,
 * so a start answers sooner (issue 14).
 */
export async function nieuwePdf(opties: {
  titel: string;
  onderwerp: string;
  auteur: string;
  /** The document's own date (calendar date), used as creation date so output is reproducible. */
  datum: string;
  liggend?: boolean;
}): Promise<Pdf> {
  const { default: PdfDocument } = await import('pdfkit');
  const gemaakt = new Date(`${opties.datum}T12:00:00Z`);
  const doc = new PdfDocument({
    size: 'A4',
    layout: opties.liggend ? 'landscape' : 'portrait',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    subset: 'PDF/A-2b',
    pdfVersion: '1.7',
    tagged: true,
    lang: 'nl-NL',
    displayTitle: true,
    bufferPages: true,
    autoFirstPage: true,
    info: {
      Title: opties.titel,
      Subject: opties.onderwerp,
      Author: opties.auteur,
      Creator: 'reintegratie',
      Producer: 'reintegratie (pdfkit)',
      CreationDate: gemaakt,
      ModDate: gemaakt,
    },
  });
  doc.registerFont('gewoon', LETTERTYPE.gewoon);
  doc.registerFont('vet', LETTERTYPE.vet);
  doc.registerFont('cursief', LETTERTYPE.cursief);
  doc.font('gewoon');
  return doc;
}

/** Collects the PDF's bytes. */
export function pdfBytes(doc: Pdf): Promise<Buffer> {
  return new Promise((klaar, faal) => {
    const delen: Buffer[] = [];
    doc.on('data', (d: Buffer) => delen.push(d));
    doc.on('end', () => klaar(Buffer.concat(delen)));
    doc.on('error', faal);
    doc.end();
  });
}

/** Page numbers "pagina 1 van 2" at the foot of every page. */
export function paginanummers(doc: Pdf): void {
  const bereik = doc.bufferedPageRange();
  for (let i = bereik.start; i < bereik.start + bereik.count; i++) {
    doc.switchToPage(i);
    const onder = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('gewoon')
      .fontSize(8)
      .fillColor('#555555')
      .text(`pagina ${i + 1} van ${bereik.count}`, doc.page.margins.left, doc.page.height - 36, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins.bottom = onder;
  }
}
