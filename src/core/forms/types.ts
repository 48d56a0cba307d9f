/**
 * The form contract: what a service definition is, what an answer is, and what
 * validation reports. Shared by the kiosk UI, the server and the catalog schema
 * (catalog/service.schema.json mirrors these types; keep them in step).
 */

/**
 * Languages a catalog text may carry (the UI's codes, core/i18n/languages.ts). `ar` and
 * `fr` are required everywhere. A bare `shi`, `rif` or `tzm` (script not said) is read
 * after both scripted forms of that variant.
 */
export type ContentLang = 'ar' | 'fr' | 'zgh' | 'shi' | 'rif' | 'tzm' | 'shi-Tfng' | 'shi-Latn' | 'tzm-Tfng' | 'tzm-Latn' | 'rif-Tfng' | 'rif-Latn';

/** A text in several languages, e.g. `{ ar: 'عقد الازدياد', fr: 'Extrait d’acte de naissance' }`. */
export type Localized = { ar: string; fr: string } & Partial<Record<ContentLang, string>>;

export type FieldType =
  | 'text'
  | 'number'
  | 'date'
  | 'choice' // single choice among options
  | 'multichoice' // several options
  | 'yesno'
  | 'phone' // Moroccan phone number
  | 'cnie' // national ID card number
  | 'document' // placeholder for a photo/document; the skeleton records how it will be provided
  | 'photo' // a photo taken or picked on the kiosk; the answer is its attachment id (a UUID)
  | 'signature'; // a signature drawn on the screen; the answer is its attachment id (a UUID)

export interface ChoiceOption {
  value: string;
  label: Localized;
}

/**
 * Show a field only when another field of the same form has a value.
 * - `equals`: the other answer equals this value (for multichoice: contains it);
 * - `in`: the other answer is one of these values;
 * - `filled: true`: the other field has any non-empty answer.
 * Exactly one of the three is given.
 */
export interface Condition {
  field: string;
  equals?: string | number | boolean;
  in?: Array<string | number>;
  filled?: true;
}

export interface FieldDefinition {
  id: string; // unique within the service, [a-z][a-zA-Z0-9_]*
  type: FieldType;
  label: Localized;
  hint?: Localized;
  required?: boolean;
  /** number: inclusive bounds of the value. */
  min?: number;
  max?: number;
  /** date: inclusive bounds, 'YYYY-MM-DD' or 'today'. */
  minDate?: string;
  maxDate?: string;
  /** text: bounds on the number of characters (after trimming). */
  minLength?: number;
  maxLength?: number;
  /** text: a regular expression (no flags) the whole trimmed value must match. */
  pattern?: string;
  /** choice / multichoice: the allowed options. */
  options?: ChoiceOption[];
  /** multichoice: bounds on how many options are picked. */
  minItems?: number;
  maxItems?: number;
  visibleWhen?: Condition;
  /**
   * Where the agent may take this answer from instead of typing it: a part of the ID card's
   * machine-readable zone (src/core/identity/prefill.ts). The agent confirms, then may edit.
   */
  prefill?: PrefillSource;
  /**
   * document: the id of the service's `documents` entry this field provides. Attached,
   * that document is no longer on the receipt's list of documents still to bring.
   */
  providesDocument?: string;
  /** photo / signature: the largest image accepted, in bytes (default DEFAULT_MAX_ATTACHMENT_BYTES). */
  maxBytes?: number;
}

/** Parts of an ID card's MRZ a field can be prefilled from. `fullName` is given names then surname. */
export const PREFILL_SOURCES = ['mrz.documentNumber', 'mrz.surname', 'mrz.givenNames', 'mrz.fullName', 'mrz.birthDate', 'mrz.sex', 'mrz.nationality', 'mrz.expiry'] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** One screen of the form: a group of questions. */
export interface StepDefinition {
  id: string;
  title: Localized;
  fields: FieldDefinition[];
}

export interface RequiredDocument {
  id: string;
  label: Localized;
}

export interface ServiceDefinition {
  id: string; // slug, e.g. 'birth-certificate-extract'
  version: number; // form version, integer >= 1; bumped whenever fields change
  category: string; // e.g. 'civil-status', 'identity', 'justice', 'social-support', 'housing'
  icon: string; // pictogram name known to the UI, e.g. 'baby', 'house', 'id-card'
  title: Localized;
  summary: Localized;
  administration: Localized; // issuing administration
  delayDays: { min: number; max: number }; // estimated processing delay in days
  feeMad: number; // fee in Moroccan dirhams, 0 when free
  documents: RequiredDocument[]; // documents the citizen must bring or attach
  steps: StepDefinition[];
}

/** An answer as stored in a draft and sent to the server. Empty answers are absent or null. */
export type AnswerValue = string | number | boolean | string[] | null;
export type Answers = Record<string, AnswerValue>;

/** Validation error codes; the UI turns each into a localized, spoken message. */
export type ErrorCode =
  | 'required'
  | 'wrong-type' // e.g. a string where a number was expected
  | 'too-short'
  | 'too-long'
  | 'too-small'
  | 'too-large'
  | 'pattern'
  | 'invalid-date'
  | 'date-too-early'
  | 'date-too-late'
  | 'invalid-choice'
  | 'too-few-choices'
  | 'too-many-choices'
  | 'invalid-phone'
  | 'invalid-cnie'
  | 'unknown-field' // an answer for a field the definition does not have
  | 'not-applicable'; // an answer for a field hidden by its condition

export interface FieldError {
  field: string;
  code: ErrorCode;
  params?: Record<string, string | number>;
}
