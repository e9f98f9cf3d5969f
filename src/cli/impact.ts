import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ImpactCijfers,
  impactCijfers,
  type ImpactOpzet,
  type ImpactStand,
  type Jaarlast,
  maakImpactteller,
  type Overgangen,
  telGegenereerd,
  telNdjson,
  versieNotatie,
  zetImpactOp,
} from '../beleid/index.ts';
import { maakVoortgang } from '../caseload/index.ts';
import type { Engine } from '../engine/index.ts';
import type { Configuratie } from '../opslag/configuratie.ts';
import type { Regeling } from '../regelgeving/index.ts';
import { bedragTekst, datumTekst } from '../taal/index.ts';
import type { Uitvoer } from './uitvoer.ts';

export interface ImpactOpties {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly date?: string | undefined;
  readonly generated?: string | undefined;
  readonly seed?: string | undefined;
  readonly cases?: string | undefined;
  readonly store: boolean;
  readonly threads?: string | undefined;
  readonly json: boolean;
}

export const IMPACT_GEBRUIK =
  'gebruik: reintegratie impact --to <versie> [--from <versie>] --date JJJJ-MM-DD ' +
  '[--generated N [--seed S] | --cases <bestand.ndjson> | --store] [--json]\n' +
  '  een versie is <id>@<geldigVanaf> (zie reintegratie ordinances), <id> (in werking op --date)\n' +
  '  of het pad van een .yaml-bestand (ook een ontwerp buiten regelgeving/)';

/** Without a source and without a store, this many generated cases. */
const STANDAARD_AANTAL = 100_000;
/** Runs this large draw a progress bar on a terminal. */
const GROOT = 20_000;
const GROOT_BESTAND = 10 << 20;

type Bron =
  | { readonly soort: 'gegenereerd'; readonly aantal: number; readonly seed: number | string }
  | { readonly soort: 'ndjson'; readonly bestand: string }
  | {
      readonly soort: 'opslag';
      opslag?: 'pglite' | 'postgres';
      inwoners?: number;
      /** Stored cases that do not make a valid case, left out. */
      ongeldig?: number;
    };

/** Judges a caseload under two versions of a regulation and reports what changes. */
export async function impact(
  opties: ImpactOpties,
  engine: Engine,
  config: Configuratie,
  uit: Uitvoer,
): Promise<number> {
  if (opties.to === undefined || opties.date === undefined) {
    uit.fout(IMPACT_GEBRUIK);
    return 1;
  }
  const bron = kiesBron(opties, config);
  if (typeof bron === 'string') {
    uit.fout(`${bron}\n${IMPACT_GEBRUIK}`);
    return 1;
  }
  let threads: number | undefined;
  if (opties.threads !== undefined) {
    threads = Number(opties.threads);
    if (!Number.isInteger(threads) || threads < 1) {
      uit.fout(`--threads: '${opties.threads}' is geen positief geheel getal`);
      return 1;
    }
  }
  const vraag = { van: opties.from, naar: opties.to, datum: opties.date };
  const opgezet = zetImpactOp(engine, vraag);
  if (!opgezet.ok) {
    for (const f of opgezet.fouten) uit.fout(f);
    return 1;
  }
  const { opzet } = opgezet;

  let stand: ImpactStand;
  if (bron.soort === 'gegenereerd') {
    stand = await telGegenereerd(opzet, vraag, {
      aantal: bron.aantal,
      seed: bron.seed,
      ...(threads !== undefined ? { threads } : {}),
      ...(bron.aantal >= GROOT ? { voortgang: maakVoortgang('impact', bron.aantal) } : {}),
    });
  } else if (bron.soort === 'opslag') {
    const gelezen = await telOpslag(opzet, config, bron, uit);
    if (gelezen === undefined) return 1;
    stand = gelezen;
  } else {
    const grootte = bron.bestand === '-' ? 0 : grootteVan(bron.bestand);
    const gelezen = await telNdjson(opzet, vraag, bron.bestand, {
      grootte,
      ...(threads !== undefined ? { threads } : {}),
      ...(grootte >= GROOT_BESTAND ? { voortgang: maakVoortgang('impact (bytes)', grootte) } : {}),
    });
    if (!gelezen.ok) {
      uit.fout(gelezen.bericht);
      return 1;
    }
    stand = gelezen.stand;
  }

  const cijfers = impactCijfers(stand);
  if (opties.json) {
    uit.regel(
      JSON.stringify(
        {
          gemeente: opzet.gemeente,
          peildatum: opzet.peildatum,
          van: versie(opzet, opzet.van),
          naar: versie(opzet, opzet.naar),
          bron,
          ...cijfers,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const r of alsTabel(opzet, bron, cijfers)) uit.regel(r);
  return 0;
}

function kiesBron(opties: ImpactOpties, config: Configuratie): Bron | string {
  const gekozen = [opties.generated !== undefined, opties.cases !== undefined, opties.store].filter(
    Boolean,
  ).length;
  if (gekozen > 1) return 'kies één bron: --generated N, --cases <bestand> of --store';
  if (opties.seed !== undefined && opties.generated === undefined && gekozen > 0)
    return '--seed hoort bij --generated';
  if (opties.cases !== undefined) return { soort: 'ndjson', bestand: opties.cases };
  // Without a choice: the store when there is one, else a generated caseload.
  if (opties.store || (gekozen === 0 && opties.seed === undefined && heeftOpslag(config)))
    return { soort: 'opslag' };
  const aantal = opties.generated === undefined ? STANDAARD_AANTAL : Number(opties.generated);
  if (!Number.isInteger(aantal) || aantal < 1 || aantal > 2 ** 31 - BLOKMARGE)
    return `--generated: '${opties.generated}' is geen positief geheel getal`;
  const s = opties.seed;
  const seed = s === undefined ? 1 : /^\d+$/.test(s) ? Number(s) : s;
  return { soort: 'gegenereerd', aantal, seed };
}

/** Case numbers are 32-bit integers in the shared block counter; leave room for the last block. */
const BLOKMARGE = 1 << 13;

function heeftOpslag(config: Configuratie): boolean {
  return config.databaseUrl !== undefined || existsSync(join(config.dataDir, 'pglite'));
}

/** Reads the stored caseload page by page and counts it; undefined (after a message) when there is no store. */
async function telOpslag(
  opzet: ImpactOpzet,
  config: Configuratie,
  bron: Extract<Bron, { soort: 'opslag' }>,
  uit: Uitvoer,
): Promise<ImpactStand | undefined> {
  if (!heeftOpslag(config)) {
    uit.fout(
      `--store: geen opslag in ${join(config.dataDir, 'pglite')} en geen DATABASE_URL (vul er een met reintegratie seed-demo)`,
    );
    return undefined;
  }
  // The store and its drivers load only for this source.
  const { openOpslag } = await import('../opslag/database.ts');
  const { aantalInwoners, opgeslagenCaseload } = await import('../administratie/caseload.ts');
  const opslag = await openOpslag(config);
  try {
    bron.opslag = opslag.soort;
    const totaal = await aantalInwoners(opslag.db, opzet.gemeente);
    const voortgang = totaal >= GROOT ? maakVoortgang('impact (inwoners)', totaal) : undefined;
    const teller = maakImpactteller(opzet.batchVan, opzet.batchNaar);
    let inwoners = 0;
    const ongeldig: { inwonerId: string; bericht: string }[] = [];
    for await (const pagina of opgeslagenCaseload(opslag.db, opzet.gemeente, opzet.peildatum, {
      vocabulaire: opzet.vocabulaire,
    })) {
      for (const c of pagina.casussen) teller.tel(c);
      inwoners += pagina.inwoners;
      ongeldig.push(...pagina.ongeldig);
      voortgang?.stap(inwoners);
    }
    voortgang?.klaar();
    bron.inwoners = inwoners;
    bron.ongeldig = ongeldig.length;
    if (ongeldig.length > 0) {
      uit.fout(
        `let op: ${ongeldig.length} opgeslagen casus(sen) zijn geen geldige casus en tellen niet mee:`,
      );
      for (const o of ongeldig.slice(0, 5)) uit.fout(`  inwoner ${o.inwonerId}: ${o.bericht}`);
    }
    return teller.stand;
  } finally {
    await opslag.sluit();
  }
}

function grootteVan(pad: string): number {
  try {
    return statSync(pad).size;
  } catch {
    return 0;
  }
}

function versie(opzet: ImpactOpzet, r: Regeling) {
  return {
    notatie: versieNotatie(r, opzet.engine.bibliotheek),
    id: r.id,
    geldigVanaf: r.geldigVanaf,
    status: r.status,
    titel: r.titel,
    hash: r.hash,
    bestand: r.bestand,
  };
}

/** Width of the first column of the tables. */
const NAAM = 34;
const nl = (n: number) => n.toLocaleString('nl-NL');
const procent = (deel: number, geheel: number) =>
  `${(geheel === 0 ? 0 : (deel / geheel) * 100).toLocaleString('nl-NL', { maximumFractionDigits: 2 })}%`;
const LABEL: Record<string, string> = {
  afgewezen: 'afgewezen',
  toegestaan: 'toegestaan',
  onbepaald: 'onbepaald',
  'ter-beoordeling': 'ter beoordeling',
  'niet-aangeboden': 'niet aangeboden',
};

function overgangenTekst(o: Overgangen): string {
  return o.overgangen
    .filter((x) => x.van !== x.naar)
    .map((x) => `${LABEL[x.van]} → ${LABEL[x.naar]} ${nl(x.aantal)}`)
    .join(', ');
}

function jaarlastRegel(naam: string, j: Jaarlast): string {
  const o = j.onbekend;
  return (
    `  ${naam.padEnd(NAAM - 2)}${bedragTekst(j.vanCent).padStart(17)}${bedragTekst(j.naarCent).padStart(17)}` +
    `${bedragTekst(j.verschilCent).padStart(17)}${nl(j.anderBedrag).padStart(14)}` +
    `${`${nl(o.van)} / ${nl(o.naar)} / ${nl(o.verschil)}`.padStart(30)}`
  );
}

function bronTekst(bron: Bron): string {
  if (bron.soort === 'gegenereerd') return `gegenereerd (seed ${bron.seed})`;
  if (bron.soort === 'ndjson') return `uit ${bron.bestand}`;
  return `uit de opslag (${bron.opslag}, ${nl(bron.inwoners ?? 0)} inwoners)`;
}

/** The report as a policy officer reads it on a terminal. */
function alsTabel(opzet: ImpactOpzet, bron: Bron, c: ImpactCijfers): string[] {
  const uit: string[] = [];
  const versieRegel = (r: Regeling) =>
    `${versieNotatie(r, opzet.engine.bibliotheek)}\n        ${r.titel} (${r.status}, ${r.hash.slice(0, 12)})`;
  uit.push(`Impact op ${datumTekst(opzet.peildatum)}, gemeente ${opzet.gemeente}`);
  uit.push(`  van:  ${versieRegel(opzet.van)}`);
  uit.push(`  naar: ${versieRegel(opzet.naar)}`);
  uit.push(
    `  ${nl(c.casussen)} casussen ${bronTekst(bron)}: ` +
      `${nl(c.metAanvraag)} met een aanvraag, ${nl(c.zonderAanvraag)} zonder`,
  );
  uit.push('');
  uit.push(`Andere uitkomst: ${nl(c.gewijzigd)} casussen (${procent(c.gewijzigd, c.casussen)})`);

  const sectie = (kop: string, kies: (v: ImpactCijfers['voorzieningen'][number]) => Overgangen) => {
    const rijen = c.voorzieningen.filter((v) => kies(v).aantal > 0);
    if (rijen.length === 0) return;
    uit.push('');
    uit.push(`${kop.padEnd(NAAM)}${'aantal'.padStart(12)}${'gewijzigd'.padStart(12)}  van → naar`);
    for (const v of rijen) {
      const o = kies(v);
      uit.push(
        `  ${v.voorziening.padEnd(NAAM - 2)}${nl(o.aantal).padStart(12)}${nl(o.gewijzigd).padStart(12)}  ${overgangenTekst(o)}`.trimEnd(),
      );
    }
  };
  sectie('Aanvragen', (v) => v.aanvragen);
  sectie('Zonder aanvraag (in aanmerking)', (v) => v.zonderAanvraag);

  uit.push('');
  uit.push(
    `${'Jaarlast (per jaar)'.padEnd(NAAM)}${'van'.padStart(17)}${'naar'.padStart(17)}${'verschil'.padStart(17)}` +
      `${'ander bedrag'.padStart(14)}${'onbekend van/naar/verschil'.padStart(30)}`,
  );
  for (const v of c.voorzieningen) {
    const j = v.jaarlast;
    if (j.vanCent === 0 && j.naarCent === 0 && j.onbekend.van === 0 && j.onbekend.naar === 0) continue;
    uit.push(jaarlastRegel(v.voorziening, j));
  }
  uit.push(jaarlastRegel('totaal', c.jaarlast));
  uit.push('');
  uit.push(c.jaarlast.definitie);
  return uit;
}
