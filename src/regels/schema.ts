import { z } from 'zod';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Getal, Tabel, Toets, Waarde } from './ast.ts';

/** Zod schemas for the rule language; strict, so a misspelt key is an error, never ignored. */

export const datumSchema = z
  .string()
  .refine(isGeldigeDatum, { message: 'moet een bestaande datum zijn in de vorm JJJJ-MM-DD' });

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
const naamSchema = z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/, {
  message: 'moet een naam in camelCase zijn (bijvoorbeeld urenPerWeek)',
});

export const waardeSchema: z.ZodType<Waarde> = z.union([
  scalarSchema,
  z.strictObject({ parameter: z.string() }),
  z.strictObject({ feit: naamSchema }),
]);

export const getalSchema: z.ZodType<Getal> = z.lazy(() =>
  z.union([
    z.number(),
    z.strictObject({ feit: naamSchema }),
    z.strictObject({ parameter: z.string() }),
    z.strictObject({ som: z.array(getalSchema).min(1) }),
    z.strictObject({ verschil: z.tuple([getalSchema, getalSchema]) }),
    z.strictObject({ product: z.array(getalSchema).min(1) }),
    z.strictObject({ quotient: z.tuple([getalSchema, getalSchema]) }),
    z.strictObject({ minimum: z.array(getalSchema).min(1) }),
    z.strictObject({ maximum: z.array(getalSchema).min(1) }),
    z.strictObject({
      afronden: getalSchema,
      op: z.enum(['cent', 'euro']).optional(),
      wijze: z.enum(['half-naar-boven', 'naar-boven', 'naar-beneden']),
    }),
    z.strictObject({ tabel: tabelSchema }),
    z.strictObject({ berekening: naamSchema }),
    z.strictObject({ als: toetsSchema, dan: getalSchema, anders: getalSchema }),
  ]),
) as z.ZodType<Getal>;

const tabelSchema: z.ZodType<Tabel> = z.lazy(() =>
  z.strictObject({
    feit: naamSchema,
    rijen: z
      .array(
        z
          .strictObject({
            vanaf: z.number().optional(),
            meerDan: z.number().optional(),
            tot: z.number().optional(),
            totEnMet: z.number().optional(),
            waarde: getalSchema,
          })
          .refine((r) => !(r.vanaf !== undefined && r.meerDan !== undefined), {
            message: 'geef vanaf (inclusief) of meerDan (exclusief), niet allebei',
          })
          .refine((r) => !(r.tot !== undefined && r.totEnMet !== undefined), {
            message: 'geef tot (exclusief) of totEnMet (inclusief), niet allebei',
          }),
      )
      .min(1),
  }),
) as z.ZodType<Tabel>;

const feitToetsSchema = z
  .strictObject({
    feit: naamSchema,
    is: waardeSchema.optional(),
    isNiet: waardeSchema.optional(),
    isEenVan: z.array(scalarSchema).min(1).optional(),
    isBekend: z.boolean().optional(),
    tenMinste: waardeSchema.optional(),
    meerDan: waardeSchema.optional(),
    tenHoogste: waardeSchema.optional(),
    minderDan: waardeSchema.optional(),
  })
  .refine(
    (t) =>
      ['is', 'isNiet', 'isEenVan', 'isBekend', 'tenMinste', 'meerDan', 'tenHoogste', 'minderDan'].some(
        (k) => (t as Record<string, unknown>)[k] !== undefined,
      ),
    {
      message:
        'een feit-toets heeft een vergelijking nodig (is, isNiet, isEenVan, isBekend, tenMinste, meerDan, tenHoogste, minderDan)',
    },
  );

const tijdsduurSchema = z
  .strictObject({
    jaren: z.number().int().positive().optional(),
    maanden: z.number().int().positive().optional(),
    weken: z.number().int().positive().optional(),
    dagen: z.number().int().positive().optional(),
  })
  .refine((d) => Object.values(d).some((v) => v !== undefined), {
    message: 'geef een duur: jaren, maanden, weken of dagen',
  })
  .refine(
    (d) =>
      !(
        (d.jaren !== undefined || d.maanden !== undefined) &&
        (d.weken !== undefined || d.dagen !== undefined)
      ),
    {
      message: 'geef jaren en maanden, of weken en dagen, niet door elkaar',
    },
  );

const periodeToetsSchema = z
  .strictObject({
    periode: z
      .strictObject({ van: naamSchema, tot: naamSchema.optional(), totEnMet: naamSchema.optional() })
      .refine((p) => (p.tot === undefined) !== (p.totEnMet === undefined), {
        message: 'geef tot (die dag telt niet mee) of totEnMet (die dag telt mee), precies een van beide',
      }),
    tenMinste: tijdsduurSchema.optional(),
    meerDan: tijdsduurSchema.optional(),
    tenHoogste: tijdsduurSchema.optional(),
    minderDan: tijdsduurSchema.optional(),
  })
  .refine((t) => [t.tenMinste, t.meerDan, t.tenHoogste, t.minderDan].some((v) => v !== undefined), {
    message: 'een periode-toets heeft een vergelijking nodig (tenMinste, meerDan, tenHoogste, minderDan)',
  });

const leeftijdSchema = z.union([
  z.strictObject({ jaren: z.number().int().min(0), maanden: z.number().int().min(0).max(11).optional() }),
  z.strictObject({ parameter: z.string() }),
]);

const leeftijdToetsSchema = z
  .strictObject({
    leeftijdOp: naamSchema,
    tenMinste: leeftijdSchema.optional(),
    minderDan: leeftijdSchema.optional(),
  })
  .refine((t) => t.tenMinste !== undefined || t.minderDan !== undefined, {
    message: 'een leeftijd-toets heeft tenMinste (de leeftijd bereikt) of minderDan (nog niet bereikt) nodig',
  });

export const toetsSchema: z.ZodType<Toets> = z.lazy(() =>
  z.union([
    z.strictObject({ alle: z.array(toetsSchema).min(1) }),
    z.strictObject({ een: z.array(toetsSchema).min(1) }),
    z.strictObject({ niet: toetsSchema }),
    z.strictObject({ als: toetsSchema, dan: toetsSchema }),
    z.strictObject({ gebruik: z.string() }),
    z.strictObject({ oordeel: naamSchema, vraag: z.string().min(10) }),
    z.strictObject({ waar: z.boolean() }),
    periodeToetsSchema,
    leeftijdToetsSchema,
    feitToetsSchema,
  ]),
) as z.ZodType<Toets>;
