/**
 * Plays audio the kiosk made or stored (a recorded clip, a WAV from eSpeak) through one
 * `<audio>` element in the page, so `play`, `ended` and `timeupdate` are ordinary, observable
 * media events. Each file becomes a blob: URL (the CSP's media-src allows blob:) that is
 * revoked as soon as it has played or been stopped.
 */
export const SPEECH_AUDIO_ID = 'relais-speech-audio';

function audioElement(): HTMLAudioElement {
  let el = document.getElementById(SPEECH_AUDIO_ID) as HTMLAudioElement | null;
  if (!el) {
    el = document.createElement('audio');
    el.id = SPEECH_AUDIO_ID;
    el.hidden = true;
    el.preload = 'auto';
    document.body.append(el);
  }
  return el;
}

export interface Playback {
  /** Resolves when the audio ended, or was stopped; rejects if it could not play. */
  done: Promise<void>;
  pause(): void;
  resume(): void;
  stop(): void;
}

export interface PlayOptions {
  rate?: number;
  onStart?(): void;
  onTime?(seconds: number, duration: number): void;
}

export function playAudio(data: ArrayBuffer, mime: string, options: PlayOptions = {}): Playback {
  const el = audioElement();
  const url = URL.createObjectURL(new Blob([data], { type: mime }));
  let settled = false;
  let finish: () => void = () => {};
  let fail: (e: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const onPlay = () => options.onStart?.();
  const onTime = () => options.onTime?.(el.currentTime, el.duration);
  const onEnded = () => end();
  const onError = () => end(new Error(`the audio could not be played (${el.error?.message || mime})`));
  function end(error?: Error) {
    if (settled) return;
    settled = true;
    el.removeEventListener('play', onPlay);
    el.removeEventListener('timeupdate', onTime);
    el.removeEventListener('ended', onEnded);
    el.removeEventListener('error', onError);
    el.pause();
    el.removeAttribute('src');
    el.load();
    URL.revokeObjectURL(url);
    if (error) fail(error);
    else finish();
  }
  el.addEventListener('play', onPlay, { once: true });
  el.addEventListener('timeupdate', onTime);
  el.addEventListener('ended', onEnded);
  el.addEventListener('error', onError);
  el.src = url;
  el.preservesPitch = true;
  el.defaultPlaybackRate = el.playbackRate = Math.min(2, Math.max(0.5, options.rate ?? 1));
  el.play().catch((e: unknown) => end(e instanceof Error ? e : new Error(String(e))));
  return {
    done,
    pause: () => el.pause(),
    resume: () => void el.play().catch(() => {}),
    stop: () => end(),
  };
}

/** A silence between the pieces of a composed prompt. */
export function silence(ms: number): Playback {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let resolve: () => void = () => {};
  let left = ms;
  let since = 0;
  const done = new Promise<void>((r) => (resolve = r));
  const start = () => {
    since = performance.now();
    timer = setTimeout(resolve, left);
  };
  start();
  return {
    done,
    pause: () => {
      clearTimeout(timer);
      left -= performance.now() - since;
    },
    resume: start,
    stop: () => {
      clearTimeout(timer);
      resolve();
    },
  };
}
