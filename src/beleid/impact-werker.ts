import { parentPort, workerData } from 'node:worker_threads';
import { maakEngine } from '../engine/index.ts';
import { laadBibliotheek } from '../regelgeving/index.ts';
import { telBlokken, type Werkopdracht } from './gegenereerd.ts';
import { zetImpactOp } from './opzet.ts';

// A worker thread of a generated impact run: the same set-up as the main thread, then blocks of cases.
const opdracht = workerData as Werkopdracht;
const bibliotheek = laadBibliotheek(opdracht.wortel);
if (!bibliotheek.ok) parentPort!.postMessage({ fout: 'regelgeving laadt niet in de impact-werker' });
else {
  const opgezet = zetImpactOp(maakEngine(bibliotheek.waarde), opdracht.vraag);
  if (!opgezet.ok) parentPort!.postMessage({ fout: opgezet.fouten.join('\n') });
  else parentPort!.postMessage({ stand: telBlokken(opgezet.opzet, opdracht) });
}
