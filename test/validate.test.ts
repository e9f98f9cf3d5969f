import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { laadBibliotheek, STANDAARD_WORTEL } from '../src/regelgeving/index.ts';
import { draai } from './helpers.ts';

/**
 * `reintegratie validate` checks each target with the tree it lies in: a policy officer's working
 * copy of `regelgeving/` is checked as itself, a draft outside any tree on top of this installation's.
 */

const DINKELLAND = join('gemeente', 'dinkelland', 're-integratieverordening', '2015-07-01.yaml');

function kopie(): string {
  const map = join(mkdtempSync(join(tmpdir(), 'validate-')), 'regelgeving');
  cpSync(STANDAARD_WORTEL, map, { recursive: true });
  return map;
}

function vervang(pad: string, oud: string, nieuw: string) {
  const tekst = readFileSync(pad, 'utf8');
  expect(tekst, `'${oud}' staat in ${pad}`).toContain(oud);
  writeFileSync(pad, tekst.replace(oud, nieuw));
}

const geladen = laadBibliotheek();
if (!geladen.ok) throw new Error('regelgeving laadt niet');
const AANTAL = geladen.waarde.regelingen.length;

describe('reintegratie validate', () => {
  it('telt de regelingen van een kopie van regelgeving/ elders', async () => {
    const map = kopie();
    const r = await draai('validate', map);
    expect(r.fout).toBe('');
    expect(r.code).toBe(0);
    expect(AANTAL).toBeGreaterThan(10);
    expect(r.uit).toBe(
      `${AANTAL} regeling(en) geldig (${geladen.waarde.parameters.size} landelijke parameters) in ${map}.`,
    );
  });

  it('meldt een fout in een kopie elders met bestand en regel (exit 1)', async () => {
    const map = kopie();
    const bestand = join(map, DINKELLAND);
    vervang(bestand, 'status: vastgesteld', 'status: besloten');
    const r = await draai('validate', map);
    expect(r.code).toBe(1);
    expect(r.fout).toMatch(new RegExp(`^${bestand}:\\d+:\\d+: status: `));
    // With only that gemeente's folder as target, its own error is named and what follows from it
    // elsewhere (Tubbergen rests on Dinkelland) is counted.
    const g = await draai('validate', join(map, 'gemeente', 'dinkelland'));
    expect(g.code).toBe(1);
    const [eigen, ...rest] = g.fout.split('\n');
    expect(r.fout.split('\n')).toContain(eigen);
    expect(eigen).toMatch(new RegExp(`^${bestand}:`));
    expect(rest).toEqual([
      `1 fout(en) in andere regelingsbestanden van ${map}; draai 'reintegratie validate ${map}' voor alles.`,
    ]);
  });

  it('toetst één bestand van een kopie met die kopie, niet met deze installatie', async () => {
    const map = kopie();
    const bestand = join(map, DINKELLAND);
    const r = await draai('validate', bestand);
    expect(r.code).toBe(0);
    expect(r.uit).toMatch(new RegExp(`^1 regeling\\(en\\) geldig .* in ${map}\\.$`));
    // Its errors are the copy's own, named by the copy's path.
    vervang(bestand, 'status: vastgesteld', 'status: besloten');
    const fout = await draai('validate', bestand);
    expect(fout.code).toBe(1);
    expect(fout.fout).toContain(bestand);
  });

  it('toetst een map met een ontwerp buiten elke boom op deze installatie', async () => {
    const map = mkdtempSync(join(tmpdir(), 'validate-ontwerp-'));
    mkdirSync(join(map, 'concept'));
    const ontwerp = join(map, 'concept', '2015-07-01.yaml');
    writeFileSync(
      ontwerp,
      readFileSync(join(STANDAARD_WORTEL, DINKELLAND), 'utf8').replace(
        'status: vastgesteld',
        'status: ontwerp',
      ),
    );
    const r = await draai('validate', map);
    expect(r.fout).toBe('');
    expect(r.code).toBe(0);
    expect(r.uit).toBe(`1 regeling(en) geldig (${geladen.waarde.parameters.size} landelijke parameters).`);
    vervang(ontwerp, 'status: ontwerp', 'status: besloten');
    const fout = await draai('validate', map);
    expect(fout.code).toBe(1);
    expect(fout.fout).toMatch(new RegExp(`^${ontwerp}:\\d+:\\d+: status: `));
  });
});
