/** Audio for the speech specs: WAV files standing in for an agent's recordings, and stored clips. */
import type { Page } from '@playwright/test';
import { speechTextHash } from '../../../src/core/speech/text.ts';

/** A 16-bit PCM mono WAV (RIFF header written here) of `samples` samples at `rate` Hz; `at(i)` is sample i. */
export function pcmWav(samples: number, rate: number, at: (i: number) => number): Buffer {
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVEfmt ', 8);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) buf.writeInt16LE(at(i), 44 + i * 2);
  return buf;
}

/** A WAV of `seconds` of a 440 Hz tone: what an agent's recording stands in for. */
export function toneWav(seconds: number, rate = 22050): number[] {
  return [...pcmWav(Math.round(seconds * rate), rate, (i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)))];
}

/** Stores a clip the way the speech layer's Dexie database (relais-speech, version 1) holds it; `wav: null` deletes it. */
export async function storeClip(page: Page, clip: { key: string; lang: string; text: string; wav: number[] | null }): Promise<void> {
  const textHash = speechTextHash(clip.text, clip.lang);
  await page.evaluate(
    async ({ key, lang, text, wav, textHash }) => {
      const open = indexedDB.open('relais-speech', 10); // Dexie's version 1
      open.onupgradeneeded = () => {
        const clips = open.result.createObjectStore('clips', { keyPath: ['key', 'lang'] });
        clips.createIndex('lang', 'lang');
      };
      const db: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
      const tx = db.transaction('clips', 'readwrite');
      if (wav) tx.objectStore('clips').put({ key, lang, text, textHash, mime: 'audio/wav', audio: new Uint8Array(wav).buffer, recordedAt: Date.now() });
      else tx.objectStore('clips').delete([key, lang]);
      await new Promise((ok, ko) => ((tx.oncomplete = ok), (tx.onerror = () => ko(tx.error))));
      db.close();
    },
    { ...clip, textHash },
  );
}

/** One play or ended of the page's speech <audio>, with what was marked as being read then. */
export type Heard = {
  type: string;
  /** The id of the element marked `data-speaking`, its prompt key (its own or a child's) and its text. */
  speaking: string | null;
  key: string | null;
  text: string | null;
  /** Whether that element is part of the screen (not the top bar or a dialog outside it). */
  inScreen: boolean;
  /** The engine the speaking control says it uses (clip, native, offline). */
  engine: string | null;
  duration: number;
  blob: boolean;
};

/** Records every play/ended of the page's media; returns a reader of the log. */
export async function listen(page: Page): Promise<() => Promise<Heard[]>> {
  await page.evaluate(() => {
    const log: Heard[] = ((window as unknown as { __heard: Heard[] }).__heard = []);
    for (const type of ['play', 'ended']) {
      document.addEventListener(
        type,
        (event) => {
          const audio = event.target as HTMLAudioElement;
          const marked = document.querySelector('[data-speaking="true"]');
          log.push({
            type,
            speaking: marked?.id || null,
            key: marked?.getAttribute('data-speech-key') ?? marked?.querySelector('[data-speech-key]')?.getAttribute('data-speech-key') ?? null,
            text: marked?.textContent?.trim() ?? null,
            inScreen: marked?.closest('[data-screen-root]') != null,
            engine: document.querySelector('[data-speech-engine]')?.getAttribute('data-speech-engine') ?? null,
            duration: audio.duration,
            blob: audio.currentSrc.startsWith('blob:'),
          });
        },
        true,
      );
    }
  });
  return () => page.evaluate(() => (window as unknown as { __heard: Heard[] }).__heard);
}
