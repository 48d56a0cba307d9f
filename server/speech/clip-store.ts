/** Published clips in the store (migrations 009, 013): one per (language, prompt key). */
import type { ManifestEntry } from '../../src/core/speech/manifest.ts';
import type { Queryable } from '../store/db.ts';
import type { CheckedClip } from './check-clip.ts';

/**
 * Stores or replaces a clip; true when it replaced one. `publishedBy` is the member whose
 * staff session sent it (not in the manifest: terminals do not need it).
 */
export async function saveClip(db: Queryable, clip: CheckedClip, terminalId: string, publishedBy: string, now = new Date()): Promise<{ replaced: boolean; entry: ManifestEntry }> {
  const rows = await db.query<{ inserted: boolean }>(
    `INSERT INTO speech_clips (language, prompt_key, text, text_hash, mime, audio, bytes, audio_hash, duration_ms, recorded_by, terminal_id, published_by, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::timestamptz)
     ON CONFLICT (language, prompt_key) DO UPDATE SET text = EXCLUDED.text, text_hash = EXCLUDED.text_hash, mime = EXCLUDED.mime,
       audio = EXCLUDED.audio, bytes = EXCLUDED.bytes, audio_hash = EXCLUDED.audio_hash, duration_ms = EXCLUDED.duration_ms,
       recorded_by = EXCLUDED.recorded_by, terminal_id = EXCLUDED.terminal_id, published_by = EXCLUDED.published_by, updated_at = EXCLUDED.updated_at
     RETURNING (xmax = 0) AS inserted`,
    [clip.lang, clip.key, clip.text, clip.textHash, clip.mime, Buffer.from(clip.audio), clip.audio.byteLength, clip.audioHash, clip.durationMs, clip.recordedBy, terminalId, publishedBy, now.toISOString()],
  );
  const { audio: _audio, ...meta } = clip;
  return { replaced: rows[0]?.inserted === false, entry: { ...meta, bytes: clip.audio.byteLength, updatedAt: now.toISOString() } };
}

interface ClipRow {
  language: string;
  prompt_key: string;
  text: string;
  text_hash: string;
  mime: string;
  bytes: number;
  audio_hash: string;
  duration_ms: number | null;
  recorded_by: string;
  updated_at: Date;
}

/** Every published clip without audio, optionally of one language, by language and key. */
export async function clipManifest(db: Queryable, lang?: string): Promise<ManifestEntry[]> {
  const rows = await db.query<ClipRow>(
    `SELECT language, prompt_key, text, text_hash, mime, bytes, audio_hash, duration_ms, recorded_by, updated_at FROM speech_clips
     ${lang ? 'WHERE language = $1' : ''} ORDER BY language, prompt_key`,
    lang ? [lang] : [],
  );
  return rows.map((r) => ({
    lang: r.language,
    key: r.prompt_key,
    text: r.text,
    textHash: r.text_hash,
    mime: r.mime,
    bytes: Number(r.bytes),
    audioHash: r.audio_hash,
    durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
    recordedBy: r.recorded_by,
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

export async function clipAudio(db: Queryable, lang: string, key: string): Promise<{ mime: string; audio: Uint8Array<ArrayBuffer>; audioHash: string } | null> {
  const rows = await db.query<{ mime: string; audio: Uint8Array; audio_hash: string }>('SELECT mime, audio, audio_hash FROM speech_clips WHERE language = $1 AND prompt_key = $2', [lang, key]);
  const row = rows[0];
  return row ? { mime: row.mime, audio: Uint8Array.from(row.audio), audioHash: row.audio_hash } : null;
}
