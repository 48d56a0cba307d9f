/**
 * A document photo and a signature, end to end in Chromium: the citizen picks a (large,
 * generated) JPEG, crops and turns it, signs with the mouse, submits offline; online again,
 * each sealed attachment is uploaded in chunks through a proxy that drops the connection
 * after the second photo chunk reached the server, the upload resumes from the server's
 * position (the first chunk is never sent twice), the application is delivered, and the
 * images the server opened are byte-identical to the ones the kiosk made.
 */
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { startDroppingProxy } from './support/dropping-proxy.ts';
import { fillCnieAppointmentToPhotos, openKioskOnline, submitAndReadReceipt } from './support/kiosk.ts';
import { storedSubmissions } from './support/server-rows.ts';

async function storedAttachments(id: string): Promise<Array<{ field_id: string; media_type: string; size: number; sha256: string; data: Buffer }>> {
  const client = new pg.Client({ connectionString: process.env.RELAIS_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT field_id, media_type, size, sha256, data FROM submission_attachments WHERE submission_id = $1 ORDER BY field_id', [id]);
    return rows;
  } finally {
    await client.end();
  }
}

/** A 12-megapixel-like JPEG drawn in the page (gradients, text, noise), as a camera file would be. */
async function makeJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 4000;
    canvas.height = 3000;
    const ctx = canvas.getContext('2d')!;
    const g = ctx.createLinearGradient(0, 0, 4000, 3000);
    g.addColorStop(0, '#c9d8e8');
    g.addColorStop(1, '#f3e3c3');
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 4000, 3000);
    ctx.fillStyle = '#244';
    ctx.font = 'bold 220px sans-serif';
    for (let i = 0; i < 8; i++) ctx.fillText(`ROYAUME DU MAROC ${i}`, 200, 400 + i * 320);
    const noise = ctx.getImageData(0, 0, 4000, 3000);
    for (let i = 0; i < noise.data.length; i += 4) noise.data[i] = (noise.data[i]! + ((i * 2654435761) >>> 28)) & 255;
    ctx.putImageData(noise, 0, 0);
    const blob: Blob = await new Promise((ok) => canvas.toBlob((b) => ok(b!), 'image/jpeg', 0.95));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  });
  return Buffer.from(base64, 'base64');
}

/**
 * The compressed image the kiosk keeps for a field: read from the draft (decrypted with the
 * session key, which script may use but not export; the CSP forbids fetching blob: URLs),
 * with the size the preview shows.
 */
async function keptImage(page: Page, field: string): Promise<{ sha256: string; size: number; width: number; height: number; bytes: Buffer }> {
  const kept = await page.evaluate(async (fieldId) => {
    const open = indexedDB.open('relais');
    const dbh: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
    const get = <T,>(store: string, key?: string): Promise<T> =>
      new Promise((ok) => {
        const req = key === undefined ? dbh.transaction(store).objectStore(store).getAll() : dbh.transaction(store).objectStore(store).get(key);
        req.onsuccess = () => ok(req.result as T);
      });
    const { key } = await get<{ key: CryptoKey }>('sessionKeys', 'current');
    const [draft] = await get<Array<{ id: string; iv: Uint8Array; data: ArrayBuffer }>>('drafts');
    dbh.close();
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: new Uint8Array(draft!.iv), additionalData: new TextEncoder().encode(draft!.id) }, key, draft!.data);
    const parsed = JSON.parse(new TextDecoder().decode(plain)) as { attachments: Record<string, { data: string; ref: { sha256: string } }> };
    const img = document.querySelector<HTMLImageElement>(`[data-testid="preview-${fieldId}"]`)!;
    await img.decode();
    return { data: parsed.attachments[fieldId]!.data, ref: parsed.attachments[fieldId]!.ref.sha256, width: img.naturalWidth, height: img.naturalHeight };
  }, field);
  const bytes = Buffer.from(kept.data, 'base64url');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  expect(sha256).toBe(kept.ref); // the reference the sealed answers will carry
  return { sha256, size: bytes.length, width: kept.width, height: kept.height, bytes };
}

test('a photo and a signature go offline → queued → online → delivered in resumable chunks, byte-identical on the server', async ({ browser }) => {
  const proxy = await startDroppingProxy(process.env.RELAIS_URL!);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await openKioskOnline(page, proxy.url);
    const original = await makeJpeg(page);
    expect(original.length).toBeGreaterThan(1_000_000);

    await fillCnieAppointmentToPhotos(page);

    // The photo: a file, cropped by dragging, turned a quarter, compressed.
    await page.getByTestId('file-cniePhoto').setInputFiles({ name: 'cnie.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.getByRole('button', { name: 'Tourner d’un quart de tour' }).click();
    const area = (await page.getByTestId('crop-area').boundingBox())!;
    await page.mouse.move(area.x + area.width * 0.1, area.y + area.height * 0.1);
    await page.mouse.down();
    await page.mouse.move(area.x + area.width * 0.9, area.y + area.height * 0.8, { steps: 5 });
    await page.mouse.up();
    await page.getByRole('button', { name: 'Garder cette photo' }).click();
    await expect(page.getByTestId('preview-cniePhoto')).toBeVisible();
    const photo = await keptImage(page, 'cniePhoto');
    expect(Math.max(photo.width, photo.height)).toBeLessThanOrEqual(1600);
    expect(photo.height).toBeGreaterThan(photo.width); // turned: the landscape card stands up
    expect(photo.size).toBeLessThanOrEqual(1_048_576); // the field's maxBytes
    expect([...photo.bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]); // JPEG
    console.log(`photo: ${original.length} bytes 4000×3000 → ${photo.size} bytes ${photo.width}×${photo.height}`);

    // The signature, drawn with the mouse.
    const pad = (await page.getByTestId('signature-pad').boundingBox())!;
    await page.mouse.move(pad.x + 40, pad.y + pad.height * 0.6);
    await page.mouse.down();
    for (let i = 1; i <= 20; i++) await page.mouse.move(pad.x + 40 + i * 15, pad.y + pad.height * (0.6 - 0.3 * Math.sin(i / 3)));
    await page.mouse.up();
    await page.getByRole('button', { name: 'Enregistrer la signature' }).click();
    await expect(page.getByTestId('preview-signature')).toBeVisible();
    const signature = await keptImage(page, 'signature');

    // The link goes down before the citizen submits.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await expect(page.getByRole('heading', { name: 'Vérifiez vos réponses' })).toBeVisible();
    const { id } = await submitAndReadReceipt(page);
    await expect(page.locator('.delivery-status')).not.toHaveAttribute('data-status', 'delivered');
    // Queued: the outbox holds the attachments sealed (only ciphertext, nothing the size of a JPEG in clear).
    const queued = await page.evaluate(async (appId) => {
      const open = indexedDB.open('relais');
      const dbh: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
      const item: { attachments?: Array<{ id: string; sealed: Uint8Array }> } = await new Promise((ok) => {
        const req = dbh.transaction('outbox').objectStore('outbox').get(appId);
        req.onsuccess = () => ok(req.result);
      });
      dbh.close();
      return (item.attachments ?? []).map((a) => ({ id: a.id, size: a.sealed.length, jpegMagic: a.sealed[0] === 0xff && a.sealed[1] === 0xd8 }));
    }, id);
    expect(queued.map((a) => a.size).sort((a, b) => a - b)).toEqual([signature.size + 81, photo.size + 81].sort((a, b) => a - b));
    expect(queued.some((a) => a.jpegMagic)).toBe(false);

    // Online, through a link that drops right after the second chunk of the photo reached the server.
    const photoAttachment = queued.find((a) => a.size === photo.size + 81)!;
    let photoPuts = 0;
    proxy.dropNext(1, (method, path) => method === 'PUT' && path.endsWith(photoAttachment.id) && ++photoPuts === 2);
    await context.setOffline(false);
    expect(photo.size + 81).toBeGreaterThan(2 * 64 * 1024); // at least three chunks, so the drop falls mid-upload
    await expect.poll(() => proxy.seen.some((r) => r.cut), { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: 'Synchroniser' }).click();
    await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', 'delivered', { timeout: 60_000 });

    const puts = proxy.seen.filter((r) => r.method === 'PUT' && r.path.endsWith(photoAttachment.id)).map((r) => String(r.headers['content-range']));
    // Resumed: every range of the photo was sent once, except the one whose answer was lost (sent again or skipped).
    expect(puts.filter((range) => range.startsWith('bytes 0-'))).toHaveLength(1);
    expect(proxy.seen.some((r) => r.method === 'GET' && r.path.endsWith(photoAttachment.id))).toBe(true);

    const rows = await storedSubmissions(id);
    expect(rows).toHaveLength(1);
    const files = await storedAttachments(id);
    expect(files.map((f) => [f.field_id, f.media_type])).toEqual([
      ['cniePhoto', 'image/jpeg'],
      ['signature', 'image/png'],
    ]);
    expect(createHash('sha256').update(files[0]!.data).digest('hex')).toBe(photo.sha256);
    expect(files[0]!.size).toBe(photo.size);
    expect(createHash('sha256').update(files[1]!.data).digest('hex')).toBe(signature.sha256);
    expect(rows[0]!.answers).toMatchObject({ cniePhoto: expect.any(String), signature: expect.any(String) });
  } finally {
    await context.close();
    await proxy.close();
  }
});
