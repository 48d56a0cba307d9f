/**
 * The languages as large buttons, each with its own name in its own script (so a citizen
 * finds theirs without reading the others) and a speaker that says the name aloud. Used
 * full screen at the start of each session and as a dialog from the top bar, where a
 * change keeps everything already entered.
 */
import { useEffect } from 'preact/hooks';
import { LANGUAGES, UI_LANGUAGES, type UiLanguage } from '../../core/i18n/languages.ts';
import { loadSpeech, storedSpeechRate } from '../speech-lazy.ts';
import { Pictogram } from '../icons/Pictogram.tsx';
import { useLang } from './context.tsx';

export function LanguagePicker({ onPick }: { onPick(lang: UiLanguage): void }) {
  const { t, lang: current } = useLang();
  return (
    <ul class="language-grid">
      {UI_LANGUAGES.map((code) => {
        const info = LANGUAGES[code];
        return (
          <li key={code} class="language-choice">
            <button type="button" class="button language-button" lang={code} dir={info.dir} aria-pressed={code === current} data-lang={code} onClick={() => onPick(code)}>
              {info.endonym}
            </button>
            <button
              type="button"
              class="button ghost language-listen"
              aria-label={t('languages.listen', { name: info.endonym })}
              onClick={() => void loadSpeech().then((speech) => speech.say({ text: info.endonym, lang: code, key: `language.${code}`, rate: storedSpeechRate() }))}
            >
              <Pictogram name="speaker" size={28} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The first screen of every session: pick a language. */
export function WelcomeScreen({ onPick }: { onPick(lang: UiLanguage): void }) {
  const { t } = useLang();
  useEffect(() => {
    // The first screen a citizen can use (bench/offline-start.ts measures up to here).
    if (performance.getEntriesByName('relais:interactive').length === 0) performance.mark('relais:interactive');
  }, []);
  return (
    <main class="screen welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('languages.welcome')}</h1>
      <LanguagePicker onPick={onPick} />
    </main>
  );
}

/** The same choice over the current screen; closing it changes nothing. */
export function LanguageDialog({ onPick, onClose }: { onPick(lang: UiLanguage): void; onClose(): void }) {
  const { t } = useLang();
  return (
    <div class="dialog-backdrop">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="language-dialog-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="language-dialog-title">{t('languages.choose')}</h2>
        <LanguagePicker onPick={onPick} />
        <div class="actions">
          <button type="button" class="button secondary" onClick={onClose} autoFocus>
            {t('languages.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
