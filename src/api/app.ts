import { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiAfhankelijkheden } from './afhankelijkheden.ts';
import { aanmelding } from './aanmelding.ts';
import { interneFout, onbekendPad } from './foutafhandeling.ts';
import { herkomst } from './herkomst.ts';
import { schrijfverzoeken } from './idempotentie.ts';
import type { ApiEnv } from './omgeving.ts';
import { maakRouteHulp, type RouteModule } from './route-hulp.ts';
import { registreerAanvraagRoutes } from './routes/aanvragen.ts';
import { registreerAgendaRoutes } from './routes/agenda.ts';
import { registreerAuditRoutes } from './routes/audit.ts';
import { registreerAuditspoorRoutes } from './routes/auditspoor.ts';
import { registreerAuthRoutes } from './routes/auth.ts';
import { registreerBeschikkingRoutes } from './routes/beschikkingen.ts';
import { registreerBeschutWerkRoutes } from './routes/beschut-werk.ts';
import { registreerBezwaarRoutes } from './routes/bezwaren.ts';
import { registreerBriefRoutes } from './routes/brieven.ts';
import { registreerBudgetRoutes } from './routes/budgetten.ts';
import { registreerDocumentatieRoutes } from './routes/documentatie.ts';
import { registreerDossierRoutes } from './routes/dossiers.ts';
import { registreerEvaluateRoutes } from './routes/evaluate.ts';
import { registreerExportRoutes } from './routes/exports.ts';
import { registreerFeitRoutes } from './routes/feiten.ts';
import { registreerGebruikerRoutes } from './routes/gebruikers.ts';
import { registreerGemeenteRoutes } from './routes/gemeenten.ts';
import { registreerImpactRoutes } from './routes/impact.ts';
import { registreerInwonerRoutes } from './routes/inwoners.ts';
import { registreerOntwerpRoutes } from './routes/ontwerpen.ts';
import { registreerOverzichtRoutes } from './routes/overzichten.ts';
import { registreerRegelgevingRoutes } from './routes/regelgeving.ts';
import { registreerSrgRoutes } from './routes/srg.ts';
import { registreerTaakRoutes } from './routes/taken.ts';
import { registreerTermijnRoutes } from './routes/termijnen.ts';
import { registreerVerwerkingsdoelRoutes } from './routes/verwerkingsdoelen.ts';
import { verzoekDb } from '../opslag/transactie.ts';
import { registreerVoortgangRoutes } from './routes/voortgangsrapportages.ts';
import { bewaakGemeenten } from './tenancy.ts';
import { grootteLimiet, ongeldigeInvoer, randKoppen } from './validatie.ts';

export type { ApiAfhankelijkheden } from './afhankelijkheden.ts';

/** The route modules, in the order /openapi.json lists them. A new resource adds its module here. */
const ROUTES: readonly RouteModule[] = [
  registreerAuthRoutes,
  registreerGemeenteRoutes,
  registreerEvaluateRoutes,
  registreerInwonerRoutes,
  registreerFeitRoutes,
  registreerBeschikkingRoutes,
  registreerBudgetRoutes,
  registreerTermijnRoutes,
  registreerAuditRoutes,
  registreerBeschutWerkRoutes,
  registreerBezwaarRoutes,
  registreerAanvraagRoutes,
  registreerTaakRoutes,
  registreerVerwerkingsdoelRoutes,
  registreerGebruikerRoutes,
  // What the web application's screens read (web/): dossiers, agenda, regulations, impact, overviews, audit trail.
  registreerDossierRoutes,
  registreerAgendaRoutes,
  registreerRegelgevingRoutes,
  registreerImpactRoutes,
  registreerOntwerpRoutes,
  registreerOverzichtRoutes,
  registreerAuditspoorRoutes,
  // Documents: letters, the progress report, the SRG delivery, the quarterly exports.
  registreerBriefRoutes,
  registreerVoortgangRoutes,
  registreerSrgRoutes,
  registreerExportRoutes,
  registreerDocumentatieRoutes,
];

/**
 * Writing routes that are not run in one transaction per request: a decision is written by the group
 * commit, which shares one transaction between concurrent decisions and stores the Idempotency-Key
 * answer in it; sign-in, sign-out and revoking a user's sessions go through the authenticator, which
 * holds the root store (its session cache must see a revocation as soon as it is made), and write
 * sessions and attempt counters of one statement each. Judging a case and an impact run only compute (their one audit row is one statement);
 * on the embedded store a transaction would hold its single connection for the whole computation.
 */
const EIGEN_TRANSACTIE = (methode: string, pad: string) =>
  pad.startsWith('/auth/') ||
  /^\/gemeenten\/[^/]+\/gebruikers\/[^/]+\/sessie-intrekking$/.test(pad) ||
  pad === '/evaluate' ||
  (methode === 'POST' && /^\/gemeenten\/[^/]+\/(beschikkingen|impact)$/.test(pad));

/** The HTTP API: middleware in the order every request passes it, then the routes of each resource. */
export function maakApp(gegeven: ApiAfhankelijkheden) {
  // Every statement of a writing request goes to that request's transaction (see schrijfverzoeken).
  const opslag = verzoekDb(gegeven.db);
  const deps: ApiAfhankelijkheden = { ...gegeven, db: opslag.db };
  const vandaag = deps.vandaag ?? (() => new Date().toISOString().slice(0, 10));
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: ongeldigeInvoer });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  app.use('*', herkomst(deps.engine));
  app.use('*', grootteLimiet);
  app.use('*', aanmelding(deps.authenticator));
  bewaakGemeenten(app);
  app.use('*', randKoppen);
  app.use(
    '*',
    schrijfverzoeken({
      db: opslag.db,
      metTransactie: opslag.metTransactie,
      eigenTransactie: EIGEN_TRANSACTIE,
    }),
  );

  const hulp = maakRouteHulp(app, deps, vandaag);
  for (const registreer of ROUTES) registreer(app, deps, hulp);

  app.notFound(onbekendPad);
  app.onError(interneFout);
  return app;
}
