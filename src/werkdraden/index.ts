import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Worker threads whose module is ours: built, it is a bundled file beside the program in dist/app;
 * from the sources (tests, REINTEGRATIE_BRON=src) it is TypeScript like the rest.
 */

/** Built (dist/, bundled JavaScript) or run from the TypeScript sources. */
export const GEBOUWD = !import.meta.url.endsWith('.ts');

/** The worker module `naam` (without extension) beside the module at `naast` (its import.meta.url). */
export function werkerModule(naam: string, naast: string): URL {
  return new URL(`./${naam}.${GEBOUWD ? 'js' : 'ts'}`, naast);
}

/**
 * From the sources the worker registers tsx before it loads its module. Its ESM entry is found
 * through tsx's own export map (`import.meta.resolve` is not there under every test runner, and
 * tsx's CommonJS entry cannot register the ESM hooks).
 */
function tsxApi(): string {
  const vraag = createRequire(import.meta.url);
  const pakket = vraag.resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(pakket, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  return pathToFileURL(join(dirname(pakket), exports['./esm/api']!.import.default)).href;
}

export function startWerkerModule(module: URL, workerData?: unknown): Worker {
  if (GEBOUWD) return new Worker(module, { workerData });
  const code = `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(code, { eval: true, workerData });
}
