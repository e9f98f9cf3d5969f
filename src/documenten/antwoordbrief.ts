import {
  type Adviespunt,
  type Adviesronde,
  type Artikelverwijzing,
  isOnbekend,
  UITKOMST_TEKST,
} from '../advies/schema.ts';
import type { Bibliotheek } from '../regelgeving/index.ts';
import { datumTekst } from '../taal/index.ts';
import type { Blok, BlokDocument } from './blokken.ts';

/**
 * The college's reply letter to an advisory body, generated from an advice round: per theme the
 * points, each with the articles it is about, what the body advised and what the college answers (and
 * whether that was taken over). Plain B1 Dutch around the texts the round holds; nothing is added
 * to them, and where the round does not hold something the letter says so.
 */

/** How a letter names articles: "artikel 16 lid 3"; an article without a number by its title. */
export function artikelNamen(
  bibliotheek: Bibliotheek,
  regeling: string,
  refs: readonly Artikelverwijzing[],
): string {
  if (refs.length === 0) return 'de hele regeling';
  const titels = new Map(
    bibliotheek.versies(regeling).flatMap((v) => v.artikelen.map((a) => [a.nummer, a.titel] as const)),
  );
  const delen = refs.map((r) => {
    const naam = /^\d+[a-z]?$/.test(r.artikel) ? r.artikel : `'${titels.get(r.artikel) ?? r.artikel}'`;
    return r.lid !== undefined ? `${naam} lid ${r.lid}` : naam;
  });
  const lijst = delen.length === 1 ? delen[0]! : `${delen.slice(0, -1).join(', ')} en ${delen.at(-1)}`;
  return `${refs.length === 1 ? 'artikel' : 'artikelen'} ${lijst}`;
}

/** Points grouped by theme, in the order the round gives them. */
export function perThema(punten: readonly Adviespunt[]): { thema: string; punten: Adviespunt[] }[] {
  const uit: { thema: string; punten: Adviespunt[] }[] = [];
  for (const p of punten) {
    const groep = uit.find((g) => g.thema === p.thema);
    if (groep) groep.punten.push(p);
    else uit.push({ thema: p.thema, punten: [p] });
  }
  return uit;
}

export function gemeenteNaam(bibliotheek: Bibliotheek, slug: string): string {
  return bibliotheek.gemeenten().find((g) => g.slug === slug)?.naam ?? slug;
}

const datumOf = (d: string | { onbekend: string }) => (typeof d === 'string' ? datumTekst(d) : undefined);

/** The blocks of one point: where, what was advised, the reaction and its outcome. */
export function puntBlokken(
  bibliotheek: Bibliotheek,
  ronde: Adviesronde,
  p: Adviespunt,
  toon: { readonly wij: boolean },
): Blok[] {
  const organen = new Map(ronde.adviesorganen.map((o) => [o.id, o.naam]));
  const van =
    p.van && ronde.adviesorganen.length > 1 ? ` (${p.van.map((v) => organen.get(v) ?? v).join(' en ')})` : '';
  const blokken: Blok[] = [
    {
      soort: 'alinea',
      tekst: `Over ${artikelNamen(bibliotheek, ronde.regeling, p.artikelen)}${van}`,
      nadruk: 'vet',
    },
    { soort: 'alinea', tekst: `${toon.wij ? 'Uw advies' : 'Advies'}: ${p.advies}` },
  ];
  if (!p.adviesLetterlijk)
    blokken.push({
      soort: 'alinea',
      tekst: `Dit is niet de letterlijke tekst van het advies. ${p.adviesBron ?? ''}`.trim(),
      nadruk: 'cursief',
    });
  if (isOnbekend(p.reactie)) {
    blokken.push({
      soort: 'alinea',
      tekst: `${toon.wij ? 'Onze reactie' : 'Reactie van het college'}: nog niet vastgelegd. ${p.reactie.onbekend}`,
    });
  } else {
    blokken.push(
      {
        soort: 'alinea',
        tekst: `${toon.wij ? 'Onze reactie' : 'Reactie van het college'}: ${p.reactie.tekst}`,
      },
      {
        soort: 'alinea',
        tekst: `Uitkomst: ${UITKOMST_TEKST[p.reactie.uitkomst]}. ${p.reactie.uitkomstToelichting}`,
        nadruk: 'cursief',
      },
    );
    if (p.reactie.wijziging)
      blokken.push({
        soort: 'alinea',
        tekst: `Wat er daardoor verandert (${artikelNamen(bibliotheek, ronde.regeling, p.reactie.wijziging.artikelen)}): ${p.reactie.wijziging.tekst}`,
      });
  }
  return blokken;
}

/** The reply letter for a round; `datum` is the letter's date (the round does not fix it). */
export function antwoordbrief(bibliotheek: Bibliotheek, ronde: Adviesronde, datum: string): BlokDocument {
  const gemeente = gemeenteNaam(bibliotheek, ronde.gemeenten[0]!);
  const college = `Het college van burgemeester en wethouders van ${gemeente}`;
  const organen = ronde.adviesorganen.map((o) => o.naam);
  const aan = organen.length === 1 ? organen[0]! : `${organen.slice(0, -1).join(', ')} en ${organen.at(-1)}`;
  const gevraagd = datumOf(ronde.gevraagdOp);
  const ontvangen = datumOf(ronde.ontvangenOp);
  const inleiding: string[] = [
    gevraagd
      ? `Op ${gevraagd} hebben wij uw advies gevraagd over: ${ronde.onderwerp}.`
      : `Wij hebben uw advies gevraagd over: ${ronde.onderwerp}.`,
    ontvangen
      ? `Op ${ontvangen} hebben wij uw advies ontvangen. Hartelijk dank daarvoor.`
      : 'Hartelijk dank voor uw advies.',
  ];
  if (ronde.kenmerk) inleiding.push(`Uw kenmerk: ${ronde.kenmerk}.`);
  const gedeeld = ronde.gemeenten.slice(1).map((g) => gemeenteNaam(bibliotheek, g));
  const besproken = [...gedeeld.map((g) => `gemeente ${g}`), ...ronde.besprokenMet];
  // A round's own introduction (the source's words) says who it was discussed with; else we say it.
  if (ronde.inleiding) inleiding.push(ronde.inleiding);
  else if (besproken.length > 0)
    inleiding.push(
      `Wij hebben uw advies besproken met: ${besproken.join('; ')}. Zo blijven de regels in deze gemeenten gelijk.`,
    );
  inleiding.push('Hieronder leest u per onderwerp wat u ons adviseerde en wat wij daarop antwoorden.');

  const blokken: Blok[] = [
    { soort: 'kop', niveau: 1, tekst: `Reactie op uw advies: ${ronde.onderwerp}` },
    { soort: 'alinea', tekst: `Datum: ${datumTekst(datum)}` },
    { soort: 'alinea', tekst: `Aan: ${aan}` },
    { soort: 'alinea', tekst: `Beste leden van de ${aan},` },
    ...inleiding.map((tekst): Blok => ({ soort: 'alinea', tekst })),
  ];
  if (ronde.eindoordeel) blokken.push({ soort: 'alinea', tekst: `Uw eindoordeel: ${ronde.eindoordeel}` });
  for (const g of perThema(ronde.punten)) {
    blokken.push({ soort: 'kop', niveau: 2, tekst: g.thema });
    for (const p of g.punten) blokken.push(...puntBlokken(bibliotheek, ronde, p, { wij: true }));
  }
  if (ronde.afloop)
    blokken.push(
      { soort: 'kop', niveau: 2, tekst: 'Wat er daarna is gebeurd' },
      {
        soort: 'alinea',
        tekst: `${typeof ronde.afloop.datum === 'string' ? `Op ${datumTekst(ronde.afloop.datum)}: ` : ''}${ronde.afloop.tekst}`,
      },
    );
  blokken.push(
    {
      soort: 'alinea',
      tekst: 'Nogmaals hartelijk dank voor uw advies. Wij hopen u hiermee voldoende te hebben geïnformeerd.',
    },
    { soort: 'alinea', tekst: 'Met vriendelijke groet,' },
    { soort: 'alinea', tekst: college },
  );
  // After the signature: what the letter was made from and what that source does not hold.
  if (ronde.bron.ontbreekt.length > 0)
    blokken.push(
      { soort: 'kop', niveau: 3, tekst: 'Over deze brief' },
      { soort: 'alinea', tekst: `Deze brief is gemaakt uit: ${ronde.bron.document}. Daarin staat niet:` },
      { soort: 'opsomming', items: ronde.bron.ontbreekt },
    );
  return {
    titel: `Reactie op het advies van de ${aan}`,
    onderwerp: ronde.onderwerp,
    auteur: college,
    datum,
    afzender: [`Gemeente ${gemeente}`, 'College van burgemeester en wethouders'],
    blokken,
  };
}
