import type { RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { doelenVan, zoekDoel } from '../administratie/verwerkingsdoelen.ts';
import type { Db } from '../opslag/database.ts';
import type { ApiEnv } from './omgeving.ts';
import { ongeldig } from './validatie.ts';

/** What a write records as its purpose when the client names none: the task the write carries out. */
export const DOEL_BIJ_SCHRIJVEN = 'uitvoering re-integratie';

/**
 * X-Doel on the routes of a gemeente: when given it must be one of the gemeente's purposes (the
 * actor then carries the list's spelling into the audit trail); a read of personal data must give
 * one. A route that reads no personal data (an aggregate such as a budget) says so with
 * `'x-persoonsgegevens': false` in its description, so a new route is a personal-data read until
 * it says otherwise.
 */
export function doelbinding(db: Db, route: RouteConfig): MiddlewareHandler<ApiEnv> {
  const onderGemeente = route.path.startsWith('/gemeenten/{gemeente}');
  const leestPersoonsgegevens =
    route.method === 'get' && (route as { 'x-persoonsgegevens'?: boolean })['x-persoonsgegevens'] !== false;
  return async (c, next) => {
    const actor = c.get('actor');
    const gemeente = c.req.param('gemeente');
    if (!onderGemeente || !actor || !gemeente) return next();
    const opgegeven = c.req.header('x-doel');
    if (opgegeven === undefined) {
      if (!leestPersoonsgegevens) {
        c.set('actor', { ...actor, doel: DOEL_BIJ_SCHRIJVEN });
        return next();
      }
      const doelen = await doelenVan(db, gemeente);
      return ongeldig(
        [{ pad: 'X-Doel', bericht: `verplicht; een van: ${doelen.map((d) => d.doel).join(', ')}` }],
        'geef bij het lezen van persoonsgegevens het doel op in X-Doel',
      );
    }
    const doelen = await doelenVan(db, gemeente);
    const doel = zoekDoel(doelen, opgegeven);
    if (!doel)
      return ongeldig([
        {
          pad: 'X-Doel',
          bericht: `geen doel van deze gemeente; een van: ${doelen.map((d) => d.doel).join(', ')}`,
        },
      ]);
    c.set('actor', { ...actor, doel: doel.doel });
    c.set('doel', doel);
    return next();
  };
}
