/**
 * Which engine speaks an utterance (DESIGN §6): a current recorded clip, else a native
 * voice, else the bundled offline engine, else nobody, and the UI says so. Pure: the
 * caller looks up the clips and lists the voices, this decides.
 */
import { latinToTifinagh, tifinaghToLatin } from '../search/tifinagh.ts';
import { speechFallback, spokenLanguage, voiceFits, type Transliteration, type VoiceCandidate } from './lang.ts';
import { speechTextHash } from './text.ts';
import { isPauseKey, type PromptPart } from './compose.ts';

export type EngineKind = 'clip' | 'native' | 'offline';
export const ENGINE_ORDER: readonly EngineKind[] = ['clip', 'native', 'offline'];

export interface VoiceInfo {
  /** Stable id: the native voice's URI, or `espeak:<voice>`. */
  id: string;
  name: string;
  lang: string;
  engine: 'native' | 'offline';
  /** Rough synthetic voice (our own rules): the UI labels it so. */
  synthetic: boolean;
  /** Native voices: on the device (works offline) or not. */
  localService: boolean;
}

/** The stored facts about a clip that selection needs. */
export interface ClipMeta {
  key: string;
  lang: string;
  textHash: string;
}

export interface SpeechRequest {
  text: string;
  lang: string;
  /** The prompt key (UI string or catalog text) whose recording may be played. */
  key?: string;
  /** A prompt composed of recorded pieces; played only if every piece is recorded and current. */
  parts?: readonly PromptPart[];
}

export type ClipStatus = 'current' | 'stale' | 'missing';

export type EngineChoice =
  | { engine: 'clip'; clips: Array<{ key: string; lang: string } | { pause: true }>; stale: string[] }
  | { engine: 'native' | 'offline'; voice: VoiceInfo; text: string; candidate: VoiceCandidate; stale: string[] }
  | { engine: 'none'; reason: 'language-unavailable'; stale: string[] };

export function clipStatus(clip: ClipMeta | undefined, text: string, lang: string): ClipStatus {
  if (!clip) return 'missing';
  return clip.textHash === speechTextHash(text, lang) ? 'current' : 'stale';
}

/** The pieces a request could be played from: its parts, or its one key. */
export function promptParts(req: SpeechRequest): PromptPart[] {
  if (req.parts && req.parts.length > 0) return [...req.parts];
  return req.key ? [{ key: req.key, text: req.text }] : [];
}

/** The (key, spoken language) pairs to look up in the clip store for a request. */
export function clipLookups(req: SpeechRequest): Array<{ key: string; lang: string }> {
  const lang = spokenLanguage(req.lang);
  const keys = new Set(promptParts(req).filter((p) => !isPauseKey(p.key)).map((p) => p.key));
  return [...keys].map((key) => ({ key, lang }));
}

export function transliterate(text: string, how: Transliteration | null): string {
  if (how === 'Latn→Tfng') return latinToTifinagh(text);
  if (how === 'Tfng→Latn') return tifinaghToLatin(text);
  return text;
}

export interface SelectionInput {
  /** Clips found for clipLookups(req), by key. */
  clips: ReadonlyMap<string, ClipMeta>;
  voices: readonly VoiceInfo[];
  /** Engines that are off or just failed for this utterance. */
  exclude?: ReadonlySet<EngineKind>;
}

/** Native voices on the device first, then network ones (useless offline, kept last). */
const byPreference = (a: VoiceInfo, b: VoiceInfo) => Number(b.localService) - Number(a.localService);

export function selectEngine(req: SpeechRequest, input: SelectionInput): EngineChoice {
  const exclude = input.exclude ?? new Set<EngineKind>();
  const lang = spokenLanguage(req.lang);
  const parts = promptParts(req);
  const stale: string[] = [];
  let allCurrent = parts.length > 0;
  for (const part of parts) {
    if (isPauseKey(part.key)) continue;
    const status = clipStatus(input.clips.get(part.key), part.text, req.lang);
    if (status === 'stale') stale.push(part.key);
    if (status !== 'current') allCurrent = false;
  }
  if (allCurrent && !exclude.has('clip')) {
    return { engine: 'clip', clips: parts.map((p) => (isPauseKey(p.key) ? { pause: true as const } : { key: p.key, lang })), stale };
  }
  const chain = speechFallback(req.lang);
  for (const engine of ['native', 'offline'] as const) {
    if (exclude.has(engine)) continue;
    const voices = input.voices.filter((v) => v.engine === engine).sort(byPreference);
    for (const candidate of chain) {
      const voice = voices.find((v) => voiceFits(v.lang, candidate));
      if (voice) return { engine, voice, text: transliterate(req.text, candidate.transliterate), candidate, stale };
    }
  }
  return { engine: 'none', reason: 'language-unavailable', stale };
}
