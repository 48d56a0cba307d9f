/**
 * "Track an application": the citizen holds the receipt's QR code to the camera, or the
 * agent types the tracking code. A receipt link or a tracking code opens its status;
 * any other code is shown as read (so the agent sees the camera works) and scanning goes on.
 */
import { useState } from 'preact/hooks';
import { normalizeTrackingCode } from '../../core/ids/tracking-code.ts';
import { meaningOf } from '../../core/scan/scan-result.ts';
import { TRACKING_CODE_KEYBOARD } from '../../core/keyboard/choose.ts';
import { useLang } from '../i18n/context.tsx';
import { useOnScreenKeyboard } from '../keyboard/use-on-screen-keyboard.tsx';
import { Scanner } from './Scanner.tsx';
import type { Decoded } from './zxing-decode.ts';
import './scan.css';

interface Props {
  onTrack(trackingCode: string): void;
  onBack(): void;
}

export function ScanScreen({ onTrack, onBack }: Props) {
  const { t } = useLang();
  const [last, setLast] = useState<Decoded | null>(null);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState(false);
  const osk = useOnScreenKeyboard('scan-typed-code', TRACKING_CODE_KEYBOARD, t('scan.typeLabel'));

  const onRead = (read: Decoded) => {
    setLast(read);
    const meaning = meaningOf(read.text);
    if (meaning.kind === 'tracking') onTrack(meaning.trackingCode);
  };

  const submitTyped = (event: Event) => {
    event.preventDefault();
    const code = normalizeTrackingCode(typed);
    setTypedError(code === null);
    if (code) onTrack(code);
  };

  return (
    <main class="screen scan-screen" aria-labelledby="scan-title">
      <h1 id="scan-title">{t('scan.title')}</h1>
      <p>{t('scan.intro')}</p>
      <Scanner onRead={onRead} />
      {last && (
        <p class="scan-last" role="status" data-testid="scan-last" data-format={last.format} dir="ltr">
          {t('scan.lastRead', { format: last.format })} <span data-testid="scan-last-text">{last.text}</span>
          {meaningOf(last.text).kind === 'other' && <span class="hint"> — {t('scan.notReceipt')}</span>}
        </p>
      )}
      <form class="scan-typed" onSubmit={submitTyped} noValidate>
        <label for="scan-typed-code">{t('scan.typeLabel')}</label>
        <div class="osk-field">
          <input
            id="scan-typed-code"
            name="trackingCode"
            dir="ltr"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            placeholder="XXXXX-XXXXX"
            value={typed}
            aria-invalid={typedError}
            aria-describedby={typedError ? 'scan-typed-error' : undefined}
            onInput={(e) => {
              setTyped((e.target as HTMLInputElement).value);
              setTypedError(false);
            }}
            {...osk.inputProps}
          />
          {osk.toggle}
        </div>
        {osk.panel}
        <button type="submit" class="button primary">
          {t('scan.typeSubmit')}
        </button>
        {typedError && (
          <p id="scan-typed-error" class="notice error" role="alert">
            {t('scan.typeInvalid')}
          </p>
        )}
      </form>
      <div class="actions">
        <button type="button" class="button secondary" onClick={onBack}>
          {t('scan.back')}
        </button>
      </div>
    </main>
  );
}
