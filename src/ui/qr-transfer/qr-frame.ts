/**
 * One frame of a QR transfer drawn as an SVG path with lean-qr, at error correction M
 * exactly (core/qr-transfer/params.ts says why): fixing the level keeps every frame of a
 * transfer the same version, so the code does not change size on screen between frames.
 *
 * Each loop uses another mask pattern. zxing-js misses some clean symbols whatever the
 * picture's quality: its finder search takes a data pattern for a finder pattern (measured
 * on version 12 frames: 5 % missed at 3–4 px per module, up to 20 % at 6 px, the same with
 * blur and noise). Which symbols depends on the mask, so a frame missed in one loop comes
 * round the next one looking different (tests/unit/ui/qr-transfer-frames.test.ts).
 */
import { correction, generate, type Bitmap2D, type Mask } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import type { QrDrawing } from '../receipt/qr-svg.ts';

/** The symbol of `text` as shown in loop `loop` (the bench and tests draw the same one). */
export function frameCode(text: string, loop: number): Bitmap2D {
  const mask = loop === 0 ? undefined : ((loop % 8) as Mask); // the first loop: lean-qr's own choice (lowest penalty)
  return generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M, ...(mask === undefined ? {} : { mask }) });
}

export function frameDrawing(text: string, loop: number): QrDrawing {
  const code = frameCode(text, loop);
  return { size: code.size, path: toSvgPath(code) };
}
