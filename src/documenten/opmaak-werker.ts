import { parentPort } from 'node:worker_threads';
import { voortgangHtml } from './voortgang-html.ts';
import type { Rapportage } from './voortgang-model.ts';
import { voortgangPdf } from './voortgang-pdf.ts';
import type { NaarOpmaak, VanOpmaak } from './opmaak.ts';

/** The worker thread that lays out progress reports (opmaak.ts): PDF and HTML from the report's model. */
parentPort!.on('message', async ({ id, rapportage }: NaarOpmaak) => {
  let antwoord: VanOpmaak;
  try {
    const r: Rapportage = rapportage;
    const pdf = await voortgangPdf(r);
    // A copy of its own: pdfkit's buffer may be a slice of Node's shared pool.
    antwoord = { id, pdf: new Uint8Array(pdf), html: await voortgangHtml(r) };
  } catch (e) {
    antwoord = { id, fout: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(antwoord);
});
