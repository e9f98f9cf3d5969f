import type { Vocabulaire } from '../casus/index.ts';
import { type Aanbod, aanbodVan } from '../caseload/index.ts';
import { type Batch, maakBatch } from '../engine/batch.ts';
import type { Engine, EvaluatieFout, Plan } from '../engine/index.ts';
import { isGeldigeDatum } from '../kalender/index.ts';
import type { Regeling, VoorzieningId } from '../regelgeving/index.ts';
import { versieNotatie, zoekVersie } from './versies.ts';

/** Which two versions an impact run compares, on which date; notations as `zoekVersie` reads them. */
export interface ImpactVraag {
  /** Default: the adopted version of `naar`'s regulation in force on the date. */
  readonly van?: string | undefined;
  readonly naar: string;
  readonly datum: string;
}

/** Everything a run needs: the two versions and a batch for each. */
export interface ImpactOpzet {
  readonly engine: Engine;
  readonly gemeente: string;
  readonly peildatum: string;
  readonly van: Regeling;
  readonly naar: Regeling;
  readonly batchVan: Batch;
  readonly batchNaar: Batch;
  /** The contract cases of the run are held to: the vocabulary of the version judged against. */
  readonly vocabulaire: Vocabulaire;
}

export type OpzetUitslag =
  | { readonly ok: true; readonly opzet: ImpactOpzet }
  | { readonly ok: false; readonly fouten: readonly string[] };

/**
 * Resolves the versions and builds both batches. Both are applied on the same date: `naar` replaces
 * the version of its regulation, the gemeente's other regulations and the national law stay as they
 * are on that date. Errors are messages for the person who typed the command.
 */
export function zetImpactOp(engine: Engine, vraag: ImpactVraag): OpzetUitslag {
  const { datum } = vraag;
  if (!isGeldigeDatum(datum)) return { ok: false, fouten: [`--date: '${datum}' is geen datum JJJJ-MM-DD`] };
  const b = engine.bibliotheek;
  const naarGevonden = zoekVersie(b, vraag.naar, datum);
  if (!naarGevonden.ok) return naarGevonden;
  const naar = naarGevonden.regeling;
  if (naar.laag !== 'gemeente')
    return {
      ok: false,
      fouten: [`--to ${vraag.naar}: een impactrun vergelijkt versies van een gemeentelijke regeling`],
    };
  if (naar.geldigVanaf > datum) return teVroeg('--to', naar, datum);
  let van: Regeling;
  if (vraag.van === undefined) {
    const inWerking = b.inWerking(naar.id, datum);
    if (!inWerking)
      return {
        ok: false,
        fouten: [`op ${datum} is geen vastgestelde versie van ${naar.id} in werking; geef --from`],
      };
    van = inWerking;
  } else {
    const vanGevonden = zoekVersie(b, vraag.van, datum);
    if (!vanGevonden.ok) return vanGevonden;
    van = vanGevonden.regeling;
  }
  if (van.id !== naar.id)
    return {
      ok: false,
      fouten: [
        `--from is ${versieNotatie(van)} en --to is ${versieNotatie(naar)}: kies twee versies van één regeling`,
      ],
    };
  const gemeente = naar.id.split('/')[0]!;
  if (!b.regelingenVan(gemeente).includes(naar.id))
    return { ok: false, fouten: [`${naar.id} is geen geladen regeling van gemeente ${gemeente}`] };
  if (van.geldigVanaf > datum) return teVroeg('--from', van, datum);
  // Both batches judge every voorziening either version knows, a declared one too, in the same slots.
  const planVan = (r: Regeling) => engine.planOp(gemeente, datum, { vervang: new Map([[r.id, r]]) });
  const pv = planVan(van);
  if (!pv.ok) return { ok: false, fouten: [foutBericht(pv.fout)] };
  const pn = planVan(naar);
  if (!pn.ok) return { ok: false, fouten: [foutBericht(pn.fout)] };
  const sloten = [...new Set([...pv.plan.vocabulaire.voorzieningIds, ...pn.plan.vocabulaire.voorzieningIds])];
  const batch = (r: Regeling) =>
    maakBatch(engine, gemeente, datum, { vervang: new Map([[r.id, r]]), jaarlast: true, sloten });
  const bv = batch(van);
  if (!bv.ok) return { ok: false, fouten: [foutBericht(bv.fout)] };
  const bn = batch(naar);
  if (!bn.ok) return { ok: false, fouten: [foutBericht(bn.fout)] };
  return {
    ok: true,
    opzet: {
      engine,
      gemeente,
      peildatum: datum,
      van,
      naar,
      batchVan: bv.batch,
      batchNaar: bn.batch,
      vocabulaire: bn.batch.plan.vocabulaire,
    },
  };
}

function teVroeg(optie: string, r: Regeling, datum: string): OpzetUitslag {
  return {
    ok: false,
    fouten: [
      `${optie} ${versieNotatie(r)} geldt pas vanaf ${r.geldigVanaf}, na --date ${datum}; kies --date op of na die dag (beide versies worden op --date toegepast)`,
    ],
  };
}

function foutBericht(f: EvaluatieFout): string {
  return f.code === 'ongeldige-casus' ? f.fouten.map((x) => `${x.pad}: ${x.bericht}`).join('; ') : f.bericht;
}

/** What a generated caseload asks for: what either version offers, so a new voorziening gets requests too. */
export function gezamenlijkAanbod(a: Plan, b: Plan): Aanbod {
  const x = aanbodVan(a);
  const y = aanbodVan(b);
  const voorzieningen = new Map<VoorzieningId, readonly string[]>(x.voorzieningen);
  for (const [id, oordelen] of y.voorzieningen)
    voorzieningen.set(id, [...new Set([...(voorzieningen.get(id) ?? []), ...oordelen])]);
  return { voorzieningen, algemeen: [...new Set([...x.algemeen, ...y.algemeen])] };
}
