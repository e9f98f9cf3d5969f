import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  engineInWerking,
  leesOntwerp,
  lijstOntwerpen,
  maakOntwerp,
  ontwerpSjabloon,
  wijzigInhoud,
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
import { BELEID, vereisRol } from '../../administratie/toegang.ts';
import { uuidSchema } from '../validatie.ts';
import { conflictSchema } from '../schema-resultaat.ts';
import { impactSchema, versieVan } from './impact.ts';
import { ontwerpInvoerSchema, ontwerpTekst } from './regelgeving.ts';

const uitkomstOvergangSchema = z.object({ van: z.string(), naar: z.string(), aantal: z.number() });
/** Which requests need a judgement under the draft that the version in force did not ask, and why. */
const nieuweOordelenSchema = z.object({
  beoordeeld: z.number().describe('Aanvragen en lopende voorzieningen die zijn beoordeeld'),
  aanvragen: z.number().describe('Waarvan onder het ontwerp een nieuw oordeel van het college nodig is'),
  perVoorziening: z.array(
    z.object({
      voorziening: z.string(),
      titel: z.string(),
      aanvragen: z.number(),
      overgangen: z.array(uitkomstOvergangSchema),
    }),
  ),
  vragen: z.array(
    z.object({
      voorziening: z.string(),
      titel: z.string(),
      feit: z.string().describe('De sleutel van het oordeel in feiten.oordelen'),
      vraag: z.string(),
      regeling: z.string(),
      artikel: z.string(),
      reden: z.looseObject({ soort: z.string() }),
      uitleg: z.string().describe('Waarom het ontwerp deze vraag stelt, in eenvoudige taal'),
      aanvragen: z.number(),
      overgangen: z.array(uitkomstOvergangSchema),
    }),
  ),
});

const verschilSchema = z.object({
  soort: z.string(),
  onderdeel: z.string(),
  sleutel: z.string(),
  details: z.array(z.string()),
});
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
  // A draft is checked against the versions in force for its gemeente, adopted drafts included: a
  // draft for 2028 may rest on the adopted 2027 one.
  const inWerking = async (gemeente: string) => (await engineInWerking(db, engine, gemeente)).bibliotheek;
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
      const u = await maakOntwerp(db, await inWerking(gemeente), actor(c), gemeente, {
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
      'x-persoonsgegevens': false,
      path: '/gemeenten/{gemeente}/ontwerpen',
      summary: 'De ontwerpen van de gemeente per regeling, nieuwste eerst (zonder hun YAML)',
      tags,
      security: beveiligd,
      request: { params: gemeenteParam },
      responses: {
        200: json(
          z.array(
            z.object({
              id: z.string(),
              gemeente: z.string(),
              regeling: z.string(),
              geldigVanaf: z.string(),
              bestandsnaam: z.string(),
              hash: z.string(),
              status: z.enum(['ontwerp', 'raadsvoorstel', 'vastgesteld']),
              besluitdatum: z.string().nullable(),
              versie: z.number(),
            }),
          ),
          'De ontwerpen',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      return antwoord(c, await lijstOntwerpen(db, actor(c), gemeente));
    },
  );
  registreer(
    createRoute({
      method: 'get',
      'x-persoonsgegevens': false,
      path: '/gemeenten/{gemeente}/ontwerpen/sjabloon',
      summary:
        'Het begin van een ontwerp: een bestand dat rust op de versie in werking op geldigVanaf en alleen titel en datum noemt',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({ regeling: z.string().max(200), geldigVanaf: datum }),
      },
      responses: {
        200: json(z.object({ bestandsnaam: z.string(), inhoud: z.string() }), 'Het begin van het ontwerp'),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const a = actor(c);
      const rol = vereisRol(a, gemeente, BELEID);
      if (!rol.ok) return antwoord(c, rol);
      const q = c.req.valid('query');
      return antwoord(c, ontwerpSjabloon(await inWerking(gemeente), gemeente, q.regeling, q.geldigVanaf));
    },
  );
  registreer(
    createRoute({
      method: 'put',
      path: '/gemeenten/{gemeente}/ontwerpen/{id}/inhoud',
      summary:
        'Vervang de YAML van een ontwerp (alleen met status ontwerp; gecontroleerd als een nieuw ontwerp, en tegen zijn adviesrondes)',
      tags,
      security: beveiligd,
      request: {
        params: idParam,
        body: {
          content: { 'application/json': { schema: z.strictObject({ ontwerp: ontwerpInvoerSchema }) } },
        },
      },
      responses: { 200: json(algemeen, 'Het ontwerp'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const b = c.req.valid('json');
      const u = await wijzigInhoud(db, await inWerking(gemeente), actor(c), gemeente, id, {
        bestandsnaam: b.ontwerp.bestandsnaam,
        inhoud: ontwerpTekst(b.ontwerp),
      });
      return antwoord(c, u.ok ? { ok: true, waarde: samenvatting(u.waarde) } : u);
    },
  );
  registreer(
    createRoute({
      method: 'get',
      // Counts over the stored clients, no personal data (as the raadsvoorstel that shows them).
      'x-persoonsgegevens': false,
      path: '/gemeenten/{gemeente}/ontwerpen/{id}/cijfers',
      summary:
        'De cijfers van het raadsvoorstel: conformiteit van de versie in werking en of het ontwerp elke bevinding oplost, het verschil, de afwijkingen van het regionale model en de impact op de opgeslagen cliënten',
      tags,
      security: beveiligd,
      request: { params: idParam },
      responses: {
        200: json(
          z.object({
            peildatum: z.string(),
            bevindingen: z.array(z.object({ conflict: conflictSchema, blijft: z.boolean() })),
            verschillen: z.array(verschilSchema),
            model: z.union([
              z.object({
                regeling: z.object({ id: z.string(), titel: z.string(), geldigVanaf: z.string() }),
                afwijkingen: z.array(verschilSchema.extend({ artikelen: z.array(z.string()) })),
                aanvullingen: z.array(verschilSchema),
                eigen: z.array(verschilSchema),
              }),
              z.object({ onbepaald: z.string() }),
            ]),
            impact: impactSchema,
            nieuweOordelen: nieuweOordelenSchema,
          }),
          'De cijfers',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const g = await raadsvoorstelGegevens(db, engine, actor(c), gemeente, id);
      if (!g.ok) return antwoord(c, g);
      const w = g.waarde;
      const { inwoners, ongeldig, titels, ...cijfers } = w.impact;
      return c.json(
        {
          peildatum: w.peildatum,
          bevindingen: w.bevindingen.map((b) => ({ conflict: b.conflict, blijft: b.blijft })),
          verschillen: [...w.verschillen],
          model:
            'onbepaald' in w.model
              ? { onbepaald: w.model.onbepaald }
              : {
                  regeling: {
                    id: w.model.regeling.id,
                    titel: w.model.regeling.titel,
                    geldigVanaf: w.model.regeling.geldigVanaf,
                  },
                  afwijkingen: [...w.model.afwijkingen.afwijkingen],
                  aanvullingen: [...w.model.afwijkingen.aanvullingen],
                  eigen: [...w.model.afwijkingen.eigen],
                },
          impact: {
            gemeente,
            peildatum: w.peildatum,
            van: versieVan(w.huidig),
            naar: versieVan(w.nieuw),
            bron: { soort: 'opslag' as const, inwoners, ongeldig },
            ...cijfers,
            voorzieningen: cijfers.voorzieningen.map((v) => ({
              ...v,
              titel: titels[v.voorziening] ?? v.voorziening,
            })),
          },
          nieuweOordelen: {
            ...w.nieuweOordelen,
            perVoorziening: w.nieuweOordelen.perVoorziening.map((v) => ({
              ...v,
              titel: titels[v.voorziening] ?? v.voorziening,
            })),
            vragen: w.nieuweOordelen.vragen.map((q) => ({
              ...q,
              titel: titels[q.voorziening] ?? q.voorziening,
            })),
          },
        },
        200,
      );
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
      const u = await voegRondeToe(
        db,
        await inWerking(gemeente),
        actor(c),
        gemeente,
        id,
        c.req.valid('json').ronde,
      );
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
