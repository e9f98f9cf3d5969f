import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Opslag } from '../src/opslag/database.ts';
import { standaardEngine } from './helpers.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { OPSLAGEN } from './opslagen.ts';

/**
 * The API's request validation answers in Dutch: every 400 problem+json names the field path and
 * says what is wrong in Dutch, never zod's English ("Invalid input: expected string").
 */
const ENGELS =
  /\b(invalid|expected|received|input|required|must|unrecognized|too (small|big)|string|number|boolean|array|object|undefined)\b/i;

const engine = standaardEngine();

describe('Nederlandse meldingen bij ongeldige verzoeken', () => {
  let opslag: Opslag;
  let api: TestApi;
  const verzoek = (wie: string, methode: string, pad: string, body: unknown) =>
    api.verzoek(wie, methode, pad, body);
  const velden = async (r: Response) => {
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toBe('application/problem+json');
    const p = (await r.json()) as { title: string; velden: { pad: string; bericht: string }[] };
    for (const v of p.velden) expect(`${v.pad}: ${v.bericht}`).not.toMatch(ENGELS);
    expect(p.title).not.toMatch(ENGELS);
    return p.velden;
  };

  beforeAll(async () => {
    opslag = await OPSLAGEN[0]!.open(engine);
    api = await startApi(
      opslag,
      engine,
      {
        cm: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
        manager: [{ gemeente: 'dinkelland', rol: 'manager' }],
      },
      '2016-06-01',
    );
  }, 60_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  it('POST /evaluate zonder gemeente en met een getal als peildatum', async () => {
    const v = await velden(await verzoek('cm', 'POST', '/evaluate', { peildatum: 20160301, feiten: {} }));
    expect(v).toContainEqual({ pad: 'gemeente', bericht: 'ontbreekt: hier hoort tekst' });
    expect(v).toContainEqual({ pad: 'peildatum', bericht: 'verwacht tekst, niet een getal' });
  });

  it('POST /evaluate met een onbekende uitkering en een onbekend veld', async () => {
    const v = await velden(
      await verzoek('cm', 'POST', '/evaluate', {
        gemeente: 'dinkelland',
        peildatum: '2016-03-01',
        feiten: { uitkering: 'bijstand', urenperweek: 3 },
      }),
    );
    expect(v.find((x) => x.pad === 'feiten.uitkering')!.bericht).toMatch(
      /^deze waarde is niet toegestaan; toegestaan: algemene-bijstand, anw, geen, ioaw, ioaz, uwv-overig, wia$/,
    );
    // A fact the gemeente does not know is checked against its own vocabulary (national plus what its
    // regulations declare), once the request's shape is right.
    const onbekend = await velden(
      await verzoek('cm', 'POST', '/evaluate', {
        gemeente: 'dinkelland',
        peildatum: '2016-03-01',
        feiten: { uitkering: 'algemene-bijstand', urenperweek: 3 },
      }),
    );
    expect(onbekend.find((x) => x.pad === 'feiten.urenperweek')?.bericht).toMatch(
      /^onbekend feit 'urenperweek'; bekend in feiten: .*uitkering/,
    );
  });

  it('herhaalt geen waarde uit het verzoek (een BSN in het verkeerde veld)', async () => {
    const r = await verzoek('cm', 'POST', '/evaluate', {
      gemeente: 'dinkelland',
      peildatum: '2016-03-01',
      feiten: { uitkering: '123456782', urenPerWeek: '123456782' },
    });
    const tekst = await r.clone().text();
    await velden(r);
    expect(tekst).not.toContain('123456782');
  });

  it('POST /evaluate met een lijst in plaats van een aanvraag', async () => {
    const v = await velden(
      await verzoek('cm', 'POST', '/evaluate', {
        gemeente: 'dinkelland',
        peildatum: '2016-03-01',
        feiten: {},
        aanvraag: [],
      }),
    );
    expect(v).toContainEqual({
      pad: 'aanvraag',
      bericht: 'verwacht een map (sleutel: waarde), niet een lijst',
    });
  });

  it('PUT budget (beheer) met een bedrag als tekst en een ontbrekend besluit', async () => {
    const v = await velden(
      await verzoek('manager', 'PUT', '/gemeenten/dinkelland/budgetten/2016/participatieplaats', {
        plafondCent: '1000',
        artikel: '3',
      }),
    );
    expect(v).toContainEqual({ pad: 'plafondCent', bericht: 'verwacht een getal, niet tekst' });
    expect(v).toContainEqual({ pad: 'besluit', bericht: 'ontbreekt: hier hoort tekst' });
  });
});
