import { engineInWerking } from '../../administratie/ontwerpen.ts';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { log } from '../../administratie/audit.ts';
import { leesDossier, zoekClienten } from '../../administratie/dossier.ts';
import { feitenOp } from '../../administratie/inwoners.ts';
import { LEZERS, vereisRol } from '../../administratie/toegang.ts';
import { aanvraagSchema } from '../../casus/index.ts';
import { isGeldigeDatum } from '../../kalender/index.ts';
import { probleem } from '../probleem.ts';
import { beveiligd, FOUTEN, gemeenteParam, json, probleemAntwoord } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { resultaatSchema } from '../schema-resultaat.ts';

const tags = ['dossiers'];
const dossierParam = gemeenteParam.extend({ id: z.string() });
const datum = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });

const clientRegel = z.object({
  id: z.string(),
  klantnummer: z.number().int(),
  naam: z.string(),
  geboortedatum: z.string().nullable(),
  bsn: z.string().describe('Gemaskeerd: alleen de laatste drie cijfers'),
  casemanager: z.string().nullable(),
});

const dossierSchema = z.object({
  inwoner: clientRegel.extend({ versie: z.number().int() }),
  feiten: z.array(
    z.object({
      naam: z.string(),
      waarde: z.unknown(),
      geldigVanaf: z.string(),
      bron: z.string(),
      vastgelegdDoor: z.string(),
      vastgelegdOp: z.string(),
    }),
  ),
  beschikkingen: z.array(
    z.object({
      id: z.string(),
      soort: z.string(),
      voorziening: z.string(),
      uitkomst: z.string(),
      besluitdatum: z.string(),
      verzondenOp: z.string().nullable(),
      ingangsdatum: z.string().nullable(),
      einddatum: z.string().nullable(),
      jaarbedragCent: z.number().int(),
      vorigeId: z.string().nullable(),
      beeindigingsgrond: z.string().nullable(),
      beeindigdOp: z.string().nullable(),
      lopend: z.boolean(),
      genomenDoor: z.string(),
      bezwaren: z.array(
        z.object({
          id: z.string(),
          ontvangenOp: z.string(),
          termijnEinde: z.string(),
          tijdig: z.boolean(),
          uitkomst: z.string().nullable(),
        }),
      ),
    }),
  ),
  aanvragen: z.array(
    z.object({
      id: z.string(),
      voorziening: z.string(),
      soort: z.string(),
      ontvangenOp: z.string(),
      status: z.string(),
    }),
  ),
  termijnen: z.array(
    z.object({
      id: z.number().int(),
      soort: z.string(),
      datum: z.string(),
      omschrijving: z.string(),
      artikel: z.string(),
      regeling: z.string(),
      bedragCent: z.number().int().nullable(),
      voorziening: z.string(),
      teLaat: z.boolean(),
    }),
  ),
});

/**
 * The client's file for the casemanager's screens: one search box, one read of the whole file, and
 * "Wat kan ik aanbieden?": the engine's judgement of every voorziening (or one request) from the
 * stored facts on a peildatum, with the judgements the casemanager has answered so far.
 */
export const registreerDossierRoutes: RouteModule = (
  _app,
  { db, engine, kluis },
  { registreer, antwoord, actor, vandaag },
) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/dossiers',
      summary: 'Zoek een cliënt op naam, klantnummer of BSN (één zoekveld; BSN gemaskeerd in het antwoord)',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({
          zoek: z.string().max(200).optional(),
          limiet: z.coerce.number().int().min(1).max(200).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            totaal: z.number().int(),
            gezochtOp: z.enum(['bsn', 'klantnummer', 'naam']),
            items: z.array(clientRegel),
          }),
          'Gevonden cliënten',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const q = c.req.valid('query');
      return antwoord(c, await zoekClienten(db, kluis, actor(c), gemeente, q.zoek ?? '', q.limiet ?? 25));
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/dossiers/{id}',
      summary:
        'Het dossier van een cliënt: feiten met geschiedenis en bron, beschikkingen, aanvragen, open termijnen',
      tags,
      security: beveiligd,
      request: { params: dossierParam },
      responses: { 200: json(dossierSchema, 'Dossier'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await leesDossier(db, kluis, actor(c), gemeente, id, vandaag()));
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/dossiers/{id}/aanbod',
      summary:
        'Wat kan ik aanbieden? Beoordeel de cliënt met de opgeslagen feiten op een peildatum: alle voorzieningen, of één aanvraag',
      tags,
      security: beveiligd,
      request: {
        params: dossierParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                peildatum: datum.optional().describe('Standaard vandaag'),
                aanvraag: aanvraagSchema.optional(),
                oordelen: z
                  .record(z.string(), z.boolean())
                  .optional()
                  .describe('De antwoorden op de beoordelingsvragen tot nu toe'),
              }),
            },
          },
        },
      },
      responses: {
        200: json(resultaatSchema, 'Uitkomst per voorziening met gronden, vragen, bedragen en termijnen'),
        ...FOUTEN,
        422: probleemAntwoord('Geen regeling in werking op de peildatum'),
      },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const a = actor(c);
      const rol = vereisRol(a, gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      const invoer = c.req.valid('json');
      const peildatum = invoer.peildatum ?? vandaag();
      const inwoner = z.uuid().safeParse(id).success
        ? await db
            .selectFrom('inwoner')
            .select(['geboortedatum'])
            .where('gemeente', '=', gemeente)
            .where('id', '=', id)
            .executeTakeFirst()
        : undefined;
      if (!inwoner) return probleem(c, { code: 'niet-gevonden', bericht: 'inwoner niet gevonden' });
      const feiten = await feitenOp(db, gemeente, id, peildatum);
      if (inwoner.geboortedatum) feiten.geboortedatum = inwoner.geboortedatum;
      if (invoer.oordelen) feiten.oordelen = invoer.oordelen;
      const r = (await engineInWerking(db, engine, gemeente)).evalueer({
        gemeente,
        peildatum,
        feiten,
        ...(invoer.aanvraag ? { aanvraag: invoer.aanvraag } : {}),
      });
      await log(db, a, gemeente, 'aanbod-bekijken', 'inwoner', id);
      if (!r.ok)
        return probleem(
          c,
          r.fout.code === 'ongeldige-casus'
            ? {
                code: 'ongeldig',
                bericht: 'de opgeslagen feiten maken geen geldige casus',
                velden: r.fout.fouten,
              }
            : { code: 'niet-toegestaan', bericht: r.fout.bericht },
        );
      return c.json(r.resultaat, 200);
    },
  );
};
