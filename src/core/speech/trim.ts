/**
 * Trimming a recording (the studio, DESIGN §6.1): the silence an agent leaves before and
 * after speaking is cut, so prompts follow each other without dead air. Pure: the studio
 * decodes the recording with an AudioContext, this finds where speech starts and ends,
 * and the kept stretch is stored as 16-bit PCM WAV (re-encoding Opus in a page is
 * awkward; a trimmed clip is short, see the README for the storage cost).
 */

export interface TrimOptions {
  /** RMS level (0–1 of full scale) a window must reach to count as sound; default 0.02 (≈ −34 dBFS). */
  threshold?: number;
  /** Length of the windows the level is measured over; default 10 ms. */
  windowMs?: number;
  /** Kept before the first and after the last loud window, so no onset or tail is clipped; default 80 ms. */
  marginMs?: number;
}

export interface TrimBounds {
  /** First sample kept (inclusive) and last (exclusive). */
  start: number;
  end: number;
}

/**
 * Where the sound in `samples` starts and ends (with the margin), or null when the whole
 * recording stays under the threshold (nothing was said).
 */
export function findSoundBounds(samples: Float32Array, sampleRate: number, options: TrimOptions = {}): TrimBounds | null {
  const threshold = options.threshold ?? 0.02;
  const window = Math.max(1, Math.round(((options.windowMs ?? 10) * sampleRate) / 1000));
  const margin = Math.round(((options.marginMs ?? 80) * sampleRate) / 1000);
  let first = -1;
  let last = -1;
  for (let at = 0; at < samples.length; at += window) {
    const stop = Math.min(samples.length, at + window);
    let sum = 0;
    for (let i = at; i < stop; i++) sum += samples[i]! * samples[i]!;
    if (Math.sqrt(sum / (stop - at)) >= threshold) {
      if (first < 0) first = at;
      last = stop;
    }
  }
  if (first < 0) return null;
  return { start: Math.max(0, first - margin), end: Math.min(samples.length, last + margin) };
}

/** Averages channels into one (a prompt is mono). */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const out = new Float32Array(channels[0]?.length ?? 0);
  for (const ch of channels) for (let i = 0; i < out.length; i++) out[i]! += ch[i]! / channels.length;
  return out;
}

/** Mono 16-bit PCM WAV (RIFF) of `samples` in −1…1. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const out = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(out.buffer);
  const ascii = (at: number, text: string) => [...text].forEach((c, i) => (out[at + i] = c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, Math.round(s < 0 ? s * 0x8000 : s * 0x7fff), true);
  }
  return out;
}

/** Bytes per minute of mono 16-bit PCM at `sampleRate` (the storage baseline). */
export const wavBytesPerMinute = (sampleRate: number): number => sampleRate * 2 * 60;
