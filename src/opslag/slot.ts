import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded store belongs to one process at a time. PGlite keeps no lock of its own: a second
 * process that opens the same folder (`reintegratie audit verify` while the server runs, a second
 * server by mistake) starts its own Postgres on the same files, and the two overwrite each other's
 * pages. A lock file holding the owner's process id says who has it; one left by a process that
 * no longer runs (killed, crashed) is taken over.
 */
export class OpslagInGebruikFout extends Error {
  override readonly name = 'OpslagInGebruikFout';
}

const BESTAND = 'reintegratie.slot';

/** Takes the folder's lock or throws OpslagInGebruikFout; returns the function that gives it back. */
export function neemSlot(map: string): () => void {
  const pad = join(map, BESTAND);
  for (let poging = 0; poging < 2; poging++) {
    let fd: number;
    try {
      fd = openSync(pad, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const eigenaar = leesEigenaar(pad);
      if (eigenaar !== undefined && (eigenaar === process.pid || leeft(eigenaar)))
        throw new OpslagInGebruikFout(
          `de opslag in ${map} is al geopend door ${eigenaar === process.pid ? 'dit proces' : `proces ${eigenaar}`}` +
            ' (draait reintegratie serve nog?); de ingebedde opslag kan maar door één proces tegelijk worden gebruikt.' +
            ' Stop dat proces eerst, of gebruik PostgreSQL (DATABASE_URL) als meer processen de opslag delen.',
        );
      // Left behind by a process that is gone: remove it and try once more (another starter may win).
      try {
        unlinkSync(pad);
      } catch {
        /* removed by the other starter */
      }
      continue;
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    let vrij = false;
    const geefTerug = () => {
      if (vrij) return;
      vrij = true;
      process.removeListener('exit', geefTerug);
      if (leesEigenaar(pad) === process.pid) unlinkSync(pad);
    };
    // A process that ends without closing the store (an error, process.exit) still gives it back.
    process.once('exit', geefTerug);
    return geefTerug;
  }
  throw new OpslagInGebruikFout(`de opslag in ${map} wordt op dit moment door een ander proces geopend`);
}

function leesEigenaar(pad: string): number | undefined {
  try {
    const pid = Number(readFileSync(pad, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function leeft(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, under another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
