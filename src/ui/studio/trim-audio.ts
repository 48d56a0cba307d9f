/**
 * Trims a recording's leading and trailing silence (core/speech/trim.ts): the Opus
 * recording is decoded (and resampled to 16 kHz mono, plenty for speech) by the browser,
 * the sound's bounds found, and the kept stretch stored as 16-bit PCM WAV — the kiosk
 * plays it as is, with no offsets to honour.
 */
import { encodeWav, findSoundBounds, mixToMono } from '../../core/speech/trim.ts';

export const STORED_SAMPLE_RATE = 16_000;

export interface Trimmed {
  wav: Uint8Array;
  mime: 'audio/wav';
  /** Length of the decoded recording and of what was kept. */
  rawMs: number;
  durationMs: number;
}

/** The trimmed WAV, or null when nothing above the threshold was heard. */
export async function trimRecording(recording: Blob): Promise<Trimmed | null> {
  const context = new OfflineAudioContext(1, 1, STORED_SAMPLE_RATE);
  const buffer = await context.decodeAudioData(await recording.arrayBuffer());
  const channels = Array.from({ length: buffer.numberOfChannels }, (_, i) => buffer.getChannelData(i));
  const samples = mixToMono(channels);
  const bounds = findSoundBounds(samples, buffer.sampleRate);
  if (!bounds) return null;
  const kept = samples.subarray(bounds.start, bounds.end);
  return {
    wav: encodeWav(kept, buffer.sampleRate),
    mime: 'audio/wav',
    rawMs: Math.round((samples.length / buffer.sampleRate) * 1000),
    durationMs: Math.round((kept.length / buffer.sampleRate) * 1000),
  };
}
