/**
 * The kiosk's languages (DESIGN §7): Arabic, French, Standard Moroccan Amazigh in
 * Tifinagh, and the three Amazigh variants spoken at the relays — Tachelhit, Tarifit and
 * Central Atlas Tamazight — each in Tifinagh and in Latin transcription. Codes are BCP 47
 * (`shi-Latn`); the same codes key catalog text. Amazigh names and strings are drafts
 * for native review (see locales/review/).
 */
export const UI_LANGUAGES = ['ar', 'fr', 'zgh', 'shi-Tfng', 'shi-Latn', 'tzm-Tfng', 'tzm-Latn', 'rif-Tfng', 'rif-Latn'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export type Script = 'Arab' | 'Latn' | 'Tfng';

export interface LanguageInfo {
  code: UiLanguage;
  /** The language without script: ar, fr, zgh, shi, tzm, rif. */
  base: string;
  script: Script;
  dir: 'rtl' | 'ltr';
  /** Its own name in its own script, as on the welcome screen. */
  endonym: string;
  /** The name in French and Arabic, for staff screens. */
  names: { fr: string; ar: string };
  /** Whether a native speaker has yet to review our strings (all Amazigh today). */
  draft: boolean;
}

export const LANGUAGES: Readonly<Record<UiLanguage, LanguageInfo>> = {
  ar: { code: 'ar', base: 'ar', script: 'Arab', dir: 'rtl', endonym: 'العربية', names: { fr: 'Arabe', ar: 'العربية' }, draft: false },
  fr: { code: 'fr', base: 'fr', script: 'Latn', dir: 'ltr', endonym: 'Français', names: { fr: 'Français', ar: 'الفرنسية' }, draft: false },
  zgh: { code: 'zgh', base: 'zgh', script: 'Tfng', dir: 'ltr', endonym: 'ⵜⴰⵎⴰⵣⵉⵖⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ', names: { fr: 'Amazighe standard', ar: 'الأمازيغية المعيارية' }, draft: true },
  'shi-Tfng': { code: 'shi-Tfng', base: 'shi', script: 'Tfng', dir: 'ltr', endonym: 'ⵜⴰⵛⵍⵃⵉⵜ', names: { fr: 'Tachelhit (tifinagh)', ar: 'تاشلحيت (تيفيناغ)' }, draft: true },
  'shi-Latn': { code: 'shi-Latn', base: 'shi', script: 'Latn', dir: 'ltr', endonym: 'Tacelḥit', names: { fr: 'Tachelhit (latin)', ar: 'تاشلحيت (لاتيني)' }, draft: true },
  'tzm-Tfng': { code: 'tzm-Tfng', base: 'tzm', script: 'Tfng', dir: 'ltr', endonym: 'ⵜⴰⵎⴰⵣⵉⵖⵜ ⵏ ⵡⴰⵟⵍⴰⵙ', names: { fr: 'Tamazight du Moyen Atlas (tifinagh)', ar: 'تمازيغت الأطلس المتوسط (تيفيناغ)' }, draft: true },
  'tzm-Latn': { code: 'tzm-Latn', base: 'tzm', script: 'Latn', dir: 'ltr', endonym: 'Tamaziɣt n Waṭlas', names: { fr: 'Tamazight du Moyen Atlas (latin)', ar: 'تمازيغت الأطلس المتوسط (لاتيني)' }, draft: true },
  'rif-Tfng': { code: 'rif-Tfng', base: 'rif', script: 'Tfng', dir: 'ltr', endonym: 'ⵜⴰⵔⵉⴼⵉⵜ', names: { fr: 'Tarifit (tifinagh)', ar: 'تاريفيت (تيفيناغ)' }, draft: true },
  'rif-Latn': { code: 'rif-Latn', base: 'rif', script: 'Latn', dir: 'ltr', endonym: 'Tarifit', names: { fr: 'Tarifit (latin)', ar: 'تاريفيت (لاتيني)' }, draft: true },
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && Object.hasOwn(LANGUAGES, value);
}

export const directionOf = (lang: string): 'rtl' | 'ltr' => (isUiLanguage(lang) ? LANGUAGES[lang].dir : lang.startsWith('ar') ? 'rtl' : 'ltr');

/**
 * Where a string or catalog text missing in `lang` is looked for next, most specific
 * first. A variant first tries itself in the other script (the same words), then
 * Standard Amazigh, then Arabic and French, which every text has:
 *   shi-Latn → shi-Tfng → zgh → ar → fr;   shi-Tfng → shi-Latn → zgh → ar → fr;
 *   zgh → ar → fr;   ar → fr;   fr → ar.
 * (Catalog text may also carry a bare `shi`: it is read after both scripted forms.)
 */
export function fallbackChain(lang: string): string[] {
  const info = isUiLanguage(lang) ? LANGUAGES[lang] : undefined;
  const chain: string[] = [lang];
  if (info && info.base !== 'zgh' && info.base !== 'ar' && info.base !== 'fr') {
    chain.push(`${info.base}-${info.script === 'Latn' ? 'Tfng' : 'Latn'}`, info.base, 'zgh');
  }
  chain.push(...(lang === 'fr' ? ['ar'] : ['ar', 'fr']));
  return [...new Set(chain)];
}
