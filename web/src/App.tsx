import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { Laden } from './onderdelen/status.tsx';
import { Pagina } from './onderdelen/pagina.tsx';
import { Aanmelden } from './paginas/aanmelden.tsx';
import { KiesGemeente } from './paginas/kies-gemeente.tsx';
import { NietGevonden } from './paginas/niet-gevonden.tsx';
import { SessieVerlopen } from './paginas/sessie-verlopen.tsx';
import { Start } from './paginas/start.tsx';
import { type Gemeente, SessieBron, useSessie } from './sessie.tsx';

// Each role's screens load when first opened: the sign-in page does not wait for the charts.
const Aanbod = lazy(() => import('./paginas/aanbod.tsx').then((m) => ({ default: m.Aanbod })));
const Agenda = lazy(() => import('./paginas/agenda.tsx').then((m) => ({ default: m.Agenda })));
const Auditspoor = lazy(() => import('./paginas/auditspoor.tsx').then((m) => ({ default: m.Auditspoor })));
const Brief = lazy(() => import('./paginas/brief.tsx').then((m) => ({ default: m.Brief })));
const Rapportages = lazy(() => import('./paginas/rapportages.tsx').then((m) => ({ default: m.Rapportages })));
const Client = lazy(() => import('./paginas/client.tsx').then((m) => ({ default: m.Client })));
const Clienten = lazy(() => import('./paginas/clienten.tsx').then((m) => ({ default: m.Clienten })));
const Conformiteit = lazy(() =>
  import('./paginas/conformiteit.tsx').then((m) => ({ default: m.Conformiteit })),
);
const Document = lazy(() => import('./paginas/document.tsx').then((m) => ({ default: m.Document })));
const Impact = lazy(() => import('./paginas/impact.tsx').then((m) => ({ default: m.Impact })));
const Ontwerpen = lazy(() => import('./paginas/ontwerpen.tsx').then((m) => ({ default: m.Ontwerpen })));
const NieuwOntwerp = lazy(() => import('./paginas/ontwerpen.tsx').then((m) => ({ default: m.NieuwOntwerp })));
const OntwerpPagina = lazy(() => import('./paginas/ontwerp.tsx').then((m) => ({ default: m.OntwerpPagina })));
const Overzicht = lazy(() => import('./paginas/overzicht.tsx').then((m) => ({ default: m.Overzicht })));
const Regelgeving = lazy(() => import('./paginas/regelgeving.tsx').then((m) => ({ default: m.Regelgeving })));
const Vergelijken = lazy(() => import('./paginas/vergelijken.tsx').then((m) => ({ default: m.Vergelijken })));

/**
 * Routes of the application. Every page of a gemeente goes through `MetGemeente`: a gemeente the
 * user has no role for is "niet gevonden", before any of its data is asked for.
 */
export function App() {
  return (
    <SessieBron>
      <FocusBijNavigatie />
      <Suspense
        fallback={
          <Pagina>
            <Laden wat="De pagina" />
          </Pagina>
        }
      >
        <Routes>
          <Route path="/" element={<Begin />} />
          <Route path="/aanmelden" element={<Aanmelden />} />
          <Route path="/gemeente-kiezen" element={<Aangemeld>{() => <KiesGemeente />}</Aangemeld>} />
          <Route path="/:gemeente" element={<MetGemeente>{(g) => <Start gemeente={g} />}</MetGemeente>} />
          <Route
            path="/:gemeente/clienten"
            element={<MetGemeente>{(g) => <Clienten gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/clienten/:id"
            element={<MetGemeente>{(g) => <Client gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/clienten/:id/aanbod"
            element={<MetGemeente>{(g) => <Aanbod gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/agenda"
            element={<MetGemeente>{(g) => <Agenda gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/regelgeving"
            element={<MetGemeente>{(g) => <Regelgeving gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/regelgeving/:regeling/:versie"
            element={<MetGemeente>{(g) => <Document gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/vergelijken"
            element={<MetGemeente>{(g) => <Vergelijken gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/conformiteit"
            element={<MetGemeente>{(g) => <Conformiteit gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/impact"
            element={<MetGemeente>{(g) => <Impact gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/ontwerpen"
            element={<MetGemeente>{(g) => <Ontwerpen gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/ontwerpen/nieuw"
            element={<MetGemeente>{(g) => <NieuwOntwerp gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/ontwerpen/:id"
            element={<MetGemeente>{(g) => <OntwerpPagina gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/overzicht"
            element={<MetGemeente>{(g) => <Overzicht gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/beschikkingen/:id/brief"
            element={<MetGemeente>{(g) => <Brief gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/beschikkingen/:id/bezwaren/:bezwaarId/brief"
            element={<MetGemeente>{(g) => <Brief gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/rapportages"
            element={<MetGemeente>{(g) => <Rapportages gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="/:gemeente/audit"
            element={<MetGemeente>{(g) => <Auditspoor gemeente={g} />}</MetGemeente>}
          />
          <Route
            path="*"
            element={
              <Pagina>
                <NietGevonden />
              </Pagina>
            }
          />
        </Routes>
      </Suspense>
      <SessieVerlopen />
    </SessieBron>
  );
}

/** After a client-side navigation the focus goes to the page's content, as after a page load. */
function FocusBijNavigatie() {
  const { pathname } = useLocation();
  useEffect(() => {
    const inhoud = document.getElementById('inhoud');
    if (inhoud && document.activeElement === document.body) return;
    inhoud?.focus({ preventScroll: false });
    // Only on a change of page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
  return null;
}

function Begin() {
  const s = useSessie();
  if (!s.gebruikersnaam) return <Navigate to="/aanmelden" replace />;
  if (!s.gemeenten)
    return (
      <Pagina>
        <Laden wat="Uw gemeenten" />
      </Pagina>
    );
  if (s.gemeenten.length === 1) return <Navigate to={`/${s.gemeenten[0]!.slug}`} replace />;
  return <Navigate to="/gemeente-kiezen" replace />;
}

function Aangemeld({ children }: { children: () => ReactNode }) {
  const s = useSessie();
  const plek = useLocation();
  if (!s.gebruikersnaam) return <Navigate to="/aanmelden" replace state={{ terug: plek.pathname }} />;
  if (!s.gemeenten)
    return (
      <Pagina>
        <Laden wat="Uw gemeenten" />
      </Pagina>
    );
  return <>{children()}</>;
}

function MetGemeente({ children }: { children: (g: Gemeente) => ReactNode }) {
  const { gemeente } = useParams();
  const s = useSessie();
  return (
    <Aangemeld>
      {() => {
        const g = s.gemeente(gemeente);
        if (!g)
          return (
            <Pagina>
              <NietGevonden />
            </Pagina>
          );
        return <Pagina gemeente={g}>{children(g)}</Pagina>;
      }}
    </Aangemeld>
  );
}
