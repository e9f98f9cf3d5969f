import { esc, htmlPagina } from './html.ts';
import { nieuwePdf, paginanummers, type Pdf, pdfBytes } from './pdf.ts';

/**
 * A plain document as a list of blocks (headings, paragraphs, lists, tables), rendered once as HTML
 * and once as PDF/A, so the two always hold the same text. Used by the reply letter to an advisory
 * body and by the raadsvoorstel, which are long structured texts rather than a beschikking's form.
 */
export type Blok =
  | { readonly soort: 'kop'; readonly tekst: string; readonly niveau: 1 | 2 | 3 }
  | { readonly soort: 'alinea'; readonly tekst: string; readonly nadruk?: 'vet' | 'cursief' }
  | { readonly soort: 'opsomming'; readonly items: readonly string[]; readonly genummerd?: boolean }
  | {
      readonly soort: 'tabel';
      readonly kolommen: readonly {
        readonly kop: string;
        readonly getal?: boolean;
        readonly breedte: number;
      }[];
      readonly rijen: readonly (readonly string[])[];
    }
  | { readonly soort: 'paginaeinde' };

export interface BlokDocument {
  readonly titel: string;
  readonly onderwerp: string;
  readonly auteur: string;
  /** The document's date (calendar date): creation date of the PDF, so the same input gives the same bytes. */
  readonly datum: string;
  /** Lines at the top right (sender). */
  readonly afzender: readonly string[];
  readonly blokken: readonly Blok[];
}

const CSS = `
.afzender { float: right; text-align: right; font-size: .9rem; color: #444; }
main { clear: both; padding-top: 1rem; }
table { margin: .5rem 0 1rem; }
.cursief { font-style: italic; } .vet { font-weight: 600; }
`;

/** The document as an HTML page. */
export function blokkenHtml(d: BlokDocument): string {
  const delen = d.blokken.map((b) => {
    switch (b.soort) {
      case 'kop':
        return `<h${b.niveau}>${esc(b.tekst)}</h${b.niveau}>`;
      case 'alinea':
        return `<p${b.nadruk ? ` class="${b.nadruk}"` : ''}>${esc(b.tekst)}</p>`;
      case 'opsomming': {
        const tag = b.genummerd ? 'ol' : 'ul';
        return `<${tag}>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</${tag}>`;
      }
      case 'tabel':
        return `<table><thead><tr>${b.kolommen.map((k) => `<th scope="col"${k.getal ? ' class="getal"' : ''}>${esc(k.kop)}</th>`).join('')}</tr></thead><tbody>${b.rijen
          .map(
            (r) =>
              `<tr>${r.map((c, i) => `<td${b.kolommen[i]?.getal ? ' class="getal"' : ''}>${esc(c)}</td>`).join('')}</tr>`,
          )
          .join('')}</tbody></table>`;
      case 'paginaeinde':
        return '<hr>';
    }
  });
  const body = `<header><div class="afzender">${d.afzender.map(esc).join('<br>')}</div></header>
<main>
${delen.join('\n')}
</main>`;
  return htmlPagina(d.titel, CSS, body);
}

const LINKS = 64;
const BREEDTE = 595.28 - 64 * 2;

function tabel(doc: Pdf, b: Extract<Blok, { soort: 'tabel' }>) {
  const totaal = b.kolommen.reduce((s, k) => s + k.breedte, 0);
  const breedtes = b.kolommen.map((k) => (k.breedte / totaal) * BREEDTE);
  const rij = (cellen: readonly string[], vet: boolean) => {
    doc.font(vet ? 'vet' : 'gewoon').fontSize(9);
    const hoogte = Math.max(...cellen.map((c, i) => doc.heightOfString(c, { width: breedtes[i]! - 6 })));
    if (doc.y + hoogte + 6 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = LINKS;
    cellen.forEach((c, i) => {
      doc.text(c, x + 3, y + 2, {
        width: breedtes[i]! - 6,
        align: b.kolommen[i]?.getal ? 'right' : 'left',
      });
      x += breedtes[i]!;
    });
    doc
      .moveTo(LINKS, y + hoogte + 4)
      .lineTo(LINKS + BREEDTE, y + hoogte + 4)
      .lineWidth(0.5)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.x = LINKS;
    doc.y = y + hoogte + 6;
  };
  rij(
    b.kolommen.map((k) => k.kop),
    true,
  );
  for (const r of b.rijen) rij(r, false);
  doc.moveDown(0.5);
}

/** The document as PDF/A-2b (see pdf.ts), page numbers at the foot. */
export async function blokkenPdf(d: BlokDocument): Promise<Buffer> {
  const doc = await nieuwePdf({ titel: d.titel, onderwerp: d.onderwerp, auteur: d.auteur, datum: d.datum });
  const rechts = 595.28 - 64 - 220;
  doc.font('gewoon').fontSize(9).fillColor('#444444');
  d.afzender.forEach((r, i) =>
    doc
      .font(i === 0 ? 'vet' : 'gewoon')
      .text(r, rechts, i === 0 ? 56 : undefined, { width: 220, align: 'right' }),
  );
  doc.fillColor('#1a1a1a');
  doc.x = LINKS;
  doc.y = Math.max(doc.y + 24, 130);
  for (const b of d.blokken) {
    switch (b.soort) {
      case 'kop': {
        const grootte = b.niveau === 1 ? 16 : b.niveau === 2 ? 12.5 : 11;
        if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
        doc
          .moveDown(b.niveau === 1 ? 0.4 : 0.7)
          .font('vet')
          .fontSize(grootte)
          .text(b.tekst, LINKS, undefined, { width: BREEDTE });
        doc.moveDown(0.25);
        break;
      }
      case 'alinea':
        doc
          .font(b.nadruk ?? 'gewoon')
          .fontSize(10.5)
          .text(b.tekst, LINKS, undefined, { width: BREEDTE, lineGap: 1.5 });
        doc.moveDown(0.35);
        break;
      case 'opsomming':
        b.items.forEach((tekst, i) => {
          const teken = b.genummerd ? `${i + 1}.` : '•';
          doc.font('gewoon').fontSize(10.5);
          if (doc.y + 14 > doc.page.height - doc.page.margins.bottom) doc.addPage();
          const y = doc.y;
          doc.text(teken, LINKS, y, { width: 16, lineBreak: false });
          doc.text(tekst, LINKS + 18, y, { width: BREEDTE - 18, lineGap: 1.5 });
          doc.moveDown(0.2);
        });
        doc.x = LINKS;
        doc.moveDown(0.2);
        break;
      case 'tabel':
        tabel(doc, b);
        break;
      case 'paginaeinde':
        doc.addPage();
        break;
    }
  }
  paginanummers(doc);
  return pdfBytes(doc);
}
