#!/usr/bin/env node
// The registry this project installs from carries only the Linux builds of some native packages
// (GoRules Zen, for example). npm then leaves their other platform builds out of package-lock.json,
// and `npm ci` refuses a lockfile that lacks them. This script adds those entries with the os/cpu of
// their name, so npm knows it may skip them on this platform; `--check` only reports.
import { readFileSync, writeFileSync } from 'node:fs';

const bestand = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(bestand, 'utf8'));
const pakketten = lock.packages;
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openbsd', 'netbsd', 'sunos', 'aix'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 's390x', 'riscv64', 'loong64', 'mips64el', 'wasm32'];

const ontbrekend = [];
for (const [pad, pakket] of Object.entries(pakketten)) {
  for (const [naam, versie] of Object.entries(pakket.optionalDependencies ?? {})) {
    const sleutel = `node_modules/${naam}`;
    if (pakketten[sleutel] || pakketten[`${pad}/${sleutel}`]) continue;
    const delen = naam.split('/').pop().split('-');
    // Some packages spell the platform out ("napi-windows-…" for win32, an optional dependency of Vite).
    const os = delen.map((d) => (d === 'windows' ? 'win32' : d)).filter((d) => OS.includes(d));
    const cpu = delen.filter((d) => CPU.includes(d));
    const libc = delen.includes('musl') ? ['musl'] : delen.includes('gnu') ? ['glibc'] : [];
    if (os.length === 0 && cpu.length === 0) continue;
    ontbrekend.push(naam);
    pakketten[sleutel] = {
      // A lockfile holds versions, not ranges ("^0.1.0" would make npm ci call the entry missing).
      version: versie.replace(/^[\^~]/, ''),
      ...(pakket.dev ? { dev: true } : {}),
      optional: true,
      ...(os.length ? { os } : {}),
      ...(cpu.length ? { cpu } : {}),
      ...(libc.length ? { libc } : {}),
    };
  }
}
if (process.argv.includes('--check')) {
  if (ontbrekend.length > 0) {
    console.error(
      `package-lock.json mist platformpakketten (${ontbrekend.join(', ')}); draai: node scripts/lockfile-platformen.mjs`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(bestand, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(ontbrekend.length ? `toegevoegd: ${ontbrekend.join(', ')}` : 'niets toe te voegen');
}
