import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuratie } from '../opslag/configuratie.ts';

/**
 * The BSN key: BSN_SLEUTEL when set (production: from a secret store), else a key file in DATA_DIR
 * with owner-only permissions. It never lives inside the database; the store records only its
 * fingerprint (src/administratie/sleutelbeheer.ts), and a new key is made only for a store that holds
 * no BSNs yet.
 */

/** Where the key comes from, and the key when it is there. */
export interface SleutelBron {
  readonly soort: 'omgeving' | 'bestand';
  /** The key file (for 'bestand'), also when it does not exist. */
  readonly bestand?: string;
  readonly sleutel: string | undefined;
}

export const sleutelBestand = (config: Pick<Configuratie, 'dataDir'>) => join(config.dataDir, 'bsn-sleutel');

/** The configured key without making one: BSN_SLEUTEL, else the key file when it exists. */
export function leesSleutel(config: Pick<Configuratie, 'dataDir' | 'bsnSleutel'>): SleutelBron {
  if (config.bsnSleutel) return { soort: 'omgeving', sleutel: config.bsnSleutel };
  const bestand = sleutelBestand(config);
  return {
    soort: 'bestand',
    bestand,
    sleutel: existsSync(bestand) ? readFileSync(bestand, 'utf8').trim() : undefined,
  };
}

/** Makes the key file of a new store (refuses to overwrite one). */
export function maakSleutelbestand(config: Pick<Configuratie, 'dataDir'>): string {
  mkdirSync(config.dataDir, { recursive: true });
  const sleutel = randomBytes(32).toString('hex');
  writeFileSync(sleutelBestand(config), `${sleutel}\n`, { mode: 0o600, flag: 'wx' });
  return sleutel;
}

/** Replaces the key file after a rotation: the new key lands whole (rename), the old one is kept beside it. */
export function vervangSleutelbestand(bestand: string, nieuw: string): string {
  const vorige = `${bestand}.vorige`;
  const tijdelijk = `${bestand}.nieuw`;
  writeFileSync(tijdelijk, `${nieuw}\n`, { mode: 0o600 });
  if (existsSync(bestand)) renameSync(bestand, vorige);
  renameSync(tijdelijk, bestand);
  return vorige;
}

/** The key's fingerprint: HMAC-SHA256 of a constant under the key. It says which key, never what key. */
export function vingerafdruk(sleutelHex: string): string {
  return createHmac('sha256', Buffer.from(sleutelHex, 'hex'))
    .update('reintegratie-bsn-sleutel-vingerafdruk-v1')
    .digest('hex');
}

/** A 32-byte key written as 64 hexadecimal characters. */
export const isSleutel = (s: string) => /^[0-9a-fA-F]{64}$/.test(s);
