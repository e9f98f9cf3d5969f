import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  BEZWAAR_ROLLEN,
  beslisBezwaar,
  bezwarenBij,
  leesBezwaar,
  registreerBezwaar,
} from '../../administratie/bezwaren.ts';
import { vereisRol } from '../../administratie/toegang.ts';
import { probleem } from '../probleem.ts';
import {
  algemeen,
  beveiligd,
  FOUTEN,
  gemeenteParam,
  json,
  probleemAntwoord,
  WIJZIG_FOUTEN,
} from '../openapi.ts';
import { etagVan, type RouteModule, verwachteVersie } from '../route-hulp.ts';
import { datumSchema, uuidSchema } from '../validatie.ts';

const beschikkingParam = gemeenteParam.extend({ id: uuidSchema });
const bezwaarParam = beschikkingParam.extend({ bezwaarId: uuidSchema });
const tags = ['bezwaren'];

/** Bezwaar against a beschikking: registration with its term, the list, and the outcome (If-Match). */
export const registreerBezwaarRoutes: RouteModule = (_app, { db }, { registreer, antwoord, actor }) => {
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren',
      summary:
        'Registreer een bezwaar; de termijn (6 weken vanaf de dag na verzending, Algemene termijnenwet) en of het tijdig is, worden berekend',
      tags,
      security: beveiligd,
      request: {
        params: beschikkingParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                ontvangenOp: datumSchema,
                terPostBezorgdOp: z
                  .string()
                  .optional()
                  .describe('Alleen bij verzending per post (art. 6:9 lid 2 Awb)'),
              }),
            },
          },
        },
      },
      responses: {
        201: json(algemeen, 'Geregistreerd (ETag = versie)'),
        ...FOUTEN,
        409: probleemAntwoord('De beschikking is niet verzonden'),
      },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(
        c,
        await registreerBezwaar(db, actor(c), gemeente, id, c.req.valid('json')),
        201,
        etagVan,
      );
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren',
      summary: 'De bezwaren tegen een beschikking',
      tags,
      security: beveiligd,
      request: { params: beschikkingParam },
      responses: { 200: json(z.array(algemeen), 'Bezwaren'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      return antwoord(c, await bezwarenBij(db, actor(c), gemeente, id));
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren/{bezwaarId}',
      summary: 'Lees een bezwaar (ETag = versie, nodig voor het vastleggen van de uitkomst)',
      tags,
      security: beveiligd,
      request: { params: bezwaarParam },
      responses: { 200: json(algemeen, 'Bezwaar'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id, bezwaarId } = c.req.valid('param');
      return antwoord(c, await leesBezwaar(db, actor(c), gemeente, id, bezwaarId), 200, etagVan);
    },
  );

  registreer(
    createRoute({
      method: 'patch',
      path: '/gemeenten/{gemeente}/beschikkingen/{id}/bezwaren/{bezwaarId}',
      summary:
        'Leg de uitkomst vast (gegrond, ongegrond, niet-ontvankelijk, ingetrokken); vereist If-Match met de ETag',
      tags,
      security: beveiligd,
      request: {
        params: bezwaarParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                uitkomst: z.string().max(50),
                beslistOp: datumSchema,
                toelichting: z.string().max(4000),
              }),
            },
          },
        },
      },
      responses: {
        200: json(algemeen, 'Uitkomst vastgelegd (nieuwe ETag)'),
        ...FOUTEN,
        409: probleemAntwoord('Er is al beslist'),
        ...WIJZIG_FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente, id, bezwaarId } = c.req.valid('param');
      const a = actor(c);
      // Tenancy first, so another gemeente's user gets 404 whatever headers they send.
      const rol = vereisRol(a, gemeente, BEZWAAR_ROLLEN);
      if (!rol.ok) return probleem(c, rol.fout);
      const versie = verwachteVersie(c);
      if (versie instanceof Response) return versie;
      return antwoord(
        c,
        await beslisBezwaar(db, a, gemeente, id, bezwaarId, versie, c.req.valid('json')),
        200,
        etagVan,
      );
    },
  );
};
