import { readFileSync } from 'node:fs';

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
    const m = /position (\d+)/.exec((e as Error).message);
    if (m) {
      const voor = tekst.slice(0, Number(m[1]));
      const regel = voor.split('\n').length;
      const kolom = Number(m[1]) - voor.lastIndexOf('\n');
      return { ok: false, bericht: `${pad}:${regel}:${kolom}: ongeldige JSON (${(e as Error).message})` };
    }
    return { ok: false, bericht: `${pad}: ongeldige JSON (${(e as Error).message})` };
  }
}
