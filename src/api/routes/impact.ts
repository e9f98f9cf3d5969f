import { engineInWerking } from '../../administratie/ontwerpen.ts';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { log } from '../../administratie/audit.ts';
import { opgeslagenCaseload } from '../../administratie/caseload.ts';
import { BELEID, vereisRol } from '../../administratie/toegang.ts';
import { impactCijfers, maakImpactteller, zetImpactOp } from '../../beleid/index.ts';
import { isGeldigeDatum } from '../../kalender/index.ts';
import type { Regeling } from '../../regelgeving/index.ts';
import { laadOntwerp, ontwerpMetParameter } from '../../regelgeving/ontwerp.ts';
import { probleem } from '../probleem.ts';
import { beveiligd, FOUTEN, gemeenteParam, json } from '../openapi.ts';
import type { RouteModule } from '../route-hulp.ts';
import { ongeldigOntwerp, ontwerpInvoerSchema, ontwerpTekst } from './regelgeving.ts';

const telling = z.record(z.string(), z.number().int());
const overgangen = z.object({
  aantal: z.number().int(),
  gewijzigd: z.number().int(),
  van: telling,
  naar: telling,
  overgangen: z.array(z.object({ van: z.string(), naar: z.string(), aantal: z.number().int() })),
});
const jaarlast = z.object({
  vanCent: z.number().int(),
  naarCent: z.number().int(),
  verschilCent: z.number().int(),
  anderBedrag: z.number().int(),
  onbekend: z.object({ van: z.number().int(), naar: z.number().int(), verschil: z.number().int() }),
});
const versie = z.object({
  id: z.string(),
  geldigVanaf: z.string(),
  status: z.string(),
  titel: z.string(),
  hash: z.string(),
});

export const impactSchema = z.object({
  gemeente: z.string(),
  peildatum: z.string(),
  van: versie,
  naar: versie,
  bron: z.object({ soort: z.literal('opslag'), inwoners: z.number().int(), ongeldig: z.number().int() }),
  casussen: z.number().int(),
  metAanvraag: z.number().int(),
  zonderAanvraag: z.number().int(),
  gewijzigd: z.number().int(),
  voorzieningen: z.array(
    z.object({
      voorziening: z.string(),
      titel: z.string(),
      aanvragen: overgangen,
      zonderAanvraag: overgangen,
      jaarlast,
    }),
  ),
  jaarlast: jaarlast.extend({ definitie: z.string() }),
});

export const versieVan = (r: Regeling) => ({
  id: r.id,
  geldigVanaf: r.geldigVanaf,
  status: r.status,
  titel: r.titel,
  hash: r.hash,
});

/**
 * Impact of a draft on the stored caseload, as `reintegratie impact --store` computes it (the same
 * setup, counter and figures): a draft uploaded as YAML, or the version in force with one parameter
 * changed. Reading every client's facts is a read of personal data, recorded in the audit trail.
 */
export const registreerImpactRoutes: RouteModule = (_app, { db, engine }, { registreer, actor, vandaag }) => {
  registreer(
    createRoute({
      method: 'post',
      path: '/gemeenten/{gemeente}/impact',
      summary:
        'Impact van een ontwerp (YAML) of van een gewijzigde parameter op de opgeslagen cliënten: per voorziening de uitkomstovergangen en het verschil in jaarlast (dezelfde cijfers als reintegratie impact --store)',
      tags: ['regelgeving'],
      security: beveiligd,
      request: {
        params: gemeenteParam,
        body: {
          content: {
            'application/json': {
              schema: z.strictObject({
                datum: z
                  .string()
                  .refine(isGeldigeDatum, { message: 'datum JJJJ-MM-DD' })
                  .optional()
                  .describe('Standaard vandaag'),
                ontwerp: ontwerpInvoerSchema.optional(),
                parameter: z
                  .strictObject({
                    regeling: z
                      .string()
                      .max(200)
                      .describe('Id, bijvoorbeeld dinkelland/re-integratieverordening'),
                    naam: z.string().max(100),
                    waarde: z.number().int().min(-2_000_000_000).max(2_000_000_000),
                  })
                  .optional(),
              }),
            },
          },
        },
      },
      responses: {
        200: json(impactSchema, 'Impact'),
        ...FOUTEN,
        422: json(
          z.object({
            title: z.string(),
            status: z.number(),
            fouten: z.array(
              z.object({
                bestand: z.string(),
                regel: z.number().optional(),
                kolom: z.number().optional(),
                pad: z.string(),
                bericht: z.string(),
              }),
            ),
          }),
          'Het ontwerp is ongeldig, of de vergelijking kan niet (met bestand, regel en veld)',
        ),
      },
    }),
    async (c) => {
      const { gemeente } = c.req.valid('param');
      const a = actor(c);
      const rol = vereisRol(a, gemeente, BELEID);
      if (!rol.ok) return probleem(c, rol.fout);
      const invoer = c.req.valid('json');
      const datum = invoer.datum ?? vandaag();
      // The draft is compared with the version in force on the date, adopted drafts included.
      const e = await engineInWerking(db, engine, gemeente);
      if ((invoer.ontwerp === undefined) === (invoer.parameter === undefined))
        return probleem(c, {
          code: 'ongeldig',
          bericht: 'geef een ontwerp of een parameter, niet allebei en niet geen van beide',
          velden: [{ pad: 'ontwerp', bericht: 'kies één van beide' }],
        });
      let bestand = invoer.ontwerp
        ? { bestandsnaam: invoer.ontwerp.bestandsnaam, inhoud: ontwerpTekst(invoer.ontwerp) }
        : undefined;
      if (invoer.parameter) {
        if (!e.bibliotheek.regelingenVan(gemeente).includes(invoer.parameter.regeling))
          return probleem(c, {
            code: 'ongeldig',
            bericht: 'onbekende regeling',
            velden: [{ pad: 'parameter.regeling', bericht: 'geen regeling van deze gemeente' }],
          });
        const o = ontwerpMetParameter(
          e.bibliotheek,
          invoer.parameter.regeling,
          datum,
          invoer.parameter.naam,
          invoer.parameter.waarde,
        );
        if (!o.ok) return ongeldigOntwerp(o.fouten);
        bestand = { bestandsnaam: o.bestandsnaam, inhoud: o.inhoud };
      }
      const ontwerp = laadOntwerp(e.bibliotheek, gemeente, bestand!.bestandsnaam, bestand!.inhoud);
      if (!ontwerp.ok) return ongeldigOntwerp(ontwerp.fouten);
      try {
        const opgezet = zetImpactOp(e, { naar: ontwerp.pad, datum });
        if (!opgezet.ok)
          return ongeldigOntwerp(
            opgezet.fouten.map((f) => ({
              bestand: bestand!.bestandsnaam,
              pad: '',
              bericht: f
                .replaceAll(ontwerp.pad, bestand!.bestandsnaam)
                .replaceAll('--date', 'datum')
                .replaceAll('--to', 'ontwerp')
                .replaceAll('--from', 'huidige versie'),
            })),
          );
        const { opzet } = opgezet;
        await log(db, a, gemeente, 'impact-berekenen', 'regeling', opzet.naar.id);
        const teller = maakImpactteller(opzet.batchVan, opzet.batchNaar);
        let inwoners = 0;
        let ongeldig = 0;
        for await (const pagina of opgeslagenCaseload(db, gemeente, datum, {
          vocabulaire: opzet.vocabulaire,
        })) {
          for (const casus of pagina.casussen) teller.tel(casus);
          inwoners += pagina.inwoners;
          ongeldig += pagina.ongeldig.length;
        }
        const cijfers = impactCijfers(teller.stand);
        const plan = e.planOp(gemeente, datum);
        const titels = new Map(
          plan.ok ? [...plan.plan.voorzieningen].map(([id, v]) => [id as string, v.titel]) : [],
        );
        return c.json(
          {
            gemeente,
            peildatum: datum,
            van: versieVan(opzet.van),
            naar: versieVan(opzet.naar),
            bron: { soort: 'opslag' as const, inwoners, ongeldig },
            ...cijfers,
            voorzieningen: cijfers.voorzieningen.map((v) => ({
              ...v,
              titel: titels.get(v.voorziening) ?? v.voorziening,
            })),
          },
          200,
        );
      } finally {
        ontwerp.opruimen();
      }
    },
  );
};
