import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading1,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, nieuweSleutel } from '../api/klant.ts';
import { metDoel } from '../doelen.tsx';
import type { Probleem } from '../api/probleem.ts';
import type { Aanvraag, Dossier, Feitdefinitie, Resultaat, VoorzieningUitkomst } from '../api/typen.ts';
import { useFeiten } from '../feiten.ts';
import { useLees, useTitel, voerUit } from '../gebruik.ts';
import { bedrag, datum, UITKOMST, vandaag } from '../opmaak.ts';
import { ArtikelKnop } from '../onderdelen/artikel.tsx';
import { FeitInvoer, feitLabel, feitWaardeUit } from '../onderdelen/feitinvoer.tsx';
import { Foutoverzicht, Keuzerondjes, Tekstveld, Tekstvak } from '../onderdelen/formulier.tsx';
import { Laden, Melding, ProbleemMelding } from '../onderdelen/status.tsx';
import type { Gemeente } from '../sessie.tsx';
import { NietGevonden } from './niet-gevonden.tsx';

type Fout = { veld?: string | undefined; bericht: string };
type Oordeel = { antwoord: '' | 'ja' | 'nee'; motivering: string };

/** The request fields a casemanager fills in for a voorziening, in this order; the rest under "Meer gegevens". */
const AANVRAAGVELDEN = ['ingangsdatum', 'duurMaanden', 'urenPerWeek', 'voldoendeMeegewerkt'];
const MEER = ['verlengingen', 'zelfdeWerkgever', 'andereOmgeving', 'contractToegezegdMaanden', 'kostenCent'];

/**
 * "Wat kan ik aanbieden?": every voorziening the gemeente offers judged for this client on a
 * peildatum, with the reasons and their articles; then one decision per step: a request with its
 * judgement questions, a check of the answers, and the beschikking.
 */
function AanbodScherm({ gemeente }: { gemeente: Gemeente }) {
  const { id = '' } = useParams();
  const [dossier] = useLees(
    () =>
      api.GET('/gemeenten/{gemeente}/dossiers/{id}', { params: { path: { gemeente: gemeente.slug, id } } }),
    [gemeente.slug, id],
  );
  const [peildatum, zetPeildatum] = useState(vandaag());
  const [gevraagd, zetGevraagd] = useState(vandaag());
  const [aanbod] = useLees(
    () =>
      api.POST('/gemeenten/{gemeente}/dossiers/{id}/aanbod', {
        params: { path: { gemeente: gemeente.slug, id } },
        body: { peildatum: gevraagd },
      }),
    [gemeente.slug, id, gevraagd],
  );
  const [gekozen, zetGekozen] = useState<string>();
  const feiten = useFeiten(gemeente.slug);
  useTitel('Wat kan ik aanbieden?');

  if (dossier.soort === 'fout')
    return dossier.probleem.status === 404 ? (
      <NietGevonden />
    ) : (
      <ProbleemMelding probleem={dossier.probleem} />
    );
  const naam = dossier.soort === 'klaar' ? dossier.data.inwoner.naam : '';
  return (
    <>
      <Paragraph className="terug">
        <Link to={`/${gemeente.slug}/clienten/${id}`}>
          Terug naar het dossier{naam ? ` van ${naam}` : ''}
        </Link>
      </Paragraph>
      <Heading1>Wat kan ik aanbieden?</Heading1>
      {naam && (
        <Paragraph className="lead">Voor {naam}, met de feiten zoals ze op de peildatum gelden.</Paragraph>
      )}
      <form
        className="zoekregel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          zetGekozen(undefined);
          zetGevraagd(peildatum || vandaag());
        }}
      >
        <Tekstveld
          id="peildatum"
          type="date"
          breedte="smal"
          label="Peildatum"
          hint="Standaard vandaag"
          waarde={peildatum}
          bijWijziging={zetPeildatum}
        />
        <Button type="submit" appearance="secondary-action-button">
          Opnieuw beoordelen
        </Button>
      </form>
      {aanbod.soort === 'laden' && <Laden wat="De beoordeling" />}
      {aanbod.soort === 'fout' && <ProbleemMelding probleem={aanbod.probleem} />}
      {aanbod.soort === 'klaar' && dossier.soort === 'klaar' && (
        <>
          {/* One decision per step: once a voorziening is chosen, only its request is on the page. */}
          {!gekozen && <Conflicten resultaat={aanbod.data} />}
          {!gekozen && <Samenvatting resultaat={aanbod.data} kies={(v) => zetGekozen(v)} />}
          {gekozen ? (
            <Aanvraagstap
              key={gekozen}
              gemeente={gemeente}
              dossier={dossier.data}
              voorziening={gekozen}
              eersteVragen={aanbod.data.voorzieningen.find((v) => v.voorziening === gekozen)?.vragen ?? []}
              peildatum={gevraagd}
              feiten={feiten}
              terug={() => zetGekozen(undefined)}
            />
          ) : (
            aanbod.data.voorzieningen.map((v) => (
              <Uitkomst
                key={v.voorziening}
                gemeente={gemeente.slug}
                uitkomst={v}
                peildatum={gevraagd}
                feiten={feiten}
                kies={() => zetGekozen(v.voorziening)}
              />
            ))
          )}
        </>
      )}
    </>
  );
}

function Conflicten({ resultaat }: { resultaat: Resultaat }) {
  const echte = resultaat.conflicten.filter((c) => c.soort !== 'gewijzigd');
  if (resultaat.conflicten.length === 0) return null;
  return (
    <Melding
      soort="warning"
      titel={`De wet gaat voor: ${resultaat.conflicten.length} ${resultaat.conflicten.length === 1 ? 'bevinding' : 'bevindingen'} over de verordening`}
    >
      <details>
        <summary>
          Bekijk wat er botst met de wet{echte.length ? ` (${echte.length} vervallen of strijdig)` : ''}
        </summary>
        <UnorderedList>
          {resultaat.conflicten.map((c, i) => (
            <UnorderedListItem key={i}>{c.uitleg}</UnorderedListItem>
          ))}
        </UnorderedList>
      </details>
    </Melding>
  );
}

function Samenvatting({ resultaat, kies }: { resultaat: Resultaat; kies: (v: string) => void }) {
  return (
    <section aria-labelledby="samenvatting">
      <Heading2 id="samenvatting">Uitkomst op {datum(resultaat.peildatum)}</Heading2>
      {/* Which versions judged: after a council's decision a new version applies from its date. */}
      <Paragraph data-testid="beoordeeld-met">
        Beoordeeld met:{' '}
        {resultaat.regelingen.map((r) => `${r.titel} (versie van ${datum(r.geldigVanaf)})`).join('; ')}.
      </Paragraph>
      <Table className="tabel">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">Voorziening</TableHeaderCell>
            <TableHeaderCell scope="col">Uitkomst</TableHeaderCell>
            <TableHeaderCell scope="col">Actie</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {resultaat.voorzieningen.map((v) => (
            <TableRow key={v.voorziening}>
              <TableHeaderCell scope="row">
                <a href={`#v-${v.voorziening}`}>{v.titel}</a>
              </TableHeaderCell>
              <TableCell>
                <UitkomstLabel uitkomst={v.uitkomst} />
              </TableCell>
              <TableCell>
                {v.uitkomst !== 'afgewezen' ? (
                  <Button appearance="secondary-action-button" onClick={() => kies(v.voorziening)}>
                    Aanvraag beoordelen<span className="verborgen">: {v.titel}</span>
                  </Button>
                ) : (
                  <span className="hint">–</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** The outcome in words with a mark, never by colour alone. */
function UitkomstLabel({ uitkomst }: { uitkomst: string }) {
  const teken = { toegestaan: '✓', afgewezen: '✗', 'ter-beoordeling': '?', onbepaald: '…' }[uitkomst] ?? '';
  return (
    <span className={`uitkomst uitkomst--${uitkomst}`}>
      <span aria-hidden="true">{teken} </span>
      {UITKOMST[uitkomst] ?? uitkomst}
    </span>
  );
}

const VOLDAAN = (v: boolean | null) => (v === true ? 'voldaan' : v === false ? 'niet voldaan' : 'nog open');

function Uitkomst({
  gemeente,
  uitkomst: v,
  peildatum,
  feiten,
  kies,
}: {
  gemeente: string;
  uitkomst: VoorzieningUitkomst;
  peildatum: string;
  feiten: ReadonlyMap<string, Feitdefinitie> | undefined;
  kies?: () => void;
}) {
  const bedragen = Object.entries(v.bedragen);
  return (
    <section className="uitkomstblok" id={`v-${v.voorziening}`} aria-labelledby={`t-${v.voorziening}`}>
      <Heading3 id={`t-${v.voorziening}`}>
        {v.titel}: <UitkomstLabel uitkomst={v.uitkomst} />
      </Heading3>
      {v.vragen.length > 0 && (
        <div className="vragen">
          <Paragraph>
            <strong>Uw oordeel is nodig:</strong>
          </Paragraph>
          <UnorderedList>
            {v.vragen.map((q) => (
              <UnorderedListItem key={q.feit}>
                {q.vraag}{' '}
                <ArtikelKnop
                  gemeente={gemeente}
                  regeling={q.regeling}
                  artikel={q.artikel}
                  datum={peildatum}
                />
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </div>
      )}
      {v.ontbrekendeFeiten.length > 0 && (
        <div className="ontbrekend">
          <Paragraph>
            <strong>Deze gegevens ontbreken:</strong>{' '}
            {v.ontbrekendeFeiten
              .map((f) => (feiten?.get(f) ? feitLabel(feiten.get(f)!) : f).toLowerCase())
              .join(', ')}
            .
          </Paragraph>
        </div>
      )}
      <details className="gronden" open={v.uitkomst !== 'afgewezen'}>
        <summary>
          Waarom? ({v.gronden.length} {v.gronden.length === 1 ? 'reden' : 'redenen'})
        </summary>
        <ul className="gronden__lijst">
          {v.gronden.map((g, i) => (
            <li
              key={i}
              className={`grond grond--${g.voldaan === true ? 'ja' : g.voldaan === false ? 'nee' : 'open'}`}
            >
              <span className="grond__status">{VOLDAAN(g.voldaan)}:</span> {g.uitleg}{' '}
              <ArtikelKnop gemeente={gemeente} regeling={g.regeling} artikel={g.artikel} datum={peildatum} />
            </li>
          ))}
        </ul>
      </details>
      {bedragen.length > 0 && (
        <Table className="tabel tabel--smal">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">Bedrag</TableHeaderCell>
              <TableHeaderCell scope="col" className="getal">
                Hoogte
              </TableHeaderCell>
              <TableHeaderCell scope="col">Per</TableHeaderCell>
              <TableHeaderCell scope="col">Artikel</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {bedragen.map(([naam, b]) => (
              <TableRow key={naam}>
                <TableCell>
                  {b.omschrijving}
                  {b.voorbehoud && b.voorbehoud.length > 0 && (
                    <span className="hint"> (alleen als: {b.voorbehoud.join('; ')})</span>
                  )}
                </TableCell>
                <TableCell className="getal">
                  {b.cent === null
                    ? `onbekend${b.ontbrekend?.length ? ` (${b.ontbrekend.join(', ')} ontbreekt)` : ''}`
                    : bedrag(b.cent)}
                </TableCell>
                <TableCell>{b.per}</TableCell>
                <TableCell>art. {b.artikel}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Termijnen uitkomst={v} />
      {kies && v.uitkomst !== 'afgewezen' && (
        <Button appearance="secondary-action-button" onClick={kies}>
          Aanvraag beoordelen<span className="verborgen">: {v.titel}</span>
        </Button>
      )}
    </section>
  );
}

function Termijnen({ uitkomst: v }: { uitkomst: VoorzieningUitkomst }) {
  const t = v.termijnen;
  if (
    t.einddatum === undefined &&
    !t.maximaleEinddatum &&
    t.evaluatiemomenten.length === 0 &&
    t.betaalmomenten.length === 0
  )
    return null;
  return (
    <DataList className="gegevens">
      <DataListItem>
        <DataListKey>Ingangsdatum</DataListKey>
        <DataListValue>{datum(t.ingangsdatum)}</DataListValue>
      </DataListItem>
      {t.einddatum && (
        <DataListItem>
          <DataListKey>Einddatum</DataListKey>
          <DataListValue>{datum(t.einddatum)}</DataListValue>
        </DataListItem>
      )}
      {t.einddatum === null && (
        <DataListItem>
          <DataListKey>Einddatum</DataListKey>
          <DataListValue>nog niet bekend: {t.einddatumOpen}</DataListValue>
        </DataListItem>
      )}
      <DataListItem>
        <DataListKey>Uiterlijk tot</DataListKey>
        <DataListValue>
          {t.maximaleEinddatum ? datum(t.maximaleEinddatum) : 'geen maximum in de regels'}
        </DataListValue>
      </DataListItem>
      {t.evaluatiemomenten.length > 0 && (
        <DataListItem>
          <DataListKey>Evaluaties</DataListKey>
          <DataListValue>
            {t.evaluatiemomenten.map((m) => `${datum(m.datum)} (art. ${m.artikel})`).join('; ')}
          </DataListValue>
        </DataListItem>
      )}
      {t.betaalmomenten.length > 0 && (
        <DataListItem>
          <DataListKey>Premie</DataListKey>
          <DataListValue>{t.betaalmomenten.map((m) => datum(m.datum)).join('; ')}</DataListValue>
        </DataListItem>
      )}
    </DataList>
  );
}

/** Step 2 and 3: the request with its judgement questions, then the check of the answers and the decision. */
function Aanvraagstap({
  gemeente,
  dossier,
  voorziening,
  eersteVragen,
  peildatum,
  feiten,
  terug,
}: {
  gemeente: Gemeente;
  dossier: Dossier;
  voorziening: string;
  eersteVragen: VoorzieningUitkomst['vragen'];
  peildatum: string;
  feiten: ReadonlyMap<string, Feitdefinitie> | undefined;
  terug: () => void;
}) {
  const [waarden, zetWaarden] = useState<Record<string, string>>({
    ingangsdatum: peildatum,
    voldoendeMeegewerkt: 'ja',
  });
  const [oordelen, zetOordelen] = useState<Record<string, Oordeel>>({});
  const [fouten, zetFouten] = useState<Fout[]>([]);
  const [uitkomst, zetUitkomst] = useState<VoorzieningUitkomst>();
  const [aanvraag, zetAanvraag] = useState<Aanvraag>();
  const [controle, zetControle] = useState(false);
  const [probleem, zetProbleem] = useState<Probleem>();
  const kop = useRef<HTMLHeadingElement>(null);
  useEffect(() => kop.current?.focus(), []);
  const velden = (namen: string[]) => namen.flatMap((n) => (feiten?.get(n) ? [feiten.get(n)!] : []));
  // Every question asked so far: once answered, the engine no longer asks it, but the answer and its
  // motivation stay part of the decision.
  const [vragen, zetVragen] = useState<VoorzieningUitkomst['vragen']>(eersteVragen);

  async function beoordeel(e: FormEvent) {
    e.preventDefault();
    const nieuw: Fout[] = [];
    const a: Record<string, unknown> = { voorziening };
    for (const f of velden([...AANVRAAGVELDEN, ...MEER])) {
      const invoer = waarden[f.naam] ?? '';
      if (invoer === '') {
        if (f.naam === 'ingangsdatum') nieuw.push({ veld: `a-${f.naam}`, bericht: 'Vul de ingangsdatum in' });
        continue;
      }
      const w = feitWaardeUit(f, invoer);
      if (w.ok) a[f.naam] = w.waarde;
      else nieuw.push({ veld: `a-${f.naam}`, bericht: w.bericht });
    }
    const antwoorden: Record<string, boolean> = {};
    for (const q of vragen) {
      const o = oordelen[q.feit];
      if (!o?.antwoord) continue;
      antwoorden[q.feit] = o.antwoord === 'ja';
      if (o.motivering.trim().length < 10)
        nieuw.push({
          veld: `m-${q.feit}`,
          bericht: `Schrijf waarom u “${o.antwoord}” antwoordt (minstens 10 tekens)`,
        });
    }
    zetFouten(nieuw);
    if (nieuw.length > 0) return;
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/dossiers/{id}/aanbod', {
        params: { path: { gemeente: gemeente.slug, id: dossier.inwoner.id } },
        body: {
          peildatum,
          aanvraag: a as Aanvraag,
          ...(Object.keys(antwoorden).length ? { oordelen: antwoorden } : {}),
        },
      }),
    );
    if (!u.ok)
      return zetFouten(
        u.probleem.velden.length
          ? u.probleem.velden.map((v) => ({ veld: `a-${v.pad.split('.').at(-1)}`, bericht: v.bericht }))
          : [{ bericht: u.probleem.titel }],
      );
    zetAanvraag(a as Aanvraag);
    const v = u.data.voorzieningen[0];
    zetUitkomst(v);
    if (v) zetVragen((oud) => [...oud, ...v.vragen.filter((q) => !oud.some((x) => x.feit === q.feit))]);
    zetControle(false);
  }

  const titel = uitkomst?.titel ?? voorziening;
  const beantwoord = Object.entries(oordelen).filter(
    ([feit, o]) => o.antwoord && vragen.some((q) => q.feit === feit),
  );
  return (
    <section aria-labelledby="aanvraagstap" className="stap">
      <Heading2 id="aanvraagstap" tabIndex={-1} ref={kop}>
        Aanvraag beoordelen: {titel}
      </Heading2>
      <Button appearance="subtle-button" onClick={terug}>
        Terug naar alle voorzieningen
      </Button>
      {!controle && (
        <form className="formulier" onSubmit={beoordeel} noValidate>
          <Foutoverzicht fouten={fouten} />
          {velden(AANVRAAGVELDEN).map((f) => (
            <FeitInvoer
              key={f.naam}
              id={`a-${f.naam}`}
              feit={f}
              waarde={waarden[f.naam] ?? ''}
              bijWijziging={(w) => zetWaarden({ ...waarden, [f.naam]: w })}
              fout={fouten.find((x) => x.veld === `a-${f.naam}`)?.bericht}
            />
          ))}
          <details className="meer">
            <summary>Meer gegevens van de aanvraag</summary>
            {velden(MEER).map((f) => (
              <FeitInvoer
                key={f.naam}
                id={`a-${f.naam}`}
                feit={f}
                waarde={waarden[f.naam] ?? ''}
                bijWijziging={(w) => zetWaarden({ ...waarden, [f.naam]: w })}
                fout={fouten.find((x) => x.veld === `a-${f.naam}`)?.bericht}
              />
            ))}
          </details>
          {vragen.length > 0 && (
            <fieldset className="oordelen">
              <legend>Uw oordeel</legend>
              <Paragraph>
                De verordening laat dit aan het oordeel van het college. Beantwoord elke vraag en schrijf op
                waarom; dat komt in de beschikking.
              </Paragraph>
              {vragen.map((q) => (
                <div key={q.feit} className="oordeel">
                  <Keuzerondjes
                    id={`o-${q.feit}`}
                    label={q.vraag}
                    hint={`Artikel ${q.artikel}`}
                    waarde={oordelen[q.feit]?.antwoord ?? ''}
                    bijWijziging={(w) =>
                      zetOordelen({
                        ...oordelen,
                        [q.feit]: {
                          motivering: oordelen[q.feit]?.motivering ?? '',
                          antwoord: w as Oordeel['antwoord'],
                        },
                      })
                    }
                    opties={[
                      { waarde: 'ja', label: 'Ja' },
                      { waarde: 'nee', label: 'Nee' },
                    ]}
                  />
                  <Tekstvak
                    id={`m-${q.feit}`}
                    label="Motivering"
                    waarde={oordelen[q.feit]?.motivering ?? ''}
                    bijWijziging={(w) =>
                      zetOordelen({
                        ...oordelen,
                        [q.feit]: { antwoord: oordelen[q.feit]?.antwoord ?? '', motivering: w },
                      })
                    }
                    fout={fouten.find((x) => x.veld === `m-${q.feit}`)?.bericht}
                  />
                </div>
              ))}
            </fieldset>
          )}
          <Button type="submit" appearance="primary-action-button">
            {uitkomst ? 'Opnieuw beoordelen' : 'Beoordelen'}
          </Button>
        </form>
      )}
      {uitkomst && !controle && (
        <div aria-live="polite">
          <Uitkomst gemeente={gemeente.slug} uitkomst={uitkomst} peildatum={peildatum} feiten={feiten} />
          {(uitkomst.uitkomst === 'toegestaan' || uitkomst.uitkomst === 'afgewezen') && (
            <Button appearance="primary-action-button" onClick={() => zetControle(true)}>
              {uitkomst.uitkomst === 'toegestaan' ? 'Toekenning voorbereiden' : 'Afwijzing voorbereiden'}
            </Button>
          )}
          {uitkomst.uitkomst === 'ter-beoordeling' && (
            <Paragraph>Beantwoord de vragen hierboven en beoordeel opnieuw.</Paragraph>
          )}
          {uitkomst.uitkomst === 'onbepaald' && (
            <Paragraph>
              Leg de ontbrekende gegevens vast in het dossier of vul ze hierboven aan, en beoordeel opnieuw.
            </Paragraph>
          )}
        </div>
      )}
      {controle && uitkomst && aanvraag && (
        <Besluit
          gemeente={gemeente}
          dossier={dossier}
          peildatum={peildatum}
          aanvraag={aanvraag}
          uitkomst={uitkomst}
          oordelen={Object.fromEntries(
            beantwoord.map(([feit, o]) => [
              feit,
              { antwoord: o.antwoord === 'ja', motivering: o.motivering.trim() },
            ]),
          )}
          vragen={vragen}
          wijzig={() => zetControle(false)}
          probleem={probleem}
          zetProbleem={zetProbleem}
        />
      )}
    </section>
  );
}

/** Check your answers, then the decision; the API's refusal reason is shown where it applies. */
function Besluit({
  gemeente,
  dossier,
  peildatum,
  aanvraag,
  uitkomst,
  oordelen,
  vragen,
  wijzig,
  probleem,
  zetProbleem,
}: {
  gemeente: Gemeente;
  dossier: Dossier;
  peildatum: string;
  aanvraag: Aanvraag;
  uitkomst: VoorzieningUitkomst;
  oordelen: Record<string, { antwoord: boolean; motivering: string }>;
  vragen: VoorzieningUitkomst['vragen'];
  wijzig: () => void;
  probleem: Probleem | undefined;
  zetProbleem: (p: Probleem | undefined) => void;
}) {
  const soort = uitkomst.uitkomst === 'toegestaan' ? 'toekenning' : 'afwijzing';
  const [verzonden, zetVerzonden] = useState(vandaag());
  const [toelichting, zetToelichting] = useState('');
  const [genomen, zetGenomen] = useState<{ soort: string; einddatum: string | null; plafond: boolean }>();
  const [bezig, zetBezig] = useState(false);
  const sleutel = useRef(nieuweSleutel());
  const open = dossier.aanvragen.find((a) => a.status === 'open' && a.voorziening === uitkomst.voorziening);
  const kop = useRef<HTMLHeadingElement>(null);
  useEffect(() => kop.current?.focus(), [genomen]);

  async function neem(e: FormEvent) {
    e.preventDefault();
    zetBezig(true);
    zetProbleem(undefined);
    const u = await voerUit(() =>
      api.POST('/gemeenten/{gemeente}/beschikkingen', {
        params: { path: { gemeente: gemeente.slug } },
        body: {
          inwonerId: dossier.inwoner.id,
          soort,
          peildatum,
          aanvraag,
          ...(open ? { aanvraagId: open.id } : {}),
          ...(Object.keys(oordelen).length ? { oordelen } : {}),
          ...(verzonden ? { verzondenOp: verzonden } : {}),
          ...(toelichting.trim() ? { motivering: toelichting.trim() } : {}),
        },
        headers: { 'idempotency-key': sleutel.current, 'x-doel': 'beschikking nemen' },
      }),
    );
    zetBezig(false);
    if (!u.ok) return zetProbleem(u.probleem);
    const b = u.data as { soort?: string; einddatum?: string | null; motivering?: { plafond?: unknown } };
    sleutel.current = nieuweSleutel();
    zetGenomen({
      soort: String(b.soort),
      einddatum: b.einddatum ?? null,
      plafond: Boolean(b.motivering?.plafond),
    });
  }

  if (genomen)
    return (
      <div className="stap">
        <Heading3 tabIndex={-1} ref={kop}>
          {genomen.soort === 'toekenning' ? 'De toekenning is genomen' : 'De afwijzing is genomen'}
        </Heading3>
        {genomen.plafond && (
          <Melding
            soort="warning"
            titel="Het budgetplafond is bereikt: de aanvraag is afgewezen op grond van het plafondartikel."
          >
            <Paragraph>
              De beschikking noemt het plafond als grond. Het budget kan alleen met een besluit worden
              aangepast.
            </Paragraph>
          </Melding>
        )}
        {!genomen.plafond && (
          <Melding
            soort="ok"
            titel={`${uitkomst.titel}: ${genomen.soort === 'toekenning' ? `toegekend${genomen.einddatum ? ` tot en met ${datum(genomen.einddatum)}` : ''}` : 'afgewezen'}.`}
          />
        )}
        <Paragraph>De evaluaties, premies en de bezwaartermijn staan nu in de agenda.</Paragraph>
        <ButtonGroup>
          <Link to={`/${gemeente.slug}/clienten/${dossier.inwoner.id}`}>Naar het dossier</Link>
          <Link to={`/${gemeente.slug}/agenda`}>Naar de agenda</Link>
        </ButtonGroup>
      </div>
    );

  const gegevens = Object.entries(aanvraag).filter(([k]) => k !== 'voorziening');
  return (
    <form className="stap formulier" onSubmit={neem} noValidate aria-labelledby="controle">
      <Heading3 id="controle" tabIndex={-1} ref={kop}>
        Controleer de {soort}
      </Heading3>
      {probleem && (
        <Melding soort="error" titel={probleem.titel}>
          {probleem.velden.length > 0 && (
            <UnorderedList>
              {probleem.velden.map((v, i) => (
                <UnorderedListItem key={i}>{v.bericht}</UnorderedListItem>
              ))}
            </UnorderedList>
          )}
        </Melding>
      )}
      <DataList className="gegevens">
        <DataListItem>
          <DataListKey>Cliënt</DataListKey>
          <DataListValue>
            {dossier.inwoner.naam} (klantnummer {dossier.inwoner.klantnummer})
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Voorziening</DataListKey>
          <DataListValue>{uitkomst.titel}</DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>Besluit</DataListKey>
          <DataListValue>
            {soort === 'toekenning' ? 'Toekennen' : 'Afwijzen'}, want de regels geven:{' '}
            {(UITKOMST[uitkomst.uitkomst] ?? uitkomst.uitkomst).toLowerCase()}
          </DataListValue>
        </DataListItem>
        {gegevens.map(([k, w]) => (
          <DataListItem key={k}>
            <DataListKey>
              {k === 'ingangsdatum'
                ? 'Ingangsdatum'
                : k === 'duurMaanden'
                  ? 'Duur (maanden)'
                  : k === 'urenPerWeek'
                    ? 'Uren per week'
                    : k === 'voldoendeMeegewerkt'
                      ? 'Voldoende meegewerkt'
                      : k}
            </DataListKey>
            <DataListValue>
              {typeof w === 'boolean'
                ? w
                  ? 'ja'
                  : 'nee'
                : typeof w === 'string' && /^\d{4}-/.test(w)
                  ? datum(w)
                  : String(w)}
            </DataListValue>
          </DataListItem>
        ))}
        {uitkomst.termijnen.einddatum && (
          <DataListItem>
            <DataListKey>Einddatum</DataListKey>
            <DataListValue>{datum(uitkomst.termijnen.einddatum)}</DataListValue>
          </DataListItem>
        )}
        {Object.values(uitkomst.bedragen).map((b, i) => (
          <DataListItem key={i}>
            <DataListKey>{b.omschrijving}</DataListKey>
            <DataListValue>
              {bedrag(b.cent)} per {b.per}
            </DataListValue>
          </DataListItem>
        ))}
        {Object.entries(oordelen).map(([feit, o]) => (
          <DataListItem key={feit}>
            <DataListKey>{vragen.find((q) => q.feit === feit)?.vraag ?? feit}</DataListKey>
            <DataListValue>
              {o.antwoord ? 'Ja' : 'Nee'}: {o.motivering}
            </DataListValue>
          </DataListItem>
        ))}
        {open && (
          <DataListItem>
            <DataListKey>Op de aanvraag van</DataListKey>
            <DataListValue>{datum(open.ontvangenOp)}</DataListValue>
          </DataListItem>
        )}
      </DataList>
      <Button type="button" appearance="subtle-button" onClick={wijzig}>
        Gegevens wijzigen
      </Button>
      <Tekstveld
        id="verzonden"
        type="date"
        breedte="smal"
        label="Verzonden op"
        hint="Vanaf de dag na verzending loopt de bezwaartermijn van 6 weken."
        waarde={verzonden}
        bijWijziging={zetVerzonden}
      />
      <Tekstvak
        id="toelichting"
        label="Toelichting in de beschikking (niet verplicht)"
        waarde={toelichting}
        bijWijziging={zetToelichting}
      />
      <Button type="submit" appearance="primary-action-button" busy={bezig} disabled={bezig}>
        {soort === 'toekenning' ? 'Toekennen' : 'Afwijzen'}
      </Button>
    </form>
  );
}

/** Reads personal data for 'aanvraag beoordelen' (or the purpose chosen for it, see ../doelen.tsx). */
export const Aanbod = metDoel('aanvraag beoordelen', AanbodScherm);
