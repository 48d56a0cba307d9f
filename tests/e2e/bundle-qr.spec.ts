/**
 * Store-and-forward by animated QR codes (issue 5, item 3) in Chromium against the real
 * server: terminal A, offline, queues five applications and its supervisor shows them as
 * QR codes; the test screenshots every image A's screen shows (four loops, so each frame in
 * four mask patterns) and makes the MJPEG that terminal B's fake camera plays (a second
 * Chromium: the fake-capture flags are per browser process). B's supervisor scans them,
 * imports and delivers; each application is stored once, by B; A, online again, learns
 * they are delivered and its own retries add no row. B's camera is stopped once the
 * transfer is complete. A second test shows frames whose whole does not match its SHA-256:
 * refused with a message, nothing imported.
 */
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { chooseLanguage, DEMO_SUPERVISOR, enrollTerminal, fillResidenceCertificate, openKioskOnline, signInStaff, submitAndReadReceipt, terminalIdOf } from './support/kiosk.ts';
import { encodeFrame, frameCount, sliceOf, transferIdOf } from '../../src/core/qr-transfer/frames.ts';
import { frameCode } from '../../src/ui/qr-transfer/qr-frame.ts';
import { inFrame } from './support/barcodes.ts';
import { mjpegOfGrey, mjpegOfPngs, rasterCode } from './support/qr-frames.ts';
import { submissionRows } from './support/server-rows.ts';

const BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
/** Pixels per module on B's camera picture: what a 720p camera at arm's length sees (core/qr-transfer/params.ts). */
const CAMERA_PX_PER_MODULE = 4;

let cameraBrowser: Browser | null = null;
let video: string | null = null;
test.afterEach(async () => {
  await cameraBrowser?.close();
  if (video) rmSync(dirname(video), { recursive: true, force: true });
});

async function openBundles(page: Page): Promise<void> {
  await signInStaff(page, DEMO_SUPERVISOR.id, DEMO_SUPERVISOR.pin);
  await page.getByTestId('bundles-button').click();
  await expect(page.getByTestId('bundle-waiting')).toBeVisible();
}

/** A terminal in its own Chromium whose camera plays `video`, enrolled, each camera stream it opens kept for liveTracks. */
async function terminalWithCamera(url: string, video: string, label: string): Promise<Page> {
  cameraBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...BASE_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  const context = await cameraBrowser.newContext();
  await context.grantPermissions(['camera'], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { __streams: MediaStream[] }).__streams = streams;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
  await page.goto(url);
  await chooseLanguage(page, 'fr');
  await enrollTerminal(page, label);
  await expect(page.locator('[data-service="residence-certificate"]')).toBeVisible();
  return page;
}

/** Video tracks the page opened that are still live. */
const liveTracks = (page: Page) => page.evaluate(() => (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) => s.getVideoTracks()).filter((t) => t.readyState === 'live').length);

/** Steps through the paused sender's frames and screenshots each image: `loops` × every frame. */
async function captureFrames(page: Page, loops: number): Promise<{ pngs: Buffer[]; modules: number; seen: Map<number, Set<string>> }> {
  const send = page.getByTestId('qr-send');
  await expect(send).toHaveAttribute('data-frames', /^[1-9]\d*$/);
  const count = Number(await send.getAttribute('data-frames'));
  await page.getByTestId('qr-send-pause').click();
  await expect(send).toHaveAttribute('data-state', 'paused');
  const frame = page.getByTestId('qr-send-frame');
  const pngs: Buffer[] = [];
  const seen = new Map<number, Set<string>>(); // frame index → the mask variants captured
  let modules = 0;
  for (let i = 0; i < loops * count; i++) {
    if (i > 0) {
      const before = Number(await frame.getAttribute('data-index'));
      await page.getByTestId('qr-send-next').click();
      await expect(frame).toHaveAttribute('data-index', String((before + 1) % count));
    }
    const index = Number(await frame.getAttribute('data-index'));
    await expect(frame).toHaveAttribute('aria-label', `Code QR ${index + 1} sur ${count}`); // the text alternative
    await expect(page.getByTestId('qr-send-counter')).toHaveText(`${index + 1} / ${count}`);
    expect(await frame.getAttribute('data-text')).toMatch(new RegExp(`^RQ1:[0-9A-F]{8}:${index}/${count}:`));
    const variants = seen.get(index) ?? new Set<string>();
    variants.add((await frame.getAttribute('data-variant'))!);
    seen.set(index, variants);
    modules = Number((await frame.getAttribute('viewBox'))!.split(' ')[2]); // side with the quiet zone
    pngs.push(await frame.screenshot());
  }
  return { pngs, modules, seen };
}

test('five applications queued offline on terminal A travel as animated QR codes to terminal B’s camera, are delivered once, and A learns they are delivered', async ({ browser }) => {
  test.setTimeout(300_000);
  const url = process.env.RELAIS_URL!;

  // Terminal A, enrolled, then without network: five citizens' applications wait, sealed.
  const a = await browser.newContext();
  const pageA = await a.newPage();
  await openKioskOnline(pageA, url);
  await a.setOffline(true);
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    await fillResidenceCertificate(pageA, `Citoyen QR ${i + 1} Amrani`);
    ids.push((await submitAndReadReceipt(pageA)).id);
    await expect(pageA.locator('.delivery-status')).toHaveAttribute('data-status', 'queued');
    await pageA.getByRole('button', { name: 'Terminé' }).click();
    await chooseLanguage(pageA, 'fr');
  }
  expect(await submissionRows(ids)).toEqual([]);

  // A's supervisor shows the bundle as QR codes; the test films what the screen shows.
  await openBundles(pageA);
  await expect(pageA.getByTestId('bundle-waiting')).toHaveAttribute('data-count', '5');
  await pageA.getByTestId('bundle-show-qr').click();
  await expect(pageA.getByRole('heading', { name: 'Transfert par codes QR' })).toBeVisible();
  await expect(pageA.getByTestId('qr-send')).toHaveAttribute('data-state', 'playing');
  // Four loops: each frame in four mask patterns, as the sender shows them loop after loop. zxing missed 2
  // of 38 of these pictures (one per mask pattern drawn), so with two masks one run in twenty lacked a frame.
  const { pngs, modules, seen } = await captureFrames(pageA, 4);
  for (const variants of seen.values()) expect(variants.size).toBe(4);
  // Each image 330 ms (10 video frames at 30/s): a receiver slowed by the other tests running beside
  // this one still samples every image, instead of skipping the same ones loop after loop.
  video = mjpegOfPngs(pngs, { repeat: 10, side: modules * CAMERA_PX_PER_MODULE });
  await pageA.getByTestId('qr-close').click();
  await expect(pageA.getByTestId('bundle-waiting')).toHaveAttribute('data-count', '5'); // still queued on A

  // Terminal B: another Chromium whose camera plays that video.
  const pageB = await terminalWithCamera(url, video, 'Guichet QR');
  const terminalB = await terminalIdOf(pageB);

  // B's supervisor scans: progress shows, then the whole is verified and imported.
  await openBundles(pageB);
  await pageB.getByTestId('bundle-scan-qr').click();
  const receive = pageB.getByTestId('qr-receive');
  await expect(pageB.getByRole('heading', { name: 'Recevoir par codes QR' })).toBeVisible();
  await expect(receive).toHaveAttribute('data-state', 'receiving', { timeout: 30_000 });
  await expect(pageB.getByTestId('qr-receive-count')).toHaveText(new RegExp(`^\\d+ / ${seen.size}$`));
  const result = pageB.getByTestId('bundle-import-result');
  await expect(result).toHaveAttribute('data-imported', '5', { timeout: 150_000 });
  await expect(result).toContainText('5 demandes importées');
  await expect.poll(() => liveTracks(pageB)).toBe(0); // the camera stopped with the transfer

  // B delivers: each application stored once, by B.
  await pageB.getByTestId('bundle-send-now').click();
  await expect(pageB.getByTestId('bundle-delivered')).toHaveAttribute('data-delivered', '5');
  const rows = await submissionRows(ids);
  expect(rows.map((r) => r.id)).toEqual([...ids].sort());
  expect(rows.every((r) => r.received_from === terminalB)).toBe(true);

  // A comes back online: its own retries get the same receipts and add no row; its outbox shows them delivered.
  await a.setOffline(false);
  await pageA.getByTestId('queue-chip').click();
  for (const id of ids) await expect(pageA.locator(`.outbox-item[data-id="${id}"]`)).toHaveAttribute('data-status', 'delivered');
  expect(await submissionRows(ids)).toEqual(rows);
  await a.close();
});

test('QR frames whose whole does not match its SHA-256 are refused with a message, and nothing is imported', async () => {
  // Three frames with good checksums that carry the SHA-256 of other bytes (a broken or forged sender).
  const bytes = new Uint8Array(600).map((_, i) => (i * 37) & 0xff);
  const otherHash = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(600)));
  const stream = new Uint8Array([...otherHash, ...bytes]);
  const total = frameCount(bytes.length);
  const frames = Array.from({ length: total }, (_, index) => {
    const { start, end } = sliceOf(index, total, bytes.length);
    return encodeFrame({ id: transferIdOf(otherHash), index, total, length: bytes.length, chunk: stream.subarray(start, end) });
  });
  const pictures = [0, 1, 2, 3].flatMap((variant) => frames.map((text) => inFrame(rasterCode(frameCode(text, variant), CAMERA_PX_PER_MODULE))));
  video = mjpegOfGrey(pictures, 6);

  const page = await terminalWithCamera(process.env.RELAIS_URL!, video, 'Guichet QR faux');
  await openBundles(page);
  await page.getByTestId('bundle-scan-qr').click();
  const notice = page.getByTestId('qr-receive-notice');
  await expect(notice).toHaveAttribute('data-notice', 'hash-mismatch', { timeout: 60_000 });
  await expect(notice).toHaveText('Le paquet reçu ne correspond pas à son empreinte (SHA-256) : il est refusé et rien n’est importé. La réception recommence ; si l’erreur revient, utilisez le fichier.');
  await expect(notice).toHaveAttribute('role', 'alert');
  await expect(page.getByTestId('qr-receive')).not.toHaveAttribute('data-state', 'complete');
  await expect(page.getByTestId('bundle-import-result')).toHaveCount(0);
  // Closing the screen stops the camera; nothing was queued.
  await page.getByTestId('qr-close').click();
  await expect(page.getByTestId('bundle-waiting')).toHaveAttribute('data-count', '0');
  await expect.poll(() => liveTracks(page)).toBe(0);
});
