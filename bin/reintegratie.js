#!/usr/bin/env node
// Runs the compiled CLI in dist/, which `npm ci` builds (the `prepare` script runs scripts/bouw.mjs),
// so a start loads JavaScript instead of transpiling TypeScript. REINTEGRATIE_BRON=src runs the
// TypeScript sources through tsx instead, as the tests do for the programs they start.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** In a checkout, the first source file changed after the build began, if any (file times: cheap). */
function nieuwerDan(map, tijd) {
  for (const d of readdirSync(map, { withFileTypes: true })) {
    const pad = join(map, d.name);
    if (d.isDirectory()) {
      const gevonden = nieuwerDan(pad, tijd);
      if (gevonden) return gevonden;
    } else if (d.name.endsWith('.ts') && statSync(pad).mtimeMs > tijd) return pad;
  }
  return undefined;
}

async function start() {
  if (process.env.REINTEGRATIE_BRON === 'src') {
    const { register } = await import('tsx/esm/api');
    register();
    return import('../src/cli/main.ts');
  }
  let stempel;
  try {
    stempel = JSON.parse(readFileSync(join(ROOT, 'dist', 'bouw.json'), 'utf8'));
  } catch {
    return 'de gebouwde code ontbreekt (dist/): voer npm run build uit (npm ci doet dat ook)';
  }
  let bron;
  try {
    bron = nieuwerDan(join(ROOT, 'src'), stempel.begonnen);
  } catch {
    // An installation without src/: dist/ is all there is.
  }
  if (bron)
    return `dist/ is ouder dan ${relative(ROOT, bron)}: voer npm run build uit (of REINTEGRATIE_BRON=src om de bronnen te draaien)`;
  return import('../dist/app/main.js');
}

const cli = await start();
if (typeof cli === 'string') {
  process.stderr.write(`reintegratie: ${cli}\n`);
  process.exitCode = 2;
} else process.exitCode = await cli.main(process.argv.slice(2));
