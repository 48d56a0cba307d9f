/**
 * i18next with locale files loaded lazily from locales/<lang>/<namespace>.json: each is
 * its own chunk, precached by the service worker, so a language works offline without
 * putting every language in the start-up JavaScript.
 */
import i18next, { type TFunction } from 'i18next';

export const UI_LANGUAGES = ['ar', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const NAMESPACES = ['common', 'errors'] as const;

const RTL = new Set(['ar']);
export const directionOf = (lang: string): 'rtl' | 'ltr' => (RTL.has(lang) ? 'rtl' : 'ltr');

/** Fallback chain for UI strings and catalog text, most specific first. */
export const fallbackChain = (lang: string): string[] => [...new Set([lang, 'ar', 'fr'])];

const loaders = import.meta.glob<Record<string, unknown>>('../../../locales/*/*.json', { import: 'default' });

async function loadLanguage(lang: string): Promise<void> {
  await Promise.all(
    NAMESPACES.map(async (ns) => {
      if (i18next.hasResourceBundle(lang, ns)) return;
      const load = loaders[`../../../locales/${lang}/${ns}.json`];
      if (!load) throw new Error(`no locale file for ${lang}/${ns}`);
      i18next.addResourceBundle(lang, ns, await load());
    }),
  );
}

export function isUiLanguage(value: unknown): value is UiLanguage {
  return (UI_LANGUAGES as readonly unknown[]).includes(value);
}

export async function initI18n(lang: UiLanguage): Promise<TFunction> {
  await i18next.init({
    lng: lang,
    fallbackLng: (code) => fallbackChain(code).slice(1),
    ns: [...NAMESPACES],
    defaultNS: 'common',
    resources: {},
    interpolation: { escapeValue: false }, // Preact escapes
    returnNull: false,
  });
  await Promise.all(fallbackChain(lang).map(loadLanguage));
  return i18next.t;
}

export async function changeLanguage(lang: UiLanguage): Promise<TFunction> {
  await loadLanguage(lang);
  return i18next.changeLanguage(lang);
}

export { i18next };
