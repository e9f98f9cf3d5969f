/** Escapes text for HTML content and attribute values. */
export function esc(t: string | number): string {
  return String(t)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A complete page: lang="nl", one stylesheet, readable when printed. */
export function htmlPagina(titel: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(titel)}</title>
<style>
body { font-family: 'Source Sans 3', 'Source Sans Pro', Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 1.5rem; }
table { border-collapse: collapse; } th, td { border-bottom: 1px solid #ccc; padding: .25rem .5rem; text-align: left; }
td.getal, th.getal { text-align: right; font-variant-numeric: tabular-nums; }
${css}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
