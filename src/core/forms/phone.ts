/**
 * Moroccan phone numbers (ANRT national numbering plan): 10 digits nationally, `0` then
 * the 9-digit subscriber number. We accept fixed lines (05…) and mobiles (06…, 07…) only;
 * 08 (VoIP and toll-free 080x) and 09 are not numbers a citizen can be called back on by SMS.
 * Stored as E.164 (`+212` + 9 digits) so the server and SMS gateways get one form.
 */
import { foldDigits } from './digits.ts';

const SUBSCRIBER = /^[567][0-9]{8}$/;

/** `0612345678`, `06 12 34 56 78`, `06-12-34-56-78`, `+212 6…`, `00212 6…`, `212 6…`, `+212 (0)6…` → `+212612345678`. */
export function normalizeMoroccanPhone(input: string): string | null {
  if (typeof input !== 'string') return null;
  let digits = foldDigits(input).trim();
  const international = digits.startsWith('+');
  // Separators people type or paste: spaces (incl. no-break), dashes, dots, slashes, brackets.
  digits = digits.replace(/^\+/, '').replace(/[\s\u00a0.\-/()]/g, '');
  if (!/^[0-9]+$/.test(digits)) return null;

  let subscriber: string;
  if (digits.startsWith('00212')) subscriber = digits.slice(5);
  else if (digits.startsWith('212') && digits.length >= 12) subscriber = digits.slice(3);
  else if (international) return null; // another country code
  else if (digits.startsWith('0') && digits.length === 10) subscriber = digits.slice(1);
  else return null;

  // "+212 (0)6…" and "+212 06…" are common misspellings of the international form.
  if (subscriber.length === 10 && subscriber.startsWith('0')) subscriber = subscriber.slice(1);
  return SUBSCRIBER.test(subscriber) ? `+212${subscriber}` : null;
}

/** `+212612345678` → `06 12 34 56 78`, the way Moroccans write and read numbers aloud. */
export function formatMoroccanPhone(e164: string): string {
  const normal = normalizeMoroccanPhone(e164);
  if (normal === null) return e164; // show what was typed rather than hide it
  const national = `0${normal.slice(4)}`;
  return national.replace(/^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4 $5');
}
