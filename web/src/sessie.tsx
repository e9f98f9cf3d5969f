import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, heeftToken, opVerlopenSessie, zetToken } from './api/klant.ts';

/** A gemeente the signed-in user has a role for, as GET /gemeenten lists it. */
export interface Gemeente {
  readonly slug: string;
  readonly naam: string;
  readonly rollen: readonly string[];
}

interface SessieWaarde {
  readonly gebruikersnaam: string | undefined;
  readonly gemeenten: readonly Gemeente[] | undefined;
  /** True while a rejected token waits for the user to sign in again. */
  readonly verlopen: boolean;
  meldAan(gebruikersnaam: string, wachtwoord: string): Promise<string | undefined>;
  meldAf(): void;
  gemeente(slug: string | undefined): Gemeente | undefined;
}

const SessieContext = createContext<SessieWaarde | undefined>(undefined);
const NAAM = 'reintegratie.gebruiker';

/** GET /gemeenten describes its items loosely; take the fields the screens use, checked. */
function alsGemeenten(lijst: readonly Record<string, unknown>[]): Gemeente[] {
  return lijst.flatMap((g) =>
    typeof g.slug === 'string' && typeof g.naam === 'string'
      ? [{ slug: g.slug, naam: g.naam, rollen: Array.isArray(g.rollen) ? g.rollen.map(String) : [] }]
      : [],
  );
}

export function SessieBron({ children }: { children: ReactNode }) {
  const [gebruikersnaam, zetGebruikersnaam] = useState(() => sessionStorage.getItem(NAAM) ?? undefined);
  const [gemeenten, zetGemeenten] = useState<Gemeente[] | undefined>(undefined);
  const [verlopen, zetVerlopen] = useState(false);

  const laadGemeenten = useCallback(async () => {
    const { data, response } = await api.GET('/gemeenten');
    if (response.ok && data) zetGemeenten(alsGemeenten(data));
  }, []);

  useEffect(() => {
    if (heeftToken()) void laadGemeenten();
    return opVerlopenSessie(() => zetVerlopen(true));
  }, [laadGemeenten]);

  const meldAan = useCallback(
    async (naam: string, wachtwoord: string) => {
      const { data, response } = await api.POST('/auth/login', {
        body: { gebruikersnaam: naam, wachtwoord },
      });
      if (!response.ok || !data) {
        if (response.status === 429) return 'Te veel pogingen. Wacht even en probeer het dan opnieuw.';
        return 'Deze combinatie van gebruikersnaam en wachtwoord kennen we niet. Controleer ze en probeer het opnieuw.';
      }
      zetToken(data.token);
      sessionStorage.setItem(NAAM, naam);
      zetGebruikersnaam(naam);
      zetVerlopen(false);
      await laadGemeenten();
      return undefined;
    },
    [laadGemeenten],
  );

  const meldAf = useCallback(() => {
    zetToken(undefined);
    sessionStorage.removeItem(NAAM);
    zetGebruikersnaam(undefined);
    zetGemeenten(undefined);
    zetVerlopen(false);
  }, []);

  const waarde = useMemo<SessieWaarde>(
    () => ({
      gebruikersnaam: heeftToken() ? gebruikersnaam : undefined,
      gemeenten,
      verlopen,
      meldAan,
      meldAf,
      gemeente: (slug) => gemeenten?.find((g) => g.slug === slug),
    }),
    [gebruikersnaam, gemeenten, verlopen, meldAan, meldAf],
  );
  return <SessieContext.Provider value={waarde}>{children}</SessieContext.Provider>;
}

export function useSessie(): SessieWaarde {
  const s = useContext(SessieContext);
  if (!s) throw new Error('useSessie buiten SessieBron');
  return s;
}
