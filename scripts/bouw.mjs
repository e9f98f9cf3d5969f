#!/usr/bin/env node
// Builds dist/ from src/: the JavaScript that bin/reintegratie.js runs, so a start neither transpiles
// TypeScript nor resolves a few hundred small modules. `npm ci` runs it (the `prepare` script), and
// so do `npm test` and the npm scripts that start the program. When the sources have not changed
// since the last build (the same content hash over src/, package.json, the lockfile, tsconfig.json
// and this script) it only renews the stamp; `--check` builds nothing and exits 1 when dist/ is not
// current.
//
// esbuild bundles the CLI (one CommonJS script, dist/app/main.cjs, which bin/reintegratie.js runs
// with V8's code cache) and the impact worker together with the pure JavaScript packages they use; packages that
// read files of their own next to their code (PGlite's WebAssembly, pg, pg-boss, pdfkit's fonts)
// stay in node_modules, and so does echarts, which only the documents load. All output lies in
// dist/app/, as deep as the sources in src/<module>/, so code that finds the project root,
// package.json or regelgeving/ relative to its own file finds the same place built as from source.
// esbuild only transpiles: `npm run check` type-checks the same sources. The new tree is written
// next to dist/ and swapped in with a rename, so a program starting meanwhile never sees half a build.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const STEMPEL = join(DIST, 'bouw.json');
const PROGRAMMA = 'src/cli/main.ts';
/** Worker threads' modules, each a bundled file of its own beside the program (src/werkdraden/). */
const WERKERS = ['src/beleid/impact-werker.ts', 'src/documenten/opmaak-werker.ts'];
const BUITEN = [
  '@electric-sql/pglite',
  'pg',
  'pg-boss',
  'tsx',
  'pdfkit',
  'svg-to-pdfkit',
  'source-sans',
  'echarts',
];

/**
 * zod's namespace (`import { z } from 'zod'`) carries `z.locales`, the error messages in 50-odd
 * languages: as the namespace is used as a value, esbuild cannot shake them out, and they are a third
 * of the JavaScript every start compiles. Our code sets its own Dutch messages (src/api/validatie.ts)
 * on top of zod's default English, and nothing reads `z.locales`: the bundle gets English alone
 * (test/opstart.test.ts checks both that the bundle has no other language and that no source reads
 * `locales`).
 */
const alleenEngels = {
  name: 'zod-alleen-engels',
  setup(b) {
    b.onResolve({ filter: /\/locales\/index\.js$/ }, (a) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(a.importer)
        ? { path: join(dirname(a.importer), '..', 'locales', 'index.js'), namespace: 'zod-locales' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (a) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(a.path), 'en.js'))};`,
      loader: 'js',
      resolveDir: dirname(a.path),
    }));
  },
};

/**
 * esbuild writes code as ASCII (its default charset escapes other characters in strings and names)
 * but keeps comments as they are, and a handful of them (ours, zod's) hold a dash or a diaeresis.
 * One such character makes the 2.5 MB script a string V8 must decode from UTF-8 into two bytes a
 * character; an ASCII one bin/reintegratie.js reads as Latin-1, in a quarter of the time. So when
 * every other character stands in a comment (the script without comments is ASCII), those become
 * `\uXXXX` there. esbuild also keeps them in regular expressions and in String.raw templates, where
 * an escape would change the text: such a script stays as it is, and bin/ reads it as UTF-8.
 */
async function alsAscii(pad) {
  const tekst = readFileSync(pad, 'utf8');
  if (isAscii(Buffer.from(tekst))) return;
  const { code } = await transform(tekst, { minifyWhitespace: true, legalComments: 'none' });
  if (!isAscii(Buffer.from(code))) return;
  writeFileSync(
    pad,
    tekst.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

function bestanden(map) {
  return readdirSync(map, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => {
      const pad = join(map, d.name);
      return d.isDirectory() ? bestanden(pad) : [pad];
    });
}

/** The content hash of everything the build reads. */
function bronHash() {
  const hash = createHash('sha256');
  const invoer = [
    fileURLToPath(import.meta.url),
    join(ROOT, 'package.json'),
    join(ROOT, 'package-lock.json'),
    join(ROOT, 'tsconfig.json'),
    ...bestanden(join(ROOT, 'src')),
  ];
  for (const pad of invoer) {
    const inhoud = existsSync(pad) ? readFileSync(pad) : Buffer.alloc(0);
    hash.update(`${relative(ROOT, pad)} ${inhoud.length}\n`).update(inhoud);
  }
  return hash.digest('hex');
}

function stempel() {
  try {
    return JSON.parse(readFileSync(STEMPEL, 'utf8'));
  } catch {
    return undefined;
  }
}

const schrijfStempel = (pad, s) => writeFileSync(pad, `${JSON.stringify(s, null, 2)}\n`);

async function bouw() {
  const begonnen = Date.now();
  const bron = bronHash();
  const oud = stempel();
  if (oud?.bron === bron) {
    // Same sources: renew the stamp, so bin/reintegratie.js's quick check (file times) agrees again.
    schrijfStempel(STEMPEL, { ...oud, begonnen });
    return 'dist/ is actueel';
  }
  const nieuw = join(ROOT, `dist.nieuw-${process.pid}`);
  rmSync(nieuw, { recursive: true, force: true });
  try {
    const gedeeld = {
      absWorkingDir: ROOT,
      bundle: true,
      platform: 'node',
      target: 'node20',
      // jsonc-parser's main entry is UMD, which does not bundle; its ESM build does.
      mainFields: ['module', 'main'],
      external: BUITEN,
      plugins: [alleenEngels],
      logLevel: 'warning',
    };
    // The program is one CommonJS script, so bin/reintegratie.js can compile it through vm.Script
    // with V8's code cache (Node 20 has none for ES modules). Its code still finds its own place
    // through import.meta, which here is the script's file; the commands that load late are in
    // the same script, and the packages left outside are loaded with require().
    await build({
      ...gedeeld,
      entryPoints: [PROGRAMMA],
      outfile: join(nieuw, 'app', 'main.cjs'),
      format: 'cjs',
      supported: { 'dynamic-import': false },
      define: { 'import.meta.url': '__bestandUrl', 'import.meta.dirname': '__dirname' },
      // The first line names the sources the script was built from: its code cache is kept under
      // that name (bin/reintegratie.js), read from the very text that is compiled.
      banner: { js: `/* reintegratie-bron ${bron} */` },
    });
    await alsAscii(join(nieuw, 'app', 'main.cjs'));
    // Each worker thread's module is a file of its own.
    for (const werker of WERKERS)
      await build({
        ...gedeeld,
        entryPoints: [werker],
        outfile: join(nieuw, 'app', `${basename(werker, '.ts')}.js`),
        format: 'esm',
        // Bundled CommonJS packages (yaml) call require(); ESM has none of its own.
        banner: {
          js: "import { createRequire as __maakRequire } from 'node:module'; const require = __maakRequire(import.meta.url);",
        },
      });
    schrijfStempel(join(nieuw, 'bouw.json'), {
      bron,
      begonnen,
      gebouwd: new Date(begonnen).toISOString(),
    });
    const weg = join(ROOT, `dist.oud-${process.pid}`);
    if (existsSync(DIST)) renameSync(DIST, weg);
    renameSync(nieuw, DIST);
    rmSync(weg, { recursive: true, force: true });
  } finally {
    rmSync(nieuw, { recursive: true, force: true });
  }
  return `dist/ gebouwd in ${((Date.now() - begonnen) / 1000).toFixed(1)} s`;
}

if (process.argv.includes('--check')) {
  const actueel = stempel()?.bron === bronHash();
  if (!actueel) console.error('dist/ is niet actueel: voer npm run build uit');
  process.exitCode = actueel ? 0 : 1;
} else {
  const melding = await bouw();
  if (!process.argv.includes('--stil')) console.log(melding);
}
