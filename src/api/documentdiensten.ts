import type { Context } from 'hono';
import { type DocumentContext } from '../documenten/brieven.ts';
import { type DocumentConfiguratie, laadDocumentConfiguratie } from '../documenten/configuratie.ts';
import type { OpgeslagenDocument } from '../documenten/opslag.ts';
import type { Engine } from '../engine/index.ts';
import { formatteerFout } from '../regelgeving/index.ts';

/**
 * What the document routes share: the gemeenten's document settings (read once per process; a bad
 * file stops the start with its file and line, as a bad regulation does) and serving a stored
 * document byte for byte.
 */
let geladen: ReadonlyMap<string, DocumentConfiguratie> | undefined;

export function documentContext(engine: Engine): DocumentContext {
  if (!geladen) {
    const c = laadDocumentConfiguratie();
    if (!c.ok) throw new Error(c.fouten.map(formatteerFout).join('\n'));
    geladen = c.waarde;
  }
  return { bibliotheek: engine.bibliotheek, configuratie: geladen };
}

/** A strong ETag: the stored SHA-256, so a client can tell a letter changed (it never does). */
export const documentEtag = (d: { sha256: string }) => `"${d.sha256}"`;

/** The stored bytes as they are, with ETag = their hash; If-None-Match with that hash answers 304. */
export function documentAntwoord(
  c: Context<any, any, any>,
  d: OpgeslagenDocument,
  bestandsnaam: string,
): Response {
  const etag = documentEtag(d);
  const koppen = { etag, 'cache-control': 'private, no-cache' };
  const gevraagd = c.req.header('if-none-match');
  if (gevraagd && gevraagd.split(',').some((e) => e.trim().replace(/^W\//, '') === etag))
    return new Response(null, { status: 304, headers: koppen });
  return new Response(new Uint8Array(d.inhoud), {
    status: 200,
    headers: {
      ...koppen,
      'content-type': d.mediatype,
      'content-length': String(d.inhoud.length),
      'content-disposition': `${d.formaat === 'pdf' || d.formaat === 'csv' ? 'attachment' : 'inline'}; filename="${bestandsnaam}.${d.formaat}"`,
    },
  });
}

/** What a made document is described by in JSON: everything but its bytes. */
export const documentSamenvatting = (d: OpgeslagenDocument) => ({
  formaat: d.formaat,
  mediatype: d.mediatype,
  sha256: d.sha256,
  bytes: d.inhoud.length,
  aangemaaktOp: d.aangemaaktOp.toISOString(),
});
