import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TFunction } from 'i18next';
import type { Localized } from '../../core/forms/types.ts';
import { pickLocalized } from '../../core/forms/localized.ts';
import { directionOf, fallbackChain, type UiLanguage } from './i18n.ts';

export interface LangState {
  lang: UiLanguage;
  t: TFunction;
  setLang(lang: UiLanguage): void;
}

export const LangContext = createContext<LangState | null>(null);

export function useLang(): LangState {
  const state = useContext(LangContext);
  if (!state) throw new Error('useLang outside LangContext');
  return state;
}

/** Catalog text in the citizen's language; `lang`/`dir` tell the element what it holds. */
export function useLocalized(): (text: Localized) => { text: string; lang: string; dir: 'rtl' | 'ltr'; fallback: boolean } {
  const { lang } = useLang();
  return (text) => {
    const picked = pickLocalized(text, fallbackChain(lang));
    return { text: picked.text, lang: picked.lang, dir: directionOf(picked.lang), fallback: picked.lang !== lang };
  };
}
