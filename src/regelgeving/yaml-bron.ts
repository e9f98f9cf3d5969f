import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Node, Pair } from 'yaml';
import type { BestandsFout } from './fouten.ts';
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
          bericht: e.message.split('\n')[0] ?? e.message,
        };
      }),
    };
  }
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
        for (const deel of pad) {
          if (isMap(node)) {
            const paar: Pair<unknown, unknown> | undefined = node.items.find(
              (p) => isScalar(p.key) && String(p.key.value) === String(deel),
            );
            if (!paar) break;
            node = (paar.value as Node | null) ?? (paar.key as Node);
          } else if (isSeq(node) && typeof deel === 'number') {
            node = node.items[deel] as Node | undefined;
          } else break;
          if (node) laatste = node;
        }
        const begin = laatste?.range?.[0];
        if (begin === undefined) return undefined;
        const pos = lineCounter.linePos(begin);
        return { regel: pos.line, kolom: pos.col };
      },
    },
  };
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
