/**
 * Watches for a citizen who walked away. After the idle time it shows (and speaks) a
 * warning that one tap dismisses; when the warning runs out, the session ends and
 * everything the citizen entered is wiped (DESIGN §5).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { speak } from '../../speech/speak.ts';
import { useLang } from '../i18n/context.tsx';
import { idleConfig } from './idle-config.ts';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export function IdleGuard({ active, onExpire }: { active: boolean; onExpire(): void }) {
  const { t, lang } = useLang();
  const [warningUntil, setWarningUntil] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const idleTimer = useRef<ReturnType<typeof setTimeout>>();
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!active) {
      setWarningUntil(null);
      return;
    }
    const { idleMs, warningMs } = idleConfig();
    const arm = () => {
      clearTimeout(idleTimer.current);
      setWarningUntil(null);
      idleTimer.current = setTimeout(() => setWarningUntil(Date.now() + warningMs), idleMs);
    };
    arm();
    for (const type of ACTIVITY) document.addEventListener(type, arm, { capture: true, passive: true });
    return () => {
      clearTimeout(idleTimer.current);
      for (const type of ACTIVITY) document.removeEventListener(type, arm, { capture: true });
    };
  }, [active]);

  useEffect(() => {
    if (warningUntil == null) return;
    const seconds = Math.ceil((warningUntil - Date.now()) / 1000);
    speak(t('session.idleWarning', { count: seconds }), lang);
    buttonRef.current?.focus();
    const tick = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= warningUntil) {
        clearInterval(tick);
        onExpire();
      }
    }, 250);
    return () => clearInterval(tick);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [warningUntil]);

  if (warningUntil == null) return null;
  const left = Math.max(0, Math.ceil((warningUntil - now) / 1000));
  return (
    <div class="overlay">
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title">{t('session.idleTitle')}</h2>
        <p id="idle-text" aria-live="polite">
          {t('session.idleWarning', { count: left })}
        </p>
        {/* Any touch re-arms the timer (see ACTIVITY); the button is the obvious one. */}
        <button type="button" class="button primary" ref={buttonRef}>
          {t('session.stay')}
        </button>
      </div>
    </div>
  );
}
