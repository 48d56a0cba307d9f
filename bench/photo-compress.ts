/**
 * Photo compression in Debian's Chromium: a 12-megapixel (4000×3000) camera-like JPEG is
 * decoded, drawn at ≤ 1600 px and encoded as JPEG down the kiosk's quality ladder until it
 * fits 300 KB (the steps of src/ui/attachments/encode.ts, with the ladder and sizes from
 * core/attachments/sizing.ts). Reports the median time and the output size.
 */
import { chromium } from '@playwright/test';
import { MAX_PHOTO_SIDE, QUALITY_LADDER, TARGET_PHOTO_BYTES, fitWithin } from '../src/core/attachments/sizing.ts';
import { median, type BenchLine } from './lib/report.ts';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function photoCompress(runs = 5): Promise<BenchLine[]> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  try {
    const page = await browser.newPage();
    const out = fitWithin({ width: 4000, height: 3000 }, MAX_PHOTO_SIDE);
    // No named helpers inside evaluate(): tsx's esbuild would wrap them in a __name() the page lacks.
    const results = await page.evaluate(
      async ({ runs, out, ladder, target }) => {
        const source = document.createElement('canvas');
        source.width = 4000;
        source.height = 3000;
        const ctx = source.getContext('2d')!;
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
        const file: Blob = await new Promise((ok) => source.toBlob((b) => ok(b!), 'image/jpeg', 0.95));
        const rows: Array<{ ms: number; bytes: number; quality: number; input: number }> = [];
        for (let r = 0; r < runs; r++) {
          const t0 = performance.now();
          const bitmap = await createImageBitmap(file);
          const canvas = document.createElement('canvas');
          canvas.width = out.width;
          canvas.height = out.height;
          canvas.getContext('2d')!.drawImage(bitmap, 0, 0, out.width, out.height);
          bitmap.close();
          let blob: Blob | null = null;
          let quality = ladder[0]!;
          for (const q of ladder) {
            quality = q;
            blob = await new Promise<Blob>((ok) => canvas.toBlob((b) => ok(b!), 'image/jpeg', q));
            if (blob.size <= target) break;
          }
          rows.push({ ms: performance.now() - t0, bytes: blob!.size, quality, input: file.size });
        }
        return rows;
      },
      { runs, out, ladder: [...QUALITY_LADDER], target: TARGET_PHOTO_BYTES },
    );
    const last = results.at(-1)!;
    return [
      { name: 'photo compression, 12 MP JPEG → ≤1600 px ≤300 KB (median)', value: median(results.map((r) => r.ms)), unit: 'ms', detail: { runs, inputBytes: last.input, quality: last.quality } },
      { name: 'photo compression output size', value: last.bytes / 1024, unit: 'KB', detail: { width: out.width, height: out.height } },
    ];
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await photoCompress());
}
