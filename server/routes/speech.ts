/**
 * Recorded prompts published by agents (DESIGN §6.1), all behind the device token:
 *   POST /api/speech/clips                     one clip (PublishClipRequest): 201 new, 200 replaced
 *   GET  /api/speech/manifest[?lang=fr]        every published clip, without audio (SpeechManifest)
 *   GET  /api/speech/clips/:language/:key      the clip's audio, with its type
 * Publishing also needs a staff session (STAFF_HEADER) that a member of the relay, agent or
 * supervisor, opened on this terminal with their PIN: 401 staff-session-required without one,
 * 403 staff-removed once the member has left the relay, 503 enrollment-unavailable on a
 * server without a relay configuration. The recorder (`recordedBy`) must be a member too
 * (an agent may publish a colleague's clip); the publisher is stored with the clip.
 */
import type { Handler } from 'hono';
import type { RelayConfig } from '../../src/core/auth/staff.ts';
import type { SpeechManifest } from '../../src/core/speech/manifest.ts';
import { requestTerminal } from '../http/device-auth.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import { readJson } from '../http/read-json.ts';
import { problemResponse } from '../http/reply.ts';
import type { Db } from '../store/db.ts';
import { checkPublishedClip, CLIP_KEY, MAX_CLIP_BODY, SPEECH_LANGUAGES } from '../speech/check-clip.ts';
import { clipAudio, clipManifest, saveClip } from '../speech/clip-store.ts';
import { staffMemberOf } from './terminals.ts';

export interface SpeechRouteOptions {
  db: Db;
  limiter: RateLimiter;
  relay?: () => RelayConfig;
}

const isLanguage = (value: string | undefined): value is string => value !== undefined && (SPEECH_LANGUAGES as readonly string[]).includes(value);

export function publishClipRoute({ db, relay }: SpeechRouteOptions): Handler {
  return async (c) => {
    const { terminalId } = requestTerminal(c);
    if (!relay) return problemResponse(503, 'enrollment-unavailable'); // no relay configuration: no staff session can exist
    const publisher = await staffMemberOf(c, db, relay);
    if (publisher instanceof Response) return publisher;
    const read = await readJson(c.req.raw, MAX_CLIP_BODY);
    if (!read.ok) return read.response;
    const checked = checkPublishedClip(read.value);
    if (!checked.ok) return problemResponse(checked.status, checked.status === 413 ? 'payload-too-large' : 'invalid-speech-clip', { detail: checked.detail });
    if (!relay().staff.some((s) => s.id === checked.clip.recordedBy)) {
      return problemResponse(422, 'invalid-speech-clip', { detail: 'recordedBy is not a member of this relay' });
    }
    const { replaced, entry } = await saveClip(db, checked.clip, terminalId, publisher.staffId);
    return c.json(entry, replaced ? 200 : 201, { 'Cache-Control': 'no-store' });
  };
}

export function manifestRoute({ db }: SpeechRouteOptions): Handler {
  return async (c) => {
    const lang = c.req.query('lang');
    if (lang !== undefined && !isLanguage(lang)) return problemResponse(422, 'invalid-request', { detail: `lang must be one of ${SPEECH_LANGUAGES.join(', ')}` });
    return c.json({ clips: await clipManifest(db, lang) } satisfies SpeechManifest, 200, { 'Cache-Control': 'no-store' });
  };
}

export function clipAudioRoute({ db }: SpeechRouteOptions): Handler {
  return async (c) => {
    const lang = c.req.param('language');
    const key = c.req.param('key');
    if (!isLanguage(lang) || key === undefined || !CLIP_KEY.test(key)) return problemResponse(404, 'not-found');
    const clip = await clipAudio(db, lang, key);
    if (!clip) return problemResponse(404, 'not-found');
    return new Response(clip.audio, {
      status: 200,
      headers: { 'Content-Type': clip.mime, 'Content-Length': String(clip.audio.byteLength), ETag: `"${clip.audioHash}"`, 'Cache-Control': 'no-store' },
    });
  };
}
