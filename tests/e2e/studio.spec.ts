/**
 * The recording studio end to end (issue 3, items 4 and 5), in a Chromium of its own whose
 * microphone is a WAV file (Chromium's fake capture): 0.5 s of silence, 1 s of a 440 Hz
 * tone, 0.5 s of silence. An agent records `consent.title` in French; the clip is stored
 * trimmed to the tone and published. A second terminal enrolled on the same server
 * downloads it with the catalog and, with no other voice, plays it for the consent title.
 *
 * Its own server (fresh data): the clip it publishes must not reach the other specs' kiosks.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startServer, type RunningServer } from './support/server-process.ts';
import { openKioskOnline, signInStaff } from './support/kiosk.ts';
import { listen, pcmWav } from './support/speech.ts';

/** The microphone's WAV: silence, a 440 Hz tone, silence. */
function micWav(path: string, rate = 48000): void {
  const [before, tone, after] = [0.5, 1, 0.5].map((s) => Math.round(s * rate)) as [number, number, number];
  writeFileSync(path, pcmWav(before + tone + after, rate, (i) => (i >= before && i < before + tone ? Math.round(12000 * Math.sin((2 * Math.PI * 440 * (i - before)) / rate)) : 0)));
}

/** The clip this kiosk holds for (key, lang) in relais-speech, without its audio. */
function storedClip(page: Page, key: string, lang: string) {
  return page.evaluate(
    async ({ key, lang }) => {
      const open = indexedDB.open('relais-speech');
      const db: IDBDatabase = await new Promise((ok, ko) => ((open.onsuccess = () => ok(open.result)), (open.onerror = () => ko(open.error))));
      if (!db.objectStoreNames.contains('clips')) return db.close(), null;
      const clip = await new Promise<{ mime: string; durationMs?: number; audio: ArrayBuffer; recordedBy?: string } | undefined>((ok) => {
        const req = db.transaction('clips').objectStore('clips').get([key, lang]);
        req.onsuccess = () => ok(req.result as never);
        req.onerror = () => ok(undefined);
      });
      db.close();
      return clip ? { mime: clip.mime, durationMs: clip.durationMs, bytes: clip.audio.byteLength, recordedBy: clip.recordedBy } : null;
    },
    { key, lang },
  );
}

let dir: string;
let server: RunningServer;
let browser: Browser;

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relais-studio-'));
  const wav = join(dir, 'mic.wav');
  micWav(wav);
  server = await startServer({ STATIC_DIR: 'dist', RATE_LIMIT_PER_MINUTE: '0' });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
      '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-audio-capture=${wav}%noloop`,
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('an agent records a prompt, trimmed, publishes it, and another terminal plays it', async () => {
  test.setTimeout(180_000);
  // ——— terminal 1: the agent's studio ———
  const studio = await (await browser.newContext()).newPage();
  await openKioskOnline(studio, server.url);
  await signInStaff(studio, 'agent-demo', '246810');
  await studio.getByTestId('studio-button').click();
  await expect(studio.getByRole('heading', { name: 'Studio d’enregistrement des messages' })).toBeVisible();
  const coverage = studio.getByTestId('studio-coverage');
  await expect(coverage).toHaveAttribute('data-recorded', '0');
  const total = Number(await coverage.getAttribute('data-total'));
  expect(total).toBeGreaterThan(300); // UI strings, the catalog's texts and the pieces

  const row = studio.locator('[data-prompt="consent.title"]');
  await expect(row).toHaveAttribute('data-status', 'missing');
  await expect(row).toContainText('Vos données personnelles');
  await row.locator('[data-action="record"]').click();
  const meter = row.locator('meter');
  await expect(meter).toBeVisible();
  await studio.waitForTimeout(2800); // past the tone and the trailing silence
  // The level meter moved with the tone (its peak is kept for the take), and is back down in the silence after it.
  expect(Number(await meter.getAttribute('data-peak'))).toBeGreaterThan(0.3);
  await expect.poll(() => meter.evaluate((m: HTMLMeterElement) => m.value)).toBeLessThan(0.05);
  await row.locator('[data-action="stop"]').click();

  await expect(row).toHaveAttribute('data-status', 'current');
  const trim = row.locator('.studio-trim');
  const rawMs = Number(await trim.getAttribute('data-raw-ms'));
  const keptMs = Number(await trim.getAttribute('data-trimmed-ms'));
  expect(rawMs).toBeGreaterThan(2500); // what the microphone gave
  expect(keptMs).toBeGreaterThan(900); // the 1 s tone…
  expect(keptMs).toBeLessThan(1600); // …without the silences around it
  await expect(coverage).toHaveText('1 / ' + total + ' messages enregistrés, 0 à refaire');
  const kept = await storedClip(studio, 'consent.title', 'fr');
  expect(kept).toMatchObject({ mime: 'audio/wav', durationMs: keptMs, recordedBy: 'agent-demo' });
  expect(kept!.bytes).toBe(44 + Math.round((keptMs / 1000) * 16000) * 2); // 16 kHz mono 16-bit

  // Publishing asks the agent's PIN once: the server opens a staff session and notes who published.
  await studio.getByTestId('studio-publish').click();
  await expect(studio.locator('form').getByText('Tapez votre code PIN : le serveur note qui publie les enregistrements.', { exact: false })).toBeVisible(); // (the prompt list holds the same text, to record)
  await studio.locator('#studio-pin').fill('246810');
  await studio.getByRole('button', { name: 'Confirmer' }).click();
  await expect(studio.getByTestId('studio-notice')).toHaveText('1 publiés, 0 déjà à jour, 0 refusés');
  await expect(studio.locator('#studio-pin')).toHaveCount(0);
  // Publishing again sends nothing (the server holds this version), and asks no PIN.
  await studio.getByTestId('studio-publish').click();
  await expect(studio.getByTestId('studio-notice')).toHaveText('0 publiés, 1 déjà à jour, 0 refusés');

  // ——— terminal 2: another kiosk of the relay, no offline engine, no native voice ———
  const kiosk = await (await browser.newContext()).newPage();
  await openKioskOnline(kiosk, server.url);
  await expect.poll(() => storedClip(kiosk, 'consent.title', 'fr'), { timeout: 20_000 }).toMatchObject({ mime: 'audio/wav', bytes: kept!.bytes });
  await kiosk.evaluate(() => localStorage.setItem('relais.speech.offline', 'off'));
  await kiosk.locator('[data-service="residence-certificate"]').click();
  await kiosk.getByRole('button', { name: 'Commencer la demande' }).click();
  await expect(kiosk.getByRole('heading', { name: 'Vos données personnelles' })).toBeVisible();
  expect(await kiosk.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
  const heard = await listen(kiosk);
  await kiosk.getByRole('button', { name: 'Écouter' }).click();
  await expect.poll(async () => (await heard()).find((h) => h.type === 'ended'), { timeout: 20_000 }).toBeTruthy();
  const log = await heard();
  expect(log[0]).toMatchObject({ type: 'play', blob: true }); // (the highlight is drawn just after play)
  const ended = log.find((h) => h.type === 'ended')!;
  expect(ended).toMatchObject({ speaking: 'consent-title', engine: 'clip', blob: true });
  expect(ended.duration).toBeCloseTo(keptMs / 1000, 1); // the agent's trimmed recording
  // The other paragraphs have no recording and no voice here: the kiosk says so.
  await expect(kiosk.locator('#consent-purpose')).toHaveAttribute('data-speech-unvoiced', 'true');
});
