import { useCallback, useEffect, useRef, useState } from 'react';
import { netwerkProbleem, type Probleem, probleemUit } from './api/probleem.ts';

/** The state of a read: loading, its data, or the problem. */
export type Lezing<T> =
  | { readonly soort: 'laden' }
  | { readonly soort: 'klaar'; readonly data: T }
  | { readonly soort: 'fout'; readonly probleem: Probleem };

type Antwoord<T> = { data?: T; error?: unknown; response: Response };

/** Reads from the API when the inputs change; `opnieuw` reads again (after a change). */
export function useLees<T>(
  lees: () => Promise<Antwoord<T>>,
  afhankelijk: readonly unknown[],
): [Lezing<T>, () => void] {
  const [staat, zetStaat] = useState<Lezing<T>>({ soort: 'laden' });
  const [teller, zetTeller] = useState(0);
  const huidig = useRef(0);
  const vorige = useRef<string>('');
  useEffect(() => {
    const nummer = ++huidig.current;
    // Reading again after a change keeps the page as it is until the answer comes; other inputs (another
    // year, another client) never show the old answer under the new question.
    const sleutel = JSON.stringify(afhankelijk);
    const zelfde = sleutel === vorige.current;
    vorige.current = sleutel;
    zetStaat((s) => (zelfde && s.soort === 'klaar' ? s : { soort: 'laden' }));
    voerUit(lees).then((u) => {
      if (nummer === huidig.current)
        zetStaat(u.ok ? { soort: 'klaar', data: u.data } : { soort: 'fout', probleem: u.probleem });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...afhankelijk, teller]);
  return [staat, useCallback(() => zetTeller((t) => t + 1), [])];
}

/** Runs one API call and turns any failure (also a network error) into a problem for the screen. */
export async function voerUit<T>(
  roep: () => Promise<Antwoord<T>>,
): Promise<{ ok: true; data: T } | { ok: false; probleem: Probleem }> {
  try {
    const { data, error, response } = await roep();
    if (response.ok && data !== undefined) return { ok: true, data };
    return { ok: false, probleem: probleemUit(error, response) };
  } catch {
    return { ok: false, probleem: netwerkProbleem() };
  }
}

/** Sets the document title: the page, then the application, as GOV.UK services do. */
export function useTitel(titel: string): void {
  useEffect(() => {
    document.title = `${titel} – Re-integratie`;
  }, [titel]);
}
