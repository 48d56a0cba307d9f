/**
 * Plural categories for the kiosk's languages, from our own table, because Chromium's ICU
 * has no rules for some of them (rif) and Intl falls back to English for a code it does not
 * know (`shi-Latn`). Arabic and French follow CLDR (French without "many"); Tachelhit and Central Atlas Tamazight
 * follow CLDR's shi and tzm rules; Standard Amazigh and Tarifit use "one" for 1 and
 * "other" otherwise (a noun after 2 or more takes the plural) — a draft for native review.
 */
export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

export function pluralCategory(lang: string, count: number): PluralCategory {
  const n = Math.abs(count);
  const integer = Number.isInteger(n);
  switch (lang.split('-')[0]) {
    case 'ar': {
      if (n === 0) return 'zero';
      if (n === 1) return 'one';
      if (n === 2) return 'two';
      const mod100 = n % 100;
      if (integer && mod100 >= 3 && mod100 <= 10) return 'few';
      if (integer && mod100 >= 11 && mod100 <= 99) return 'many';
      return 'other';
    }
    case 'fr': // CLDR's "many" (1 000 000, …) reads as "other" in every string we have
      return n < 2 ? 'one' : 'other';
    case 'shi':
      if (Math.floor(n) === 0 || n === 1) return 'one';
      if (integer && n >= 2 && n <= 10) return 'few';
      return 'other';
    case 'tzm':
      if (integer && (n <= 1 || (n >= 11 && n <= 99))) return 'one';
      return 'other';
    default:
      return n === 1 ? 'one' : 'other';
  }
}

/** The categories a language uses, in CLDR order (i18next asks for them). */
export function pluralCategories(lang: string): PluralCategory[] {
  switch (lang.split('-')[0]) {
    case 'ar':
      return ['zero', 'one', 'two', 'few', 'many', 'other'];
    case 'shi':
      return ['one', 'few', 'other'];
    default:
      return ['one', 'other'];
  }
}
