import { engineInWerking } from '../../administratie/ontwerpen.ts';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { log } from '../../administratie/audit.ts';
import { LEZERS, vereisRol } from '../../administratie/toegang.ts';
import { LANDELIJK_VOCABULAIRE } from '../../casus/index.ts';
import { vocabulaireVoorGemeente } from '../../regelgeving/index.ts';
import { artikelTekst } from '../../engine/index.ts';
import { isGeldigeDatum } from '../../kalender/index.ts';
import type { Bibliotheek, Regeling } from '../../regelgeving/index.ts';
import { vergelijkRegelingen } from '../../regelgeving/verschil.ts';
import { laadOntwerp, MAX_ONTWERP_BYTES } from '../../regelgeving/ontwerp.ts';
import { probleem } from '../probleem.ts';
import { beveiligd, FOUTEN, gemeenteParam, json, probleemAntwoord } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { datumSchema } from '../validatie.ts';
import { conflictSchema } from '../schema-resultaat.ts';

const tags = ['regelgeving'];
const dag = z.string().refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' });
const regelingParam = gemeenteParam.extend({ regeling: z.string().regex(/^[a-z0-9-]+$/) });

const versieSchema = z.object({
  id: z.string(),
  titel: z.string(),
  citeertitel: z.string(),
  soort: z.string(),
  laag: z.enum(['wet', 'gemeente']),
  status: z.enum(['vastgesteld', 'ontwerp']),
  geldigVanaf: z.string(),
  geldigTot: z.string().nullable(),
  vastgesteld: z.string().nullable(),
  inWerking: z.boolean().describe('In werking vandaag'),
  hash: z.string(),
});

const verwijzingSchema = z.object({
  regeling: z.string(),
  citeertitel: z.string(),
  artikel: z.string().describe('"10a lid 6"'),
  titel: z.string().nullable(),
  tekst: z.string().nullable().describe('De tekst, of onze samenvatting bij de wet'),
  bwb: z.string().nullable(),
  inWerking: z.boolean(),
});

const artikelSchema = z.object({
  nummer: z.string(),
  titel: z.string(),
  tekst: z.string().nullable(),
  samenvatting: z.string().nullable(),
  tekstOntbreekt: z.string().nullable(),
  toelichting: z.string().nullable(),
  grondslag: z.array(verwijzingSchema),
  regels: z.array(
    z.object({
      soort: z.string(),
      voorziening: z.string().nullable(),
      plaats: z.string().describe('"15 lid 5"'),
      tekst: z.string(),
    }),
  ),
  parameters: z.array(
    z.object({
      naam: z.string(),
      omschrijving: z.string(),
      eenheid: z.string(),
      waarden: z.array(z.object({ vanaf: z.string(), waarde: z.number().nullable(), bron: z.string() })),
    }),
  ),
});

const foutSchema = z.object({
  bestand: z.string(),
  regel: z.number().int().optional(),
  kolom: z.number().int().optional(),
  pad: z.string(),
  bericht: z.string(),
});

/**
 * A draft as its lines: the edge caps every string of a JSON body (a whole ordinance is some 50,000
 * characters), and a line is also what an error message points to.
 */
export const ontwerpInvoerSchema = z.strictObject({
  bestandsnaam: z.string().min(1).max(200),
  regels: z.array(z.string().max(10_000)).max(20_000).describe('De regels van het YAML-bestand'),
});
export const ontwerpTekst = (o: { regels: readonly string[] }) => o.regels.join('\n');

const vandaagIn = (r: Regeling, vandaag: string) =>
  r.status === 'vastgesteld' && r.geldigVanaf <= vandaag && (!r.geldigTot || r.geldigTot >= vandaag);

const versie = (r: Regeling, vandaag: string) => ({
  id: r.id,
  titel: r.titel,
  citeertitel: r.citeertitel,
  soort: r.soort,
  laag: r.laag,
  status: r.status,
  geldigVanaf: r.geldigVanaf,
  geldigTot: r.geldigTot ?? null,
  vastgesteld: r.vastgesteld ?? null,
  inWerking: vandaagIn(r, vandaag),
  hash: r.hash,
});

/** The regulation a path names for a gemeente: one of its own, or the national law. */
function regelingId(b: Bibliotheek, gemeente: string, regeling: string): string | undefined {
  const eigen = `${gemeente}/${regeling}`;
  if (b.regelingenVan(gemeente).includes(eigen)) return eigen;
  return b.versies(regeling).some((r) => r.laag === 'wet') ? regeling : undefined;
}

function verwijzing(
  b: Bibliotheek,
  ref: { regeling: string; artikel: string; lid?: string | undefined; onder?: string | undefined },
  datum: string,
) {
  const wet = b.inWerking(ref.regeling, datum) ?? b.versies(ref.regeling).at(-1);
  const a = wet?.artikelen.find((x) => x.nummer === ref.artikel);
  return {
    regeling: ref.regeling,
    citeertitel: wet?.citeertitel ?? ref.regeling,
    artikel: artikelTekst(ref),
    titel: a?.titel ?? null,
    tekst: a?.tekst ?? a?.samenvatting ?? null,
    bwb: a?.bron ? `${a.bron.bwb} art. ${a.bron.artikel}` : null,
    inWerking: a !== undefined && (!a.vervallenPer || a.vervallenPer > datum),
  };
}

/**
 * The regulation as a document: each article's text beside the rules and parameters that implement
 * it (they name their article), with the national articles it rests on as in force on `datum`.
 */
export function alsDocument(b: Bibliotheek, r: Regeling, datum: string) {
  type Regel = { soort: string; voorziening: string | null; plaats: string; tekst: string };
  const regels = new Map<string, Regel[]>();
  const grondslagen = new Map<string, z.infer<typeof verwijzingSchema>[]>();
  const voeg = (artikel: string, regel: Regel) =>
    regels.set(artikel, [...(regels.get(artikel) ?? []), regel]);
  const plaats = (p: { artikel: string; lid?: string | undefined; onder?: string | undefined }) =>
    artikelTekst(p);
  for (const [id, v] of Object.entries(r.voorzieningen ?? {})) {
    if (!v) continue;
    voeg(v.artikel, {
      soort: 'voorziening',
      voorziening: id,
      plaats: plaats(v),
      tekst: v.omschrijving ?? v.titel,
    });
    for (const g of v.grondslag ?? [])
      grondslagen.set(v.artikel, [...(grondslagen.get(v.artikel) ?? []), verwijzing(b, g, datum)]);
    for (const w of v.voorwaarden)
      voeg(w.artikel, { soort: 'voorwaarde', voorziening: id, plaats: plaats(w), tekst: w.uitleg.ja });
    for (const w of v.aanvraagVoorwaarden ?? [])
      voeg(w.artikel, {
        soort: 'voorwaarde bij de aanvraag',
        voorziening: id,
        plaats: plaats(w),
        tekst: w.uitleg.ja,
      });
    if (v.duur)
      voeg(v.duur.artikel, {
        soort: 'duur',
        voorziening: id,
        plaats: plaats(v.duur),
        tekst:
          v.duur.uitleg ??
          (v.duur.maximaal
            ? `Ten hoogste ${v.duur.maximaal.maanden ? `${v.duur.maximaal.maanden} maanden` : `${v.duur.maximaal.dagen} dagen`}.`
            : 'Geen maximale duur.'),
      });
    if (v.duur?.verlenging)
      voeg(v.duur.verlenging.artikel, {
        soort: 'verlenging',
        voorziening: id,
        plaats: plaats(v.duur.verlenging),
        tekst: `Ten hoogste ${v.duur.verlenging.maximaalAantal} keer met ${v.duur.verlenging.maanden} maanden te verlengen.`,
      });
    for (const bedrag of Object.values(v.bedragen ?? {}))
      voeg(bedrag.artikel, {
        soort: 'bedrag',
        voorziening: id,
        plaats: plaats(bedrag),
        tekst: bedrag.omschrijving,
      });
    for (const m of v.evaluatiemomenten ?? [])
      voeg(m.artikel, {
        soort: 'evaluatiemoment',
        voorziening: id,
        plaats: plaats(m),
        tekst: m.omschrijving,
      });
    if (v.wachtlijst)
      voeg(v.wachtlijst.artikel, {
        soort: 'wachtlijst',
        voorziening: id,
        plaats: plaats(v.wachtlijst),
        tekst: v.wachtlijst.omschrijving,
      });
  }
  for (const w of r.algemeneVoorwaarden ?? [])
    voeg(w.artikel, {
      soort: 'algemene voorwaarde',
      voorziening: null,
      plaats: plaats(w),
      tekst: w.uitleg.ja,
    });
  for (const g of r.beeindigingsgronden ?? [])
    voeg(g.artikel, {
      soort: 'beëindigingsgrond',
      voorziening: null,
      plaats: plaats(g),
      tekst: `${g.code}. ${g.omschrijving}`,
    });
  for (const d of Object.values(r.definities ?? {}))
    voeg(d.artikel, { soort: 'begrip', voorziening: null, plaats: plaats(d), tekst: d.omschrijving });
  if (r.overgangsrecht)
    voeg(r.overgangsrecht.artikel, {
      soort: 'overgangsrecht',
      voorziening: null,
      plaats: plaats(r.overgangsrecht),
      tekst: r.overgangsrecht.uitleg,
    });
  for (const t of Object.values(r.openTermen ?? {}))
    voeg(t.artikel, {
      soort: 'open norm voor de gemeente',
      voorziening: null,
      plaats: plaats(t),
      tekst: t.omschrijving,
    });
  const parameters = new Map<string, z.infer<typeof artikelSchema>['parameters']>();
  for (const [naam, p] of Object.entries(r.parameters ?? {})) {
    const artikel = p.waarden.find((w) => w.artikel)?.artikel;
    if (!artikel) continue;
    parameters.set(artikel, [
      ...(parameters.get(artikel) ?? []),
      {
        naam,
        omschrijving: p.omschrijving,
        eenheid: p.eenheid,
        waarden: p.waarden.map((w) => ({ vanaf: w.vanaf, waarde: w.waarde, bron: w.bron })),
      },
    ]);
  }
  const uniek = <T extends { regeling: string; artikel: string }>(lijst: T[]) =>
    lijst.filter(
      (x, i) => lijst.findIndex((y) => y.regeling === x.regeling && y.artikel === x.artikel) === i,
    );
  return {
    ...versie(r, datum),
    bron: r.bron.document,
    opmerkingen: (r.opmerkingen ?? []).map((o) => ({
      onderwerp: o.onderwerp,
      artikel: o.artikel ?? null,
      tekst: o.tekst,
    })),
    artikelen: r.artikelen.map((a) => ({
      nummer: a.nummer,
      titel: a.titel,
      tekst: a.tekst ?? null,
      samenvatting: a.samenvatting ?? null,
      tekstOntbreekt: a.tekstOntbreekt ?? null,
      toelichting: a.toelichting ?? null,
      grondslag: uniek([
        ...(a.grondslag ?? []).map((g) => verwijzing(b, g, datum)),
        ...(grondslagen.get(a.nummer) ?? []),
      ]),
      regels: regels.get(a.nummer) ?? [],
      parameters: parameters.get(a.nummer) ?? [],
    })),
  };
}

/** Regulations for the policy officer: versions, documents, differences, conformance, single articles, the fact vocabulary. */
export const registreerRegelgevingRoutes: RouteModule = (
  _app,
  { db, engine },
  { registreer, actor, vandaag },
) => {
  const b = engine.bibliotheek;

  registreer(
    createRoute({
      method: 'get',
      path: '/feiten',
      // The law and its documents, no personal data.
      'x-persoonsgegevens': false,
      summary:
        'De feitenlijst: elk feit dat een regel kan noemen, met type, omschrijving en label (docs/feiten.md); met gemeente ook de feiten die haar regelingen zelf verklaren',
      tags,
      security: beveiligd,
      request: {
        query: z.object({
          gemeente: z
            .string()
            .regex(/^[a-z0-9-]+$/)
            .optional()
            .describe('Ook de eigen feiten van de regelingen van deze gemeente'),
          datum: datumSchema.optional().describe('Alleen van de regelingen die op deze dag gelden'),
        }),
      },
      responses: {
        200: json(
          z.array(
            z.object({
              naam: z.string(),
              bron: z.enum(['feiten', 'aanvraag', 'afgeleid']),
              soort: z.enum(['datum', 'getal', 'waarheid', 'keuze']),
              opties: z.array(z.string()).nullable(),
              min: z.number().nullable(),
              max: z.number().nullable(),
              geheel: z.boolean(),
              omschrijving: z.string(),
              label: z.string(),
              eenheid: z.string().nullable(),
              /** The regulation that declares the fact; null for the national vocabulary. */
              regeling: z.string().nullable(),
              voedt: z.array(z.string()).nullable(),
            }),
          ),
          'Feiten',
        ),
        401: FOUTEN[401],
      },
    }),
    (c) => {
      const { gemeente, datum } = c.req.valid('query');
      const vocabulaire = gemeente
        ? vocabulaireVoorGemeente(b, gemeente, datum ? [datum] : [])
        : LANDELIJK_VOCABULAIRE;
      return c.json(
        [...vocabulaire.feiten.values()].map((f) => ({
          naam: f.naam,
          bron: f.bron,
          soort: f.type.soort,
          opties: f.type.soort === 'keuze' ? [...f.type.opties] : null,
          min: f.type.soort === 'getal' ? (f.type.min ?? null) : null,
          max: f.type.soort === 'getal' ? (f.type.max ?? null) : null,
          geheel: f.type.soort === 'getal' && f.type.geheel === true,
          omschrijving: f.omschrijving,
          label: f.label,
          eenheid: f.eenheid ?? null,
          regeling: f.regeling ?? null,
          voedt: f.voedt ? [...f.voedt] : null,
        })),
        200,
      );
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/regelingen',
      // The law and its documents, no personal data.
      'x-persoonsgegevens': false,
      summary: 'De regelingen van de gemeente en de wet, elk met al hun versies (datums en status)',
      tags,
      security: beveiligd,
      request: { params: gemeenteParam },
      responses: {
        200: json(
          z.array(
            z.object({
              id: z.string(),
              pad: z.string(),
              citeertitel: z.string(),
              laag: z.enum(['wet', 'gemeente']),
              versies: z.array(versieSchema),
            }),
          ),
          'Regelingen met versies, oudste eerst',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      // Adopted drafts of this gemeente are versions like the files (issue 13).
      const e = await engineInWerking(db, engine, gemeente);
      const b = e.bibliotheek;
      const wetten = [...new Set(b.regelingen.filter((r) => r.laag === 'wet').map((r) => r.id))];
      const ids = [...b.regelingenVan(gemeente), ...wetten];
      return c.json(
        ids.map((id) => {
          const versies = b.versies(id);
          return {
            id,
            pad: id.split('/').at(-1)!,
            citeertitel: versies.at(-1)!.citeertitel,
            laag: versies.at(-1)!.laag,
            versies: versies.map((v) => versie(v, vandaag())),
          };
        }),
        200,
      );
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/regelingen/{regeling}/versies/{geldigVanaf}',
      // The law and its documents, no personal data.
      'x-persoonsgegevens': false,
      summary:
        'Een versie als document: per artikel de tekst naast de regels en parameters die het uitvoeren, met de artikelen van de wet waarop het berust',
      tags,
      security: beveiligd,
      request: {
        params: regelingParam.extend({ geldigVanaf: dag }),
        query: z.object({ datum: dag.optional() }),
      },
      responses: {
        200: json(
          versieSchema.extend({
            bron: z.string(),
            opmerkingen: z.array(
              z.object({ onderwerp: z.string(), artikel: z.string().nullable(), tekst: z.string() }),
            ),
            artikelen: z.array(artikelSchema),
          }),
          'Document',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente, regeling, geldigVanaf } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      // Adopted drafts of this gemeente are versions like the files (issue 13).
      const e = await engineInWerking(db, engine, gemeente);
      const b = e.bibliotheek;
      const id = regelingId(b, gemeente, regeling);
      const r = id ? b.versies(id).find((v) => v.geldigVanaf === geldigVanaf) : undefined;
      if (!r)
        return probleem(c, {
          code: 'niet-gevonden',
          bericht: 'deze versie van de regeling is niet gevonden',
        });
      const datum = c.req.valid('query').datum ?? (vandaag() < r.geldigVanaf ? r.geldigVanaf : vandaag());
      return c.json(alsDocument(b, r, datum), 200);
    },
  );

  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/regelingen/{regeling}/verschil',
      summary:
        'Vergelijk twee versies (of een versie met een geüpload ontwerp): welke artikelen, parameters en voorzieningen veranderden, met beide teksten',
      tags,
      security: beveiligd,
      request: {
        params: regelingParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                van: dag.describe('geldigVanaf van de eerste versie'),
                naar: dag.optional().describe('geldigVanaf van de tweede versie'),
                ontwerp: ontwerpInvoerSchema.optional().describe('Of: een ontwerp (YAML) als tweede versie'),
              }),
            },
          },
        },
      },
      responses: {
        200: json(
          z.object({
            van: versieSchema,
            naar: versieSchema,
            verschillen: z.array(
              z.object({
                soort: z.enum(['toegevoegd', 'vervallen', 'gewijzigd']),
                onderdeel: z.enum(['artikel', 'parameter', 'voorziening', 'gegeven']),
                sleutel: z.string(),
                details: z.array(z.string()),
              }),
            ),
            artikelen: z.array(
              z.object({
                nummer: z.string(),
                titel: z.string(),
                van: z.string().nullable(),
                naar: z.string().nullable(),
              }),
            ),
          }),
          'Verschillen',
        ),
        ...FOUTEN,
        422: json(
          z.object({ title: z.string(), status: z.number(), fouten: z.array(foutSchema) }),
          'Het ontwerp is ongeldig (bestand, regel en veld)',
        ),
      },
    }),
    async (c) => {
      const { gemeente, regeling } = c.req.valid('param');
      const a = actor(c);
      const rol = vereisRol(a, gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      // Adopted drafts of this gemeente are versions like the files (issue 13).
      const e = await engineInWerking(db, engine, gemeente);
      const b = e.bibliotheek;
      const invoer = c.req.valid('json');
      const id = regelingId(b, gemeente, regeling);
      const versies = id ? b.versies(id) : [];
      const van = versies.find((v) => v.geldigVanaf === invoer.van);
      if (!van)
        return probleem(c, { code: 'niet-gevonden', bericht: `versie van ${invoer.van} niet gevonden` });
      let naar: Regeling | undefined;
      if (invoer.ontwerp) {
        const o = laadOntwerp(b, gemeente, invoer.ontwerp.bestandsnaam, ontwerpTekst(invoer.ontwerp));
        if (!o.ok) return ongeldigOntwerp(o.fouten);
        o.opruimen();
        if (o.regeling.id !== van.id)
          return ongeldigOntwerp([
            {
              bestand: invoer.ontwerp.bestandsnaam,
              pad: 'id',
              bericht: `het ontwerp is van ${o.regeling.id}, niet van ${van.id}`,
            },
          ]);
        naar = o.regeling;
        await log(db, a, gemeente, 'ontwerp-vergelijken', 'regeling', van.id);
      } else {
        naar = versies.find((v) => v.geldigVanaf === invoer.naar);
        if (!naar)
          return probleem(c, {
            code: 'ongeldig',
            bericht: 'kies een tweede versie of upload een ontwerp',
            velden: [{ pad: 'naar', bericht: 'ontbreekt' }],
          });
      }
      const verschillen = vergelijkRegelingen(van, naar);
      const tekst = (r: Regeling, nummer: string) => {
        const x = r.artikelen.find((y) => y.nummer === nummer);
        return x ? (x.tekst ?? x.samenvatting ?? x.tekstOntbreekt ?? null) : null;
      };
      const nummers = [
        ...new Set(verschillen.filter((v) => v.onderdeel === 'artikel').map((v) => v.sleutel)),
      ];
      return c.json(
        {
          van: versie(van, vandaag()),
          naar: versie(naar, vandaag()),
          verschillen,
          artikelen: nummers.map((n) => ({
            nummer: n,
            titel:
              (naar.artikelen.find((x) => x.nummer === n) ?? van.artikelen.find((x) => x.nummer === n))
                ?.titel ?? '',
            van: tekst(van, n),
            naar: tekst(naar, n),
          })),
        },
        200,
      );
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/conformiteit',
      // The law and its documents, no personal data.
      'x-persoonsgegevens': false,
      summary:
        'Gemeentelijke regels in werking op een datum waarvan de grondslag in de wet vervallen of gewijzigd is, of die meer toestaan dan de wet',
      tags,
      security: beveiligd,
      request: { params: gemeenteParam, query: z.object({ datum: dag.optional() }) },
      responses: {
        200: json(
          z.object({
            datum: z.string(),
            wet: z.object({ id: z.string(), citeertitel: z.string(), geldigVanaf: z.string() }),
            regelingen: z.array(
              z.object({ id: z.string(), citeertitel: z.string(), geldigVanaf: z.string() }),
            ),
            conflicten: z.array(conflictSchema),
          }),
          'Bevindingen',
        ),
        ...FOUTEN,
        422: probleemAntwoord('Geen regeling of wet in werking op die datum'),
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      // Adopted drafts of this gemeente are versions like the files (issue 13).
      const e = await engineInWerking(db, engine, gemeente);
      const b = e.bibliotheek;
      const datum = c.req.valid('query').datum ?? vandaag();
      const p = e.planOp(gemeente, datum);
      if (!p.ok)
        return probleem(c, {
          code: 'niet-toegestaan',
          bericht: 'bericht' in p.fout ? p.fout.bericht : 'geen regeling in werking',
        });
      return c.json(
        {
          datum,
          wet: {
            id: p.plan.wet.id,
            citeertitel: p.plan.wet.citeertitel,
            geldigVanaf: p.plan.wet.geldigVanaf,
          },
          regelingen: p.plan.gemeenteRegelingen.map((r) => ({
            id: r.id,
            citeertitel: r.citeertitel,
            geldigVanaf: r.geldigVanaf,
          })),
          conflicten: [...p.plan.conflicten],
        },
        200,
      );
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/regelingen/{regeling}/artikelen/{nummer}',
      // The law and its documents, no personal data.
      'x-persoonsgegevens': false,
      summary:
        'Eén artikel zoals het in de regeling staat (in werking op een datum), met de artikelen van de wet waarop het berust',
      tags,
      security: beveiligd,
      request: {
        params: regelingParam.extend({
          nummer: z.string().max(20).describe('Het artikelnummer: "15", "10a"'),
        }),
        query: z.object({ datum: dag.optional() }),
      },
      responses: {
        200: json(
          artikelSchema.extend({ regeling: z.string(), citeertitel: z.string(), geldigVanaf: z.string() }),
          'Artikel',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente, regeling, nummer } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      // Adopted drafts of this gemeente are versions like the files (issue 13).
      const e = await engineInWerking(db, engine, gemeente);
      const b = e.bibliotheek;
      const datum = c.req.valid('query').datum ?? vandaag();
      const id = regelingId(b, gemeente, regeling);
      const r = id ? b.inWerking(id, datum) : undefined;
      const a = r ? alsDocument(b, r, datum).artikelen.find((x) => x.nummer === nummer) : undefined;
      if (!r || !a)
        return probleem(c, { code: 'niet-gevonden', bericht: 'dit artikel staat niet in de regeling' });
      return c.json({ ...a, regeling: r.id, citeertitel: r.citeertitel, geldigVanaf: r.geldigVanaf }, 200);
    },
  );

  registreer(
    createRoute({
      method: 'get',
      path: '/gemeenten/{gemeente}/beeindigingsgronden',
      // The law and its documents, no personal data.
      'x-persoonsgegevens': false,
      summary: 'De gronden waarop de verordening in werking op een datum een voorziening laat beëindigen',
      tags,
      security: beveiligd,
      request: { params: gemeenteParam, query: z.object({ datum: dag.optional() }) },
      responses: {
        200: json(
          z.array(
            z.object({
              code: z.string(),
              omschrijving: z.string(),
              artikel: z.string(),
              regeling: z.string(),
            }),
          ),
          'Gronden',
        ),
        ...FOUTEN,
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const rol = vereisRol(actor(c), gemeente, LEZERS);
      if (!rol.ok) return probleem(c, rol.fout);
      // Adopted drafts of this gemeente are versions like the files (issue 13).
      const e = await engineInWerking(db, engine, gemeente);
      const b = e.bibliotheek;
      const p = e.planOp(gemeente, c.req.valid('query').datum ?? vandaag());
      return c.json(
        p.ok
          ? p.plan.gemeenteRegelingen.flatMap((r) =>
              (r.beeindigingsgronden ?? []).map((g) => ({
                code: g.code,
                omschrijving: g.omschrijving,
                artikel: artikelTekst(g),
                regeling: r.id,
              })),
            )
          : [],
        200,
      );
    },
  );
};

/** A draft that does not load: 422 with every problem's file, line and field. */
export function ongeldigOntwerp(fouten: readonly z.infer<typeof foutSchema>[]): Response {
  return new Response(
    JSON.stringify({
      type: 'https://reintegratie.local/problemen/ongeldig-ontwerp',
      title: 'het ontwerp is ongeldig',
      status: 422,
      fouten,
    }),
    { status: 422, headers: { 'content-type': 'application/problem+json' } },
  );
}
