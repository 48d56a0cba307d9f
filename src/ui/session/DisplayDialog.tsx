/**
 * Reading and display help for the citizen at the kiosk: guided reading (questions read
 * aloud as they appear), a high-contrast theme and larger text. They last for the
 * session: the next citizen starts with the defaults.
 */
import { useLang } from '../i18n/context.tsx';

export interface DisplayPrefs {
  guided: boolean;
  contrast: boolean;
  largeText: boolean;
}

export const DEFAULT_DISPLAY: DisplayPrefs = { guided: false, contrast: false, largeText: false };

/** The classes the preferences put on <html> (styles.css draws them). */
export function applyDisplay(prefs: DisplayPrefs): void {
  const root = document.documentElement.classList;
  root.toggle('theme-contrast', prefs.contrast);
  root.toggle('text-large', prefs.largeText);
}

export function DisplayDialog({ prefs, onChange, onClose }: { prefs: DisplayPrefs; onChange(prefs: DisplayPrefs): void; onClose(): void }) {
  const { t } = useLang();
  const toggle = (key: keyof DisplayPrefs, label: string) => (
    <button type="button" class="button secondary display-toggle" aria-pressed={prefs[key]} data-display={key} onClick={() => onChange({ ...prefs, [key]: !prefs[key] })}>
      {label}
    </button>
  );
  return (
    <div class="dialog-backdrop">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="display-dialog-title" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h2 id="display-dialog-title">{t('display.title')}</h2>
        <div class="display-toggles">
          {toggle('guided', t('display.guided'))}
          {toggle('contrast', t('display.contrast'))}
          {toggle('largeText', t('display.largeText'))}
        </div>
        <div class="actions">
          <button type="button" class="button primary" onClick={onClose} autoFocus>
            {t('languages.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
