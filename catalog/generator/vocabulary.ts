/**
 * The shapes the generator's word lists share. Every text is a pair written in both
 * languages (never machine-joined word by word), so generated titles read like the
 * national register's: an action applied to a noun phrase, an audience, a region.
 */
import type { ServiceIcon } from '../../src/core/catalog/icons.ts';

export interface Phrase {
  fr: string;
  ar: string;
}

/**
 * How a procedure's title is built:
 * - `document`: a paper the administration issues (an act, a certificate);
 * - `card`: an identity-like card or licence that expires and can be lost;
 * - `permit`: an authorisation for works or an activity;
 * - `program`: a registration in a scheme; its name is already a whole title.
 */
export type SubjectKind = 'document' | 'card' | 'permit' | 'program';

export interface Subject {
  key: string; // kebab-case, unique across all subjects
  category: string; // a CATEGORIES slug
  icon: ServiceIcon;
  kind: SubjectKind;
  /** Noun phrase without article for document/card/permit ("permis de conduire"); the full title for a program. */
  name: Phrase;
  /** One sentence: what it is for. */
  use: Phrase;
  /** The name people also use, quoted in the summary ("CIN", "عقد الازدياد"). */
  aka?: Phrase;
  admin: string; // an ADMINISTRATIONS key
  documents: string[]; // DOCUMENTS keys
  feeMad: number;
  delayDays: [number, number];
  form: string; // a FORM_TEMPLATES key
}

export interface Category {
  slug: string;
  icon: ServiceIcon;
  name: Phrase;
}
