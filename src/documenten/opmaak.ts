import type { Worker } from 'node:worker_threads';
import { startWerkerModule, werkerModule } from '../werkdraden/index.ts';
import type { Rapportage } from './voortgang-model.ts';

/**
 * A progress report's PDF and HTML, laid out on a worker thread. Laying out one report takes a
 * quarter to half a second of CPU, the first after a start three (pdfkit, the fonts and the chart
 * library load with it); on the server's own thread every request would wait that long. The jobs
 * that run at each start make every gemeente's report, so without this the first seconds after a
 * restart answered nothing.
 */

export interface NaarOpmaak {
  readonly id: number;
  readonly rapportage: Rapportage;
}

export type VanOpmaak =
  | { readonly id: number; readonly pdf: Uint8Array; readonly html: string }
  | { readonly id: number; readonly fout: string };

const MODULE = werkerModule('opmaak-werker', import.meta.url);

type Wachtend = { af: (r: { pdf: Buffer; html: string }) => void; mis: (e: Error) => void };

/** One worker for the process, started on first use; it keeps the process alive only while it has work. */
let werker: { readonly w: Worker; readonly wachtend: Map<number, Wachtend> } | undefined;
let volgende = 0;

function werkerVoorOpmaak() {
  if (werker) return werker;
  const w = startWerkerModule(MODULE);
  const wachtend = new Map<number, Wachtend>();
  const huidig = { w, wachtend };
  const stop = (e: Error) => {
    // The next report starts a new worker; what waited on this one is told why it failed.
    if (werker === huidig) werker = undefined;
    for (const p of wachtend.values()) p.mis(e);
    wachtend.clear();
  };
  w.on('message', (m: VanOpmaak) => {
    const p = wachtend.get(m.id);
    if (!p) return;
    wachtend.delete(m.id);
    if (wachtend.size === 0) w.unref();
    if ('fout' in m) p.mis(new Error(`opmaak van de voortgangsrapportage mislukt: ${m.fout}`));
    else p.af({ pdf: Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength), html: m.html });
  });
  w.once('error', stop);
  w.once('exit', (code) => stop(new Error(`de opmaakwerker stopte met code ${code}`)));
  w.unref();
  werker = huidig;
  return huidig;
}

export function maakOpmaak(rapportage: Rapportage): Promise<{ pdf: Buffer; html: string }> {
  const { w, wachtend } = werkerVoorOpmaak();
  const id = volgende++;
  return new Promise((af, mis) => {
    wachtend.set(id, { af, mis });
    w.ref();
    w.postMessage({ id, rapportage } satisfies NaarOpmaak);
  });
}
