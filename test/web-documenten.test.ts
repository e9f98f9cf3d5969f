import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/api/server.ts';

/**
 * The document pages in a real browser (Debian's chromium through playwright-core) against the real
 * server on the embedded store with demo data: the letter on a beschikking, shown and downloaded,
 * and the manager's reports page with the report (charts beside their tables) and its downloads.
 */

const WORTEL = join(import.meta.dirname, '..');
const SCHERMAFDRUKKEN = join(WORTEL, 'web', 'schermafdrukken');
const WACHTWOORD = 'demo-wachtwoord';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let server: { url: string; stop: () => Promise<void> };
let browser: Browser;
let dataDir: string;

async function token(gebruiker: string): Promise<string> {
  const r = await fetch(`${server.url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: gebruiker, wachtwoord: WACHTWOORD }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

async function nieuwePagina(): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const pagina = await context.newPage();
  pagina.setDefaultTimeout(20_000);
  return pagina;
}

async function meldAan(pagina: Page, gebruiker: string): Promise<void> {
  await pagina.goto(`${server.url}/`);
  await pagina.getByLabel('Gebruikersnaam').fill(gebruiker);
  await pagina.getByLabel('Wachtwoord').fill(WACHTWOORD);
  await pagina.getByRole('button', { name: 'Aanmelden' }).click();
  await expect.poll(() => pagina.getByRole('button', { name: 'Afmelden' }).count()).toBe(1);
}

const ernstig = async (pagina: Page, uitsluiten?: string) => {
  const b = new AxeBuilder({ page: pagina });
  const axe = await (uitsluiten ? b.exclude(uitsluiten) : b).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

/**
 * axe (no serious or critical violation), lang="nl", then a screenshot, as test/web.test.ts does. The
 * document in the frame (sandboxed: no scripts, so axe cannot run inside it) is checked on a page of
 * its own, from the same bytes the frame shows.
 */
async function keurPagina(pagina: Page, naam: string, frame: string): Promise<void> {
  // On a loaded machine the network may not fall quiet in time; what is checked next waits for itself.
  await pagina.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  expect(await pagina.locator('html').getAttribute('lang')).toBe('nl');
  expect(await ernstig(pagina, frame), naam).toEqual([]);
  const html = await pagina.locator(frame).getAttribute('srcdoc');
  expect(html).toContain('<html lang="nl">');
  const los = await pagina.context().newPage();
  await los.setContent(html!);
  expect(await ernstig(los), `${naam} (document)`).toEqual([]);
  await los.close();
  expect(await pagina.content()).not.toMatch(/\bat [\w.]+ \(|TypeError|interne fout/);
  mkdirSync(SCHERMAFDRUKKEN, { recursive: true });
  await pagina.screenshot({ path: join(SCHERMAFDRUKKEN, `${naam}.png`), fullPage: true });
}

async function download(pagina: Page, knop: string | RegExp): Promise<{ naam: string; inhoud: Buffer }> {
  const d = pagina.waitForEvent('download');
  await pagina.getByRole('button', { name: knop }).click();
  const klaar = await d.catch(async (e: unknown) => {
    // What the page showed instead (a problem message names the cause).
    throw new Error(
      `${String(e)}\n${await pagina.locator('[role=alert]').allTextContents()}\n${(await pagina.locator('#inhoud').innerText()).slice(-600)}`,
    );
  });
  return { naam: klaar.suggestedFilename(), inhoud: readFileSync((await klaar.path())!) };
}

beforeAll(async () => {
  execFileSync(
    join(WORTEL, 'node_modules', '.bin', 'tsx'),
    [join(WORTEL, 'web', 'scripts', 'bouw.ts'), '--als-verouderd'],
    { stdio: 'inherit' },
  );
  dataDir = mkdtempSync(join(tmpdir(), 'reintegratie-web-documenten-'));
  server = await startServer(
    { poort: 0, dataDir, bsnSleutel: 'c'.repeat(64) },
    { demo: true, log: () => {} },
  );
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--lang=nl-NL',
    ],
  });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('documenten in de webapplicatie', { timeout: 180_000 }, () => {
  it('toont de brief bij een beschikking en laat de PDF downloaden, dezelfde bytes als opgeslagen', async () => {
    const t = await token('casemanager@dinkelland');
    const kop = { authorization: `Bearer ${t}`, 'x-doel': 'uitvoering re-integratie' };
    const lijst = (await (
      await fetch(`${server.url}/gemeenten/dinkelland/inwoners?limiet=50`, { headers: kop })
    ).json()) as { items?: { id: string }[] } | { id: string }[];
    const inwoners = Array.isArray(lijst) ? lijst : (lijst.items ?? []);
    let client: string | undefined;
    for (const i of inwoners) {
      const b = (await (
        await fetch(`${server.url}/gemeenten/dinkelland/inwoners/${i.id}/beschikkingen`, { headers: kop })
      ).json()) as { id: string }[];
      if (b.length > 0) {
        client = i.id;
        break;
      }
    }
    expect(client).toBeDefined();

    const p = await nieuwePagina();
    await meldAan(p, 'casemanager@dinkelland');
    await p.goto(`${server.url}/dinkelland/clienten/${client}`);
    await p
      .getByRole('link', { name: /^Brief bij de beschikking van/ })
      .first()
      .click();
    await expect.poll(() => p.getByText('Deze brief is nog niet gemaakt').count()).toBe(1);
    await p.getByRole('button', { name: 'Brief maken' }).click();
    const brief = p.frameLocator('iframe[title="De brief"]');
    await expect.poll(() => brief.getByText(/binnen zes weken/).count()).toBeGreaterThan(0);
    const kenmerk = await brief
      .getByText(/GM1774-/)
      .first()
      .textContent();
    expect(kenmerk).toMatch(/GM1774-\d{4}-/);
    await keurPagina(p, '20-brief', 'iframe.brief');

    const pdf = await download(p, 'Brief downloaden (PDF)');
    expect(pdf.naam).toMatch(/^brief-.+\.pdf$/);
    expect(pdf.inhoud.subarray(0, 5).toString()).toBe('%PDF-');
    const id = /\/beschikkingen\/([^/]+)\/brief/.exec(p.url())![1];
    const opgeslagen = await fetch(`${server.url}/gemeenten/dinkelland/beschikkingen/${id}/brief`, {
      headers: kop,
    });
    expect(opgeslagen.headers.get('etag')).toBe(`"${sha(pdf.inhoud)}"`);
    await p.context().close();
  });

  it('de rapportagepagina voor de manager: rapportage maken, grafiek met tabel, PDF, JSON en CSV', async () => {
    const p = await nieuwePagina();
    await meldAan(p, 'manager@dinkelland');
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Voortgangsrapportages' }).count()).toBe(1);
    const jaar = await p.locator('#rapport-jaar').inputValue();
    await p.locator('#rapport-periode').selectOption('1');
    await p.getByRole('button', { name: 'Rapportage maken' }).click();
    const rapport = p.frameLocator('iframe[title^="Voortgangsrapportage"]');
    // Each chart (ECharts SVG) sits beside its table, inside the report as stored.
    await expect.poll(() => rapport.locator('.blok svg').count()).toBeGreaterThan(0);
    expect(await rapport.locator('.blok table').count()).toBeGreaterThan(0);
    await expect.poll(() => rapport.getByText('Kleine aantallen.').count()).toBe(1);
    await keurPagina(p, '21-rapportages', 'iframe.rapport');

    const pdf = await download(p, 'Rapportage downloaden (PDF)');
    expect(pdf.inhoud.subarray(0, 5).toString()).toBe('%PDF-');
    const json = JSON.parse((await download(p, 'Rapportage downloaden (JSON)')).inhoud.toString()) as {
      van: string;
      tabellen: unknown[];
    };
    expect(json.van).toBe(`${jaar}-01-01`);
    expect(json.tabellen.length).toBeGreaterThan(0);
    // Chromium lets a page start one download without asking; after a reload the quarter's CSV may
    // start its own (a person would be asked to allow several downloads).
    await p.reload();
    const csv = (await download(p, 'Kwartaalcijfers downloaden (CSV)')).inhoud.toString().trim().split('\n');
    expect(csv[0]).toBe(
      'voorziening;gestart;lopend;beeindigd;afgewezen;premies;premies_cent;toegekend_jaarbedrag_cent',
    );
    for (const regel of csv.slice(1)) {
      const [, ...cellen] = regel.split(';');
      for (const c of cellen.slice(0, 5)) expect(c === 'x' || c === '0' || Number(c) >= 5, regel).toBe(true);
    }
    await p.context().close();
  });
});
