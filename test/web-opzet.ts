import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import pg from 'pg';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startServer } from '../src/api/server.ts';

/**
 * What the browser tests share: the web build (made when its sources changed), the real server with
 * demo data on the embedded store (or, with DATABASE_URL, on that PostgreSQL server in a schema of
 * this run's own that is dropped afterwards), Debian's chromium through playwright-core, signing in,
 * and the check of a main page (axe, lang, labelled fields, a screenshot).
 */

export const WORTEL = join(import.meta.dirname, '..');
export const SCHERMAFDRUKKEN = join(WORTEL, 'web', 'schermafdrukken');
export const WACHTWOORD = 'demo-wachtwoord';

export interface WebOpzet {
  readonly url: string;
  readonly browser: Browser;
  /** The PostgreSQL schema of this run, when DATABASE_URL is set. */
  readonly schema: string | undefined;
  stop(): Promise<void>;
}

export async function startWeb(naam: string, bsnSleutel: string): Promise<WebOpzet> {
  execFileSync(
    join(WORTEL, 'node_modules', '.bin', 'tsx'),
    [join(WORTEL, 'web', 'scripts', 'bouw.ts'), '--als-verouderd'],
    { stdio: 'inherit' },
  );
  const dataDir = mkdtempSync(join(tmpdir(), `reintegratie-${naam}-`));
  const schema = process.env.DATABASE_URL
    ? `${naam.replace(/\W/g, '_')}_${randomBytes(6).toString('hex')}`
    : undefined;
  const server = await startServer(
    {
      poort: 0,
      dataDir,
      bsnSleutel,
      ...(schema ? { databaseUrl: process.env.DATABASE_URL!, databaseSchema: schema } : {}),
    },
    { demo: true, log: () => {} },
  );
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
      // Dutch date fields (dd-mm-jjjj), as a Dutch civil servant's browser shows them.
      '--lang=nl-NL',
    ],
  });
  return {
    url: server.url,
    browser,
    schema,
    stop: async () => {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (schema) {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(
          `drop schema if exists ${schema} cascade; drop schema if exists ${schema}_pgboss cascade`,
        );
        await c.end();
      }
    },
  };
}

export async function token(url: string, gebruiker: string): Promise<string> {
  const r = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ gebruikersnaam: gebruiker, wachtwoord: WACHTWOORD }),
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
}

export async function nieuwePagina(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const pagina = await context.newPage();
  pagina.setDefaultTimeout(30_000);
  return pagina;
}

export async function meldAan(pagina: Page, url: string, gebruiker: string): Promise<void> {
  await pagina.goto(`${url}/`);
  await pagina.getByLabel('Gebruikersnaam').fill(gebruiker);
  await pagina.getByLabel('Wachtwoord').fill(WACHTWOORD);
  await pagina.getByRole('button', { name: 'Aanmelden' }).click();
  await expect.poll(() => pagina.getByRole('button', { name: 'Afmelden' }).count()).toBe(1);
}

/** Serious or critical axe violations of the page (or of all but `uitsluiten`). */
export async function ernstig(pagina: Page, uitsluiten?: string): Promise<string[]> {
  const b = new AxeBuilder({ page: pagina });
  const axe = await (uitsluiten ? b.exclude(uitsluiten) : b).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** A main page as the issues ask: axe clean, lang="nl", every field labelled, no stack trace; then screenshots. */
export async function keurPagina(pagina: Page, naam: string): Promise<void> {
  // On a loaded machine the network may not fall quiet in time; what is checked next waits for itself.
  await pagina.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
  expect(await pagina.locator('html').getAttribute('lang')).toBe('nl');
  expect(await ernstig(pagina), naam).toEqual([]);
  const naamloos = await pagina.$$eval('input:not([type=hidden]), select, textarea', (velden) =>
    velden
      .filter(
        (v) =>
          !(v as unknown as { labels?: { length: number } }).labels?.length &&
          !v.getAttribute('aria-label') &&
          !v.getAttribute('aria-labelledby'),
      )
      .map((v) => v.id || v.outerHTML),
  );
  expect(naamloos, `${naam}: velden zonder label`).toEqual([]);
  expect(await pagina.content()).not.toMatch(/\bat [\w.]+ \(|TypeError|interne fout/);
  mkdirSync(SCHERMAFDRUKKEN, { recursive: true });
  await pagina.screenshot({ path: join(SCHERMAFDRUKKEN, `${naam}.png`), fullPage: true });
  await pagina.screenshot({ path: join(SCHERMAFDRUKKEN, `${naam}-boven.png`) });
}

/** Clicks a button that downloads, and gives the file's name and bytes (or what the page showed instead). */
export async function download(pagina: Page, knop: string | RegExp): Promise<{ naam: string; pad: string }> {
  const d = pagina.waitForEvent('download');
  await pagina.getByRole('button', { name: knop }).click();
  const klaar = await d.catch(async (e: unknown) => {
    throw new Error(
      `${String(e)}\n${await pagina.locator('[role=alert]').allTextContents()}\n${(await pagina.locator('#inhoud').innerText()).slice(-600)}`,
    );
  });
  return { naam: klaar.suggestedFilename(), pad: (await klaar.path())! };
}

/** The text of a PDF as pdftotext gives it, on one line (page breaks and footers out). */
export function pdfTekst(pad: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pad, '-'], { encoding: 'utf8' })
    .replace(/\f/g, ' ')
    .replace(/pagina \d+ van \d+/g, ' ')
    .replace(/\s+/g, ' ');
}
