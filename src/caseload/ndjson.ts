import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Casus } from '../casus/index.ts';
import type { Voortgang } from './voortgang.ts';

/**
 * Writes cases as NDJSON (one JSON object a line), waiting whenever the stream's buffer is full, so
 * a million cases to a slow pipe still use a few megabytes.
 */
export async function schrijfNdjson(
  casussen: Iterable<Casus>,
  uit: Writable,
  voortgang?: Voortgang,
): Promise<number> {
  let n = 0;
  let buffer = '';
  for (const c of casussen) {
    buffer += `${JSON.stringify(c)}\n`;
    n++;
    // Lines are gathered into chunks of about 64 KiB: one write per line costs more than the JSON.
    if (buffer.length > 65536) {
      if (!uit.write(buffer)) await once(uit, 'drain');
      buffer = '';
    }
    voortgang?.stap(n);
  }
  if (buffer.length > 0 && !uit.write(buffer)) await once(uit, 'drain');
  voortgang?.klaar();
  return n;
}
