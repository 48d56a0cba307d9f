/**
 * The receipt's QR code as an SVG path, from lean-qr (ISO 18004). Its own module so the
 * encoder is loaded when a receipt is shown, not with the kiosk's start-up JavaScript.
 */
import { correction, generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';

export interface QrDrawing {
  size: number; // modules per side, without the quiet zone
  path: string; // outline of the dark modules, in module units from (0, 0)
}

/** At least level M (15 % of the symbol may be lost): thermal paper smudges and fades. */
export function qrDrawing(text: string): QrDrawing {
  const code = generate(text, { minCorrectionLevel: correction.M });
  return { size: code.size, path: toSvgPath(code) };
}
