import type { Db } from '../src/opslag/database.ts';

/** Real ids of one gemeente's resources, to fill documented paths and bodies with. */
export interface Ids {
  readonly inwoner: string;
  readonly beschikking: string;
  readonly termijn: string;
  readonly indicatie: string;
  readonly aanvraag: string;
  readonly bezwaar: string;
  readonly casemanager: string;
  readonly gebruiker: string;
  /** A stored draft and one of its advice rounds (issue 13); a made-up id where there is none. */
  readonly ontwerp?: string;
  readonly ronde?: string;
}

const GEEN = '00000000-0000-4000-8000-000000000000';

/** The first resource of each kind in a gemeente (a made-up id where there is none). */
export async function idsVan(db: Db, gemeente: string): Promise<Ids> {
  const eerste = async (
    tabel: 'inwoner' | 'beschikking' | 'termijn' | 'beschutWerkIndicatie' | 'aanvraag' | 'bezwaar',
  ) =>
    String(
      (
        await db
          .selectFrom(tabel)
          .select('id')
          .where('gemeente', '=', gemeente)
          .orderBy('id')
          .executeTakeFirst()
      )?.id ?? (tabel === 'termijn' ? '999999' : GEEN),
    );
  const cm = await db
    .selectFrom('rol')
    .select('gebruikerId')
    .where('gemeente', '=', gemeente)
    .where('rol', '=', 'casemanager')
    .orderBy('gebruikerId')
    .executeTakeFirst();
  const ontwerp = await db
    .selectFrom('ontwerp')
    .select('id')
    .where('gemeente', '=', gemeente)
    .orderBy('id')
    .executeTakeFirst();
  const ronde = ontwerp
    ? await db.selectFrom('adviesronde').select('id').where('ontwerpId', '=', ontwerp.id).executeTakeFirst()
    : undefined;
  return {
    inwoner: await eerste('inwoner'),
    beschikking: await eerste('beschikking'),
    termijn: await eerste('termijn'),
    indicatie: await eerste('beschutWerkIndicatie'),
    aanvraag: await eerste('aanvraag'),
    bezwaar: await eerste('bezwaar'),
    casemanager: cm?.gebruikerId ?? GEEN,
    gebruiker: cm?.gebruikerId ?? GEEN,
    ...(ontwerp ? { ontwerp: ontwerp.id } : {}),
    ...(ronde ? { ronde: ronde.id } : {}),
  };
}

/** Fills a documented path with a gemeente and real ids, by what the segment before `{id}` names. */
export function vulPad(pad: string, gemeente: string, ids: Ids, jaar = '2026'): string {
  return pad
    .replace('{gemeente}', gemeente)
    .replace('{jaar}', jaar)
    .replace('{voorziening}', 'participatieplaats')
    .replace('{bezwaarId}', ids.bezwaar)
    .replace('{regeling}', 're-integratieverordening')
    .replace('{geldigVanaf}', '2015-07-01')
    .replace('{nummer}', '15')
    .replace('{ronde}', ids.ronde ?? GEEN)
    .replace('{periode}', '1')
    .replace('{kwartaal}', '1')
    .replace('{maand}', '2026-10')
    .replace(/\/([a-z-]+)\/\{id\}/, (_, soort: string) => {
      const id: Record<string, string | undefined> = {
        inwoners: ids.inwoner,
        dossiers: ids.inwoner,
        beschikkingen: ids.beschikking,
        termijnen: ids.termijn,
        plaatsingen: ids.indicatie,
        aanvragen: ids.aanvraag,
        gebruikers: ids.gebruiker,
        ontwerpen: ids.ontwerp ?? GEEN,
      };
      if (!id[soort]) throw new Error(`geen id voor /${soort}/{id}: breid test/api-voorbeelden.ts uit`);
      return `/${soort}/${id[soort]}`;
    });
}

const AANVRAAG = {
  voorziening: 'participatieplaats',
  ingangsdatum: '2026-11-02',
  duurMaanden: 12,
  urenPerWeek: 24,
};

/**
 * A valid body for each documented route that takes one, keyed by `METHOD path`, so a test can change
 * one field at a time and reach the checks behind the schema. A new route with a body needs an entry.
 */
export function voorbeeldBody(methode: string, pad: string, ids: Ids): Record<string, unknown> | undefined {
  const voorbeelden: Record<string, Record<string, unknown>> = {
    'POST /auth/login': { gebruikersnaam: 'onbekend', wachtwoord: 'fout-wachtwoord' },
    'POST /gemeenten/{gemeente}/ontwerpen': {
      ontwerp: {
        bestandsnaam: '2027-01-01.yaml',
        regels: ['id: dinkelland/re-integratieverordening', 'status: ontwerp'],
      },
    },
    'POST /gemeenten/{gemeente}/ontwerpen/{id}/adviesrondes': {
      ronde: { regeling: 'dinkelland/re-integratieverordening' },
    },
    'PUT /gemeenten/{gemeente}/ontwerpen/{id}/teksten': { teksten: { samenvatting: 'Proef aan de rand' } },
    'PUT /gemeenten/{gemeente}/ontwerpen/{id}/inhoud': {
      ontwerp: {
        bestandsnaam: '2027-01-01.yaml',
        regels: ['id: dinkelland/re-integratieverordening', 'status: ontwerp'],
      },
    },
    'POST /gemeenten/{gemeente}/ontwerpen/{id}/vaststelling': { besluitdatum: '2026-12-01' },
    'POST /evaluate': {
      gemeente: 'dinkelland',
      peildatum: '2026-11-02',
      feiten: { geboortedatum: '1985-06-15', uitkering: 'algemene-bijstand' },
      aanvraag: AANVRAAG,
    },
    'POST /gemeenten/{gemeente}/inwoners': {
      bsn: '123456782',
      naam: 'Rand Proef',
      geboortedatum: '1980-01-01',
      casemanagerId: ids.casemanager,
    },
    'PATCH /gemeenten/{gemeente}/inwoners/{id}': { naam: 'Nieuwe Naam', casemanagerId: ids.casemanager },
    'POST /gemeenten/{gemeente}/inwoners/{id}/feiten': {
      naam: 'uitkering',
      waarde: 'algemene-bijstand',
      geldigVanaf: '2026-01-01',
      bron: 'gesprek',
    },
    'POST /gemeenten/{gemeente}/beschikkingen': {
      inwonerId: ids.inwoner,
      soort: 'afwijzing',
      peildatum: '2026-11-02',
      aanvraag: AANVRAAG,
      motivering: 'Proef aan de rand',
    },
    'POST /gemeenten/{gemeente}/beschikkingen/{id}/beeindiging': {
      datum: '2026-12-01',
      grond: 'a',
      motivering: 'Werk gevonden bij een werkgever in de regio.',
    },
    'PUT /gemeenten/{gemeente}/budgetten/{jaar}/{voorziening}': {
      plafondCent: 900_000_000,
      deelnemersplafond: 500,
      artikel: '3',
      besluit: 'Raadsbesluit begroting',
    },
    'POST /gemeenten/{gemeente}/budgetten/{jaar}/overhevelingen': {
      van: 'participatieplaats',
      naar: 'loonkostensubsidie',
      bedragCent: 100,
      besluit: 'Collegebesluit overheveling',
    },
    'POST /gemeenten/{gemeente}/termijnen/{id}/afhandeling': {
      voldoendeMeegewerkt: true,
      toelichting: 'Besproken met de inwoner',
    },
    'PUT /gemeenten/{gemeente}/beschut-werk/plannen/{jaar}': { plaatsen: 12 },
    'POST /gemeenten/{gemeente}/beschut-werk/indicaties': {
      inwonerId: ids.inwoner,
      indicatiedatum: '2026-01-05',
    },
    'POST /gemeenten/{gemeente}/beschut-werk/plaatsingen': {
      indicatieId: ids.indicatie,
      geplaatstOp: '2026-11-02',
    },
    'POST /gemeenten/{gemeente}/beschut-werk/plaatsingen/{id}/vrijgave': {
      reden: 'Contract beëindigd',
      vrijgekomenOp: '2026-11-30',
    },
    'POST /gemeenten/{gemeente}/beschikkingen/{id}/bezwaren': { ontvangenOp: '2026-11-20' },
    'PATCH /gemeenten/{gemeente}/beschikkingen/{id}/bezwaren/{bezwaarId}': {
      uitkomst: 'ongegrond',
      beslistOp: '2026-12-01',
      toelichting: 'Geen nieuwe feiten of omstandigheden',
    },
    'POST /gemeenten/{gemeente}/voortgangsrapportages': { jaar: 2026, periode: 1 },
    'POST /gemeenten/{gemeente}/srg-leveringen': { maand: '2026-10' },
    'POST /gemeenten/{gemeente}/aanvragen': {
      inwonerId: ids.inwoner,
      soort: 'aanvraag',
      voorziening: 'participatieplaats',
      ontvangenOp: '2026-11-01',
      gegevens: AANVRAAG,
    },
    'POST /gemeenten/{gemeente}/dossiers/{id}/aanbod': { peildatum: '2026-11-02', aanvraag: AANVRAAG },
    'POST /gemeenten/{gemeente}/regelingen/{regeling}/verschil': { van: '2015-07-01', naar: '2015-07-01' },
    'POST /gemeenten/{gemeente}/impact': {
      datum: '2026-11-02',
      parameter: {
        regeling: 'dinkelland/re-integratieverordening',
        naam: 'premie-participatieplaats',
        waarde: 20000,
      },
    },
    'PUT /gemeenten/{gemeente}/verwerkingsdoelen': {
      doelen: [
        { doel: 'uitvoering re-integratie', omschrijving: 'Het dossier bijhouden', volledigBsn: false },
        { doel: 'identificatie inwoner', omschrijving: 'Vaststellen wie de inwoner is', volledigBsn: true },
      ],
    },
  };
  return voorbeelden[`${methode.toUpperCase()} ${pad}`];
}

/** The documented operations of /openapi.json, with whether each takes a JSON body. */
export interface Operatie {
  readonly methode: string;
  readonly pad: string;
  readonly body: boolean;
  readonly query: readonly string[];
  readonly persoonsgegevens: boolean;
}

export function operaties(doc: { paths: Record<string, Record<string, any>> }): Operatie[] {
  return Object.entries(doc.paths).flatMap(([pad, methoden]) =>
    Object.entries(methoden).map(([m, op]) => ({
      methode: m.toUpperCase(),
      pad,
      body: !!op.requestBody?.content?.['application/json'],
      query: ((op.parameters ?? []) as { in: string; name: string }[])
        .filter((p) => p.in === 'query')
        .map((p) => p.name),
      persoonsgegevens: m === 'get' && op['x-persoonsgegevens'] !== false,
    })),
  );
}
