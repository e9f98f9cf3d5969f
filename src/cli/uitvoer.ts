/** Where the CLI writes; tests pass a collector instead of the process streams. */
export interface Uitvoer {
  regel(tekst: string): void;
  fout(tekst: string): void;
}

export const procesUitvoer: Uitvoer = {
  regel: (t) => process.stdout.write(`${t}\n`),
  fout: (t) => process.stderr.write(`${t}\n`),
};
