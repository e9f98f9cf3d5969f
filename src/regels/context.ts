import type { IsoDatum } from '../kalender/index.ts';
import type { Scalar } from './ast.ts';

/** What a compiled rule reads while it runs. */
export interface Context {
  /**
   * The day the rules are judged on: the first day of the voorziening (a voorziening is judged under
   * the law of the period it runs), else the peildatum. Parameters are read on this day unless a
   * rule names another (`op`).
   */
  readonly datum: IsoDatum;
  /** Facts by name: feiten, aanvraag and derived facts in one namespace (the vocabulary keeps names unique). */
  readonly feiten: Readonly<Record<string, Scalar | undefined>>;
  /** The college's judgements answered so far. */
  readonly oordelen: Readonly<Record<string, boolean | undefined>>;
  /** When present, rules record what they missed; batch runs leave it out and pay nothing for it. */
  readonly spoor?: Spoor;
}

export interface Spoor {
  ontbrekend: string[];
  vragen: { oordeel: string; vraag: string }[];
}

export function nieuwSpoor(): Spoor {
  return { ontbrekend: [], vragen: [] };
}
