import { laadOntwerp } from '../regelgeving/ontwerp.ts';
import {
  type ImpactCijfers,
  impactCijfers,
  maakImpactteller,
  maakOordelenteller,
  type NieuweOordelen,
  zetImpactOp,
} from '../beleid/index.ts';
import type { Conflict, Engine } from '../engine/index.ts';
import type { Db } from '../opslag/database.ts';
import type { Regeling } from '../regelgeving/index.ts';
import {
  afwijkingenVanModel,
  type AfwijkingenVanModel,
  basisKeten,
  vergelijkRegelingen,
  type Verschil,
} from '../regelgeving/verschil.ts';
import { log } from './audit.ts';
import { opgeslagenCaseload } from './caseload.ts';
import { mislukt, type Uitslag } from './fouten.ts';
import { engineInWerking, leesOntwerp, type Ontwerp } from './ontwerpen.ts';
import type { Actor } from './toegang.ts';

/**
 * Every figure a raadsvoorstel shows, computed by the system from the stored draft: the conformance
 * findings of the version in force on the draft's geldigVanaf (and whether the draft still has each),
 * the diff of the two versions, and the impact of the draft on the stored caseload on that date (the
 * same counter as `reintegratie impact --store`). Reading the caseload is recorded in the audit trail.
 */
export interface RaadsvoorstelGegevens {
  readonly ontwerp: Ontwerp;
  readonly huidig: Regeling;
  readonly nieuw: Regeling;
  readonly peildatum: string;
  readonly bevindingen: readonly { readonly conflict: Conflict; readonly blijft: boolean }[];
  readonly verschillen: readonly Verschil[];
  /**
   * The draft against the regional model it rests on (through its `basis` chain), split as
   * `reintegratie diff` splits it; or why that comparison is onbepaald.
   */
  readonly model:
    | { readonly regeling: Regeling; readonly afwijkingen: AfwijkingenVanModel }
    | { readonly onbepaald: string };
  readonly impact: ImpactCijfers & {
    readonly inwoners: number;
    /** Stored cases that are not a valid case and are not counted. */
    readonly ongeldig: number;
    readonly titels: Readonly<Record<string, string>>;
  };
  /** Requests of that caseload that need a judgement the version in force did not ask, per question and why. */
  readonly nieuweOordelen: NieuweOordelen;
}

const sleutel = (c: Conflict) => `${c.soort}|${c.artikel}|${c.met}`;

export async function raadsvoorstelGegevens(
  db: Db,
  engine: Engine,
  actor: Actor,
  gemeente: string,
  id: string,
): Promise<Uitslag<RaadsvoorstelGegevens>> {
  const o = await leesOntwerp(db, actor, gemeente, id, { stil: true });
  if (!o.ok) return o;
  const ontwerp = o.waarde;
  // The version in force on the draft's date includes drafts this gemeente adopted before (once the
  // draft itself is adopted it is one of them, and it is compared with the files as before).
  if (ontwerp.status !== 'vastgesteld') engine = await engineInWerking(db, engine, gemeente);
  const geladen = laadOntwerp(engine.bibliotheek, gemeente, ontwerp.bestandsnaam, ontwerp.inhoud);
  if (!geladen.ok)
    return mislukt({
      code: 'conflict',
      bericht: 'het opgeslagen ontwerp laadt niet meer tegen de huidige regelgeving',
    });
  try {
    const datum = ontwerp.geldigVanaf;
    const opgezet = zetImpactOp(engine, { naar: geladen.pad, datum });
    if (!opgezet.ok) return mislukt({ code: 'conflict', bericht: opgezet.fouten.join('; ') });
    const { opzet } = opgezet;
    const conflicten = (r: Regeling) => {
      const p = opzet.engine.planOp(gemeente, datum, { vervang: new Map([[r.id, r]]) });
      return p.ok ? p.plan.conflicten.filter((c) => c.regeling === r.id && c.soort !== 'wetswijziging') : [];
    };
    const nu = conflicten(opzet.van);
    const straks = new Set(conflicten(opzet.naar).map(sleutel));
    await log(db, actor, gemeente, 'raadsvoorstel-cijfers', 'ontwerp', id);
    const teller = maakImpactteller(opzet.batchVan, opzet.batchNaar);
    const verschillen = vergelijkRegelingen(opzet.van, opzet.naar);
    const oordelen = maakOordelenteller(
      opzet,
      new Set(verschillen.filter((v) => v.onderdeel === 'artikel').map((v) => v.sleutel)),
    );
    let inwoners = 0;
    let ongeldig = 0;
    for await (const pagina of opgeslagenCaseload(db, gemeente, datum, {
      vocabulaire: opzet.vocabulaire,
    })) {
      for (const casus of pagina.casussen) {
        teller.tel(casus);
        oordelen.tel(casus);
      }
      inwoners += pagina.inwoners;
      ongeldig += pagina.ongeldig.length;
    }
    const plan = opzet.batchNaar.plan;
    const titels = Object.fromEntries([...plan.voorzieningen].map(([v, pv]) => [v as string, pv.titel]));
    return {
      ok: true,
      waarde: {
        ontwerp,
        huidig: opzet.van,
        nieuw: opzet.naar,
        peildatum: datum,
        bevindingen: nu.map((conflict) => ({ conflict, blijft: straks.has(sleutel(conflict)) })),
        verschillen,
        model: modelVergelijking(engine, opzet.naar),
        impact: { ...impactCijfers(teller.stand), inwoners, ongeldig, titels },
        nieuweOordelen: oordelen.uitslag(),
      },
    };
  } finally {
    geladen.opruimen();
  }
}

/** The regional model in the draft's `basis` chain (laag regio), and the draft's deviations from it. */
export function modelVergelijking(engine: Engine, nieuw: Regeling): RaadsvoorstelGegevens['model'] {
  const zoek = (id: string, vanaf: string) =>
    engine.bibliotheek.versies(id).find((r) => r.geldigVanaf === vanaf);
  const keten = basisKeten(nieuw, zoek);
  const model = keten.find((r) => r.laag === 'regio');
  if (model) return { regeling: model, afwijkingen: afwijkingenVanModel(model, nieuw) };
  return {
    onbepaald:
      keten.length === 0
        ? 'het ontwerp rust niet op een regionaal model (geen basis), dus een vergelijking met een model is onbepaald'
        : `geen van de versies waarop het ontwerp rust (${keten.map((r) => `${r.id}@${r.geldigVanaf}`).join(', ')}) is een regionaal model, dus een vergelijking met een model is onbepaald`,
  };
}
