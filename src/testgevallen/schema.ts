import { z } from 'zod';
import { datumSchema } from '../regels/schema.ts';

/** The shape of a `<geldigVanaf>.test.yaml` file: cases a policy officer can read and extend. */

const verwachtVoorzieningSchema = z.strictObject({
  uitkomst: z.enum(['toegestaan', 'afgewezen', 'ter-beoordeling', 'onbepaald']),
  /** Judgement ids that must be asked, exactly. */
  vragen: z.array(z.string()).optional(),
  /** Per judgement id, a phrase its question must contain (the question as the college reads it). */
  vraagBevat: z.record(z.string(), z.string().min(3)).optional(),
  /** Articles that must be cited ("15 lid 1", or "participatiewet 10a lid 1"); for afgewezen: among the failed grounds. */
  artikelen: z.array(z.string()).optional(),
  bedragen: z.record(z.string(), z.number().int().nullable()).optional(),
  geenBedragen: z.array(z.string()).optional(),
  /** The amounts that hold only under a condition still open (onder voorbehoud), exactly. */
  onderVoorbehoud: z.array(z.string()).optional(),
  maximaleEinddatum: datumSchema.nullable().optional(),
  /** The last day granted (the asked end, cut to the maximum); null when it hangs on an open question. */
  einddatum: datumSchema.nullable().optional(),
  /** Review dates that must be among the evaluatiemomenten. */
  evaluatiemomenten: z.array(datumSchema).optional(),
  /** Missing inputs, exactly. */
  ontbrekendeFeiten: z.array(z.string()).optional(),
  /** Payment dates, exactly (the betaalmomenten of the result). */
  betaalmomenten: z.array(datumSchema).optional(),
  /** Phrases that must stand in some explanation sentence of this voorziening. */
  uitlegBevat: z.array(z.string().min(3)).optional(),
  /** Phrases that must stand in none of them. */
  uitlegNiet: z.array(z.string().min(3)).optional(),
});

export const testbestandSchema = z.strictObject({
  gevallen: z
    .array(
      z.strictObject({
        naam: z.string().min(3),
        casus: z.unknown(),
        verwacht: z.record(z.string(), z.unknown()),
      }),
    )
    .min(1),
});

export const verwachtSchema = z.object({
  fout: z.enum(['geen-regeling', 'onbekende-gemeente', 'ongeldige-casus']).optional(),
  /** Conflicts that must be reported, as "<artikel> <met>", e.g. "13 participatiewet 10f"; [] means none of soort vervallen or strijdig. */
  conflicten: z.array(z.string()).optional(),
  /** The codes of the beëindigingsgronden the gemeente's regulations offer on the peildatum, exactly. */
  beeindigingsgronden: z.array(z.string()).optional(),
  /** Recorded deviations and whether each is applied, by the condition they name. */
  afwijkingen: z.array(z.strictObject({ voorwaarde: z.string(), toegepast: z.boolean() })).optional(),
});

/** The keys of `verwacht` that are about the case as a whole; every other key is a voorziening id. */
export const VERWACHT_ALGEMEEN: ReadonlySet<string> = new Set(Object.keys(verwachtSchema.shape));

export { verwachtVoorzieningSchema };
export type VerwachtVoorziening = z.output<typeof verwachtVoorzieningSchema>;
