import { z } from 'zod';
import { SRG_CODES, type SrgCode } from './srg-soorten.ts';

/**
 * The fact and voorziening vocabulary as declared in regulation files: the national layer declares the
 * built-in one (regelgeving/wet/vocabulaire.yaml), and a regulation may declare facts and voorzieningen
 * of its own in a `vocabulaire:` section. The case contract, the rule compiler's type checks, the
 * explanations' labels and docs/feiten.md all read a `Vocabulaire`, so none of them holds a list of
 * its own.
 */

export type FeitType =
  | { readonly soort: 'datum' }
  | { readonly soort: 'getal'; readonly min?: number; readonly max?: number; readonly geheel?: boolean }
  | { readonly soort: 'waarheid' }
  | { readonly soort: 'keuze'; readonly opties: readonly string[] };

export interface FeitDefinitie {
  readonly naam: string;
  readonly bron: 'feiten' | 'aanvraag' | 'afgeleid';
  readonly type: FeitType;
  /** Plain Dutch, as a caseworker would say it (for a declared fact: the question asked). */
  readonly omschrijving: string;
  /** Label for use in explanations: "uw leeftijd", "de uren per week". */
  readonly label: string;
  readonly eenheid?: string;
  /** How a sentence shows the value, where a plain number would mislead (months of age as "66 jaar en 4 maanden"). */
  readonly weergave?: 'jaarEnMaanden';
  /** The voorzieningen whose outcome this fact feeds (declared facts say so; national ones may). */
  readonly voedt?: readonly string[];
  /** The regulation that declares the fact; absent for the national vocabulary. */
  readonly regeling?: string;
  readonly artikel?: string;
}

export interface VoorzieningDefinitie {
  readonly id: string;
  readonly titel: string;
  /** For whom the voorziening is: the person, or the employer (a compensation of his costs). */
  readonly soort?: 'persoon' | 'werkgever';
  /** Who applies for it. */
  readonly aanvrager?: 'inwoner' | 'werkgever';
  readonly omschrijving?: string;
  /** The SRG kind of voorziening its declaration names (src/casus/srg-soorten.ts); absent: not delivered. */
  readonly srg?: SrgCode;
  readonly regeling?: string;
  readonly artikel?: string;
}

export interface Vocabulaire {
  readonly feiten: ReadonlyMap<string, FeitDefinitie>;
  readonly voorzieningen: ReadonlyMap<string, VoorzieningDefinitie>;
  /** The voorzieningen' ids in order: the options of every fact of type `voorziening` (this very array). */
  readonly voorzieningIds: readonly string[];
}

export const FEITNAAM = /^[a-z][A-Za-z0-9]*$/;
export const VOORZIENING_ID = /^[a-z][a-z0-9-]*$/;

/**
 * The declaration schemas, built on first use: zod builds every check when a schema is declared, and
 * a start that finds the national vocabulary and the library kept validates no declaration.
 */
function maak() {
  const tekst = z.string().trim().min(1);

  /**
   * One declared fact as written in YAML: `type` is a word, with its bounds or options beside it.
   * `voorziening` is the choice between the voorzieningen the vocabulary knows (the request's own field).
   */
  const feitDeclaratieSchema = z
    .strictObject({
      type: z.enum(['datum', 'getal', 'waarheid', 'keuze', 'voorziening']),
      bron: z.enum(['feiten', 'aanvraag', 'afgeleid']),
      omschrijving: tekst.optional(),
      /** The question as a caseworker asks it; a declared fact gives this or an omschrijving. */
      vraag: tekst.optional(),
      label: tekst,
      eenheid: tekst.optional(),
      weergave: z.enum(['jaarEnMaanden']).optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      geheel: z.boolean().optional(),
      opties: z
        .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/))
        .min(1)
        .optional(),
      voedt: z.array(z.string()).min(1).optional(),
      artikel: z.string().optional(),
    })
    .superRefine((f, ctx) => {
      if (f.omschrijving === undefined && f.vraag === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['vraag'],
          message: 'een feit heeft een vraag of omschrijving',
        });
      const bij = (veld: 'min' | 'max' | 'geheel' | 'opties', types: readonly string[]) => {
        if (f[veld] !== undefined && !types.includes(f.type))
          ctx.addIssue({
            code: 'custom',
            path: [veld],
            message: `${veld} hoort alleen bij type ${types.join(' of ')}, niet bij ${f.type}`,
          });
      };
      bij('min', ['getal']);
      bij('max', ['getal']);
      bij('geheel', ['getal']);
      bij('opties', ['keuze']);
      if (f.type === 'keuze' && f.opties === undefined)
        ctx.addIssue({ code: 'custom', path: ['opties'], message: 'een keuze noemt haar opties' });
      if (f.opties && new Set(f.opties).size !== f.opties.length)
        ctx.addIssue({ code: 'custom', path: ['opties'], message: 'een optie staat er twee keer in' });
      if (f.min !== undefined && f.max !== undefined && f.min > f.max)
        ctx.addIssue({ code: 'custom', path: ['max'], message: `max ${f.max} ligt onder min ${f.min}` });
    });

  const voorzieningDeclaratieSchema = z.strictObject({
    titel: tekst,
    soort: z.enum(['persoon', 'werkgever']).optional(),
    aanvrager: z.enum(['inwoner', 'werkgever']).optional(),
    omschrijving: tekst.optional(),
    /** The SRG code of the kind of voorziening, one of those a public source names. */
    srg: z.enum(SRG_CODES).optional(),
    artikel: z.string().optional(),
  });

  const vocabulaireSchema = z.strictObject({
    feiten: z
      .record(
        z.string().regex(FEITNAAM, { message: 'een feitnaam is als urenPerWeek' }),
        feitDeclaratieSchema,
      )
      .optional(),
    voorzieningen: z
      .record(
        z.string().regex(VOORZIENING_ID, { message: 'een voorziening-id is als no-riskpolis' }),
        voorzieningDeclaratieSchema,
      )
      .optional(),
  });
  return { feitDeclaratieSchema, voorzieningDeclaratieSchema, vocabulaireSchema };
}

let gemaakt: ReturnType<typeof maak> | undefined;
const schemas = (): ReturnType<typeof maak> => (gemaakt ??= maak());
export const vocabulaireSchema = (): ReturnType<typeof maak>['vocabulaireSchema'] =>
  schemas().vocabulaireSchema;

export type VocabulaireDeclaratie = z.output<ReturnType<typeof vocabulaireSchema>>;
type FeitDeclaratie = z.output<ReturnType<typeof maak>['feitDeclaratieSchema']>;
type VoorzieningDeclaratie = z.output<ReturnType<typeof maak>['voorzieningDeclaratieSchema']>;

/**
 * What a declaration means, as far as a second declaration of the same name must agree: everything
 * except `artikel` and `voedt`, which point into the declaring file (its article, its voorzieningen).
 * `vraag` and `omschrijving` are one field (the question asked).
 */
function betekenis(d: FeitDeclaratie | VoorzieningDeclaratie): Record<string, unknown> {
  const { artikel: _artikel, ...rest } = d;
  if (!('type' in rest)) return rest;
  const { voedt: _voedt, vraag, omschrijving, ...feit } = rest;
  return { ...feit, vraag: vraag ?? omschrijving };
}

/**
 * Where two declarations of one name differ ("type: datum tegenover waarheid"), or undefined when they
 * mean the same. A name keeps one meaning within a gemeente and along a `basis` chain.
 */
export function verschilInVerklaring(
  eerste: FeitDeclaratie | VoorzieningDeclaratie,
  tweede: FeitDeclaratie | VoorzieningDeclaratie,
): string | undefined {
  const a = betekenis(eerste);
  const b = betekenis(tweede);
  const tekst = (w: unknown) => (w === undefined ? '(niets)' : JSON.stringify(w));
  for (const veld of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (JSON.stringify(a[veld]) !== JSON.stringify(b[veld]))
      return `${veld}: ${tekst(a[veld])} tegenover ${tekst(b[veld])}`;
  }
  return undefined;
}

function feitUit(
  naam: string,
  d: FeitDeclaratie,
  voorzieningen: readonly string[],
  regeling?: string,
): FeitDefinitie {
  const type: FeitType =
    d.type === 'getal'
      ? {
          soort: 'getal',
          ...(d.min !== undefined ? { min: d.min } : {}),
          ...(d.max !== undefined ? { max: d.max } : {}),
          ...(d.geheel !== undefined ? { geheel: d.geheel } : {}),
        }
      : d.type === 'keuze'
        ? { soort: 'keuze', opties: d.opties ?? [] }
        : d.type === 'voorziening'
          ? { soort: 'keuze', opties: voorzieningen }
          : { soort: d.type };
  return {
    naam,
    bron: d.bron,
    type,
    omschrijving: d.vraag ?? d.omschrijving ?? '',
    label: d.label,
    ...(d.eenheid !== undefined ? { eenheid: d.eenheid } : {}),
    ...(d.weergave !== undefined ? { weergave: d.weergave } : {}),
    ...(d.voedt !== undefined ? { voedt: d.voedt } : {}),
    ...(regeling !== undefined ? { regeling } : {}),
    ...(d.artikel !== undefined ? { artikel: d.artikel } : {}),
  };
}

/**
 * A vocabulary with the declarations of `regelingen` added to `basis`. Names already in `basis` are
 * kept as they are (a municipal file may not redeclare them; the library reports it), so a national
 * fact has one meaning everywhere; a name two regulations declare is the first one's (the library
 * refuses two that differ, see `verschilInVerklaring`). A fact of type `voorziening` lists every voorziening of the result.
 */
export function breidUit(
  basis: Vocabulaire | undefined,
  declaraties: readonly {
    readonly regeling?: string;
    readonly vocabulaire?: VocabulaireDeclaratie | undefined;
  }[],
): Vocabulaire {
  const voorzieningen = new Map(basis?.voorzieningen);
  for (const { regeling, vocabulaire } of declaraties)
    for (const [id, v] of Object.entries(vocabulaire?.voorzieningen ?? {}))
      if (!voorzieningen.has(id))
        voorzieningen.set(id, {
          id,
          titel: v.titel,
          ...(v.soort ? { soort: v.soort } : {}),
          ...(v.aanvrager ? { aanvrager: v.aanvrager } : {}),
          ...(v.omschrijving ? { omschrijving: v.omschrijving } : {}),
          ...(v.srg ? { srg: v.srg } : {}),
          ...(regeling !== undefined ? { regeling } : {}),
          ...(v.artikel !== undefined ? { artikel: v.artikel } : {}),
        });
  const ids = [...voorzieningen.keys()];
  const feiten = new Map<string, FeitDefinitie>();
  // The request's choice of voorziening follows the voorzieningen this vocabulary knows.
  for (const [naam, f] of basis?.feiten ?? [])
    feiten.set(
      naam,
      f.type.soort === 'keuze' && f.type.opties === basis?.voorzieningIds
        ? { ...f, type: { soort: 'keuze', opties: ids } }
        : f,
    );
  for (const { regeling, vocabulaire } of declaraties)
    for (const [naam, d] of Object.entries(vocabulaire?.feiten ?? {})) {
      const eerder = feiten.get(naam);
      if (!eerder) feiten.set(naam, feitUit(naam, d, ids, regeling));
      // The same declaration in a second regulation (the library refuses a different one): the first
      // keeps its article, and the fact feeds the voorzieningen of both.
      else if (eerder.regeling !== undefined && d.voedt)
        feiten.set(naam, { ...eerder, voedt: [...new Set([...(eerder.voedt ?? []), ...d.voedt])] });
    }
  return { feiten, voorzieningen, voorzieningIds: ids };
}
