import { readFileSync } from 'node:fs';
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

/** Reads a JSON file (or stdin for "-"), turning syntax errors into a message with line and column. */
export function leesJson(pad: string): { ok: true; data: unknown } | { ok: false; bericht: string } {
  let tekst: string;
  try {
    tekst = readFileSync(pad === '-' ? 0 : pad, 'utf8');
  } catch (e) {
    return {
      ok: false,
      bericht: `${pad}: kan bestand niet lezen (${(e as NodeJS.ErrnoException).code ?? 'fout'})`,
    };
  }
  try {
    return { ok: true, data: JSON.parse(tekst) };
  } catch (e) {
    // Node 20's JSON.parse gives no position; jsonc-parser (strict mode) says where it broke.
    const fouten: ParseError[] = [];
    parse(tekst, fouten, { disallowComments: true, allowTrailingComma: false });
    const reden = (e as Error).message.split('\n')[0];
    const eerste = fouten[0];
    if (eerste) {
      const voor = tekst.slice(0, eerste.offset);
      const regel = voor.split('\n').length;
      const kolom = eerste.offset - voor.lastIndexOf('\n');
      return {
        ok: false,
        bericht: `${pad}:${regel}:${kolom}: ongeldige JSON (${printParseErrorCode(eerste.error)})`,
      };
    }
    return { ok: false, bericht: `${pad}: ongeldige JSON (${reden})` };
  }
}
