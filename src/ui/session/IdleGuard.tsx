/**
 * Watches for a citizen who walked away. After the idle time it shows (and speaks) a
 * warning that one tap dismisses; when the warning runs out, the session ends and
 * everything the citizen entered is wiped (DESIGN §5).
 *
 * The warning is spoken through the speech layer (a recording if agents made one, composed
 * with the recorded number of seconds, else a voice); while it is read the text is
 * highlighted, and if no voice exists it is marked so for the agent.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PromptPart } from '../../core/speech/compose.ts';
import { loadSpeech, stopSpeechIfLoaded, storedSpeechRate } from '../speech-lazy.ts';
import { useLang } from '../i18n/context.tsx';
import { idleConfig } from './idle-config.ts';
import './speech.css';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export function IdleGuard({ active, onExpire }: { active: boolean; onExpire(): void }) {
  const { t, lang } = useLang();
  const [warningUntil, setWarningUntil] = useState<number | null>(null);
  const [now, setNow] = useState(Date.now());
  const [speech, setSpeech] = useState<'idle' | 'speaking' | 'novoice'>('idle');
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
    const text = t('session.idleWarning', { count: seconds });
    let current = true;
    setSpeech('idle');
    // The speech layer and the composer load with the first warning, not at start-up.
    void Promise.all([loadSpeech(), import('../../core/speech/compose.ts')]).then(async ([{ say }, { composeNumber, composeTemplate }]) => {
      if (!current) return;
      let parts: PromptPart[] | undefined;
      try {
        parts = composeTemplate('session.idleWarning', t('session.idleWarning', { count: seconds, skipInterpolation: true }), { count: composeNumber(seconds, lang) });
      } catch {
        parts = undefined; // no number pieces for this language: a voice reads the whole text
      }
      const outcome = await say({ text, lang, rate: storedSpeechRate(), ...(parts ? { parts } : {}) }, () => current && setSpeech('speaking'));
      if (!current) return;
      setSpeech(!outcome.spoken && outcome.error === 'language-unavailable' ? 'novoice' : 'idle');
    });
    buttonRef.current?.focus();
    const tick = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= warningUntil) {
        clearInterval(tick);
        onExpire();
      }
    }, 250);
    return () => {
      current = false;
      clearInterval(tick);
      stopSpeechIfLoaded(); // the warning was dismissed: stop reading it
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [warningUntil]);

  if (warningUntil == null) return null;
  const left = Math.max(0, Math.ceil((warningUntil - now) / 1000));
  return (
    <div class="overlay">
      <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-text">
        <h2 id="idle-title">{t('session.idleTitle')}</h2>
        <p
          id="idle-text"
          aria-live="polite"
          data-speaking={speech === 'speaking' ? 'true' : undefined}
          data-speech-unvoiced={speech === 'novoice' ? 'true' : undefined}
        >
          {t('session.idleWarning', { count: left })}
        </p>
        {speech === 'novoice' && (
          <p class="notice speech-novoice" role="status">
            {t('speech.noVoice')}
          </p>
        )}
        {/* Any touch re-arms the timer (see ACTIVITY); the button is the obvious one. */}
        <button type="button" class="button primary" ref={buttonRef}>
          {t('session.stay')}
        </button>
      </div>
    </div>
  );
}
