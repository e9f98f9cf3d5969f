import { parentPort, workerData } from 'node:worker_threads';
import { maakEngine } from '../engine/index.ts';
import { laadBibliotheek } from '../regelgeving/index.ts';
import { telBlokken } from './gegenereerd.ts';
import { maakImpactteller } from './impact.ts';
import { verwerkStuk } from './ndjson-casussen.ts';
import { type ImpactOpzet, zetImpactOp } from './opzet.ts';
import type { NaarWerker, WerkerBericht, Werkopdracht } from './werkers.ts';

// A worker thread of an impact run: the same set-up as the main thread, then blocks of generated
// cases from the shared counter, or chunks of NDJSON lines as the main thread sends them.
const opdracht = workerData as Werkopdracht;
const poort = parentPort!;
const stuur = (b: WerkerBericht) => poort.postMessage(b);

function zetOp(): ImpactOpzet | string {
  const bibliotheek = laadBibliotheek(opdracht.wortel);
  if (!bibliotheek.ok) return 'regelgeving laadt niet in de impact-werker';
  const opgezet = zetImpactOp(maakEngine(bibliotheek.waarde), opdracht.vraag);
  if (!opgezet.ok) return opgezet.fouten.join('\n');
  const { van, naar } = opgezet.opzet;
  if (van.hash !== opdracht.hashes[0] || naar.hash !== opdracht.hashes[1])
    return 'een regelingsbestand veranderde tijdens de impactrun';
  return opgezet.opzet;
}

const opzet = zetOp();
if (typeof opzet === 'string') stuur({ soort: 'fout', bericht: opzet });
else if (opdracht.soort === 'gegenereerd') stuur({ soort: 'stand', stand: telBlokken(opzet, opdracht) });
else {
  const teller = maakImpactteller(opzet.batchVan, opzet.batchNaar);
  const tel = teller.tel.bind(teller);
  poort.on('message', (m: NaarWerker) => {
    if (m.soort === 'einde') {
      stuur({ soort: 'stand', stand: teller.stand });
      poort.close();
      return;
    }
    const r = verwerkStuk(m, opzet, tel);
    stuur({ soort: 'stuk', aantal: r.aantal, ...(r.fout ? { fout: r.fout } : {}) });
  });
}
