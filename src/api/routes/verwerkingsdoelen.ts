import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LEZERS, vereisRol } from '../../administratie/toegang.ts';
import { doelenVan, stelDoelenVast } from '../../administratie/verwerkingsdoelen.ts';
import { beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';
import { tekst } from '../validatie.ts';

const doel = z.object({
  doel: tekst(100),
  omschrijving: tekst(300),
  volledigBsn: z.boolean().describe('Alleen met dit doel ziet een casemanager het hele BSN'),
});
const tags = ['verwerkingsdoelen'];

/** The purposes X-Doel may name in a gemeente (purpose limitation); the beheerder sets them. */
export const registreerVerwerkingsdoelRoutes: RouteModule = (
  _app,
  { db },
  { registreer, antwoord, actor },
) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/verwerkingsdoelen',
      summary: 'De doelen die X-Doel kan noemen in deze gemeente (eigen lijst of de standaardlijst)',
      tags,
      security: beveiligd,
      'x-persoonsgegevens': false,
      request: { params: gemeenteParam },
      responses: { 200: json(z.array(doel), 'Doelen, in volgorde'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      return c.json(await doelenVan(db, gemeente), 200);
    },
  );

  registreer(
    createRoute({
      method: 'put',
      path: '/gemeenten/{gemeente}/verwerkingsdoelen',
      summary:
        'Stel de lijst van doelen vast (rol beheerder); vervangt de hele lijst en komt in het auditlog',
      tags,
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: {
          content: {
            'application/json': { schema: z.strictObject({ doelen: z.array(doel).min(1).max(50) }) },
          },
        },
      },
      responses: { 200: json(z.array(doel), 'Vastgesteld'), ...FOUTEN },
    }),
    async (c) =>
      antwoord(c, await stelDoelenVast(db, actor(c), c.req.valid('param').gemeente, c.req.valid('json'))),
  );
};
