import { grafiekSvg } from './grafieken.ts';
import { esc, htmlPagina } from './html.ts';
import { celTekst, type Rapportage } from './voortgang-model.ts';

const CSS = `
.blok { display: flex; gap: 1.5rem; align-items: flex-start; flex-wrap: wrap; margin-bottom: 1rem; }
.blok figure { margin: 0; flex: 0 0 auto; }
table { font-size: .85rem; } tr.totaal td, tr.totaal th { font-weight: 600; border-top: 2px solid #333; }
.regel { background: #f3f6f8; padding: .75rem 1rem; border-left: 4px solid #01689b; }
`;

/** The report as one HTML page: each chart with its table beside it. */
export async function voortgangHtml(r: Rapportage): Promise<string> {
  const grafieken = await Promise.all(r.tabellen.map((t) => grafiekSvg(t)));
  const body = `
<h1>${esc(r.titel)}</h1>
${r.inleiding.map((z) => `<p>${esc(z)}</p>`).join('\n')}
<p class="regel"><strong>Kleine aantallen.</strong> ${esc(r.regel)}</p>
${r.tabellen
  .map((t, i) => {
    const svg = grafieken[i];
    return `<section>
<h2>${esc(t.titel)}</h2>
<div class="blok">
${svg ? `<figure role="img" aria-label="${esc(t.grafiek!.titel)}">${svg}</figure>` : ''}
<table>
<thead><tr><th scope="col"></th>${t.kolommen.map((k) => `<th scope="col" class="getal">${esc(k)}</th>`).join('')}</tr></thead>
<tbody>
${t.rijen.map((rij) => `<tr${rij.totaal ? ' class="totaal"' : ''}><th scope="row">${esc(rij.label)}</th>${rij.waarden.map((w) => `<td class="getal">${esc(celTekst(w))}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>
</div>
</section>`;
  })
  .join('\n')}`;
  return htmlPagina(r.titel, CSS, body);
}
