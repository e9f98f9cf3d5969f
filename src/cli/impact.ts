import { statSync } from 'node:fs';
import {
  type ImpactCijfers,
  impactCijfers,
  type ImpactOpzet,
  type ImpactStand,
  type Jaarlast,
  leesNdjsonCasussen,
  maakImpactteller,
  type Overgangen,
  telGegenereerd,
  versieNotatie,
  zetImpactOp,
} from '../beleid/index.ts';
import { maakVoortgang } from '../caseload/index.ts';
import type { Engine } from '../engine/index.ts';
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
  readonly threads?: string | undefined;
  readonly json: boolean;
}

export const IMPACT_GEBRUIK =
  'gebruik: reintegratie impact --to <versie> [--from <versie>] --date JJJJ-MM-DD ' +
  '[--generated N [--seed S] | --cases <bestand.ndjson>] [--json]\n' +
  '  een versie is <id>@<geldigVanaf> (zie reintegratie ordinances), <id> (in werking op --date)\n' +
  '  of het pad van een .yaml-bestand (ook een ontwerp buiten regelgeving/)';

/** Without a source, this many generated cases. */
const STANDAARD_AANTAL = 100_000;
/** Runs this large draw a progress bar on a terminal. */
const GROOT = 20_000;

type Bron =
  | { readonly soort: 'gegenereerd'; readonly aantal: number; readonly seed: number | string }
  | { readonly soort: 'ndjson'; readonly bestand: string };

/** Judges a caseload under two versions of a regulation and reports what changes. */
export async function impact(opties: ImpactOpties, engine: Engine, uit: Uitvoer): Promise<number> {
  if (opties.to === undefined || opties.date === undefined) {
    uit.fout(IMPACT_GEBRUIK);
    return 1;
  }
  const bron = kiesBron(opties);
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
  } else {
    const teller = maakImpactteller(opzet.engine, opzet.batchVan, opzet.batchNaar);
    const grootte = bron.bestand === '-' ? 0 : grootteVan(bron.bestand);
    const voortgang = grootte > 1 << 22 ? maakVoortgang('impact (bytes)', grootte) : undefined;
    const gelezen = await leesNdjsonCasussen(
      bron.bestand,
      {
        gemeente: opzet.gemeente,
        peildatum: opzet.peildatum,
        ...(voortgang ? { gelezen: (n: number) => voortgang.stap(n) } : {}),
      },
      (c) => teller.tel(c),
    );
    voortgang?.klaar();
    if (!gelezen.ok) {
      uit.fout(gelezen.bericht);
      return 1;
    }
    stand = teller.stand;
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

function kiesBron(opties: ImpactOpties): Bron | string {
  const gekozen = [opties.generated !== undefined, opties.cases !== undefined].filter(Boolean).length;
  if (gekozen > 1) return 'kies één bron: --generated N of --cases <bestand>';
  if (opties.cases !== undefined) {
    if (opties.seed !== undefined) return '--seed hoort bij --generated';
    return { soort: 'ndjson', bestand: opties.cases };
  }
  const aantal = opties.generated === undefined ? STANDAARD_AANTAL : Number(opties.generated);
  if (!Number.isInteger(aantal) || aantal < 1 || aantal > 2 ** 31 - BLOKMARGE)
    return `--generated: '${opties.generated}' is geen positief geheel getal`;
  const s = opties.seed;
  const seed = s === undefined ? 1 : /^\d+$/.test(s) ? Number(s) : s;
  return { soort: 'gegenereerd', aantal, seed };
}

/** Case numbers are 32-bit integers in the shared block counter; leave room for the last block. */
const BLOKMARGE = 1 << 13;

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
    `  ${naam.padEnd(26)}${bedragTekst(j.vanCent).padStart(17)}${bedragTekst(j.naarCent).padStart(17)}` +
    `${bedragTekst(j.verschilCent).padStart(17)}${nl(j.anderBedrag).padStart(14)}` +
    `${`${nl(o.van)} / ${nl(o.naar)} / ${nl(o.verschil)}`.padStart(30)}`
  );
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
    `  ${nl(c.casussen)} casussen ${bron.soort === 'gegenereerd' ? `gegenereerd (seed ${bron.seed})` : `uit ${bron.bestand}`}: ` +
      `${nl(c.metAanvraag)} met een aanvraag, ${nl(c.zonderAanvraag)} zonder`,
  );
  uit.push('');
  uit.push(`Andere uitkomst: ${nl(c.gewijzigd)} casussen (${procent(c.gewijzigd, c.casussen)})`);

  const sectie = (kop: string, kies: (v: ImpactCijfers['voorzieningen'][number]) => Overgangen) => {
    const rijen = c.voorzieningen.filter((v) => kies(v).aantal > 0);
    if (rijen.length === 0) return;
    uit.push('');
    uit.push(`${kop.padEnd(28)}${'aantal'.padStart(12)}${'gewijzigd'.padStart(12)}  van → naar`);
    for (const v of rijen) {
      const o = kies(v);
      uit.push(
        `  ${v.voorziening.padEnd(26)}${nl(o.aantal).padStart(12)}${nl(o.gewijzigd).padStart(12)}  ${overgangenTekst(o)}`,
      );
    }
  };
  sectie('Aanvragen', (v) => v.aanvragen);
  sectie('Zonder aanvraag (in aanmerking)', (v) => v.zonderAanvraag);

  uit.push('');
  uit.push(
    `${'Jaarlast (per jaar)'.padEnd(28)}${'van'.padStart(17)}${'naar'.padStart(17)}${'verschil'.padStart(17)}` +
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
