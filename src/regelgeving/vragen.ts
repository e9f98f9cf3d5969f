import type { BestandsFout } from './fouten.ts';
import { foutOp, type YamlBron } from './yaml-bron.ts';

/**
 * A judgement of the college answers a question by its key (`feiten.oordelen`), under every version
 * that asks it. A version resting on another that asks an inherited key with another text would let
 * an answer to the old question count as an answer to the new one; that is refused, naming the file,
 * line and path, so a changed question gets a key of its own.
 */

type Vragen = Map<string, string>;

function verzamel(w: unknown, uit: Vragen): Vragen {
  if (Array.isArray(w)) for (const x of w) verzamel(x, uit);
  else if (typeof w === 'object' && w !== null) {
    const o = w as Record<string, unknown>;
    if (typeof o.oordeel === 'string' && typeof o.vraag === 'string' && !uit.has(o.oordeel))
      uit.set(o.oordeel, o.vraag);
    for (const x of Object.values(o)) verzamel(x, uit);
  }
  return uit;
}

const gelijk = (a: string, b: string) => a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();

/** Own questions that reuse a key of the basis with another text. */
export function gewijzigdeVragen(eigen: YamlBron, basisData: unknown, basisNaam: string): BestandsFout[] {
  const oud = verzamel(basisData, new Map());
  const fouten: BestandsFout[] = [];
  const loop = (w: unknown, pad: PropertyKey[]) => {
    if (Array.isArray(w)) w.forEach((x, i) => loop(x, [...pad, i]));
    else if (typeof w === 'object' && w !== null) {
      const o = w as Record<string, unknown>;
      const vorige = typeof o.oordeel === 'string' ? oud.get(o.oordeel) : undefined;
      if (vorige !== undefined && typeof o.vraag === 'string' && !gelijk(vorige, o.vraag))
        fouten.push(
          foutOp(
            eigen,
            'semantiek',
            [...pad, 'vraag'],
            `oordeel '${o.oordeel}' stelt hier een andere vraag dan in ${basisNaam} („${vorige}”). Een oordeel dat het college op die vraag gaf, zou dan ook deze vraag beantwoorden. Geef de gewijzigde vraag een eigen oordeel-naam, of houd de vraag gelijk`,
          ),
        );
      for (const [k, x] of Object.entries(o)) loop(x, [...pad, k]);
    }
  };
  loop(eigen.data, []);
  return fouten;
}
