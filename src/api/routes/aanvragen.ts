import { vocabulaireVoorGemeente } from '../../regelgeving/index.ts';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  aanvraagInvoerSchema,
  leesAanvraag,
  registreerAanvraag,
  trekAanvraagIn,
  zoekAanvragen,
} from '../../administratie/aanvragen.ts';
import { BESLISSERS, vereisRol } from '../../administratie/toegang.ts';
import { probleem } from '../probleem.ts';
import {
  algemeen,
  beveiligd,
  FOUTEN,
  gemeenteParam,
  idParam,
  json,
  probleemAntwoord,
  WIJZIG_FOUTEN,
} from '../openapi.ts';
import { etagVan, type RouteModule, verwachteVersie } from '../route-hulp.ts';
import { uuidSchema } from '../validatie.ts';

const tags = ['aanvragen'];

/**
 * Aanvragen, on request or ambtshalve. A beschikking with `aanvraagId` decides one: it must be open,
 * of the same inwoner and for the same voorziening, and is closed in the decision's transaction.
 */
export const registreerAanvraagRoutes: RouteModule = (
  _app,
  { db, engine },
  { registreer, antwoord, actor },
) => {
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/aanvragen',
      summary:
        'Registreer een aanvraag of een ambtshalve procedure; gegevens = het aanvraagdeel van het casuscontract',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: { content: { 'application/json': { schema: aanvraagInvoerSchema } } },
      },
      responses: { 201: json(algemeen, 'Geregistreerd (ETag = versie)'), ...FOUTEN },
    }),
    async (c) =>
      antwoord(
        c,
        await registreerAanvraag(
          db,
          actor(c),
          c.req.valid('param').gemeente,
          c.req.valid('json'),
          vocabulaireVoorGemeente(engine.bibliotheek, c.req.valid('param').gemeente, []),
        ),
        201,
        etagVan,
      ),
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/aanvragen',
      summary: 'Aanvragen, nieuwste eerst; filter op inwoner en status (open, beslist, ingetrokken)',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        query: z.object({
          inwonerId: uuidSchema.optional(),
          status: z.enum(['open', 'beslist', 'ingetrokken']).optional(),
          limiet: z.coerce.number().int().min(1).max(500).optional(),
          vanaf: z.coerce.number().int().min(0).max(1_000_000).optional(),
        }),
      },
      responses: {
        200: json(z.object({ totaal: z.number(), items: z.array(algemeen) }), 'Aanvragen'),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return antwoord(
        c,
        await zoekAanvragen(db, actor(c), c.req.valid('param').gemeente, {
          inwonerId: q.inwonerId,
          status: q.status,
          limiet: q.limiet ?? 50,
          vanaf: q.vanaf ?? 0,
        }),
      );
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/aanvragen/{id}',
      summary: 'Lees een aanvraag met de beschikkingen die erop zijn genomen',
      tags,
      security: beveiligd,
      request: { params: idParam },
      responses: { 200: json(algemeen, 'Aanvraag (ETag = versie)'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await leesAanvraag(db, actor(c), gemeente, id), 200, etagVan);
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/aanvragen/{id}/intrekking',
      summary:
        'Trek een open aanvraag in (of stop een ambtshalve procedure); vereist If-Match met de ETag. Daarna kan er geen beschikking meer op worden genomen',
      tags,
      security: beveiligd,
      request: { params: idParam },
      responses: {
        200: json(algemeen, 'Ingetrokken (nieuwe ETag)'),
        ...FOUTEN,
        409: probleemAntwoord('Al beslist of ingetrokken'),
        ...WIJZIG_FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const a = actor(c);
      // Tenancy first, so another gemeente's user gets 404 whatever headers they send.
      const rol = vereisRol(a, gemeente, BESLISSERS);
      if (!rol.ok) return probleem(c, rol.fout);
      const versie = verwachteVersie(c);
      if (versie instanceof Response) return versie;
      return antwoord(c, await trekAanvraagIn(db, a, gemeente, id, versie), 200, etagVan);
    },
  );
};
