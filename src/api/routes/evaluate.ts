import { createRoute } from '@hono/zod-openapi';
import { engineInWerking } from '../../administratie/ontwerpen.ts';
import { LEZERS, vereisRol } from '../../administratie/toegang.ts';
import { casusInvoerSchema } from '../../casus/index.ts';
import { evalueerAlsJson } from '../../engine/index.ts';
import { algemeen, beveiligd, FOUTEN, json, probleemAntwoord } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';

/** The engine over HTTP: the same case contract as `reintegratie evaluate --json`, nothing stored. */
export const registreerEvaluateRoutes: RouteModule = (_app, { db, engine }, { registreer, actor }) => {
  registreer(
    createRoute({
      method: 'post',
      path: '/evaluate',
      summary: 'Beoordeel een casus (hetzelfde contract als reintegratie evaluate --json)',
      tags: ['regels'],
      security: beveiligd,
      request: { body: { content: { 'application/json': { schema: casusInvoerSchema() } } } },
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
      // Adopted drafts in the store are versions in force from their geldigVanaf (issue 13); nothing is
      // stored here, so which were adopted may come from a memory of a few seconds.
      const r = evalueerAlsJson(
        await engineInWerking(db, engine, casus.gemeente, { onthouden: true }),
        casus,
      );
      if (!r.ok)
        return probleem(
          c,
          r.fout.code === 'ongeldige-casus'
            ? { code: 'ongeldig', bericht: 'ongeldige casus', velden: r.fout.fouten }
            : { code: 'niet-toegestaan', bericht: r.fout.bericht },
        );
      // The text the engine wrote is the body: the result is not built up again to be stringified.
      return c.body(r.json, 200, { 'content-type': 'application/json' });
    },
  );
};
