#!/usr/bin/env node
// Runs the compiled CLI in dist/, which `npm ci` builds (the `prepare` script runs scripts/bouw.mjs),
// so a start loads JavaScript instead of transpiling TypeScript. REINTEGRATIE_BRON=src runs the
// TypeScript sources through tsx instead, as the tests do for the programs they start.
//
// This file is CommonJS (bin/package.json): an ES module as entry point starts Node's ES module
// loader (fs/promises, an asynchronous read of this file), some 8 ms of every start, and it loads
// nothing else. Built-ins come through require(): their ES module facades would load much this
// program never uses (node:fs's reads fs/promises, the streams and readline).
'use strict';
const { isAscii } = require('node:buffer');
const { readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const vm = require('node:vm');

const ROOT = join(__dirname, '..');

/** In a checkout, the first source file changed after the build began, if any (file times: cheap). */
function nieuwerDan(map, tijd) {
  for (const d of readdirSync(map, { withFileTypes: true })) {
    // Not join(): normalising 200 paths that are already normal is a measurable part of this walk.
    const pad = `${map}${sep}${d.name}`;
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
  const ontbreekt = 'de gebouwde code ontbreekt (dist/): voer npm run build uit (npm ci doet dat ook)';
  try {
    stempel = JSON.parse(readFileSync(join(ROOT, 'dist', 'bouw.json'), 'utf8'));
  } catch {
    return ontbreekt;
  }
  let bron;
  try {
    bron = nieuwerDan(join(ROOT, 'src'), stempel.begonnen);
  } catch {
    // An installation without src/: dist/ is all there is.
  }
  if (bron)
    return `dist/ is ouder dan ${relative(ROOT, bron)}: voer npm run build uit (of REINTEGRATIE_BRON=src om de bronnen te draaien)`;
  const script = join(ROOT, 'dist', 'app', 'main.cjs');
  let tekst;
  try {
    const bytes = readFileSync(script);
    // The build makes the script ASCII (scripts/bouw.mjs): as Latin-1 it becomes a one-byte string
    // without decoding, a quarter of the time UTF-8 takes for 2.5 MB, and half the memory.
    tekst = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  } catch {
    // A dist/ from before the build made one script has the stamp but not the script.
    return ontbreekt;
  }
  return gebouwd(script, tekst, process.argv[2]);
}

/**
 * Runs the built script (one CommonJS bundle) through vm.Script with V8's code cache: Node 20 keeps
 * no compiled code between starts, and compiling the program anew was a good part of every start.
 * The cache lies next to the script under the name of the sources it was built from (its first
 * line), of the command and of the V8 version: V8 itself checks only the length of the text and its own flags, so a
 * cache must never meet another text. A rejected cache (other flags) is written anew; a folder that
 * cannot be written costs the next start its speed, nothing else.
 */
function gebouwd(bestand, tekst, opdracht) {
  const bron = /^\/\* reintegratie-bron ([0-9a-f]{64}) \*\//.exec(tekst)?.[1];
  // One per command: each runs other code, and a cache holds what its first run compiled.
  const soort = /^[a-z-]{1,40}$/.test(opdracht ?? '') ? opdracht : 'overig';
  const cache =
    bron && join(bestand, '..', `main-${bron.slice(0, 32)}-${soort}-v8-${process.versions.v8}.cache`);
  let cachedData;
  try {
    cachedData = cache && readFileSync(cache);
  } catch {
    // No cache yet.
  }
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __bestandUrl) {${tekst}\n})`,
    { filename: bestand, cachedData },
  );
  const module = { exports: {} };
  script.runInThisContext()(
    module.exports,
    createRequire(bestand),
    module,
    bestand,
    join(bestand, '..'),
    pathToFileURL(bestand).href,
  );
  const bewaar = () => {
    if (!cache || (cachedData && !script.cachedDataRejected)) return;
    try {
      const tijdelijk = `${cache}.${process.pid}.tmp`;
      writeFileSync(tijdelijk, script.createCachedData());
      renameSync(tijdelijk, cache);
    } catch {
      // See above.
    }
  };
  return {
    main: async (argv) => {
      try {
        return await module.exports.main(argv);
      } finally {
        // After the run, so the cache also holds the functions the run compiled.
        bewaar();
      }
    },
  };
}

// A reader that stops early (`reintegratie caseload | head`) closes the pipe: the output is no longer
// wanted, so the program stops quietly, as Unix tools do, instead of dying of an unhandled EPIPE with a
// stack trace on stderr. Any other write error stays what it was.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

start().then(async (cli) => {
  if (typeof cli === 'string') {
    process.stderr.write(`reintegratie: ${cli}\n`);
    process.exitCode = 2;
  } else process.exitCode = await cli.main(process.argv.slice(2));
});
