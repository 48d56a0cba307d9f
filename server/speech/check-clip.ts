/**
 * Checks a published clip (POST /api/speech/clips) before anything is stored: every
 * field's type and shape, a known spoken language, a prompt key, a text hash that is the
 * hash of the text, an audio type the kiosk plays, and audio whose bytes are what the
 * type says (the file's own signature), within the size limit. Hostile input gets a
 * reason, never a 500.
 */
import { STAFF_ID_PATTERN } from '../../src/core/auth/staff.ts';
import { isPauseKey } from '../../src/core/speech/compose.ts';
import { PACK_MIME_TYPES } from '../../src/core/speech/pack.ts';
import { fnv1a64, speechTextHash, TEXT_HASH } from '../../src/core/speech/text.ts';
import { isStorableId, isStorableText } from '../http/text-rules.ts';
import { isObject } from '../submissions/check-envelope.ts';

/** The spoken languages clips are stored under (scripts share recordings). */
export const SPEECH_LANGUAGES = ['ar', 'fr', 'zgh', 'shi', 'tzm', 'rif'] as const;
/** A prompt key: no slash (it is a path segment of the download URL). */
export const CLIP_KEY = /^[A-Za-z0-9_][\w.#:@-]{0,199}$/;
/** Largest clip accepted: a minute of 16 kHz WAV fits, with room. */
export const MAX_PUBLISHED_CLIP_BYTES = 2 * 1024 * 1024;
/** The JSON body: base64 audio (4/3) plus text and fields. */
export const MAX_CLIP_BODY = Math.ceil((MAX_PUBLISHED_CLIP_BYTES * 4) / 3) + 16 * 1024;
const MAX_TEXT = 4000;
const MAX_DURATION_MS = 10 * 60_000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export interface CheckedClip {
  lang: string;
  key: string;
  text: string;
  textHash: string;
  mime: string;
  audio: Uint8Array;
  audioHash: string;
  durationMs: number | null;
  recordedBy: string;
}

const ascii = (bytes: Uint8Array, at: number, text: string) => [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** Whether the bytes start the way a file of this type does. */
export function audioMatchesType(audio: Uint8Array, mime: string): boolean {
  const type = mime.split(';')[0]!.trim().toLowerCase();
  if (type === 'audio/wav') return audio.length > 44 && ascii(audio, 0, 'RIFF') && ascii(audio, 8, 'WAVE');
  if (type === 'audio/webm') return audio.length > 4 && audio[0] === 0x1a && audio[1] === 0x45 && audio[2] === 0xdf && audio[3] === 0xa3;
  if (type === 'audio/ogg') return audio.length > 4 && ascii(audio, 0, 'OggS');
  if (type === 'audio/mpeg') return audio.length > 3 && (ascii(audio, 0, 'ID3') || (audio[0] === 0xff && (audio[1]! & 0xe0) === 0xe0));
  if (type === 'audio/mp4') return audio.length > 8 && ascii(audio, 4, 'ftyp');
  return false;
}

export type ClipCheck = { ok: true; clip: CheckedClip } | { ok: false; status: 413 | 422; detail: string };

export function checkPublishedClip(body: unknown): ClipCheck {
  const bad = (detail: string): ClipCheck => ({ ok: false, status: 422, detail });
  if (!isObject(body)) return bad('the body must be an object');
  const { lang, key, text, textHash, mime, durationMs, recordedBy, audio } = body;
  if (typeof lang !== 'string' || !(SPEECH_LANGUAGES as readonly string[]).includes(lang)) return bad(`lang must be one of ${SPEECH_LANGUAGES.join(', ')}`);
  if (typeof key !== 'string' || !CLIP_KEY.test(key) || isPauseKey(key)) return bad('key must be a prompt key');
  if (typeof text !== 'string' || !text.trim() || text.length > MAX_TEXT || !isStorableText(text)) return bad(`text must be 1 to ${MAX_TEXT} printable characters`);
  if (typeof textHash !== 'string' || !TEXT_HASH.test(textHash)) return bad('textHash must be 16 hex digits');
  if (textHash !== speechTextHash(text, lang)) return bad('textHash is not the hash of text');
  if (typeof mime !== 'string' || mime.length > 100 || !isStorableId(mime) || !(PACK_MIME_TYPES as readonly string[]).includes(mime.split(';')[0]!.trim().toLowerCase()))
    return bad(`mime must be one of ${PACK_MIME_TYPES.join(', ')}`);
  if (durationMs !== undefined && durationMs !== null && (typeof durationMs !== 'number' || !Number.isSafeInteger(durationMs) || durationMs < 0 || durationMs > MAX_DURATION_MS))
    return bad('durationMs must be a whole number of milliseconds');
  if (typeof recordedBy !== 'string' || !STAFF_ID_PATTERN.test(recordedBy)) return bad('recordedBy must be a staff id');
  if (typeof audio !== 'string' || audio.length === 0 || audio.length % 4 !== 0 || !BASE64.test(audio)) return bad('audio must be non-empty base64');
  if ((audio.length / 4) * 3 > MAX_PUBLISHED_CLIP_BYTES + 2) return { ok: false, status: 413, detail: `the audio is larger than ${MAX_PUBLISHED_CLIP_BYTES} bytes` };
  const bytes = new Uint8Array(Buffer.from(audio, 'base64'));
  if (bytes.length === 0) return bad('audio must be non-empty base64');
  if (bytes.length > MAX_PUBLISHED_CLIP_BYTES) return { ok: false, status: 413, detail: `the audio is larger than ${MAX_PUBLISHED_CLIP_BYTES} bytes` };
  if (!audioMatchesType(bytes, mime)) return bad(`the audio is not ${mime.split(';')[0]}`);
  return {
    ok: true,
    clip: { lang, key, text, textHash, mime, audio: bytes, audioHash: fnv1a64(bytes), durationMs: typeof durationMs === 'number' ? durationMs : null, recordedBy },
  };
}
