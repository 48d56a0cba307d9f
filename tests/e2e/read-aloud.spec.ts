/**
 * Read-aloud on every screen (issue 3, item 6) in real Chromium, which has no native
 * voice when headless: the top bar's speak button reads the service list, a form step
 * and the receipt through the kiosk's own engine (eSpeak NG, in its worker), marking the
 * piece being read; a new screen, a new step or the end of the session stops it. A form
 * question's catalog text plays the agent's recording of it (`service.<id>.field.<name>.label`)
 * when the recording is current — from the speak button and from guided reading — and a
 * stale one is not played. With no voice at all, the text is marked and the kiosk says so.
 * Sound is observed on the page's speech <audio> element: its play and ended events.
 */
import { expect, test, type Page } from '@playwright/test';
import { finishResidenceCertificate, openKioskOnline, startResidenceCertificate } from './support/kiosk.ts';
import { listen, storeClip, toneWav, type Heard } from './support/speech.ts';

const readAloud = (page: Page) => page.getByTestId('read-aloud');

/** Presses speak: the offline engine reads a piece of the screen, marked while it sounds, then goes on. */
async function expectScreenRead(page: Page, heard: () => Promise<Heard[]>) {
  const before = (await heard()).length;
  await readAloud(page).click();
  await expect.poll(async () => (await heard()).slice(before).find((h) => h.type === 'ended'), { timeout: 60_000 }).toMatchObject({ inScreen: true, engine: 'offline' });
  await expect(page.locator('[data-screen-root] [data-speaking="true"]')).toHaveCount(1, { timeout: 30_000 }); // the next piece
  await expect(readAloud(page)).toHaveAttribute('aria-pressed', 'true');
}

/** After a change of screen: nothing marked, the button ready again, and no further sound. */
async function expectStopped(page: Page, heard: () => Promise<Heard[]>) {
  await expect(readAloud(page)).toHaveAttribute('data-speech', 'idle');
  await expect(page.locator('[data-speaking]')).toHaveCount(0);
  const count = (await heard()).length;
  await page.waitForTimeout(2500); // the next pieces would have started by now
  expect((await heard()).slice(count).filter((h) => h.type === 'play')).toEqual([]);
  expect(await page.locator('#relais-speech-audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
}

test('the speak button reads the service list, a form step and the receipt, and stops when the screen changes', async ({ page }) => {
  test.setTimeout(240_000);
  await openKioskOnline(page, process.env.RELAIS_URL!);
  expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0); // no native voice here
  const heard = await listen(page);

  // The service list; picking a service stops the reading.
  await expectScreenRead(page, heard);
  await page.locator('[data-service="residence-certificate"]').click();
  await expect(page.locator('#service-title')).toBeVisible();
  await expectStopped(page, heard);

  // A form step; going to the next step stops it.
  await page.getByRole('button', { name: 'Commencer la demande' }).click();
  await page.getByRole('button', { name: 'J’accepte' }).click();
  await page.getByLabel('Prénom et nom').fill('Itto Ait Ali');
  await page.getByLabel('Numéro de la CNIE').fill('JB123456');
  await page.getByLabel('Date de naissance').fill('1984-05-17');
  await expectScreenRead(page, heard);
  await page.getByRole('button', { name: 'Suivant' }).click();
  await expect(page.getByLabel('Douar ou quartier')).toBeVisible();
  await expectStopped(page, heard);

  // The receipt; "done" ends the session and the reading with it.
  await page.getByRole('button', { name: 'Retour' }).click();
  await finishResidenceCertificate(page);
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  await expect(page.getByTestId('tracking-code')).toBeVisible();
  await expectScreenRead(page, heard);
  const marked = (await page.locator('[data-screen-root] [data-speaking="true"]').textContent())!.trim();
  expect(marked.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Terminé' }).click();
  await expect(page.locator('.welcome')).toBeVisible();
  await expectStopped(page, heard);
});

test('a form question plays the recording made for its catalog text, from the speak button and from guided reading; a stale one is not played', async ({ page }) => {
  test.setTimeout(240_000);
  await openKioskOnline(page, process.env.RELAIS_URL!);
  await startResidenceCertificate(page);
  const label = 'service.residence-certificate.field.fullName.label';
  await expect(page.locator(`[data-speech-key="${label}"]`)).toHaveText('Prénom et nom');
  await storeClip(page, { key: label, lang: 'fr', text: 'Prénom et nom', wav: toneWav(1.7) });
  // Recorded when the CNIE question said something else: stale, so a voice reads it instead.
  await storeClip(page, { key: 'service.residence-certificate.field.cnie.label', lang: 'fr', text: 'Numéro de la carte', wav: toneWav(1.7) });
  const heard = await listen(page);

  await readAloud(page).click();
  await expect.poll(async () => (await heard()).find((h) => h.type === 'ended' && h.key === label), { timeout: 90_000 }).toBeTruthy();
  const clip = (await heard()).find((h) => h.type === 'ended' && h.key === label)!;
  expect(clip).toMatchObject({ engine: 'clip', text: 'Prénom et nom', inScreen: true });
  expect(clip.duration).toBeCloseTo(1.7, 1); // the agent's recording, not a synthesized reading
  await expect.poll(async () => (await heard()).find((h) => h.type === 'ended' && h.key === 'service.residence-certificate.field.cnie.label'), { timeout: 60_000 }).toMatchObject({ engine: 'offline' });
  await readAloud(page).click(); // stop
  await expect(page.locator('[data-speaking]')).toHaveCount(0);

  // Guided reading reads each question as the step appears: the same recording plays.
  const before = (await heard()).length;
  await page.getByTestId('display-button').click();
  await page.locator('[data-display="guided"]').click();
  await page.locator('.dialog .button.primary').click();
  await expect.poll(async () => (await heard()).slice(before).find((h) => h.type === 'ended' && h.key === label), { timeout: 90_000 }).toBeTruthy();
  const guided = (await heard()).slice(before).find((h) => h.type === 'ended' && h.key === label)!;
  expect(guided.duration).toBeCloseTo(1.7, 1);
  expect(guided.text).toContain('Prénom et nom');
});

test('with no voice for the language, the speak button marks the screen and says so; a new screen clears it', async ({ page }) => {
  await openKioskOnline(page, process.env.RELAIS_URL!);
  // No offline engine on this kiosk and no native voice: French has no voice at all here.
  await page.evaluate(() => localStorage.setItem('relais.speech.offline', 'off'));
  const heard = await listen(page);
  await readAloud(page).click();
  await expect(page.getByTestId('read-aloud-novoice')).toBeVisible();
  await expect(page.locator('#home-title')).toHaveAttribute('data-speech-unvoiced', 'true');
  await expect(page.locator('[data-service="residence-certificate"] [data-speech-unvoiced="true"]')).toHaveCount(1);
  expect(await heard()).toEqual([]);
  await page.locator('[data-service="residence-certificate"]').click();
  await expect(page.getByTestId('read-aloud-novoice')).toHaveCount(0);
  await expect(page.locator('[data-speech-unvoiced]')).toHaveCount(0);
});
