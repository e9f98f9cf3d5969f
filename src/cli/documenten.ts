import { writeFileSync } from 'node:fs';
import { openBsnKluis } from '../administratie/sleutelbeheer.ts';
import { maakBrief } from '../documenten/brieven.ts';
import { laadDocumentConfiguratie } from '../documenten/configuratie.ts';
import { exportCsv, kwartaalExport } from '../documenten/exports.ts';
import { maakSrgLevering } from '../documenten/srg.ts';
import { maakVoortgangsrapportage, periodeVan } from '../documenten/voortgang.ts';
import type { Engine } from '../engine/index.ts';
import type { Configuratie } from '../opslag/configuratie.ts';
import { openOpslag } from '../opslag/database.ts';
import { migreerOpslag } from '../opslag/migreer.ts';
import { formatteerFout } from '../regelgeving/index.ts';
import type { Uitvoer } from './uitvoer.ts';

/**
 * reintegratie brief|voortgang|srg|export: the documents from the command line, as the system
 * (the audit trail records 'systeem'). Output goes to --out, or stdout for text formats.
 */
export async function documenten(
  opdracht: 'brief' | 'voortgang' | 'srg' | 'export',
  o: {
    gemeente?: string | undefined;
    beschikking?: string | undefined;
    bezwaar?: string | undefined;
    jaar?: string | undefined;
    periode?: string | undefined;
    maand?: string | undefined;
    formaat?: string | undefined;
    out?: string | undefined;
  },
  engine: Engine,
  config: Configuratie,
  uit: Uitvoer,
): Promise<number> {
  const c = laadDocumentConfiguratie();
  if (!c.ok) {
    for (const f of c.fouten) uit.fout(formatteerFout(f));
    return 1;
  }
  if (!o.gemeente) {
    uit.fout('--gemeente ontbreekt');
    return 1;
  }
  const ctx = { bibliotheek: engine.bibliotheek, configuratie: c.waarde };
  const opslag = await openOpslag(config);
  try {
    await migreerOpslag(config, opslag);
    const schrijf = (inhoud: Uint8Array | string, tekst: boolean) => {
      if (o.out) writeFileSync(o.out, inhoud);
      else if (tekst) uit.regel(String(inhoud));
      else {
        uit.fout('--out is nodig voor een PDF');
        return 1;
      }
      return 0;
    };
    const fout = (f: { bericht: string; velden?: readonly { pad: string; bericht: string }[] }) => {
      uit.fout(
        `${f.bericht}${f.velden ? `\n${f.velden.map((v) => `  ${v.pad}: ${v.bericht}`).join('\n')}` : ''}`,
      );
      return 1;
    };
    const formaat = o.formaat ?? 'pdf';
    if (opdracht === 'brief') {
      if (!o.beschikking) return fout({ bericht: '--beschikking ontbreekt' });
      const r = await maakBrief(opslag.db, ctx, undefined, o.gemeente, {
        beschikkingId: o.beschikking,
        bezwaarId: o.bezwaar,
      });
      if (!r.ok) return fout(r.fout);
      const d = r.waarde.documenten.find((x) => x.formaat === formaat);
      if (!d) return fout({ bericht: `formaat '${formaat}' bestaat niet; kies pdf of html` });
      return schrijf(d.inhoud, formaat !== 'pdf');
    }
    const jaar = Number(o.jaar);
    if (opdracht === 'voortgang' || opdracht === 'export') {
      const nummer = Number(o.periode);
      if (opdracht === 'export') {
        const instelling = c.waarde.get(o.gemeente);
        if (!instelling || !Number.isInteger(jaar) || ![1, 2, 3, 4].includes(nummer))
          return fout({ bericht: '--jaar JJJJ en --periode 1–4 (kwartaal) van een bekende gemeente' });
        const e = await kwartaalExport(
          opslag.db,
          o.gemeente,
          jaar,
          nummer,
          instelling.voortgangsrapportage.drempel,
          instelling.voortgangsrapportage.uitstroomNaarWerk,
        );
        return schrijf(formaat === 'csv' ? exportCsv(e) : JSON.stringify(e, null, 2), true);
      }
      const p = periodeVan(ctx, o.gemeente, jaar, nummer);
      if (!p.ok) return fout(p.fout);
      const r = await maakVoortgangsrapportage(opslag.db, ctx, undefined, o.gemeente, p.waarde);
      if (!r.ok) return fout(r.fout);
      const d = r.waarde.documenten.find((x) => x.formaat === formaat);
      if (!d) return fout({ bericht: `formaat '${formaat}' bestaat niet; kies pdf, html of json` });
      return schrijf(d.inhoud, formaat !== 'pdf');
    }
    const r = await maakSrgLevering(
      opslag.db,
      ctx,
      await openBsnKluis(opslag.db, config),
      o.gemeente,
      o.maand ?? '',
    );
    if (!r.ok) return fout(r.fout);
    uit.fout(
      `SRG ${r.waarde.levering.verslagmaand}: ${r.waarde.levering.records.length} records, ${r.waarde.levering.achtergehouden.reduce((s, a) => s + a.aantal, 0)} achtergehouden (zie 'achtergehouden')`,
    );
    return schrijf(JSON.stringify(r.waarde.levering, null, 2), true);
  } finally {
    await opslag.sluit();
  }
}
