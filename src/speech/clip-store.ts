/**
 * Recorded prompts (DESIGN §6.1) in their own IndexedDB database, `relais-speech`: one
 * clip per (prompt key, spoken language), with the hash of the text it speaks. A clip
 * whose text has since changed is kept but reported stale, never played as if current.
 */
import Dexie, { type Table } from 'dexie';
import { clipStatus, type ClipMeta, type ClipStatus } from '../core/speech/select.ts';
import { spokenLanguage } from '../core/speech/lang.ts';
import { decodePack, encodePack, type PackClip } from '../core/speech/pack.ts';
import { fnv1a64, speechTextHash } from '../core/speech/text.ts';

export interface StoredClip extends ClipMeta {
  /** The text as it was when recorded (the studio shows it beside the current one). */
  text: string;
  mime: string;
  audio: ArrayBuffer;
  durationMs?: number;
  recordedAt: number;
  /** fnv1a64 of the audio (clips stored before it existed have none): what publishing compares. */
  audioHash?: string;
  /** Staff id of the agent who recorded it, when known. */
  recordedBy?: string;
}

export interface NewClip {
  key: string;
  /** Any tag of the language (`shi-Latn`); the clip is stored under the spoken language (`shi`). */
  lang: string;
  text: string;
  mime: string;
  audio: ArrayBuffer | Uint8Array;
  durationMs?: number;
  recordedAt?: number;
  recordedBy?: string;
}

export class SpeechDb extends Dexie {
  clips!: Table<StoredClip, [string, string]>;

  constructor(name = 'relais-speech', options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    super(name, options);
    this.version(1).stores({ clips: '[key+lang], lang' });
  }
}

const toArrayBuffer = (data: ArrayBuffer | Uint8Array): ArrayBuffer =>
  data instanceof ArrayBuffer ? data.slice(0) : (data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);

export type ImportResult = { ok: true; lang: string; imported: number; replaced: number } | { ok: false; errors: string[] };

export class ClipStore {
  constructor(readonly db: SpeechDb = new SpeechDb()) {}

  async put(clip: NewClip): Promise<StoredClip> {
    if (!clip.key || !clip.text.trim()) throw new Error('a clip needs a key and the text it speaks');
    if (clip.audio.byteLength === 0) throw new Error(`the clip for ${clip.key} has no audio`);
    const lang = spokenLanguage(clip.lang);
    const audio = toArrayBuffer(clip.audio);
    const stored: StoredClip = {
      key: clip.key,
      lang,
      text: clip.text,
      textHash: speechTextHash(clip.text, lang),
      mime: clip.mime,
      audio,
      audioHash: fnv1a64(new Uint8Array(audio)),
      recordedAt: clip.recordedAt ?? Date.now(),
      ...(clip.durationMs !== undefined ? { durationMs: clip.durationMs } : {}),
      ...(clip.recordedBy !== undefined ? { recordedBy: clip.recordedBy } : {}),
    };
    await this.db.clips.put(stored);
    return stored;
  }

  get(key: string, lang: string): Promise<StoredClip | undefined> {
    return this.db.clips.get([key, spokenLanguage(lang)]);
  }

  /** Several clips of one language at once (for a composed prompt), by key. */
  async getMany(keys: readonly string[], lang: string): Promise<Map<string, StoredClip>> {
    const spoken = spokenLanguage(lang);
    const found = await this.db.clips.bulkGet(keys.map((key) => [key, spoken] as [string, string]));
    return new Map(found.filter((c): c is StoredClip => c !== undefined).map((c) => [c.key, c]));
  }

  /** Every clip of a language, without its audio (for lists). */
  async list(lang: string): Promise<Array<Omit<StoredClip, 'audio'> & { bytes: number }>> {
    const clips = await this.db.clips.where('lang').equals(spokenLanguage(lang)).toArray();
    return clips.map(({ audio, ...meta }) => ({ ...meta, bytes: audio.byteLength })).sort((a, b) => a.key.localeCompare(b.key));
  }

  /** Every clip of every language, without audio (what the kiosk compares with the server's manifest). */
  async listAll(): Promise<Array<Omit<StoredClip, 'audio'> & { bytes: number }>> {
    const clips = await this.db.clips.toArray();
    return clips.map(({ audio, ...meta }) => ({ ...meta, audioHash: meta.audioHash ?? fnv1a64(new Uint8Array(audio)), bytes: audio.byteLength }));
  }

  async delete(key: string, lang: string): Promise<void> {
    await this.db.clips.delete([key, spokenLanguage(lang)]);
  }

  /** Recorded, missing or stale, for each prompt of a language as its text is now. */
  async statusOf(prompts: ReadonlyArray<{ key: string; text: string }>, lang: string): Promise<Map<string, ClipStatus>> {
    const found = await this.getMany(prompts.map((p) => p.key), lang);
    return new Map(prompts.map((p) => [p.key, clipStatus(found.get(p.key), p.text, lang)]));
  }

  async exportPack(lang: string, now = Date.now()): Promise<Uint8Array> {
    const spoken = spokenLanguage(lang);
    const clips = await this.db.clips.where('lang').equals(spoken).sortBy('key');
    return encodePack(
      spoken,
      clips.map((c): PackClip => ({ ...c, audio: new Uint8Array(c.audio) })),
      now,
    );
  }

  /** Checks the whole pack first and writes it in one transaction: all clips or none. */
  async importPack(bytes: Uint8Array): Promise<ImportResult> {
    const decoded = decodePack(bytes);
    if (!decoded.ok) return decoded;
    const { lang, clips } = decoded.pack;
    return this.db.transaction('rw', this.db.clips, async () => {
      const existing = await this.db.clips.bulkGet(clips.map((c) => [c.key, lang] as [string, string]));
      await this.db.clips.bulkPut(
        clips.map(({ audio, ...meta }): StoredClip => ({ ...meta, lang, audio: toArrayBuffer(audio), audioHash: fnv1a64(audio) })),
      );
      return { ok: true as const, lang, imported: clips.length, replaced: existing.filter(Boolean).length };
    });
  }
}

let shared: ClipStore | null = null;
/** The kiosk's clip store (opened on first use). */
export function clipStore(): ClipStore {
  shared ??= new ClipStore();
  return shared;
}
