import { serve } from '@hono/node-server';
import { zorgVoorGemeenten } from '../administratie/opzet.ts';
import { lokaleAuthenticator } from '../administratie/gebruikers.ts';
import { openBsnKluis } from '../administratie/sleutelbeheer.ts';
import { documentContext } from './documentdiensten.ts';
import { maakEngine } from '../engine/index.ts';
import type { Configuratie } from '../opslag/configuratie.ts';
import { type Opslag, openOpslag } from '../opslag/database.ts';
import { migreerOpslag } from '../opslag/migreer.ts';
import { formatteerFout, laadBibliotheek } from '../regelgeving/index.ts';
import { aanmeldOptiesUitOmgeving } from './aanmeld-instellingen.ts';
import { maakApp } from './app.ts';
import { vulDemo } from './demo.ts';
import { apiVoorvoegsels, metWebapp } from './webapp.ts';

/** Starts the HTTP server: store, migrations, gemeenten, optionally demo data, the job queue; stops cleanly on SIGTERM. */
export async function startServer(
  config: Configuratie,
  opties: {
    demo: boolean;
    log: (t: string) => void;
    env?: NodeJS.ProcessEnv;
    /** The store, when the caller began opening it already (the CLI does, before loading this module). */
    opslag?: Promise<Opslag>;
  },
): Promise<{ url: string; stop: () => Promise<void> }> {
  const b = laadBibliotheek();
  if (!b.ok) throw new Error(b.fouten.map(formatteerFout).join('\n'));
  const engine = maakEngine(b.waarde);
  const opslag = await (opties.opslag ?? openOpslag(config));
  // Everything the start checks ends the start cleanly: the store is closed before the error travels on.
  let kluis: Awaited<ReturnType<typeof openBsnKluis>>;
  try {
    await migreerOpslag(config, opslag);
    await zorgVoorGemeenten(opslag.db, b.waarde);
    kluis = await openBsnKluis(opslag.db, config);
  } catch (e) {
    await opslag.sluit();
    throw e;
  }
  if (opties.demo) {
    const gevuld = await vulDemo(opslag.db, engine, kluis, { alleenAlsLeeg: true, perGemeente: 300 });
    if (gevuld)
      opties.log(
        `demogegevens: ${gevuld.inwoners} inwoners, ${gevuld.beschikkingen} beschikkingen, ${gevuld.budgetten} budgetten, ${gevuld.wachtlijst} op de wachtlijst beschut werk; wachtwoord van alle demogebruikers: ${gevuld.wachtwoord}`,
      );
  }
  const aanmelding = aanmeldOptiesUitOmgeving(
    opslag.db,
    opties.env ?? process.env,
    `http://127.0.0.1:${config.poort}`,
  );
  const app = maakApp({
    db: opslag.db,
    engine,
    kluis,
    authenticator: lokaleAuthenticator(opslag.db, { geheugenMs: 5_000 }),
    aanmelding,
  });
  const server = await new Promise<ReturnType<typeof serve>>((klaar) => {
    // The web application is served by the same server and port; API paths go to the API untouched.
    const fetch = metWebapp(app.fetch, { voorvoegsels: apiVoorvoegsels(app.routes) });
    const s = serve({ fetch, port: config.poort, hostname: '127.0.0.1' }, () => klaar(s));
  });
  const adres = server.address();
  const poort = typeof adres === 'object' && adres ? adres.port : config.poort;
  const url = `http://127.0.0.1:${poort}`;
  // Scheduled work on pg-boss; at start the jobs also run for today, in case a schedule was missed.
  // No request needs the queue, so it starts while the server already answers (issue 14: the first
  // answer within a second of the start); the start fails as before when the queue does not come up,
  // and says it listens once everything runs.
  const wachtrij = import('../opslag/wachtrij.ts').then(({ openWachtrij }) =>
    openWachtrij(opslag, config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  );
  const stop = async () => {
    await new Promise<void>((klaar) => server.close(() => klaar()));
    await (await wachtrij.catch(() => undefined))?.stop();
    await opslag.sluit();
  };
  try {
    const [{ planTaken, vandaagInNederland }, { planDocumentTaken }] = await Promise.all([
      import('../administratie/taken.ts'),
      import('../documenten/taken.ts'),
    ]);
    await planTaken(await wachtrij, opslag.db, { inhalen: true, engine });
    await planDocumentTaken(await wachtrij, opslag.db, {
      ctx: documentContext(engine),
      kluis,
      vandaag: () => vandaagInNederland(),
      inhalen: true,
    });
  } catch (e) {
    await stop();
    throw e;
  }
  opties.log(
    `reintegratie luistert op ${url} (webapplicatie op ${url}/, opslag: ${opslag.soort}; API-beschrijving ${url}/docs)`,
  );
  return { url, stop };
}
