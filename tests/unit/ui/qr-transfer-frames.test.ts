/**
 * QR transfer frames as the sender draws them (src/ui/qr-transfer/qr-frame.ts) read back by
 * the kiosk's own zxing decoder as the receiver runs it (QR only), through the collector:
 * the whole path but the camera (tests/e2e/bundle-qr.spec.ts adds Chromium's fake camera).
 */
import { describe, expect, it } from 'vitest';
import { FrameCollector } from '../../../src/core/qr-transfer/collector.ts';
import { framesFor } from '../../../src/core/qr-transfer/frames.ts';
import { CHUNK_BYTES, MAX_TRANSFER_BYTES, QR_VERSION } from '../../../src/core/qr-transfer/params.ts';
import { encodeFrame, frameCount } from '../../../src/core/qr-transfer/frames.ts';
import { IMAGES_PER_FRAME } from '../../../src/core/qr-transfer/schedule.ts';
import { frameCode } from '../../../src/ui/qr-transfer/qr-frame.ts';
import { createDecoder } from '../../../src/ui/scan/zxing-decode.ts';
import { inFrame } from '../../e2e/support/barcodes.ts';
import { rasterCode } from '../../e2e/support/qr-frames.ts';

const subtle = globalThis.crypto.subtle;

it(`the longest possible frame (${CHUNK_BYTES} bytes, the largest header) fits QR version ${QR_VERSION} at level M`, () => {
  const total = frameCount(MAX_TRANSFER_BYTES);
  const text = encodeFrame({ id: 'FFFFFFFF', index: total - 1, total, length: MAX_TRANSFER_BYTES, chunk: new Uint8Array(CHUNK_BYTES).fill(0xff) });
  expect(text.length).toBeLessThanOrEqual(419);
  expect(frameCode(text, 0).size).toBe(17 + 4 * QR_VERSION);
  expect(frameCode(text, 3).size).toBe(17 + 4 * QR_VERSION);
});

describe('drawn frames → zxing → collector', () => {
  const decode = createDecoder({ formats: ['QR_CODE'] });
  const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 131 + (i >> 3)) & 0xff);

  for (const px of [4, 3.5]) {
    it(`a 3 KB transfer at ${px} px per module in a 1280×720 picture comes back exact, nearly all in the first loop`, async () => {
      const frames = await framesFor(subtle, bytes);
      const collector = new FrameCollector();
      const readPerLoop: number[] = [];
      for (let loop = 0; loop < 4 && !collector.complete; loop++) {
        let read = 0;
        for (const text of frames) {
          // The frame's images in this loop (two masks), as a receiver sampling each once sees them.
          const results = Array.from({ length: IMAGES_PER_FRAME }, (_, image) => {
            const picture = inFrame(rasterCode(frameCode(text, loop * IMAGES_PER_FRAME + image), px));
            return decode(picture.data, picture.width, picture.height);
          });
          if (results.some((r) => r?.text === text)) read++;
          for (const r of results) if (r) collector.accept(r.text);
        }
        readPerLoop.push(read);
      }
      // zxing misses a few clean symbols (a data pattern taken for a finder pattern, ~3 % per mask at these sizes),
      // rarely the same frame in two masks…
      expect(readPerLoop[0]).toBeGreaterThanOrEqual(frames.length - 1);
      expect(collector.progress().missing).toEqual([]); // …and any left come with the next loop's masks
      expect(await collector.finish(subtle)).toEqual({ ok: true, bytes });
    }, 30_000); // ~1 s alone; zxing on 26+ pictures takes longer while other tests share the two cores
  }
});
