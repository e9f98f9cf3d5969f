import { datumTekst, opsomming as opsommingTekst } from '../taal/index.ts';
import type { BriefInhoud } from './brief-inhoud.ts';
import { nieuwePdf, paginanummers, type Pdf, pdfBytes } from './pdf.ts';

const BREEDTE = 595.28 - 64 * 2;

function kop(doc: Pdf, tekst: string) {
  doc.moveDown(0.8).font('vet').fontSize(11.5).fillColor('#1a1a1a').text(tekst, { width: BREEDTE });
  doc.moveDown(0.2).font('gewoon').fontSize(10.5);
}

function alinea(doc: Pdf, tekst: string) {
  doc.font('gewoon').fontSize(10.5).fillColor('#1a1a1a').text(tekst, { width: BREEDTE, lineGap: 1.5 });
  doc.moveDown(0.3);
}

function opsomming(doc: Pdf, zinnen: readonly string[]) {
  for (const z of zinnen) {
    const y = doc.y;
    doc.font('gewoon').fontSize(10.5).text('•', 64, y, { width: 10, lineBreak: false });
    doc.text(z, 78, y, { width: BREEDTE - 14, lineGap: 1.5 });
    doc.moveDown(0.25);
  }
  doc.x = 64;
}

/** The letter as PDF/A-2b with Source Sans 3 embedded. */
export async function briefPdf(b: BriefInhoud): Promise<Buffer> {
  const doc = await nieuwePdf({
    titel: b.onderwerp,
    onderwerp: `${b.onderwerp} (kenmerk ${b.kenmerk})`,
    auteur: b.afzender.naam,
    datum: b.datum,
  });
  const a = b.afzender;
  const rechts = 595.28 - 64 - 190;
  doc.font('vet').fontSize(13).text(a.naam, rechts, 56, { width: 190, align: 'right' });
  doc.font('gewoon').fontSize(8.5).fillColor('#444444');
  for (const r of [
    ...a.postadres,
    ...(a.bezoekadres && a.bezoekadres.length > 0 ? [`Bezoekadres: ${a.bezoekadres.join(', ')}`] : []),
    `Telefoon ${a.telefoon}`,
    a.website,
    ...(a.uitvoering ? [`Uitgevoerd door ${a.uitvoering}`] : []),
  ])
    doc.text(r, rechts, undefined, { width: 190, align: 'right' });
  doc.fillColor('#1a1a1a').font('gewoon').fontSize(10.5).text(b.geadresseerde.naam, 64, 150, { width: 250 });

  let y = 215;
  for (const [label, waarde] of [
    ['Datum', datumTekst(b.datum)],
    ['Kenmerk', b.kenmerk],
    ['Onderwerp', b.onderwerp],
  ] as const) {
    doc.font('vet').fontSize(9.5).text(label, 64, y, { width: 80 });
    doc
      .font('gewoon')
      .fontSize(9.5)
      .text(waarde, 150, y, { width: BREEDTE - 86 });
    y = doc.y + 3;
  }
  doc.x = 64;
  doc.y = y + 18;
  alinea(doc, b.aanhef);
  kop(doc, 'Ons besluit');
  for (const z of b.besluit) alinea(doc, z);
  kop(doc, 'Waarom');
  const [eerste, ...rest] = b.motivering;
  if (eerste) alinea(doc, eerste);
  opsomming(doc, rest);
  if (b.bedragen.length > 0) {
    kop(doc, 'Bedragen');
    opsomming(
      doc,
      b.bedragen.map((r) =>
        r.momenten.length > 0 ? `${r.regel} Wij betalen op: ${opsommingTekst(r.momenten)}.` : r.regel,
      ),
    );
  }
  if (b.data.length > 0) {
    kop(doc, 'Belangrijke data');
    opsomming(doc, b.data);
  }
  if (b.verplichtingen.length > 0) {
    kop(doc, 'Wat wij van u verwachten');
    opsomming(doc, b.verplichtingen);
  }
  if (b.stopgronden) {
    if (b.verplichtingen.length === 0) kop(doc, 'Wat wij van u verwachten');
    alinea(doc, b.stopgronden.inleiding);
    opsomming(doc, b.stopgronden.gronden);
  }
  kop(doc, 'Op welke regels dit besluit berust');
  opsomming(
    doc,
    b.grondslag.map((g) => `${g.citeertitel}: ${[...g.artikelen, ...g.vermeldingen].join(', ')}`),
  );
  if (b.rechtsmiddel) {
    kop(doc, b.rechtsmiddel.kop);
    for (const z of b.rechtsmiddel.zinnen) alinea(doc, z);
  }
  doc.moveDown(0.6);
  for (const z of b.slot) alinea(doc, z);
  paginanummers(doc);
  return pdfBytes(doc);
}
