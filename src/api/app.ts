import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono, type RouteConfig, type RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { log } from '../administratie/audit.ts';
import {
  beeindig,
  beschikkingenVan,
  beschikkingInvoerSchema,
  herbeoordeel,
  leesBeschikking,
  neemBeschikking,
} from '../administratie/beschikkingen.ts';
import { budgetten, hevelOver, stelBudgetVast } from '../administratie/budgetten.ts';
import type { Uitslag } from '../administratie/fouten.ts';
import { type Authenticator, meldAan } from '../administratie/gebruikers.ts';
import {
  feitgeschiedenis,
  leesInwoner,
  legFeitVast,
  nieuweInwonerSchema,
  registreerInwoner,
  zoekInwoners,
} from '../administratie/inwoners.ts';
import { dueLijst, handelTermijnAf } from '../administratie/termijnen.ts';
import { gemeentenVan, LEZERS, vereisRol } from '../administratie/toegang.ts';
import type { BsnKluis } from '../beveiliging/bsn.ts';
import { casusSchema, veldFouten } from '../casus/index.ts';
import { ENGINE_VERSIE, type Engine } from '../engine/index.ts';
import type { Db } from '../opslag/database.ts';
import { idempotentie } from './idempotentie.ts';
import type { ApiEnv } from './omgeving.ts';
import { probleem } from './probleem.ts';
import { verwachteVersie } from './route-hulp.ts';
import { registreerBeschutWerkRoutes } from './routes-beschut-werk.ts';
import { registreerBezwaarRoutes } from './routes-bezwaren.ts';
import { registreerAanvraagRoutes } from './routes-aanvragen.ts';
import { registreerTaakRoutes } from './routes-taken.ts';
import { docsPagina } from './docs.ts';

export interface ApiAfhankelijkheden {
  readonly db: Db;
  readonly engine: Engine;
  readonly kluis: BsnKluis;
  readonly authenticator: Authenticator;
  /** Today's date, for overdue signals; injectable so tests do not depend on the clock. */
  readonly vandaag?: () => string;
}

const OPEN_PADEN = new Set(['/auth/login', '/openapi.json', '/docs', '/health']);
const gemeenteParam = z.object({ gemeente: z.string().regex(/^[a-z0-9-]+$/) });
const idParam = gemeenteParam.extend({ id: z.string() });
const algemeen = z.looseObject({});
const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const probleemAntwoord = (description: string) => ({
  description,
  content: {
    'application/problem+json': {
      schema: z.looseObject({ type: z.string(), title: z.string(), status: z.number() }),
    },
  },
});
const FOUTEN = {
  400: probleemAntwoord('Ongeldige invoer (met veldpaden)'),
  401: probleemAntwoord('Niet aangemeld'),
  404: probleemAntwoord('Niet gevonden, of geen toegang tot deze gemeente'),
};
const beveiligd = [{ bearer: [] }];

export function maakApp(deps: ApiAfhankelijkheden) {
  const { db, engine, kluis, authenticator } = deps;
  const vandaag = deps.vandaag ?? (() => new Date().toISOString().slice(0, 10));
  const regelgevingHash = createHash('sha256')
    .update(
      engine.bibliotheek.regelingen
        .map((r) => r.hash)
        .sort()
        .join(','),
    )
    .digest('hex');

  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (r, c) => {
      if (!r.success) {
        return new Response(
          JSON.stringify({
            type: 'https://reintegratie.local/problemen/ongeldig',
            title: 'ongeldige invoer',
            status: 400,
            velden: veldFouten(r.error.issues),
          }),
          {
            status: 400,
            headers: { 'content-type': 'application/problem+json' },
          },
        );
      }
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });

  // Every answer says which engine and which regulation set produced it.
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('x-engine-versie', ENGINE_VERSIE);
    c.res.headers.set('x-regelgeving', regelgevingHash);
  });

  app.use('*', async (c, next) => {
    if (OPEN_PADEN.has(c.req.path)) return next();
    const kop = c.req.header('authorization') ?? '';
    const token = kop.startsWith('Bearer ') ? kop.slice(7) : '';
    const actor = token
      ? await authenticator.actorVoorToken(token, c.req.header('x-doel') ?? 'uitvoering re-integratie')
      : undefined;
    if (!actor) {
      return new Response(
        JSON.stringify({
          type: 'https://reintegratie.local/problemen/niet-aangemeld',
          title: 'aanmelden vereist (Authorization: Bearer <token>)',
          status: 401,
        }),
        {
          status: 401,
          headers: { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer' },
        },
      );
    }
    c.set('actor', actor);
    return next();
  });
  // A gemeente the user has no role for does not exist for them: 404 before validation or
  // idempotency, so not even a 400 on a malformed body tells them that a route or resource is there.
  const alleenEigenGemeente = async (c: Context<ApiEnv>, next: () => Promise<void>) => {
    const gemeente = c.req.param('gemeente');
    if (gemeente !== undefined && !c.get('actor')?.rollen.get(gemeente)?.size)
      return probleem(c, { code: 'niet-gevonden', bericht: `gemeente '${gemeente}' niet gevonden` });
    return next();
  };
  app.use('/gemeenten/:gemeente', alleenEigenGemeente);
  app.use('/gemeenten/:gemeente/*', alleenEigenGemeente);
  app.use('*', idempotentie(db));

  // Handlers return plain Responses (problem+json, ETags); the route config still documents them.
  type Ctx<R extends RouteConfig> = Parameters<RouteHandler<R, ApiEnv>>[0];
  const registreer = <R extends RouteConfig>(r: R, h: (c: Ctx<R>) => Promise<Response> | Response) =>
    app.openapi(r, h as unknown as RouteHandler<R, ApiEnv>);

  const antwoord = <T>(
    c: Context<ApiEnv, any, any>,
    u: Uitslag<T>,
    status: 200 | 201 = 200,
    etag?: (w: T) => string,
  ) => {
    if (!u.ok) return probleem(c, u.fout);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (etag) headers.etag = etag(u.waarde);
    return new Response(JSON.stringify(u.waarde), { status, headers });
  };
  const actor = (c: Context<ApiEnv, any, any>) => c.get('actor')!;

  app.get('/health', (c) => c.json({ status: 'ok' }));

  registreer(
    createRoute({
      method: 'post',
      path: '/auth/login',
      summary: 'Aanmelden met gebruikersnaam en wachtwoord; geeft een token',
      tags: ['aanmelden'],
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({ gebruikersnaam: z.string(), wachtwoord: z.string() }),
            },
          },
        },
      },
      responses: {
        200: json(z.object({ token: z.string(), verlooptOp: z.string() }), 'Aangemeld'),
        401: probleemAntwoord('Onjuiste gegevens'),
      },
    }),
    async (c) => {
      const { gebruikersnaam, wachtwoord } = c.req.valid('json');
      const s = await meldAan(db, gebruikersnaam, wachtwoord);
      if (!s)
        return new Response(
          JSON.stringify({
            type: 'https://reintegratie.local/problemen/niet-aangemeld',
            title: 'onjuiste gebruikersnaam of wachtwoord',
            status: 401,
          }),
          { status: 401, headers: { 'content-type': 'application/problem+json' } },
        );
      return c.json({ token: s.token, verlooptOp: s.verlooptOp.toISOString() }, 200);
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten',
      summary: 'De gemeenten waarvoor u een rol hebt',
      tags: ['gemeenten'],
      security: beveiligd,
      responses: { 200: json(z.array(algemeen), 'Gemeenten met uw rollen'), 401: FOUTEN[401] },
    }),
    async (c) => {
      const a = actor(c);
      const slugs = gemeentenVan(a);
      const rijen =
        slugs.length === 0
          ? []
          : await db.selectFrom('gemeente').selectAll().where('slug', 'in', slugs).orderBy('slug').execute();
      return c.json(
        rijen.map((g) => ({ ...g, rollen: [...(a.rollen.get(g.slug) ?? [])].sort() })),
        200,
      );
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/evaluate',
      summary: 'Beoordeel een casus (hetzelfde contract als reintegratie evaluate --json)',
      tags: ['regels'],
      security: beveiligd,
      request: { body: { content: { 'application/json': { schema: casusSchema } } } },
      responses: {
        200: json(algemeen, 'Uitkomst per voorziening, met gronden, bedragen en termijnen'),
        ...FOUTEN,
        422: probleemAntwoord('Geen regeling in werking'),
      },
    }),
    async (c) => {
      const casus = c.req.valid('json');
      const rol = vereisRol(actor(c), casus.gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      const r = engine.evalueer(casus);
      if (!r.ok)
        return probleem(
          c,
          r.fout.code === 'ongeldige-casus'
            ? { code: 'ongeldig', bericht: 'ongeldige casus', velden: r.fout.fouten }
            : { code: 'niet-toegestaan', bericht: r.fout.bericht },
        );
      return c.json(r.resultaat, 200);
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/inwoners',
      summary: 'Zoek inwoners (BSN gemaskeerd); elke raadpleging komt in het auditlog',
      tags: ['inwoners'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({
          bsn: z.string().optional(),
          naam: z.string().optional(),
          limiet: z.coerce.number().int().min(1).max(500).optional(),
          vanaf: z.coerce.number().int().min(0).optional(),
        }),
      },
      responses: {
        200: json(z.object({ totaal: z.number(), items: z.array(algemeen) }), 'Inwoners'),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const q = c.req.valid('query');
      return antwoord(
        c,
        await zoekInwoners(db, kluis, actor(c), gemeente, {
          bsn: q.bsn,
          naam: q.naam,
          limiet: q.limiet ?? 50,
          vanaf: q.vanaf ?? 0,
        }),
      );
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/inwoners',
      summary: 'Registreer een inwoner (BSN met elfproef; versleuteld opgeslagen)',
      tags: ['inwoners'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: { content: { 'application/json': { schema: nieuweInwonerSchema } } },
      },
      responses: { 201: json(algemeen, 'Geregistreerd'), ...FOUTEN, 409: probleemAntwoord('Bestaat al') },
    }),
    async (c) =>
      antwoord(
        c,
        await registreerInwoner(db, kluis, actor(c), c.req.valid('param').gemeente, c.req.valid('json')),
        201,
        (w) => `W/"${w.versie}"`,
      ),
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/inwoners/{id}',
      summary: 'Lees een inwoner; met volledigBsn=true het hele BSN (apart gelogd)',
      tags: ['inwoners'],
      security: beveiligd,
      request: { params: idParam, query: z.object({ volledigBsn: z.enum(['true', 'false']).optional() }) },
      responses: { 200: json(algemeen, 'Inwoner (ETag = versie)'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(
        c,
        await leesInwoner(db, kluis, actor(c), gemeente, id, {
          volledigBsn: c.req.valid('query').volledigBsn === 'true',
        }),
        200,
        (w) => `W/"${w.versie}"`,
      );
    },
  );

  registreer(
    createRoute({
      method: 'patch',
      path: '/gemeenten/{gemeente}/inwoners/{id}',
      summary: 'Wijzig naam of casemanager; vereist If-Match met de ETag (optimistische gelijktijdigheid)',
      tags: ['inwoners'],
      security: beveiligd,
      request: {
        params: idParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                naam: z.string().trim().min(1).optional(),
                casemanagerId: z.uuid().optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(algemeen, 'Gewijzigd'),
        ...FOUTEN,
        412: probleemAntwoord('Versie gewijzigd sinds u las'),
        428: probleemAntwoord('If-Match ontbreekt'),
      },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const a = actor(c);
      const rol = vereisRol(a, gemeente, ['casemanager', 'manager']);
      if (!rol.ok) return probleem(c, rol.fout);
      const versie = verwachteVersie(c);
      if (versie instanceof Response) return versie;
      const wijziging = c.req.valid('json');
      const rij = await db
        .updateTable('inwoner')
        .set((eb) => ({ ...wijziging, versie: eb('versie', '+', 1) }))
        .where('gemeente', '=', gemeente)
        .where('id', '=', z.uuid().safeParse(id).success ? id : '00000000-0000-0000-0000-000000000000')
        .where('versie', '=', versie)
        .returning(['id', 'versie'])
        .executeTakeFirst();
      if (!rij) {
        const huidig = await leesInwoner(db, kluis, a, gemeente, id);
        if (!huidig.ok) return probleem(c, huidig.fout);
        return probleem(c, {
          code: 'versie',
          bericht: 'de inwoner is gewijzigd sinds u hem las',
          huidig: huidig.waarde.versie,
        });
      }
      await log(db, a, gemeente, 'wijzigen', 'inwoner', id);
      return antwoord(c, await leesInwoner(db, kluis, a, gemeente, id), 200, (w) => `W/"${w.versie}"`);
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/inwoners/{id}/feiten',
      summary: 'Leg een feit vast vanaf een datum (eerdere waarden blijven bewaard)',
      tags: ['inwoners'],
      security: beveiligd,
      request: {
        params: idParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                naam: z.string(),
                waarde: z.unknown(),
                geldigVanaf: z.string(),
                bron: z.string(),
              }),
            },
          },
        },
      },
      responses: { 201: json(z.object({ id: z.number() }), 'Vastgelegd'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await legFeitVast(db, actor(c), gemeente, id, c.req.valid('json')), 201);
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/inwoners/{id}/feiten',
      summary: 'Geschiedenis van alle feiten',
      tags: ['inwoners'],
      security: beveiligd,
      request: { params: idParam },
      responses: { 200: json(z.array(algemeen), 'Feiten'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await feitgeschiedenis(db, actor(c), gemeente, id));
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/inwoners/{id}/beschikkingen',
      summary: 'Beschikkingen van een inwoner',
      tags: ['beschikkingen'],
      security: beveiligd,
      request: { params: idParam },
      responses: { 200: json(z.array(algemeen), 'Beschikkingen'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await beschikkingenVan(db, actor(c), gemeente, id));
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/beschikkingen',
      summary:
        'Neem een beschikking (toekenning of afwijzing); budgetplafond, termijnen en audit in één transactie',
      tags: ['beschikkingen'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: { content: { 'application/json': { schema: beschikkingInvoerSchema } } },
      },
      responses: {
        201: json(
          algemeen,
          'Genomen (een toekenning boven het plafond wordt een afwijzing met het plafondartikel)',
        ),
        ...FOUTEN,
        422: probleemAntwoord(
          'De regels geven een andere uitkomst (met de open vragen of ontbrekende feiten)',
        ),
      },
    }),
    async (c) =>
      antwoord(
        c,
        await neemBeschikking(db, engine, actor(c), c.req.valid('param').gemeente, c.req.valid('json')),
        201,
      ),
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/beschikkingen/{id}',
      summary: 'Lees een beschikking met de volledige uitkomst en de regelingversies',
      tags: ['beschikkingen'],
      security: beveiligd,
      request: { params: idParam },
      responses: { 200: json(algemeen, 'Beschikking'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await leesBeschikking(db, actor(c), gemeente, id));
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/beschikkingen/{id}/herbeoordeling',
      summary: 'Beoordeel een opgeslagen beschikking opnieuw met de vastgelegde regelingversies',
      tags: ['beschikkingen'],
      security: beveiligd,
      request: { params: idParam },
      responses: {
        200: json(
          z.object({ gelijk: z.boolean(), verschillen: z.array(z.string()) }).loose(),
          'Vergelijking',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await herbeoordeel(db, engine, actor(c), gemeente, id));
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/beschikkingen/{id}/beeindiging',
      summary: 'Beëindig een voorziening op een grond uit de verordening',
      tags: ['beschikkingen'],
      security: beveiligd,
      request: {
        params: idParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                datum: z.string(),
                grond: z.string(),
                motivering: z.string(),
                verzondenOp: z.string().optional(),
              }),
            },
          },
        },
      },
      responses: { 201: json(algemeen, 'Beëindigd'), ...FOUTEN, 409: probleemAntwoord('Al beëindigd') },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await beeindig(db, engine, actor(c), gemeente, id, c.req.valid('json')), 201);
    },
  );

  const budgetParam = gemeenteParam.extend({ jaar: z.coerce.number().int() });
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/budgetten/{jaar}',
      summary: 'Budgetten en gebruik in een jaar',
      tags: ['budgetten'],
      security: beveiligd,
      request: { params: budgetParam },
      responses: { 200: json(z.array(algemeen), 'Budgetten'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, jaar } = c.req.valid('param');
      return antwoord(c, await budgetten(db, actor(c), gemeente, jaar));
    },
  );
  registreer(
    createRoute({
      method: 'put',
      path: '/gemeenten/{gemeente}/budgetten/{jaar}/{voorziening}',
      summary: 'Stel een budgetplafond (en eventueel deelnemersplafond) vast',
      tags: ['budgetten'],
      security: beveiligd,
      request: {
        params: budgetParam.extend({ voorziening: z.string() }),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                plafondCent: z.number().int(),
                deelnemersplafond: z.number().int().nullable().optional(),
                artikel: z.string(),
                besluit: z.string(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(algemeen, 'Vastgesteld'),
        ...FOUTEN,
        409: probleemAntwoord('Lager dan al toegekend'),
      },
    }),
    async (c) => {
      const { gemeente, jaar, voorziening } = c.req.valid('param');
      return antwoord(
        c,
        await stelBudgetVast(db, actor(c), gemeente, jaar, voorziening, c.req.valid('json')),
      );
    },
  );
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/budgetten/{jaar}/overhevelingen',
      summary: 'Hevel budget over tussen voorzieningen (een vastgelegd besluit)',
      tags: ['budgetten'],
      security: beveiligd,
      request: {
        params: budgetParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                van: z.string(),
                naar: z.string(),
                bedragCent: z.number().int(),
                besluit: z.string(),
              }),
            },
          },
        },
      },
      responses: {
        201: json(algemeen, 'Overgeheveld'),
        ...FOUTEN,
        409: probleemAntwoord('Onvoldoende ruimte'),
      },
    }),
    async (c) => {
      const { gemeente, jaar } = c.req.valid('param');
      return antwoord(c, await hevelOver(db, actor(c), gemeente, jaar, c.req.valid('json')), 201);
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/termijnen',
      summary:
        'Openstaande termijnen tot een datum (evaluaties, premies, einddata, bezwaartermijnen); te laat gemarkeerd',
      tags: ['termijnen'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({ tot: z.string().optional(), casemanager: z.enum(['ik']).or(z.uuid()).optional() }),
      },
      responses: { 200: json(z.array(algemeen), 'Termijnen'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const q = c.req.valid('query');
      const a = actor(c);
      return antwoord(
        c,
        await dueLijst(db, a, gemeente, {
          tot: q.tot ?? vandaag(),
          vandaag: vandaag(),
          casemanagerId: q.casemanager === 'ik' ? a.gebruikerId : q.casemanager,
        }),
      );
    },
  );
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/termijnen/{id}/afhandeling',
      summary: 'Handel een termijn af; een premie alleen met het oordeel over voldoende meewerking',
      tags: ['termijnen'],
      security: beveiligd,
      request: {
        params: gemeenteParam.extend({ id: z.coerce.number().int() }),
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                voldoendeMeegewerkt: z.boolean().optional(),
                toelichting: z.string(),
              }),
            },
          },
        },
      },
      responses: { 201: json(algemeen, 'Afgehandeld'), ...FOUTEN, 409: probleemAntwoord('Al afgehandeld') },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await handelTermijnAf(db, actor(c), gemeente, id, c.req.valid('json')), 201);
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/audit',
      summary: 'Het auditlog van een gemeente (rol auditor of beheerder)',
      tags: ['audit'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({ limiet: z.coerce.number().int().min(1).max(1000).optional() }),
      },
      responses: { 200: json(z.array(algemeen), 'Auditregels, nieuwste eerst'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, ['auditor', 'beheerder']);
      if (!rol.ok) return probleem(c, rol.fout);
      const rijen = await db
        .selectFrom('audit')
        .selectAll()
        .where('gemeente', '=', gemeente)
        .orderBy('id', 'desc')
        .limit(c.req.valid('query').limiet ?? 100)
        .execute();
      return c.json(
        rijen.map((r) => ({ ...r, id: Number(r.id) })),
        200,
      );
    },
  );

  const hulp = { registreer, antwoord, actor, vandaag };
  registreerBeschutWerkRoutes(app, deps, hulp);
  registreerBezwaarRoutes(app, deps, hulp);
  registreerAanvraagRoutes(app, deps, hulp);
  registreerTaakRoutes(app, deps, hulp);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'reintegratie API',
      version: ENGINE_VERSIE,
      description:
        'Re-integratie onder de Participatiewet: regels, inwoners, beschikkingen, budgetten, termijnen.',
    },
  });
  app.get('/docs', (c) => c.html(docsPagina()));
  app.notFound(
    (c) =>
      new Response(
        JSON.stringify({
          type: 'https://reintegratie.local/problemen/niet-gevonden',
          title: `${c.req.method} ${c.req.path} bestaat niet`,
          status: 404,
        }),
        { status: 404, headers: { 'content-type': 'application/problem+json' } },
      ),
  );
  app.onError((e, c) => {
    // Never echo internals or personal data; the message stays on the server.
    console.error(
      `interne fout bij ${c.req.method} ${c.req.path}: ${e instanceof Error ? e.message : String(e)}`,
    );
    return new Response(
      JSON.stringify({
        type: 'https://reintegratie.local/problemen/intern',
        title: 'interne fout',
        status: 500,
      }),
      { status: 500, headers: { 'content-type': 'application/problem+json' } },
    );
  });
  return app;
}
