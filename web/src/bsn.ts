/**
 * The BSN as the screens check it before sending: nine digits passing the elfproef (the weighted
 * sum 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11), the same test the API applies. The screen
 * checks first so the error stands at the field at once; the API stays the authority.
 */
export function bsnFout(invoer: string): string | undefined {
  const bsn = invoer.replace(/[\s.-]/g, '');
  if (bsn === '') return 'Vul het BSN in';
  if (!/^\d+$/.test(bsn)) return 'Een BSN bestaat alleen uit cijfers';
  if (bsn.length !== 9) return `Een BSN heeft 9 cijfers; u typte er ${bsn.length}`;
  const som = bsn
    .slice(0, 8)
    .split('')
    .reduce((s, c, i) => s + (9 - i) * Number(c), -Number(bsn[8]));
  if (som % 11 !== 0)
    return 'Dit is geen geldig BSN: de elfproef klopt niet. Controleer de cijfers op het identiteitsbewijs';
  return undefined;
}

/** The BSN without spaces, dots or dashes, as the API takes it. */
export const bsnUit = (invoer: string) => invoer.replace(/[\s.-]/g, '');

/** Masked as the API masks it: only the last three digits. */
export const gemaskeerd = (bsn: string) => `******${bsn.slice(-3)}`;
