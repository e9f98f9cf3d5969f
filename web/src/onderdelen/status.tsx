import {
  Alert,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { Probleem } from '../api/probleem.ts';

/** What is going on while data loads: said in words, and announced to screen readers. */
export function Laden({ wat }: { wat: string }) {
  return (
    <p className="laden" role="status" aria-live="polite">
      <span className="laden__teken" aria-hidden="true" />
      {wat} laden…
    </p>
  );
}

export function Leeg({ children }: { children: ReactNode }) {
  return <Paragraph className="leeg">{children}</Paragraph>;
}

export function Melding({
  soort,
  titel,
  children,
}: {
  soort: 'ok' | 'info' | 'warning' | 'error';
  titel: string;
  children?: ReactNode;
}) {
  return (
    <Alert type={soort} role={soort === 'error' ? 'alert' : 'status'}>
      <Heading2 className="melding__titel">
        <span className="verborgen">
          {{ ok: 'Gelukt: ', info: 'Let op: ', warning: 'Waarschuwing: ', error: 'Fout: ' }[soort]}
        </span>
        {titel}
      </Heading2>
      {children}
    </Alert>
  );
}

/** An API failure where it happened, in Dutch, with the fields the API names. */
export function ProbleemMelding({ probleem }: { probleem: Probleem }) {
  return (
    <Melding soort="error" titel={probleem.titel}>
      {probleem.velden.length > 0 && (
        <UnorderedList>
          {probleem.velden.map((v, i) => (
            <UnorderedListItem key={i}>
              {v.pad ? `${v.pad}: ` : ''}
              {v.bericht}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Melding>
  );
}
