import { z } from 'zod';
import { datumSchema } from '../regels/schema.ts';

/**
 * An advice round on a (draft) regulation: an advisory body is asked, it advises in points, and the
 * college reacts to each point. The same shape is used for the seed rounds kept as YAML files beside
 * the regulations and for rounds stored with a draft (src/advies/levenscyclus.ts).
 */

export const UITKOMSTEN = ['overgenomen', 'deels-overgenomen', 'niet-overgenomen', 'ter-kennisname'] as const;
export type Uitkomst = (typeof UITKOMSTEN)[number];

/** Words for each outcome, as a letter or raadsvoorstel says them. */
export const UITKOMST_TEKST: Record<Uitkomst, string> = {
  overgenomen: 'overgenomen',
  'deels-overgenomen': 'deels overgenomen',
  'niet-overgenomen': 'niet overgenomen',
  'ter-kennisname': 'ter kennisname',
};

const tekst = z.string().trim().min(1, 'mag niet leeg zijn');
/** A value a source does not give: null, with the reason beside it (never a guessed value). */
const onbekend = z.strictObject({ onbekend: tekst.describe('waarom de bron dit niet geeft') });

const artikelVerwijzing = z.strictObject({
  artikel: tekst,
  lid: z.number().int().positive().optional(),
});

const orgaan = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'een id in kleine letters, cijfers en streepjes'),
  naam: tekst,
  soort: z.enum(
    [
      'clientenraad',
      'adviesraad-sociaal-domein',
      'participatieraad',
      'raad-voor-clientenparticipatie',
      'anders',
    ],
    {
      message:
        'kies clientenraad, adviesraad-sociaal-domein, participatieraad, raad-voor-clientenparticipatie of anders',
    },
  ),
});

const reactie = z.strictObject({
  uitkomst: z.enum(UITKOMSTEN, { message: `kies één van: ${UITKOMSTEN.join(', ')}` }),
  /**
   * Why this outcome: the letter rarely names it in these words, so the data says how it was read
   * from the text (and it is shown as such).
   */
  uitkomstToelichting: tekst,
  tekst: tekst.describe('de reactie van het college, zoals de bron die geeft'),
  /** Whether `tekst` is the source's own wording (true) or a summary of it. */
  letterlijk: z.boolean(),
  /** Where the point changed the draft: what changed (article and how). */
  wijziging: z.strictObject({ artikelen: z.array(artikelVerwijzing).min(1), tekst }).optional(),
});

export const puntSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'een id in kleine letters, cijfers en streepjes'),
  thema: tekst,
  /** The articles the point is about; absent or empty means the whole regulation. */
  artikelen: z.array(artikelVerwijzing).default([]),
  /** Ids of the bodies (of this round) that made the point; absent means all of them. */
  van: z.array(z.string()).optional(),
  advies: tekst.describe('het punt van het adviesorgaan'),
  /** Whether `advies` is the body's own wording; when not, `adviesBron` says what the source gives. */
  adviesLetterlijk: z.boolean(),
  adviesBron: tekst.optional(),
  reactie: z.union([reactie, onbekend]),
});

export const rondeSchema = z.strictObject({
  /** The regulation advised on and the version (its geldigVanaf) the draft was for. */
  regeling: tekst,
  versie: z.union([datumSchema, onbekend]),
  /** Gemeenten that run one set of rules and share this round (the first is the one writing). */
  gemeenten: z.array(z.string()).min(1),
  /** Others the advice was discussed with (an uitvoeringsorganisatie, gemeenten outside our files). */
  besprokenMet: z.array(tekst).default([]),
  adviesorganen: z.array(orgaan).min(1),
  onderwerp: tekst,
  gevraagdOp: z.union([datumSchema, onbekend]),
  ontvangenOp: z.union([datumSchema, onbekend]),
  kenmerk: tekst.optional(),
  inleiding: tekst.optional(),
  /** The body's overall verdict, where it gives one (Groningen: a positive advice). */
  eindoordeel: tekst.optional(),
  punten: z.array(puntSchema).min(1),
  /** What the council did with the draft after the round, where the source says it. */
  afloop: z.strictObject({ orgaan: tekst, datum: z.union([datumSchema, onbekend]), tekst }).optional(),
  bron: z.strictObject({
    document: tekst,
    bestand: tekst.describe('het bronbestand in shared/seeds'),
    /** What the source does not hold (annexes not present, pages missing). */
    ontbreekt: z.array(tekst).default([]),
  }),
});

export type Adviesronde = z.infer<typeof rondeSchema>;
export type Adviespunt = z.infer<typeof puntSchema>;
export type Reactie = z.infer<typeof reactie>;
export type Artikelverwijzing = z.infer<typeof artikelVerwijzing>;

export const isOnbekend = (w: unknown): w is { onbekend: string } =>
  typeof w === 'object' && w !== null && 'onbekend' in w;

/** "artikel 16 lid 3", or "de hele regeling" for none. */
export function artikelTekst(a: readonly Artikelverwijzing[]): string {
  if (a.length === 0) return 'de hele regeling';
  const delen = a.map((x) => (x.lid !== undefined ? `${x.artikel} lid ${x.lid}` : x.artikel));
  const woord = a.length === 1 ? 'artikel' : 'artikelen';
  return `${woord} ${delen.length === 1 ? delen[0] : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`}`;
}
