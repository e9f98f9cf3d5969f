import { describe, expect, it } from 'vitest';
import { aanbodVan, maakCasusmaker } from '../src/caseload/index.ts';
import { maakEngine, maakReferentieEngine } from '../src/engine/index.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';

/**
 * The compiled explained path (src/engine/uitleg/) against the plain reference (src/engine/evalueer.ts):
 * over 100,000 generated cases for every seed gemeente, spread over dates across changes of the law
 * and of the ordinances, the JSON text of the compiled path's result must be the JSON text of the
 * reference's result, character for character. A difference names the case and the first
 * path where the two differ. `UITLEG_GELIJK_AANTAL` sets another number of cases per gemeente.
 */

const b = laadBibliotheek();
if (!b.ok) throw new Error('regelgeving laadt niet');
const snel = maakEngine(b.waarde);
const referentie = maakReferentieEngine(b.waarde);

const AANTAL = Number(process.env.UITLEG_GELIJK_AANTAL ?? 100_000);
const DATA = ['2015-07-01', '2016-06-01', '2018-03-01', '2023-09-01', '2024-06-01', '2026-03-01'];
const GEMEENTEN = ['dinkelland', 'zevenaar', 'assen', 'groningen', 'krimpen-aan-den-ijssel'];

/** The first path where two JSON values differ, with both values there. */
function eersteVerschil(a: unknown, r: unknown, pad = '$'): string | undefined {
  if (typeof a !== typeof r || Array.isArray(a) !== Array.isArray(r) || (a === null) !== (r === null))
    return `${pad}: ${JSON.stringify(a)} in plaats van ${JSON.stringify(r)}`;
  if (typeof a !== 'object' || a === null)
    return a === r ? undefined : `${pad}: ${JSON.stringify(a)} in plaats van ${JSON.stringify(r)}`;
  const ka = Object.keys(a);
  const kr = Object.keys(r as object);
  if (ka.join(',') !== kr.join(',')) return `${pad}: sleutels ${ka.join(',')} in plaats van ${kr.join(',')}`;
  for (const k of ka) {
    const v = eersteVerschil(
      (a as Record<string, unknown>)[k],
      (r as Record<string, unknown>)[k],
      `${pad}.${k}`,
    );
    if (v) return v;
  }
  return undefined;
}

describe('the compiled explained path gives the reference result', () => {
  for (const gemeente of GEMEENTEN) {
    it(`${gemeente}: ${AANTAL.toLocaleString('en-US')} generated cases, as JSON text`, () => {
      const data = DATA.filter((d) => snel.planOp(gemeente, d).ok);
      expect(data.length).toBeGreaterThanOrEqual(2);
      const voor = { ...snel.uitleg.terugval, gecompileerd: snel.uitleg.gecompileerd };
      let vergeleken = 0;
      for (const [j, datum] of data.entries()) {
        const p = snel.planOp(gemeente, datum);
        if (!p.ok) throw new Error(p.fout.code);
        const maker = maakCasusmaker({ gemeente, peildatum: datum, seed: 1 + j, aanbod: aanbodVan(p.plan) });
        const tot = Math.round(((j + 1) * AANTAL) / data.length);
        for (let i = vergeleken; i < tot; i++) {
          const casus = maker.casus(i);
          const ref = referentie.evalueer(casus);
          const refTekst = JSON.stringify(ref.ok ? ref.resultaat : ref);
          // The object result as a caller serialises it, and the text evalueerJson writes itself.
          const r = snel.evalueer(casus);
          const alsTekst = snel.evalueerJson(casus);
          const teksten = {
            evalueer: JSON.stringify(r.ok ? r.resultaat : r),
            evalueerJson: alsTekst.ok ? alsTekst.json : JSON.stringify(alsTekst),
          };
          for (const [pad, tekst] of Object.entries(teksten))
            if (tekst !== refTekst) {
              const verschil =
                eersteVerschil(JSON.parse(tekst), JSON.parse(refTekst)) ?? 'zelfde waarden, andere tekst';
              expect.fail(
                `${pad}: ${gemeente} op ${datum}, casus ${i} (seed ${1 + j}): ${verschil}\ncasus: ${JSON.stringify(casus)}`,
              );
            }
        }
        vergeleken = tot;
      }
      expect(vergeleken).toBe(AANTAL);
      // Most cases must have taken the compiled path, or this test would only compare the reference with itself.
      // Each case is evaluated twice on the compiled engine (evalueer and evalueerJson).
      const gecompileerd = (snel.uitleg.gecompileerd - voor.gecompileerd) / 2;
      expect(gecompileerd / AANTAL).toBeGreaterThan(0.6);
    }, 1_800_000);
  }
});
