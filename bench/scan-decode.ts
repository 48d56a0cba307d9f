/**
 * Barcode decoding with the kiosk's own decoder (src/ui/scan/zxing-decode.ts, what the
 * scan worker runs; zxing runs in Node too): a receipt's QR code and an ID card's PDF417,
 * drawn by bwip-js and placed in a 1280×720 camera frame (grey desk around it). Per code:
 * - value: decoding the whole 1280×720 frame as the kiosk's worker does: all five
 *   formats, zxing's TRY_HARDER on (every row for 1D codes, a finer 2D search);
 * - baseline (same run): the same frame, same formats, TRY_HARDER off. The ratio is what
 *   the thorough search costs per frame on a clean picture (on a real camera it buys reads
 *   of tilted or blurred codes).
 * The detail adds the frame-guide crop the kiosk actually sends its worker
 * (core/scan/frame-guide.ts, 96 % × 84 % of the frame with the margin), the code alone
 * (its own bounding box), and the frames per second the worker can try at the guide's speed.
 * Median of RUNS after a warm-up; every timed decode must read the expected text.
 */
import { guideCrop } from '../src/core/scan/frame-guide.ts';
import { createDecoder, type Decode } from '../src/ui/scan/zxing-decode.ts';
import { cropGrey, drawSymbol, inFrame, type BwipSymbol, type GreyImage } from '../tests/e2e/support/barcodes.ts';
import { median, type BenchLine } from './lib/report.ts';

const RUNS = 9;
const CODES: Array<{ name: string; symbol: BwipSymbol; text: string; scale: number }> = [
  { name: 'QR (receipt link)', symbol: 'qrcode', text: 'https://relais.example/?track=7KQ2M-4ZP9D', scale: 6 },
  { name: 'PDF417', symbol: 'pdf417', text: 'RELAIS CNIE JB123456 AIT BRAHIM AICHA 1984-05-17', scale: 3 },
];

function timeDecode(decode: Decode, image: GreyImage, expected: string): number {
  const once = () => {
    const started = performance.now();
    const read = decode(image.data, image.width, image.height);
    const ms = performance.now() - started;
    if (read?.text !== expected) throw new Error(`scan bench: expected ${JSON.stringify(expected)}, read ${JSON.stringify(read?.text ?? null)}`);
    return ms;
  };
  once(); // warm-up: JIT and zxing's lazily built tables
  return median(Array.from({ length: RUNS }, once));
}

export function scanDecode(): BenchLine[] {
  const kiosk = createDecoder();
  const lazy = createDecoder({ tryHarder: false });
  return CODES.map(({ name, symbol, text, scale }) => {
    const code = drawSymbol(symbol, text, { scale, quiet: 2 });
    const frame = inFrame(code);
    const guide = guideCrop(frame, null);
    const guided = cropGrey(frame, guide.x, guide.y, guide.width, guide.height);
    const alone = cropGrey(frame, Math.floor((frame.width - code.width) / 2), Math.floor((frame.height - code.height) / 2), code.width, code.height);
    const full = timeDecode(kiosk, frame, text);
    const quick = timeDecode(lazy, frame, text);
    const crop = timeDecode(kiosk, guided, text);
    return {
      name: `scan: decode ${name} in a 1280×720 frame (TRY_HARDER, as the kiosk)`,
      value: full,
      unit: 'ms',
      baseline: { name: 'same frame, TRY_HARDER off', value: quick },
      ratio: full / quick,
      detail: {
        codePixels: `${code.width}×${code.height}`,
        guideCrop: `${guide.width}×${guide.height}`,
        guideCropMs: crop,
        codeAloneMs: timeDecode(kiosk, alone, text),
        framesPerSecondAtGuide: Math.round(1000 / crop),
        runs: RUNS,
      },
    };
  });
}
