import type { Feitdefinitie } from '../api/typen.ts';
import { Keuzelijst, Keuzerondjes, Tekstveld } from './formulier.tsx';

/** The input for one fact, by its type in the fact vocabulary: a choice, ja/nee, a date or a number. */
export function FeitInvoer({
  id,
  feit,
  label,
  waarde,
  bijWijziging,
  fout,
}: {
  id: string;
  feit: Feitdefinitie;
  label?: string;
  waarde: string;
  bijWijziging: (w: string) => void;
  fout?: string | undefined;
}) {
  const titel = label ?? feitLabel(feit);
  const hint = feit.omschrijving + (feit.eenheid ? ` (in ${feit.eenheid})` : '');
  if (feit.soort === 'keuze')
    return (
      <Keuzelijst
        id={id}
        label={titel}
        hint={hint}
        waarde={waarde}
        bijWijziging={bijWijziging}
        leeg="Kies…"
        opties={(feit.opties ?? []).map((o) => ({ waarde: o, label: o.replaceAll('-', ' ') }))}
        fout={fout}
      />
    );
  if (feit.soort === 'waarheid')
    return (
      <Keuzerondjes
        id={id}
        label={titel}
        hint={hint}
        waarde={waarde}
        bijWijziging={bijWijziging}
        opties={[
          { waarde: 'ja', label: 'Ja' },
          { waarde: 'nee', label: 'Nee' },
        ]}
        fout={fout}
      />
    );
  return (
    <Tekstveld
      id={id}
      label={titel}
      hint={hint}
      type={feit.soort === 'datum' ? 'date' : 'number'}
      breedte="smal"
      waarde={waarde}
      bijWijziging={bijWijziging}
      fout={fout}
    />
  );
}

/** The typed value of a fact's input, or why it is not one. */
export function feitWaardeUit(
  feit: Feitdefinitie,
  invoer: string,
): { ok: true; waarde: unknown } | { ok: false; bericht: string } {
  const t = invoer.trim();
  if (t === '') return { ok: false, bericht: `Vul ${feit.label} in` };
  switch (feit.soort) {
    case 'waarheid':
      return { ok: true, waarde: t === 'ja' };
    case 'datum':
      return /^\d{4}-\d{2}-\d{2}$/.test(t)
        ? { ok: true, waarde: t }
        : { ok: false, bericht: 'Vul een datum in, bijvoorbeeld 1 maart 2026' };
    case 'getal': {
      const n = Number(t.replace(',', '.'));
      if (!Number.isFinite(n)) return { ok: false, bericht: `${hoofdletter(feit.label)} is een getal` };
      if (feit.geheel && !Number.isInteger(n))
        return { ok: false, bericht: `${hoofdletter(feit.label)} is een heel getal` };
      if (feit.min !== null && n < feit.min)
        return { ok: false, bericht: `${hoofdletter(feit.label)} is ${feit.min} of meer` };
      if (feit.max !== null && n > feit.max)
        return { ok: false, bericht: `${hoofdletter(feit.label)} is ${feit.max} of minder` };
      return { ok: true, waarde: n };
    }
    default:
      return { ok: true, waarde: t };
  }
}

export const hoofdletter = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** How a screen for staff names a fact: its label without the "uw" the letters to clients use. */
export const feitLabel = (f: { label: string }) => hoofdletter(f.label.replace(/^uw /, ''));
