/**
 * Reading and display help for the citizen at the kiosk: guided reading (questions read
 * aloud as they appear), a high-contrast theme and larger text. They last for the
 * session: the next citizen starts with the defaults. The speech rate (slow, normal,
 * fast) is set here too, for every reading on every screen; it is the kiosk's setting.
 * Loaded when first opened (App); the preferences themselves live in display-prefs.ts.
 */
import { useEffect, useState } from 'preact/hooks';
import { nextRate, onRateChange, storeRate, storedRate } from '../../speech/rate.ts';
import { useLang } from '../i18n/context.tsx';
import type { DisplayPrefs } from './display-prefs.ts';

export function DisplayDialog({ prefs, onChange, onClose }: { prefs: DisplayPrefs; onChange(prefs: DisplayPrefs): void; onClose(): void }) {
  const { t } = useLang();
  const [rate, setRate] = useState(storedRate);
  useEffect(() => onRateChange(setRate), []);
  const rateName = rate < 1 ? t('speech.rateSlow') : rate > 1 ? t('speech.rateFast') : t('speech.rateNormal');
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
          <button type="button" class="button secondary display-toggle" data-display="rate" data-rate={rate} onClick={() => storeRate(nextRate(rate))}>
            {t('speech.rate')}: {rateName}
          </button>
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
