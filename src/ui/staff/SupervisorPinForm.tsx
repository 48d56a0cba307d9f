/**
 * A supervisor types their PIN again so the server opens a session for its side of the
 * work (the relay's terminals, the figures). The form only collects the PIN; the screen
 * opens the session and says what went wrong.
 */
import { useState } from 'preact/hooks';
import { useLang } from '../i18n/context.tsx';

interface Props {
  /** The input's id (tests and the label use it). */
  id: string;
  /** Why the PIN is asked for. */
  intro: string;
  busy: boolean;
  onConfirm(pin: string): void;
}

export function SupervisorPinForm({ id, intro, busy, onConfirm }: Props) {
  const { t } = useLang();
  const [pin, setPin] = useState('');
  return (
    <form
      class="enroll-form"
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm(pin);
        setPin('');
      }}
    >
      <p>{intro}</p>
      <div class="field">
        <label for={id}>{t('enroll.pin')}</label>
        <input id={id} class="input" dir="ltr" type="password" inputMode="numeric" autoComplete="off" maxLength={12} value={pin} onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value.replace(/\D/g, ''))} />
      </div>
      <button type="submit" class="button primary" disabled={busy || pin.length < 6}>
        {t('terminals.confirm')}
      </button>
    </form>
  );
}
