import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOpslag } from '../src/opslag/database.ts';
import { migreer } from '../src/opslag/migreer.ts';

vi.setConfig({ testTimeout: 120_000 });

const voerUit = promisify(execFile);
const BIN = join(import.meta.dirname, '..', 'bin', 'reintegratie.js');
const mappen: string[] = [];
afterEach(() => {
  for (const m of mappen.splice(0)) rmSync(m, { recursive: true, force: true });
});
const nieuweMap = () => {
  const m = mkdtempSync(join(tmpdir(), 'slot-'));
  mappen.push(m);
  return m;
};

describe('de ingebedde opslag hoort bij één proces tegelijk', () => {
  it('weigert een tweede opening van dezelfde map en geeft haar vrij bij sluiten', async () => {
    const dataDir = nieuweMap();
    const eerste = await openOpslag({ dataDir });
    await expect(openOpslag({ dataDir })).rejects.toThrow(/al geopend door dit proces/);
    await eerste.sluit();
    expect(existsSync(join(dataDir, 'reintegratie.slot'))).toBe(false);
    const weer = await openOpslag({ dataDir });
    await weer.sluit();
  });

  it('een ander proces (audit verify terwijl de opslag open is) krijgt een Nederlandse melding en exit 1', async () => {
    const dataDir = nieuweMap();
    const o = await openOpslag({ dataDir });
    try {
      await migreer(o.db);
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const fout = await voerUit('node', [BIN, 'audit', 'verify'], { env }).then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      );
      expect(fout?.code).toBe(1);
      expect(fout?.stderr).toContain(`is al geopend door proces ${process.pid}`);
      expect(fout?.stderr).not.toMatch(/at .*\.ts:\d+/);
    } finally {
      await o.sluit();
    }
    // Once given back, the same command opens it.
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const { stdout } = await voerUit('node', [BIN, 'audit', 'verify'], { env });
    expect(stdout).toContain('auditspoor intact');
  });

  it('neemt een slot over dat een beëindigd proces achterliet', async () => {
    const dataDir = nieuweMap();
    const { stdout } = await voerUit('node', ['-e', 'process.stdout.write(String(process.pid))']);
    const dood = Number(stdout);
    writeFileSync(join(dataDir, 'reintegratie.slot'), String(dood));
    const o = await openOpslag({ dataDir });
    expect(readFileSync(join(dataDir, 'reintegratie.slot'), 'utf8')).toBe(String(process.pid));
    await o.sluit();
  });
});
