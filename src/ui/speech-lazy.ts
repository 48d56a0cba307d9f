/**
 * The speech layer (src/speech) is loaded the first time something is read aloud, not at
 * start-up: the welcome screen, the idle warning, guided reading and the top bar's speak
 * button reach it through here.
 * Until it has loaded nothing can be speaking, so stopping is a no-op.
 */
type SpeakModule = typeof import('../speech/speak.ts');

let loading: Promise<SpeakModule> | null = null;
let loaded: SpeakModule | null = null;

export function loadSpeech(): Promise<SpeakModule> {
  loading ??= import('../speech/speak.ts').then((module) => (loaded = module));
  return loading;
}

export function stopSpeechIfLoaded(): void {
  loaded?.stopSpeaking();
}

/** The rate chosen on this kiosk (src/speech/rate.ts keeps it; nothing of the layer loads). */
export { storedRate as storedSpeechRate } from '../speech/rate.ts';

type ReaderModule = typeof import('./layout/read-aloud.ts');
let reader: Promise<ReaderModule> | null = null;

/** The screen reader of the top bar's speak button and of guided reading, with the speech layer. */
export function loadReader(): Promise<ReaderModule> {
  reader ??= Promise.all([loadSpeech(), import('./layout/read-aloud.ts')]).then(([, module]) => module);
  return reader;
}
