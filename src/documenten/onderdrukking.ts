/**
 * Suppression of small counts, as statistical offices do: a count of at least 1 and below the
 * threshold is not shown ('x'), nor an amount that belongs to such a count. Where a column has a
 * total and only one of its cells is suppressed, the next smallest cell is suppressed too, so the
 * hidden one cannot be found by subtracting the others from the total. Zero is shown: it is no one.
 */

export const STANDAARD_DREMPEL = 5;

export type Cel = number | null;

export const teKlein = (n: number, drempel: number) => n > 0 && n < drempel;

/** One column of counts (the rows of a table with a total below); null where suppressed. */
export function onderdrukKolom(waarden: readonly number[], drempel: number): Cel[] {
  const uit: Cel[] = waarden.map((n) => (teKlein(n, drempel) ? null : n));
  if (uit.filter((c) => c === null).length === 1) {
    let kleinste = -1;
    uit.forEach((c, i) => {
      if (c !== null && c > 0 && (kleinste < 0 || c < (uit[kleinste] as number))) kleinste = i;
    });
    if (kleinste >= 0) uit[kleinste] = null;
  }
  return uit;
}

/** An amount is shown only where its count is. */
export const bedragBij = (telling: Cel, cent: number): Cel => (telling === null ? null : cent);

/** The rule in words, for the report and the export. */
export const onderdrukkingsregel = (drempel: number) =>
  `Aantallen van 1 tot en met ${drempel - 1} tonen wij niet ('x'), en ook niet het bedrag dat bij zo'n aantal hoort. ` +
  `Staat in een kolom met een totaal maar één cel op 'x', dan verbergen wij ook de kleinste andere cel, zodat u de verborgen cel niet uit het totaal kunt terugrekenen. ` +
  `Zo is niemand in deze cijfers te herkennen. Een 0 tonen wij wel.`;
