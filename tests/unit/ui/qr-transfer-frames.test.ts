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
    it(`a 3 KB transfer at ${px} px per module in a 1280×720 picture comes back exact within four loops`, async () => {
      const frames = await framesFor(subtle, bytes);
      const collector = new FrameCollector();
      const readPerLoop: number[] = [];
      for (let loop = 0; loop < 4 && !collector.complete; loop++) {
        let read = 0;
        for (const text of frames) {
          const picture = inFrame(rasterCode(frameCode(text, loop), px));
          const result = decode(picture.data, picture.width, picture.height);
          if (result?.text === text) read++;
          if (result) collector.accept(result.text);
        }
        readPerLoop.push(read);
      }
      // zxing misses a few clean symbols (a data pattern taken for a finder pattern; 5–15 % at these sizes)…
      expect(readPerLoop[0]).toBeGreaterThanOrEqual(Math.ceil(frames.length * 0.75));
      expect(collector.progress().missing).toEqual([]); // …and reads them with another loop's mask
      expect(await collector.finish(subtle)).toEqual({ ok: true, bytes });
    });
  }
});
