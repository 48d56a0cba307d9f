/**
 * CSV for the back office (RFC 4180): fields quoted when they hold a comma, quote, CR or
 * LF (quotes doubled), CRLF line ends, and a UTF-8 byte order mark so Excel reads Arabic
 * and Tifinagh instead of guessing a Windows code page. A value a spreadsheet would run
 * as a formula (starting with = + - @, TAB or CR, and not simply a number or phone
 * number) gets a leading apostrophe: applicants type these values, the office opens them.
 */
export const BOM = '\ufeff';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?[\d\s().]+$/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) && !NUMBER_LIKE.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvTable(header: string[], rows: string[][]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
