import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import {
  type BestandsFout,
  type CacheMap,
  foutOp,
  type LaadResultaat,
  leesYaml,
  viaBestandCache,
  VOORZIENINGEN,
} from '../regelgeving/index.ts';

/** Where each gemeente's document settings live: one YAML file per gemeente, `<slug>.yaml`. */
export const CONFIGURATIE_MAP = join(import.meta.dirname, '..', '..', 'configuratie', 'documenten');

const tekst = z.string().trim().min(1);

const srgSoortSchema = z.strictObject({
  /** The SRG code of the kind of voorziening; null where no public source gives it. */
  code: z
    .string()
    .regex(/^\d{2}$/, { message: 'een SRG-code is twee cijfers' })
    .nullable(),
  omschrijving: tekst.nullable(),
  /** Where the code or name comes from, or why it is missing. */
  bron: tekst,
});

export const documentConfiguratieSchema = z.strictObject({
  gemeente: z.string().regex(/^[a-z0-9-]+$/),
  afzender: z.strictObject({
    naam: tekst,
    /** The bestuursorgaan that decides and receives the bezwaar (art. 6:4 lid 1 Awb). */
    college: tekst,
    postadres: z.array(tekst).min(2),
    bezoekadres: z.array(tekst).min(1).optional(),
    telefoon: tekst,
    website: tekst,
    /** False while the address has not been checked against the gemeente's own publication. */
    adresGecontroleerd: z.boolean(),
  }),
  beroep: z.strictObject({ rechtbank: tekst }),
  voortgangsrapportage: z.strictObject({
    periodenPerJaar: z.union([
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal(6),
      z.literal(12),
    ]),
    drempel: z.number().int().min(1).max(100),
    /** End grounds (codes of the ordinance's beëindigingsgronden) that mean the person went to work. */
    uitstroomNaarWerk: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,60}$/)),
    grondslag: z.strictObject({ regeling: tekst, artikel: tekst, tekst }).nullable(),
  }),
  srg: z.strictObject({ soorten: z.partialRecord(z.enum(VOORZIENINGEN), srgSoortSchema) }),
});

export type DocumentConfiguratie = z.output<typeof documentConfiguratieSchema>;
export type SrgSoort = z.output<typeof srgSoortSchema>;

export type ConfiguratieResultaat =
  { ok: true; waarde: ReadonlyMap<string, DocumentConfiguratie> } | { ok: false; fouten: BestandsFout[] };

/**
 * Reads every gemeente's document settings; an error names the file, line and field. A file that
 * validated before with the same text, code and voorzieningen comes from the cache (bibliotheek-cache.ts).
 */
export function laadDocumentConfiguratie(
  map = CONFIGURATIE_MAP,
  opties: { readonly cache?: CacheMap } = {},
): ConfiguratieResultaat {
  const uit = new Map<string, DocumentConfiguratie>();
  const fouten: BestandsFout[] = [];
  for (const naam of readdirSync(map)
    .filter((n) => n.endsWith('.yaml'))
    .sort()) {
    const bestand = join(map, naam);
    const tekst = readFileSync(bestand, 'utf8');
    // The schema accepts the voorzieningen the vocabulary knows: a changed list is another key.
    const r = viaBestandCache(
      'documentconfiguratie',
      bestand,
      tekst,
      () => leesConfiguratie(bestand, tekst),
      {
        map: opties.cache,
        ook: [VOORZIENINGEN.join('\n')],
      },
    );
    if (r.ok) uit.set(r.waarde.gemeente, r.waarde);
    else fouten.push(...r.fouten);
  }
  return fouten.length > 0 ? { ok: false, fouten } : { ok: true, waarde: uit };
}

/** One gemeente's file, parsed and checked; its name must be the gemeente's. */
function leesConfiguratie(bestand: string, tekst: string): LaadResultaat<DocumentConfiguratie> {
  const gelezen = leesYaml(bestand, tekst);
  if (!gelezen.ok) return gelezen;
  const p = documentConfiguratieSchema.safeParse(gelezen.bron.data);
  if (!p.success)
    return {
      ok: false,
      fouten: p.error.issues.map((i) => foutOp(gelezen.bron, 'schema', i.path, i.message)),
    };
  const naam = basename(bestand);
  if (`${p.data.gemeente}.yaml` !== naam)
    return {
      ok: false,
      fouten: [
        foutOp(
          gelezen.bron,
          'bestandsnaam',
          ['gemeente'],
          `het bestand heet ${naam}, de gemeente ${p.data.gemeente}`,
        ),
      ],
    };
  return { ok: true, waarde: p.data };
}
