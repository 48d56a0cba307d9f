/// <reference lib="webworker" />
/**
 * The bundled offline voice: eSpeak NG (GPL-3.0-or-later) in a worker, loaded only when a
 * page first needs it. Its 18 MB WebAssembly file is a separate asset, precached by the
 * service worker, so this works offline; nothing of it is in the start-up JavaScript.
 */
import ESpeakNg from 'espeak-ng';
import wasmUrl from 'espeak-ng/dist/espeak-ng.wasm?url';
import { ESpeakRunner, isESpeakVoice } from './espeak-runner.ts';

export type ESpeakRequest = { id: number; voice: string; text: string; rate: number };
export type ESpeakReply = { id: number; ok: true; wav: ArrayBuffer; ms: number } | { id: number; ok: false; error: string };

declare const self: DedicatedWorkerGlobalScope;

let runner: Promise<ESpeakRunner> | null = null;
function getRunner(): Promise<ESpeakRunner> {
  runner ??= (async () => {
    const response = await fetch(wasmUrl);
    if (!response.ok) throw new Error(`the eSpeak engine could not be loaded (HTTP ${response.status})`);
    const module = await WebAssembly.compileStreaming(response);
    return new ESpeakRunner(ESpeakNg, module);
  })();
  runner.catch(() => (runner = null));
  return runner;
}

// One synthesis at a time: each instance takes 32 MB of memory.
let queue: Promise<unknown> = Promise.resolve();

self.onmessage = (event: MessageEvent<ESpeakRequest>) => {
  const { id, voice, text, rate } = event.data;
  queue = queue.then(async () => {
    const started = performance.now();
    try {
      if (!isESpeakVoice(voice)) throw new Error(`no eSpeak voice ${voice}`);
      const wav = await (await getRunner()).synthesize(voice, text, rate);
      const buffer = wav.buffer.slice(wav.byteOffset, wav.byteOffset + wav.byteLength) as ArrayBuffer;
      self.postMessage({ id, ok: true, wav: buffer, ms: performance.now() - started } satisfies ESpeakReply, [buffer]);
    } catch (error) {
      self.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ESpeakReply);
    }
  });
};
