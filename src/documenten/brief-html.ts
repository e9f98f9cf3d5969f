import { datumTekst, opsomming } from '../taal/index.ts';
import type { BriefInhoud } from './brief-inhoud.ts';
import { esc, htmlPagina } from './html.ts';

const CSS = `
.afzender { float: right; text-align: right; font-size: .9rem; color: #444; }
.kenmerk { clear: both; margin-top: 2rem; font-size: .95rem; }
.kenmerk dt { float: left; width: 8rem; font-weight: 600; } .kenmerk dd { margin: 0 0 0 8rem; }
.grondslag li { margin-bottom: .25rem; }
`;

const lijst = (zinnen: readonly string[]) =>
  zinnen.length === 0 ? '' : `<ul>${zinnen.map((z) => `<li>${esc(z)}</li>`).join('')}</ul>`;

/** The letter as an HTML page (the same content as the PDF). */
export function briefHtml(b: BriefInhoud): string {
  const a = b.afzender;
  const body = `
<header>
  <div class="afzender">
    <strong>${esc(a.naam)}</strong><br>
    ${a.postadres.map(esc).join('<br>')}<br>
    ${(a.bezoekadres ?? []).length > 0 ? `Bezoekadres: ${(a.bezoekadres ?? []).map(esc).join(', ')}<br>` : ''}
    Telefoon ${esc(a.telefoon)}<br>${esc(a.website)}
    ${a.uitvoering ? `<br>Uitgevoerd door ${esc(a.uitvoering)}` : ''}
  </div>
  <p class="geadresseerde">${esc(b.geadresseerde.naam)}</p>
  <dl class="kenmerk">
    <dt>Datum</dt><dd>${esc(datumTekst(b.datum))}</dd>
    <dt>Kenmerk</dt><dd>${esc(b.kenmerk)}</dd>
    <dt>Onderwerp</dt><dd>${esc(b.onderwerp)}</dd>
  </dl>
</header>
<main>
  <p>${esc(b.aanhef)}</p>
  <h1>${esc(b.onderwerp)}</h1>
  <h2>Ons besluit</h2>
  ${b.besluit.map((z) => `<p>${esc(z)}</p>`).join('\n  ')}
  <h2>Waarom</h2>
  ${lijst(b.motivering)}
  ${b.bedragen.length > 0 ? `<h2>Bedragen</h2><ul>${b.bedragen.map((r) => `<li>${esc(r.regel)}${r.momenten.length > 0 ? `<br>Wij betalen op: ${esc(opsomming(r.momenten))}.` : ''}</li>`).join('')}</ul>` : ''}
  ${b.data.length > 0 ? `<h2>Belangrijke data</h2>${lijst(b.data)}` : ''}
  ${b.verplichtingen.length > 0 || b.stopgronden ? `<h2>Wat wij van u verwachten</h2>${lijst(b.verplichtingen)}` : ''}
  ${b.stopgronden ? `<p>${esc(b.stopgronden.inleiding)}</p>${lijst(b.stopgronden.gronden)}` : ''}
  <h2>Op welke regels dit besluit berust</h2>
  <ul class="grondslag">${b.grondslag.map((g) => `<li>${esc(g.citeertitel)}: ${[...g.artikelen, ...g.vermeldingen].map(esc).join(', ')}</li>`).join('')}</ul>
  ${b.rechtsmiddel ? `<h2>${esc(b.rechtsmiddel.kop)}</h2>${b.rechtsmiddel.zinnen.map((z) => `<p>${esc(z)}</p>`).join('')}` : ''}
  ${b.slot.map((z) => `<p>${esc(z)}</p>`).join('\n  ')}
</main>`;
  return htmlPagina(`${b.onderwerp} (${b.kenmerk})`, CSS, body);
}
