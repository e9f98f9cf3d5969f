/**
 * Which drafts a gemeente's council adopted, remembered for a few seconds for the one reader that asks
 * it on every request and stores nothing: POST /evaluate. On the embedded store that question was a
 * third of the request's server CPU. Decisions never use this memory: a grant reads the adopted drafts
 * in the same statement as its facts (beschikkingsfeiten.ts), so what is decided is always what was in
 * force at that moment.
 *
 * An adoption in this process is seen at once: it forgets the gemeente and keeps it out of memory for
 * a while, so a read that raced with the adoption's still open transaction is not remembered. An
 * adoption by another server process sharing the database reaches this one's /evaluate answers
 * within `BEWAARTIJD_MS` (a newly adopted version applies from its geldigVanaf, which a council sets
 * ahead of time; the delay is that of the session memory in gebruikers.ts).
 */

export const BEWAARTIJD_MS = 5_000;

interface Geheugen {
  readonly onthouden: Map<string, { readonly hashes: readonly string[]; readonly tot: number }>;
  /** Gemeenten whose adoption may not have committed yet: read from the store until this moment. */
  readonly nietOnthoudenTot: Map<string, number>;
}

/** One memory per store: a process (or a test) that serves two stores must not answer one from the other. */
const geheugens = new WeakMap<object, Geheugen>();

function geheugenVan(opslag: object): Geheugen {
  let g = geheugens.get(opslag);
  if (!g) {
    g = { onthouden: new Map(), nietOnthoudenTot: new Map() };
    geheugens.set(opslag, g);
  }
  return g;
}

/** The adopted drafts' hashes as `lees` gives them, from memory when it is recent enough. */
export async function onthoudenHashes(
  opslag: object,
  gemeente: string,
  lees: () => Promise<readonly string[]>,
): Promise<readonly string[]> {
  const { onthouden, nietOnthoudenTot } = geheugenVan(opslag);
  const nu = Date.now();
  const bekend = onthouden.get(gemeente);
  if (bekend && bekend.tot > nu) return bekend.hashes;
  const hashes = await lees();
  // A gemeente is a key the routes have checked; the map holds one entry per gemeente served.
  if ((nietOnthoudenTot.get(gemeente) ?? 0) <= nu)
    onthouden.set(gemeente, { hashes, tot: nu + BEWAARTIJD_MS });
  return hashes;
}

/** Called by an adoption: the gemeente's next reads go to the store until the adoption has surely committed. */
export function vergeetInWerking(opslag: object, gemeente: string): void {
  const { onthouden, nietOnthoudenTot } = geheugenVan(opslag);
  onthouden.delete(gemeente);
  nietOnthoudenTot.set(gemeente, Date.now() + BEWAARTIJD_MS);
}
