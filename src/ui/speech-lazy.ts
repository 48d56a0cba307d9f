/**
 * The speech layer (src/speech) is loaded the first time something is read aloud, not at
 * start-up: the welcome screen, the idle warning and guided reading reach it through here.
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

/** The rate chosen with the speak button (src/speech/hooks.ts keeps it under this key). */
export function storedSpeechRate(): number {
  try {
    const value = Number(localStorage.getItem('relais.speech.rate'));
    return value >= 0.5 && value <= 2 ? value : 1;
  } catch {
    return 1;
  }
}
