/**
 * The speech layer in real Chromium (which has no speechSynthesis voices when headless):
 * a recorded clip plays for its prompt; French with no clip is spoken by the bundled
 * eSpeak NG worker; and where no engine exists the text is marked and the kiosk says so.
 * Sound is observed on the page's speech <audio> element: its play and ended events.
 */
import { expect, test, type Page } from '@playwright/test';
import { openKioskOnline } from './support/kiosk.ts';
import { listen, storeClip, toneWav } from './support/speech.ts';

async function openConsent(page: Page) {
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await page.locator('[data-service="residence-certificate"]').click();
  await page.getByRole('button', { name: 'Commencer la demande' }).click();
  await expect(page.getByRole('heading', { name: 'Vos données personnelles' })).toBeVisible();
  expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0); // no native voice here
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
