/**
 * A progress bar on stderr for long runs. It draws only on a terminal (or when asked), at most ten
 * times a second, and never on stdout, so piped NDJSON or JSON output stays clean.
 */

export interface Voortgang {
  /** Reports that `gedaan` of the total are done; cheap enough to call for every case. */
  stap(gedaan: number): void;
  klaar(): void;
}

export interface VoortgangOpties {
  /** Draw even when stderr is not a terminal. */
  readonly forceer?: boolean;
  readonly stroom?: NodeJS.WriteStream;
  readonly breedte?: number;
}

const STIL: Voortgang = { stap() {}, klaar() {} };

export function maakVoortgang(label: string, totaal: number, opties: VoortgangOpties = {}): Voortgang {
  const stroom = opties.stroom ?? process.stderr;
  if (!opties.forceer && !stroom.isTTY) return STIL;
  const breedte = opties.breedte ?? 30;
  const start = performance.now();
  let laatste = 0;
  let volgendeControle = 0;
  const teken = (gedaan: number) => {
    const deel = totaal > 0 ? Math.min(1, gedaan / totaal) : 1;
    const vol = Math.round(deel * breedte);
    const sec = (performance.now() - start) / 1000;
    const tempo = sec > 0 ? Math.round(gedaan / sec) : 0;
    stroom.write(
      `\r${label} [${'#'.repeat(vol)}${' '.repeat(breedte - vol)}] ${(deel * 100).toFixed(0).padStart(3)}% ` +
        `${gedaan.toLocaleString('nl-NL')}/${totaal.toLocaleString('nl-NL')} ${sec.toFixed(1)} s ${tempo.toLocaleString('nl-NL')}/s`,
    );
  };
  return {
    stap(gedaan) {
      // Looking at the clock costs more than counting: look only every 4096 steps.
      if (gedaan < volgendeControle) return;
      volgendeControle = gedaan + 4096;
      const nu = performance.now();
      if (nu - laatste < 100) return;
      laatste = nu;
      teken(gedaan);
    },
    klaar() {
      teken(totaal);
      stroom.write('\n');
    },
  };
}
