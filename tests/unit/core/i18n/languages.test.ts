import { describe, expect, it } from 'vitest';
import { coverage, flatten } from '../../../../src/core/i18n/coverage.ts';
import { dayNames, formatAmazighDate, monthNames } from '../../../../src/core/i18n/calendar.ts';
import { directionOf, fallbackChain, isUiLanguage, LANGUAGES, UI_LANGUAGES } from '../../../../src/core/i18n/languages.ts';
import { pluralCategories, pluralCategory } from '../../../../src/core/i18n/plurals.ts';
import { transcribeToTifinagh } from '../../../../src/core/i18n/transcribe.ts';
import { pickLocalized } from '../../../../src/core/forms/localized.ts';

describe('languages and fallback chains', () => {
  it('offers Arabic, French, Standard Amazigh and each variant in both scripts', () => {
    expect(UI_LANGUAGES).toEqual(['ar', 'fr', 'zgh', 'shi-Tfng', 'shi-Latn', 'tzm-Tfng', 'tzm-Latn', 'rif-Tfng', 'rif-Latn']);
    expect(Object.values(LANGUAGES).filter((l) => l.draft).map((l) => l.code)).toEqual(['zgh', 'shi-Tfng', 'shi-Latn', 'tzm-Tfng', 'tzm-Latn', 'rif-Tfng', 'rif-Latn']);
    expect(isUiLanguage('shi-Latn')).toBe(true);
    expect(isUiLanguage('shi')).toBe(false);
    expect(isUiLanguage('__proto__')).toBe(false);
  });

  it('only Arabic is right to left; Tifinagh is written left to right', () => {
    expect(UI_LANGUAGES.filter((l) => directionOf(l) === 'rtl')).toEqual(['ar']);
  });

  it.each([
    ['shi-Latn', ['shi-Latn', 'shi-Tfng', 'shi', 'zgh', 'ar', 'fr']],
    ['shi-Tfng', ['shi-Tfng', 'shi-Latn', 'shi', 'zgh', 'ar', 'fr']],
    ['rif-Tfng', ['rif-Tfng', 'rif-Latn', 'rif', 'zgh', 'ar', 'fr']],
    ['zgh', ['zgh', 'ar', 'fr']],
    ['ar', ['ar', 'fr']],
    ['fr', ['fr', 'ar']],
  ])('%s falls back through %j', (lang, chain) => {
    expect(fallbackChain(lang)).toEqual(chain);
  });

  it('catalog text follows the same chain and says which language it used', () => {
    const text = { ar: 'شهادة السكنى', fr: 'Certificat de résidence', zgh: 'ⴰⵙⴷⴰⴳ ⵏ ⵜⵣⴷⵖⵉ', 'shi-Tfng': 'ⴰⵙⴷⴰⴳ ⵏ ⵜⵉⵣⴷⵖⵉ' };
    expect(pickLocalized(text, fallbackChain('shi-Latn'))).toEqual({ text: 'ⴰⵙⴷⴰⴳ ⵏ ⵜⵉⵣⴷⵖⵉ', lang: 'shi-Tfng' });
    expect(pickLocalized(text, fallbackChain('tzm-Latn'))).toEqual({ text: 'ⴰⵙⴷⴰⴳ ⵏ ⵜⵣⴷⵖⵉ', lang: 'zgh' });
    expect(pickLocalized({ ar: 'أ', fr: 'b' }, fallbackChain('rif-Latn'))).toEqual({ text: 'أ', lang: 'ar' });
  });
});

describe('plural rules of our own', () => {
  it.each([
    ['ar', [0, 1, 2, 3, 11, 100, 102, 103], ['zero', 'one', 'two', 'few', 'many', 'other', 'other', 'few']],
    ['fr', [0, 1, 1.5, 2, 1_000_000], ['one', 'one', 'one', 'other', 'other']],
    ['shi-Latn', [0, 1, 2, 10, 11, 0.5], ['one', 'one', 'few', 'few', 'other', 'one']],
    ['tzm-Tfng', [0, 1, 2, 10, 11, 99, 100], ['one', 'one', 'other', 'other', 'one', 'one', 'other']],
    ['zgh', [0, 1, 2], ['other', 'one', 'other']],
    ['rif-Latn', [1, 5], ['one', 'other']],
  ] as const)('%s', (lang, counts, expected) => {
    expect(counts.map((n) => pluralCategory(lang, n))).toEqual(expected);
    for (const category of expected) expect(pluralCategories(lang)).toContain(category);
  });
});

describe('Amazigh dates and Tifinagh transcription', () => {
  it('names months and days in Latin and Tifinagh, which Chromium cannot', () => {
    expect(monthNames('shi-Latn')[4]).toBe('mayyu');
    expect(monthNames('zgh')[0]).toBe('ⵉⵏⵏⴰⵢⵔ');
    expect(dayNames('tzm-Tfng')[5]).toBe('ⴰⵙⵉⵎⵡⴰⵙ');
    expect(formatAmazighDate('shi-Latn', { year: 1984, month: 5, day: 17 })).toBe('17 mayyu 1984');
    expect(formatAmazighDate('rif-Tfng', { year: 2026, month: 11, day: 23, hour: 9, minute: 5 })).toBe('23 ⵏⵓⵡⴰⵏⴱⵉⵔ 2026 · 09:05');
  });

  it('transcribes a locale string but keeps placeholders, acronyms and digits, and drops the neutral e', () => {
    expect(transcribeToTifinagh('Azen asuter')).toBe('ⴰⵣⵏ ⴰⵙⵓⵜⵔ');
    expect(transcribeToTifinagh('{{count}} usuter ittrajan')).toBe('{{count}} ⵓⵙⵓⵜⵔ ⵉⵜⵜⵔⴰⵊⴰⵏ');
    expect(transcribeToTifinagh('Tangalt n CNIE 2')).toBe('ⵜⴰⵏⴳⴰⵍⵜ ⵏ CNIE 2');
    expect(transcribeToTifinagh('Ansuf! Sti tutlayt nnk')).toBe('ⴰⵏⵙⵓⴼ! ⵙⵜⵉ ⵜⵓⵜⵍⴰⵢⵜ ⵏⵏⴽ');
    // Not Amazigh text: a card's letters mid-sentence, codes with digits, the unit mm.
    expect(transcribeToTifinagh('Tawsit: M niɣ F')).toBe('ⵜⴰⵡⵙⵉⵜ: M ⵏⵉⵖ F');
    expect(transcribeToTifinagh('Amedya AB123456, tasna A4, 58 mm')).toBe('ⴰⵎⴷⵢⴰ AB123456, ⵜⴰⵙⵏⴰ A4, 58 mm');
    expect(transcribeToTifinagh('I umawas')).toBe('ⵉ ⵓⵎⴰⵡⴰⵙ'); // a sentence's first word is text
  });
});

describe('translation coverage', () => {
  const bundles = {
    ar: { common: { a: 'أ', b: 'ب', n_zero: '', n_one: '', n_two: '', n_few: '', n_many: '', n_other: '' } },
    fr: { common: { a: 'A {{x}}', b: 'B', n_one: '{{count}}', n_other: '{{count}}' } },
    'shi-Latn': { common: { a: 'A {{y}}', n_one: '{{count}}', n_other: '{{count}}', stray: 's' } },
  };
  const reference = new Set(['common:a', 'common:b', 'common:n']);
  it('counts translated, missing, reviewed, unknown keys, plural gaps and stray placeholders', () => {
    const c = coverage('shi-Latn', bundles, reference, flatten(bundles.fr), { language: 'shi', reviewed: { 'common:a': { by: 'x', on: '2026-11-23' } } });
    expect(c).toMatchObject({ total: 3, translated: 2, missing: ['common:b'], reviewed: 1, unreviewed: 1, unknown: ['common:stray'], pluralGaps: ['common:n_few'], placeholderMismatches: ['common:a'] });
    const fr = coverage('fr', bundles, reference, flatten(bundles.fr));
    expect(fr).toMatchObject({ translated: 3, missing: [], unreviewed: 0, pluralGaps: [] });
  });
});
