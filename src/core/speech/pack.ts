/**
 * A language pack: every recorded clip of one spoken language in one file, to carry
 * recordings from one relay to another (export, import) or publish them.
 *
 * Layout (little-endian):
 *   bytes 0–7   "RLSPEECH" (magic)
 *   byte  8     format version (1)
 *   bytes 9–11  zero
 *   bytes 12–15 header length H
 *   H bytes     header, UTF-8 JSON (PackHeader)
 *   the rest    the clips' audio, back to back, at the offsets the header gives
 *
 * decodePack checks everything before returning anything, so an import is all or nothing.
 */
import { isPauseKey } from './compose.ts';
import { fnv1a64, speechTextHash, TEXT_HASH } from './text.ts';

export const PACK_MAGIC = 'RLSPEECH';
export const PACK_VERSION = 1;
export const PACK_MIME_TYPES = ['audio/ogg', 'audio/webm', 'audio/wav', 'audio/mpeg', 'audio/mp4'] as const;
export const MAX_CLIP_BYTES = 8 * 1024 * 1024;
export const MAX_CLIPS = 20_000;
const PREFIX = 16;

export interface PackClipMeta {
  key: string;
  lang: string;
  /** The text the clip speaks, as it was when recorded. */
  text: string;
  textHash: string;
  /** MIME type with optional parameters, e.g. `audio/webm;codecs=opus`. */
  mime: string;
  durationMs?: number;
  recordedAt: number;
}

export interface PackClip extends PackClipMeta {
  audio: Uint8Array;
}

interface HeaderClip extends PackClipMeta {
  offset: number;
  length: number;
  checksum: string;
}

interface PackHeader {
  format: 'relais-speech-pack';
  version: number;
  lang: string;
  createdAt: number;
  clips: HeaderClip[];
}

export interface Pack {
  lang: string;
  createdAt: number;
  clips: PackClip[];
}

export type DecodeResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

export function encodePack(lang: string, clips: readonly PackClip[], createdAt: number): Uint8Array {
  let offset = 0;
  const header: PackHeader = {
    format: 'relais-speech-pack',
    version: PACK_VERSION,
    lang,
    createdAt,
    clips: clips.map(({ audio, ...meta }) => {
      const entry = { ...meta, offset, length: audio.byteLength, checksum: fnv1a64(audio) };
      offset += audio.byteLength;
      return entry;
    }),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(PREFIX + json.byteLength + offset);
  out.set(new TextEncoder().encode(PACK_MAGIC), 0);
  out[8] = PACK_VERSION;
  new DataView(out.buffer).setUint32(12, json.byteLength, true);
  out.set(json, PREFIX);
  let at = PREFIX + json.byteLength;
  for (const clip of clips) {
    out.set(clip.audio, at);
    at += clip.audio.byteLength;
  }
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const LANG_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const KEY = /^[\w.#:@/-]{1,200}$/;

/** Reads and checks a pack; any problem rejects the whole file, with every reason found. */
export function decodePack(bytes: Uint8Array): DecodeResult {
  const fail = (...errors: string[]): DecodeResult => ({ ok: false, errors });
  if (bytes.byteLength < PREFIX) return fail('not a Relais speech pack: the file is too short');
  if (new TextDecoder().decode(bytes.subarray(0, 8)) !== PACK_MAGIC) return fail('not a Relais speech pack: wrong file signature');
  if (bytes[8] !== PACK_VERSION) return fail(`unsupported pack version ${bytes[8]} (this kiosk reads version ${PACK_VERSION})`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(12, true);
  if (PREFIX + headerLength > bytes.byteLength) return fail('the pack is truncated: its header runs past the end of the file');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX, PREFIX + headerLength)));
  } catch {
    return fail('the pack header is not valid UTF-8 JSON');
  }
  if (!isRecord(header) || header.format !== 'relais-speech-pack') return fail('the pack header is not a Relais speech pack header');
  if (header.version !== PACK_VERSION) return fail(`the header says version ${String(header.version)}, the file says ${PACK_VERSION}`);
  if (typeof header.lang !== 'string' || !LANG_TAG.test(header.lang)) return fail('the pack has no valid language');
  if (!isCount(header.createdAt)) return fail('the pack has no valid creation time');
  if (!Array.isArray(header.clips)) return fail('the pack has no clip list');
  if (header.clips.length > MAX_CLIPS) return fail(`the pack holds ${header.clips.length} clips, more than the ${MAX_CLIPS} allowed`);
  const body = bytes.subarray(PREFIX + headerLength);
  const lang = header.lang;
  const errors: string[] = [];
  const seen = new Set<string>();
  const clips: PackClip[] = [];
  const ranges: Array<[number, number, string]> = [];
  header.clips.forEach((raw: unknown, i: number) => {
    const where = isRecord(raw) && typeof raw.key === 'string' ? `clip ${i + 1} (${raw.key})` : `clip ${i + 1}`;
    const problems: string[] = [];
    if (!isRecord(raw)) return errors.push(`${where}: not an object`);
    const { key, text, textHash, mime, offset, length, checksum, recordedAt, durationMs } = raw;
    if (typeof key !== 'string' || !KEY.test(key) || isPauseKey(key)) problems.push('its key is missing or malformed');
    if (raw.lang !== lang) problems.push(`its language ${JSON.stringify(raw.lang)} is not the pack's (${lang})`);
    if (typeof text !== 'string' || text.trim() === '') problems.push('it has no text');
    if (typeof textHash !== 'string' || !TEXT_HASH.test(textHash)) problems.push('its text hash is malformed');
    else if (typeof text === 'string' && textHash !== speechTextHash(text, lang)) problems.push('its text hash does not match its text');
    if (typeof mime !== 'string' || !(PACK_MIME_TYPES as readonly string[]).includes(mime.split(';')[0]!.trim().toLowerCase()))
      problems.push(`its audio type ${JSON.stringify(mime)} is not one of ${PACK_MIME_TYPES.join(', ')}`);
    if (!isCount(recordedAt)) problems.push('it has no valid recording time');
    if (durationMs !== undefined && !isCount(durationMs)) problems.push('its duration is malformed');
    if (!isCount(offset) || !isCount(length) || length === 0) problems.push('its audio position is malformed');
    else if (length > MAX_CLIP_BYTES) problems.push(`its audio is ${length} bytes, more than the ${MAX_CLIP_BYTES} allowed`);
    else if (offset + length > body.byteLength) problems.push('its audio runs past the end of the file (truncated pack?)');
    else if (typeof checksum !== 'string' || checksum !== fnv1a64(body.subarray(offset, offset + length)))
      problems.push('its audio is damaged (checksum mismatch)');
    if (typeof key === 'string') {
      if (seen.has(key)) problems.push('the key appears twice in the pack');
      seen.add(key);
    }
    if (problems.length) return errors.push(`${where}: ${problems.join('; ')}`);
    const start = offset as number;
    const size = length as number;
    ranges.push([start, start + size, where]);
    clips.push({
      key: key as string,
      lang,
      text: text as string,
      textHash: textHash as string,
      mime: mime as string,
      recordedAt: recordedAt as number,
      ...(durationMs !== undefined ? { durationMs: durationMs as number } : {}),
      audio: body.slice(start, start + size),
    });
  });
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i++) if (ranges[i]![0] < ranges[i - 1]![1]) errors.push(`${ranges[i]![2]}: its audio overlaps ${ranges[i - 1]![2]}`);
  if (errors.length) return { ok: false, errors };
  return { ok: true, pack: { lang, createdAt: header.createdAt, clips } };
}
