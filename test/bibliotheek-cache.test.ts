import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LANDELIJK_VOCABULAIRE,
  laadLandelijk,
  VOCABULAIRE_BESTAND,
  type Vocabulaire,
} from '../src/casus/feiten.ts';
import { CONFIGURATIE_MAP, laadDocumentConfiguratie } from '../src/documenten/configuratie.ts';
import { maakEngine } from '../src/engine/index.ts';
import {
  type Bibliotheek,
  laadBibliotheek,
  STANDAARD_WORTEL,
  viaBestandCache,
} from '../src/regelgeving/index.ts';

// Issue 14: the regulation tree is parsed and validated once and kept; a kept library is used only
// while not one byte of the files that made it changed, and a tree with errors is never kept.

const DINKELLAND = 'gemeente/dinkelland/re-integratieverordening/2015-07-01.yaml';
const voorbeelden = join(import.meta.dirname, '..', 'voorbeelden');

function kopie(): string {
  const wortel = join(mkdtempSync(join(tmpdir(), 'cache-boom-')), 'regelgeving');
  cpSync(STANDAARD_WORTEL, wortel, { recursive: true });
  return wortel;
}

const nieuweMap = () => mkdtempSync(join(tmpdir(), 'cache-map-'));
const vermeldingen = (map: string) => readdirSync(map).filter((n) => n.endsWith('.json'));

function laad(wortel: string, cache: string | false, extra: string[] = []): Bibliotheek {
  const b = laadBibliotheek(wortel, extra, { cache });
  if (!b.ok) throw new Error(b.fouten.map((f) => f.bericht).join('\n'));
  return b.waarde;
}

/** What a library holds, without the parsed YAML documents (which the cache rebuilds on demand). */
function inhoud(b: Bibliotheek) {
  return {
    regelingen: b.regelingen.map(({ bron_: _b, ...r }) => r),
    parameters: [...b.parameters],
  };
}

const titelVan = (b: Bibliotheek) => b.regelingen.find((r) => r.bestand.endsWith(DINKELLAND))?.titel;

/** An entry's first line (its index, with the small fields of each regulation) and the rest. */
function delen(pad: string): [kop: string, rest: string] {
  const tekst = readFileSync(pad, 'utf8');
  const einde = tekst.indexOf('\n');
  return [tekst.slice(0, einde), tekst.slice(einde)];
}

/** Changes the kept entry in place, so a load that uses it shows it. */
function vervals(map: string) {
  const [naam] = vermeldingen(map);
  const pad = join(map, naam!);
  const [kop, rest] = delen(pad);
  const v = JSON.parse(kop) as { regelingen: { bestand: string; titel: string }[] };
  for (const r of v.regelingen) if (r.bestand.endsWith(DINKELLAND)) r.titel = 'UIT DE CACHE';
  writeFileSync(pad, JSON.stringify(v) + rest);
  return pad;
}

describe('bewaarde regelgeving', () => {
  it('geeft na bewaren precies de bibliotheek die een volledige lading geeft', () => {
    const map = nieuweMap();
    const zonder = laad(STANDAARD_WORTEL, false);
    laad(STANDAARD_WORTEL, map);
    expect(vermeldingen(map)).toHaveLength(1);
    const bewaard = laad(STANDAARD_WORTEL, map);
    expect(inhoud(bewaard)).toEqual(inhoud(zonder));
    expect(bewaard.gemeenten()).toEqual(zonder.gemeenten());
    // The YAML source is parsed again when a place is asked for, and gives the same place.
    const pad = ['voorzieningen', 'participatieplaats', 'voorwaarden', 1];
    const plaats = (b: Bibliotheek) => b.regelingen.find((r) => r.bestand.endsWith(DINKELLAND))!.bron_;
    expect(plaats(bewaard).plaatsVan(pad)).toEqual(plaats(zonder).plaatsVan(pad));
    expect(plaats(bewaard).plaatsVan(pad)?.regel).toBeGreaterThan(1);
    const [e1, e2] = [maakEngine(bewaard), maakEngine(zonder)];
    for (const naam of readdirSync(voorbeelden)) {
      const casus: unknown = JSON.parse(readFileSync(join(voorbeelden, naam), 'utf8'));
      expect(e1.evalueer(casus), naam).toEqual(e2.evalueer(casus));
    }
  });

  it('gebruikt een bewaarde bibliotheek alleen zolang geen bestand, byte of map veranderde', () => {
    const wortel = kopie();
    const map = nieuweMap();
    const echt = titelVan(laad(wortel, map));
    vervals(map);
    expect(titelVan(laad(wortel, map))).toBe('UIT DE CACHE');

    const bestand = join(wortel, DINKELLAND);
    const tekst = readFileSync(bestand, 'utf8');
    writeFileSync(bestand, `${tekst}# een regel commentaar erbij\n`);
    expect(titelVan(laad(wortel, map))).toBe(echt);
    writeFileSync(bestand, tekst);
    expect(titelVan(laad(wortel, map))).toBe('UIT DE CACHE');

    const parameters = join(wortel, 'wet', 'parameters');
    writeFileSync(join(parameters, 'extra.yaml'), readFileSync(join(parameters, 'wml-per-uur.yaml')));
    expect(titelVan(laad(wortel, map))).toBe(echt);

    const elders = kopie();
    expect(titelVan(laad(elders, map))).toBe(echt);
  });

  it('controleert een ontwerp buiten de boom bovenop de bewaarde boom, met dezelfde uitkomst', () => {
    const ontwerp = (bron: string, wijzig: (t: string) => string) => {
      const pad = join(mkdtempSync(join(tmpdir(), 'ontwerp-')), bron.split('/').at(-1)!);
      writeFileSync(pad, wijzig(readFileSync(join(STANDAARD_WORTEL, bron), 'utf8')));
      return pad;
    };
    const premie = (t: string) =>
      t.replace('bedrag: 150.00, bron: art. 15 lid 5', 'bedrag: 200.00, bron: art. 15 lid 5 (ontwerp)');
    const goed = ontwerp(DINKELLAND, premie);
    const map = nieuweMap();
    laad(STANDAARD_WORTEL, map);
    expect(inhoud(laad(STANDAARD_WORTEL, map, [goed]))).toEqual(
      inhoud(laad(STANDAARD_WORTEL, false, [goed])),
    );
    expect(vermeldingen(map)).toHaveLength(2);

    // The draft is checked on the kept tree: a changed entry of the tree shows through.
    const tweede = nieuweMap();
    laad(STANDAARD_WORTEL, tweede);
    vervals(tweede);
    // As `status: ontwerp` it does not replace the adopted version Tubbergen rests on (a draft that
    // does, as above, gets the full load).
    const alsOntwerp = (t: string) => premie(t).replace('status: vastgesteld', 'status: ontwerp');
    const metOntwerp = laad(STANDAARD_WORTEL, tweede, [ontwerp(DINKELLAND, alsOntwerp)]);
    expect(metOntwerp.regelingen.filter((r) => r.bestand.endsWith(DINKELLAND)).map((r) => r.titel)).toEqual([
      'UIT DE CACHE',
    ]);

    // A draft with errors gets the full load's errors; one the tree rests on gets the full load.
    const fout = ontwerp(DINKELLAND, (t) =>
      premie(t).replace('meerDan: { parameter: premie-urengrens } }', 'meerDan: "20" }'),
    );
    const zonder = laadBibliotheek(STANDAARD_WORTEL, [fout], { cache: false });
    expect(zonder.ok).toBe(false);
    expect(laadBibliotheek(STANDAARD_WORTEL, [fout], { cache: tweede })).toEqual(zonder);
    const wet = ontwerp('wet/participatiewet/2026-01-01.yaml', (t) =>
      t.replace('geldigVanaf: 2026-01-01\n', 'geldigVanaf: 2026-01-01\nstatus: ontwerp\n'),
    );
    const metWet = laad(STANDAARD_WORTEL, tweede, [wet]);
    expect(metWet.versies('participatiewet').map((r) => r.status)).toContain('ontwerp');
    expect(titelVan(metWet)).not.toBe('UIT DE CACHE');
    expect(inhoud(metWet)).toEqual(inhoud(laad(STANDAARD_WORTEL, false, [wet])));

    // A draft resting on a version of the tree (basis:) gets the full load, errors located in its own file.
    const opBasis = (regels: string) => {
      const pad = join(mkdtempSync(join(tmpdir(), 'ontwerp-')), '2027-01-01.yaml');
      writeFileSync(
        pad,
        [
          'id: dinkelland/re-integratieverordening',
          'basis: dinkelland/re-integratieverordening@2015-07-01',
          'geldigVanaf: 2027-01-01',
          'status: ontwerp',
          regels,
        ].join('\n'),
      );
      return pad;
    };
    const geldig = opBasis('');
    expect(inhoud(laad(STANDAARD_WORTEL, map, [geldig]))).toEqual(
      inhoud(laad(STANDAARD_WORTEL, false, [geldig])),
    );
    // It is checked on the kept tree (the changed entry shows through) and inherits what the text says.
    const opBewaard = laad(STANDAARD_WORTEL, tweede, [geldig]).versies('dinkelland/re-integratieverordening');
    expect(opBewaard.map((r) => [r.geldigVanaf, r.titel])).toEqual([
      ['2015-07-01', 'UIT DE CACHE'],
      ['2027-01-01', 'Re-integratieverordening Participatiewet gemeente Dinkelland 2015'],
    ]);
    const kapot = opBasis('titel: 12');
    const kapotZonder = laadBibliotheek(STANDAARD_WORTEL, [kapot], { cache: false });
    expect(kapotZonder.ok).toBe(false);
    expect(laadBibliotheek(STANDAARD_WORTEL, [kapot], { cache: tweede })).toEqual(kapotZonder);
    if (!kapotZonder.ok) expect(kapotZonder.fouten.map((f) => f.bestand)).toContain(kapot);
    // Striking an article the inherited rules cite is an error where they stand: in the tree's file.
    const geschrapt = opBasis('artikelen:\n  - { nummer: "15", geschrapt: true }');
    const geschraptZonder = laadBibliotheek(STANDAARD_WORTEL, [geschrapt], { cache: false });
    expect(geschraptZonder.ok).toBe(false);
    if (!geschraptZonder.ok)
      expect(geschraptZonder.fouten.map((f) => f.bestand).some((b) => b.endsWith(DINKELLAND))).toBe(true);
    expect(laadBibliotheek(STANDAARD_WORTEL, [geschrapt], { cache: tweede })).toEqual(geschraptZonder);
    // Several full loads of the tree (a draft that a tree version rests on gets one): give it time.
  }, 60_000);

  it('bewaart nooit een boom met fouten, en meldt elke keer dezelfde fouten als zonder cache', () => {
    const wortel = kopie();
    // The rule stands in the Twente model that Dinkelland rests on.
    const bestand = join(wortel, 'regio/twente/modelverordening-re-integratie/2015-07-01.yaml');
    writeFileSync(
      bestand,
      readFileSync(bestand, 'utf8').replace(
        '{ feit: leeftijd, tenMinste: 27 }',
        '{ feit: lefttijd, tenMinste: 27 }',
      ),
    );
    const map = nieuweMap();
    const zonder = laadBibliotheek(wortel, [], { cache: false });
    expect(zonder.ok).toBe(false);
    for (let i = 0; i < 2; i++) expect(laadBibliotheek(wortel, [], { cache: map })).toEqual(zonder);
    expect(vermeldingen(map)).toEqual([]);
  });

  it('negeert een afgebroken of verkeerd benoemde vermelding en schrijft haar opnieuw', () => {
    const wortel = kopie();
    const map = nieuweMap();
    const zonder = inhoud(laad(wortel, false));
    laad(wortel, map);
    const heel = readFileSync(join(map, vermeldingen(map)[0]!), 'utf8');
    const pad = vervals(map);
    const tekst = readFileSync(pad, 'utf8');
    // Cut in the lines of the regulations, past the index: only the size tells.
    writeFileSync(pad, tekst.slice(0, tekst.length / 2));
    expect(inhoud(laad(wortel, map))).toEqual(zonder);
    expect(readFileSync(pad, 'utf8')).toBe(heel);
    // Cut at the end of a line, so every line that is there still parses.
    vervals(map);
    writeFileSync(pad, `${readFileSync(pad, 'utf8').split('\n').slice(0, -3).join('\n')}\n`);
    expect(titelVan(laad(wortel, map))).not.toBe('UIT DE CACHE');
    expect(readFileSync(pad, 'utf8')).toBe(heel);

    // An entry whose content names another key does not count under this file name.
    const [kop, rest] = delen(vervals(map));
    const v = JSON.parse(kop) as { sleutel: string };
    writeFileSync(pad, JSON.stringify({ ...v, sleutel: `${v.sleutel.slice(1)}0` }) + rest);
    expect(titelVan(laad(wortel, map))).not.toBe('UIT DE CACHE');
  });

  it('leest de grote velden van een bewaarde regeling pas als ze gelezen worden, en dan dezelfde', () => {
    const map = nieuweMap();
    const zonder = laad(STANDAARD_WORTEL, false);
    laad(STANDAARD_WORTEL, map);
    const pad = join(map, vermeldingen(map)[0]!);
    const [kop] = delen(pad);
    // The index holds the small fields only: the articles stay in the regulations' own lines.
    expect(kop.length).toBeLessThan(readFileSync(pad, 'utf8').length / 10);
    expect(kop).not.toContain('"artikelen":');
    const bewaard = laad(STANDAARD_WORTEL, map);
    for (const [i, r] of bewaard.regelingen.entries()) {
      const vers = zonder.regelingen[i]!;
      expect(Object.keys(r)).toEqual(Object.keys(vers));
      // Read one way and another: a large field first, the unvalidated data on its own.
      expect(r.artikelen).toEqual(vers.artikelen);
      expect(r.ruw_).toEqual(vers.ruw_);
      const { bron_: _a, ...rest } = r;
      const { bron_: _b, ...versRest } = vers;
      expect(rest).toEqual(versRest);
      expect(JSON.stringify(rest)).toBe(JSON.stringify(versRest));
    }
  });
});

describe('bewaarde landelijke woordenlijst', () => {
  const echteTekst = readFileSync(VOCABULAIRE_BESTAND, 'utf8');
  const labelVan = (v: Vocabulaire) => v.feiten.get('geboortedatum')?.label;
  const vocabulaireVermeldingen = (map: string) =>
    readdirSync(map).filter((n) => n.startsWith('vocabulaire-') && n.endsWith('.json'));

  /** Changes the kept declaration in place, so a load that uses it shows it. */
  function vervalsWoordenlijst(map: string) {
    const [naam] = vocabulaireVermeldingen(map);
    const pad = join(map, naam!);
    const v = JSON.parse(readFileSync(pad, 'utf8')) as {
      waarde: { feiten: Record<string, { label: string }> };
    };
    v.waarde.feiten.geboortedatum!.label = 'UIT DE CACHE';
    writeFileSync(pad, JSON.stringify(v));
  }

  it('geeft na bewaren precies de woordenlijst die het bestand zelf geeft', () => {
    const map = nieuweMap();
    const zonder = laadLandelijk(echteTekst, false);
    expect(laadLandelijk(echteTekst, map)).toEqual(zonder);
    expect(vocabulaireVermeldingen(map)).toHaveLength(1);
    const bewaard = laadLandelijk(echteTekst, map);
    expect(bewaard).toEqual(zonder);
    expect(bewaard).toEqual(LANDELIJK_VOCABULAIRE);
    expect(bewaard.feiten.size).toBeGreaterThan(10);
  });

  it('gebruikt de bewaarde woordenlijst alleen zolang het bestand geen byte veranderde', () => {
    const map = nieuweMap();
    laadLandelijk(echteTekst, map);
    vervalsWoordenlijst(map);
    // The same text: the kept entry is used (the change shows).
    expect(labelVan(laadLandelijk(echteTekst, map))).toBe('UIT DE CACHE');
    // A changed text is parsed again, never answered from the entry of the old text.
    const gewijzigd = echteTekst.replace('label: uw geboortedatum', 'label: de geboortedatum');
    expect(gewijzigd).not.toBe(echteTekst);
    expect(labelVan(laadLandelijk(gewijzigd, map))).toBe('de geboortedatum');
    expect(labelVan(laadLandelijk(`${echteTekst}# commentaar\n`, map))).toBe('uw geboortedatum');
    expect(labelVan(laadLandelijk(echteTekst, map))).toBe('UIT DE CACHE');
  });

  it('bewaart nooit een woordenlijst met fouten en meldt de fout elke keer', () => {
    const map = nieuweMap();
    const fout = echteTekst.replace('type: datum', 'type: dag');
    for (let i = 0; i < 2; i++) expect(() => laadLandelijk(fout, map)).toThrow(/vocabulaire\.yaml/);
    expect(vocabulaireVermeldingen(map)).toEqual([]);
  });
});

describe('bewaarde documentinstellingen', () => {
  const kopieVanInstellingen = () => {
    const map = join(mkdtempSync(join(tmpdir(), 'documentinstellingen-')), 'documenten');
    cpSync(CONFIGURATIE_MAP, map, { recursive: true });
    return map;
  };
  const naamVan = (map: string, cache: string | false) => {
    const r = laadDocumentConfiguratie(map, { cache });
    if (!r.ok) throw new Error(r.fouten.map((f) => f.bericht).join('\n'));
    return r.waarde.get('dinkelland')?.afzender.naam;
  };

  it('geeft na bewaren dezelfde instellingen, en na een gewijzigd bestand de nieuwe', () => {
    const map = kopieVanInstellingen();
    const cache = nieuweMap();
    expect(laadDocumentConfiguratie(map, { cache })).toEqual(laadDocumentConfiguratie(map, { cache: false }));
    expect(laadDocumentConfiguratie(map, { cache })).toEqual(laadDocumentConfiguratie(map, { cache: false }));
    const echt = naamVan(map, false);
    // A kept entry is used while the text is the same (the change made to it shows) …
    const kept = readdirSync(cache).filter((x) => x.startsWith('documentconfiguratie-'));
    expect(kept).toHaveLength(readdirSync(map).length);
    for (const n of kept) {
      const w = JSON.parse(readFileSync(join(cache, n), 'utf8')) as {
        waarde: { afzender: { naam: string } };
      };
      w.waarde.afzender.naam = 'UIT DE CACHE';
      writeFileSync(join(cache, n), JSON.stringify(w));
    }
    expect(naamVan(map, cache)).toBe('UIT DE CACHE');
    // … and never once the file changed.
    const bestand = join(map, 'dinkelland.yaml');
    writeFileSync(bestand, `${readFileSync(bestand, 'utf8')}# commentaar\n`);
    expect(naamVan(map, cache)).toBe(echt);
  });

  it('bewaart geen bestand met fouten en meldt de fout elke keer met bestand en regel', () => {
    const map = kopieVanInstellingen();
    const cache = nieuweMap();
    const bestand = join(map, 'dinkelland.yaml');
    writeFileSync(bestand, readFileSync(bestand, 'utf8').replace(/drempel: \d+/, 'drempel: 0'));
    const zonder = laadDocumentConfiguratie(map, { cache: false });
    expect(zonder.ok).toBe(false);
    for (let i = 0; i < 2; i++) expect(laadDocumentConfiguratie(map, { cache })).toEqual(zonder);
    expect(readdirSync(cache)).toHaveLength(readdirSync(map).length - 1);
    if (!zonder.ok)
      expect(zonder.fouten[0]).toMatchObject({ bestand, pad: expect.stringContaining('drempel') });
  });
});

describe('viaBestandCache', () => {
  it('maakt opnieuw wanneer wat de controle verder gebruikt (ook) verandert, en niet zolang het gelijk blijft', () => {
    const cache = nieuweMap();
    let gemaakt = 0;
    const maak = (ook: string) => () => ({ ok: true as const, waarde: { ook, keer: ++gemaakt } });
    const laadMet = (ook: string) =>
      viaBestandCache('proef', '/proef.yaml', 'tekst', maak(ook), { map: cache, ook: [ook] });
    expect(laadMet('a')).toEqual({ ok: true, waarde: { ook: 'a', keer: 1 } });
    expect(laadMet('a')).toEqual({ ok: true, waarde: { ook: 'a', keer: 1 } });
    expect(laadMet('b')).toEqual({ ok: true, waarde: { ook: 'b', keer: 2 } });
    expect(gemaakt).toBe(2);
  });
});
