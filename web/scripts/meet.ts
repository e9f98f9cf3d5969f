/**
 * Measures the web application as a person meets it: the size of the JavaScript and CSS it ships
 * (gzip), and in a real browser the time from navigation to a usable client page and to a shown
 * evaluation ("Wat kan ik aanbieden?") on the demo data. Starts its own server on a fresh embedded
 * store with demo data. `npm run web:meet [-- --keer N]`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/api/server.ts';

const DIST = join(import.meta.dirname, '..', 'dist');
const keer = Number(process.argv[process.argv.indexOf('--keer') + 1] ?? 0) || 7;

const index = readFileSync(join(DIST, 'index.html'), 'utf8');
const bestanden = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const perSoort = { js: { ruw: 0, gzip: 0 }, css: { ruw: 0, gzip: 0 } };
for (const b of bestanden) {
  const inhoud = readFileSync(join(DIST, b));
  const soort = b.endsWith('.css') ? 'css' : 'js';
  perSoort[soort].ruw += inhoud.length;
  perSoort[soort].gzip += gzipSync(inhoud, { level: 9 }).length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
console.log(`verzonden bij de eerste pagina (${bestanden.length} bestanden uit web/dist/index.html):`);
console.log(`  JavaScript ${kb(perSoort.js.ruw)}, gzip ${kb(perSoort.js.gzip)}`);
console.log(`  CSS        ${kb(perSoort.css.ruw)}, gzip ${kb(perSoort.css.gzip)}`);

const dataDir = mkdtempSync(join(tmpdir(), 'reintegratie-meet-'));
const server = await startServer({ poort: 0, dataDir }, { demo: true, log: () => {} });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const aanmelding = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: 'casemanager@dinkelland', wachtwoord: 'demo-wachtwoord' }),
  });
  const { token } = (await aanmelding.json()) as { token: string };
  const kop = { authorization: `Bearer ${token}`, 'x-doel': 'caseload bekijken' };
  const lijst = (await (
    await fetch(`${server.url}/gemeenten/dinkelland/dossiers?limiet=200`, { headers: kop })
  ).json()) as {
    items: { id: string; naam: string }[];
  };
  const clienten = lijst.items.slice(0, keer);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const p = await context.newPage();
  await p.goto(`${server.url}/aanmelden`);
  await p.getByLabel('Gebruikersnaam').fill('casemanager@dinkelland');
  await p.getByLabel('Wachtwoord').fill('demo-wachtwoord');
  await p.getByRole('button', { name: 'Aanmelden' }).click();
  await p.getByRole('button', { name: 'Afmelden' }).waitFor();

  const clientpagina: number[] = [];
  const beoordeling: number[] = [];
  const rechtstreeks: number[] = [];
  for (const c of clienten) {
    // A full navigation (new document, scripts from the cache as in daily use) to the client's page:
    // usable when the name and the way to the evaluation are on screen.
    let start = performance.now();
    await p.goto(`${server.url}/dinkelland/clienten/${c.id}`, { waitUntil: 'commit' });
    await p.getByRole('heading', { level: 1, name: c.naam }).waitFor();
    await p.getByRole('link', { name: 'Wat kan ik aanbieden?' }).waitFor();
    clientpagina.push(performance.now() - start);
    // From the click to the judgement of every voorziening shown.
    start = performance.now();
    await p.getByRole('link', { name: 'Wat kan ik aanbieden?' }).click();
    await p.locator('#samenvatting').waitFor();
    await p.locator('section.uitkomstblok').first().waitFor();
    beoordeling.push(performance.now() - start);
    // A full navigation straight to the evaluation.
    start = performance.now();
    await p.goto(`${server.url}/dinkelland/clienten/${c.id}/aanbod`, { waitUntil: 'commit' });
    await p.locator('#samenvatting').waitFor();
    await p.locator('section.uitkomstblok').first().waitFor();
    rechtstreeks.push(performance.now() - start);
  }
  const ms = (lijst: number[]) => {
    const s = [...lijst].sort((a, b) => a - b);
    return `mediaan ${Math.round(s[Math.floor(s.length / 2)]!)} ms (min ${Math.round(s[0]!)}, max ${Math.round(s.at(-1)!)}, n=${s.length})`;
  };
  console.log(`navigatie tot bruikbare cliëntpagina: ${ms(clientpagina)}`);
  console.log(`klik tot getoonde beoordeling (Wat kan ik aanbieden?): ${ms(beoordeling)}`);
  console.log(`navigatie tot getoonde beoordeling: ${ms(rechtstreeks)}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
