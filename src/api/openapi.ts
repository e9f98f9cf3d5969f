import { z } from 'zod';
import { jaarSchema, uuidSchema } from './validatie.ts';

/** Building blocks every route description shares, so /openapi.json says the same thing everywhere. */
export const gemeenteParam = z.object({ gemeente: z.string().regex(/^[a-z0-9-]+$/) });
export const idParam = gemeenteParam.extend({ id: uuidSchema });
export const jaarParam = gemeenteParam.extend({ jaar: jaarSchema });
export const algemeen = z.looseObject({});
export const beveiligd = [{ bearer: [] }];

export const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
export const probleemAntwoord = (description: string) => ({
  description,
  content: {
    'application/problem+json': {
      schema: z.looseObject({ type: z.string(), title: z.string(), status: z.number() }),
    },
  },
});
export const FOUTEN = {
  400: probleemAntwoord('Ongeldige invoer (met veldpaden)'),
  401: probleemAntwoord('Niet aangemeld'),
  403: probleemAntwoord('Uw rol staat dit niet toe'),
  404: probleemAntwoord('Niet gevonden, of geen toegang tot deze gemeente'),
  413: probleemAntwoord('Het verzoek is groter dan 1 MB'),
  415: probleemAntwoord('De body is geen application/json'),
};
export const WIJZIG_FOUTEN = {
  412: probleemAntwoord('Versie gewijzigd sinds u las (If-Match klopt niet meer)'),
  428: probleemAntwoord('If-Match ontbreekt'),
};
