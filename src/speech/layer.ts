/**
 * Relais's speech layer, shaped like the W3C Web Speech API (DESIGN §6): an utterance with
 * `text` and `lang` (and a prompt `key` or composed `parts` for recordings, and a `rate`);
 * `speak`, `cancel`, `pause`, `resume`; events `start`, `end`, `boundary`, `error`; voices
 * listed by language. Per utterance it plays a current recorded clip, else a native voice,
 * else the bundled eSpeak NG engine, else it fires `error` with `language-unavailable`
 * (the Web Speech code for it) so the UI shows that no voice exists and the agent reads.
 *
 * Nothing of eSpeak is imported here: its client, worker and WebAssembly load on first use.
 */
import { ENGINE_ORDER, clipLookups, selectEngine, type EngineChoice, type EngineKind, type VoiceInfo } from '../core/speech/select.ts';
import type { PromptPart } from '../core/speech/compose.ts';
import { voiceFits, speechFallback } from '../core/speech/lang.ts';
import { clipStore, type ClipStore } from './clip-store.ts';
import { playAudio, silence, type Playback } from './engines/audio.ts';

export type { VoiceInfo } from '../core/speech/select.ts';

export type SpeechErrorCode = 'language-unavailable' | 'canceled' | 'interrupted' | 'audio-busy' | 'synthesis-failed';

export interface UtteranceInit {
  text: string;
  lang: string;
  key?: string;
  parts?: readonly PromptPart[];
  rate?: number;
}

export class SpeechLayerEvent extends Event {
  constructor(
    type: 'start' | 'end' | 'boundary' | 'error' | 'pause' | 'resume',
    readonly engine: EngineKind | 'none',
    readonly voice: VoiceInfo | null,
    init: { charIndex?: number; charLength?: number; elapsedTime?: number; error?: SpeechErrorCode; stale?: string[]; estimated?: boolean } = {},
  ) {
    super(type);
    this.charIndex = init.charIndex ?? 0;
    this.charLength = init.charLength ?? 0;
    this.elapsedTime = init.elapsedTime ?? 0;
    this.error = init.error ?? null;
    this.stale = init.stale ?? [];
    this.estimated = init.estimated ?? false;
  }
  readonly charIndex: number;
  readonly charLength: number;
  readonly elapsedTime: number;
  readonly error: SpeechErrorCode | null;
  /** Prompt keys whose recording exists but speaks an older text. */
  readonly stale: string[];
  /** Boundaries of WAV engines are estimated from the text, not reported by the engine. */
  readonly estimated: boolean;
}

type Handler = ((event: SpeechLayerEvent) => void) | null;

export class RelaisUtterance extends EventTarget {
  text: string;
  lang: string;
  key?: string;
  parts?: readonly PromptPart[];
  rate: number;
  onstart: Handler = null;
  onend: Handler = null;
  onboundary: Handler = null;
  onerror: Handler = null;

  constructor(init: UtteranceInit) {
    super();
    this.text = init.text;
    this.lang = init.lang;
    if (init.key !== undefined) this.key = init.key;
    if (init.parts !== undefined) this.parts = init.parts;
    this.rate = init.rate ?? 1;
  }

  /** @internal */
  emit(event: SpeechLayerEvent): void {
    const handler = { start: this.onstart, end: this.onend, boundary: this.onboundary, error: this.onerror }[event.type];
    handler?.(event);
    this.dispatchEvent(event);
  }
}

export interface SpeechState {
  speaking: boolean;
  paused: boolean;
  current: RelaisUtterance | null;
  engine: EngineKind | null;
}

export interface SpeechLayerOptions {
  store?: ClipStore;
  /** Off on a kiosk where the bundled engine must not be used (setting `relais.speech.offline` = `off`). */
  offlineEngine?: () => boolean;
}

/** The bundled eSpeak voices, known without loading anything. */
export const OFFLINE_VOICES: readonly VoiceInfo[] = [
  { id: 'espeak:ar', name: 'eSpeak NG — العربية', lang: 'ar', engine: 'offline', synthetic: true, localService: true },
  { id: 'espeak:fr', name: 'eSpeak NG — français', lang: 'fr', engine: 'offline', synthetic: true, localService: true },
  { id: 'espeak:zgh-Tfng', name: 'ⵜⵉⴼⵉⵏⴰⵖ — voix de lecture synthétique (approximative)', lang: 'zgh-Tfng', engine: 'offline', synthetic: true, localService: true },
];

const PIECE_PAUSE_MS = 350;
const WORD = /\S+/g;

export class SpeechLayer {
  private readonly queue: RelaisUtterance[] = [];
  private playback: Playback | null = null;
  private state: SpeechState = { speaking: false, paused: false, current: null, engine: null };
  private readonly listeners = new Set<(state: SpeechState) => void>();
  private generation = 0;
  onvoiceschanged: (() => void) | null = null;

  constructor(private readonly options: SpeechLayerOptions = {}) {
    if (typeof speechSynthesis !== 'undefined') {
      speechSynthesis.addEventListener?.('voiceschanged', () => {
        this.onvoiceschanged?.();
        this.notify();
      });
    }
  }

  get speaking(): boolean {
    return this.state.speaking;
  }
  get paused(): boolean {
    return this.state.paused;
  }
  get pending(): boolean {
    return this.queue.length > 0;
  }

  subscribe(listener: (state: SpeechState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<SpeechState>) {
    this.state = { ...this.state, ...patch };
    this.notify();
  }
  private notify() {
    for (const l of this.listeners) l(this.state);
  }

  private offlineOn(): boolean {
    return this.options.offlineEngine?.() ?? true;
  }

  /** Every voice this kiosk has: native ones, then the bundled ones. */
  getVoices(): VoiceInfo[] {
    const native: VoiceInfo[] =
      typeof speechSynthesis === 'undefined'
        ? []
        : speechSynthesis.getVoices().map((v) => ({ id: v.voiceURI, name: v.name, lang: v.lang, engine: 'native', synthetic: false, localService: v.localService }));
    return [...native, ...(this.offlineOn() ? OFFLINE_VOICES : [])];
  }

  /** Voices that can read text in `lang` (after transliteration if need be), best first. */
  voicesFor(lang: string): VoiceInfo[] {
    const voices = this.getVoices();
    const chain = speechFallback(lang);
    const out: VoiceInfo[] = [];
    for (const engine of ['native', 'offline'] as const)
      for (const c of chain) for (const v of voices) if (v.engine === engine && voiceFits(v.lang, c) && !out.includes(v)) out.push(v);
    return out;
  }

  /** What would speak this utterance now (without speaking it). */
  async choose(u: UtteranceInit, exclude: ReadonlySet<EngineKind> = new Set()): Promise<EngineChoice> {
    const lookups = clipLookups(u);
    const found = lookups.length ? await this.store().getMany(lookups.map((l) => l.key), u.lang) : new Map();
    const all = new Set(exclude);
    if (!this.offlineOn()) all.add('offline');
    return selectEngine(u, { clips: found, voices: this.getVoices(), exclude: all });
  }

  private store(): ClipStore {
    return this.options.store ?? clipStore();
  }

  speak(utterance: RelaisUtterance): void {
    this.queue.push(utterance);
    if (!this.state.current) void this.next();
  }

  /** Stops what is speaking and forgets what was queued. */
  cancel(): void {
    this.generation++;
    const dropped = this.queue.splice(0);
    const current = this.state.current;
    this.playback?.stop();
    this.playback = null;
    if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
    if (current) current.emit(new SpeechLayerEvent('error', this.state.engine ?? 'none', null, { error: 'interrupted' }));
    for (const u of dropped) u.emit(new SpeechLayerEvent('error', 'none', null, { error: 'canceled' }));
    this.set({ speaking: false, paused: false, current: null, engine: null });
  }

  pause(): void {
    if (!this.state.current || this.state.paused) return;
    this.playback?.pause();
    this.set({ paused: true });
    this.state.current.emit(new SpeechLayerEvent('pause', this.state.engine ?? 'none', null));
  }

  resume(): void {
    if (!this.state.current || !this.state.paused) return;
    this.playback?.resume();
    this.set({ paused: false });
    this.state.current.emit(new SpeechLayerEvent('resume', this.state.engine ?? 'none', null));
  }

  private async next(): Promise<void> {
    const u = this.queue.shift();
    if (!u) return;
    const generation = this.generation;
    this.set({ current: u, speaking: true, paused: false, engine: null });
    const tried = new Set<EngineKind>();
    let lastStale: string[] = [];
    let failure: SpeechErrorCode = 'language-unavailable';
    for (;;) {
      let choice: EngineChoice;
      try {
        choice = await this.choose(u, tried);
      } catch (error) {
        console.warn('speech: could not read the clip store', error);
        tried.add('clip');
        continue;
      }
      if (generation !== this.generation) return;
      lastStale = choice.stale;
      if (choice.engine === 'none') break;
      this.set({ engine: choice.engine });
      const outcome = await this.run(u, choice, generation);
      if (generation !== this.generation) return;
      if (outcome === 'ok') {
        u.emit(new SpeechLayerEvent('end', choice.engine, 'voice' in choice ? choice.voice : null, { stale: choice.stale }));
        return this.finish(generation);
      }
      if (outcome === 'started-then-failed') {
        failure = 'synthesis-failed';
        break;
      }
      tried.add(choice.engine); // could not start: try the next engine
      if (tried.size >= ENGINE_ORDER.length) break;
    }
    u.emit(new SpeechLayerEvent('error', 'none', null, { error: failure, stale: lastStale }));
    this.finish(generation);
  }

  private finish(generation: number) {
    if (generation !== this.generation) return;
    this.playback = null;
    this.set({ speaking: false, paused: false, current: null, engine: null });
    if (this.queue.length) void this.next();
  }

  /** Speaks with one engine: 'ok', 'not-started' (try another) or 'started-then-failed'. */
  private async run(u: RelaisUtterance, choice: Exclude<EngineChoice, { engine: 'none' }>, generation: number): Promise<'ok' | 'not-started' | 'started-then-failed'> {
    let started = false;
    const voice = 'voice' in choice ? choice.voice : null;
    const start = () => {
      if (started) return;
      started = true;
      u.emit(new SpeechLayerEvent('start', choice.engine, voice, { stale: choice.stale }));
    };
    try {
      if (choice.engine === 'clip') await this.playClips(u, choice.clips, start, generation);
      else if (choice.engine === 'native') await this.speakNative(u, choice.text, choice.voice, start, generation);
      else await this.speakOffline(u, choice.text, choice.voice, start, generation);
      return 'ok';
    } catch (error) {
      if (generation === this.generation) console.warn(`speech: the ${choice.engine} engine failed`, error);
      return started ? 'started-then-failed' : 'not-started';
    }
  }

  private async playClips(u: RelaisUtterance, clips: Extract<EngineChoice, { engine: 'clip' }>['clips'], start: () => void, generation: number) {
    const keys = clips.flatMap((c) => ('key' in c ? [c.key] : []));
    const found = await this.store().getMany(keys, u.lang);
    for (const piece of clips) {
      if (generation !== this.generation) return;
      if ('pause' in piece) {
        this.playback = silence(PIECE_PAUSE_MS);
      } else {
        const clip = found.get(piece.key);
        if (!clip) throw new Error(`the clip ${piece.key} disappeared`);
        this.playback = playAudio(clip.audio, clip.mime, { rate: u.rate, onStart: start });
      }
      if (this.state.paused) this.playback.pause();
      await this.playback.done;
    }
  }

  private speakNative(u: RelaisUtterance, text: string, voice: VoiceInfo, start: () => void, generation: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const native = speechSynthesis.getVoices().find((v) => v.voiceURI === voice.id);
      if (!native) return reject(new Error(`the voice ${voice.name} went away`));
      const s = new SpeechSynthesisUtterance(text);
      s.voice = native;
      s.lang = native.lang;
      s.rate = u.rate;
      s.onstart = start;
      s.onend = () => resolve();
      s.onerror = (e) => (e.error === 'interrupted' || e.error === 'canceled' ? resolve() : reject(new Error(e.error)));
      s.onboundary = (e) => u.emit(new SpeechLayerEvent('boundary', 'native', voice, { charIndex: e.charIndex, charLength: e.charLength, elapsedTime: e.elapsedTime }));
      this.playback = {
        done: Promise.resolve(),
        pause: () => speechSynthesis.pause(),
        resume: () => speechSynthesis.resume(),
        stop: () => speechSynthesis.cancel(),
      };
      if (generation !== this.generation) return resolve();
      speechSynthesis.speak(s);
    });
  }

  private async speakOffline(u: RelaisUtterance, text: string, voice: VoiceInfo, start: () => void, generation: number) {
    const { synthesize } = await import('./engines/espeak-client.ts');
    const wav = await synthesize(voice.id.replace(/^espeak:/, ''), text, u.rate);
    if (generation !== this.generation) return;
    const words = [...text.matchAll(WORD)].map((m) => ({ index: m.index, length: m[0].length }));
    let said = 0;
    this.playback = playAudio(wav, 'audio/wav', {
      onStart: start,
      // eSpeak's command line reports no word times: estimate them from the text's length.
      onTime: (seconds, duration) => {
        if (!Number.isFinite(duration) || duration <= 0) return;
        const reached = (seconds / duration) * text.length;
        while (said < words.length && words[said]!.index <= reached) {
          const w = words[said++]!;
          u.emit(new SpeechLayerEvent('boundary', 'offline', voice, { charIndex: w.index, charLength: w.length, elapsedTime: seconds * 1000, estimated: true }));
        }
      },
    });
    if (this.state.paused) this.playback.pause();
    await this.playback.done;
  }
}

const OFFLINE_SETTING = 'relais.speech.offline';

function offlineEngineSetting(): boolean {
  try {
    return localStorage.getItem(OFFLINE_SETTING) !== 'off';
  } catch {
    return true;
  }
}

let shared: SpeechLayer | null = null;
/** The kiosk's speech layer. */
export function speechLayer(): SpeechLayer {
  shared ??= new SpeechLayer({ offlineEngine: offlineEngineSetting });
  return shared;
}
