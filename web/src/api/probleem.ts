/** What went wrong, from an API answer (problem+json), in words for the screen. */
export interface Probleem {
  readonly status: number;
  readonly titel: string;
  /** Per field: the field path the API names and its message. */
  readonly velden: readonly { pad: string; bericht: string }[];
  /** For a draft: file, line and field of each problem. */
  readonly bestandsfouten: readonly {
    bestand: string;
    regel?: number;
    kolom?: number;
    pad: string;
    bericht: string;
  }[];
  readonly details?: unknown;
}

const ALGEMEEN: Record<number, string> = {
  401: 'U bent niet (meer) aangemeld.',
  403: 'Uw rol staat dit niet toe.',
  404: 'Niet gevonden.',
  409: 'Dit kan niet (meer): iemand anders heeft het intussen gewijzigd of afgehandeld.',
  412: 'Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw en probeer het nog eens.',
  413: 'Het bestand is te groot.',
  429: 'Te veel pogingen. Wacht even en probeer het opnieuw.',
};

/** Reads the error of an openapi-fetch answer; never shows internals (a 5xx becomes one plain sentence). */
export function probleemUit(fout: unknown, response: Response): Probleem {
  const f = (typeof fout === 'object' && fout !== null ? fout : {}) as Record<string, unknown>;
  const status = response.status;
  const titel =
    status >= 500
      ? 'Er ging iets mis aan onze kant. Probeer het later opnieuw; wat u typte staat er nog.'
      : typeof f.title === 'string' && f.title
        ? hoofdletter(f.title)
        : (ALGEMEEN[status] ?? 'Dat lukte niet.');
  const velden = Array.isArray(f.velden)
    ? (f.velden as { pad?: unknown; bericht?: unknown }[]).map((v) => ({
        pad: String(v.pad ?? ''),
        bericht: String(v.bericht ?? ''),
      }))
    : [];
  const bestandsfouten = Array.isArray(f.fouten) ? (f.fouten as Probleem['bestandsfouten']) : [];
  return {
    status,
    titel,
    velden,
    bestandsfouten,
    ...(f.details !== undefined ? { details: f.details } : {}),
  };
}

/** A network failure (server unreachable) as a problem. */
export const netwerkProbleem = (): Probleem => ({
  status: 0,
  titel:
    'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw; wat u typte staat er nog.',
  velden: [],
  bestandsfouten: [],
});

const hoofdletter = (t: string) => t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
