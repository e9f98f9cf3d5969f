import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuratie } from '../opslag/configuratie.ts';

/**
 * The BSN key: BSN_SLEUTEL when set (production: from a secret store), else a key file in DATA_DIR,
 * created once with owner-only permissions. It never lives inside the database.
 */
export function bsnSleutel(config: Pick<Configuratie, 'dataDir' | 'bsnSleutel'>): string {
  if (config.bsnSleutel) return config.bsnSleutel;
  const bestand = join(config.dataDir, 'bsn-sleutel');
  if (existsSync(bestand)) return readFileSync(bestand, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const sleutel = randomBytes(32).toString('hex');
  writeFileSync(bestand, `${sleutel}\n`, { mode: 0o600, flag: 'wx' });
  return sleutel;
}
