/**
 * ICAO Doc 9303 Part 3 §4.9 check digits: each character gets a value (digits 0–9,
 * A–Z 10–35, the filler `<` 0), values are multiplied by the repeating weights 7, 3, 1,
 * and the check digit is the sum modulo 10.
 */

/** The value of one MRZ character, or null for a character the MRZ cannot hold. */
export function mrzCharValue(ch: string): number | null {
  if (ch.length !== 1) return null;
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48; // 0-9
  if (code >= 65 && code <= 90) return code - 55; // A-Z → 10-35
  if (ch === '<') return 0;
  return null;
}

const WEIGHTS = [7, 3, 1] as const;

/** The check digit of `text`, or null when it holds a character that has no value. */
export function checkDigit(text: string): number | null {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const value = mrzCharValue(text[i]!);
    if (value === null) return null;
    sum += value * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}
