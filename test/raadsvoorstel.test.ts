import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maakGebruiker } from '../src/administratie/gebruikers.ts';
import { maakOntwerp, voegRondeToe, zetTeksten } from '../src/administratie/ontwerpen.ts';
import { modelVergelijking, raadsvoorstelGegevens } from '../src/administratie/raadsvoorstel.ts';
import type { Actor } from '../src/administratie/toegang.ts';
import { vulDemo } from '../src/api/demo.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import { blokkenHtml, blokkenPdf } from '../src/documenten/blokken.ts';
import { raadsvoorstel } from '../src/documenten/raadsvoorstel.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { bedragTekst } from '../src/taal/index.ts';
import { standaardEngine } from './helpers.ts';
import { ONTWERP_2027, RONDE_2027 } from './ontwerp-2027.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

const engine = standaardEngine();
const bibliotheek = engine.bibliotheek;
const map = mkdtempSync(join(tmpdir(), 'raadsvoorstel-'));
function pdfTekst(pdf: Uint8Array, naam: string): string {
  const bestand = join(map, `${naam}.pdf`);
  writeFileSync(bestand, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', bestand, '-'], { encoding: 'utf8' })
    .replace(/\f/g, ' ')
    .replace(/pagina \d+ van \d+/g, ' ')
    .replace(/\s+/g, ' ');
}

describe.each(OPSLAGEN)('het raadsvoorstel uit het ontwerp en zijn rondes ($naam)', ({ naam, open }) => {
  let opslag: Opslag;
  let beleid: Actor;
  beforeAll(async () => {
    opslag = await open(engine);
    await vulDemo(opslag.db, engine, maakBsnKluis(TEST_SLEUTEL), { perGemeente: 60 });
    const id = await maakGebruiker(opslag.db, {
      gebruikersnaam: 'bm',
      naam: 'bm',
      wachtwoord: 'test-wachtwoord-1',
      rollen: [{ gemeente: 'dinkelland', rol: 'beleidsmedewerker' }],
    });
    beleid = {
      gebruikerId: id,
      gebruikersnaam: 'bm',
      rollen: new Map([['dinkelland', new Set(['beleidsmedewerker'] as const)]]),
      doel: 'test',
    };
  }, 300_000);
  afterAll(async () => opslag?.sluit());

  it('de PDF bevat het verschil, de impactcijfers, de bevindingen, beide reacties en het gelet op', async () => {
    const { db } = opslag;
    const o = await maakOntwerp(db, bibliotheek, beleid, 'dinkelland', {
      bestandsnaam: '2027-01-01.yaml',
      inhoud: ONTWERP_2027,
    });
    if (!o.ok) throw new Error(JSON.stringify(o.fout));
    const id = o.waarde.id;
    expect((await voegRondeToe(db, bibliotheek, beleid, 'dinkelland', id, RONDE_2027)).ok).toBe(true);
    await zetTeksten(db, beleid, 'dinkelland', id, { samenvatting: 'De verordening volgt de wet van 2026.' });
    const g = await raadsvoorstelGegevens(db, engine, beleid, 'dinkelland', id);
    if (!g.ok) throw new Error(JSON.stringify(g.fout));
    const gg = g.waarde;
    // The figures themselves: the stored caseload was read, and the draft changes outcomes.
    expect(gg.impact.inwoners).toBeGreaterThan(0);
    expect(gg.impact.gewijzigd).toBeGreaterThan(0);
    expect(gg.huidig.geldigVanaf).toBe('2015-07-01');
    expect(gg.verschillen.map((v) => `${v.onderdeel} ${v.sleutel}`)).toEqual(
      expect.arrayContaining(['artikel 5', 'artikel 13', 'voorziening proefplaats']),
    );
    const bev = (artikel: string) =>
      gg.bevindingen.filter((b) => b.conflict.artikel === artikel && b.conflict.soort !== 'gewijzigd');
    expect(bev('5').map((b) => [b.conflict.soort, b.blijft])).toEqual([['strijdig', false]]);
    expect(bev('13').map((b) => [b.conflict.soort, b.blijft])).toEqual([['vervallen', false]]);

    const doc = raadsvoorstel(bibliotheek, {
      gegevens: gg,
      rondes: o.ok ? [RONDE_2027 as never] : [],
      datum: '2026-11-24',
    });
    const pdf = pdfTekst(await blokkenPdf(doc), `rv-${naam}`);
    // The diff.
    expect(pdf).toContain('tekst gewijzigd');
    expect(pdf).toContain('duur: {"maanden":3} → {"maanden":2}');
    expect(pdf).toContain('grondslag gewijzigd');
    // The impact figures, every voorziening row.
    expect(pdf).toContain(`${gg.impact.inwoners} inwoners, ${gg.impact.casussen} beoordelingen`);
    expect(pdf).toContain(`Bij ${gg.impact.gewijzigd} beoordelingen verandert de uitkomst.`);
    for (const v of gg.impact.voorzieningen) {
      const rij = [
        gg.impact.titels[v.voorziening],
        v.aanvragen.aantal,
        v.aanvragen.gewijzigd,
        v.zonderAanvraag.gewijzigd,
        bedragTekst(v.jaarlast.vanCent),
        bedragTekst(v.jaarlast.naarCent),
        bedragTekst(v.jaarlast.verschilCent),
      ].join(' ');
      // A long title may break at its hyphen, which the text extraction then drops.
      expect(pdf.replaceAll('-', ''), rij).toContain(rij.replaceAll('-', ''));
    }
    expect(pdf).toContain(`Totaal ${gg.impact.metAanvraag}`);
    // New judgements: the same requests as the impact's moves to "oordeel nodig", per voorziening,
    // and never the transitional question of article 20 (it protects grants from before 1 July 2015).
    const n = gg.nieuweOordelen;
    expect(n.beoordeeld).toBe(gg.impact.metAanvraag);
    expect(n.aanvragen).toBeGreaterThan(0);
    for (const v of gg.impact.voorzieningen) {
      const telling = (lijst: readonly { van: string; naar: string; aantal: number }[] | undefined) =>
        lijst?.find((o) => o.van === 'toegestaan' && o.naar === 'ter-beoordeling')?.aantal ?? 0;
      const eigen = n.perVoorziening.find((x) => x.voorziening === v.voorziening);
      expect(telling(eigen?.overgangen), v.voorziening).toBe(telling(v.aanvragen.overgangen));
    }
    expect(n.vragen.map((q) => q.feit)).not.toContain('voldoetAanOudeVoorwaarden');
    expect(pdf).toContain('Nieuwe oordelen van het college');
    expect(pdf).toContain(
      n.aanvragen === 0
        ? `Onder het ontwerp is bij geen van de ${n.beoordeeld} aanvragen en lopende voorzieningen een nieuw oordeel van het college nodig.`
        : `Onder het ontwerp is bij ${n.aanvragen} van de ${n.beoordeeld} aanvragen en lopende voorzieningen een nieuw oordeel van het college nodig.`,
    );
    for (const q of n.vragen) expect(pdf.replaceAll('-', '')).toContain(q.uitleg.replaceAll('-', ''));

    expect(pdf).toContain(bedragTekst(gg.impact.jaarlast.verschilCent));
    // The deviations from the Twente model the draft rests on (through Dinkelland 2015), split as
    // `reintegratie diff` splits them.
    if (!('regeling' in gg.model)) throw new Error(gg.model.onbepaald);
    expect(gg.model.regeling.id).toBe('regio/twente/modelverordening-re-integratie');
    expect(pdf).toContain('Afwijkingen van het regionale model');
    expect(pdf).toContain(
      `rust op de ${gg.model.regeling.titel} (geldig vanaf 1 juli 2015). Het ontwerp wijkt op ${gg.model.afwijkingen.afwijkingen.length} punten af van het model en vult het op ${gg.model.afwijkingen.aanvullingen.length} punten aan.`,
    );
    expect(gg.model.afwijkingen.afwijkingen.length).toBeGreaterThan(3);
    // Table cells wrap in the PDF; the rows are checked in the HTML of the same document.
    const html = blokkenHtml(doc);
    expect(html).toMatch(
      /<td>premie-urengrens-inclusief<\/td>\s*<td>vervallen<\/td>\s*<td><\/td>\s*<td>15 lid 5<\/td>/,
    );
    expect(pdf).toContain('vanaf 2015-07-01: 10000 → 15000 cent');
    expect(pdf).toContain('Aanvullingen, die het model niet heeft:');
    expect(pdf).toMatch(/artikel 21 toegevoegd/);
    expect(pdf).toContain('Eigen gegevens van de gemeente');
    expect(pdf).not.toContain('onbepaald; ');
    // Both reactions with their outcome.
    for (const p of RONDE_2027.punten) {
      expect(pdf).toContain(p.advies);
      expect(pdf).toContain(p.reactie.tekst);
    }
    expect(pdf).toContain('Uitkomst: overgenomen.');
    expect(pdf).toContain('Uitkomst: niet overgenomen.');
    // Conformance, decisions, annexes, free texts.
    expect(pdf).toContain('niet meer');
    expect(pdf).toContain('blijft');
    expect(pdf).toContain('in te trekken met ingang van 1 januari 2027');
    expect(pdf).toContain('gelet op de artikelen');
    expect(pdf).toMatch(/7a.*8a, eerste lid, onder a.*van de Participatiewet/);
    expect(pdf).toContain('3. De duur van de proefplaatsing is maximaal 2 maanden.');
    expect(pdf).toContain('De verordening volgt de wet van 2026.');
    expect(pdf).toContain('[Nog te schrijven door de beleidsmedewerker: overgangsrecht (toelichting).]');
    expect(blokkenHtml(doc)).toContain('<td class="getal">');
    const audit = await db.selectFrom('audit').select('actie').where('objectId', '=', id).execute();
    expect(audit.map((a) => a.actie)).toContain('raadsvoorstel-cijfers');
  }, 300_000);
});

describe('afwijkingen van het regionale model', () => {
  it('zonder model in de basisketen is de vergelijking onbepaald, met de reden', () => {
    const groningen = bibliotheek.versies('groningen/re-integratieverordening').at(-1)!;
    expect(groningen.basis).toBeUndefined();
    const m = modelVergelijking(engine, groningen);
    expect(m).toEqual({
      onbepaald:
        'het ontwerp rust niet op een regionaal model (geen basis), dus een vergelijking met een model is onbepaald',
    });
    const dinkelland = bibliotheek.versies('dinkelland/re-integratieverordening').at(-1)!;
    const d = modelVergelijking(engine, dinkelland);
    expect('regeling' in d && d.regeling.laag).toBe('regio');
  });
});
