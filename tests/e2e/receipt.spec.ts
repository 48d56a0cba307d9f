/**
 * The receipt in real Chromium: its QR code is read back from the pixels Chromium drew
 * (our own decoder, and module by module against lean-qr's encoding of the expected
 * link), the documents still to bring come from the service definition, and the print
 * layouts fit 58 mm and 80 mm thermal rolls and A4.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { correction, generate } from 'lean-qr';
import { switchLanguage, fillResidenceCertificate, openKioskOnline, submitAndReadReceipt } from './support/kiosk.ts';
import { decodeQrMatrix, matrixFromPixels, type Matrix } from './support/qr-decode.ts';
import { parseTrackingUrl } from '../../src/core/ids/track-url.ts';

const kioskUrl = () => process.env.RELAIS_URL!;
const MM_TO_CSS_PX = 96 / 25.4;
const MM_TO_PT = 72 / 25.4;

/** Grey levels of a PNG, decoded by Chromium in a blank page (no CSP there). */
async function greyPixels(context: BrowserContext, png: Buffer): Promise<{ width: number; height: number; grey: number[] }> {
  const helper = await context.newPage();
  try {
    return await helper.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const grey: number[] = [];
      for (let i = 0; i < data.length; i += 4) grey.push(Math.round((data[i]! + data[i + 1]! + data[i + 2]!) / 3));
      return { width: canvas.width, height: canvas.height, grey };
    }, png.toString('base64'));
  } finally {
    await helper.close();
  }
}

function leanQrMatrix(text: string): Matrix {
  const code = generate(text, { minCorrectionLevel: correction.M });
  return Array.from({ length: code.size }, (_, y) => Array.from({ length: code.size }, (_, x) => code.get(x, y)));
}

async function submitResidenceCertificate(page: Page) {
  await openKioskOnline(page, kioskUrl());
  await fillResidenceCertificate(page);
  return submitAndReadReceipt(page);
}

test('the test QR decoder reads what lean-qr encodes, and not what it does not', () => {
  for (const text of ['http://127.0.0.1:4173/?track=7KQ2M-4ZP9D', 'https://relais.example/?track=ABCDE-12345', 'HELLO 123', 'رمز التتبع']) {
    expect(decodeQrMatrix(leanQrMatrix(text)).text).toBe(text);
  }
  // The bottom-right module is the first bit of the first data codeword (the mode): flipped,
  // the reader must not come back with the same text.
  const m = leanQrMatrix('http://127.0.0.1:4173/?track=7KQ2M-4ZP9D');
  const last = m.length - 1;
  m[last]![last] = !m[last]![last];
  let text: string | null;
  try {
    text = decodeQrMatrix(m).text;
  } catch {
    text = null;
  }
  expect(text).not.toBe('http://127.0.0.1:4173/?track=7KQ2M-4ZP9D');
});

test('the receipt shows the service, the date, the tracking code as text and as a QR code of the tracking link, and the documents to bring', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { trackingCode } = await submitResidenceCertificate(page);

  await expect(page.getByTestId('receipt-service')).toHaveText('Certificat de résidence');
  await expect(page.getByTestId('receipt-date')).toContainText(String(new Date().getFullYear()));
  await expect(page.getByTestId('tracking-code')).toHaveText(trackingCode);
  await expect(page.locator('.delivery-status')).toHaveAttribute('data-status', /queued|sending|delivered/);

  // The QR code, read back from the pixels Chromium rendered.
  const qr = page.getByTestId('receipt-qr');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveAttribute('aria-label', `Code QR du code de suivi ${trackingCode}`);
  const { width, height, grey } = await greyPixels(context, await qr.screenshot());
  const matrix = matrixFromPixels(width, height, grey);
  const expectedLink = `${new URL(kioskUrl()).origin}/?track=${trackingCode}`;
  expect(decodeQrMatrix(matrix).text).toBe(expectedLink);
  expect(matrix).toEqual(leanQrMatrix(expectedLink)); // every module, error correction included
  expect(parseTrackingUrl(decodeQrMatrix(matrix).text)?.trackingCode).toBe(trackingCode);

  // The documents still to bring, from the service definition.
  const documents = page.getByTestId('documents-to-bring').locator('li');
  await expect(documents).toHaveCount(2);
  expect(await documents.evaluateAll((items) => items.map((li) => li.getAttribute('data-document')))).toEqual(['cnie', 'proof-of-address']);
  await expect(documents.nth(0)).toHaveText('Carte nationale d’identité électronique (CNIE)');
  await expect(documents.nth(1)).toHaveText('Contrat de bail, titre de propriété ou facture d’eau ou d’électricité');

  // Nothing personal on the receipt.
  const text = await page.locator('main.receipt').innerText();
  for (const personal of ['Aicha', 'Brahim', 'JB123456', '61 23 45 67', 'Tafraout', '1984']) expect(text).not.toContain(personal);

  // In Arabic, the same receipt in the citizen's language.
  await switchLanguage(page, 'ar');
  await expect(page.getByRole('heading', { name: 'تم حفظ الطلب' })).toBeVisible();
  await expect(page.getByTestId('receipt-service')).toHaveText('شهادة السكنى');
  await expect(page.getByTestId('documents-to-bring').locator('li').nth(0)).toHaveText('البطاقة الوطنية للتعريف الإلكترونية');
  await context.close();
});

/** Page widths in points of a PDF Chromium printed (its page dictionaries are plain text). */
function pdfPageWidths(pdf: Buffer): number[] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]/g)].map((m) => Number(m[3]) - Number(m[1]));
}

test('print: the receipt alone, laid out for 58 mm and 80 mm thermal rolls and A4', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await submitResidenceCertificate(page);
  const receipt = page.locator('main.receipt');

  for (const [paper, label, widthMm] of [
    ['58', 'Ticket 58 mm', 58],
    ['80', 'Ticket 80 mm', 80],
    ['a4', 'Feuille A4', 210],
  ] as const) {
    await page.emulateMedia({ media: 'screen' });
    await page.getByLabel(label).check();
    await expect(receipt).toHaveClass(new RegExp(`\\bpaper-${paper}\\b`));

    // The PDF pages take their size from the receipt's named @page.
    const widths = pdfPageWidths(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    expect(widths.length, `${paper}: pages`).toBeGreaterThan(0);
    for (const w of widths) expect(Math.abs(w - widthMm * MM_TO_PT), `${paper}: page width ${w} pt`).toBeLessThan(1);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.top-bar')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Imprimer' })).toBeHidden();
    await expect(page.getByTestId('receipt-qr')).toBeVisible();
    await expect(page.getByTestId('tracking-code')).toBeVisible();
    if (paper === 'a4') continue;

    // On a roll, everything printed lies within the paper's width.
    const layout = await receipt.evaluate((main) => {
      const box = main.getBoundingClientRect();
      let overflow = 0;
      for (const el of main.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        overflow = Math.max(overflow, r.right - box.right, box.left - r.left);
      }
      const qr = main.querySelector('[data-testid="receipt-qr"]')!.getBoundingClientRect();
      return { width: box.width, overflow, scroll: main.scrollWidth - main.clientWidth, qrWidth: qr.width };
    });
    expect(layout.width, `${paper}: receipt width`).toBeLessThanOrEqual(widthMm * MM_TO_CSS_PX + 0.5);
    expect(layout.overflow, `${paper}: something sticks out`).toBeLessThanOrEqual(0.5);
    expect(layout.scroll, `${paper}: horizontal scroll`).toBeLessThanOrEqual(0);
    expect(layout.qrWidth, `${paper}: QR code width`).toBeGreaterThanOrEqual(35 * MM_TO_CSS_PX); // scannable from a roll
  }

  // The choice is the terminal's: it is still there for the next receipt.
  await page.emulateMedia({ media: 'screen' });
  expect(await page.evaluate(() => localStorage.getItem('relais.receiptPaper'))).toBe('a4');
  await context.close();
});
