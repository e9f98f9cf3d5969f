import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  download as laadNeer,
  ernstig,
  meldAan,
  nieuwePagina,
  SCHERMAFDRUKKEN,
  startWeb,
  token,
  type WebOpzet,
} from './web-opzet.ts';

/**
 * The document pages in a real browser (Debian's chromium through playwright-core) against the real
 * server with demo data (embedded store, or PostgreSQL with DATABASE_URL): the letter on a beschikking, shown and downloaded,
 * and the manager's reports page with the report (charts beside their tables) and its downloads.
 */

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let web: WebOpzet;

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
  const d = await laadNeer(pagina, knop);
  return { naam: d.naam, inhoud: readFileSync(d.pad) };
}

beforeAll(async () => {
  web = await startWeb('web-documenten', 'c'.repeat(64));
}, 240_000);

afterAll(async () => web?.stop());

describe('documenten in de webapplicatie', { timeout: 180_000 }, () => {
  it('toont de brief bij een beschikking en laat de PDF downloaden, dezelfde bytes als opgeslagen', async () => {
    const t = await token(web.url, 'casemanager@dinkelland');
    const kop = { authorization: `Bearer ${t}`, 'x-doel': 'uitvoering re-integratie' };
    const lijst = (await (
      await fetch(`${web.url}/gemeenten/dinkelland/inwoners?limiet=50`, { headers: kop })
    ).json()) as { items?: { id: string }[] } | { id: string }[];
    const inwoners = Array.isArray(lijst) ? lijst : (lijst.items ?? []);
    let client: string | undefined;
    for (const i of inwoners) {
      const b = (await (
        await fetch(`${web.url}/gemeenten/dinkelland/inwoners/${i.id}/beschikkingen`, { headers: kop })
      ).json()) as { id: string }[];
      if (b.length > 0) {
        client = i.id;
        break;
      }
    }
    expect(client).toBeDefined();

    const p = await nieuwePagina(web.browser);
    await meldAan(p, web.url, 'casemanager@dinkelland');
    await p.goto(`${web.url}/dinkelland/clienten/${client}`);
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
    const opgeslagen = await fetch(`${web.url}/gemeenten/dinkelland/beschikkingen/${id}/brief`, {
      headers: kop,
    });
    expect(opgeslagen.headers.get('etag')).toBe(`"${sha(pdf.inhoud)}"`);
    await p.context().close();
  });

  it('de rapportagepagina voor de manager: rapportage maken, grafiek met tabel, PDF, JSON en CSV', async () => {
    const p = await nieuwePagina(web.browser);
    await meldAan(p, web.url, 'manager@dinkelland');
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportages' }).click();
    await expect.poll(() => p.getByRole('heading', { name: 'Voortgangsrapportages' }).count()).toBe(1);
    const jaar = await p.locator('#rapport-jaar').inputValue();
    await p.locator('#rapport-periode').selectOption('1');
    await p.getByRole('button', { name: 'Rapportage maken' }).click();
    const rapport = p.frameLocator('iframe[title^="Voortgangsrapportage"]');
    // Each chart (ECharts SVG) sits beside its table, inside the report as stored.
    // The stored report streams into the frame: a chart can be there before the table after it.
    await expect.poll(() => rapport.locator('.blok svg').count()).toBeGreaterThan(0);
    await expect.poll(() => rapport.locator('.blok table').count()).toBeGreaterThan(0);
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
