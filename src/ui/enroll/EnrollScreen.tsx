/**
 * A supervisor enrols this terminal: their id and PIN go to the server once (the server
 * checks them with the same slow hash and back-off as sign-in), and the terminal keeps
 * the device token it gets back. Needs the network; says so plainly when there is none.
 */
import { useState } from 'preact/hooks';
import { db } from '../../data/db.ts';
import { currentEnrollment, enrollThisTerminal, type Enrollment, type EnrollResult } from '../../data/enrollment.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { keyboardFor, PIN_KEYBOARD, STAFF_ID_KEYBOARD } from '../../core/keyboard/choose.ts';
import { useLang } from '../i18n/context.tsx';
import { KeyboardInput } from '../keyboard/KeyboardInput.tsx';
import { BackButton } from '../layout/BackButton.tsx';

function refusalKey(result: Exclude<EnrollResult, { kind: 'enrolled' }>): string {
  if (result.kind === 'offline') return 'enroll.offline';
  switch (result.code) {
    case 'wrong-pin':
      return 'enroll.wrongPin';
    case 'staff-locked':
    case 'rate-limited':
      return 'enroll.locked';
    case 'not-a-supervisor':
      return 'enroll.notSupervisor';
    case 'enrollment-unavailable':
      return 'enroll.unavailable';
    case 'invalid-request':
      return 'enroll.invalid-request';
    default:
      return 'enroll.failed';
  }
}

export function EnrollScreen({ onBack, onEnrolled }: { onBack(): void; onEnrolled(enrollment: Enrollment): void }) {
  const { t, lang } = useLang();
  const previous = useLiveQuery(() => currentEnrollment(db()), []);
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [label, setLabel] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const shownLabel = label ?? previous?.label ?? t('enroll.defaultLabel');

  const submit = async () => {
    setBusy(true);
    setMessage(null);
    const result = await enrollThisTerminal(db(), { staffId: staffId.trim(), pin, label: shownLabel.trim() });
    setBusy(false);
    setPin('');
    if (result.kind === 'enrolled') return onEnrolled(result.enrollment);
    setMessage(t(refusalKey(result), { count: result.kind === 'refused' ? (result.retryAfterSeconds ?? 30) : 0 }));
  };

  return (
    <main class="screen enroll" aria-labelledby="enroll-title">
      <h1 id="enroll-title">{t('enroll.title')}</h1>
      <p>{t('enroll.intro')}</p>
      <form
        class="enroll-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div class="field">
          <label for="enroll-staff">{t('enroll.staffId')}</label>
          <KeyboardInput id="enroll-staff" plan={STAFF_ID_KEYBOARD} label={t('enroll.staffId')} class="input" dir="ltr" autoComplete="off" autoCapitalize="none" spellcheck={false} value={staffId} onInput={(e) => setStaffId((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="enroll-pin">{t('enroll.pin')}</label>
          <KeyboardInput id="enroll-pin" plan={PIN_KEYBOARD} label={t('enroll.pin')} class="input" dir="ltr" type="password" inputMode="numeric" autoComplete="off" maxLength={12} value={pin} onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value.replace(/\D/g, ''))} />
        </div>
        <div class="field">
          <label for="enroll-label">
            {t('enroll.label')}
            <span class="hint">{t('enroll.labelHint')}</span>
          </label>
          <KeyboardInput id="enroll-label" plan={keyboardFor('text', lang)} label={t('enroll.label')} class="input" maxLength={60} autoComplete="off" value={shownLabel} onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)} />
        </div>
        {message && (
          <p class="notice error" role="alert">
            {message}
          </p>
        )}
        <div class="actions">
          <BackButton onClick={onBack} />
          <button type="submit" class="button primary" disabled={busy || staffId.trim() === '' || pin.length < 6 || shownLabel.trim() === ''}>
            {t(busy ? 'enroll.working' : 'enroll.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
