import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** Burgerservicenummer: validation, masking, and storage that a database dump alone cannot read. */

/** Nine digits passing the elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11 (and not all zero). */
export function isGeldigBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += (9 - i) * Number(bsn[i]);
  som -= Number(bsn[8]);
  return som % 11 === 0;
}

/** Shown in lists: only the last three digits. */
export function maskeerBsn(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}

export interface BsnKluis {
  /** Deterministic keyed hash, for finding a person by BSN without storing it readably. */
  zoeksleutel(bsn: string): string;
  versleutel(bsn: string): string;
  ontsleutel(opgeslagen: string): string;
}

/** AES-256-GCM with a key kept outside the database; the lookup hash is an HMAC under a derived key. */
export function maakBsnKluis(sleutelHex: string): BsnKluis {
  const sleutel = Buffer.from(sleutelHex, 'hex');
  if (sleutel.length !== 32) throw new Error('BSN_SLEUTEL moet 32 bytes hexadecimaal zijn (64 tekens)');
  const hmacSleutel = createHmac('sha256', sleutel).update('bsn-zoeksleutel').digest();
  return {
    zoeksleutel: (bsn) => createHmac('sha256', hmacSleutel).update(bsn).digest('hex'),
    versleutel(bsn) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', sleutel, iv);
      const data = Buffer.concat([c.update(bsn, 'utf8'), c.final()]);
      return `v1:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${data.toString('base64')}`;
    },
    ontsleutel(opgeslagen) {
      const [versie, iv, tag, data] = opgeslagen.split(':');
      if (versie !== 'v1' || !iv || !tag || !data) throw new Error('onbekend BSN-formaat');
      const d = createDecipheriv('aes-256-gcm', sleutel, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
    },
  };
}
