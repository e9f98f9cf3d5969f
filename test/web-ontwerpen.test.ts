import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ONTWERP_2027, RONDE_2027 } from './ontwerp-2027.ts';
import {
  download,
  keurPagina,
  meldAan,
  nieuwePagina,
  pdfTekst,
  startWeb,
  token,
  type WebOpzet,
} from './web-opzet.ts';

/**
 * Done-when point 2 of issue 13, in the browser: a Dinkelland draft for 2027 (articles 5 and 13 in
 * line with the 2026 law, as the conformance check reports) carried by the policy officer through
 * draft → conformance → impact → a round with two points → reply letter → raadsvoorstel → adopted →
 * in force, where the casemanager's evaluation on the day before geldigVanaf uses the 2015 version
 * and on that day the new one. On the embedded store, or with DATABASE_URL on PostgreSQL.
 */

let web: WebOpzet;
beforeAll(async () => {
  web = await startWeb('web-ontwerpen', 'd'.repeat(64));
}, 240_000);
afterAll(async () => web?.stop());

const G = 'dinkelland';

describe('een ontwerp van ontwerp tot in werking, in de browser', { timeout: 400_000 }, () => {
  it('Dinkelland 2027: toets, impact, adviesronde, antwoordbrief, raadsvoorstel, vaststelling, in werking', async () => {
    const p = await nieuwePagina(web.browser);
    await meldAan(p, web.url, 'beleidsmedewerker@dinkelland');
    await p.goto(`${web.url}/${G}`);
    await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Ontwerpen' }).click();
    await expect.poll(() => p.getByRole('heading', { level: 1, name: 'Ontwerpen' }).count()).toBe(1);
    await keurPagina(p, 'ontwerp-01-lijst');

    // From the conformance findings on the draft's date to a new draft resting on the version in force.
    await p.goto(`${web.url}/${G}/conformiteit?datum=2027-01-01`);
    await p.getByRole('link', { name: /Begin een ontwerp van de .* dat deze bevindingen oplost/ }).click();
    await expect.poll(() => p.getByLabel('Gaat in op').inputValue()).toBe('2027-01-01');
    await p.getByRole('button', { name: 'Begin bij de versie in werking' }).click();
    const tekst = p.getByLabel('Tekst van het ontwerp (YAML)');
    await expect
      .poll(() => tekst.inputValue())
      .toContain('basis: dinkelland/re-integratieverordening@2015-07-01');
    // A wrong draft: the loader's message with file, line and field.
    await tekst.fill(ONTWERP_2027.replace('maximaal: { maanden: 2 }', 'maximaal: { maanden: twee }'));
    await p.getByRole('button', { name: 'Ontwerp opslaan' }).click();
    const melding = p.getByRole('alert').filter({ hasText: 'het ontwerp is ongeldig' });
    await expect.poll(() => melding.count()).toBe(1);
    expect(await melding.innerText()).toMatch(/2027-01-01\.yaml:\d+:\d+/);
    expect(await melding.innerText()).toMatch(/regel \d+/);
    await keurPagina(p, 'ontwerp-02-nieuw-met-fout');
    await tekst.fill(ONTWERP_2027);
    await p.getByRole('button', { name: 'Ontwerp opslaan' }).click();
    await expect.poll(() => p.getByTestId('ontwerp-status').textContent()).toBe('Ontwerp');
    const id = /ontwerpen\/([0-9a-f-]{36})/.exec(p.url())![1]!;

    // Conformance and impact of the draft: the raadsvoorstel's own figures.
    await p.getByRole('button', { name: 'Toets en impact berekenen' }).click();
    await expect
      .poll(() => p.getByRole('heading', { name: /^Impact op 1 januari 2027/ }).count(), { timeout: 120_000 })
      .toBe(1);
    const t = await token(web.url, 'beleidsmedewerker@dinkelland');
    const cijfers = (await (
      await fetch(`${web.url}/gemeenten/${G}/ontwerpen/${id}/cijfers`, {
        headers: { authorization: `Bearer ${t}` },
      })
    ).json()) as {
      bevindingen: { conflict: { artikel: string; soort: string }; blijft: boolean }[];
      impact: {
        gewijzigd: number;
        casussen: number;
        metAanvraag: number;
        bron: { inwoners: number };
        voorzieningen: {
          voorziening: string;
          aanvragen: { overgangen: { van: string; naar: string; aantal: number }[] };
        }[];
      };
      nieuweOordelen: {
        beoordeeld: number;
        aanvragen: number;
        perVoorziening: {
          voorziening: string;
          overgangen: { van: string; naar: string; aantal: number }[];
        }[];
        vragen: { vraag: string; uitleg: string }[];
      };
    };
    expect(cijfers.impact.gewijzigd).toBeGreaterThan(0);
    const toets = await p.getByRole('heading', { name: /^Toets aan de wet: \d+ bevindingen/ }).innerText();
    expect(toets).toContain(`${cijfers.bevindingen.length} bevindingen`);
    expect(toets).toContain(
      `${cijfers.bevindingen.filter((b) => !b.blijft).length} opgelost door het ontwerp`,
    );
    expect(
      cijfers.bevindingen
        .filter((b) => ['5', '13'].includes(b.conflict.artikel) && b.conflict.soort !== 'gewijzigd')
        .map((b) => b.blijft),
    ).toEqual([false, false]);
    expect(await p.getByRole('heading', { name: /^Impact op 1 januari 2027/ }).innerText()).toContain(
      `${cijfers.impact.gewijzigd} van ${cijfers.impact.casussen} casussen`,
    );
    expect(await p.locator('#inhoud').innerText()).toContain(
      'Regionale modelverordening re-integratie Participatiewet regio Twente 2015',
    );
    // Which requests need a new judgement under the draft, with the same numbers as the impact.
    const n = cijfers.nieuweOordelen;
    expect(n.beoordeeld).toBe(cijfers.impact.metAanvraag);
    const naarOordeel = (lijst: readonly { van: string; naar: string; aantal: number }[] | undefined) =>
      lijst?.find((o) => o.van === 'toegestaan' && o.naar === 'ter-beoordeling')?.aantal ?? 0;
    for (const v of cijfers.impact.voorzieningen)
      expect(naarOordeel(n.perVoorziening.find((x) => x.voorziening === v.voorziening)?.overgangen)).toBe(
        naarOordeel(v.aanvragen.overgangen),
      );
    const samenvatting = await p.getByTestId('nieuwe-oordelen-samenvatting').innerText();
    expect(samenvatting).toContain(
      n.aanvragen === 0
        ? `bij geen van de ${n.beoordeeld} aanvragen`
        : `bij ${n.aanvragen} van de ${n.beoordeeld} aanvragen en lopende voorzieningen een nieuw oordeel van het college nodig`,
    );
    const sectie = await p.locator('section[aria-labelledby="nieuwe-oordelen"]').innerText();
    for (const q of n.vragen) {
      expect(sectie).toContain(q.vraag);
      expect(sectie).toContain(q.uitleg);
    }
    await keurPagina(p, 'ontwerp-03-cijfers');

    // An advice round with two points and the college's reactions, through the form.
    const r = RONDE_2027;
    await p.getByLabel('Adviesorgaan', { exact: true }).fill(r.adviesorganen[0]!.naam);
    await p.getByLabel('Onderwerp van de adviesvraag').fill(r.onderwerp);
    await p.getByLabel('Advies gevraagd op').fill(r.gevraagdOp);
    await p.getByLabel('Advies ontvangen op').fill(r.ontvangenOp);
    await p
      .getByLabel('Document met het advies')
      .fill('Adviesbrief van de Kliëntenraad Almelo van 1 oktober 2026');
    // Sent without the points first: the summary names each missing field.
    await p.getByRole('button', { name: 'Adviesronde vastleggen' }).click();
    await expect
      .poll(() => p.getByRole('alert').filter({ hasText: 'Punt 1: vul het advies in' }).count())
      .toBe(1);
    await p.getByRole('button', { name: 'Punt toevoegen' }).click();
    for (const [i, punt] of r.punten.entries()) {
      await p.locator(`#punt-${i}-thema`).fill(punt.thema);
      await p
        .locator(`#punt-${i}-artikel`)
        .fill(punt.artikelen.map((a) => `${a.artikel}${'lid' in a ? ` lid ${a.lid}` : ''}`).join(', '));
      await p.locator(`#punt-${i}-advies`).fill(punt.advies);
      await p.locator(`#punt-${i}-uitkomst`).selectOption(punt.reactie.uitkomst);
      await p.locator(`#punt-${i}-reactie`).fill(punt.reactie.tekst);
      await p.locator(`#punt-${i}-toelichting`).fill(punt.reactie.uitkomstToelichting);
    }
    await p.getByRole('button', { name: 'Adviesronde vastleggen' }).click();
    await expect
      .poll(() => p.getByRole('heading', { name: /^Advies van Kliëntenraad Almelo/ }).count())
      .toBe(1);
    for (const punt of r.punten)
      expect(await p.locator('.paneel').first().innerText()).toContain(punt.reactie.tekst);
    await keurPagina(p, 'ontwerp-04-adviesronde');

    // The reply letter.
    const brief = pdfTekst((await download(p, 'Antwoordbrief (PDF)')).pad);
    for (const punt of r.punten) {
      expect(brief).toContain(punt.advies);
      expect(brief).toContain(punt.reactie.tekst);
    }

    // To the council; the raadsvoorstel holds the diff, the impact figures and both reactions.
    await p.getByRole('button', { name: 'Naar de raad sturen' }).click();
    await expect
      .poll(() => p.getByTestId('ontwerp-status').textContent())
      .toBe('Bij de raad (raadsvoorstel)');
    const rv = pdfTekst((await download(p, 'Raadsvoorstel (PDF)')).pad);
    expect(rv).toContain('duur: {"maanden":3} → {"maanden":2}');
    expect(rv).toContain('grondslag gewijzigd');
    expect(rv).toContain('Afwijkingen van het regionale model');
    expect(rv).toContain(
      `${cijfers.impact.bron.inwoners} inwoners, ${cijfers.impact.casussen} beoordelingen`,
    );
    expect(rv).toContain(`Bij ${cijfers.impact.gewijzigd} beoordelingen verandert de uitkomst.`);
    for (const punt of r.punten) expect(rv).toContain(punt.reactie.tekst);
    expect(rv).toContain('Uitkomst: overgenomen.');
    expect(rv).toContain('Uitkomst: niet overgenomen.');
    const html = await download(p, 'Raadsvoorstel (HTML)');
    expect(html.naam).toBe('raadsvoorstel.html');

    // Adopted.
    await p.getByLabel('Datum van het raadsbesluit').fill('2026-12-10');
    await p.getByRole('button', { name: 'Vaststelling vastleggen' }).click();
    await expect.poll(() => p.getByTestId('ontwerp-status').textContent()).toBe('Vastgesteld door de raad');
    await keurPagina(p, 'ontwerp-05-vastgesteld');

    // In force: the casemanager's evaluation of a client on the day before and on geldigVanaf.
    const c = await nieuwePagina(web.browser);
    await meldAan(c, web.url, 'casemanager@dinkelland');
    const tc = await token(web.url, 'casemanager@dinkelland');
    const lijst = (await (
      await fetch(`${web.url}/gemeenten/${G}/inwoners?limiet=5`, {
        headers: { authorization: `Bearer ${tc}`, 'x-doel': 'uitvoering re-integratie' },
      })
    ).json()) as { items?: { id: string }[] } | { id: string }[];
    const client = (Array.isArray(lijst) ? lijst : (lijst.items ?? []))[0]!.id;
    await c.goto(`${web.url}/${G}/clienten/${client}/aanbod`);
    const versieOp = async (dag: string) => {
      await c.getByLabel('Peildatum').fill(dag);
      await c.getByRole('button', { name: 'Opnieuw beoordelen' }).click();
      await expect
        .poll(() =>
          c
            .getByRole('heading', {
              name: `Uitkomst op ${new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(dag))}`,
            })
            .count(),
        )
        .toBe(1);
      return c.getByTestId('beoordeeld-met').innerText();
    };
    expect(await versieOp('2026-12-31')).toContain(
      'Re-integratieverordening Participatiewet gemeente Dinkelland 2015 (versie van 1 juli 2015)',
    );
    const op = await versieOp('2027-01-01');
    expect(op).toContain(
      'Re-integratieverordening Participatiewet gemeente Dinkelland 2027 (versie van 1 januari 2027)',
    );
    expect(op).not.toContain('Dinkelland 2015');
    await keurPagina(c, 'ontwerp-06-in-werking');
    await c.context().close();
    await p.context().close();
  });
});
