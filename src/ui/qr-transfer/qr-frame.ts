/**
 * One frame of a QR transfer drawn as an SVG path with lean-qr, at error correction M
 * exactly (core/qr-transfer/params.ts says why): fixing the level keeps every frame of a
 * transfer the same version, so the code does not change size on screen between frames.
 *
 * Each loop uses another mask pattern. A frame some decoder cannot find in one mask (zxing
 * misses a few symbols at some sizes, measured while choosing the parameters: a data
 * pattern taken for a finder) comes round the next loop looking different.
 */
import { correction, generate, type Mask } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import type { QrDrawing } from '../receipt/qr-svg.ts';

export function frameDrawing(text: string, loop: number): QrDrawing {
  const mask = loop === 0 ? undefined : (loop % 8) as Mask; // the first loop: lean-qr's own choice (lowest penalty)
  const code = generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M, ...(mask === undefined ? {} : { mask }) });
  return { size: code.size, path: toSvgPath(code) };
}
