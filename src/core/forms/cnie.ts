/**
 * The number of the Moroccan national electronic identity card (CNIE, البطاقة الوطنية
 * للتعريف الإلكترونية) is a prefix of one or two Latin letters — the code of the issuing
 * prefecture or province — followed by digits, e.g. `BE123456`, `A123456`, `JB12345`
 * (DGSN, cnie.ma, "numéro de la carte"; the same layout is printed in the card's MRZ).
 * Recent cards carry 8 characters at most; older cards have fewer digits, so we accept
 * 1 to 6 digits rather than reject a valid old card.
 */
import { foldDigits } from './digits.ts';

export const CNIE_PATTERN = /^[A-Z]{1,2}[0-9]{1,6}$/;

/** `be 123456`, `Be123456`, `BE-123456` → `BE123456`; null when it cannot be a CNIE number. */
export function normalizeCnie(input: string): string | null {
  if (typeof input !== 'string') return null;
  const compact = foldDigits(input).replace(/[\s\u00a0-]/g, '').toUpperCase();
  return CNIE_PATTERN.test(compact) ? compact : null;
}
