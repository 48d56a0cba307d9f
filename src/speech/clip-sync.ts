/**
 * Recorded prompts between kiosks and the server (DESIGN §6.1). After each catalog sync a
 * kiosk reads the server's manifest and downloads the clips it lacks or that were
 * re-recorded elsewhere; in the studio an agent publishes a language's clips. Every call
 * goes through apiFetch (the device token). Loaded on demand, never at start-up.
 */
import { clipsToDownload, clipsToPublish, type ManifestEntry, type PublishClipRequest, type SpeechManifest } from '../core/speech/manifest.ts';
import { spokenLanguage } from '../core/speech/lang.ts';
import { clipStatus } from '../core/speech/select.ts';
import { API, STAFF_HEADER, type Problem, type StaffSession } from '../core/sync/protocol.ts';
import type { RelaisDb } from '../data/db.ts';
import { apiFetch } from '../data/enrollment.ts';
import { clipStore, type ClipStore } from './clip-store.ts';
import { isQuotaError } from '../core/storage/quota.ts';

/** `session`: publishing needs the publisher's staff session, and the server refused it (ended, or the member left the relay). */
export type ClipSyncResult = { ok: true; downloaded: number; failed: number } | { ok: false; reason: 'offline' | 'http' | 'unreadable' | 'session'; status?: number };

function isManifest(body: unknown): body is SpeechManifest {
  const clips = (body as Partial<SpeechManifest> | null)?.clips;
  return (
    Array.isArray(clips) &&
    clips.every((e: Partial<ManifestEntry>) => !!e && typeof e.lang === 'string' && typeof e.key === 'string' && typeof e.text === 'string' && typeof e.textHash === 'string' && typeof e.audioHash === 'string' && typeof e.mime === 'string' && typeof e.updatedAt === 'string')
  );
}

export async function fetchManifest(database: RelaisDb, baseUrl = '', lang?: string): Promise<ManifestEntry[] | Exclude<ClipSyncResult, { ok: true }>> {
  let res: Response;
  try {
    res = await apiFetch(database, API.speechManifest + (lang ? `?lang=${encodeURIComponent(lang)}` : ''), {}, baseUrl);
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (!res.ok) return { ok: false, reason: 'http', status: res.status };
  const body: unknown = await res.json().catch(() => null);
  return isManifest(body) ? body.clips : { ok: false, reason: 'unreadable' };
}

/** Downloads into the clip store what the server has and this kiosk lacks (or holds an older copy of). */
export async function syncSpeechClips(database: RelaisDb, store: ClipStore = clipStore(), baseUrl = ''): Promise<ClipSyncResult> {
  const manifest = await fetchManifest(database, baseUrl);
  if (!Array.isArray(manifest)) return manifest;
  const wanted = clipsToDownload(manifest, await store.listAll());
  let downloaded = 0;
  let failed = 0;
  for (const entry of wanted) {
    try {
      const res = await apiFetch(database, `${API.speechClips}/${encodeURIComponent(entry.lang)}/${encodeURIComponent(entry.key)}`, {}, baseUrl);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const audio = new Uint8Array(await res.arrayBuffer());
      await store.put({
        key: entry.key,
        lang: entry.lang,
        text: entry.text,
        mime: entry.mime,
        audio,
        recordedAt: Date.parse(entry.updatedAt),
        recordedBy: entry.recordedBy,
        ...(entry.durationMs !== null ? { durationMs: entry.durationMs } : {}),
      });
      downloaded++;
    } catch (error) {
      console.warn(`speech: could not download the clip ${entry.lang}/${entry.key}`, error);
      failed++;
      // A full disk: recordings are optional (a voice or the agent reads instead), so stop here.
      if (isQuotaError(error)) {
        failed = wanted.length - downloaded;
        break;
      }
    }
  }
  return { ok: true, downloaded, failed };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface PublishResult {
  published: number;
  /** Already on the server as they are here. */
  unchanged: number;
  /** Refused or not sent: the key and why. */
  failed: Array<{ key: string; reason: string }>;
}

/**
 * Publishes this kiosk's current clips of a language that the server lacks or holds
 * another version of (stale clips are not published: their text is no longer the UI's).
 * `session` is the publishing member's staff session (the server records who published);
 * `recordedBy` names the recorder of clips that do not say. `currentText` gives each
 * prompt's text as the kiosk shows it now.
 */
export async function publishLanguage(
  database: RelaisDb,
  lang: string,
  session: StaffSession,
  recordedBy: string,
  currentText: ReadonlyMap<string, string>,
  store: ClipStore = clipStore(),
  baseUrl = '',
): Promise<PublishResult | Exclude<ClipSyncResult, { ok: true }>> {
  const spoken = spokenLanguage(lang);
  const manifest = await fetchManifest(database, baseUrl, spoken);
  if (!Array.isArray(manifest)) return manifest;
  const local = (await store.listAll()).filter((c) => c.lang === spoken);
  const current = local.filter((c) => currentText.has(c.key) && clipStatus(c, currentText.get(c.key)!, spoken) === 'current');
  const pending = clipsToPublish(current, manifest);
  const result: PublishResult = { published: 0, unchanged: current.length - pending.length, failed: [] };
  for (const meta of pending) {
    const clip = await store.get(meta.key, spoken);
    if (!clip) continue;
    const body: PublishClipRequest = {
      lang: spoken,
      key: clip.key,
      text: clip.text,
      textHash: clip.textHash,
      mime: clip.mime,
      recordedBy: clip.recordedBy ?? recordedBy,
      audio: base64(new Uint8Array(clip.audio)),
      ...(clip.durationMs !== undefined ? { durationMs: Math.round(clip.durationMs) } : {}),
    };
    try {
      const res = await apiFetch(database, API.speechClips, { method: 'POST', headers: { 'Content-Type': 'application/json', [STAFF_HEADER]: session.token }, body: JSON.stringify(body) }, baseUrl);
      if (res.ok) result.published++;
      else {
        const problem = (await res.json().catch(() => null)) as Partial<Problem> | null;
        // No clip can go without a session the server accepts: stop, and the studio asks for the PIN again.
        if (problem?.code === 'staff-session-required' || problem?.code === 'staff-removed') return { ok: false, reason: 'session', status: res.status };
        result.failed.push({ key: clip.key, reason: problem?.detail ?? problem?.title ?? `HTTP ${res.status}` });
      }
    } catch {
      result.failed.push({ key: clip.key, reason: 'offline' });
    }
  }
  return result;
}
