import {
  Button,
  Heading1,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { api } from '../api/klant.ts';
import { metDoel } from '../doelen.tsx';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { tijdstip } from '../opmaak.ts';
import { Keuzelijst, Tekstveld } from '../onderdelen/formulier.tsx';
import { Laden, Leeg, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';

type Filter = { gebruiker: string; inwoner: string; actie: string; van: string; tot: string };
const LEEG: Filter = { gebruiker: '', inwoner: '', actie: '', van: '', tot: '' };
const ACTIE: Record<string, string> = {
  lezen: 'gelezen',
  'lezen-met-bsn': 'gelezen met volledig BSN',
  'dossier-lezen': 'dossier bekeken',
  'aanbod-bekijken': 'aanbod bekeken',
  'feiten-lezen': 'feiten gelezen',
  'lijst-lezen': 'lijst gelezen',
  'feit-vastleggen': 'feit vastgelegd',
  toekenning: 'toekenning genomen',
  afwijzing: 'afwijzing genomen',
  beeindiging: 'beëindigd',
};

/** The audit trail of the gemeente for an auditor: who did or read what, about whom, when and why. */
function AuditspoorScherm({ gemeente }: { gemeente: Gemeente }) {
  useTitel('Auditspoor');
  const [invoer, zetInvoer] = useState<Filter>(LEEG);
  const [filter, zetFilter] = useState<Filter>(LEEG);
  const [client, zetClient] = useState('');
  const [kandidaten, zetKandidaten] = useState<{ id: string; naam: string; klantnummer: number }[]>();
  const [spoor] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/auditspoor', {
        params: {
          path: { gemeente: gemeente.slug },
          query: {
            ...(filter.gebruiker ? { gebruiker: filter.gebruiker } : {}),
            ...(filter.inwoner ? { inwoner: filter.inwoner } : {}),
            ...(filter.actie ? { actie: filter.actie } : {}),
            ...(filter.van ? { van: filter.van } : {}),
            ...(filter.tot ? { tot: filter.tot } : {}),
            limiet: 200,
          },
        },
      }),
    [gemeente.slug, filter],
  );
  async function zoekClient() {
    const u = await voerUit(() =>
      api.GET('/gemeenten/{gemeente}/dossiers', {
        params: { path: { gemeente: gemeente.slug }, query: { zoek: client, limiet: 20 } },
      }),
    );
    zetKandidaten(u.ok ? u.data.items : []);
  }
  const zet = (k: keyof Filter) => (w: string) => zetInvoer({ ...invoer, [k]: w });
  return (
    <>
      <Heading1>Auditspoor</Heading1>
      <Paragraph>
        Elke beslissing en elke keer dat iemand persoonsgegevens bekeek, met het doel dat daarbij werd
        opgegeven.
      </Paragraph>
      <div className="formulier">
        <div className="zoekregel">
          <Tekstveld
            id="audit-client"
            label="Cliënt"
            hint="Zoek op naam, klantnummer of BSN en kies de cliënt"
            waarde={client}
            bijWijziging={zetClient}
          />
          <Button appearance="secondary-action-button" onClick={zoekClient}>
            Cliënt zoeken
          </Button>
        </div>
        {kandidaten && (
          <Keuzelijst
            id="audit-inwoner"
            label="Gevonden cliënten"
            waarde={invoer.inwoner}
            bijWijziging={zet('inwoner')}
            leeg={kandidaten.length === 0 ? 'Niemand gevonden' : 'Alle cliënten'}
            opties={kandidaten.map((k) => ({
              waarde: k.id,
              label: `${k.naam} (klantnummer ${k.klantnummer})`,
            }))}
          />
        )}
      </div>
      <form
        className="formulier filters"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          zetFilter(invoer);
        }}
      >
        <Tekstveld
          id="audit-gebruiker"
          label="Gebruiker"
          hint="De gebruikersnaam, bijvoorbeeld casemanager@dinkelland"
          waarde={invoer.gebruiker}
          bijWijziging={zet('gebruiker')}
        />
        <Keuzelijst
          id="audit-actie"
          label="Actie"
          waarde={invoer.actie}
          bijWijziging={zet('actie')}
          leeg="Alle acties"
          opties={(spoor.soort === 'klaar' ? spoor.data.acties : []).map((a) => ({
            waarde: a,
            label: ACTIE[a] ?? a.replaceAll('-', ' '),
          }))}
        />
        <Tekstveld
          id="audit-van"
          type="date"
          breedte="smal"
          label="Vanaf"
          waarde={invoer.van}
          bijWijziging={zet('van')}
        />
        <Tekstveld
          id="audit-tot"
          type="date"
          breedte="smal"
          label="Tot en met"
          waarde={invoer.tot}
          bijWijziging={zet('tot')}
        />
        <Button type="submit" appearance="primary-action-button">
          Filteren
        </Button>
      </form>
      {spoor.soort === 'laden' && <Laden wat="Het auditspoor" />}
      {spoor.soort === 'fout' && <ProbleemMelding probleem={spoor.probleem} />}
      {spoor.soort === 'klaar' &&
        (spoor.data.regels.length === 0 ? (
          <Leeg>Geen regels bij dit filter.</Leeg>
        ) : (
          <>
            <Paragraph aria-live="polite">
              {spoor.data.regels.length === 200
                ? 'De nieuwste 200 regels.'
                : `${spoor.data.regels.length} regels.`}
            </Paragraph>
            <Table className="tabel">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">Tijdstip</TableHeaderCell>
                  <TableHeaderCell scope="col">Gebruiker</TableHeaderCell>
                  <TableHeaderCell scope="col">Actie</TableHeaderCell>
                  <TableHeaderCell scope="col">Over</TableHeaderCell>
                  <TableHeaderCell scope="col">Doel</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {spoor.data.regels.map((r) => (
                  <TableRow key={r.id}>
                    <TableCell>{tijdstip(r.tijdstip)}</TableCell>
                    <TableCell>{r.gebruikersnaam ?? 'het systeem'}</TableCell>
                    <TableCell>{ACTIE[r.actie] ?? r.actie.replaceAll('-', ' ')}</TableCell>
                    <TableCell>
                      {r.inwoner
                        ? `${r.inwoner.naam} (klantnummer ${r.inwoner.klantnummer})`
                        : r.object.replaceAll('-', ' ')}
                    </TableCell>
                    <TableCell>{r.doel}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ))}
    </>
  );
}

/** Reads personal data for 'verantwoording en controle' (or the purpose chosen for it, see ../doelen.tsx). */
export const Auditspoor = metDoel('verantwoording en controle', AuditspoorScherm);
