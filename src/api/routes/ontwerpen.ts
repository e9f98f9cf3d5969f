import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  leesOntwerp,
  maakOntwerp,
  naarRaadsvoorstel,
  type Ontwerp,
  stelVast,
  voegRondeToe,
  zetTeksten,
} from '../../administratie/ontwerpen.ts';
import { raadsvoorstelGegevens } from '../../administratie/raadsvoorstel.ts';
import { antwoordbrief } from '../../documenten/antwoordbrief.ts';
import { type BlokDocument, blokkenHtml, blokkenPdf } from '../../documenten/blokken.ts';
import { raadsvoorstel, VRIJE_TEKSTEN } from '../../documenten/raadsvoorstel.ts';
import { isGeldigeDatum } from '../../kalender/index.ts';
import { algemeen, beveiligd, FOUTEN, idParam, json } from '../openapi.ts';
import { gemeenteParam } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { uuidSchema } from '../validatie.ts';
import { ontwerpInvoerSchema, ontwerpTekst } from './regelgeving.ts';

const datum = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });
const teksten = z.partialRecord(
  z.enum(Object.keys(VRIJE_TEKSTEN) as [string, ...string[]]),
  z.string().max(20_000),
);
const formaat = z.object({
  formaat: z.enum(['pdf', 'html']).default('pdf'),
  datum: datum.optional().describe('De datum van het document; standaard vandaag'),
});
const document = {
  description: 'Het document',
  content: { 'application/pdf': { schema: z.string() }, 'text/html': { schema: z.string() } },
};

/** The summary of a draft an answer shows: without its YAML (the draft's own file, asked separately). */
const samenvatting = (o: Ontwerp) => ({ ...o, inhoud: undefined });

async function stuur(doc: BlokDocument, soort: 'pdf' | 'html', naam: string): Promise<Response> {
  if (soort === 'html')
    return new Response(blokkenHtml(doc), {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  return new Response(new Uint8Array(await blokkenPdf(doc)), {
    status: 200,
    headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${naam}.pdf"` },
  });
}

/**
 * A draft's road to the council (issue 13): store a draft, record advice rounds, send it to the
 * council, record the adoption; produce the reply letter of a round and the raadsvoorstel. Policy
 * roles only; every step is in the audit trail (src/administratie/ontwerpen.ts).
 */
export const registreerOntwerpRoutes: RouteModule = (
  _app,
  { db, engine },
  { registreer, actor, antwoord, vandaag },
) => {
  const tags = ['regelgeving'];
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/ontwerpen',
      summary:
        'Leg een ontwerp van een regeling vast (YAML, gecontroleerd zoals reintegratie validate een bestand controleert)',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({ ontwerp: ontwerpInvoerSchema, teksten: teksten.optional() }),
            },
          },
        },
      },
      responses: { 201: json(algemeen, 'Het ontwerp (status ontwerp)'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const b = c.req.valid('json');
      const u = await maakOntwerp(db, engine.bibliotheek, actor(c), gemeente, {
        bestandsnaam: b.ontwerp.bestandsnaam,
        inhoud: ontwerpTekst(b.ontwerp),
        ...(b.teksten ? { teksten: b.teksten as Record<string, string> } : {}),
      });
      return antwoord(c, u.ok ? { ok: true, waarde: samenvatting(u.waarde) } : u, 201);
    },
  );
  registreer(
    createRoute({
      method: 'get',
      // A draft, its rounds and documents hold no personal data (the raadsvoorstel only counts).
      'x-persoonsgegevens': false,
      path: '/gemeenten/{gemeente}/ontwerpen/{id}',
      summary: 'Een ontwerp met zijn status, teksten en adviesrondes',
      tags,
      security: beveiligd,
      request: { params: idParam },
      responses: { 200: json(algemeen, 'Het ontwerp'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await leesOntwerp(db, actor(c), gemeente, id));
    },
  );
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/ontwerpen/{id}/adviesrondes',
      summary:
        'Leg een adviesronde vast: adviesorgaan, data, punten per artikel en de reactie van het college met de uitkomst',
      tags,
      security: beveiligd,
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: z.strictObject({ ronde: algemeen }) } } },
      },
      responses: { 201: json(algemeen, 'Het ontwerp met de nieuwe ronde'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const u = await voegRondeToe(db, engine.bibliotheek, actor(c), gemeente, id, c.req.valid('json').ronde);
      return antwoord(c, u.ok ? { ok: true, waarde: samenvatting(u.waarde) } : u, 201);
    },
  );
  registreer(
    createRoute({
      method: 'put',
      path: '/gemeenten/{gemeente}/ontwerpen/{id}/teksten',
      summary: `De vrije teksten van het raadsvoorstel die de beleidsmedewerker schrijft (${Object.keys(VRIJE_TEKSTEN).join(', ')})`,
      tags,
      security: beveiligd,
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: z.strictObject({ teksten }) } } },
      },
      responses: { 200: json(algemeen, 'Het ontwerp'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const u = await zetTeksten(
        db,
        actor(c),
        gemeente,
        id,
        c.req.valid('json').teksten as Record<string, string>,
      );
      return antwoord(c, u.ok ? { ok: true, waarde: samenvatting(u.waarde) } : u);
    },
  );
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/ontwerpen/{id}/raadsvoorstel',
      summary: 'Zet het ontwerp door naar de raad (status raadsvoorstel)',
      tags,
      security: beveiligd,
      request: { params: idParam },
      responses: { 200: json(algemeen, 'Het ontwerp'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const u = await naarRaadsvoorstel(db, actor(c), gemeente, id);
      return antwoord(c, u.ok ? { ok: true, waarde: samenvatting(u.waarde) } : u);
    },
  );
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/ontwerpen/{id}/vaststelling',
      summary: 'Leg het raadsbesluit vast: vanaf geldigVanaf past de engine deze versie toe',
      tags,
      security: beveiligd,
      request: {
        params: idParam,
        body: { content: { 'application/json': { schema: z.strictObject({ besluitdatum: datum }) } } },
      },
      responses: { 200: json(algemeen, 'Het ontwerp (status vastgesteld)'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const u = await stelVast(
        db,
        engine.bibliotheek,
        actor(c),
        gemeente,
        id,
        c.req.valid('json').besluitdatum,
      );
      return antwoord(c, u.ok ? { ok: true, waarde: samenvatting(u.waarde) } : u);
    },
  );
  registreer(
    createRoute({
      method: 'get',
      // A draft, its rounds and documents hold no personal data (the raadsvoorstel only counts).
      'x-persoonsgegevens': false,
      path: '/gemeenten/{gemeente}/ontwerpen/{id}/raadsvoorstel',
      summary:
        'Het raadsvoorstel (PDF/A of HTML), met de cijfers uit het systeem: conformiteit, verschil, impact op de opgeslagen cliënten',
      tags,
      security: beveiligd,
      request: { params: idParam, query: formaat },
      responses: { 200: document, ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const q = c.req.valid('query');
      const g = await raadsvoorstelGegevens(db, engine, actor(c), gemeente, id);
      if (!g.ok) return antwoord(c, g);
      const doc = raadsvoorstel(engine.bibliotheek, {
        gegevens: g.waarde,
        rondes: g.waarde.ontwerp.rondes.map((r) => r.ronde),
        datum: q.datum ?? vandaag(),
      });
      return stuur(doc, q.formaat, 'raadsvoorstel');
    },
  );
  registreer(
    createRoute({
      method: 'get',
      // A draft, its rounds and documents hold no personal data (the raadsvoorstel only counts).
      'x-persoonsgegevens': false,
      path: '/gemeenten/{gemeente}/ontwerpen/{id}/adviesrondes/{ronde}/antwoordbrief',
      summary:
        'De brief van het college aan het adviesorgaan: per onderwerp het advies en de reactie (PDF/A of HTML)',
      tags,
      security: beveiligd,
      request: { params: idParam.extend({ ronde: uuidSchema }), query: formaat },
      responses: { 200: document, ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id, ronde } = c.req.valid('param');
      const q = c.req.valid('query');
      const o = await leesOntwerp(db, actor(c), gemeente, id);
      if (!o.ok) return antwoord(c, o);
      const r = o.waarde.rondes.find((x) => x.id === ronde);
      if (!r)
        return antwoord(c, {
          ok: false,
          fout: { code: 'niet-gevonden', bericht: 'adviesronde niet gevonden' },
        });
      return stuur(
        antwoordbrief(engine.bibliotheek, r.ronde, q.datum ?? vandaag()),
        q.formaat,
        'antwoordbrief',
      );
    },
  );
};
