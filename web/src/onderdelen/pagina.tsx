import { Button, PageContent, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { ROL } from '../opmaak.ts';
import { type Gemeente, useSessie } from '../sessie.tsx';

/** Menu items per role: each role sees the screens of its own work. */
const MENU: readonly { pad: string; label: string; rollen: readonly string[] }[] = [
  { pad: 'clienten', label: 'Cliënten', rollen: ['casemanager', 'manager', 'beheerder'] },
  { pad: 'agenda', label: 'Agenda', rollen: ['casemanager', 'manager'] },
  {
    pad: 'regelgeving',
    label: 'Regelgeving',
    rollen: ['beleidsmedewerker', 'manager', 'beheerder', 'casemanager'],
  },
  { pad: 'vergelijken', label: 'Versies vergelijken', rollen: ['beleidsmedewerker', 'manager', 'beheerder'] },
  { pad: 'conformiteit', label: 'Toets aan de wet', rollen: ['beleidsmedewerker', 'manager', 'beheerder'] },
  { pad: 'impact', label: 'Impact van een ontwerp', rollen: ['beleidsmedewerker', 'manager', 'beheerder'] },
  // The draft's road to the council is the policy officer's work (the API also lets a manager and
  // the beheerder take these steps; their menus stay as they were).
  { pad: 'ontwerpen', label: 'Ontwerpen', rollen: ['beleidsmedewerker'] },
  { pad: 'overzicht', label: 'Budget en deelnemers', rollen: ['manager', 'beleidsmedewerker', 'beheerder'] },
  { pad: 'rapportages', label: 'Rapportages', rollen: ['manager', 'beleidsmedewerker', 'beheerder'] },
  { pad: 'audit', label: 'Auditspoor', rollen: ['auditor', 'beheerder'] },
];

export const menuVoor = (g: Gemeente) => MENU.filter((m) => m.rollen.some((r) => g.rollen.includes(r)));

/** The frame of every signed-in page: who is signed in, the gemeente in view (always visible), the menu. */
export function Pagina({ gemeente, children }: { gemeente?: Gemeente | undefined; children: ReactNode }) {
  const sessie = useSessie();
  const navigeer = useNavigate();
  const meer = (sessie.gemeenten?.length ?? 0) > 1;
  return (
    <div className="pagina">
      <SkipLink href="#inhoud">Direct naar de inhoud</SkipLink>
      <PageHeader className="kop">
        <div className="kop__regel">
          <Link to={gemeente ? `/${gemeente.slug}` : '/'} className="kop__naam">
            Re-integratie
          </Link>
          {sessie.gebruikersnaam && (
            <div className="kop__wie">
              <span>
                Aangemeld als <strong>{sessie.gebruikersnaam}</strong>
              </span>
              <Button
                appearance="subtle-button"
                onClick={() => {
                  sessie.meldAf();
                  navigeer('/');
                }}
              >
                Afmelden
              </Button>
            </div>
          )}
        </div>
        {gemeente && (
          <div className="kop__gemeente">
            <span>
              Gemeente in beeld: <strong data-testid="gemeente-in-beeld">{gemeente.naam}</strong>
              <span className="kop__rol">
                {' '}
                (u bent hier {gemeente.rollen.map((r) => ROL[r] ?? r).join(', ')})
              </span>
            </span>
            {meer && <Link to="/gemeente-kiezen">Andere gemeente kiezen</Link>}
          </div>
        )}
        {gemeente && (
          <nav aria-label="Hoofdmenu" className="menu">
            <ul>
              {menuVoor(gemeente).map((m) => (
                <li key={m.pad}>
                  <NavLink
                    to={`/${gemeente.slug}/${m.pad}`}
                    className={({ isActive }) => (isActive ? 'menu__link menu__link--actief' : 'menu__link')}
                  >
                    {m.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </PageHeader>
      <PageContent>
        <main id="inhoud" tabIndex={-1} className="inhoud">
          {children}
        </main>
      </PageContent>
      <footer className="voet">
        <Paragraph>
          Re-integratie onder de Participatiewet en de verordening van de gemeente. Elke uitkomst noemt het
          artikel waarop ze rust.
        </Paragraph>
      </footer>
    </div>
  );
}
