import type { Adviesronde } from '../advies/schema.ts';
import type { RaadsvoorstelGegevens } from '../administratie/raadsvoorstel.ts';
import type { Bibliotheek, Regeling } from '../regelgeving/index.ts';
import type { Verschil } from '../regelgeving/verschil.ts';
import { bedragTekst, datumTekst } from '../taal/index.ts';
import { gemeenteNaam, perThema, puntBlokken } from './antwoordbrief.ts';
import type { Blok, BlokDocument } from './blokken.ts';

/**
 * The raadsvoorstel in the form the seeds show (Dinkelland 2015, Assen 2015): proposed decisions,
 * aanleiding, choices and deviations, advice and reactions, financial consequences, transitional law,
 * and as annexes the ordinance text and the raadsbesluit with its "gelet op". Every figure comes from
 * `raadsvoorstelGegevens`; the parts only a person can write are the draft's free texts, and where
 * one is missing the document says so in brackets instead of filling it in.
 */

/** The free-text parts a policy officer writes, by key, with what each is for. */
export const VRIJE_TEKSTEN = {
  samenvatting: 'Samenvatting van het voorstel',
  aanleiding: 'Aanleiding (toelichting bij de landelijke wijzigingen)',
  keuzes: 'Keuzes en alternatieven',
  financieel: 'Toelichting op de financiële gevolgen',
  overgangsrecht: 'Overgangsrecht (toelichting)',
  communicatie: 'Communicatie en uitvoering',
} as const;
export type VrijeTekst = keyof typeof VRIJE_TEKSTEN;

const vrij = (teksten: Readonly<Record<string, string>>, k: VrijeTekst): Blok => {
  const t = teksten[k]?.trim();
  return t
    ? { soort: 'alinea', tekst: t }
    : {
        soort: 'alinea',
        tekst: `[Nog te schrijven door de beleidsmedewerker: ${VRIJE_TEKSTEN[k].toLowerCase()}.]`,
        nadruk: 'cursief',
      };
};

/** The outcome as the casemanager's screen names it. */
const UITKOMST: Record<string, string> = {
  toegestaan: 'mag worden aangeboden',
  afgewezen: 'kan niet worden aangeboden',
  'ter-beoordeling': 'oordeel nodig',
  onbepaald: 'gegevens ontbreken',
  'niet-aangeboden': 'niet aangeboden',
};
const uitkomstWoord = (u: string) => UITKOMST[u] ?? u;

/**
 * Which requests need a new judgement of the college under the draft, per question and article, and
 * why the draft asks it; a judgement the college gave on the same question counts under the draft too.
 */
export function nieuweOordelenBlokken(g: RaadsvoorstelGegevens): Blok[] {
  const n = g.nieuweOordelen;
  const titel = (v: string) => g.impact.titels[v] ?? v;
  const b: Blok[] = [{ soort: 'kop', niveau: 3, tekst: 'Nieuwe oordelen van het college' }];
  if (n.aanvragen === 0) {
    b.push({
      soort: 'alinea',
      tekst: `Onder het ontwerp is bij geen van de ${n.beoordeeld} aanvragen en lopende voorzieningen een nieuw oordeel van het college nodig. De oordelen die het college al gaf, tellen ook onder het ontwerp.`,
    });
    return b;
  }
  b.push(
    {
      soort: 'alinea',
      tekst: `Onder het ontwerp is bij ${n.aanvragen} van de ${n.beoordeeld} aanvragen en lopende voorzieningen een nieuw oordeel van het college nodig. Het ontwerp stelt daar een vraag die de huidige verordening bij die aanvragen niet stelde. De oordelen die het college al gaf op dezelfde vraag, tellen ook onder het ontwerp.`,
    },
    {
      soort: 'tabel',
      kolommen: [
        { kop: 'Voorziening', breedte: 2 },
        { kop: 'Vraag', breedte: 1.6 },
        { kop: 'Artikel', breedte: 1.4 },
        { kop: 'Aan­vragen', breedte: 1, getal: true },
        { kop: 'Uitkomst nu → ontwerp', breedte: 2.4 },
      ],
      rijen: n.vragen.map((q) => [
        titel(q.voorziening),
        q.feit,
        `${q.artikel}${q.regeling === g.nieuw.id ? '' : ' (wet)'}`,
        String(q.aanvragen),
        q.overgangen.map((o) => `${uitkomstWoord(o.van)} → ${uitkomstWoord(o.naar)}: ${o.aantal}`).join('; '),
      ]),
    },
    { soort: 'alinea', tekst: 'Waarom het ontwerp deze vragen stelt:' },
    {
      soort: 'opsomming',
      items: n.vragen.map(
        (q) =>
          `${titel(q.voorziening)}, ${q.aanvragen} ${q.aanvragen === 1 ? 'aanvraag' : 'aanvragen'}: ${q.uitleg}`,
      ),
    },
  );
  return b;
}

const SOORT: Record<string, string> = {
  vervallen: 'grondslag vervallen',
  strijdig: 'strijdig met de wet',
  gewijzigd: 'grondslag gewijzigd',
  afwijking: 'afwijking',
};

/** "artikel 7 lid 1 onder a" */
const plaats = (g: { artikel: string; lid?: number | string | undefined; onder?: string | undefined }) =>
  `${g.artikel}${g.lid !== undefined ? `, ${lidWoord(g.lid)} lid` : ''}${g.onder !== undefined ? `, onder ${g.onder}` : ''}`;
const ORDINAAL = [
  '',
  'eerste',
  'tweede',
  'derde',
  'vierde',
  'vijfde',
  'zesde',
  'zevende',
  'achtste',
  'negende',
  'tiende',
];
const lidWoord = (l: number | string) => {
  const n = Number(l);
  return Number.isInteger(n) ? (ORDINAAL[n] ?? `${n}e`) : String(l);
};

/** The "gelet op" of the raadsbesluit: every national article the ordinance's articles rest on, once, in order. */
export function geletOp(bibliotheek: Bibliotheek, r: Regeling): string {
  const perRegeling = new Map<string, string[]>();
  for (const a of r.artikelen)
    for (const g of a.grondslag ?? []) {
      const lijst = perRegeling.get(g.regeling) ?? [];
      const t = plaats(g);
      if (!lijst.includes(t)) lijst.push(t);
      perRegeling.set(g.regeling, lijst);
    }
  const num = (t: string) => {
    const m = /^(\d+)([a-z]*)/.exec(t);
    return m ? ([Number(m[1]), m[2] ?? ''] as const) : ([Infinity, t] as const);
  };
  return [...perRegeling]
    .map(([id, lijst]) => {
      const titel = bibliotheek.versies(id)[0]?.citeertitel ?? id;
      const gesorteerd = [...lijst].sort((a, b) => {
        const [x, y] = [num(a), num(b)];
        return x[0] - y[0] || x[1].localeCompare(y[1]) || a.localeCompare(b);
      });
      return `de artikelen ${gesorteerd.join('; ')} van de ${titel}`;
    })
    .join(', en ')
    .replace(/^/, 'gelet op ');
}

export interface RaadsvoorstelInvoer {
  readonly gegevens: RaadsvoorstelGegevens;
  readonly rondes: readonly Adviesronde[];
  /** The date of the college's proposal. */
  readonly datum: string;
}

export function raadsvoorstel(bibliotheek: Bibliotheek, invoer: RaadsvoorstelInvoer): BlokDocument {
  const { gegevens: g, rondes, datum } = invoer;
  const { nieuw, huidig, ontwerp } = g;
  const teksten = ontwerp.teksten;
  const gemeente = gemeenteNaam(bibliotheek, ontwerp.gemeente);
  const ingang = datumTekst(nieuw.geldigVanaf);
  const b: Blok[] = [
    { soort: 'kop', niveau: 1, tekst: `Raadsvoorstel: vaststellen van de ${nieuw.titel}` },
    { soort: 'alinea', tekst: `Datum: ${datumTekst(datum)}` },
    { soort: 'alinea', tekst: `Gemeente ${gemeente}` },
    { soort: 'kop', niveau: 2, tekst: 'Voorgesteld besluit' },
    {
      soort: 'opsomming',
      genummerd: true,
      items: [
        `de ${nieuw.titel} vast te stellen, met ingang van ${ingang};`,
        `de ${huidig.titel} (geldig vanaf ${datumTekst(huidig.geldigVanaf)}) in te trekken met ingang van ${ingang}.`,
      ],
    },
    { soort: 'kop', niveau: 2, tekst: 'Samenvatting' },
    vrij(teksten, 'samenvatting'),
    { soort: 'kop', niveau: 2, tekst: 'Aanleiding' },
    {
      soort: 'alinea',
      tekst: `De conformiteitscontrole legt de ${huidig.titel} naast de wet zoals die op ${ingang} geldt. Zij vindt ${g.bevindingen.length} ${g.bevindingen.length === 1 ? 'punt' : 'punten'}; de laatste kolom zegt of de controle het punt bij het ontwerp nog vindt ("blijft") of niet ("niet meer"). Een gewijzigd wetsartikel van vóór de ingangsdatum van het ontwerp geldt voor het ontwerp als bekeken.`,
    },
  ];
  if (g.bevindingen.length > 0)
    b.push({
      soort: 'tabel',
      kolommen: [
        { kop: 'Artikel', breedte: 1 },
        { kop: 'Wet', breedte: 1.4 },
        { kop: 'Soort', breedte: 1.1 },
        { kop: 'Bevinding', breedte: 5 },
        { kop: 'Bij het ontwerp', breedte: 1.2 },
      ],
      rijen: g.bevindingen.map(({ conflict: c, blijft }) => [
        c.artikel,
        c.met,
        SOORT[c.soort] ?? c.soort,
        c.uitleg,
        blijft ? 'blijft' : 'niet meer',
      ]),
    });
  b.push(vrij(teksten, 'aanleiding'));

  b.push({ soort: 'kop', niveau: 2, tekst: 'Keuzes en afwijkingen' });
  const inhoudelijk = g.verschillen.filter(
    (v) =>
      !(v.onderdeel === 'gegeven' && ['titel', 'citeertitel', 'geldigVanaf', 'status'].includes(v.sleutel)),
  );
  b.push({
    soort: 'alinea',
    tekst: `Het ontwerp verschilt op ${inhoudelijk.length} ${inhoudelijk.length === 1 ? 'punt' : 'punten'} van de ${huidig.titel} (naast titel en ingangsdatum):`,
  });
  b.push({
    soort: 'tabel',
    kolommen: [
      { kop: 'Onderdeel', breedte: 1.2 },
      { kop: 'Wat', breedte: 1.5 },
      { kop: 'Verschil', breedte: 1 },
      { kop: 'Details', breedte: 4 },
    ],
    rijen: inhoudelijk.map((v) => [
      ONDERDEEL[v.onderdeel] ?? v.onderdeel,
      v.sleutel,
      v.soort,
      v.details.join('; '),
    ]),
  });
  b.push(...modelBlokken(g.model, nieuw), vrij(teksten, 'keuzes'));

  b.push({ soort: 'kop', niveau: 2, tekst: 'Advies en reacties' });
  if (rondes.length === 0)
    b.push({
      soort: 'alinea',
      tekst: 'Er is (nog) geen adviesronde vastgelegd bij dit ontwerp.',
      nadruk: 'cursief',
    });
  for (const r of rondes) {
    const organen = r.adviesorganen.map((o) => o.naam).join(' en ');
    const data = [
      typeof r.gevraagdOp === 'string' ? `gevraagd op ${datumTekst(r.gevraagdOp)}` : undefined,
      typeof r.ontvangenOp === 'string' ? `ontvangen op ${datumTekst(r.ontvangenOp)}` : undefined,
    ].filter(Boolean);
    b.push({
      soort: 'kop',
      niveau: 3,
      tekst: `Advies van de ${organen}${data.length > 0 ? ` (${data.join(', ')})` : ''}`,
    });
    if (r.eindoordeel) b.push({ soort: 'alinea', tekst: `Eindoordeel: ${r.eindoordeel}` });
    for (const t of perThema(r.punten)) {
      b.push({ soort: 'alinea', tekst: t.thema, nadruk: 'vet' });
      for (const p of t.punten) b.push(...puntBlokken(bibliotheek, r, p, { wij: false }).slice(0));
    }
  }

  const im = g.impact;
  b.push(
    { soort: 'kop', niveau: 2, tekst: 'Financiële gevolgen' },
    {
      soort: 'alinea',
      tekst: `Berekend op de opgeslagen cliënten van ${gemeente} op ${ingang}: ${im.inwoners} inwoners, ${im.casussen} beoordelingen (${im.metAanvraag} met een aanvraag of lopende voorziening, ${im.zonderAanvraag} zonder). Bij ${im.gewijzigd} beoordelingen verandert de uitkomst.`,
    },
    {
      soort: 'tabel',
      kolommen: [
        { kop: 'Voorziening', breedte: 2.2 },
        { kop: 'Aan­vragen', breedte: 1.1, getal: true },
        { kop: 'Andere uitkomst', breedte: 1.1, getal: true },
        { kop: 'Zonder aanvraag: andere uitkomst', breedte: 1.4, getal: true },
        { kop: 'Jaarlast nu', breedte: 1.3, getal: true },
        { kop: 'Jaarlast ontwerp', breedte: 1.3, getal: true },
        { kop: 'Verschil', breedte: 1.3, getal: true },
        { kop: 'Bedrag on­bekend', breedte: 1.1, getal: true },
      ],
      rijen: [
        ...im.voorzieningen.map((v) => [
          im.titels[v.voorziening] ?? v.voorziening,
          String(v.aanvragen.aantal),
          String(v.aanvragen.gewijzigd),
          String(v.zonderAanvraag.gewijzigd),
          bedragTekst(v.jaarlast.vanCent),
          bedragTekst(v.jaarlast.naarCent),
          bedragTekst(v.jaarlast.verschilCent),
          String(v.jaarlast.onbekend.verschil),
        ]),
        [
          'Totaal',
          String(im.metAanvraag),
          String(im.voorzieningen.reduce((s, v) => s + v.aanvragen.gewijzigd, 0)),
          String(im.voorzieningen.reduce((s, v) => s + v.zonderAanvraag.gewijzigd, 0)),
          bedragTekst(im.jaarlast.vanCent),
          bedragTekst(im.jaarlast.naarCent),
          bedragTekst(im.jaarlast.verschilCent),
          String(im.jaarlast.onbekend.verschil),
        ],
      ],
    },
  );
  const veranderd = im.voorzieningen.flatMap((v) =>
    [...v.aanvragen.overgangen, ...v.zonderAanvraag.overgangen]
      .filter((o) => o.van !== o.naar)
      .map((o) => `${im.titels[v.voorziening] ?? v.voorziening}: ${o.van} → ${o.naar}: ${o.aantal}`),
  );
  if (veranderd.length > 0)
    b.push(
      { soort: 'alinea', tekst: 'Uitkomsten die veranderen (van → naar: aantal):' },
      { soort: 'opsomming', items: veranderd },
    );
  b.push(...nieuweOordelenBlokken(g));
  b.push({ soort: 'alinea', tekst: im.jaarlast.definitie, nadruk: 'cursief' }, vrij(teksten, 'financieel'));

  b.push({ soort: 'kop', niveau: 2, tekst: 'Overgangsrecht' });
  const og = nieuw.overgangsrecht;
  b.push(
    og
      ? {
          soort: 'alinea',
          tekst: `Artikel ${og.artikel}${og.lid !== undefined ? ` lid ${og.lid}` : ''} van het ontwerp: ${og.uitleg}`,
        }
      : { soort: 'alinea', tekst: 'Het ontwerp heeft geen artikel over overgangsrecht.', nadruk: 'cursief' },
    vrij(teksten, 'overgangsrecht'),
    { soort: 'kop', niveau: 2, tekst: 'Communicatie en uitvoering' },
    vrij(teksten, 'communicatie'),
    { soort: 'alinea', tekst: 'Het college van burgemeester en wethouders van ' + gemeente },
    { soort: 'paginaeinde' },
    { soort: 'kop', niveau: 2, tekst: 'Bijlage 1. Raadsbesluit' },
    { soort: 'alinea', tekst: `De raad van de gemeente ${gemeente};` },
    {
      soort: 'alinea',
      tekst: `gelezen het voorstel van het college van burgemeester en wethouders van ${datumTekst(datum)};`,
    },
    { soort: 'alinea', tekst: `${geletOp(bibliotheek, nieuw)};` },
    { soort: 'alinea', tekst: 'besluit:', nadruk: 'vet' },
    {
      soort: 'opsomming',
      genummerd: true,
      items: [
        `vast te stellen de ${nieuw.titel}, met ingang van ${ingang};`,
        `in te trekken de ${huidig.titel}, met ingang van ${ingang}.`,
      ],
    },
    {
      soort: 'alinea',
      tekst: 'Aldus vastgesteld in de openbare vergadering van [datum], de voorzitter, de griffier.',
      nadruk: 'cursief',
    },
    { soort: 'paginaeinde' },
    { soort: 'kop', niveau: 2, tekst: `Bijlage 2. ${nieuw.titel}` },
  );
  for (const a of nieuw.artikelen) {
    b.push({ soort: 'kop', niveau: 3, tekst: `Artikel ${a.nummer}. ${a.titel}` });
    for (const regel of (a.tekst ?? '')
      .trim()
      .split('\n')
      .filter((x) => x.trim() !== ''))
      b.push({ soort: 'alinea', tekst: regel.trim() });
  }
  return {
    titel: `Raadsvoorstel: vaststellen van de ${nieuw.titel}`,
    onderwerp: `Vaststellen van de ${nieuw.titel}`,
    auteur: `College van burgemeester en wethouders van ${gemeente}`,
    datum,
    afzender: [`Gemeente ${gemeente}`, 'Raadsvoorstel'],
    blokken: b,
  };
}

const verschilRij = (v: Verschil) => [
  ONDERDEEL[v.onderdeel] ?? v.onderdeel,
  v.sleutel,
  v.soort,
  v.details.join('; '),
];
const ONDERDEEL: Record<string, string> = {
  artikel: 'artikel',
  parameter: 'parameter',
  voorziening: 'voorziening',
  gegeven: 'gegeven',
};

/**
 * "Afwijkingen van het regionale model", as the Dinkelland raadsvoorstel of 2015 gives them: the draft
 * against the model in its basis chain, split as `reintegratie diff` splits it (deviations with the
 * articles where they stand, additions the model does not have, the gemeente's own data). Without a
 * model the comparison is onbepaald, and the document says why.
 */
function modelBlokken(model: RaadsvoorstelGegevens['model'], nieuw: Regeling): Blok[] {
  if ('onbepaald' in model)
    return [
      {
        soort: 'alinea',
        tekst: `Afwijkingen van het regionale model: onbepaald; ${model.onbepaald}.`,
        nadruk: 'cursief',
      },
    ];
  const { regeling: m, afwijkingen: a } = model;
  const kolommen = [
    { kop: 'Onderdeel', breedte: 1.2 },
    { kop: 'Wat', breedte: 1.5 },
    { kop: 'Verschil', breedte: 1 },
    { kop: 'Details', breedte: 4 },
  ];
  const uit: Blok[] = [
    { soort: 'kop', niveau: 3, tekst: 'Afwijkingen van het regionale model' },
    {
      soort: 'alinea',
      tekst: `De ${nieuw.titel} rust op de ${m.titel} (geldig vanaf ${datumTekst(m.geldigVanaf)}). Het ontwerp wijkt op ${a.afwijkingen.length} ${a.afwijkingen.length === 1 ? 'punt' : 'punten'} af van het model en vult het op ${a.aanvullingen.length} ${a.aanvullingen.length === 1 ? 'punt' : 'punten'} aan.`,
    },
  ];
  if (a.afwijkingen.length > 0)
    uit.push({
      soort: 'tabel',
      kolommen: [...kolommen, { kop: 'Artikel', breedte: 1.3 }],
      rijen: a.afwijkingen.map((v) => [...verschilRij(v), v.artikelen.join(', ') || '—']),
    });
  uit.push({
    soort: 'alinea',
    tekst:
      a.aanvullingen.length > 0
        ? 'Aanvullingen, die het model niet heeft:'
        : 'Het ontwerp heeft geen aanvullingen op het model.',
  });
  if (a.aanvullingen.length > 0)
    uit.push({ soort: 'tabel', kolommen, rijen: a.aanvullingen.map(verschilRij) });
  if (a.eigen.length > 0)
    uit.push({
      soort: 'alinea',
      tekst: `Eigen gegevens van de gemeente (altijd anders dan in het model): ${a.eigen.map((v) => v.sleutel).join(', ')}.`,
    });
  return uit;
}
