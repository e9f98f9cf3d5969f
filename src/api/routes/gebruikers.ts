import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { log } from '../../administratie/audit.ts';
import { vereisRol } from '../../administratie/toegang.ts';
import { beveiligd, FOUTEN, idParam, json } from '../openapi.ts';
import { probleem } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';

/** Users as the beheerder of a gemeente manages them: revoking every session of one of its users. */
export const registreerGebruikerRoutes: RouteModule = (
  _app,
  { db, authenticator },
  { registreer, actor },
) => {
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/gebruikers/{id}/sessie-intrekking',
      summary:
        'Trek alle sessies van een gebruiker met een rol in deze gemeente in (rol beheerder), bijvoorbeeld bij een verloren laptop of vertrek',
      tags: ['aanmelden'],
      security: beveiligd,
      request: { params: idParam },
      responses: { 200: json(z.object({ ingetrokken: z.number() }), 'Ingetrokken'), ...FOUTEN },
    }),
    async (c) => {
      const { gemeente, id } = c.req.valid('param');
      const a = actor(c);
      const rol = vereisRol(a, gemeente, ['beheerder']);
      if (!rol.ok) return probleem(c, rol.fout);
      // Only a user of this gemeente: another gemeente's users do not exist here.
      const lid = await db
        .selectFrom('rol')
        .select('gebruikerId')
        .where('gebruikerId', '=', id)
        .where('gemeente', '=', gemeente)
        .executeTakeFirst();
      if (!lid) return probleem(c, { code: 'niet-gevonden', bericht: 'gebruiker niet gevonden' });
      const ingetrokken = await authenticator.trekIn(id, (trx) =>
        log(trx, a, gemeente, 'sessies-intrekken', 'gebruiker', id),
      );
      return c.json({ ingetrokken }, 200);
    },
  );
};
