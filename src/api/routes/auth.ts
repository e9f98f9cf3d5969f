import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { meldAan } from '../../administratie/gebruikers.ts';
import { json, probleemAntwoord } from '../openapi.ts';
import { probleemDetails } from '../probleem.ts';
import type { RouteModule } from '../route-hulp.ts';

/** Signing in with a local account; the token then goes in `Authorization: Bearer`. */
export const registreerAuthRoutes: RouteModule = (_app, { db }, { registreer }) => {
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
              schema: z.strictObject({
                gebruikersnaam: z.string().min(1).max(200),
                wachtwoord: z.string().min(1).max(1000),
              }),
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
      if (!s) return probleemDetails(401, 'niet-aangemeld', 'onjuiste gebruikersnaam of wachtwoord');
      return c.json({ token: s.token, verlooptOp: s.verlooptOp.toISOString() }, 200);
    },
  );
};
