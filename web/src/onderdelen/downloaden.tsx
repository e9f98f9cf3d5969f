import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { netwerkProbleem, type Probleem, probleemUit } from '../api/probleem.ts';
import { ProbleemMelding } from './status.tsx';

/**
 * A download of a document the API serves with the session's token: a plain link cannot carry the
 * bearer token, so the button fetches the bytes and hands them to the browser as a file.
 */
export function Downloadknop({
  haal,
  bestandsnaam,
  children,
}: {
  haal: () => Promise<{ data?: Blob; error?: unknown; response: Response }>;
  bestandsnaam: string;
  children: string;
}) {
  const [bezig, zetBezig] = useState(false);
  const [probleem, zetProbleem] = useState<Probleem>();
  return (
    <>
      <Button
        appearance="secondary-action-button"
        busy={bezig}
        disabled={bezig}
        onClick={async () => {
          zetBezig(true);
          zetProbleem(undefined);
          try {
            const { data, error, response } = await haal();
            if (!response.ok || !data) zetProbleem(probleemUit(error, response));
            else {
              const url = URL.createObjectURL(data);
              const a = document.createElement('a');
              a.href = url;
              a.download = bestandsnaam;
              document.body.append(a);
              a.click();
              a.remove();
              setTimeout(() => URL.revokeObjectURL(url), 10_000);
            }
          } catch {
            zetProbleem(netwerkProbleem());
          } finally {
            zetBezig(false);
          }
        }}
      >
        {children}
      </Button>
      {probleem && <ProbleemMelding probleem={probleem} />}
    </>
  );
}
