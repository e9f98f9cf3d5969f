import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { vulDemo } from '../src/api/demo.ts';
import { maakBsnKluis } from '../src/beveiliging/bsn.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { ROLLEN } from '../src/opslag/schema.ts';
import { startApi, type TestApi } from './api-opzet.ts';
import { type Ids, idsVan, type Operatie, operaties, voorbeeldBody, vulPad } from './api-voorbeelden.ts';
import { standaardEngine } from './helpers.ts';
import { OPSLAGEN, TEST_SLEUTEL } from './opslagen.ts';

const engine = standaardEngine();
const kluis = maakBsnKluis(TEST_SLEUTEL);
const BSN = '123456782';

/** Values no field of this API accepts as they are; each replaces one field of a valid body in turn. */
const SLECHTE_WAARDEN: readonly unknown[] = [
  null,
  true,
  0,
  -1,
  2_147_483_648,
  -2_147_483_649,
  9_007_199_254_740_993,
  1e308,
  0.5,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  'x'.repeat(20_000),
  'x'.repeat(1_500),
  '0000-01-01',
  '2016-02-30',
  '1899-12-31',
  '99999-01-01',
  BSN,
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  "1' OR '1'='1",
  '\ud800',
  '🙂',
  [],
  {},
  [1, 2, 3],
  { $gt: '' },
];

/** Whole bodies that are not what any JSON route takes. */
const SLECHTE_BODIES: readonly string[] = [
  '',
  ' ',
  '{',
  '{"a":',
  'null',
  '[]',
  '"tekst"',
  '123',
  'true',
  '{"a":1}{"b":2}',
  '\u0000',
  '\ufeff{}',
  '{"x":1e999}',
  '{"x":"\\u0000"}',
  '{"\\u0000":1}',
  `{"${'k'.repeat(600)}":1}`,
  '['.repeat(200) + ']'.repeat(200),
  `{"x":${'['.repeat(100)}${']'.repeat(100)}}`,
  'a=b&c=d',
  `{"x":"${'y'.repeat(1_100_000)}"}`,
];

const SLECHTE_TYPES: readonly (string | undefined)[] = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/jsonx',
  'application/xml',
];

const SLECHTE_IDS = [
  'x',
  BSN,
  '1',
  '-1',
  '99999999999999999999',
  '00000000-0000-0000-0000-00000000000g',
  'A'.repeat(600),
  '%00',
  '%ZZ',
  '%2e%2e',
  "1'%20OR%20'1'%3D'1",
  '1e400',
];
const SLECHTE_JAREN = [
  '0',
  '-1',
  '1999',
  '2101',
  '2147483648',
  '1e3',
  'abc',
  '2015.5',
  '99999999999999999999',
];
const SLECHTE_QUERY = [
  '',
  '%00',
  'a'.repeat(600),
  '0000-01-01',
  '2016-02-30',
  '-1',
  '1e400',
  'NaN',
  '99999999999999999999',
  BSN,
  'x',
];
const SLECHTE_KOPPEN: readonly Record<string, string>[] = [
  { 'idempotency-key': 'k'.repeat(3_000) },
  { 'idempotency-key': 'met spatie' },
  { 'idempotency-key': 'é' },
  { 'x-doel': '' },
  { 'x-doel': 'd'.repeat(5_000) },
  { 'x-doel': BSN },
  { 'x-doel': 'bsn 123 456 782' },
  { 'x-doel': 'onbekend doel' },
  { 'if-match': 'W/"99999999999999999999"' },
  { 'if-match': '"-1"' },
  { 'if-match': '*' },
  { 'if-match': 'i'.repeat(100) },
  { authorization: `Bearer ${'a'.repeat(5_000)}` },
  { authorization: 'Basic YTpi' },
  { authorization: 'Bearer' },
];

interface Verzoek {
  readonly beschrijving: string;
  readonly methode: string;
  readonly pad: string;
  readonly body?: string;
  readonly koppen: Record<string, string>;
}

function verzoekenVoor(op: Operatie, ids: Ids): Verzoek[] {
  const uit: Verzoek[] = [];
  const pad = vulPad(op.pad, 'dinkelland', ids);
  const voorbeeld = op.body ? voorbeeldBody(op.methode, op.pad, ids) : undefined;
  if (op.body && !voorbeeld)
    throw new Error(`geen voorbeeldbody voor ${op.methode} ${op.pad}: voeg er een toe`);
  const json = {
    'content-type': 'application/json',
    'if-match': 'W/"1"',
    'x-doel': 'uitvoering re-integratie',
  };
  const geldig = voorbeeld === undefined ? undefined : JSON.stringify(voorbeeld);
  const basis = (beschrijving: string, rest: Partial<Verzoek>): Verzoek => ({
    beschrijving: `${op.methode} ${op.pad}: ${beschrijving}`,
    methode: op.methode,
    pad,
    koppen: json,
    ...(geldig === undefined ? {} : { body: geldig }),
    ...rest,
  });

  // Path parameters, one at a time.
  for (const param of op.pad.match(/\{(\w+)\}/g) ?? []) {
    const waarden =
      param === '{jaar}'
        ? SLECHTE_JAREN
        : param === '{gemeente}'
          ? ['DINKELLAND', 'zevenaar', 'g'.repeat(600), '%00', '%2e%2e', 'onbekend']
          : param === '{voorziening}'
            ? ['onbekend', 'v'.repeat(600), '%00']
            : SLECHTE_IDS;
    for (const w of waarden) {
      const gevuld = vulPad(op.pad.replace(param, '\u0001'), 'dinkelland', ids).replace('\u0001', w);
      uit.push(basis(`${param}=${w.slice(0, 20)}`, { pad: gevuld }));
    }
  }
  // Query parameters, one at a time, and one the route does not know.
  for (const naam of [...op.query, 'onbekend']) {
    for (const w of SLECHTE_QUERY)
      uit.push(basis(`?${naam}=${w.slice(0, 20)}`, { pad: `${pad}?${naam}=${w}` }));
  }
  // Headers.
  for (const k of SLECHTE_KOPPEN) uit.push(basis(`kop ${Object.keys(k)[0]}`, { koppen: { ...json, ...k } }));
  if (voorbeeld) {
    for (const b of SLECHTE_BODIES) uit.push(basis(`body ${JSON.stringify(b.slice(0, 20))}`, { body: b }));
    for (const t of SLECHTE_TYPES) {
      const koppen: Record<string, string> = { 'if-match': 'W/"1"', 'x-doel': 'uitvoering re-integratie' };
      if (t) koppen['content-type'] = t;
      uit.push(basis(`content-type ${t}`, { koppen }));
    }
    uit.push(basis('zonder body', { body: undefined as unknown as string }));
    for (const veld of Object.keys(voorbeeld)) {
      for (const w of SLECHTE_WAARDEN)
        uit.push(
          basis(`${veld}=${JSON.stringify(w)?.slice(0, 20)}`, {
            body: JSON.stringify({ ...voorbeeld, [veld]: w }),
          }),
        );
    }
    uit.push(basis('onbekend veld', { body: JSON.stringify({ ...voorbeeld, onbekend: 1 }) }));
  } else if (op.methode !== 'GET') {
    for (const b of SLECHTE_BODIES.slice(0, 8)) uit.push(basis(`body ${JSON.stringify(b)}`, { body: b }));
  }
  return uit;
}

/**
 * Malformed requests over every route the API describes, generated from /openapi.json: each path
 * parameter, query parameter, header and body field in turn replaced by something no field takes,
 * and whole bodies and media types that no JSON route takes. None may answer 5xx or hang, every
 * refusal is problem+json, every 400 names a field, and no answer or log line repeats a BSN sent
 * where it does not belong.
 */
describe.each(OPSLAGEN)('geen 5xx op misvormde verzoeken op $naam', ({ naam, open }) => {
  let opslag: Opslag;
  let api: TestApi;
  let ids: Ids;

  beforeAll(async () => {
    opslag = await open(engine);
    await vulDemo(opslag.db, engine, kluis, { perGemeente: 15 });
    api = await startApi(
      opslag,
      engine,
      { eigen: ROLLEN.map((rol) => ({ gemeente: 'dinkelland', rol })) },
      '2026-11-02',
    );
    ids = await idsVan(opslag.db, 'dinkelland');
  }, 120_000);

  afterAll(async () => {
    await opslag?.sluit();
  });

  it('antwoordt op ruim 2.000 misvormde verzoeken nooit met 5xx en blijft nooit hangen', async () => {
    const doc = (await (await api.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, any>>;
    };
    const ops = operaties(doc);
    // Writes that change what later requests can reach (the purpose list, ending one's own session) go last.
    const laatst = (o: Operatie) =>
      Number(o.pad.endsWith('verwerkingsdoelen')) +
      2 * Number(o.pad === '/auth/logout' || o.pad.endsWith('intrekking'));
    ops.sort((a, b) => laatst(a) - laatst(b));
    const verzoeken = ops.flatMap((op) => verzoekenVoor(op, ids));
    expect(verzoeken.length).toBeGreaterThan(2_000);

    const fouten = vi.spyOn(console, 'error').mockImplementation(() => {});
    const logregels: string[] = [];
    const mislukt: string[] = [];
    let hangend = 0;
    const perStatus: Record<number, number> = {};
    try {
      for (const v of verzoeken) {
        const antwoord = api.ruw('eigen', v.methode, v.pad, v.koppen, v.body);
        const r = await Promise.race([
          antwoord,
          new Promise<'hangt'>((klaar) => setTimeout(() => klaar('hangt'), 10_000)),
        ]);
        if (r === 'hangt') {
          hangend++;
          mislukt.push(`${v.beschrijving}: hangt`);
          continue;
        }
        perStatus[r.status] = (perStatus[r.status] ?? 0) + 1;
        const tekst = await r.text();
        if (r.status >= 500) mislukt.push(`${v.beschrijving}: ${r.status} ${tekst.slice(0, 200)}`);
        else if (r.status >= 400) {
          if (r.headers.get('content-type') !== 'application/problem+json')
            mislukt.push(`${v.beschrijving}: ${r.status} zonder problem+json`);
          const p = JSON.parse(tekst) as { title?: string; velden?: { pad: string; bericht: string }[] };
          if (!p.title) mislukt.push(`${v.beschrijving}: ${r.status} zonder title`);
          if (r.status === 400 && !(p.velden?.length && p.velden.every((f) => f.pad && f.bericht)))
            mislukt.push(`${v.beschrijving}: 400 zonder veld (${tekst.slice(0, 120)})`);
        }
        // A BSN put where an id or a purpose belongs is never repeated in a refusal.
        const opPlekZonderBsn = v.pad.includes(BSN) || Object.values(v.koppen).some((k) => k.includes(BSN));
        if (r.status >= 400 && opPlekZonderBsn && tekst.includes(BSN))
          mislukt.push(`${v.beschrijving}: antwoord herhaalt het BSN`);
      }
    } finally {
      logregels.push(...fouten.mock.calls.map((c) => c.join(' ')));
      fouten.mockRestore();
    }
    for (const regel of logregels) {
      expect(regel).not.toContain(BSN);
      expect(regel).not.toContain(ids.inwoner);
    }
    expect(mislukt, `${naam}: ${JSON.stringify(perStatus)}`).toEqual([]);
    // Most requests got past sign-in: the checks behind it were reached, not just the 401.
    expect(perStatus[401] ?? 0, JSON.stringify(perStatus)).toBeLessThan(verzoeken.length / 10);
    expect(hangend).toBe(0);
  }, 600_000);
  it('weigert een body boven 1 MB met 413, ook als die zonder Content-Length binnenstroomt', async () => {
    const groot = JSON.stringify({ naam: 'x'.repeat(2 * 1024 * 1024) });
    const pad = `/gemeenten/dinkelland/inwoners/${ids.inwoner}/feiten`;
    const koppen = { 'content-type': 'application/json', 'x-doel': 'uitvoering re-integratie' };
    const vast = await api.ruw(
      'eigen',
      'POST',
      pad,
      { ...koppen, 'content-length': String(groot.length) },
      groot,
    );
    expect(vast.status).toBe(413);
    expect(vast.headers.get('content-type')).toBe('application/problem+json');
    // Streamed in pieces without a length: cut off once past the limit, not read to the end.
    let gelezen = 0;
    const stroom = new ReadableStream<Uint8Array>({
      pull(c) {
        if (gelezen >= 100 * 1024 * 1024) return c.close();
        gelezen += 64 * 1024;
        c.enqueue(new Uint8Array(64 * 1024).fill(120));
      },
    });
    const r = await api.app.request(pad, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token('eigen')}`, ...koppen },
      body: stroom,
      duplex: 'half',
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(gelezen).toBeLessThan(4 * 1024 * 1024);
  });
});
