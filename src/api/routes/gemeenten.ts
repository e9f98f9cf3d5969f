import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { gemeentenVan } from '../../administratie/toegang.ts';
import { algemeen, beveiligd, FOUTEN, json } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';

/** The gemeenten the signed-in user has a role for, with those roles. */
export const registreerGemeenteRoutes: RouteModule = (_app, { db }, { registreer, actor }) => {
  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten',
      summary: 'De gemeenten waarvoor u een rol hebt',
      tags: ['gemeenten'],
      security: beveiligd,
      responses: { 200: json(z.array(algemeen), 'Gemeenten met uw rollen'), 401: FOUTEN[401] },
    }),
    async (c) => {
      const a = actor(c);
      const slugs = gemeentenVan(a);
      const rijen =
        slugs.length === 0
          ? []
          : await db.selectFrom('gemeente').selectAll().where('slug', 'in', slugs).orderBy('slug').execute();
      return c.json(
        rijen.map((g) => ({ ...g, rollen: [...(a.rollen.get(g.slug) ?? [])].sort() })),
        200,
      );
    },
  );
};
