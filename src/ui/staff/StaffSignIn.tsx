/**
 * Agents and supervisors sign in with their PIN, offline, against the relay's cached
 * configuration. Big keys for a touch screen; the PIN field never shows the digits.
 * Where the terminal has an authenticator (fingerprint, Windows Hello, a security key), a
 * member may register it after a PIN sign-in and then sign in with it, still offline.
 */
import { useState } from 'preact/hooks';
import type { StaffMember } from '../../core/auth/staff.ts';
import { db } from '../../data/db.ts';
import { cachedRelayConfig } from '../../data/relay-sync.ts';
import { signIn } from '../../data/staff-sign-in.ts';
import { forgetCredential, shouldOfferRegistration, storedCredential, webAuthnSupported, type CredentialSignInResult } from '../../data/staff-webauthn.ts';
import { useLiveQuery } from '../hooks/use-live-query.ts';
import { useLang } from '../i18n/context.tsx';
import { dateFormat } from '../i18n/locale.ts';
import { Pictogram } from '../icons/Pictogram.tsx';
import { BackButton } from '../layout/BackButton.tsx';
import { KeyOffer } from './KeyOffer.tsx';
import { KeySignIn } from './KeySignIn.tsx';
import './staff.css';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function StaffSignIn({ onSignedIn, onBack }: { onSignedIn(member: StaffMember): void; onBack(): void }) {
  const { t, lang } = useLang();
  const config = useLiveQuery(() => cachedRelayConfig(db()), []);
  const [member, setMember] = useState<StaffMember | null>(null);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The member who has just proved their PIN, while "use this terminal's fingerprint/key next time?" shows.
  const [offerFor, setOfferFor] = useState<StaffMember | null>(null);
  // "Forget this terminal's fingerprint/key": armed here, done once the member's PIN is right.
  const [forgetting, setForgetting] = useState(false);
  const credential = useLiveQuery(() => (member ? storedCredential(db(), member) : undefined), [member]);
  const hasKey = !!member && credential?.staffId === member.id && webAuthnSupported();
  const time = dateFormat(lang, { show: 'time' });

  const refusedUntil = (lockedUntil: number, otherwise: string) =>
    setMessage(lockedUntil > Date.now() ? t('staff.locked', { time: time.format(lockedUntil) }) : otherwise);

  const submit = async () => {
    if (!member) return;
    setBusy(true);
    const result = await signIn(db(), member.id, pin);
    setPin('');
    if (result.kind === 'signed-in') {
      if (forgetting) {
        await forgetCredential(db(), result.member.id);
        return onSignedIn(result.member);
      }
      const offer = await shouldOfferRegistration(db(), result.member);
      setBusy(false);
      return offer ? setOfferFor(result.member) : onSignedIn(result.member);
    }
    setBusy(false);
    if (result.kind === 'unknown-member') return setMessage(t('staff.unavailable'));
    refusedUntil(result.lockedUntil, t('staff.wrongPin'));
  };

  const onKeyResult = (result: CredentialSignInResult) => {
    if (result.kind === 'signed-in') return onSignedIn(result.member);
    if (result.kind === 'unknown-member') return setMessage(t('staff.unavailable'));
    if (result.kind === 'refused' || result.kind === 'locked') return refusedUntil(result.lockedUntil, t('staff.keyFailed'));
    if (result.kind === 'cancelled') return setMessage(null);
    setMessage(t('staff.keyUnavailable'));
  };

  if (offerFor) {
    return (
      <main class="screen staff" aria-labelledby="staff-title">
        <h1 id="staff-title">{t('staff.title')}</h1>
        <KeyOffer member={offerFor} onDone={() => onSignedIn(offerFor)} />
      </main>
    );
  }

  return (
    <main class="screen staff" aria-labelledby="staff-title">
      <h1 id="staff-title">{t('staff.title')}</h1>
      {(!config || config.staff.length === 0) && <p class="notice">{t('staff.unavailable')}</p>}
      {!member && (
        <ul class="staff-list">
          {config?.staff.map((s) => (
            <li key={s.id}>
              <button type="button" class="button secondary" data-staff={s.id} onClick={() => setMember(s)}>
                {s.name}
              </button>
            </li>
          ))}
        </ul>
      )}
      {member && (
        <form
          class="pin-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <p class="label">{member.name}</p>
          <label for="staff-pin">{t('staff.pin')}</label>
          <input id="staff-pin" class="input" type="password" inputMode="numeric" autoComplete="off" maxLength={12} value={pin} onInput={(e) => setPin((e.currentTarget as HTMLInputElement).value.replace(/\D/g, ''))} />
          <div class="pin-row">
            <div class="keypad" dir="ltr">
              {KEYS.map((k) => (
                <button key={k} type="button" class="button secondary" disabled={busy} onClick={() => setPin((p) => (p + k).slice(0, 12))}>
                  {k}
                </button>
              ))}
              <button type="button" class="button secondary" disabled={busy} aria-label={t('staff.erase')} onClick={() => setPin((p) => p.slice(0, -1))}>
                ⌫
              </button>
            </div>
            {hasKey && !forgetting && <KeySignIn member={member} disabled={busy} onBusy={setBusy} onResult={onKeyResult} />}
          </div>
          {hasKey && (
            <p>
              <button type="button" class="button link key-forget" aria-pressed={forgetting} disabled={busy} onClick={() => (setForgetting((f) => !f), setMessage(null))}>
                {t('staff.keyForget')}
              </button>
            </p>
          )}
          {forgetting && <p class="notice">{t('staff.keyForgetConfirm')}</p>}
          {message && (
            <p class="notice error" role="alert">
              {message}
            </p>
          )}
          <div class="actions">
            <BackButton onClick={() => (setMember(null), setMessage(null), setPin(''), setForgetting(false))} />
            <button type="submit" class="button primary" disabled={busy || pin.length < 6}>
              {t('staff.signIn')}
            </button>
          </div>
        </form>
      )}
      {!member && (
        <div class="actions">
          <BackButton onClick={onBack} />
        </div>
      )}
    </main>
  );
}
