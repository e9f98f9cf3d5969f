/** Expected failures of the administration, as values; the HTTP edge maps them to status codes. */
export type Fout =
  | { readonly code: 'niet-gevonden'; readonly bericht: string }
  | { readonly code: 'verboden'; readonly bericht: string }
  | {
      readonly code: 'ongeldig';
      readonly bericht: string;
      readonly velden?: readonly { pad: string; bericht: string }[];
    }
  | { readonly code: 'conflict'; readonly bericht: string }
  | { readonly code: 'versie'; readonly bericht: string; readonly huidig: number }
  | { readonly code: 'niet-toegestaan'; readonly bericht: string; readonly details?: unknown };

export type Uitslag<T> =
  { readonly ok: true; readonly waarde: T } | { readonly ok: false; readonly fout: Fout };

export const gelukt = <T>(waarde: T): Uitslag<T> => ({ ok: true, waarde });
export const mislukt = (fout: Fout): { ok: false; fout: Fout } => ({ ok: false, fout });
export const nietGevonden = (wat: string) =>
  mislukt({ code: 'niet-gevonden', bericht: `${wat} niet gevonden` });
