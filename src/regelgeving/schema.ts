import { z } from 'zod';
import { datumSchema, getalSchema, toetsSchema } from '../regels/schema.ts';
import { VOORZIENING_ID, vocabulaireSchema } from '../casus/vocabulaire.ts';

/** Euros with at most two decimals, as whole cents; undefined when there are more decimals. */
export function euroNaarCent(euro: number): number | undefined {
  const cent = Math.round(euro * 100);
  return Math.abs(euro * 100 - cent) < 1e-6 ? cent : undefined;
}

/**
 * The shape of one regulation version file. Strict throughout: an unknown key, a wrong type or a
 * missing text is an error that names the file, line and path. Built on first use
 * (regelgevingSchemas): zod builds every check when a schema is declared, some 5 ms for these at
 * each start, and a start that finds the library kept (bibliotheek-cache.ts) validates no file.
 */
function maak() {
  const tekstSchema = z.string().trim().min(1);
  const lidSchema = z.union([z.string(), z.number().int().positive()]).transform(String);

  /** Where a rule stands: an article of this regulation, optionally a lid and an onderdeel. */
  const plaatsVelden = {
    artikel: z.string().min(1),
    lid: lidSchema.optional(),
    onder: z.string().optional(),
  };

  /** A reference to an article of another regulation (the national law an ordinance rests on). */
  const verwijzingSchema = z.strictObject({
    regeling: z.string().min(1),
    ...plaatsVelden,
  });

  const uitlegSchema = z.strictObject({
    ja: tekstSchema,
    nee: tekstSchema,
  });

  const voorwaardeSchema = z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, { message: 'id in kleine letters met streepjes' }),
    ...plaatsVelden,
    toets: toetsSchema,
    uitleg: uitlegSchema,
  });

  const termijnSchema = z
    .strictObject({
      maanden: z.number().int().positive().optional(),
      dagen: z.number().int().positive().optional(),
    })
    .refine((t) => (t.maanden === undefined) !== (t.dagen === undefined), {
      message: 'geef precies een van maanden of dagen',
    });

  const duurSchema = z
    .strictObject({
      ...plaatsVelden,
      /**
       * The shortest term the text allows ("minimaal 6 en maximaal 12 maanden"): a request for a shorter
       * period is refused, citing this article.
       */
      minimaal: termijnSchema.optional(),
      /**
       * National law: the term holds only for these people (art. 8a lid 2 onder d Pw: a proefplaats of
       * two months for people with algemene bijstand); for others the ordinance's own term applies.
       */
      geldtAls: z.strictObject({ toets: toetsSchema, omschrijving: tekstSchema }).optional(),
      /** Omitted means the text sets no maximum (for example a detacheringsbaan). */
      maximaal: termijnSchema.optional(),
      verlenging: z
        .strictObject({
          ...plaatsVelden,
          maximaalAantal: z.number().int().positive(),
          maanden: z.number().int().positive(),
          /**
           * National law: the law caps an extension the ordinance may give, but gives none itself
           * ("met mogelijkheid tot verlenging met maximaal vier maanden").
           */
          alleenBijVerordening: z.boolean().optional(),
          voorwaarden: z.array(voorwaardeSchema).optional(),
        })
        .optional(),
      uitleg: tekstSchema.optional(),
    })
    .refine(
      (d) =>
        !(
          d.minimaal?.maanden !== undefined &&
          d.maximaal?.maanden !== undefined &&
          d.minimaal.maanden > d.maximaal.maanden
        ) &&
        !(
          d.minimaal?.dagen !== undefined &&
          d.maximaal?.dagen !== undefined &&
          d.minimaal.dagen > d.maximaal.dagen
        ),
      { message: 'de minimale duur is langer dan de maximale: geen enkele periode past', path: ['minimaal'] },
    );

  const bedragSchema = z.strictObject({
    ...plaatsVelden,
    omschrijving: tekstSchema,
    cent: getalSchema,
    /** How often: "eenmalig", "maand", "jaar" or "6 maanden". */
    per: z.string().regex(/^(eenmalig|maand|jaar|uur|\d+ maanden)$/, {
      message: 'per is eenmalig, maand, jaar, uur of "N maanden"',
    }),
    als: toetsSchema.optional(),
    /**
     * The amount holds for at most the first months of the voorziening (art. 10d lid 5 Pw: "gedurende
     * een periode van maximaal de eerste zes maanden"); the review then due, in plain words.
     */
    gedurende: z.strictObject({ maanden: z.number().int().positive(), omschrijving: tekstSchema }).optional(),
    uitleg: z.strictObject({
      ja: tekstSchema,
      nee: tekstSchema,
      /**
       * One sentence per part of a compound `als` (`alle` or `een`), in order: said for each part that
       * does not hold, so a client reads which part failed, not one sentence for the whole.
       */
      delen: z.array(tekstSchema).min(2).optional(),
    }),
  });

  const evaluatiemomentSchema = z.strictObject({
    ...plaatsVelden,
    naMaanden: z.number().int().positive(),
    /** The review falls due before the term of naMaanden ends (its last day), not after it. */
    voorAfloop: z.boolean().optional(),
    omschrijving: tekstSchema,
  });

  /**
   * How a gemeente orders people waiting for a voorziening with a limited number of places (beschut
   * werk): the article that sets the order and, where the ordinance says so, the one that forbids
   * places beyond the planned number.
   */
  const wachtlijstSchema = z.strictObject({
    ...plaatsVelden,
    volgorde: z.enum(['indicatiedatum']),
    omschrijving: tekstSchema,
    raming: z.strictObject({ ...plaatsVelden, omschrijving: tekstSchema }).optional(),
  });

  const voorzieningSchema = z.strictObject({
    ...plaatsVelden,
    titel: tekstSchema,
    omschrijving: tekstSchema.optional(),
    aanvrager: z.enum(['inwoner', 'werkgever', 'ambtshalve']).optional(),
    grondslag: z.array(verwijzingSchema).optional(),
    voorwaarden: z.array(voorwaardeSchema),
    aanvraagVoorwaarden: z.array(voorwaardeSchema).optional(),
    duur: duurSchema.optional(),
    bedragen: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), bedragSchema).optional(),
    evaluatiemomenten: z.array(evaluatiemomentSchema).optional(),
    wachtlijst: wachtlijstSchema.optional(),
    /**
     * The amounts are set again each 1 January (art. 10d lid 7 Pw), also for a voorziening that runs: in
     * a later year they follow the rules and figures of that 1 January, not of the first day.
     */
    bedragenHerzien: z.strictObject({ ...plaatsVelden, per: z.literal('1 januari') }).optional(),
    /**
     * National law: the law names, for this voorziening, people beyond the doelgroep of art. 7 lid 1
     * onder a (art. 10b lid 1 Pw: UWV beneficiaries). For them the law's general conditions and an
     * ordinance's condition `gebruik: doelgroep` hold, for the reason in `uitleg`.
     */
    doelgroepRuimer: z.strictObject({ ...plaatsVelden, als: toetsSchema, uitleg: tekstSchema }).optional(),
    /**
     * National law: the most a premie may be per calendar year and still not count as income (art. 31
     * lid 2 onder j Pw); an ordinance's amounts above it are reported.
     */
    jaarPlafond: z
      .strictObject({ ...plaatsVelden, parameter: z.string(), omschrijving: tekstSchema })
      .optional(),
  });

  /**
   * An amount is written so that a euro figure cannot be read as cents: `bedrag: 150.00` (euro, at
   * most two decimals) or `cent: 15000` (whole cents). A plain `waarde` is for figures that are not
   * amounts (hours, months, percentages); for a parameter in cent it is refused, because `waarde: 150.00`
   * used to become € 1,50. The output always carries `waarde` in cents.
   */
  const bedragNotatie = z
    .number({ error: 'een bedrag in euro is een getal met een punt voor de centen (150.00), geen tekst' })
    .nullable()
    .optional();
  const centNotatie = z
    .number({ error: 'cent is een geheel aantal centen (15000), geen tekst' })
    .int({ error: 'cent is een geheel aantal centen (15000); schrijf euro als bedrag: 150.00' })
    .nullable()
    .optional();

  const parameterWaardeSchema = z.strictObject({
    vanaf: datumSchema,
    /** null: the value for this period is not known to us; the engine answers onbepaald. */
    waarde: z.number().nullable().optional(),
    bedrag: bedragNotatie,
    cent: centNotatie,
    /** The last day the value is known to apply (an indexed figure before its next indexation). */
    bekendTot: datumSchema.optional(),
    bron: tekstSchema,
    artikel: z.string().optional(),
    lid: lidSchema.optional(),
  });

  const parameterSchema = z
    .strictObject({
      omschrijving: tekstSchema,
      /** How a sentence for a client names it ("het minimumloon per uur"), e.g. when it is not known. */
      label: tekstSchema.optional(),
      eenheid: z.enum(['cent', 'uren', 'maanden', 'procent', 'aantal', 'dagen', 'jaar']),
      waarden: z.array(parameterWaardeSchema).min(1),
    })
    .superRefine((p, ctx) => {
      p.waarden.forEach((w, i) => {
        const pad = (veld: string) => ['waarden', i, veld];
        const notaties = (['waarde', 'bedrag', 'cent'] as const).filter((k) => w[k] !== undefined);
        if (p.eenheid === 'cent') {
          if (w.waarde !== undefined)
            ctx.addIssue({
              code: 'custom',
              path: pad('waarde'),
              message:
                'een bedrag schrijft u als bedrag: 150.00 (euro) of cent: 15000 (hele centen), niet als waarde',
            });
          else if (notaties.length === 0)
            ctx.addIssue({
              code: 'custom',
              path: ['waarden', i],
              message:
                'geef het bedrag als bedrag: 150.00 (euro) of cent: 15000 (hele centen); null als het niet bekend is',
            });
          else if (notaties.length > 1)
            ctx.addIssue({
              code: 'custom',
              path: pad('cent'),
              message: 'geef bedrag of cent, niet allebei',
            });
          if (typeof w.bedrag === 'number' && euroNaarCent(w.bedrag) === undefined)
            ctx.addIssue({
              code: 'custom',
              path: pad('bedrag'),
              message: `een bedrag in euro heeft ten hoogste twee cijfers achter de punt, niet ${w.bedrag}`,
            });
        } else {
          for (const k of ['bedrag', 'cent'] as const)
            if (w[k] !== undefined)
              ctx.addIssue({
                code: 'custom',
                path: pad(k),
                message: `${k} is alleen voor een parameter met eenheid cent; deze is in ${p.eenheid}: schrijf waarde`,
              });
          if (w.waarde === undefined && w.bedrag === undefined && w.cent === undefined)
            ctx.addIssue({
              code: 'custom',
              path: ['waarden', i],
              message: 'geef de waarde (null als zij niet bekend is)',
            });
        }
        if (w.bekendTot !== undefined && w.bekendTot < w.vanaf)
          ctx.addIssue({
            code: 'custom',
            path: ['waarden', i, 'bekendTot'],
            message: 'bekendTot ligt vóór vanaf',
          });
        const volgende = p.waarden[i + 1];
        if (w.bekendTot !== undefined && volgende && volgende.vanaf <= w.bekendTot)
          ctx.addIssue({
            code: 'custom',
            path: ['waarden', i, 'bekendTot'],
            message: 'bekendTot ligt op of na de volgende waarde; laat het weg of zet het vóór die datum',
          });
        const vorige = p.waarden[i - 1];
        if (vorige && vorige.vanaf >= w.vanaf) {
          ctx.addIssue({
            code: 'custom',
            path: ['waarden', i, 'vanaf'],
            message: 'waarden staan op volgorde van datum',
          });
        }
      });
    })
    .transform((p) => ({
      ...p,
      waarden: p.waarden.map(({ bedrag, cent, waarde, ...w }) => ({
        ...w,
        waarde:
          bedrag !== undefined
            ? bedrag === null
              ? null
              : (euroNaarCent(bedrag) ?? null)
            : cent !== undefined
              ? cent
              : (waarde ?? null),
      })),
    }));

  const artikelSchema = z
    .strictObject({
      nummer: z.string().min(1),
      titel: tekstSchema,
      /** The article's own text, as it stands in the source. */
      tekst: tekstSchema.optional(),
      /** Our own short summary (national law: we keep summaries and the official reference, not copies). */
      samenvatting: tekstSchema.optional(),
      /** Why the text is missing (for example: the seed only holds the toelichting). */
      tekstOntbreekt: tekstSchema.optional(),
      toelichting: tekstSchema.optional(),
      /**
       * How an explanation names this part where it is not an article of the regulation (a section of a
       * raadsvoorstel when the ordinance text is missing): used instead of "artikel <nummer> van de ...".
       */
      vermelding: tekstSchema.optional(),
      bron: z
        .strictObject({
          bwb: z.string().regex(/^BWBR\d{7}$/),
          artikel: z.string(),
          citeertitel: tekstSchema.optional(),
        })
        .optional(),
      grondslag: z.array(verwijzingSchema).optional(),
      soort: z.enum(['hardheidsclausule', 'innovatie', 'overgangsrecht', 'begrippen', 'budget']).optional(),
      /** For an innovatie article: how long an experiment may run at most (and the lid that says so). */
      maximaleDuur: z
        .strictObject({ maanden: z.number().int().positive(), lid: lidSchema.optional() })
        .optional(),
      /** For national law: the date this whole article was repealed. */
      vervallenPer: datumSchema.optional(),
      /** Leden (or "3 onder a") no longer in force in this version. */
      vervallenLeden: z.array(z.string()).optional(),
      /** For national law: what changed, when, and in which leden; ordinances resting on those leden are flagged. */
      wijzigingen: z
        .array(
          z.strictObject({
            per: datumSchema,
            /** "3", "3 onder a"; omitted: the article as a whole. */
            leden: z.array(z.string()).optional(),
            omschrijving: tekstSchema,
            /** Wording only; does not change what an ordinance resting on it may do. */
            redactioneel: z.boolean().optional(),
          }),
        )
        .optional(),
    })
    .refine((a) => a.tekst !== undefined || a.samenvatting !== undefined || a.tekstOntbreekt !== undefined, {
      message: 'een artikel heeft tekst, samenvatting of tekstOntbreekt',
    });

  const overgangsrechtSchema = z.strictObject({
    ...plaatsVelden,
    /** Voorzieningen granted before this date fall under the transitional article (default: geldigVanaf). */
    toegekendVoor: datumSchema.optional(),
    /** overeengekomen: the term agreed before; maandenNaInwerkingtreding: at most so many months, or the agreed term if shorter. */
    duur: z.union([
      z.literal('overeengekomen'),
      z.strictObject({ maandenNaInwerkingtreding: z.number().int().positive() }),
    ]),
    voorwaarde: toetsSchema.optional(),
    uitleg: tekstSchema,
  });

  const openTermSchema = z.strictObject({
    ...plaatsVelden,
    omschrijving: tekstSchema,
    soort: z.enum(['parameter', 'voorziening', 'regels']),
  });

  const invullingSchema = z.strictObject({
    ...plaatsVelden,
    parameter: z.string().optional(),
    voorziening: z.string().optional(),
    toelichting: tekstSchema.optional(),
  });

  const definitieSchema = z.strictObject({
    ...plaatsVelden,
    omschrijving: tekstSchema,
    /**
     * Why this ordinance deliberately gives a name the national law defines a meaning of its own; without
     * it, such a definition is refused (it would silently change every rule of the ordinance that uses it).
     */
    eigenBetekenis: tekstSchema.optional(),
    toets: toetsSchema,
    uitleg: uitlegSchema,
  });

  const algemeneVoorwaardeSchema = voorwaardeSchema.extend({
    uitgezonderd: z.array(z.string()).optional(),
  });

  const beeindigingsgrondSchema = z.strictObject({
    ...plaatsVelden,
    /** The onderdeel's letter, or a short name where the source gives the ground without one. */
    code: z.string().regex(/^[a-z][a-z0-9-]*$/),
    omschrijving: tekstSchema,
  });

  const opmerkingSchema = z.strictObject({
    onderwerp: tekstSchema,
    artikel: z.string().optional(),
    tekst: tekstSchema,
  });

  const gemeenteSchema = z.strictObject({
    slug: z.string().regex(/^[a-z0-9-]+$/),
    naam: tekstSchema,
    cbsCode: z.string().regex(/^GM\d{4}$/, { message: 'CBS-code in de vorm GM0000' }),
    uitvoeringsorganisatie: tekstSchema.optional(),
  });

  const regelingSchema = z
    .strictObject({
      id: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/),
      titel: tekstSchema,
      citeertitel: tekstSchema,
      /**
       * `regio`: a model that gemeenten of a region adopt with their own deviations (`basis` on it). It
       * has no force of its own: no gemeente evaluates it directly, and it never appears in a gemeente's list.
       */
      laag: z.enum(['wet', 'gemeente', 'regio']),
      soort: z.enum(['wet', 'verordening', 'modelverordening', 'nadere-regels', 'beleidsregels']),
      status: z.enum(['vastgesteld', 'ontwerp']).default('vastgesteld'),
      gemeente: gemeenteSchema.optional(),
      bron: z.strictObject({
        document: tekstSchema,
        seed: z.string().optional(),
        bwb: z.string().optional(),
        vindplaats: z.string().optional(),
      }),
      vastgesteld: datumSchema.optional(),
      geldigVanaf: datumSchema,
      geldigTot: datumSchema.optional(),
      /** The version this one rests on (`<id>@<geldigVanaf>`): it states only what differs (see basis.ts). */
      basis: z.string().optional(),
      vervangt: z.array(z.strictObject({ titel: tekstSchema, id: z.string().optional() })).optional(),
      berustOp: z.string().optional(),
      opmerkingen: z.array(opmerkingSchema).optional(),
      parameters: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), parameterSchema).optional(),
      openTermen: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), openTermSchema).optional(),
      invullingen: z.record(z.string(), invullingSchema).optional(),
      definities: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/), definitieSchema).optional(),
      /** Named calculations (`{ berekening: naam }`), so a formula the law uses in several amounts is written once. */
      berekeningen: z
        .record(
          z.string().regex(/^[a-z][A-Za-z0-9]*$/),
          z.strictObject({
            ...plaatsVelden,
            artikel: z.string().optional(),
            omschrijving: tekstSchema,
            getal: getalSchema,
          }),
        )
        .optional(),
      /**
       * Conditions that hold for every voorziening of this layer (national law: of every ordinance) unless
       * it is excepted (art. 7 lid 3 Pw), or the law names a wider group for it (`doelgroepRuimer`).
       */
      algemeneVoorwaarden: z.array(algemeneVoorwaardeSchema).optional(),
      /**
       * The source holds only part of the regulation (a raadsbesluit without the ordinance text, nadere
       * regels without the verordening above them, "andere voorzieningen"): a voorziening not in this
       * file is not known to be refused, so it is judged onbepaald with this reason.
       */
      aanbodOnvolledig: z
        .strictObject({ ...plaatsVelden, artikel: z.string().optional(), reden: tekstSchema })
        .optional(),
      /** The list of beëindigingsgronden in the source is not complete: only these may be used. */
      beeindigingsgrondenOnvolledig: tekstSchema.optional(),
      beeindigingsgronden: z.array(beeindigingsgrondSchema).optional(),
      overgangsrecht: overgangsrechtSchema.optional(),
      artikelen: z.array(artikelSchema).min(1),
      /**
       * Facts and voorzieningen this regulation declares beside the national vocabulary; visible to it and
       * to versions resting on it (`basis`), not to other gemeenten.
       */
      vocabulaire: vocabulaireSchema().optional(),
      /** Per voorziening (a national one or one declared in `vocabulaire`; checked in laden.ts). */
      voorzieningen: z.record(z.string().regex(VOORZIENING_ID), voorzieningSchema).optional(),
    })
    .superRefine((r, ctx) => {
      if (r.laag === 'gemeente' && !r.gemeente) {
        ctx.addIssue({
          code: 'custom',
          path: ['gemeente'],
          message: 'een gemeentelijke regeling noemt haar gemeente',
        });
      }
      if (r.laag !== 'wet' && !r.berustOp) {
        ctx.addIssue({
          code: 'custom',
          path: ['berustOp'],
          message:
            r.laag === 'gemeente'
              ? 'een gemeentelijke regeling noemt de wet waarop zij berust'
              : 'een regionaal model noemt de wet waarop het berust',
        });
      }
      if (r.laag === 'regio' && r.gemeente) {
        ctx.addIssue({
          code: 'custom',
          path: ['gemeente'],
          message: 'een regionaal model hoort bij geen gemeente: die neemt het over met basis',
        });
      }
      if (r.geldigTot && r.geldigTot < r.geldigVanaf) {
        ctx.addIssue({ code: 'custom', path: ['geldigTot'], message: 'geldigTot ligt voor geldigVanaf' });
      }
    });
  return {
    regelingSchema,
    parameterSchema,
    voorzieningSchema,
    voorwaardeSchema,
    artikelSchema,
    duurSchema,
    bedragSchema,
    verwijzingSchema,
    algemeneVoorwaardeSchema,
  };
}

let gemaakt: ReturnType<typeof maak> | undefined;
export const regelgevingSchemas = (): ReturnType<typeof maak> => (gemaakt ??= maak());
type Schemas = ReturnType<typeof maak>;

export type RegelingBestand = z.output<Schemas['regelingSchema']>;
export type Voorziening = z.output<Schemas['voorzieningSchema']>;
export type Voorwaarde = z.output<Schemas['voorwaardeSchema']>;
export type Artikel = z.output<Schemas['artikelSchema']>;
export type Duur = z.output<Schemas['duurSchema']>;
export type BedragRegel = z.output<Schemas['bedragSchema']>;
export type Parameter = z.output<Schemas['parameterSchema']>;
export type Verwijzing = z.output<Schemas['verwijzingSchema']>;
export type AlgemeneVoorwaarde = z.output<Schemas['algemeneVoorwaardeSchema']>;
