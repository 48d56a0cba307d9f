/** The scanner's pure parts: frame-guide crop maths, formats, what a read means, luminance. */
import { describe, expect, it } from 'vitest';
import { FRAME_GUIDE, fitWithin, guideCrop, visibleSource } from '../../../../src/core/scan/frame-guide.ts';
import { SCAN_FORMATS, linearFormats, readerFamilies } from '../../../../src/core/scan/formats.ts';
import { cameraProblem, meaningOf } from '../../../../src/core/scan/scan-result.ts';
import { rgbaToLuminance } from '../../../../src/core/scan/luminance.ts';
import { trackingUrl } from '../../../../src/core/ids/track-url.ts';

describe('frame guide → source pixels (object-fit: cover)', () => {
  it('a box of the same shape shows the whole frame', () => {
    expect(visibleSource({ width: 1280, height: 720 }, { width: 640, height: 360 })).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('a taller box cuts the sides of a wide frame, a wider box cuts top and bottom', () => {
    // 1280×720 in a 400×400 box: scaled by 400/720, 720 source pixels of width show.
    expect(visibleSource({ width: 1280, height: 720 }, { width: 400, height: 400 })).toEqual({ x: 280, y: 0, width: 720, height: 720 });
    // in a 1600×600 box: scaled by 1.25, 480 source rows show.
    expect(visibleSource({ width: 1280, height: 720 }, { width: 1600, height: 600 })).toEqual({ x: 0, y: 120, width: 1280, height: 480 });
  });

  it('crops the guide plus its margin, centred, in whole pixels inside the frame', () => {
    const crop = guideCrop({ width: 1280, height: 720 }, { width: 640, height: 360 }, { width: 0.5, height: 0.5 }, 0.1);
    // 0.5 × 1.2 = 60 % of each side: 768×432, centred.
    expect(crop).toEqual({ x: 256, y: 144, width: 768, height: 432 });
  });

  it('follows the cut-off parts of the picture (a square preview of a wide camera)', () => {
    const crop = guideCrop({ width: 1280, height: 720 }, { width: 400, height: 400 }, { width: 0.5, height: 0.5 }, 0);
    // the visible 720×720 square starts at x = 280; half of it, centred: 360×360 at (460, 180).
    expect(crop).toEqual({ x: 460, y: 180, width: 360, height: 360 });
  });

  it('never leaves the frame, even when guide plus margin exceed the view', () => {
    const crop = guideCrop({ width: 1280, height: 720 }, { width: 640, height: 360 }, FRAME_GUIDE, 0.5);
    expect(crop).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
    const odd = guideCrop({ width: 1279, height: 719 }, null);
    expect(odd.x + odd.width).toBeLessThanOrEqual(1279);
    expect(odd.y + odd.height).toBeLessThanOrEqual(719);
    expect(Number.isInteger(odd.x) && Number.isInteger(odd.width)).toBe(true);
  });

  it('without a laid-out view (0×0) uses the whole frame as the view', () => {
    expect(guideCrop({ width: 1000, height: 500 }, { width: 0, height: 0 }, { width: 0.5, height: 0.5 }, 0)).toEqual({ x: 250, y: 125, width: 500, height: 250 });
  });

  it('fitWithin shrinks the longest side to the limit and never enlarges', () => {
    expect(fitWithin({ width: 1920, height: 1080 }, 1280)).toEqual({ width: 1280, height: 720 });
    expect(fitWithin({ width: 600, height: 400 }, 1280)).toEqual({ width: 600, height: 400 });
  });
});

describe('formats', () => {
  it('are the five the issue names (EAN in its two lengths)', () => {
    expect([...SCAN_FORMATS].sort()).toEqual(['CODE_128', 'DATA_MATRIX', 'EAN_13', 'EAN_8', 'PDF_417', 'QR_CODE']);
  });

  it('map to reader families, linear (cheap) first; unknown names are ignored', () => {
    expect(readerFamilies()).toEqual(['linear', 'qr', 'datamatrix', 'pdf417']);
    expect(readerFamilies(['QR_CODE'])).toEqual(['qr']);
    expect(readerFamilies(['PDF_417', 'EAN_13', 'AZTEC'])).toEqual(['linear', 'pdf417']);
    expect(readerFamilies(['AZTEC'])).toEqual(readerFamilies()); // nothing known: everything
    expect(linearFormats(['QR_CODE', 'EAN_8', 'CODE_128'])).toEqual(['EAN_8', 'CODE_128']);
    expect(linearFormats()).toEqual(['CODE_128', 'EAN_13', 'EAN_8']);
  });
});

describe('what a read means', () => {
  it('a receipt link gives its tracking code and origin', () => {
    expect(meaningOf(trackingUrl('https://relais.example', '7KQ2M-4ZP9D'))).toEqual({ kind: 'tracking', trackingCode: '7KQ2M-4ZP9D', origin: 'https://relais.example' });
    expect(meaningOf('http://10.0.0.5:8080/?lang=ar&track=7kq2m4zp9d')).toMatchObject({ kind: 'tracking', trackingCode: '7KQ2M-4ZP9D' });
  });

  it('a bare tracking code counts (with the usual O/0, I/1 confusions), with or without the dash', () => {
    expect(meaningOf(' 7KQ2M-4ZP9D ')).toMatchObject({ kind: 'tracking', trackingCode: '7KQ2M-4ZP9D', origin: null });
    expect(meaningOf('7kq2m4zp9d')).toMatchObject({ kind: 'tracking', trackingCode: '7KQ2M-4ZP9D' });
    expect(meaningOf('1O000-00000')).toMatchObject({ kind: 'tracking', trackingCode: '10000-00000' });
  });

  it('other codes are reported as read, not acted on', () => {
    for (const text of ['5901234123457', '96385074', 'RELAIS-128', 'https://relais.example/?track=NOPE', 'https://relais.example/', '7KQ2M-4ZP9DX', 'UUUUU-UUUUU'])
      expect(meaningOf(text), text).toEqual({ kind: 'other', text });
  });

  it('camera errors become the message the citizen sees', () => {
    expect(cameraProblem('NotAllowedError')).toBe('denied');
    expect(cameraProblem('SecurityError')).toBe('denied');
    expect(cameraProblem('NotFoundError')).toBe('none');
    expect(cameraProblem('OverconstrainedError')).toBe('none');
    expect(cameraProblem('NotReadableError')).toBe('busy');
    expect(cameraProblem('AbortError')).toBe('busy');
    expect(cameraProblem('TypeError')).toBe('unsupported');
    expect(cameraProblem(undefined)).toBe('busy');
  });
});

describe('RGBA → luminance', () => {
  it('weights green twice, like zxing: (R + 2G + B) / 4', () => {
    const rgba = new Uint8ClampedArray([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 0]);
    expect([...rgbaToLuminance(rgba, 5, 1)]).toEqual([255, 0, 63, 127, 63]);
  });

  it('refuses a buffer too short for its size', () => {
    expect(() => rgbaToLuminance(new Uint8ClampedArray(4 * 3), 2, 2)).toThrow(RangeError);
  });
});
