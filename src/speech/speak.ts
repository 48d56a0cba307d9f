/**
 * The speech layer's small front door for the UI (the layer itself is in layer.ts).
 * `stopSpeaking()` is what the app calls when a session ends or the screen changes.
 */
import { RelaisUtterance, speechLayer, type SpeechErrorCode, type UtteranceInit, type VoiceInfo } from './layer.ts';
import type { EngineKind } from '../core/speech/select.ts';

export { RelaisUtterance, SpeechLayer, SpeechLayerEvent, speechLayer, OFFLINE_VOICES } from './layer.ts';
export type { SpeechState, UtteranceInit, VoiceInfo, SpeechErrorCode } from './layer.ts';

export type SpeakOutcome =
  | { spoken: true; engine: EngineKind; voice: VoiceInfo | null; stale: string[] }
  | { spoken: false; error: SpeechErrorCode; stale: string[] };

/**
 * Speaks one utterance after stopping whatever was speaking. `onStart` fires when sound
 * starts; the promise settles when it ended, was interrupted, or could not be spoken.
 */
export function say(init: UtteranceInit, onStart?: (engine: EngineKind) => void): Promise<SpeakOutcome> {
  const layer = speechLayer();
  layer.cancel();
  return enqueue(init, onStart);
}

/** Like say(), but after what is already queued (to read several paragraphs in turn). */
export function enqueue(init: UtteranceInit, onStart?: (engine: EngineKind) => void): Promise<SpeakOutcome> {
  const u = new RelaisUtterance(init);
  return new Promise((resolve) => {
    let engine: EngineKind | null = null;
    let voice: VoiceInfo | null = null;
    u.onstart = (e) => {
      engine = e.engine === 'none' ? null : e.engine;
      voice = e.voice;
      if (engine) onStart?.(engine);
    };
    u.onend = (e) => resolve({ spoken: true, engine: engine ?? (e.engine as EngineKind), voice, stale: e.stale });
    u.onerror = (e) => resolve({ spoken: false, error: e.error ?? 'synthesis-failed', stale: e.stale });
    speechLayer().speak(u);
  });
}

export function stopSpeaking(): void {
  speechLayer().cancel();
}
