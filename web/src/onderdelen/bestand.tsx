import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
} from '@utrecht/component-library-react';
import { type RefObject, useRef } from 'react';

export interface Bestand {
  readonly ref: RefObject<HTMLInputElement | null>;
  /** The chosen file as text with its name, read when the form is sent (not when chosen: a send straight after choosing must not miss it). */
  lees(): Promise<{ bestandsnaam: string; regels: string[] } | undefined>;
}

export function useBestand(): Bestand {
  const ref = useRef<HTMLInputElement>(null);
  return {
    ref,
    lees: async () => {
      const f = ref.current?.files?.[0];
      return f ? { bestandsnaam: f.name, regels: (await f.text()).split(/\r?\n/) } : undefined;
    },
  };
}

/** A file field read in the browser: the draft goes to the API as text with its name. */
export function Bestandsveld({
  id,
  label,
  hint,
  fout,
  bestand,
}: {
  id: string;
  label: string;
  hint?: string;
  fout?: string | undefined;
  bestand: Bestand;
}) {
  const beschreven =
    [hint ? `${id}-hint` : '', fout ? `${id}-fout` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(fout)} className="veld">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {hint && (
        <FormFieldDescription id={`${id}-hint`} className="veld__hint">
          {hint}
        </FormFieldDescription>
      )}
      {fout && (
        <FormFieldErrorMessage id={`${id}-fout`}>
          <span className="verborgen">Fout: </span>
          {fout}
        </FormFieldErrorMessage>
      )}
      <input
        id={id}
        name={id}
        type="file"
        accept=".yaml,.yml,text/yaml"
        className="bestand"
        aria-describedby={beschreven}
        aria-invalid={fout ? true : undefined}
        ref={bestand.ref}
      />
    </FormField>
  );
}

/** The problems of a draft: file, line and field, as `reintegratie validate` reports them. */
export function Bestandsfouten({
  fouten,
}: {
  fouten: readonly { bestand: string; regel?: number; kolom?: number; pad: string; bericht: string }[];
}) {
  if (fouten.length === 0) return null;
  return (
    <div className="foutoverzicht" role="alert" aria-labelledby="bestandsfouten-titel">
      <h2 id="bestandsfouten-titel" className="utrecht-heading-2">
        Het ontwerp is niet in orde
      </h2>
      <ul className="utrecht-unordered-list">
        {fouten.map((f, i) => (
          <li key={i} className="utrecht-unordered-list__item">
            <strong>
              {f.bestand}
              {f.regel !== undefined
                ? `, regel ${f.regel}${f.kolom !== undefined ? `, kolom ${f.kolom}` : ''}`
                : ''}
            </strong>
            {f.pad ? (
              <>
                {' '}
                bij <code>{f.pad}</code>
              </>
            ) : null}
            : {f.bericht}
          </li>
        ))}
      </ul>
    </div>
  );
}
