/**
 * Scanning in real Chromium with a fake camera: each test launches its own Chromium whose
 * camera plays an MJPEG made here (bwip-js draws the code, ffmpeg makes the video). A
 * receipt's QR code of a real application opens its status at another kiosk (from the
 * server); each of the five formats is read; without a camera, or without permission,
 * the screen says so and the typed code works, online (server) and offline (this
 * terminal's outbox); a `?track=` link opens the status at start.
 */
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { trackingUrl } from '../../src/core/ids/track-url.ts';
import { drawSymbol, inFrame, mjpegOf, type BwipSymbol } from './support/barcodes.ts';
import { violations } from './support/axe.ts';
import { chooseLanguage, enrollTerminal, fillResidenceCertificate, openKioskOnline, submitAndReadReceipt } from './support/kiosk.ts';

const kioskUrl = () => process.env.RELAIS_URL!;
const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

const launched: Browser[] = [];
const videos: string[] = [];
test.afterEach(async () => {
  for (const browser of launched.splice(0)) await browser.close();
  for (const file of videos.splice(0)) rmSync(dirname(file), { recursive: true, force: true });
});

/** A Chromium whose camera shows `symbol`, or with no camera, or with one nobody may use. */
async function launch(camera: { symbol: BwipSymbol; text: string; scale?: number } | 'none' | 'no-permission'): Promise<{ context: BrowserContext; page: Page }> {
  let args = BASE_ARGS;
  if (camera === 'no-permission') args = [...BASE_ARGS, '--use-fake-device-for-media-stream']; // a camera, and no one to grant it
  else if (camera !== 'none') {
    const file = mjpegOf(inFrame(drawSymbol(camera.symbol, camera.text, camera.scale === undefined ? {} : { scale: camera.scale })));
    videos.push(file);
    args = [...BASE_ARGS, ...FAKE_CAMERA, `--use-file-for-fake-video-capture=${file}`];
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  launched.push(browser);
  const context = await browser.newContext();
  if (camera === 'no-permission') await context.grantPermissions([]);
  else if (camera !== 'none') await context.grantPermissions(['camera'], { origin: kioskUrl() });
  const page = await context.newPage();
  // Keep each stream the page opens, to check that leaving the scanner stops its camera.
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { __streams: MediaStream[] }).__streams = streams;
    const original = navigator.mediaDevices?.getUserMedia?.bind(navigator.mediaDevices);
    if (original) navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
  return { context, page };
}

/** Video tracks the page opened that are still live. */
const liveTracks = (page: Page) => page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getVideoTracks()).filter((t) => t.readyState === 'live').length);

async function openScanner(page: Page): Promise<void> {
  await page.getByTestId('track-open').click();
  await expect(page.getByRole('heading', { name: 'Suivre une demande' })).toBeVisible();
}

test('a receipt QR opens the application status at another kiosk; without camera the typed code does, offline from the outbox', async () => {
  // Kiosk 1 (no camera permission): a citizen submits; the application reaches the server.
  const one = await launch('no-permission');
  await openKioskOnline(one.page, kioskUrl());
  await fillResidenceCertificate(one.page, 'Fatima Scan');
  const { trackingCode } = await submitAndReadReceipt(one.page);
  await expect(one.page.locator('.delivery-status')).toHaveAttribute('data-status', 'delivered');

  // Without camera permission: a clear message, and the typed code (as a person types it).
  await one.page.goto(kioskUrl());
  await chooseLanguage(one.page, 'fr');
  await openScanner(one.page);
  await expect(one.page.getByTestId('scan-problem')).toContainText('La caméra n’est pas autorisée');
  await one.page.getByLabel('Code de suivi (sur le reçu)').fill('not a code');
  await one.page.getByRole('button', { name: 'Voir la demande' }).click();
  await expect(one.page.getByRole('alert').filter({ hasText: 'Ce code n’est pas valable' })).toBeVisible();

  // Offline: what this terminal knows, and it says so. The code is typed on the on-screen
  // keyboard (capitals and digits), as on a touch kiosk without a physical one.
  await one.context.setOffline(true);
  await one.page.getByLabel('Code de suivi (sur le reçu)').fill('');
  await one.page.locator('#scan-typed-code-osk-toggle').click();
  const osk = one.page.locator('#scan-typed-code-osk');
  for (const ch of trackingCode.replace('-', '')) await osk.locator(`.osk-key[data-key="${ch}"]`).click();
  await expect(one.page.getByLabel('Code de suivi (sur le reçu)')).toHaveValue(trackingCode.replace('-', ''));
  await one.page.getByRole('button', { name: 'Voir la demande' }).click();
  await expect(one.page.getByTestId('track-code')).toHaveText(trackingCode);
  await expect(one.page.getByTestId('track-result')).toHaveAttribute('data-source', 'terminal');
  await expect(one.page.getByTestId('track-source')).toHaveText('Selon ce poste seulement : l’administration n’a pas pu être consultée.');
  await expect(one.page.getByText('Pas de connexion au réseau en ce moment.')).toBeVisible();
  await expect(one.page.getByTestId('track-state')).toHaveAttribute('data-state', 'delivered');
  await expect(one.page.getByTestId('track-service')).toHaveText('Certificat de résidence');

  // Kiosk 2, another terminal, with a camera showing kiosk 1's receipt QR: the server's status.
  const link = trackingUrl(kioskUrl(), trackingCode);
  const two = await launch({ symbol: 'qrcode', text: link, scale: 8 });
  await two.page.goto(kioskUrl());
  await chooseLanguage(two.page, 'fr');
  await enrollTerminal(two.page, 'Guichet scan');
  await openScanner(two.page);
  await expect(two.page.getByTestId('track-code')).toHaveText(trackingCode);
  await expect(two.page.getByTestId('track-result')).toHaveAttribute('data-source', 'server');
  await expect(two.page.getByTestId('track-source')).toHaveText('Selon l’administration (serveur), à l’instant.');
  await expect(two.page.getByTestId('track-state')).toHaveAttribute('data-state', 'received');
  await expect(two.page.getByTestId('track-state')).toHaveText('Reçue par l’administration');
  await expect(two.page.getByTestId('track-service')).toHaveText('Certificat de résidence');
  // Nothing personal on the status screen.
  await expect(two.page.locator('main')).not.toContainText('Fatima');
  // The scanner is gone once the status shows, and its camera with it.
  await expect.poll(() => liveTracks(two.page)).toBe(0);

  // The receipt's link opened directly (a phone, or a kiosk started with it) shows the status too.
  await two.page.goto(link);
  await expect(two.page.getByTestId('track-result')).toHaveAttribute('data-source', 'server');
  await expect(two.page.getByTestId('track-code')).toHaveText(trackingCode);
  await expect(two.page).toHaveURL(`${kioskUrl()}/`); // the code does not stay in the address
});

const FORMATS: Array<{ symbol: BwipSymbol; text: string; format: string; read: string; scale?: number }> = [
  { symbol: 'qrcode', text: 'RELAIS QR TEST 2026', format: 'QR_CODE', read: 'RELAIS QR TEST 2026', scale: 8 },
  { symbol: 'pdf417', text: 'RELAIS PDF417 JB123456', format: 'PDF_417', read: 'RELAIS PDF417 JB123456', scale: 3 },
  { symbol: 'datamatrix', text: 'RELAIS-DM-2026', format: 'DATA_MATRIX', read: 'RELAIS-DM-2026', scale: 10 },
  { symbol: 'code128', text: 'RELAIS-128-42', format: 'CODE_128', read: 'RELAIS-128-42', scale: 4 },
  { symbol: 'ean13', text: '611123456789', format: 'EAN_13', read: '6111234567895', scale: 5 },
];

for (const f of FORMATS) {
  test(`the scan screen reads ${f.format} from the camera`, async () => {
    const { page } = await launch(f);
    await page.goto(kioskUrl());
    await chooseLanguage(page, 'fr');
    await openScanner(page);
    await expect(page.getByTestId('scan-last-text')).toHaveText(f.read);
    await expect(page.getByTestId('scan-last')).toHaveAttribute('data-format', f.format);
    await expect(page.getByTestId('scan-last')).toContainText('ce n’est pas un code de reçu Relais');
    await expect(page.locator('.scanner')).toHaveAttribute('data-camera', 'live');
    expect(await liveTracks(page)).toBe(1);
    // Back home: the camera is stopped, not just hidden.
    await page.getByRole('button', { name: 'Retour à l’accueil' }).click();
    await expect(page.getByTestId('track-open')).toBeVisible();
    await expect.poll(() => liveTracks(page)).toBe(0);
  });
}

test('no camera at all: the screen says so and the typed code still opens a status', async () => {
  const { page } = await launch('none');
  await page.goto(kioskUrl());
  await chooseLanguage(page, 'fr');
  await openScanner(page);
  await expect(page.getByTestId('scan-problem')).toBeVisible();
  await expect(page.locator('.scanner')).toHaveAttribute('data-camera', /^problem-(none|denied)$/);
  // The screen, with its keyboard open, passes axe's WCAG A/AA rules.
  await page.locator('#scan-typed-code-osk-toggle').click();
  await expect(page.locator('#scan-typed-code-osk')).toBeVisible();
  expect(await violations(page, 'scan, keyboard open')).toEqual([]);
  await page.getByLabel('Code de suivi (sur le reçu)').fill('7KQ2M-4ZP9D');
  await page.getByRole('button', { name: 'Voir la demande' }).click();
  await expect(page.getByTestId('track-code')).toHaveText('7KQ2M-4ZP9D');
  // This browser is not an enrolled terminal and knows no such application.
  await expect(page.getByTestId('track-result')).toHaveAttribute('data-source', 'none');
});
