/**
 * One frame of a QR transfer drawn as an SVG path with lean-qr, at error correction M
 * exactly (core/qr-transfer/params.ts says why): fixing the level keeps every frame of a
 * transfer the same version, so the code does not change size on screen between frames.
 *
 * A frame is drawn in several mask patterns (core/qr-transfer/schedule.ts says why): all
 * are valid QR codes of the same text, any reader reads them.
 */
import { correction, generate, type Bitmap2D, type Mask } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import type { QrDrawing } from '../receipt/qr-svg.ts';

/** The symbol of `text` in drawing `variant` (0: lean-qr's own mask choice, the lowest penalty; n: mask n mod 8). The bench and tests draw the same ones. */
export function frameCode(text: string, variant: number): Bitmap2D {
  const mask = variant === 0 ? undefined : ((variant % 8) as Mask);
  return generate(text, { minCorrectionLevel: correction.M, maxCorrectionLevel: correction.M, ...(mask === undefined ? {} : { mask }) });
}

export function frameDrawing(text: string, variant: number): QrDrawing {
  const code = frameCode(text, variant);
  return { size: code.size, path: toSvgPath(code) };
}
