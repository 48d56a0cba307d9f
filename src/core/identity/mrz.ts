/**
 * The machine-readable zone of an identity card (ICAO Doc 9303 Part 5, TD1: three lines
 * of 30 characters), typed or pasted by an agent. Every check digit is verified and every
 * problem is reported with a stable code, the line and the column: the parser never
 * corrects a character by itself, it only suggests (see README.md, "Decisions").
 */
import { isIsoDate } from '../forms/dates.ts';
import { checkDigit } from './check-digit.ts';
import { DIGIT_FOR_LETTER, FILLER_LOOKALIKES, LETTER_FOR_DIGIT, MISREAD_ALTERNATIVES } from './ocr.ts';
import type { MrzData, MrzError, MrzField, MrzPosition, MrzResult, MrzSex, MrzWarning } from './mrz-types.ts';

export type * from './mrz-types.ts';

export const TD1_LINE_LENGTH = 30;
export const TD1_LINE_COUNT = 3;

type Line = 1 | 2 | 3;
type Kind = 'letter' | 'letterOrFiller' | 'alnumOrFiller' | 'digit' | 'digitOrFiller' | 'sex';

interface Zone {
  line: Line;
  from: number; // 1-based, inclusive
  to: number;
  kind: Kind;
  field: MrzField;
}

/** Doc 9303 Part 5, 4.2.2: what each column of a TD1 MRZ may hold. */
const TD1_ZONES: readonly Zone[] = [
  { line: 1, from: 1, to: 1, kind: 'letter', field: 'documentCode' },
  { line: 1, from: 2, to: 2, kind: 'letterOrFiller', field: 'documentCode' },
  { line: 1, from: 3, to: 5, kind: 'letterOrFiller', field: 'issuingState' },
  { line: 1, from: 6, to: 14, kind: 'alnumOrFiller', field: 'documentNumber' },
  { line: 1, from: 15, to: 15, kind: 'digitOrFiller', field: 'documentNumber' }, // `<` announces a long number
  { line: 1, from: 16, to: 30, kind: 'alnumOrFiller', field: 'optionalData1' },
  { line: 2, from: 1, to: 6, kind: 'digitOrFiller', field: 'birthDate' }, // `<` for unknown parts
  { line: 2, from: 7, to: 7, kind: 'digit', field: 'birthDate' },
  { line: 2, from: 8, to: 8, kind: 'sex', field: 'sex' },
  { line: 2, from: 9, to: 15, kind: 'digit', field: 'expiryDate' },
  { line: 2, from: 16, to: 18, kind: 'letterOrFiller', field: 'nationality' },
  { line: 2, from: 19, to: 29, kind: 'alnumOrFiller', field: 'optionalData2' },
  { line: 2, from: 30, to: 30, kind: 'digit', field: 'composite' },
  { line: 3, from: 1, to: 30, kind: 'letterOrFiller', field: 'names' },
];

const isDigit = (c: string) => c >= '0' && c <= '9';
const isLetter = (c: string) => c >= 'A' && c <= 'Z';

function allowed(kind: Kind, c: string): boolean {
  switch (kind) {
    case 'letter':
      return isLetter(c);
    case 'letterOrFiller':
      return isLetter(c) || c === '<';
    case 'alnumOrFiller':
      return isLetter(c) || isDigit(c) || c === '<';
    case 'digit':
      return isDigit(c);
    case 'digitOrFiller':
      return isDigit(c) || c === '<';
    case 'sex':
      return c === 'M' || c === 'F' || c === 'X' || c === '<';
  }
}

const fillerAllowed = (kind: Kind) => kind !== 'letter' && kind !== 'digit';

/**
 * Splits typed or pasted text into MRZ lines: line breaks of any platform, whitespace
 * around each line and blank lines are dropped, ASCII lower case is raised. A single
 * 90-character line (pasted without its breaks) is cut into three. Nothing else changes.
 */
export function readMrzLines(input: string | readonly string[]): string[] {
  const raw = typeof input === 'string' ? input.split(/\r\n|\r|\n/) : [...input];
  const lines = raw
    .map((line) => line.replace(/^\s+|\s+$/g, '').replace(/[a-z]/g, (c) => c.toUpperCase()))
    .filter((line) => line !== '');
  if (lines.length === 1 && lines[0]!.length === TD1_LINE_LENGTH * TD1_LINE_COUNT) {
    const one = lines[0]!;
    return [one.slice(0, 30), one.slice(30, 60), one.slice(60, 90)];
  }
  return lines;
}

/**
 * Whether a short line may be completed with fillers: only when everything missing can
 * only be fillers. Line 2 ends with the composite check digit, so it never may. Line 1
 * may once the document number and its check digit are there (for a long number, once
 * the overflow's end `<` is there). Line 3 holds the name, which ends in fillers.
 */
function mayPad(line: Line, text: string): boolean {
  if (line === 2) return false;
  if (line === 3) return true;
  if (text.length < 15) return false;
  return text[14] !== '<' || text.slice(15).includes('<');
}

export interface MrzOptions {
  /** Today's civil date, 'YYYY-MM-DD': resolves the century of dates and `expired`. */
  today: string;
}

/** Parses a TD1 MRZ (three lines of 30 characters) and verifies every check digit. */
export function parseMrz(input: string | readonly string[], options: MrzOptions): MrzResult {
  const { today } = options;
  if (!isIsoDate(today)) throw new RangeError(`parseMrz: today must be YYYY-MM-DD, got ${String(today)}`);
  const errors: MrzError[] = [];
  const warnings: MrzWarning[] = [];
  const lines = readMrzLines(input);
  const fail = (): MrzResult => ({ ok: false, errors, warnings, lines, data: null });

  if (lines.length === 0) {
    errors.push({ code: 'empty' });
    return fail();
  }
  if (lines.length !== TD1_LINE_COUNT) {
    errors.push({ code: 'line-count', count: lines.length });
    return fail();
  }
  for (let i = 0; i < TD1_LINE_COUNT; i++) {
    const line = (i + 1) as Line;
    const text = lines[i]!;
    if (text.length > TD1_LINE_LENGTH) errors.push({ code: 'line-too-long', line, length: text.length });
    else if (text.length < TD1_LINE_LENGTH) {
      if (mayPad(line, text)) {
        warnings.push({ code: 'line-padded', line, length: text.length });
        lines[i] = text.padEnd(TD1_LINE_LENGTH, '<');
      } else errors.push({ code: 'line-too-short', line, length: text.length });
    }
  }
  if (errors.length > 0) return fail();

  // Every column against what it may hold. A field with a wrong character is reported
  // here, by position, and its check digit is not judged until the character is fixed.
  const dirty = new Set<MrzField>();
  for (const zone of TD1_ZONES) {
    const text = lines[zone.line - 1]!;
    for (let p = zone.from; p <= zone.to; p++) {
      const c = text[p - 1]!;
      if (allowed(zone.kind, c)) continue;
      dirty.add(zone.field);
      const at = { field: zone.field, line: zone.line, position: p, found: c };
      if (FILLER_LOOKALIKES.has(c) && fillerAllowed(zone.kind)) errors.push({ code: 'ocr-confusion', ...at, suggested: '<' });
      else if ((zone.kind === 'digit' || zone.kind === 'digitOrFiller') && DIGIT_FOR_LETTER[c]) errors.push({ code: 'ocr-confusion', ...at, suggested: DIGIT_FOR_LETTER[c] });
      else if ((zone.kind === 'letter' || zone.kind === 'letterOrFiller') && LETTER_FOR_DIGIT[c]) errors.push({ code: 'ocr-confusion', ...at, suggested: LETTER_FOR_DIGIT[c] });
      else if (zone.kind === 'sex') errors.push({ code: 'sex-invalid', ...at });
      else errors.push({ code: 'invalid-character', ...at });
    }
  }

  const [l1, l2, l3] = lines as [string, string, string];

  // Line 1: document code, issuing state, document number (with the long-number rule).
  const documentCode = l1.slice(0, 2).replace(/<+$/, '');
  if (!dirty.has('documentCode') && !/^[ACI]/.test(documentCode)) {
    errors.push({ code: 'document-code', field: 'documentCode', line: 1, position: 1, found: l1[0]! });
  }
  const issuingState = l1.slice(2, 5).replace(/<+$/, '');
  if (!dirty.has('issuingState') && !/^[A-Z]+$/.test(issuingState)) errors.push({ code: 'issuing-state', field: 'issuingState', line: 1, position: 3 });

  const number = readDocumentNumber(l1);
  if (!dirty.has('documentNumber') && !(number.overflowLength > 0 && dirty.has('optionalData1'))) {
    if (!number.ok) errors.push({ code: 'document-number-format', field: 'documentNumber', line: 1, position: number.position });
    else {
      verifyCheckDigit(errors, 'document-number-check', 'documentNumber', number.value, number.columns, number.check, number.checkColumn);
    }
  }

  // Line 2: dates, sex, nationality, optional data, composite.
  const birthRaw = l2.slice(0, 6);
  let birthDate: string | null = null;
  if (!dirty.has('birthDate')) {
    if (birthRaw.includes('<')) warnings.push({ code: 'birth-date-partial', field: 'birthDate', line: 2, position: 1 });
    else {
      birthDate = birthDateFrom(birthRaw, today);
      if (birthDate === null) errors.push({ code: 'birth-date-invalid', field: 'birthDate', line: 2, position: 1, found: birthRaw });
    }
    verifyCheckDigit(errors, 'birth-date-check', 'birthDate', birthRaw, columns(2, 1, 6), l2[6]!, { line: 2, position: 7 });
  }

  const sexChar = l2[7]!;
  const sex: MrzSex = sexChar === 'M' || sexChar === 'F' ? sexChar : 'X';

  const expiryRaw = l2.slice(8, 14);
  let expiryDate: string | null = null;
  if (!dirty.has('expiryDate')) {
    expiryDate = expiryDateFrom(expiryRaw, today);
    if (expiryDate === null) errors.push({ code: 'expiry-invalid', field: 'expiryDate', line: 2, position: 9, found: expiryRaw });
    verifyCheckDigit(errors, 'expiry-check', 'expiryDate', expiryRaw, columns(2, 9, 14), l2[14]!, { line: 2, position: 15 });
  }

  const nationality = l2.slice(15, 18).replace(/<+$/, '');
  if (!dirty.has('nationality') && !/^[A-Z]+$/.test(nationality)) errors.push({ code: 'nationality', field: 'nationality', line: 2, position: 16 });

  // The composite covers everything but the names; judged only when the fields it covers
  // are sound, so one misread digit is reported once, where it is.
  const covered: MrzField[] = ['documentNumber', 'optionalData1', 'birthDate', 'expiryDate', 'optionalData2', 'composite'];
  const coveredHaveErrors = errors.some((e) => e.field !== undefined && covered.includes(e.field));
  if (!covered.some((f) => dirty.has(f)) && !coveredHaveErrors) {
    const parts: Array<[Line, number, number]> = [
      [1, 6, 30],
      [2, 1, 7],
      [2, 9, 15],
      [2, 19, 29],
    ];
    const text = parts.map(([line, from, to]) => lines[line - 1]!.slice(from - 1, to)).join('');
    const cols = parts.flatMap(([line, from, to]) => columns(line, from, to));
    // Only the optional data is covered by nothing else: misreadings are looked for there.
    const suspects = cols.map((c) => (c.line === 1 && c.position >= 16 + number.overflowLength) || (c.line === 2 && c.position >= 19));
    verifyCheckDigit(errors, 'composite-check', 'composite', text, cols, l2[29]!, { line: 2, position: 30 }, suspects);
  }

  // Line 3: primary identifier << secondary identifier, components separated by `<`.
  const names = readNames(l3);
  if (!dirty.has('names') && names.surname === '') errors.push({ code: 'names-missing', field: 'names', line: 3, position: 1 });
  if (/[A-Z]$/.test(l3)) warnings.push({ code: 'name-truncated', field: 'names', line: 3, position: 30 });
  warnings.push(...fillerReadAsK(l3, 3, 1, 30, 'names'));
  for (const zone of K_ZONES) warnings.push(...fillerReadAsK(lines[zone.line - 1]!, zone.line, zone.from + (zone.field === 'optionalData1' ? number.overflowLength : 0), zone.to, zone.field));

  const expired = expiryDate !== null && expiryDate < today;
  if (expired) warnings.push({ code: 'expired', field: 'expiryDate', line: 2, position: 9, expected: expiryDate! });

  const data: MrzData = {
    documentCode,
    issuingState,
    documentNumber: number.value,
    surname: names.surname,
    givenNames: names.givenNames,
    birthDate,
    sex,
    nationality,
    expiryDate,
    optionalData1: number.optional.replace(/<+$/, '').replace(/</g, ' ').trim(),
    optionalData2: l2.slice(18, 29).replace(/<+$/, '').replace(/</g, ' ').trim(),
    expired,
  };
  // In reading order, as the agent compares them with the card.
  const byPlace = (a: { line?: number; position?: number }, b: { line?: number; position?: number }) => (a.line ?? 0) - (b.line ?? 0) || (a.position ?? 0) - (b.position ?? 0);
  errors.sort(byPlace);
  warnings.sort(byPlace);
  return { ok: errors.length === 0, errors, warnings, lines, data };
}

interface Column {
  line: Line;
  position: number;
}

function columns(line: Line, from: number, to: number): Column[] {
  const out: Column[] = [];
  for (let p = from; p <= to; p++) out.push({ line, position: p });
  return out;
}

type CheckCode = 'document-number-check' | 'birth-date-check' | 'expiry-check' | 'composite-check';

/**
 * Compares a check digit with the one `text` gives; on a mismatch, reports it with the
 * expected digit and, for fields that may mix letters and digits, the single misreadings
 * (O for 0, B for 8, K for <, …) that would make it pass.
 */
function verifyCheckDigit(errors: MrzError[], code: CheckCode, field: MrzField, text: string, cols: Column[], found: string, at: Column, suspects?: boolean[]): void {
  const expected = checkDigit(text);
  if (expected === null || String(expected) === found) return;
  const error: MrzError = { code, field, line: at.line, position: at.position, found, expected: String(expected) };
  const mixed = field === 'documentNumber' || field === 'composite';
  if (mixed && isDigit(found)) {
    const suggestions: MrzPosition[] = [];
    for (let i = 0; i < text.length; i++) {
      if (suspects && !suspects[i]) continue;
      for (const alternative of MISREAD_ALTERNATIVES[text[i]!] ?? []) {
        const variant = text.slice(0, i) + alternative + text.slice(i + 1);
        if (checkDigit(variant) === Number(found)) suggestions.push({ ...cols[i]!, found: text[i]!, suggested: alternative });
      }
    }
    if (suggestions.length > 0) error.suggestions = suggestions;
  }
  errors.push(error);
}

type DocumentNumber =
  | { ok: true; value: string; columns: Column[]; check: string; checkColumn: Column; optional: string; overflowLength: number }
  | { ok: false; value: string; position: number; optional: string; overflowLength: number };

/**
 * Doc 9303 Part 5, note j: a number longer than 9 characters puts its first 9 in
 * columns 6–14, a filler in column 15, then the rest at the start of the optional data,
 * followed by the check digit of the whole number and a filler.
 */
function readDocumentNumber(l1: string): DocumentNumber {
  const principal = l1.slice(5, 14);
  if (l1[14] !== '<') {
    const value = principal.replace(/<+$/, '');
    const optional = l1.slice(15);
    if (value === '' || value.includes('<')) return { ok: false, value, position: 6, optional, overflowLength: 0 };
    return { ok: true, value, columns: columns(1, 6, 5 + value.length), check: l1[14]!, checkColumn: { line: 1, position: 15 }, optional, overflowLength: 0 };
  }
  const rest = l1.slice(15);
  const end = rest.indexOf('<');
  // Without its end `<` the overflow cannot be told from the optional data that follows.
  if (principal.includes('<') || end < 2) return { ok: false, value: principal.replace(/<+$/, ''), position: 15, optional: rest, overflowLength: rest.length };
  const extra = rest.slice(0, end - 1);
  return {
    ok: true,
    value: principal + extra,
    columns: [...columns(1, 6, 14), ...columns(1, 16, 15 + extra.length)],
    check: rest[end - 1]!,
    checkColumn: { line: 1, position: 16 + extra.length },
    optional: rest.slice(end + 1),
    overflowLength: end + 1,
  };
}

/** A birth date's century: the latest one that does not put the birth after today. */
export function birthDateFrom(yymmdd: string, today: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const tail = `${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  const iso = `20${tail}` <= today ? `20${tail}` : `19${tail}`;
  return isIsoDate(iso) ? iso : null;
}

/** An expiry date's century: the one that puts it within 50 years either side of today. */
export function expiryDateFrom(yymmdd: string, today: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const thisYear = Number(today.slice(0, 4));
  let year = Math.floor(thisYear / 100) * 100 + Number(yymmdd.slice(0, 2));
  if (year > thisYear + 50) year -= 100;
  else if (year <= thisYear - 50) year += 100;
  const iso = `${String(year).padStart(4, '0')}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  return isIsoDate(iso) ? iso : null;
}

function readNames(l3: string): { surname: string; givenNames: string } {
  const words = (part: string) => part.split('<').filter((w) => w !== '').join(' ');
  const split = l3.indexOf('<<');
  if (split < 0) return { surname: words(l3), givenNames: '' };
  return { surname: words(l3.slice(0, split)), givenNames: words(l3.slice(split + 2)) };
}

/** Zones besides the names whose value ends in fillers, where a K after a filler is suspect. */
const K_ZONES = TD1_ZONES.filter((z) => z.kind !== 'digit' && z.kind !== 'digitOrFiller' && z.kind !== 'sex' && z.field !== 'names' && z.field !== 'documentCode');

/**
 * A K after a filler, in the fillers that end a zone (`ANNA<<<KK<<`), is most likely a
 * `<` the reader took for a K. No check digit can tell (K is worth 20, `<` 0, and the
 * weights are 7, 3, 1), and a name or a number can hold a K, so this is a warning.
 */
function fillerReadAsK(text: string, line: Line, from: number, to: number, field: MrzField): MrzWarning[] {
  if (from > to) return [];
  const zone = text.slice(from - 1, to);
  let start = zone.length;
  while (start > 0 && (zone[start - 1] === '<' || zone[start - 1] === 'K')) start--;
  const firstFiller = zone.indexOf('<', start);
  if (firstFiller < 0) return [];
  const out: MrzWarning[] = [];
  for (let i = firstFiller; i < zone.length; i++) {
    if (zone[i] === 'K') out.push({ code: 'ocr-suspect', field, line, position: from + i, found: 'K', suggested: '<' });
  }
  return out;
}
