/**
 * Barcode decoding with @zxing/library, for the scan worker (decode.worker.ts) and the
 * bench (bench/scan-decode.ts, in Node). Never import this module statically from the
 * page: zxing is ~110 KB gzipped and must not be start-up JavaScript
 * (tests/unit/ui/scan-startup.test.ts fails if it is).
 *
 * One reader per family instead of zxing's MultiFormatReader: that one logs a warning for
 * every frame without a code (its NotFoundException fails an instanceof check in 0.23),
 * and it rebuilds its readers on each decode().
 */
import * as zxingModule from '@zxing/library';
import { linearFormats, readerFamilies, type ReaderFamily, type ScanFormat } from '../../core/scan/formats.ts';

// Node loads the package's CommonJS build (its ESM build is not marked as a module), whose
// exports sit on `default`; Vite bundles the ESM build, whose namespace has them directly.
const ZX = ('HybridBinarizer' in zxingModule ? zxingModule : Reflect.get(zxingModule, 'default')) as typeof zxingModule;

export interface DecodeOptions {
  formats?: readonly ScanFormat[];
  /** zxing's TRY_HARDER: more rows for 1D codes, a finer search for 2D. Default on. */
  tryHarder?: boolean;
}

export interface Decoded {
  text: string;
  format: ScanFormat | string;
}

export type Decode = (luminance: Uint8ClampedArray, width: number, height: number) => Decoded | null;

export function createDecoder({ formats, tryHarder = true }: DecodeOptions = {}): Decode {
  const hints = new Map<zxingModule.DecodeHintType, unknown>();
  // zxing treats the key's presence as "on", whatever its value.
  if (tryHarder) hints.set(ZX.DecodeHintType.TRY_HARDER, true);
  const linear = linearFormats(formats).map((f) => ZX.BarcodeFormat[f]);
  hints.set(ZX.DecodeHintType.POSSIBLE_FORMATS, linear);
  const make = (family: ReaderFamily): zxingModule.Reader => {
    switch (family) {
      case 'qr':
        return new ZX.QRCodeReader();
      case 'datamatrix':
        return new ZX.DataMatrixReader();
      case 'pdf417':
        return new ZX.PDF417Reader();
      case 'linear':
        return new ZX.MultiFormatOneDReader(hints);
    }
  };
  const readers = readerFamilies(formats).map(make);
  return (luminance, width, height) => {
    const bitmap = new ZX.BinaryBitmap(new ZX.HybridBinarizer(new ZX.RGBLuminanceSource(luminance, width, height)));
    for (const reader of readers) {
      try {
        const result = reader.decode(bitmap, hints);
        return { text: result.getText(), format: ZX.BarcodeFormat[result.getBarcodeFormat()] ?? String(result.getBarcodeFormat()) };
      } catch {
        // Not found, or a checksum or format error in this family: try the next one.
      } finally {
        reader.reset();
      }
    }
    return null;
  };
}
