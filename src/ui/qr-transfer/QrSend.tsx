/**
 * Shows a byte string (a bundle) as an animated sequence of QR codes for another
 * terminal's or a phone's camera (QrReceive there). The frames loop until the screen
 * closes: the receiver picks up on the next loop whatever it missed. Each frame shows as
 * two images in turn, in two QR mask patterns (core/qr-transfer/schedule.ts says why). Pause, step through
 * the frames while paused, and three speeds; the screen is kept awake while it shows codes.
 * Frame format and chosen pace: src/core/qr-transfer/.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { framesFor } from '../../core/qr-transfer/frames.ts';
import { DEFAULT_FRAME_RATE, FRAME_RATES, loopSeconds, type FrameRate } from '../../core/qr-transfer/params.ts';
import { IMAGES_PER_FRAME, shownAt, stepFrom } from '../../core/qr-transfer/schedule.ts';
import { useLang } from '../i18n/context.tsx';
import { frameDrawing } from './qr-frame.ts';
import './qr-transfer.css';

const QUIET_ZONE = 4;
const RATES = Object.keys(FRAME_RATES) as FrameRate[];
const RATE_TEXT = { slow: 'qr:send.rate.slow', normal: 'qr:send.rate.normal', fast: 'qr:send.rate.fast' } as const satisfies Record<FrameRate, string>;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

export function QrSend({ bytes, onClose }: { bytes: Uint8Array; onClose(): void }) {
  const { t } = useLang();
  const [frames, setFrames] = useState<string[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [tick, setTick] = useState(0); // images shown since the start (two per frame, core/qr-transfer/schedule.ts)
  const [paused, setPaused] = useState(false);
  const [rate, setRate] = useState<FrameRate>(DEFAULT_FRAME_RATE);

  useEffect(() => {
    let live = true;
    setFrames(null);
    setTick(0);
    framesFor(crypto.subtle, bytes).then(
      (made) => live && setFrames(made),
      () => live && setFailed(true), // more than a receiver takes: the file route carries it
    );
    return () => {
      live = false;
    };
  }, [bytes]);

  useEffect(() => {
    if (!frames || paused) return;
    const timer = setInterval(() => setTick((n) => n + 1), 1000 / (FRAME_RATES[rate] * IMAGES_PER_FRAME));
    return () => clearInterval(timer);
  }, [frames, paused, rate]);

  useWakeLock(frames !== null && !paused);

  const count = frames?.length ?? 0;
  const { index, loop, variant } = shownAt(tick, Math.max(count, 1));
  const text = frames?.[index];
  const drawing = useMemo(() => (text ? frameDrawing(text, variant) : null), [text, variant]);

  if (failed) {
    return (
      <main class="screen qr-transfer qr-send" aria-labelledby="qr-send-title">
        <h1 id="qr-send-title">{t('qr:send.title')}</h1>
        <p class="notice error" role="alert" data-testid="qr-send-too-large">
          {t('qr:send.tooLarge', { size: kb(bytes.length) })}
        </p>
        <CloseButton onClose={onClose} />
      </main>
    );
  }

  const side = drawing ? drawing.size + 2 * QUIET_ZONE : 0;
  return (
    <main class="screen qr-transfer qr-send" aria-labelledby="qr-send-title" data-testid="qr-send" data-frames={count} data-state={paused ? 'paused' : 'playing'}>
      <h1 id="qr-send-title">{t('qr:send.title')}</h1>
      <p id="qr-send-help">{frames ? t('qr:send.help', { size: kb(bytes.length), count, seconds: Math.ceil(loopSeconds(count, rate)) }) : t('qr:send.preparing')}</p>
      <figure class="qr-send-code">
        {drawing ? (
          <svg
            class="qr-frame"
            viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
            role="img"
            aria-label={t('qr:send.frameLabel', { n: index + 1, count })}
            aria-describedby="qr-send-help"
            data-testid="qr-send-frame"
            data-index={index}
            data-loop={loop}
            data-variant={variant}
            data-text={text}
            shape-rendering="crispEdges"
          >
            <rect class="qr-frame-paper" x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} />
            <path class="qr-frame-ink" d={drawing.path} />
          </svg>
        ) : (
          <div class="qr-frame qr-frame-loading" role="status" aria-busy="true" />
        )}
        <figcaption class="qr-send-counter" dir="ltr" data-testid="qr-send-counter">
          {count ? `${index + 1} / ${count}` : ''}
        </figcaption>
      </figure>
      <div class="actions qr-send-controls">
        <button type="button" class="button primary" aria-pressed={paused} data-testid="qr-send-pause" onClick={() => setPaused((p) => !p)} disabled={!frames}>
          {paused ? t('qr:send.resume') : t('qr:send.pause')}
        </button>
        {paused && (
          <>
            <button type="button" class="button secondary" data-testid="qr-send-previous" onClick={() => setTick((n) => stepFrom(n, -1))}>
              {t('qr:send.previous')}
            </button>
            <button type="button" class="button secondary" data-testid="qr-send-next" onClick={() => setTick((n) => stepFrom(n, 1))}>
              {t('qr:send.next')}
            </button>
          </>
        )}
      </div>
      <fieldset class="qr-send-speed">
        <legend>{t('qr:send.speed')}</legend>
        {RATES.map((r) => (
          <label key={r}>
            <input type="radio" name="qr-send-speed" value={r} checked={rate === r} onChange={() => setRate(r)} />
            {t(RATE_TEXT[r], { perSecond: FRAME_RATES[r] })}
          </label>
        ))}
      </fieldset>
      <CloseButton onClose={onClose} />
    </main>
  );
}

function CloseButton({ onClose }: { onClose(): void }) {
  const { t } = useLang();
  return (
    <div class="actions">
      <button type="button" class="button secondary" data-testid="qr-close" onClick={onClose}>
        {t('qr:close')}
      </button>
    </div>
  );
}

/** Keeps the screen on while codes are shown (a kiosk's screen saver would end the transfer); released when not needed. */
function useWakeLock(wanted: boolean): void {
  useEffect(() => {
    if (!wanted || !navigator.wakeLock) return;
    let lock: WakeLockSentinel | null = null;
    let live = true;
    navigator.wakeLock.request('screen').then(
      (l) => (live ? (lock = l) : void l.release()),
      () => undefined, // not allowed here (page hidden, policy): the codes still show
    );
    return () => {
      live = false;
      void lock?.release();
    };
  }, [wanted]);
}
