import { describe, expect, it } from 'vitest';
import { decodePack, encodePack, PACK_MAGIC, type PackClip } from '../../../../src/core/speech/pack.ts';
import { speechTextHash } from '../../../../src/core/speech/text.ts';

const clip = (key: string, text: string, bytes: number[], lang = 'shi'): PackClip => ({
  key, lang, text, textHash: speechTextHash(text, lang), mime: 'audio/webm;codecs=opus', recordedAt: 1_760_000_000_000, durationMs: 900, audio: Uint8Array.from(bytes),
});
const CLIPS = [clip('home.welcome', 'ⴰⵣⵓⵍ', [1, 2, 3, 4]), clip('num.3', 'ⴽⵕⴰⴹ', [9, 8, 7])];

function errorsOf(bytes: Uint8Array): string[] {
  const result = decodePack(bytes);
  if (result.ok) throw new Error('expected the pack to be refused');
  return result.errors;
}

/** Rewrites the JSON header of a valid pack (keeping the body) to test the checks one by one. */
function withHeader(bytes: Uint8Array, edit: (header: any) => void): Uint8Array {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + length)));
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const body = bytes.subarray(16 + length);
  const out = new Uint8Array(16 + json.length + body.length);
  out.set(bytes.subarray(0, 16));
  new DataView(out.buffer).setUint32(12, json.length, true);
  out.set(json, 16);
  out.set(body, 16 + json.length);
  return out;
}

describe('speech language packs', () => {
  it('round-trips every clip, its text, hash and audio', () => {
    const bytes = encodePack('shi', CLIPS, 1_760_000_000_000);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe(PACK_MAGIC);
    const result = decodePack(bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.lang).toBe('shi');
    expect(result.pack.clips).toEqual(CLIPS);
  });

  it('refuses files that are not packs, or truncated ones', () => {
    expect(errorsOf(new Uint8Array(4))).toEqual(['not a Relais speech pack: the file is too short']);
    expect(errorsOf(new TextEncoder().encode('RIFF....WAVEfmt xxxxxxxxxxxx'))).toEqual(['not a Relais speech pack: wrong file signature']);
    const good = encodePack('shi', CLIPS, 1);
    const future = good.slice();
    future[8] = 2;
    expect(errorsOf(future)[0]).toMatch(/unsupported pack version 2/);
    expect(errorsOf(good.subarray(0, 30))[0]).toMatch(/truncated: its header/);
    expect(errorsOf(good.subarray(0, good.length - 2))).toEqual(['clip 2 (num.3): its audio runs past the end of the file (truncated pack?)']);
  });

  it('detects damaged audio', () => {
    const bytes = encodePack('shi', CLIPS, 1);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    expect(errorsOf(bytes)).toEqual(['clip 2 (num.3): its audio is damaged (checksum mismatch)']);
  });

  it('checks each clip and lists every problem found, not only the first', () => {
    const bytes = withHeader(encodePack('shi', CLIPS, 1), (h) => {
      h.clips[0].lang = 'fr';
      h.clips[0].mime = 'text/html';
      h.clips[1].textHash = speechTextHash('something else', 'shi');
    });
    expect(errorsOf(bytes)).toEqual([
      'clip 1 (home.welcome): its language "fr" is not the pack\'s (shi); its audio type "text/html" is not one of audio/ogg, audio/webm, audio/wav, audio/mpeg, audio/mp4',
      'clip 2 (num.3): its text hash does not match its text',
    ]);
  });

  it('refuses duplicate keys, overlapping audio and a malformed header', () => {
    expect(errorsOf(withHeader(encodePack('shi', CLIPS, 1), (h) => (h.clips[1].key = 'home.welcome')))).toEqual([
      'clip 2 (home.welcome): the key appears twice in the pack',
    ]);
    const overlap = withHeader(encodePack('shi', [clip('a', 'ⴰ', [1, 2, 3, 4]), clip('b', 'ⴱ', [1, 2, 3, 4])], 1), (h) => {
      h.clips[1].offset = 0; // same bytes, so the checksum still matches
    });
    expect(errorsOf(overlap)).toEqual(['clip 2 (b): its audio overlaps clip 1 (a)']);
    expect(errorsOf(withHeader(encodePack('shi', CLIPS, 1), (h) => (h.format = 'zip')))).toEqual(['the pack header is not a Relais speech pack header']);
    expect(errorsOf(withHeader(encodePack('shi', CLIPS, 1), (h) => (h.clips = 'all')))).toEqual(['the pack has no clip list']);
    expect(errorsOf(withHeader(encodePack('shi', CLIPS, 1), (h) => (h.clips[0].key = 'pause')))[0]).toMatch(/key is missing or malformed/);
  });
});
