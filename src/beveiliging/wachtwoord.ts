import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  w: string,
  s: Buffer,
  n: number,
  o: { N: number; r: number; p: number },
) => Promise<Buffer>;
const PARAMS = { N: 16384, r: 8, p: 1 };

/** scrypt (memory-hard, in Node's crypto) with a random salt; the parameters are stored with the hash. */
export async function hashWachtwoord(wachtwoord: string): Promise<string> {
  const zout = randomBytes(16);
  const hash = await scryptAsync(wachtwoord, zout, 32, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${zout.toString('base64')}$${hash.toString('base64')}`;
}

export async function controleerWachtwoord(wachtwoord: string, opgeslagen: string): Promise<boolean> {
  const [soort, n, r, p, zout, hash] = opgeslagen.split('$');
  if (soort !== 'scrypt' || !zout || !hash) return false;
  const verwacht = Buffer.from(hash, 'base64');
  const echt = await scryptAsync(wachtwoord, Buffer.from(zout, 'base64'), verwacht.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(echt, verwacht);
}
