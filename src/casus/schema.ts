import { z } from 'zod';
import { isGeldigeDatum } from '../kalender/index.ts';
import { VOORZIENINGEN } from '../regelgeving/voorzieningen.ts';
import { FEITEN, type FeitDefinitie } from './feiten.ts';

/** The case contract (case.json), generated from the fact vocabulary so the two never drift. */

const datum = z
  .string()
  .refine(isGeldigeDatum, { message: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD' });

function schemaVoor(f: FeitDefinitie): z.ZodType {
  const t = f.type;
  switch (t.soort) {
    case 'datum':
      return datum.describe(f.omschrijving);
    case 'waarheid':
      return z.boolean().describe(f.omschrijving);
    case 'keuze':
      return z.enum(t.opties as [string, ...string[]]).describe(f.omschrijving);
    case 'getal': {
      let s = z.number();
      if (t.geheel) s = s.int();
      if (t.min !== undefined) s = s.min(t.min);
      if (t.max !== undefined) s = s.max(t.max);
      return s.describe(f.omschrijving);
    }
  }
}

function veldenVan(bron: FeitDefinitie['bron']): Record<string, z.ZodType> {
  return Object.fromEntries(
    FEITEN.filter((f) => f.bron === bron).map((f) => [f.naam, schemaVoor(f).optional()]),
  );
}

export const afwijkingSchema = z.strictObject({
  artikel: z
    .string()
    .describe('Het artikel van de hardheidsclausule of innovatie waarop de afwijking berust.'),
  voorziening: z.enum(VOORZIENINGEN).optional(),
  voorwaarde: z.string().describe('Id van de voorwaarde waarvan wordt afgeweken.'),
  door: z.string().min(1).describe('Wie besloot af te wijken.'),
  reden: z.string().min(10).describe('Waarom: de onbillijkheid van overwegende aard.'),
  datum: datum.optional(),
});

export const feitenSchema = z.strictObject({
  ...veldenVan('feiten'),
  oordelen: z
    .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), z.boolean())
    .optional()
    .describe('De antwoorden van het college op beoordelingsvragen, per vraag-id.'),
  afwijkingen: z
    .array(afwijkingSchema)
    .optional()
    .describe('Vastgelegde afwijkingen op grond van de hardheidsclausule of innovatie.'),
});

export const aanvraagSchema = z
  .strictObject({ ...veldenVan('aanvraag'), voorziening: z.enum(VOORZIENINGEN) })
  .superRefine((a, ctx) => {
    const { ingangsdatum, einddatum } = a as { ingangsdatum?: string; einddatum?: string };
    if (einddatum !== undefined && ingangsdatum !== undefined && einddatum < ingangsdatum) {
      ctx.addIssue({ code: 'custom', path: ['einddatum'], message: 'einddatum ligt voor ingangsdatum' });
    }
  });

export const casusSchema = z.strictObject({
  gemeente: z.string().regex(/^[a-z0-9-]+$/, { message: 'gemeente als slug, bijvoorbeeld dinkelland' }),
  peildatum: datum,
  feiten: feitenSchema,
  aanvraag: aanvraagSchema.optional(),
});

export type Afwijking = z.output<typeof afwijkingSchema>;
export type Casus = {
  gemeente: string;
  peildatum: string;
  feiten: Record<string, unknown> & { oordelen?: Record<string, boolean>; afwijkingen?: Afwijking[] };
  aanvraag?: Record<string, unknown> & { voorziening: string };
};

/** Zod issues as field paths and Dutch messages; an unknown key is reported at its own path. */
export function veldFouten(issues: readonly z.core.$ZodIssue[]): { pad: string; bericht: string }[] {
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({
          pad: padVan([...i.path, k]),
          bericht: `onbekend veld '${k}' (zie docs/feiten.md)`,
        }))
      : [{ pad: padVan(i.path), bericht: i.message }],
  );
}

function padVan(pad: readonly PropertyKey[]): string {
  return pad.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}
