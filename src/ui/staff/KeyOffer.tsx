/**
 * After a PIN sign-in, on a terminal with a fingerprint reader, Windows Hello or a security
 * key: "use it next time?" Skippable; the member is signed in either way once this closes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffMember } from '../../core/auth/staff.ts';
import { db } from '../../data/db.ts';
import { registerCredential } from '../../data/staff-webauthn.ts';
import { useLang } from '../i18n/context.tsx';
import { FingerprintIcon } from './FingerprintIcon.tsx';

export function KeyOffer({ member, onDone }: { member: StaffMember; onDone(): void }) {
  const { t } = useLang();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const pending = useRef<AbortController | null>(null);
  useEffect(() => () => pending.current?.abort(), []);

  const register = async () => {
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    setFailed(false);
    const result = await registerCredential(db(), member, controller.signal);
    pending.current = null;
    if (controller.signal.aborted) return;
    setBusy(false);
    if (result.kind === 'registered') onDone();
    else setFailed(true);
  };

  return (
    <section class="key-offer" aria-labelledby="key-offer-title" data-testid="key-offer">
      <p class="label">{member.name}</p>
      <h2 id="key-offer-title">{t('staff.keyOfferTitle')}</h2>
      <p>{t('staff.keyOfferText')}</p>
      {failed && (
        <p class="notice error" role="alert">
          {t('staff.keyRegisterFailed')}
        </p>
      )}
      <p class="waiting" aria-live="polite">
        {busy ? t('staff.keyWaiting') : ''}
      </p>
      <div class="actions">
        <button type="button" class="button secondary" disabled={busy} onClick={onDone}>
          {t('staff.keySkip')}
        </button>
        <button type="button" class="button primary" disabled={busy} onClick={() => void register()}>
          <FingerprintIcon size={32} />
          {t('staff.keyOffer')}
        </button>
      </div>
    </section>
  );
}
