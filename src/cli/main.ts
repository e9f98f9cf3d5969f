import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { configuratieUitOmgeving } from '../opslag/configuratie.ts';
import { maakEngine } from '../engine/index.ts';
import { formatteerFout, laadBibliotheek } from '../regelgeving/index.ts';
import { evaluate } from './evaluate.ts';
import { ordinances } from './ordinances.ts';
import { procesUitvoer, type Uitvoer } from './uitvoer.ts';

export const HULP = `reintegratie — re-integratieregels als uitvoerbare, uitlegbare regels

Gebruik:
  reintegratie evaluate <casus.json>... [--json]  beoordeel casussen (tabel, of JSON met --json)
  reintegratie ordinances                         welke regelingen zijn geladen, per gemeente en datum
  reintegratie validate [bestand|map ...]         controleer regelingsbestanden
  reintegratie test [bestand|map ...]             draai de conformiteitsgevallen (*.test.yaml)
  reintegratie diff <a.yaml> <b.yaml>             artikelen en parameters die verschillen
  reintegratie conformance --date JJJJ-MM-DD      gemeentelijke regels zonder geldende wettelijke grondslag
  reintegratie impact --to <versie> --date JJJJ-MM-DD [--from <versie>] [--generated N [--seed S] | --cases <bestand.ndjson> | --store]
                                                  wat een (ontwerp)versie verandert voor een caseload: uitkomsten en jaarlast
  reintegratie caseload --gemeente <slug> --date JJJJ-MM-DD --generated N [--seed S] [--out <bestand.ndjson>]
                                                  schrijf een synthetisch klantenbestand als NDJSON (invoer voor impact --cases)
  reintegratie brief --gemeente G --beschikking ID [--bezwaar ID] [--formaat pdf|html] [--out bestand]
  reintegratie voortgang --gemeente G --jaar J --periode N [--formaat pdf|html|json] [--out bestand]
  reintegratie srg --gemeente G --maand JJJJ-MM [--out bestand]
  reintegratie export --gemeente G --jaar J --periode KWARTAAL [--formaat csv|json] [--out bestand]
  reintegratie docs                               schrijf docs/feiten.md opnieuw
  reintegratie serve [--demo]                     start de HTTP-API (PORT, DATA_DIR, DATABASE_URL, DATABASE_MIGRATIE_URL, BSN_SLEUTEL)
  reintegratie seed-demo [--per-gemeente N]       vul de opslag met demogebruikers en een synthetisch klantenbestand
  reintegratie audit verify [--gemeente G] [--json]
                                                  controleer de hashketens van het auditspoor (exit 1 bij een breuk)
  reintegratie sleutel roteer --nieuw <bestand|env:NAAM>
                                                  versleutel alle BSN's opnieuw onder een nieuwe sleutel

Exitcodes: 0 in orde, 1 invoer ongeldig, 2 interne fout.`;

/**
 * Runs one CLI command and returns its exit code; never calls process.exit so tests can drive it.
 * Commands other than the everyday ones load their modules when they run, so a one-case evaluation
 * does not pay for the impact run, the conformance check or the server.
 */
export async function main(argv: readonly string[], uit: Uitvoer = procesUitvoer): Promise<number> {
  const [opdracht, ...rest] = argv;
  // Every command's promise is awaited (`return await`), so its rejection reaches the catch below
  // instead of escaping as an unhandled rejection with a stack trace.
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        date: { type: 'string' },
        demo: { type: 'boolean', default: false },
        'per-gemeente': { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        generated: { type: 'string' },
        seed: { type: 'string' },
        cases: { type: 'string' },
        threads: { type: 'string' },
        store: { type: 'boolean', default: false },
        gemeente: { type: 'string' },
        out: { type: 'string' },
        beschikking: { type: 'string' },
        bezwaar: { type: 'string' },
        jaar: { type: 'string' },
        periode: { type: 'string' },
        maand: { type: 'string' },
        formaat: { type: 'string' },
        nieuw: { type: 'string' },
      },
    });
    switch (opdracht) {
      case 'validate': {
        // With the advice rounds' schemas, which no other command of the CLI reads.
        const { validate } = await import('./validate.ts');
        return await validate(positionals, { quiet: values.quiet }, uit);
      }
      case 'ordinances': {
        const engine = laadEngine(uit);
        return engine ? ordinances(engine.bibliotheek, { json: values.json }, uit) : 2;
      }
      case 'conformance': {
        const engine = laadEngine(uit);
        if (!engine) return 2;
        const { conformance } = await import('./conformance.ts');
        return await conformance(values.date, { json: values.json }, engine, uit);
      }
      case 'caseload': {
        const engine = laadEngine(uit);
        if (!engine) return 2;
        const { caseload } = await import('./caseload.ts');
        const { gemeente, date, generated, seed, out } = values;
        return await caseload({ gemeente, date, generated, seed, out }, engine, uit);
      }
      case 'impact': {
        const engine = laadEngine(uit);
        if (!engine) return 2;
        if (positionals.length > 0) {
          uit.fout(`onverwacht argument '${positionals[0]}'`);
          return 1;
        }
        const { from, to, date, generated, seed, cases, store, threads, json } = values;
        const { impact } = await import('./impact.ts');
        return await impact(
          { from, to, date, generated, seed, cases, store, threads, json },
          engine,
          configuratieUitOmgeving(),
          uit,
        );
      }
      case 'brief':
      case 'voortgang':
      case 'srg':
      case 'export': {
        const engine = laadEngine(uit);
        if (!engine) return 2;
        const { documenten } = await import('./documenten.ts');
        return await documenten(opdracht, values, engine, configuratieUitOmgeving(), uit);
      }
      case 'diff': {
        const engine = laadEngine(uit);
        if (!engine) return 2;
        const { diff } = await import('./diff.ts');
        return await diff(positionals, { json: values.json }, engine.bibliotheek, uit);
      }
      case 'serve': {
        const config = configuratieUitOmgeving();
        // A stop asked for while the server starts (even right after it said it listens) waits for
        // the start and then closes the store cleanly; Node's default would end the process mid-write.
        let gevraagd = false;
        let stopNu = () => {
          gevraagd = true;
        };
        const opSignaal = () => stopNu();
        process.once('SIGINT', opSignaal);
        process.once('SIGTERM', opSignaal);
        try {
          // The embedded store takes longest to open (its WebAssembly compiles on another thread):
          // begin before the server's own modules load, so both happen at once.
          const { openOpslag } = await import('../opslag/database.ts');
          const opslag = openOpslag(config);
          opslag.catch(() => {});
          const { startServer } = await import('../api/server.ts');
          const server = await startServer(config, { demo: values.demo, log: (t) => uit.regel(t), opslag });
          await new Promise<void>((klaar) => {
            stopNu = () => void server.stop().then(klaar);
            if (gevraagd) stopNu();
          });
        } finally {
          process.off('SIGINT', opSignaal);
          process.off('SIGTERM', opSignaal);
        }
        return 0;
      }
      case 'seed-demo': {
        const { seedDemo } = await import('./seed-demo.ts');
        return await seedDemo(configuratieUitOmgeving(), values['per-gemeente'], uit);
      }
      case 'audit': {
        const { audit } = await import('./audit.ts');
        return await audit(
          positionals,
          { gemeente: values.gemeente, json: values.json },
          configuratieUitOmgeving(),
          uit,
        );
      }
      case 'sleutel': {
        const { sleutel } = await import('./sleutel.ts');
        return await sleutel(
          positionals,
          { nieuw: values.nieuw, json: values.json },
          configuratieUitOmgeving(),
          uit,
        );
      }
      case 'docs': {
        const engine = laadEngine(uit);
        if (!engine) return 2;
        const { feitenDocumentatie } = await import('../casus/documentatie.ts');
        writeFileSync(
          join(import.meta.dirname, '..', '..', 'docs', 'feiten.md'),
          feitenDocumentatie(engine.bibliotheek),
        );
        uit.regel('docs/feiten.md geschreven.');
        return 0;
      }
      case 'test': {
        const engine = laadEngine(uit);
        if (!engine) return 2;
        const { test } = await import('./test.ts');
        return await test(positionals, engine, uit);
      }
      case 'evaluate': {
        const engine = laadEngine(uit);
        return engine ? evaluate(positionals, { json: values.json }, engine, uit) : 2;
      }
      case undefined:
      case 'help':
      case '--help':
        uit.regel(HULP);
        return opdracht === undefined ? 1 : 0;
      default:
        uit.fout(`onbekende opdracht '${opdracht}'\n\n${HULP}`);
        return 1;
    }
  } catch (e) {
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      uit.fout(e.message);
      return 1;
    }
    // A refused key (missing, another one) is a setting to correct, said in plain words without a stack.
    // So is a store another process has open: say who has it, not a stack.
    if (e instanceof Error && (e.name === 'SleutelFout' || e.name === 'OpslagInGebruikFout')) {
      uit.fout(e.message);
      return 1;
    }
    uit.fout(`interne fout: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 2;
  }
}

function laadEngine(uit: Uitvoer) {
  const b = laadBibliotheek();
  if (!b.ok) {
    // The shipped regulation files are part of the program: if they do not load, that is an internal error.
    for (const f of b.fouten) uit.fout(formatteerFout(f));
    return undefined;
  }
  return maakEngine(b.waarde);
}
