import { z } from 'zod';

/**
 * The evaluation result (src/engine/resultaat.ts) as an OpenAPI schema, so clients generated from
 * /openapi.json are typed by it. Describes the answer only; it is never used to parse one.
 */

const moment = z.object({
  datum: z.string(),
  artikel: z.string(),
  regeling: z.string(),
  omschrijving: z.string(),
});

export const grondSchema = z.object({
  regeling: z.string(),
  artikel: z.string().describe('"15 lid 1": artikel, lid en onderdeel'),
  uitleg: z.string(),
  voldaan: z.boolean().nullable(),
  feiten: z.record(z.string(), z.unknown()),
  soort: z.enum([
    'voorwaarde',
    'aanvraag',
    'termijn',
    'bedrag',
    'overgangsrecht',
    'afwijking',
    'buiten-toepassing',
    'aanbod',
  ]),
  voorwaarde: z.string().optional(),
});

export const voorzieningUitkomstSchema = z.object({
  voorziening: z.string(),
  titel: z.string(),
  uitkomst: z.enum(['toegestaan', 'afgewezen', 'ter-beoordeling', 'onbepaald']),
  gronden: z.array(grondSchema),
  vragen: z.array(
    z.object({ feit: z.string(), vraag: z.string(), artikel: z.string(), regeling: z.string() }),
  ),
  ontbrekendeFeiten: z.array(z.string()),
  bedragen: z.record(
    z.string(),
    z.object({
      cent: z.number().int().nullable(),
      per: z.string(),
      artikel: z.string(),
      regeling: z.string(),
      omschrijving: z.string(),
      voorbehoud: z.array(z.string()).optional(),
      ontbrekend: z.array(z.string()).optional(),
    }),
  ),
  termijnen: z.object({
    ingangsdatum: z.string(),
    einddatum: z.string().nullable().optional(),
    einddatumOpen: z.string().optional(),
    maximaleEinddatum: z.string().nullable(),
    maximaleEinddatumMetVerlengingen: z.string().nullable().optional(),
    evaluatiemomenten: z.array(moment),
    betaalmomenten: z.array(moment.extend({ bedrag: z.string() })),
  }),
});

export const conflictSchema = z.object({
  soort: z.enum(['vervallen', 'gewijzigd', 'strijdig', 'afwijking']),
  regeling: z.string(),
  artikel: z.string(),
  met: z.string(),
  uitleg: z.string(),
});

export const resultaatSchema = z.object({
  engine: z.object({ naam: z.string(), versie: z.string() }),
  gemeente: z.string(),
  peildatum: z.string(),
  regelingen: z.array(
    z.object({ id: z.string(), titel: z.string(), geldigVanaf: z.string(), hash: z.string() }),
  ),
  voorzieningen: z.array(voorzieningUitkomstSchema),
  conflicten: z.array(conflictSchema),
  afwijkingen: z.array(
    z.object({
      artikel: z.string(),
      regeling: z.string(),
      voorwaarde: z.string(),
      voorziening: z.string().optional(),
      door: z.string(),
      reden: z.string(),
      toegepast: z.boolean(),
      uitleg: z.string(),
    }),
  ),
});
