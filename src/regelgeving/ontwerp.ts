import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { isGeldigeDatum } from '../kalender/index.ts';
import { type Bibliotheek, laadBibliotheek, type Regeling } from './index.ts';

/**
 * A draft version of a gemeente's regulation brought in through the web application: a YAML file
 * uploaded by a policy officer, or the version in force with one parameter changed in a form. It is
 * checked exactly as `reintegratie validate` checks a file (same loader, same messages), in a library
 * of its own, so it never becomes the version in force for anything else.
 */

export interface OntwerpFout {
  readonly bestand: string;
  readonly regel?: number;
  readonly kolom?: number;
  readonly pad: string;
  readonly bericht: string;
}

export type OntwerpUitslag =
  | {
      readonly ok: true;
      readonly regeling: Regeling;
      /** Where the draft is on disk while it is used (impact runs load it by path); remove with `opruimen`. */
      readonly pad: string;
      readonly opruimen: () => void;
    }
  | { readonly ok: false; readonly fouten: readonly OntwerpFout[] };

/** Largest draft accepted: a full ordinance is about 100 kB. */
export const MAX_ONTWERP_BYTES = 2_000_000;

const fout = (bestand: string, pad: string, bericht: string): OntwerpUitslag => ({
  ok: false,
  fouten: [{ bestand, pad, bericht }],
});

/** Loads an uploaded draft; `bestandsnaam` is how messages name the file (the upload's own name). */
export function laadOntwerp(
  bibliotheek: Bibliotheek,
  gemeente: string,
  bestandsnaam: string,
  inhoud: string,
): OntwerpUitslag {
  const naam = bestandsnaam.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120) || 'ontwerp.yaml';
  if (Buffer.byteLength(inhoud) > MAX_ONTWERP_BYTES)
    return fout(naam, '', `het bestand is groter dan ${MAX_ONTWERP_BYTES / 1_000_000} MB`);
  // The loader wants the file named after its geldigVanaf and the id of a regulation of this gemeente;
  // read both first so a mismatch is named as a field of the upload, not as a file name on the server.
  const doc = parseDocument(inhoud, { uniqueKeys: true });
  const kop = doc.errors.length === 0 ? (doc.toJS() as Record<string, unknown> | null) : null;
  const geldigVanaf = typeof kop?.geldigVanaf === 'string' ? kop.geldigVanaf : String(kop?.geldigVanaf ?? '');
  if (kop && typeof kop === 'object') {
    if (typeof kop.id === 'string' && !bibliotheek.regelingenVan(gemeente).includes(kop.id))
      return fout(
        naam,
        'id',
        `'${kop.id}' is geen regeling van deze gemeente (geladen: ${bibliotheek.regelingenVan(gemeente).join(', ')})`,
      );
    if (kop.status !== 'ontwerp')
      return fout(
        naam,
        'status',
        "een ontwerp heeft 'status: ontwerp'; een vastgestelde versie komt in regelgeving/",
      );
  }
  const map = mkdtempSync(join(tmpdir(), 'reintegratie-ontwerp-'));
  const opruimen = () => rmSync(map, { recursive: true, force: true });
  const pad = join(map, `${isGeldigeDatum(geldigVanaf) ? geldigVanaf : 'ontwerp'}.yaml`);
  writeFileSync(pad, inhoud);
  // Versions the library holds from outside the tree (adopted drafts from the store) stay in it, so a
  // draft may rest on one of them.
  const buiten = bibliotheek.regelingen
    .map((r) => r.bestand)
    .filter((b) => relative(bibliotheek.wortel, b).startsWith('..'));
  const geladen = laadBibliotheek(bibliotheek.wortel, [...new Set(buiten), pad]);
  if (!geladen.ok) {
    opruimen();
    const eigen = geladen.fouten.filter((f) => f.bestand === pad);
    return {
      ok: false,
      fouten: (eigen.length > 0 ? eigen : geladen.fouten).map((f) => ({
        bestand: f.bestand === pad ? naam : f.bestand,
        ...(f.regel !== undefined ? { regel: f.regel } : {}),
        ...(f.kolom !== undefined ? { kolom: f.kolom } : {}),
        pad: f.pad,
        bericht: f.bericht.replaceAll(pad, naam),
      })),
    };
  }
  const regeling = geladen.waarde.regelingen.find((r) => r.bestand === pad);
  if (!regeling) {
    opruimen();
    return fout(naam, '', 'geen regelingsbestand');
  }
  return { ok: true, regeling, pad, opruimen };
}

/**
 * The version in force on `datum` with one parameter's value for that date replaced, as a draft
 * (status ontwerp, same geldigVanaf): what a policy officer asks with "what if the premie were …".
 */
export function ontwerpMetParameter(
  bibliotheek: Bibliotheek,
  regelingId: string,
  datum: string,
  parameter: string,
  waarde: number,
): { ok: true; bestandsnaam: string; inhoud: string } | { ok: false; fouten: OntwerpFout[] } {
  const r = bibliotheek.inWerking(regelingId, datum);
  if (!r)
    return {
      ok: false,
      fouten: [{ bestand: regelingId, pad: 'datum', bericht: `op ${datum} is geen versie in werking` }],
    };
  const p = r.parameters?.[parameter];
  if (!p)
    return {
      ok: false,
      fouten: [
        {
          bestand: `${r.geldigVanaf}.yaml`,
          pad: 'parameter.naam',
          bericht: `de versie in werking kent geen parameter '${parameter}' (wel: ${Object.keys(r.parameters ?? {}).join(', ') || 'geen'})`,
        },
      ],
    };
  const index = p.waarden.findLastIndex((w) => w.vanaf <= datum);
  if (index < 0)
    return {
      ok: false,
      fouten: [
        {
          bestand: `${r.geldigVanaf}.yaml`,
          pad: 'parameter.naam',
          bericht: `'${parameter}' heeft nog geen waarde op ${datum}`,
        },
      ],
    };
  const doc = parseDocument(readFileSync(r.bestand, 'utf8'));
  doc.set('status', 'ontwerp');
  const plek = ['parameters', parameter, 'waarden', index];
  if (p.eenheid === 'cent') {
    // An amount is written in the notation that cannot be misread (see parameterSchema): whole cents.
    for (const sleutel of ['waarde', 'bedrag', 'cent']) doc.deleteIn([...plek, sleutel]);
    doc.setIn([...plek, 'cent'], waarde);
  } else doc.setIn([...plek, 'waarde'], waarde);
  return { ok: true, bestandsnaam: `${r.geldigVanaf}.yaml`, inhoud: doc.toString({ lineWidth: 0 }) };
}
