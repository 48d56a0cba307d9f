/**
 * Picks the text of a catalog entry for a language, walking a fallback chain, and says
 * which language it actually used so the UI can mark text shown in a fallback language.
 */
import type { ContentLang, Localized } from './types.ts';

export const DEFAULT_FALLBACK: readonly ContentLang[] = ['ar', 'fr'];

export function pickLocalized(text: Localized, chain: readonly string[]): { text: string; lang: ContentLang } {
  for (const lang of [...chain, ...DEFAULT_FALLBACK]) {
    const value = text[lang as ContentLang];
    if (typeof value === 'string' && value.trim() !== '') return { text: value, lang: lang as ContentLang };
  }
  return { text: text.ar, lang: 'ar' };
}
