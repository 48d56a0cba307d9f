/**
 * A member of staff types their PIN again so the server opens a session for its side of
 * the work (a supervisor: the relay's terminals, the figures; anyone: publishing recorded
 * prompts). A refusal (wrong PIN, too many tries, no
 * server) is said here, under the field.
 */
import { useState } from 'preact/hooks';
import type { StaffSession } from '../../core/sync/protocol.ts';
import { db } from '../../data/db.ts';
import { openStaffSession } from '../../data/supervisor-api.ts';
import { PIN_KEYBOARD } from '../../core/keyboard/choose.ts';
import { useLang } from '../i18n/context.tsx';
import { KeyboardInput } from '../keyboard/KeyboardInput.tsx';

interface Props {
  staffId: string;
  /** The input's id (tests and the label use it). */
  id: string;
  /** Why the PIN is asked for. */
  intro: string;
  onSession(session: StaffSession): void;
  /** The server could not be reached; without it, the form says so itself. */
  onOffline?(): void;
}

export function StaffPinForm({ staffId, id, intro, onSession, onOffline }: Props) {
  const { t } = useLang();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setRefusal(null);
    const result = await openStaffSession(db(), staffId, pin);
    setBusy(false);
    setPin('');
    if (result.ok) return onSession(result.value);
    if (result.code === 'offline' && onOffline) return onOffline();
    const key = result.code === 'offline' ? 'terminals.offline' : result.code === 'wrong-pin' ? 'enroll.wrongPin' : result.code === 'staff-locked' ? 'enroll.locked' : 'terminals.failed';
    setRefusal(t(key, { count: result.retryAfterSeconds ?? 30 }));
  };

  return (
    <form
      class="enroll-form"
      onSubmit={(e) => {
        e.preventDefault();
        void confirm();
      }}
    >
      <p>{intro}</p>
      <div class="field">
        <label for={id}>{t('staff.pin')}</label>
        <KeyboardInput id={id} plan={PIN_KEYBOARD} label={t('staff.pin')} class="input" dir="ltr" type="password" inputMode="numeric" autoComplete="off" maxLength={12} value={pin} onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value.replace(/\D/g, ''))} />
      </div>
      {refusal && (
        <p class="notice error" role="alert">
          {refusal}
        </p>
      )}
      <button type="submit" class="button primary" disabled={busy || pin.length < 6}>
        {t('terminals.confirm')}
      </button>
    </form>
  );
}
