/**
 * Says so when some of the interface is shown in a fallback language because this
 * language's strings are not all written yet (the Amazigh ones are drafts in progress).
 * Catalog text in a fallback language is marked where it is shown (useLocalized).
 */
import { useEffect, useState } from 'preact/hooks';
import { fallbackChain, LANGUAGES } from '../../core/i18n/languages.ts';
import { useLang } from './context.tsx';
import { fallbackKeyCount, onFallbackKey } from './i18n.ts';

export function FallbackNotice() {
  const { t, lang } = useLang();
  const [count, setCount] = useState(fallbackKeyCount());
  useEffect(() => onFallbackKey(() => setCount(fallbackKeyCount())), []);
  if (count === 0 || lang === 'ar' || lang === 'fr') return null;
  const next = fallbackChain(lang).slice(1).map((code) => LANGUAGES[code as keyof typeof LANGUAGES]?.endonym ?? code);
  return (
    <p class="notice fallback-notice" role="note" data-fallback-keys={count}>
      {t('languages.partial', { languages: next.join(' · ') })}
    </p>
  );
}
