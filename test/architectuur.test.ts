import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The law and the engine must stay usable without a database or a web server: a batch run, the CLI
// and an outside check load them alone. This test reads every import and fails on a wrong direction.
const SRC = join(import.meta.dirname, '..', 'src');
const ZUIVER = [
  'kalender',
  'regels',
  'regelgeving',
  'casus',
  'engine',
  'taal',
  'testgevallen',
  'caseload',
  'beleid',
];
const INFRA = ['opslag', 'api', 'administratie', 'beveiliging', 'documenten'];

function bestanden(map: string): string[] {
  return readdirSync(map).flatMap((n) => {
    const p = join(map, n);
    return statSync(p).isDirectory() ? bestanden(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function importsVan(bestand: string): string[] {
  const tekst = readFileSync(bestand, 'utf8');
  return [
    ...tekst.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
    ...tekst.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
}

describe('lagen', () => {
  it('de regels en de engine importeren nooit de opslag, de API of de administratie', () => {
    const overtredingen: string[] = [];
    for (const module of ZUIVER) {
      for (const bestand of bestanden(join(SRC, module))) {
        for (const imp of importsVan(bestand)) {
          if (!imp.startsWith('.')) {
            if (
              [
                'kysely',
                'pg',
                '@electric-sql/pglite',
                'hono',
                '@hono/zod-openapi',
                '@hono/node-server',
                'react',
                'react-dom',
                'chart.js',
              ].includes(imp)
            )
              overtredingen.push(`${relative(SRC, bestand)} → ${imp}`);
            continue;
          }
          const doel = relative(SRC, join(bestand, '..', imp)).split('/')[0]!;
          if (INFRA.includes(doel)) overtredingen.push(`${relative(SRC, bestand)} → ${imp}`);
        }
      }
    }
    expect(overtredingen).toEqual([]);
  });

  it('de documenten komen na de opslag en kennen de HTTP-laag niet', () => {
    const overtredingen = bestanden(join(SRC, 'documenten')).flatMap((b) =>
      importsVan(b)
        .filter((i) => i.includes('/api/') || i.startsWith('hono'))
        .map((i) => `${relative(SRC, b)} → ${i}`),
    );
    expect(overtredingen).toEqual([]);
  });

  it('de opslag en de administratie kennen de HTTP-laag niet', () => {
    const overtredingen = [
      ...bestanden(join(SRC, 'opslag')),
      ...bestanden(join(SRC, 'administratie')),
    ].flatMap((b) =>
      importsVan(b)
        .filter((i) => i.includes('/api/') || i.startsWith('hono'))
        .map((i) => `${relative(SRC, b)} → ${i}`),
    );
    expect(overtredingen).toEqual([]);
  });

  it('de webapplicatie deelt met de server alleen de typen uit /openapi.json', () => {
    const web = join(SRC, '..', 'web', 'src');
    const bronnen = (map: string): string[] =>
      readdirSync(map).flatMap((n) => {
        const p = join(map, n);
        return statSync(p).isDirectory() ? bronnen(p) : /\.tsx?$/.test(p) ? [p] : [];
      });
    const overtredingen = bronnen(web).flatMap((b) =>
      importsVan(b)
        .filter((i) => i.startsWith('.') && relative(web, join(b, '..', i)).startsWith('..'))
        .map((i) => `${relative(web, b)} → ${i}`),
    );
    expect(bronnen(web).length).toBeGreaterThan(10);
    expect(overtredingen).toEqual([]);
  });
});
