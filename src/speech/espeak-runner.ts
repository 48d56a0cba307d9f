/**
 * Runs eSpeak NG (the `espeak-ng` package: its command line compiled to WebAssembly) to
 * turn text into a WAV file. Each run is a fresh instance of the program (the build
 * exports no way to call main twice) built from one compiled WebAssembly module, so only
 * the first run pays for compiling the 18 MB module.
 *
 * The Tifinagh reading voice (src/core/speech/tifinagh-voice.ts) is compiled from its
 * rules once, in the first run that needs it; later runs are handed the compiled
 * dictionary. Used by the speech worker, and by the unit tests in Node.
 */
import type { ESpeakModule, ESpeakOptions } from 'espeak-ng';
import { TIFINAGH_VOICE_FILE, TIFINAGH_VOICE_ID, tifinaghList, tifinaghRules } from '../core/speech/tifinagh-voice.ts';

export type ESpeakFactory = (options: ESpeakOptions) => Promise<ESpeakModule>;

/** The eSpeak voices Relais offers: ar and fr from eSpeak, and our own Tifinagh reader. */
export const ESPEAK_VOICES = { fr: 'fr', ar: 'ar', 'zgh-Tfng': TIFINAGH_VOICE_ID } as const;
export type ESpeakVoice = keyof typeof ESPEAK_VOICES;
export const isESpeakVoice = (v: unknown): v is ESpeakVoice => typeof v === 'string' && Object.hasOwn(ESPEAK_VOICES, v);

const DATA = '/usr/local/share/espeak-ng-data';
const NORMAL_WPM = 175;

/** Web Speech's rate (1 = normal) as eSpeak words per minute, within what eSpeak accepts. */
export function wordsPerMinute(rate: number): number {
  const wpm = Math.round(NORMAL_WPM * (Number.isFinite(rate) ? rate : 1));
  return Math.min(450, Math.max(80, wpm));
}

export class ESpeakRunner {
  private tifinaghDict: Promise<Uint8Array> | null = null;

  constructor(
    private readonly factory: ESpeakFactory,
    private readonly module: WebAssembly.Module,
  ) {}

  private async run(args: string[], files: Record<string, string | Uint8Array>): Promise<{ es: ESpeakModule; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const wasm = this.module;
    const es = await this.factory({
      arguments: args,
      print: (line) => out.push(line),
      printErr: (line) => err.push(line),
      instantiateWasm(imports, receive) {
        void WebAssembly.instantiate(wasm, imports).then((instance) => receive(instance, wasm));
        return {};
      },
      onRuntimeInitialized() {
        for (const [path, data] of Object.entries(files)) this.FS.writeFile(path, data);
      },
    });
    return { es, out, err };
  }

  /** The compiled dictionary of the Tifinagh voice (compiled once per runner). */
  tifinaghDictionary(): Promise<Uint8Array> {
    this.tifinaghDict ??= (async () => {
      const { es, err } = await this.run([`--compile=${TIFINAGH_VOICE_ID}`], {
        [`/${TIFINAGH_VOICE_ID}_rules`]: tifinaghRules(),
        [`/${TIFINAGH_VOICE_ID}_list`]: tifinaghList(),
        [`${DATA}/lang/${TIFINAGH_VOICE_ID}`]: TIFINAGH_VOICE_FILE,
      });
      try {
        return es.FS.readFile(`${DATA}/${TIFINAGH_VOICE_ID}_dict`);
      } catch {
        throw new Error(`the Tifinagh voice did not compile: ${err.join(' ')}`);
      }
    })();
    this.tifinaghDict.catch(() => (this.tifinaghDict = null));
    return this.tifinaghDict;
  }

  private async voiceFiles(voice: ESpeakVoice): Promise<Record<string, Uint8Array | string>> {
    if (voice !== 'zgh-Tfng') return {};
    return { [`${DATA}/lang/${TIFINAGH_VOICE_ID}`]: TIFINAGH_VOICE_FILE, [`${DATA}/${TIFINAGH_VOICE_ID}_dict`]: await this.tifinaghDictionary() };
  }

  /** Text → WAV (mono, 16-bit, 22 050 Hz). The text goes through a file, never the command line. */
  async synthesize(voice: ESpeakVoice, text: string, rate = 1): Promise<Uint8Array> {
    const files = { ...(await this.voiceFiles(voice)), '/input.txt': text };
    const { es, err } = await this.run(['-b', '1', '-v', ESPEAK_VOICES[voice], '-s', String(wordsPerMinute(rate)), '-w', '/output.wav', '-f', '/input.txt'], files);
    let wav: Uint8Array;
    try {
      wav = es.FS.readFile('/output.wav');
    } catch {
      throw new Error(`eSpeak produced no audio: ${err.join(' ')}`);
    }
    if (wav.byteLength <= 44) throw new Error('eSpeak produced empty audio');
    return wav;
  }

  /** What eSpeak would say, in IPA (to check the voices' rules). */
  async ipa(voice: ESpeakVoice, text: string): Promise<string> {
    const files = { ...(await this.voiceFiles(voice)), '/input.txt': text };
    const { out } = await this.run(['-q', '-b', '1', '--ipa', '-v', ESPEAK_VOICES[voice], '-f', '/input.txt'], files);
    return out.join(' ').trim();
  }
}
