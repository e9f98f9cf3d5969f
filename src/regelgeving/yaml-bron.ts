import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node, Pair } from 'yaml';
import type { BestandsFout } from './fouten.ts';
import { yamlBericht } from './berichten.ts';
import { padTekst } from './fouten.ts';

/**
 * A parsed YAML document that can still say where each value stood, so schema errors point at a
 * line and column instead of only a path.
 */
export interface YamlBron {
  readonly bestand: string;
  readonly data: unknown;
  plaatsVan(pad: readonly PropertyKey[]): { regel: number; kolom: number } | undefined;
  /** For data merged from several files (see basis.ts): the file and path a path stands at. */
  herleid?(pad: readonly PropertyKey[]): { bron: YamlBron; pad: readonly PropertyKey[] } | undefined;
}

let yamlModule: typeof Yaml | undefined;
/** The parser loads on first use: a start that finds the library in the cache never parses YAML. */
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

export type YamlResultaat = { ok: true; bron: YamlBron } | { ok: false; fouten: BestandsFout[] };

export function leesYaml(bestand: string, tekst: string): YamlResultaat {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // Dates stay strings: the yaml 1.2 core schema does not turn 2015-07-01 into a Date.
  const doc = parseDocument(tekst, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      fouten: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          code: 'yaml',
          bestand,
          regel: pos.line,
          kolom: pos.col,
          pad: '',
          bericht: yamlBericht(e.code, e.message),
        };
      }),
    };
  }
  const notatie = bedragNotatieFouten(bestand, tekst, doc, lineCounter);
  if (notatie.length > 0) return { ok: false, fouten: notatie };
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  return {
    ok: true,
    bron: {
      bestand,
      data,
      plaatsVan(pad) {
        // Walk down as far as the path exists; a missing key points at its parent.
        let node: Node | null | undefined = doc.contents as Node | null;
        let laatste: Node | null | undefined = node;
        let gevonden = 0;
        for (const deel of pad) {
          if (isMap(node)) {
            const paar: Pair<unknown, unknown> | undefined = node.items.find(
              (p) => isScalar(p.key) && String(p.key.value) === String(deel),
            );
            if (!paar) break;
            node = (paar.value as Node | null) ?? (paar.key as Node);
            // A block map or list under a key starts on the next line; the key is where a reader looks.
            if ((isMap(node) || isSeq(node)) && !node.flow && gevonden === pad.length - 1)
              node = paar.key as Node;
          } else if (isSeq(node) && typeof deel === 'number') {
            node = node.items[deel] as Node | undefined;
          } else break;
          if (node) laatste = node;
          gevonden++;
        }
        const begin = laatste?.range?.[0];
        if (begin === undefined) return undefined;
        const pos = lineCounter.linePos(begin);
        return { regel: pos.line, kolom: pos.col };
      },
    },
  };
}

/**
 * Amounts whose written form could be misread: the parsed number cannot tell `150.00` from `150`, so
 * the source text is read. `cent:` takes whole cents without a point (`cent: 150.00` would be € 1,50);
 * `bedrag:` takes euros with at most two decimals (`150.000` is 150 euro to YAML, 150 thousand to a
 * Dutch reader); an expected amount in a conformance case (`bedragen: { premie: 15000 }`) is in cents.
 */
function bedragNotatieFouten(
  bestand: string,
  tekst: string,
  doc: Yaml.Document.Parsed,
  lineCounter: Yaml.LineCounter,
): BestandsFout[] {
  const { isMap, isPair, isScalar, visit } = yaml();
  const uit: BestandsFout[] = [];
  const fout = (node: Node, pad: readonly PropertyKey[], bericht: string) => {
    const pos = lineCounter.linePos(node.range?.[0] ?? 0);
    uit.push({ code: 'schema', bestand, regel: pos.line, kolom: pos.col, pad: padTekst(pad), bericht });
  };
  const padVan = (path: readonly unknown[]): PropertyKey[] => {
    const pad: PropertyKey[] = [];
    for (let i = 0; i < path.length; i++) {
      const n = path[i];
      if (isPair(n) && isScalar(n.key)) pad.push(String(n.key.value));
      else if (!isPair(n) && !isMap(n) && i + 1 < path.length) {
        const kind = path[i + 1];
        const items = (n as { items?: unknown[] }).items;
        if (items && !isPair(kind)) pad.push(items.indexOf(kind));
      }
    }
    return pad;
  };
  visit(doc, {
    Pair(_, paar, path) {
      if (!isScalar(paar.key) || !isScalar(paar.value) || typeof paar.value.value !== 'number') return;
      const sleutel = String(paar.key.value);
      const waarde = paar.value;
      const bronTekst = waarde.range ? tekst.slice(waarde.range[0], waarde.range[1]).trim() : '';
      const pad = [...padVan(path), sleutel];
      const ouder = path[path.length - 2];
      const onderBedragen = isPair(ouder) && isScalar(ouder.key) && ouder.key.value === 'bedragen';
      if (sleutel === 'cent' && /[.eE]/.test(bronTekst))
        fout(
          waarde,
          pad,
          `cent is een geheel aantal centen zonder punt (15000), niet ${bronTekst}; bedoelt u bedrag: ${bronTekst} in euro?`,
        );
      else if (sleutel === 'bedrag' && /\.\d{3,}/.test(bronTekst))
        fout(
          waarde,
          pad,
          `een bedrag in euro heeft ten hoogste twee cijfers achter de punt, niet ${bronTekst} (de punt scheidt de centen, niet de duizendtallen)`,
        );
      else if (onderBedragen && /[.eE]/.test(bronTekst))
        fout(
          waarde,
          pad,
          `een verwacht bedrag staat in hele centen zonder punt (15000 voor € 150,00), niet ${bronTekst}`,
        );
    },
  });
  return uit;
}

export function foutOp(
  bron: YamlBron,
  code: BestandsFout['code'],
  pad: readonly PropertyKey[],
  bericht: string,
): BestandsFout {
  const h = bron.herleid?.(pad);
  const waar = h?.bron ?? bron;
  const plaats = waar.plaatsVan(h?.pad ?? pad);
  return {
    code,
    bestand: waar.bestand,
    pad: padTekst(h?.pad ?? pad),
    bericht,
    ...(plaats ? { regel: plaats.regel, kolom: plaats.kolom } : {}),
  };
}
