/**
 * i18next with locale files loaded lazily from locales/<lang>/<namespace>.json: each is
 * its own chunk, precached by the service worker, so a language works offline without
 * putting every language in the start-up JavaScript. Plurals come from our own table
 * (core/i18n/plurals.ts): Chromium has no rules for some Amazigh codes. Strings served
 * from a fallback language are counted, so the screen can say the translation is partial.
 */
import i18next, { type TFunction } from 'i18next';
import { fallbackChain, isUiLanguage, type UiLanguage } from '../../core/i18n/languages.ts';
import { pluralCategories, pluralCategory } from '../../core/i18n/plurals.ts';

export { directionOf, fallbackChain, isUiLanguage, LANGUAGES, UI_LANGUAGES, type UiLanguage } from '../../core/i18n/languages.ts';
export { NAMESPACES } from '../../core/i18n/namespaces.ts';
import { CITIZEN_NAMESPACES, NAMESPACES, type Namespace } from '../../core/i18n/namespaces.ts';

const loaders = import.meta.glob<Record<string, unknown>>('../../../locales/*/{common,errors,console,bundle,qr,figures}.json', { import: 'default' });

// Citizens' strings are awaited before the first render; the staff screens' (console,
// bundle, qr, figures) load right after, unawaited, so they are not start-up bytes.
const STAFF_NAMESPACES = NAMESPACES.filter((ns) => !CITIZEN_NAMESPACES.includes(ns));
const loadStaffStrings = (lang: string): void =>
  void Promise.all(fallbackChain(lang).map((l) => loadLanguage(l, STAFF_NAMESPACES))).catch((error: unknown) => console.error('staff strings did not load', error));

async function loadLanguage(lang: string, namespaces: readonly Namespace[] = CITIZEN_NAMESPACES): Promise<void> {
  await Promise.all(
    namespaces.map(async (ns) => {
      if (i18next.hasResourceBundle(lang, ns)) return;
      const load = loaders[`../../../locales/${lang}/${ns}.json`];
      if (!load) return; // a language may not have every namespace yet: its fallback chain serves it
      i18next.addResourceBundle(lang, ns, await load());
    }),
  );
}

/** Keys the current screen showed from a fallback language (reset on each language change). */
const fallbackKeys = new Set<string>();
const listeners = new Set<() => void>();
export function onFallbackKey(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
export const fallbackKeyCount = (): number => fallbackKeys.size;

function useOwnPluralRules(): void {
  const resolver = i18next.services.pluralResolver as unknown as { getRule(code: string, options?: { ordinal?: boolean }): unknown };
  const original = resolver.getRule.bind(resolver);
  resolver.getRule = (code, options = {}) =>
    options.ordinal ? original(code, options) : { select: (n: number) => pluralCategory(code, n), resolvedOptions: () => ({ pluralCategories: pluralCategories(code) }) };
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
  useOwnPluralRules();
  await Promise.all(fallbackChain(lang).map((l) => loadLanguage(l)));
  loadStaffStrings(lang);
  return tracked(lang);
}

/**
 * i18next's t, noting each key the language itself lacks (it was served by the fallback
 * chain). Noted after the render that asked, so listeners never update during a render.
 */
function tracked(lang: UiLanguage): TFunction {
  const t = ((key: string | string[], options?: Record<string, unknown>) => {
    const value = i18next.t(key as string, options as never);
    const first = Array.isArray(key) ? key[0]! : key;
    if (!i18next.exists(first, { ...options, lng: lang, fallbackLng: false } as never) && !fallbackKeys.has(first)) {
      fallbackKeys.add(first);
      queueMicrotask(() => {
        for (const listener of listeners) listener();
      });
    }
    return value;
  }) as unknown as TFunction;
  return t;
}

export async function changeLanguage(lang: UiLanguage): Promise<TFunction> {
  await Promise.all(fallbackChain(lang).map((l) => loadLanguage(l)));
  loadStaffStrings(lang);
  fallbackKeys.clear();
  await i18next.changeLanguage(lang);
  for (const listener of listeners) listener();
  return tracked(lang);
}

export { i18next };
