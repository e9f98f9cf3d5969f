import { dirname, isAbsolute, relative } from 'node:path';

/** A problem found in a regulation or case file, with where it stands so a person can fix it. */
export interface BestandsFout {
  readonly code: 'yaml' | 'schema' | 'semantiek' | 'bestandsnaam' | 'json';
  readonly bestand: string;
  /** 1-based line and column; absent when the problem has no single place. */
  readonly regel?: number;
  readonly kolom?: number;
  /** Dotted path inside the document, e.g. voorzieningen.participatieplaats.voorwaarden[1].toets */
  readonly pad: string;
  readonly bericht: string;
}

export function formatteerFout(f: BestandsFout): string {
  const plaats = f.regel === undefined ? f.bestand : `${f.bestand}:${f.regel}:${f.kolom ?? 1}`;
  return `${plaats}: ${f.pad ? `${f.pad}: ` : ''}${f.bericht}`;
}

/**
 * Where an error stands, for a message that points at a second place ("regelgeving/gemeente/…:12,
 * vocabulaire.feiten.x"): the file relative to the folder above `wortel` where it lies under it.
 */
export function plaatsTekst(f: BestandsFout, wortel: string): string {
  const rel = relative(dirname(wortel), f.bestand);
  const bestand = rel.startsWith('..') || isAbsolute(rel) ? f.bestand : rel;
  return `${bestand}${f.regel === undefined ? '' : `:${f.regel}`}${f.pad ? `, ${f.pad}` : ''}`;
}

export function padTekst(pad: readonly PropertyKey[]): string {
  let uit = '';
  for (const deel of pad) {
    if (typeof deel === 'number') uit += `[${deel}]`;
    else uit += uit ? `.${String(deel)}` : String(deel);
  }
  return uit;
}
