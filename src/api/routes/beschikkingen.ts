import { engineInWerking } from '../../administratie/ontwerpen.ts';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  beeindig,
  beschikkingenVan,
  beschikkingInvoerSchema,
  herbeoordeel,
  leesBeschikking,
  neemGelezenBeschikking,
} from '../../administratie/beschikkingen.ts';
import { IdempotentieBezet } from '../../administratie/idempotentie.ts';
import { algemeen, beveiligd, FOUTEN, gemeenteParam, idParam, json, probleemAntwoord } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { datumSchema } from '../validatie.ts';

/** Beschikkingen: taking one (ceiling, terms and audit in one transaction), reading, re-evaluating, ending. */
export const registreerBeschikkingRoutes: RouteModule = (
  _app,
  { db, engine },
  { registreer, antwoord, actor },
) => {
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
    async (c) => {
      try {
        const gemeente = c.req.valid('param').gemeente;
        const genomen = await neemGelezenBeschikking(
          db,
          { inWerkingOver: engine },
          actor(c),
          gemeente,
          c.req.valid('json'),
          c.get('idempotentie'),
        );
        // A decision taken commits its answer under the key with it (schrijfBeschikkingen); a refusal
        // before the write does not, and is stored by the idempotency layer.
        if (genomen.ok) c.set('idempotentieBewaard', true);
        return antwoord(c, genomen, 201);
      } catch (e) {
        if (!(e instanceof IdempotentieBezet)) throw e;
        // A duplicate with the same key committed first; the idempotency layer answers with its answer.
        c.set('idempotentieBezet', true);
        return new Response(null, { status: 409 });
      }
    },
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
      return antwoord(
        c,
        await herbeoordeel(db, await engineInWerking(db, engine, gemeente), actor(c), gemeente, id),
      );
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
                datum: datumSchema,
                grond: z.string().max(10),
                motivering: z.string().max(4000),
                verzondenOp: datumSchema.optional(),
              }),
            },
          },
        },
      },
      responses: { 201: json(algemeen, 'Beëindigd'), ...FOUTEN, 409: probleemAntwoord('Al beëindigd') },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(
        c,
        await beeindig(
          db,
          await engineInWerking(db, engine, gemeente),
          actor(c),
          gemeente,
          id,
          c.req.valid('json'),
        ),
        201,
      );
    },
  );
};
