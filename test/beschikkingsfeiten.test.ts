import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { leesBeschikkingsfeiten } from '../src/administratie/beschikkingsfeiten.ts';
import { maakGebruiker } from '../src/administratie/gebruikers.ts';
import { maakEngine } from '../src/engine/index.ts';
import type { Opslag } from '../src/opslag/database.ts';
import { verzoekDb } from '../src/opslag/transactie.ts';
import { voerVoorbereidUit } from '../src/opslag/voorbereid.ts';
import { laadBibliotheek } from '../src/regelgeving/index.ts';
import { OPSLAGEN } from './opslagen.ts';

/**
 * The facts read of a decision (issue 14 item 4): the reads of one turn go out as one statement, and
 * that statement keeps every key to its own gemeente.
 */
const b = laadBibliotheek();
if (!b.ok) throw new Error('regelgeving laadt niet');
const engine = maakEngine(b.waarde);

describe.each(OPSLAGEN)('feiten van een beschikking op $naam', ({ naam, open }) => {
  let opslag: Opslag;
  let door: string;
  let volgnummer = 0;

  beforeAll(async () => {
    opslag = await open(engine);
    door = await maakGebruiker(opslag.db, {
      gebruikersnaam: 'feiten',
      naam: 'feiten',
      wachtwoord: 'test-wachtwoord-1',
      rollen: [{ gemeente: 'dinkelland', rol: 'casemanager' }],
    });
  }, 60_000);
  afterAll(async () => {
    await opslag?.sluit();
  });

  const inwoner = async (gemeente: string, geboortedatum: string) =>
    (
      await opslag.db
        .insertInto('inwoner')
        .values({
          gemeente,
          bsnHash: `feiten-${++volgnummer}`,
          bsnVersleuteld: 'v1:x:y:z',
          naam: `Feiten ${volgnummer}`,
          geboortedatum,
          casemanagerId: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const feit = (
    gemeente: string,
    inwonerId: string,
    naam: string,
    waarde: unknown,
    geldigVanaf: string,
    db = opslag.db,
  ) =>
    db
      .insertInto('feit')
      .values({
        gemeente,
        inwonerId,
        naam,
        waarde: JSON.stringify(waarde),
        geldigVanaf,
        bron: 'test',
        vastgelegdDoor: door,
      })
      .execute();
  const kort = (rijen: readonly { geboortedatum: string | null; naam: string | null; waarde: unknown }[]) =>
    rijen.map((r) => [r.geboortedatum, r.naam, r.waarde]);

  it('leest de vragen van één beurt in één statement, elk in de eigen gemeente en op de eigen peildatum', async () => {
    const a = await inwoner('dinkelland', '1980-01-01');
    const z = await inwoner('zevenaar', '1990-02-02');
    await feit('dinkelland', a, 'uitkering', 'algemene-bijstand', '2016-01-01');
    await feit('dinkelland', a, 'urenPerWeek', 24, '2016-06-01');
    await feit('zevenaar', z, 'uitkering', 'ioaw', '2016-01-01');
    // A stray fact under another gemeente on an inwoner of zevenaar: it must not be read for zevenaar.
    await feit('dinkelland', z, 'geheim', 'van dinkelland', '2016-01-01');
    const uitvoeringen = vi.spyOn(opslag.db, 'executeQuery');
    try {
      const [eigen, later, vreemd, zevenaar] = await Promise.all([
        leesBeschikkingsfeiten(opslag.db, { gemeente: 'dinkelland', inwonerId: a, peildatum: '2016-05-01' }),
        leesBeschikkingsfeiten(opslag.db, { gemeente: 'dinkelland', inwonerId: a, peildatum: '2016-07-01' }),
        // An inwoner of dinkelland asked for under zevenaar: not found, not even the birth date.
        leesBeschikkingsfeiten(opslag.db, { gemeente: 'zevenaar', inwonerId: a, peildatum: '2016-07-01' }),
        leesBeschikkingsfeiten(opslag.db, { gemeente: 'zevenaar', inwonerId: z, peildatum: '2016-07-01' }),
      ]);
      expect(uitvoeringen).toHaveBeenCalledTimes(1);
      expect(kort(eigen)).toEqual([['1980-01-01', 'uitkering', 'algemene-bijstand']]);
      expect(kort(later)).toEqual([
        ['1980-01-01', 'uitkering', 'algemene-bijstand'],
        ['1980-01-01', 'urenPerWeek', 24],
      ]);
      expect(vreemd).toEqual([]);
      expect(kort(zevenaar)).toEqual([['1990-02-02', 'uitkering', 'ioaw']]);
      expect(eigen[0]!.inWerking).toBe('');
    } finally {
      uitvoeringen.mockRestore();
    }
  });

  it('leest na een mislukt groepsstatement elke vraag alleen, zodat één slechte de andere niet meeneemt', async () => {
    const a = await inwoner('dinkelland', '1975-03-03');
    await feit('dinkelland', a, 'uitkering', 'algemene-bijstand', '2016-01-01');
    const [goed, slecht] = await Promise.allSettled([
      leesBeschikkingsfeiten(opslag.db, { gemeente: 'dinkelland', inwonerId: a, peildatum: '2016-05-01' }),
      // Not a uuid: the grouped statement fails on its cast, and so does this key's lone read.
      leesBeschikkingsfeiten(opslag.db, {
        gemeente: 'dinkelland',
        inwonerId: 'geen-uuid',
        peildatum: '2016-05-01',
      }),
    ]);
    expect(goed.status).toBe('fulfilled');
    expect(goed.status === 'fulfilled' && kort(goed.value)).toEqual([
      ['1975-03-03', 'uitkering', 'algemene-bijstand'],
    ]);
    expect(slecht.status).toBe('rejected');
  });

  it('leest in de transactie van een verzoek in die transactie, met wat zij al schreef', async () => {
    const a = await inwoner('dinkelland', '1970-04-04');
    // As a write route sees the store: every statement goes to the request's transaction.
    const verzoek = verzoekDb(opslag.db);
    const rijen = await verzoek.metTransactie(async () => {
      await feit('dinkelland', a, 'uitkering', 'ioaw', '2016-01-01', verzoek.db);
      return leesBeschikkingsfeiten(verzoek.db, {
        gemeente: 'dinkelland',
        inwonerId: a,
        peildatum: '2016-05-01',
      });
    });
    expect(kort(rijen)).toEqual([['1970-04-04', 'uitkering', 'ioaw']]);
  }, 10_000);

  it.runIf(naam === 'postgres')(
    'bereidt een vaste tekst eenmaal per verbinding voor, onder een eigen naam',
    async () => {
      const tekst = 'select $1::int + 1 as n';
      const namen = await opslag.db.connection().execute(async (c) => {
        const een = await voerVoorbereidUit<{ n: number }>(c, 'proef', tekst, [1]);
        const twee = await voerVoorbereidUit<{ n: number }>(c, 'proef', tekst, [41]);
        expect([een.rows[0]!.n, twee.rows[0]!.n]).toEqual([2, 42]);
        const { rows } = await sql<{ name: string }>`select name from pg_prepared_statements
        where statement = ${tekst}`.execute(c);
        return rows.map((r) => r.name);
      });
      expect(namen).toHaveLength(1);
      expect(namen[0]).toMatch(/^proef_[0-9a-f]{12}$/);
    },
  );
});
