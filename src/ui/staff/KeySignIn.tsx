/**
 * "Sign in with fingerprint/key", beside the PIN keypad, for a member who registered this
 * terminal's authenticator. Each press is one attempt with a fresh challenge; the check
 * runs offline (src/data/staff-webauthn.ts). Leaving the screen cancels a pending prompt.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffMember } from '../../core/auth/staff.ts';
import { db } from '../../data/db.ts';
import { signInWithCredential, type CredentialSignInResult } from '../../data/staff-webauthn.ts';
import { useLang } from '../i18n/context.tsx';
import { FingerprintIcon } from './FingerprintIcon.tsx';

export function KeySignIn({ member, disabled, onBusy, onResult }: { member: StaffMember; disabled: boolean; onBusy(busy: boolean): void; onResult(result: CredentialSignInResult): void }) {
  const { t } = useLang();
  const [waiting, setWaiting] = useState(false);
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  const attempt = async () => {
    const controller = new AbortController();
    pending.current = controller;
    setWaiting(true);
    onBusy(true);
    try {
      const result = await signInWithCredential(db(), member.id, controller.signal);
      if (!controller.signal.aborted) onResult(result);
    } finally {
      if (!controller.signal.aborted) {
        setWaiting(false);
        onBusy(false);
      }
      pending.current = null;
    }
  };

  return (
    <div class="key-sign-in">
      <button type="button" class="button secondary" data-testid="key-sign-in" disabled={disabled || waiting} onClick={() => void attempt()}>
        <FingerprintIcon size={48} />
        {t('staff.keySignIn')}
      </button>
      <p class="waiting" aria-live="polite">
        {waiting ? t('staff.keyWaiting') : ''}
      </p>
    </div>
  );
}
