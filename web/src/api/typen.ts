import type { paths } from './gegenereerd/api';

/**
 * Names for the answers the screens use, taken from the generated API types (never written by hand):
 * `Antwoord<'/pad', 'get'>` is the JSON body of the 200 (or 201) answer of that operation.
 */
type Succes<R> = R extends { 200: { content: { 'application/json': infer T } } }
  ? T
  : R extends { 201: { content: { 'application/json': infer T } } }
    ? T
    : never;
export type Antwoord<
  P extends keyof paths,
  M extends 'get' | 'post' | 'put' | 'patch',
> = paths[P][M] extends {
  responses: infer R;
}
  ? Succes<R>
  : never;
export type Verzoek<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

export type Dossier = Antwoord<'/gemeenten/{gemeente}/dossiers/{id}', 'get'>;
export type Resultaat = Antwoord<'/gemeenten/{gemeente}/dossiers/{id}/aanbod', 'post'>;
export type VoorzieningUitkomst = Resultaat['voorzieningen'][number];
export type Feitdefinitie = Antwoord<'/feiten', 'get'>[number];
export type Aanvraag = NonNullable<Verzoek<'/gemeenten/{gemeente}/dossiers/{id}/aanbod', 'post'>['aanvraag']>;
export type Artikel = Antwoord<'/gemeenten/{gemeente}/regelingen/{regeling}/artikelen/{nummer}', 'get'>;
export type Agendapunt = Antwoord<'/gemeenten/{gemeente}/agenda', 'get'>['punten'][number];
export type Impactcijfers = Antwoord<'/gemeenten/{gemeente}/impact', 'post'>;
export type Overzichtcijfers = Antwoord<'/gemeenten/{gemeente}/overzichten/{jaar}', 'get'>;
