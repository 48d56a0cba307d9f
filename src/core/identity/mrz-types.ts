/**
 * What the TD1 MRZ parser returns. Codes are stable: the UI turns each into a localized
 * message (locales/<lang>/errors.json, section "identity"), tests and logs match on them.
 */

/** The parts of a TD1 MRZ an issue can be about. */
export type MrzField =
  | 'documentCode' // line 1, 1–2
  | 'issuingState' // line 1, 3–5
  | 'documentNumber' // line 1, 6–14 (+ overflow in 16–30), check digit at 15
  | 'optionalData1' // line 1, 16–30
  | 'birthDate' // line 2, 1–6, check digit at 7
  | 'sex' // line 2, 8
  | 'expiryDate' // line 2, 9–14, check digit at 15
  | 'nationality' // line 2, 16–18
  | 'optionalData2' // line 2, 19–29
  | 'composite' // line 2, 30
  | 'names'; // line 3

/** Problems that make the MRZ unusable until the agent corrects them. */
export type MrzErrorCode =
  | 'empty' // nothing but whitespace
  | 'line-count' // not three lines (`count`)
  | 'line-too-short' // `line`, `length`; only lines whose missing end can only be fillers are completed
  | 'line-too-long' // `line`, `length`
  | 'invalid-character' // `line`, `position`, `found`: not A–Z, 0–9 or `<`, and no known confusion
  | 'ocr-confusion' // `line`, `position`, `found`, `suggested`: e.g. the letter O where only a digit may stand
  | 'document-code' // the document code does not start with A, C or I
  | 'issuing-state' // no issuing state
  | 'document-number-format' // empty, a filler inside it, or a malformed long-number overflow
  | 'document-number-check' // `found`, `expected`, maybe `suggestions`
  | 'birth-date-invalid' // not a calendar date (e.g. month 13)
  | 'birth-date-check'
  | 'sex-invalid' // not M, F, X or <
  | 'expiry-invalid'
  | 'expiry-check'
  | 'nationality' // no nationality
  | 'composite-check'
  | 'names-missing'; // no primary identifier (surname) on line 3

/** Things the agent should see but that do not stop the prefill. */
export type MrzWarningCode =
  | 'expired' // `expected` holds the expiry date: the card expired before today
  | 'line-padded' // `line`, `length`: the line was shorter than 30 and completed with fillers
  | 'name-truncated' // line 3 has no filler at its end: the name may be cut short on the card
  | 'birth-date-partial' // the birth date has unknown parts (`<`), so it cannot be prefilled
  | 'ocr-suspect'; // `line`, `position`, `found`, `suggested`: a K where a filler `<` is likely

export interface MrzPosition {
  line: 1 | 2 | 3;
  position: number; // 1-based column
  found: string;
  suggested: string;
}

export interface MrzIssue<C extends string = MrzErrorCode | MrzWarningCode> {
  code: C;
  field?: MrzField;
  line?: 1 | 2 | 3;
  /** 1-based column of the character concerned (for a check digit: the check digit's column). */
  position?: number;
  found?: string;
  /** The expected check digit, or the expiry date for `expired`. */
  expected?: string;
  suggested?: string;
  /** For a failed check digit: single misreadings that would make it pass (never applied). */
  suggestions?: MrzPosition[];
  length?: number;
  count?: number;
}

export type MrzError = MrzIssue<MrzErrorCode>;
export type MrzWarning = MrzIssue<MrzWarningCode>;

export type MrzSex = 'M' | 'F' | 'X'; // X: unspecified (`X` or `<` on the card)

export interface MrzData {
  documentCode: string; // e.g. 'I', 'ID', 'AC' (fillers removed)
  issuingState: string; // ICAO code, e.g. 'MAR', 'UTO', 'D'
  documentNumber: string; // the whole number, overflow included
  surname: string; // primary identifier, components separated by spaces
  givenNames: string; // secondary identifier, components separated by spaces ('' when none)
  birthDate: string | null; // 'YYYY-MM-DD'; null when the card gives unknown parts
  sex: MrzSex;
  nationality: string;
  expiryDate: string | null; // 'YYYY-MM-DD'; null when not a valid date (then there is an error)
  optionalData1: string; // line 1 optional data, overflow and fillers removed
  optionalData2: string; // line 2 optional data, fillers removed
  expired: boolean; // expiryDate < today
}

export interface MrzResult {
  /** True when there is no error: every check digit verified. Warnings may remain. */
  ok: boolean;
  errors: MrzError[];
  warnings: MrzWarning[];
  /** The lines as read: trimmed, upper case, completed with fillers where allowed. */
  lines: string[];
  /** What could be read, whenever the lines have the TD1 shape; trust it only when `ok`. */
  data: MrzData | null;
}
