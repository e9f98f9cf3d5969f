import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  RadioButton,
  Select,
  SelectOption,
  Textarea,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';

/**
 * Form fields as GOV.UK and NL Design System lay them out: the label above the field, a hint under
 * the label, the error message beside the field in plain Dutch; the field points to both.
 */

interface VeldBasis {
  readonly id: string;
  readonly label: ReactNode;
  readonly hint?: ReactNode;
  readonly fout?: string | undefined;
}

function beschrevenDoor(v: VeldBasis) {
  const ids = [v.hint ? `${v.id}-hint` : '', v.fout ? `${v.id}-fout` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Omlijsting({ v, children }: { v: VeldBasis; children: ReactNode }) {
  return (
    <FormField invalid={Boolean(v.fout)} className="veld">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={v.id}>{v.label}</FormLabel>
      </div>
      {v.hint && (
        <FormFieldDescription id={`${v.id}-hint`} className="veld__hint">
          {v.hint}
        </FormFieldDescription>
      )}
      {v.fout && (
        <FormFieldErrorMessage id={`${v.id}-fout`}>
          <span className="verborgen">Fout: </span>
          {v.fout}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </FormField>
  );
}

export function Tekstveld(
  v: VeldBasis & {
    readonly waarde: string;
    readonly bijWijziging: (w: string) => void;
    readonly type?: 'text' | 'date' | 'number' | 'password' | 'search';
    readonly autoComplete?: string;
    readonly breedte?: 'smal' | 'middel' | 'breed';
    readonly verplicht?: boolean;
  },
) {
  return (
    <Omlijsting v={v}>
      <Textbox
        id={v.id}
        name={v.id}
        type={v.type ?? 'text'}
        value={v.waarde}
        onChange={(e) => v.bijWijziging(e.target.value)}
        invalid={Boolean(v.fout)}
        aria-describedby={beschrevenDoor(v)}
        required={v.verplicht}
        {...(v.autoComplete ? { autoComplete: v.autoComplete } : {})}
        className={`veld__invoer veld__invoer--${v.breedte ?? 'middel'}`}
      />
    </Omlijsting>
  );
}

export function Tekstvak(
  v: VeldBasis & {
    readonly waarde: string;
    readonly bijWijziging: (w: string) => void;
    /** Lines shown; a YAML file wants more than a remark. */
    readonly rijen?: number;
    /** Monospaced, for a file whose indentation matters. */
    readonly code?: boolean;
  },
) {
  return (
    <Omlijsting v={v}>
      <Textarea
        id={v.id}
        name={v.id}
        value={v.waarde}
        rows={v.rijen ?? 4}
        spellCheck={v.code ? false : undefined}
        className={v.code ? 'code' : undefined}
        onChange={(e) => v.bijWijziging(e.target.value)}
        invalid={Boolean(v.fout)}
        aria-describedby={beschrevenDoor(v)}
      />
    </Omlijsting>
  );
}

export function Keuzelijst(
  v: VeldBasis & {
    readonly waarde: string;
    readonly bijWijziging: (w: string) => void;
    readonly opties: readonly { waarde: string; label: string }[];
    readonly leeg?: string;
  },
) {
  return (
    <Omlijsting v={v}>
      <Select
        id={v.id}
        name={v.id}
        value={v.waarde}
        onChange={(e) => v.bijWijziging(e.target.value)}
        invalid={Boolean(v.fout)}
        aria-describedby={beschrevenDoor(v)}
      >
        {v.leeg !== undefined && <SelectOption value="">{v.leeg}</SelectOption>}
        {v.opties.map((o) => (
          <SelectOption key={o.waarde} value={o.waarde}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </Omlijsting>
  );
}

/** A choice of one among a few (ja/nee), as radio buttons in a fieldset with its question as legend. */
export function Keuzerondjes(
  v: VeldBasis & {
    readonly waarde: string;
    readonly bijWijziging: (w: string) => void;
    readonly opties: readonly { waarde: string; label: string }[];
  },
) {
  return (
    <Fieldset
      invalid={Boolean(v.fout)}
      {...(beschrevenDoor(v) ? { 'aria-describedby': beschrevenDoor(v)! } : {})}
      className="veld"
    >
      <FieldsetLegend>{v.label}</FieldsetLegend>
      {v.hint && (
        <FormFieldDescription id={`${v.id}-hint`} className="veld__hint">
          {v.hint}
        </FormFieldDescription>
      )}
      {v.fout && (
        <FormFieldErrorMessage id={`${v.id}-fout`}>
          <span className="verborgen">Fout: </span>
          {v.fout}
        </FormFieldErrorMessage>
      )}
      <div className="keuzes">
        {v.opties.map((o, i) => (
          <div className="keuze" key={o.waarde}>
            <RadioButton
              id={i === 0 ? v.id : `${v.id}-${o.waarde}`}
              name={v.id}
              value={o.waarde}
              checked={v.waarde === o.waarde}
              onChange={() => v.bijWijziging(o.waarde)}
            />
            <FormLabel htmlFor={i === 0 ? v.id : `${v.id}-${o.waarde}`} type="radio">
              {o.label}
            </FormLabel>
          </div>
        ))}
      </div>
    </Fieldset>
  );
}

/**
 * The error summary at the top of a form after a failed submit: it takes the focus, and each
 * message links to its field.
 */
export function Foutoverzicht({
  fouten,
  titel = 'Er is een probleem',
}: {
  fouten: readonly { veld?: string | undefined; bericht: string }[];
  titel?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (fouten.length > 0) ref.current?.focus();
  }, [fouten]);
  if (fouten.length === 0) return null;
  return (
    <div className="foutoverzicht" role="alert" aria-labelledby="foutoverzicht-titel" tabIndex={-1} ref={ref}>
      <Heading2 id="foutoverzicht-titel">{titel}</Heading2>
      <UnorderedList>
        {fouten.map((f, i) => (
          <UnorderedListItem key={i}>
            {f.veld ? (
              <a
                href={`#${f.veld}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(f.veld!)?.focus();
                }}
              >
                {f.bericht}
              </a>
            ) : (
              f.bericht
            )}
          </UnorderedListItem>
        ))}
      </UnorderedList>
    </div>
  );
}
