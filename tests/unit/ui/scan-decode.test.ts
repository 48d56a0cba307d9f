/**
 * The kiosk's decoder (src/ui/scan/zxing-decode.ts, the code the scan worker runs) reads
 * each format the issue names from pictures bwip-js draws, reports the format, finds a
 * code inside a 1280×720 camera-sized frame, and restricted formats really restrict.
 */
import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../../src/ui/scan/zxing-decode.ts';
import { drawSymbol, inFrame, type BwipSymbol } from '../../e2e/support/barcodes.ts';

const CASES: Array<[BwipSymbol, string, string, string]> = [
  ['qrcode', 'https://relais.example/?track=7KQ2M-4ZP9D', 'QR_CODE', 'https://relais.example/?track=7KQ2M-4ZP9D'],
  ['pdf417', 'RELAIS PDF417 CNIE JB123456', 'PDF_417', 'RELAIS PDF417 CNIE JB123456'],
  ['datamatrix', 'RELAIS-DM-2026', 'DATA_MATRIX', 'RELAIS-DM-2026'],
  ['code128', 'RELAIS-128-42', 'CODE_128', 'RELAIS-128-42'],
  ['ean13', '611123456789', 'EAN_13', '6111234567895'], // bwip-js adds the check digit (105 → 5)
  ['ean8', '6111234', 'EAN_8', '61112346'], // (44 → 6)
];

describe('zxing decoder', () => {
  const decode = createDecoder();

  it.each(CASES)('reads %s', (symbol, input, format, text) => {
    const picture = drawSymbol(symbol, input);
    expect(decode(picture.data, picture.width, picture.height)).toEqual({ text, format });
  });

  it('finds a QR code in the middle of a 1280×720 frame', () => {
    const frame = inFrame(drawSymbol('qrcode', CASES[0]![1], { scale: 6 }));
    expect(decode(frame.data, frame.width, frame.height)).toEqual({ text: CASES[0]![3], format: 'QR_CODE' });
  });

  it('reads nothing in an empty frame, and only the formats asked for', () => {
    const blank = inFrame({ width: 1, height: 1, data: new Uint8ClampedArray([200]) }, 320, 240);
    expect(decode(blank.data, blank.width, blank.height)).toBeNull();
    const qrOnly = createDecoder({ formats: ['QR_CODE'] });
    const ean = drawSymbol('ean13', '611123456789');
    expect(qrOnly(ean.data, ean.width, ean.height)).toBeNull();
    const qr = drawSymbol('qrcode', 'hello');
    expect(qrOnly(qr.data, qr.width, qr.height)).toEqual({ text: 'hello', format: 'QR_CODE' });
  });
});
