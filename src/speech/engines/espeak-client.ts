/**
 * The page's side of the eSpeak worker. This module is itself loaded only when the
 * offline engine is first needed (see layer.ts), and the worker, the eSpeak program and
 * its WebAssembly file only when it first speaks.
 */
import type { ESpeakReply, ESpeakRequest } from '../espeak.worker.ts';

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve(wav: ArrayBuffer): void; reject(error: Error): void }>();

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker?.terminate();
  worker = null;
}

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../espeak.worker.ts', import.meta.url), { type: 'module', name: 'espeak-ng' });
  worker.onmessage = (event: MessageEvent<ESpeakReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.wav);
    else p.reject(new Error(reply.error));
  };
  worker.onerror = (event) => failAll(new Error(event.message || 'the eSpeak worker failed to start'));
  return worker;
}

export function synthesize(voice: string, text: string, rate: number): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, voice, text, rate } satisfies ESpeakRequest);
  });
}
