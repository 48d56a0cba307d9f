/**
 * The speech layer in real Chromium (which has no speechSynthesis voices when headless):
 * a recorded clip plays for its prompt; French with no clip is spoken by the bundled
 * eSpeak NG worker; and where no engine exists the text is marked and the kiosk says so.
 * Sound is observed on the page's speech <audio> element: its play and ended events.
 */
import { expect, test, type Page } from '@playwright/test';
import { speechTextHash } from '../../src/core/speech/text.ts';
import { openKioskOnline } from './support/kiosk.ts';

/** A WAV of `seconds` of a 440 Hz tone: what an agent's recording stands in for. */
function toneWav(seconds: number, rate = 22050): number[] {
  const samples = Math.round(seconds * rate);
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
  for (let i = 0; i < samples; i++) buf.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return [...buf];
}

async function openConsent(page: Page) {
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await page.locator('[data-service="residence-certificate"]').click();
  await page.getByRole('button', { name: 'Commencer la demande' }).click();
  await expect(page.getByRole('heading', { name: 'Vos données personnelles' })).toBeVisible();
  expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0); // no native voice here
}

type Heard = { type: string; speaking: string | null; engine: string | null; duration: number; blob: boolean };

/** Records every play/ended of the page's media, with what was highlighted and which engine spoke. */
async function listen(page: Page) {
  await page.evaluate(() => {
    const log: Heard[] = ((window as unknown as { __heard: Heard[] }).__heard = []);
    for (const type of ['play', 'ended']) {
      document.addEventListener(
        type,
        (event) => {
          const audio = event.target as HTMLAudioElement;
          log.push({
            type,
            speaking: document.querySelector('[data-speaking="true"]')?.id ?? null,
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

/** Stores a clip the way the speech layer's Dexie database (relais-speech, version 1) holds it. */
async function storeClip(page: Page, clip: { key: string; lang: string; text: string; wav: number[] }) {
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
      tx.objectStore('clips').put({ key, lang, text, textHash, mime: 'audio/wav', audio: new Uint8Array(wav).buffer, recordedAt: Date.now() });
      await new Promise((ok, ko) => ((tx.oncomplete = ok), (tx.onerror = () => ko(tx.error))));
      db.close();
    },
    { ...clip, textHash },
  );
}

test('a recorded clip plays for its prompt, highlighted while it plays', async ({ page }) => {
  await openConsent(page);
  const title = (await page.locator('#consent-title').textContent())!;
  await storeClip(page, { key: 'consent.title', lang: 'fr', text: title, wav: toneWav(0.6) });
  const heard = await listen(page);

  await page.getByRole('button', { name: 'Écouter' }).click();
  await expect.poll(async () => (await heard()).find((h) => h.type === 'ended'), { timeout: 20_000 }).toBeTruthy();
  const log = await heard();
  expect(log[0]).toMatchObject({ type: 'play', blob: true });
  const ended = log.find((h) => h.type === 'ended')!;
  expect(ended).toMatchObject({ speaking: 'consent-title', engine: 'clip', blob: true });
  expect(ended.duration).toBeCloseTo(0.6, 1); // our clip, not a synthesized reading of the title

  // The next paragraph has no clip: the reading goes on with the offline voice, then stops on request.
  await expect(page.locator('#consent-purpose')).toHaveAttribute('data-speaking', 'true', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Arrêter la lecture' }).click();
  await expect(page.locator('[data-speaking]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Écouter' })).toBeVisible();
});

test('French with no clip is spoken by the eSpeak NG worker, loaded only then', async ({ page }) => {
  await openConsent(page);
  const loaded = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /espeak/i.test(n)));
  expect(await loaded()).toEqual([]); // nothing of eSpeak at start-up
  const heard = await listen(page);

  await page.getByRole('button', { name: 'Écouter' }).click();
  await expect(page.locator('#consent-title')).toHaveAttribute('data-speaking', 'true', { timeout: 60_000 });
  await expect.poll(async () => (await heard()).find((h) => h.type === 'ended'), { timeout: 60_000 }).toBeTruthy();
  const log = await heard();
  expect(log[0]).toMatchObject({ type: 'play', blob: true });
  const ended = log.find((h) => h.type === 'ended')!;
  expect(ended).toMatchObject({ speaking: 'consent-title', engine: 'offline', blob: true });
  expect(ended.duration).toBeGreaterThan(0.8); // "Vos données personnelles", spoken
  expect((await loaded()).some((n) => /espeak\.worker/.test(n))).toBe(true);
  await page.getByRole('button', { name: 'Arrêter la lecture' }).click();
});

test('with no engine for the language, the text is marked and the kiosk says no voice exists', async ({ page }) => {
  await openConsent(page);
  // This kiosk's offline engine is switched off, and headless Chromium has no native voice:
  // French now has no engine at all, like an Amazigh variant with no recording.
  await page.evaluate(() => localStorage.setItem('relais.speech.offline', 'off'));
  const heard = await listen(page);

  await page.getByRole('button', { name: 'Écouter' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Aucune voix n’est disponible pour cette langue' })).toBeVisible();
  await expect(page.locator('#consent-title')).toHaveAttribute('data-speech-unvoiced', 'true');
  await expect(page.locator('#consent-retention')).toHaveAttribute('data-speech-unvoiced', 'true');
  await expect(page.locator('[data-speech="novoice"]')).toBeVisible();
  expect(await heard()).toEqual([]); // silence, but not a silent failure
});
