import type { Grond, Resultaat, VoorzieningUitkomst } from '../engine/index.ts';
import { bezwaartermijnEinde, plusDagen } from '../kalender/index.ts';
import type { Bibliotheek } from '../regelgeving/index.ts';
import { bedragTekst, datumTekst, feitLabel, opsomming } from '../taal/index.ts';
import type { DocumentConfiguratie } from './configuratie.ts';

/**
 * The content of a letter, built from what was stored when the decision was taken: the stored
 * evaluation and its grounds, the casemanager's recorded judgements, the amounts, terms and dates.
 * Nothing is judged again here; a letter years later says what the decision said.
 */

export type BriefSoort = 'toekenning' | 'afwijzing' | 'wijziging' | 'beeindiging' | 'beslissing-op-bezwaar';

export interface Artikelverwijzing {
  readonly regeling: string;
  /** The regulation's citeertitel, as the law requires a decision to name its basis. */
  readonly citeertitel: string;
  /** 'artikel 15 lid 1', 'artikel 4 lid 3 onder a en b'. */
  readonly artikelen: readonly string[];
  /** Parts of a source without numbered articles, as the regulation file names them. */
  readonly vermeldingen: readonly string[];
}

export interface Alinea {
  readonly kop: string;
  readonly zinnen: readonly string[];
}

export interface BriefInhoud {
  readonly soort: BriefSoort;
  readonly kenmerk: string;
  /** The date on the letter: the day it is sent, or the decision date when not sent yet. */
  readonly datum: string;
  readonly onderwerp: string;
  readonly afzender: DocumentConfiguratie['afzender'] & { readonly uitvoering?: string };
  readonly geadresseerde: { readonly naam: string };
  readonly aanhef: string;
  readonly besluit: readonly string[];
  readonly motivering: readonly string[];
  readonly bedragen: readonly { readonly regel: string; readonly momenten: readonly string[] }[];
  readonly data: readonly string[];
  readonly verplichtingen: readonly string[];
  /** When the voorziening may end early, from the ordinance's beëindigingsgronden. */
  readonly stopgronden: { readonly inleiding: string; readonly gronden: readonly string[] } | null;
  readonly grondslag: readonly Artikelverwijzing[];
  readonly rechtsmiddel: Alinea | null;
  readonly slot: readonly string[];
}

/** What a letter is built from: rows as stored, nothing recomputed. */
export interface BriefBron {
  readonly beschikking: {
    readonly id: string;
    readonly soort: 'toekenning' | 'afwijzing' | 'wijziging' | 'beeindiging';
    readonly voorziening: string;
    readonly besluitdatum: string;
    readonly verzondenOp: string | null;
    readonly ingangsdatum: string | null;
    readonly einddatum: string | null;
    readonly casus: unknown;
    readonly resultaat: unknown;
    readonly motivering: Record<string, unknown>;
    readonly regelingen: readonly { id: string; geldigVanaf: string; hash: string }[];
  };
  /** For an ending or a change: the decision it follows. */
  readonly vorige?: { readonly besluitdatum: string; readonly kenmerk: string } | undefined;
  readonly inwoner: { readonly naam: string };
  readonly gemeente: { readonly naam: string; readonly cbsCode: string };
  /** Stored period amounts of a loonkostensubsidie (termijn rows). */
  readonly periodeBedragen: readonly {
    readonly datum: string;
    readonly bedragCent: number | null;
    readonly bedragReden: string | null;
    readonly artikel: string;
    readonly regeling: string;
  }[];
  readonly bezwaar?:
    | {
        readonly id: string;
        readonly ontvangenOp: string;
        readonly termijnEinde: string;
        readonly tijdig: boolean;
        readonly uitkomst: 'gegrond' | 'ongegrond' | 'niet-ontvankelijk' | 'ingetrokken';
        readonly beslistOp: string;
        readonly toelichting: string | null;
      }
    | undefined;
}

export const AWB = 'awb';
const AWB_TITEL = 'Algemene wet bestuursrecht';

export function kenmerkVan(cbsCode: string, jaar: string, id: string, voorvoegsel = ''): string {
  return `${cbsCode}-${voorvoegsel}${jaar}-${id.slice(0, 8).toUpperCase()}`;
}

/** Builds the letter for a stored decision, or for the decision on a bezwaar against it. */
export function briefInhoud(
  bron: BriefBron,
  config: DocumentConfiguratie,
  bibliotheek: Bibliotheek,
  uitvoering?: string,
): BriefInhoud {
  const b = bron.beschikking;
  const uitkomst = (b.resultaat as Resultaat).voorzieningen[0];
  if (!uitkomst) throw new Error(`beschikking ${b.id} heeft geen opgeslagen uitkomst`);
  const titels = new Map((b.resultaat as Resultaat).regelingen.map((r) => [r.id, r.titel]));
  // The version the decision was taken under, by the hash stored with it: the letter cites that text.
  const versieVan = (id: string) => {
    const versie = b.regelingen.find((r) => r.id === id);
    return versie ? bibliotheek.versies(id).find((r) => r.hash === versie.hash) : undefined;
  };
  const citeertitel = (id: string): string => {
    if (id === AWB) return AWB_TITEL;
    return versieVan(id)?.citeertitel ?? bibliotheek.versies(id).at(-1)?.citeertitel ?? titels.get(id) ?? id;
  };
  const kenmerk = kenmerkVan(bron.gemeente.cbsCode, b.besluitdatum.slice(0, 4), b.id);
  const afzender = { ...config.afzender, ...(uitvoering ? { uitvoering } : {}) };
  const naam = uitkomst.titel.toLowerCase();
  const feiten = ((b.casus as { feiten?: Record<string, unknown> })?.feiten ?? {}) as Record<string, unknown>;
  // An article known only from a document without numbered articles (Assen's raadsvoorstel, the
  // Groningen advice letter) is named as its regulation file names it (vermelding), never as
  // 'artikel pakket': the letter must not cite an article that does not exist.
  const vermelding = (id: string, artikel: string): string | undefined => {
    const regeling = b.regelingen.some((r) => r.id === id) ? versieVan(id) : bibliotheek.versies(id).at(-1);
    const nummer = artikel.replace(/ (lid|onder) .*$/, '');
    return regeling?.artikelen.find((a) => a.nummer === nummer)?.vermelding;
  };
  const verwijzingen = new Verwijzingen(citeertitel, vermelding);
  const slot = [
    'Heeft u vragen over deze brief? Bel ons dan op ' +
      `${config.afzender.telefoon}. Noem dan het kenmerk ${bron.bezwaar ? kenmerkVan(bron.gemeente.cbsCode, bron.bezwaar.beslistOp.slice(0, 4), bron.bezwaar.id, 'B') : kenmerk}.`,
    'Met vriendelijke groet,',
    `${config.afzender.college.replace(/^het /, 'Het ')}`,
  ];
  const aanhef = `Beste ${bron.inwoner.naam},`;

  if (bron.bezwaar)
    return bezwaarBrief(bron, config, verwijzingen, { afzender, aanhef, slot, kenmerk, naam });

  const datum = b.verzondenOp ?? b.besluitdatum;
  const motivering: string[] = [];
  const besluit: string[] = [];
  let onderwerp: string;
  const gebruikt = (g: Grond) => g.voldaan !== null && g.soort !== 'buiten-toepassing';
  // A grant rests on every ground that held; a refusal only on those that did not.
  // The ceiling ground names the gemeente, not its regulation; it is cited below with its regulation.
  const kent = (g: Grond) => bibliotheek.versies(g.regeling).length > 0;
  for (const g of uitkomst.gronden)
    if (kent(g) && (b.soort === 'afwijzing' ? g.voldaan === false : b.soort !== 'beeindiging' && gebruikt(g)))
      verwijzingen.voeg(g.regeling, g.artikel);

  const oordelen = (b.motivering.oordelen ?? {}) as Record<string, { antwoord: boolean; motivering: string }>;
  const oordeelZinnen = Object.entries(oordelen).map(
    ([feit, o]) =>
      `Onze afweging over de vraag of ${oordeelLabel(feit)}: ${o.antwoord ? 'ja' : 'nee'}. ${zin(o.motivering)}`,
  );
  const toelichting = typeof b.motivering.toelichting === 'string' ? [zin(b.motivering.toelichting)] : [];

  if (b.soort === 'toekenning' || b.soort === 'wijziging') {
    onderwerp = b.soort === 'toekenning' ? `Besluit: u krijgt ${naam}` : `Besluit: wij wijzigen uw ${naam}`;
    besluit.push(
      b.soort === 'toekenning'
        ? `U krijgt ${naam}.`
        : `Wij wijzigen uw ${naam}${bron.vorige ? ` (ons besluit van ${datumTekst(bron.vorige.besluitdatum)}, kenmerk ${bron.vorige.kenmerk})` : ''}.`,
    );
    if (b.ingangsdatum)
      besluit.push(
        b.einddatum
          ? `Dit geldt van ${datumTekst(b.ingangsdatum)} tot en met ${datumTekst(b.einddatum)}.`
          : `Dit geldt vanaf ${datumTekst(b.ingangsdatum)}. De regels noemen geen einddatum.`,
      );
    motivering.push(
      'U voldoet aan de voorwaarden. Dit is wat wij hebben bekeken:',
      ...uitkomst.gronden.filter((g) => gebruikt(g) && g.voldaan === true).map((g) => zin(g.uitleg)),
      ...oordeelZinnen,
      ...toelichting,
    );
  } else if (b.soort === 'afwijzing') {
    onderwerp = `Besluit: u krijgt geen ${naam}`;
    besluit.push(`U krijgt geen ${naam}.`);
    const plafond = ceilingGround(b, bibliotheek);
    const niet = uitkomst.gronden.filter((g) => g.voldaan === false);
    if (plafond) {
      verwijzingen.voeg(plafond.regeling, plafond.artikel);
      motivering.push(
        'U voldoet aan de voorwaarden, maar het geld dat het college voor deze voorziening heeft vastgesteld is op.',
        zin(plafond.uitleg),
        `Het college mag een grens stellen aan dit geld (${verwijzingen.naam(plafond.regeling, plafond.artikel)}).`,
      );
    } else {
      motivering.push(
        niet.length === 1 ? 'U voldoet niet aan deze voorwaarde:' : 'U voldoet niet aan deze voorwaarden:',
        ...niet.map((g) => zin(g.uitleg)),
      );
    }
    motivering.push(...oordeelZinnen, ...toelichting);
  } else {
    const grond = b.motivering.grond as {
      code: string;
      omschrijving: string;
      artikel: string;
      regeling: string;
    };
    onderwerp = `Besluit: wij stoppen uw ${naam}`;
    besluit.push(
      `Wij stoppen uw ${naam}${bron.vorige ? ` (ons besluit van ${datumTekst(bron.vorige.besluitdatum)}, kenmerk ${bron.vorige.kenmerk})` : ''}.`,
      `De laatste dag is ${datumTekst(b.einddatum ?? b.besluitdatum)}.`,
    );
    verwijzingen.voeg(grond.regeling, grond.artikel);
    motivering.push(
      `De reden is: ${zin(grond.omschrijving)}`,
      `Dat staat in ${verwijzingen.naam(grond.regeling, grond.artikel)}.`,
      ...toelichting,
    );
  }

  const toegekend = b.soort === 'toekenning' || b.soort === 'wijziging';
  const bedragen = toegekend ? bedragRegels(uitkomst, bron, verwijzingen) : [];
  const data = toegekend ? dataRegels(uitkomst, b, verwijzingen) : [];
  const verplichtingen = toegekend ? verplichtingRegels(feiten, verwijzingen) : [];
  const stopgronden = toegekend ? stopgrondRegels(b, bibliotheek, verwijzingen, citeertitel) : null;
  const rechtsmiddel = bezwaarClausule(config, b.verzondenOp, verwijzingen);
  return {
    soort: b.soort,
    kenmerk,
    datum,
    onderwerp,
    afzender,
    geadresseerde: { naam: bron.inwoner.naam },
    aanhef,
    besluit,
    motivering,
    bedragen,
    data,
    verplichtingen,
    stopgronden,
    grondslag: verwijzingen.lijst(),
    rechtsmiddel,
    slot,
  };
}

/**
 * The ceiling ground as stored (motivering.plafond). The booking records the gemeente where the budget
 * names no regulation; the article then belongs to the gemeente's regulation of the decision that has it.
 */
function ceilingGround(b: BriefBron['beschikking'], bibliotheek: Bibliotheek) {
  const p = b.motivering.plafond as { artikel: string; regeling: string; uitleg: string } | undefined;
  if (!p) return undefined;
  if (bibliotheek.versies(p.regeling).length > 0) return p;
  const nummer = p.artikel.split(' ')[0];
  const eigen = b.regelingen.find((r) =>
    bibliotheek
      .versies(r.id)
      .find((x) => x.hash === r.hash)
      ?.artikelen.some((a) => a.nummer === nummer && a.soort === 'budget'),
  );
  return { ...p, regeling: eigen?.id ?? p.regeling };
}

/** Collects cited articles per regulation, national law after the ordinance, the Awb last. */
class Verwijzingen {
  private readonly per = new Map<string, Set<string>>();
  constructor(
    private readonly titel: (id: string) => string,
    private readonly vermelding: (id: string, artikel: string) => string | undefined = () => undefined,
  ) {}
  /** An article in a sentence: 'artikel 15 lid 1 van de <citeertitel>', or its vermelding. */
  naam(regeling: string, artikel: string): string {
    return this.vermelding(regeling, artikel) ?? `artikel ${artikel} van de ${this.titel(regeling)}`;
  }
  voeg(regeling: string, artikel: string) {
    if (!regeling || !artikel) return;
    const s = this.per.get(regeling) ?? new Set<string>();
    s.add(artikel);
    this.per.set(regeling, s);
  }
  lijst(): Artikelverwijzing[] {
    const rang = (id: string) => (id === AWB ? 2 : id.includes('/') ? 0 : 1);
    return [...this.per.entries()]
      .sort(([a], [b]) => rang(a) - rang(b) || a.localeCompare(b))
      .map(([regeling, artikelen]) => ({
        regeling,
        citeertitel: this.titel(regeling),
        artikelen: samengevat(
          [...artikelen]
            .filter((a) => !this.vermelding(regeling, a))
            .sort((x, y) => x.localeCompare(y, 'nl', { numeric: true })),
        ).map((a) => `artikel ${a}`),
        // Without a number: named as the file names it, once each.
        vermeldingen: [...new Set([...artikelen].flatMap((a) => this.vermelding(regeling, a) ?? []))],
      }));
  }
}

/** '4 lid 3 onder a', '4 lid 3 onder b' read as '4 lid 3 onder a en b'. */
function samengevat(artikelen: readonly string[]): string[] {
  const uit: string[] = [];
  const groepen = new Map<string, string[]>();
  for (const a of artikelen) {
    const m = /^(.*) onder (\w+)$/.exec(a);
    if (!m) {
      uit.push(a);
      continue;
    }
    const g = groepen.get(m[1]!);
    if (g) g.push(m[2]!);
    else {
      const nieuw = [m[2]!];
      groepen.set(m[1]!, nieuw);
      uit.push(`\u0000${m[1]}`);
    }
  }
  return uit.map((a) => {
    if (!a.startsWith('\u0000')) return a;
    const basis = a.slice(1);
    return `${basis} onder ${opsomming(groepen.get(basis)!)}`;
  });
}

const zin = (t: string) => {
  const s = t.trim();
  return /[.!?)]$/.test(s) ? s : `${s}.`;
};

const perTekst = (per: string) =>
  per === 'eenmalig'
    ? 'eenmalig'
    : per === 'maand'
      ? 'per maand'
      : per === 'jaar'
        ? 'per jaar'
        : `per ${per}`;

function bedragRegels(v: VoorzieningUitkomst, bron: BriefBron, verwijzingen: Verwijzingen) {
  const uit: { regel: string; momenten: string[] }[] = [];
  for (const [naam, bedrag] of Object.entries(v.bedragen)) {
    verwijzingen.voeg(bedrag.regeling, bedrag.artikel);
    const bron_ = `(${verwijzingen.naam(bedrag.regeling, bedrag.artikel)})`;
    const momenten = v.termijnen.betaalmomenten
      .filter((m) => m.bedrag === naam)
      .map((m) => datumTekst(m.datum));
    if (bedrag.cent === null) {
      uit.push({
        regel: `${bedrag.omschrijving}: het bedrag kunnen wij nu nog niet vaststellen, omdat ${(bedrag.ontbrekend ?? ['een gegeven']).map(feitLabel).join(', ')} nog niet bekend is. Wij laten het u weten zodra het bekend is ${bron_}.`,
        momenten,
      });
      continue;
    }
    uit.push({
      regel: `${bedrag.omschrijving}: ${bedragTekst(bedrag.cent)} ${perTekst(bedrag.per)} ${bron_}.`,
      momenten,
    });
  }
  // A loonkostensubsidie is set per period with the minimum wage of that period (art. 10d lid 7 Pw).
  for (const p of bron.periodeBedragen) {
    verwijzingen.voeg(p.regeling, p.artikel);
    uit.push({
      regel:
        p.bedragCent === null
          ? `Vanaf ${datumTekst(p.datum)}: het maandbedrag is nog niet bekend. ${zin(p.bedragReden ?? 'Een gegeven ontbreekt')}`
          : `Vanaf ${datumTekst(p.datum)}: ${bedragTekst(p.bedragCent)} per maand (${verwijzingen.naam(p.regeling, p.artikel)}).`,
      momenten: [],
    });
  }
  return uit;
}

function dataRegels(
  v: VoorzieningUitkomst,
  b: BriefBron['beschikking'],
  verwijzingen: Verwijzingen,
): string[] {
  const uit: string[] = [];
  if (b.ingangsdatum) uit.push(`Begindatum: ${datumTekst(b.ingangsdatum)}.`);
  if (b.einddatum) uit.push(`Einddatum: ${datumTekst(b.einddatum)}.`);
  if (v.termijnen.maximaleEinddatum && v.termijnen.maximaleEinddatum !== b.einddatum)
    uit.push(`De regels staan deze voorziening toe tot en met ${datumTekst(v.termijnen.maximaleEinddatum)}.`);
  for (const m of v.termijnen.evaluatiemomenten) {
    verwijzingen.voeg(m.regeling, m.artikel);
    uit.push(
      `${datumTekst(m.datum)}: ${m.omschrijving.replace(/\.$/, '')} (${verwijzingen.naam(m.regeling, m.artikel)}).`,
    );
  }
  return uit;
}

function verplichtingRegels(feiten: Record<string, unknown>, verwijzingen: Verwijzingen): string[] {
  if (feiten.uitkering !== 'algemene-bijstand') return [];
  verwijzingen.voeg('participatiewet', '17 lid 1');
  return [
    'Vertel ons meteen als er iets verandert dat van belang kan zijn voor uw werk of uw bijstand (artikel 17 lid 1 van de Participatiewet).',
  ];
}

function stopgrondRegels(
  b: BriefBron['beschikking'],
  bibliotheek: Bibliotheek,
  verwijzingen: Verwijzingen,
  titel: (id: string) => string,
): BriefInhoud['stopgronden'] {
  for (const r of b.regelingen) {
    const regeling = bibliotheek.versies(r.id).find((x) => x.hash === r.hash);
    const gronden = regeling?.beeindigingsgronden ?? [];
    if (gronden.length === 0) continue;
    return {
      inleiding: `Wij kunnen de voorziening eerder stoppen als een van deze dingen gebeurt (${titel(r.id)}):`,
      gronden: gronden.map((g) => {
        const artikel = `${g.artikel}${g.lid ? ` lid ${g.lid}` : ''}${g.onder ? ` onder ${g.onder}` : ''}`;
        verwijzingen.voeg(r.id, artikel);
        return `${zin(g.omschrijving.replace(/\s+/g, ' '))} (artikel ${artikel})`;
      }),
    };
  }
  return null;
}

/** A judgement's name as words: 'participatieplaatsPassend' reads 'participatieplaats passend'. */
function oordeelLabel(feit: string): string {
  const label = feitLabel(feit);
  if (label !== feit) return label.replace(/\?$/, '');
  return feit.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The bezwaar clause of art. 6:4, 6:5, 6:7, 6:8 and 6:16 Awb; the last day when the sending date is known. */
function bezwaarClausule(
  config: DocumentConfiguratie,
  verzondenOp: string | null,
  verwijzingen: Verwijzingen,
): Alinea {
  for (const a of ['6:4', '6:5', '6:7', '6:8', '6:16']) verwijzingen.voeg(AWB, a);
  const adres = `${config.afzender.college}, ${config.afzender.postadres.join(', ')}`;
  return {
    kop: 'Bent u het niet eens met dit besluit?',
    zinnen: [
      `Dan kunt u bezwaar maken. Stuur uw bezwaar binnen zes weken naar ${adres} (artikel 6:4 lid 1 en artikel 6:7 van de Algemene wet bestuursrecht).`,
      verzondenOp
        ? `De zes weken beginnen op de dag nadat wij dit besluit hebben verstuurd: op ${datumTekst(plusDagen(verzondenOp, 1))} (artikel 6:8 lid 1 van de Algemene wet bestuursrecht). Uw bezwaar moet uiterlijk op ${datumTekst(bezwaartermijnEinde(verzondenOp))} bij ons zijn.`
        : 'De zes weken beginnen op de dag nadat wij dit besluit hebben verstuurd (artikel 6:8 lid 1 van de Algemene wet bestuursrecht).',
      'Zet in uw brief: uw naam en adres, de datum, het kenmerk van dit besluit, waarom u het er niet mee eens bent, en uw handtekening (artikel 6:5 lid 1 van de Algemene wet bestuursrecht).',
      'Ook als u bezwaar maakt, blijft dit besluit gelden tot wij op uw bezwaar hebben beslist (artikel 6:16 van de Algemene wet bestuursrecht).',
    ],
  };
}

function bezwaarBrief(
  bron: BriefBron,
  config: DocumentConfiguratie,
  verwijzingen: Verwijzingen,
  d: { afzender: BriefInhoud['afzender']; aanhef: string; slot: string[]; kenmerk: string; naam: string },
): BriefInhoud {
  const z = bron.bezwaar!;
  const b = bron.beschikking;
  const besluitVan = `ons besluit van ${datumTekst(b.besluitdatum)} over uw ${d.naam} (kenmerk ${d.kenmerk})`;
  const besluit: string[] = [];
  const motivering: string[] = [
    `Wij kregen uw bezwaar tegen ${besluitVan} op ${datumTekst(z.ontvangenOp)}.`,
    z.tijdig
      ? `De laatste dag voor bezwaar was ${datumTekst(z.termijnEinde)}. Uw bezwaar was op tijd (artikel 6:7, 6:8 en 6:9 van de Algemene wet bestuursrecht).`
      : `De laatste dag voor bezwaar was ${datumTekst(z.termijnEinde)}. Uw bezwaar kwam te laat (artikel 6:7, 6:8 en 6:9 van de Algemene wet bestuursrecht).`,
  ];
  for (const a of ['6:7', '6:8', '6:9']) verwijzingen.voeg(AWB, a);
  let rechtsmiddel: Alinea | null = null;
  switch (z.uitkomst) {
    case 'gegrond':
      besluit.push(
        'Uw bezwaar is gegrond. Dat betekent: u krijgt gelijk.',
        `Wij herroepen ${besluitVan} en nemen een nieuw besluit (artikel 7:11 lid 2 van de Algemene wet bestuursrecht).`,
      );
      verwijzingen.voeg(AWB, '7:11 lid 2');
      break;
    case 'ongegrond':
      besluit.push(
        'Uw bezwaar is ongegrond. Dat betekent: u krijgt geen gelijk.',
        `Wij hebben ${besluitVan} opnieuw bekeken. Het besluit blijft zoals het is (artikel 7:11 lid 1 van de Algemene wet bestuursrecht).`,
      );
      verwijzingen.voeg(AWB, '7:11 lid 1');
      break;
    case 'niet-ontvankelijk':
      besluit.push(
        'Uw bezwaar is niet-ontvankelijk. Dat betekent: wij kunnen uw bezwaar niet inhoudelijk behandelen.',
      );
      if (!z.tijdig) {
        besluit.push(
          'Uw bezwaar kwam te laat, en wij vinden niet dat u daar een goede reden voor had (artikel 6:11 van de Algemene wet bestuursrecht).',
        );
        verwijzingen.voeg(AWB, '6:11');
      }
      break;
    case 'ingetrokken':
      besluit.push(
        `U heeft uw bezwaar tegen ${besluitVan} ingetrokken. Wij behandelen het daarom niet verder.`,
        'Dit is een bevestiging. Het is geen nieuw besluit; er staat geen bezwaar of beroep tegen open.',
      );
      break;
  }
  if (z.toelichting) motivering.push(zin(z.toelichting));
  if (z.uitkomst !== 'ingetrokken') {
    verwijzingen.voeg(AWB, '7:12 lid 1');
    for (const a of ['6:7', '6:8', '8:1']) verwijzingen.voeg(AWB, a);
    rechtsmiddel = {
      kop: 'Bent u het niet eens met deze beslissing?',
      zinnen: [
        `Dan kunt u beroep instellen bij de ${config.beroep.rechtbank} (artikel 8:1 van de Algemene wet bestuursrecht).`,
        'Dat moet binnen zes weken (artikel 6:7 van de Algemene wet bestuursrecht). De zes weken beginnen op de dag nadat wij deze beslissing hebben verstuurd (artikel 6:8 lid 1 van de Algemene wet bestuursrecht).',
        'Zet in uw beroepschrift: uw naam en adres, de datum, het kenmerk van deze beslissing, waarom u het er niet mee eens bent, en uw handtekening. Stuur een kopie van deze beslissing mee.',
      ],
    };
  }
  return {
    soort: 'beslissing-op-bezwaar',
    kenmerk: kenmerkVan(bron.gemeente.cbsCode, z.beslistOp.slice(0, 4), z.id, 'B'),
    datum: z.beslistOp,
    onderwerp:
      z.uitkomst === 'ingetrokken'
        ? 'Bevestiging: u heeft uw bezwaar ingetrokken'
        : 'Beslissing op uw bezwaar',
    afzender: d.afzender,
    geadresseerde: { naam: bron.inwoner.naam },
    aanhef: d.aanhef,
    besluit,
    motivering,
    bedragen: [],
    data: [],
    verplichtingen: [],
    stopgronden: null,
    grondslag: verwijzingen.lijst(),
    rechtsmiddel,
    slot: d.slot,
  };
}
