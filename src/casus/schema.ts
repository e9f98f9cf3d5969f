import { z } from 'zod';
import { isGeldigeDatum } from '../kalender/index.ts';
import { bedoeltU } from '../regelgeving/berichten.ts';
import { type FeitDefinitie, LANDELIJK_VOCABULAIRE, type Vocabulaire } from './feiten.ts';

/**
 * The case contract (case.json), generated from the fact vocabulary so the two never drift: the
 * national one (`casusSchema`), or a gemeente's with the facts and voorzieningen its regulations
 * declare (`casusSchemaVoor`).
 */

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

function veldenVan(vocabulaire: Vocabulaire, bron: FeitDefinitie['bron']): Record<string, z.ZodType> {
  return Object.fromEntries(
    [...vocabulaire.feiten.values()]
      .filter((f) => f.bron === bron)
      .map((f) => [f.naam, schemaVoor(f).optional()]),
  );
}

export interface CasusSchemas {
  readonly afwijking: z.ZodType;
  readonly feiten: z.ZodObject;
  readonly aanvraag: z.ZodType<Record<string, unknown> & { voorziening: string }>;
  readonly casus: z.ZodType;
}

function aanvraagVan(o: z.ZodObject): CasusSchemas['aanvraag'] {
  return o.superRefine((a, ctx) => {
    const { ingangsdatum, einddatum } = a as { ingangsdatum?: string; einddatum?: string };
    if (einddatum !== undefined && ingangsdatum !== undefined && einddatum < ingangsdatum) {
      ctx.addIssue({ code: 'custom', path: ['einddatum'], message: 'einddatum ligt voor ingangsdatum' });
    }
  }) as unknown as CasusSchemas['aanvraag'];
}

const perVocabulaire = new WeakMap<Vocabulaire, CasusSchemas>();

/** The schemas of the case contract for one vocabulary (made once per vocabulary). */
export function casusSchemasVoor(vocabulaire: Vocabulaire): CasusSchemas {
  const klaar = perVocabulaire.get(vocabulaire);
  if (klaar) return klaar;
  const voorziening = z.enum(vocabulaire.voorzieningIds as [string, ...string[]]);
  const afwijking = z.strictObject({
    artikel: z
      .string()
      .describe('Het artikel van de hardheidsclausule of innovatie waarop de afwijking berust.'),
    voorziening: voorziening.optional(),
    voorwaarde: z.string().describe('Id van de voorwaarde waarvan wordt afgeweken.'),
    door: z.string().min(1).describe('Wie besloot af te wijken.'),
    reden: z.string().min(10).describe('Waarom: de onbillijkheid van overwegende aard.'),
    datum: datum.optional(),
  });
  const feiten = z.strictObject({
    ...veldenVan(vocabulaire, 'feiten'),
    oordelen: z
      .record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), z.boolean())
      .optional()
      .describe('De antwoorden van het college op beoordelingsvragen, per vraag-id.'),
    afwijkingen: z
      .array(afwijking)
      .optional()
      .describe('Vastgelegde afwijkingen op grond van de hardheidsclausule of innovatie.'),
  });
  const aanvraag = aanvraagVan(z.strictObject({ ...veldenVan(vocabulaire, 'aanvraag'), voorziening }));
  const casus = z.strictObject({
    gemeente: z.string().regex(/^[a-z0-9-]+$/, { message: 'gemeente als slug, bijvoorbeeld dinkelland' }),
    peildatum: datum,
    feiten,
    aanvraag: aanvraag.optional(),
  });
  const uit = { afwijking, feiten, aanvraag, casus };
  perVocabulaire.set(vocabulaire, uit);
  return uit;
}

const landelijk = casusSchemasVoor(LANDELIJK_VOCABULAIRE);
export const afwijkingSchema = landelijk.afwijking as z.ZodType<{
  artikel: string;
  voorziening?: string;
  voorwaarde: string;
  door: string;
  reden: string;
  datum?: string;
}>;
export const feitenSchema = landelijk.feiten;
export const aanvraagSchema = landelijk.aanvraag;
export const casusSchema = landelijk.casus;

/**
 * The open schemas below are the HTTP routes' and built on first use: a start of the CLI, which
 * judges a case against its gemeente's schemas above, does not pay for them.
 */
const open = <T>(maak: () => T): (() => T) => {
  let gemaakt: T | undefined;
  return () => (gemaakt ??= maak());
};

/**
 * What an HTTP route takes before it knows the gemeente's vocabulary: the national facts typed as in
 * `casusSchema`, and besides them any fact or voorziening a regulation may declare. The engine then
 * checks the case against the vocabulary of its gemeente and date (an unknown fact is refused there).
 */
export const casusInvoerSchema = open(() =>
  z.strictObject({
    gemeente: z.string().regex(/^[a-z0-9-]+$/, { message: 'gemeente als slug, bijvoorbeeld dinkelland' }),
    peildatum: datum,
    feiten: landelijk.feiten.catchall(z.unknown()),
    aanvraag: aanvraagVan(
      z
        .strictObject({ ...veldenVan(LANDELIJK_VOCABULAIRE, 'aanvraag'), voorziening: z.string().min(1) })
        .catchall(z.unknown()),
    ).optional(),
  }),
);

/** A recorded deviation before the vocabulary is known: its voorziening may be a declared one. */
export const afwijkingOpenSchema = open(() =>
  (landelijk.afwijking as z.ZodObject).extend({
    voorziening: z.string().min(1).optional(),
  }),
);

/** The request part of `casusInvoerSchema`, for routes that take a request alone (a beschikking). */
export const aanvraagOpenSchema = open(() =>
  aanvraagVan(
    z
      .strictObject({ ...veldenVan(LANDELIJK_VOCABULAIRE, 'aanvraag'), voorziening: z.string().min(1) })
      .catchall(z.unknown()),
  ),
);

export type Afwijking = z.output<typeof afwijkingSchema>;
export type Casus = {
  gemeente: string;
  peildatum: string;
  feiten: Record<string, unknown> & { oordelen?: Record<string, boolean>; afwijkingen?: Afwijking[] };
  aanvraag?: Record<string, unknown> & { voorziening: string };
};

/**
 * Zod issues as field paths and Dutch messages; an unknown key is reported at its own path. With the
 * vocabulary the case was judged under, an unknown fact says what was probably meant and which facts
 * are known there.
 */
export function veldFouten(
  issues: readonly z.core.$ZodIssue[],
  vocabulaire?: Vocabulaire,
): { pad: string; bericht: string }[] {
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({
          pad: padVan([...i.path, k]),
          bericht: onbekendVeld(k, i.path[0], vocabulaire),
        }))
      : [{ pad: padVan(i.path), bericht: i.message }],
  );
}

function onbekendVeld(k: string, deel: PropertyKey | undefined, vocabulaire?: Vocabulaire): string {
  const bron = deel === 'feiten' ? 'feiten' : deel === 'aanvraag' ? 'aanvraag' : undefined;
  if (!vocabulaire || !bron) return `onbekend veld '${k}' (zie docs/feiten.md)`;
  const bekend = [...vocabulaire.feiten.values()].filter((f) => f.bron === bron).map((f) => f.naam);
  if (bron === 'aanvraag') bekend.push('voorziening');
  const bedoeld = bedoeltU(k, bekend);
  return `onbekend feit '${k}'${bedoeld ? `; bedoelt u '${bedoeld}'?` : ''}; bekend in ${bron}: ${[...new Set(bekend)].sort().join(', ')} (zie docs/feiten.md)`;
}

function padVan(pad: readonly PropertyKey[]): string {
  return pad.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}
