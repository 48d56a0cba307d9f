/**
 * Published clips (DESIGN §6.1): agents upload a language's recordings to the server,
 * which lists them in a manifest; every kiosk fetches the manifest with the catalog and
 * downloads the clips it lacks or that changed. Pure: these decide what moves.
 */

/** One clip as GET /api/speech/manifest lists it. */
export interface ManifestEntry {
  /** Spoken language (`fr`, `ar`, `zgh`, `shi`, `tzm`, `rif`). */
  lang: string;
  key: string;
  /** The text the clip speaks, and its speechTextHash. */
  text: string;
  textHash: string;
  mime: string;
  bytes: number;
  /** fnv1a64 of the audio: tells a re-recording of the same text apart. */
  audioHash: string;
  durationMs: number | null;
  recordedBy: string;
  /** ISO 8601: when the server stored this version. */
  updatedAt: string;
}

export interface SpeechManifest {
  clips: ManifestEntry[];
}

/** POST /api/speech/clips: one clip, its audio in base64. */
export interface PublishClipRequest {
  lang: string;
  key: string;
  text: string;
  textHash: string;
  mime: string;
  durationMs?: number;
  recordedBy: string;
  audio: string;
}

/** What a kiosk knows of a clip it holds. */
export interface LocalClipInfo {
  key: string;
  lang: string;
  textHash: string;
  audioHash?: string;
  recordedAt: number;
}

const id = (c: { lang: string; key: string }) => `${c.lang}\u0000${c.key}`;

/**
 * The manifest's clips this kiosk should download: those it lacks, and those whose audio
 * differs from its own unless its own is newer (recorded here and not yet published —
 * an agent's fresh work is never overwritten by an older server copy).
 */
export function clipsToDownload(manifest: readonly ManifestEntry[], local: readonly LocalClipInfo[]): ManifestEntry[] {
  const mine = new Map(local.map((c) => [id(c), c]));
  return manifest.filter((entry) => {
    const have = mine.get(id(entry));
    if (!have) return true;
    if (have.audioHash === entry.audioHash && have.textHash === entry.textHash) return false;
    return have.recordedAt <= Date.parse(entry.updatedAt);
  });
}

/** This kiosk's clips of `lang` the server lacks or holds another version of. */
export function clipsToPublish<T extends LocalClipInfo>(local: readonly T[], manifest: readonly ManifestEntry[]): T[] {
  const theirs = new Map(manifest.map((e) => [id(e), e]));
  return local.filter((c) => {
    const entry = theirs.get(id(c));
    return !entry || entry.audioHash !== c.audioHash || entry.textHash !== c.textHash;
  });
}
