/**
 * The barcode formats the kiosk reads (issue 6): QR codes (receipts), PDF417 and Data
 * Matrix (ID cards, administrative documents), Code 128 and EAN-13/EAN-8 (forms, products).
 * Named as zxing names them, so the decoder maps a name to its BarcodeFormat without this
 * pure module importing zxing.
 */
export const SCAN_FORMATS = ['QR_CODE', 'PDF_417', 'DATA_MATRIX', 'CODE_128', 'EAN_13', 'EAN_8'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];

/** zxing reads formats with one reader per family; the 1D family reads every linear code. */
export type ReaderFamily = 'qr' | 'datamatrix' | 'pdf417' | 'linear';

const FAMILY: Record<ScanFormat, ReaderFamily> = {
  QR_CODE: 'qr',
  DATA_MATRIX: 'datamatrix',
  PDF_417: 'pdf417',
  CODE_128: 'linear',
  EAN_13: 'linear',
  EAN_8: 'linear',
};

export const isScanFormat = (name: unknown): name is ScanFormat => typeof name === 'string' && (SCAN_FORMATS as readonly string[]).includes(name);

/**
 * The reader families to run for the wanted formats, cheapest first: the linear readers
 * scan a few rows and give up in a millisecond, the 2D detectors search the whole frame.
 * Unknown names are ignored; an empty or unknown list means every format.
 */
export function readerFamilies(formats: readonly string[] = SCAN_FORMATS): ReaderFamily[] {
  const known = formats.filter(isScanFormat);
  const wanted = new Set((known.length ? known : SCAN_FORMATS).map((f) => FAMILY[f]));
  return (['linear', 'qr', 'datamatrix', 'pdf417'] as const).filter((f) => wanted.has(f));
}

/** The linear formats among the wanted ones (the 1D reader is told which to try). */
export const linearFormats = (formats: readonly string[] = SCAN_FORMATS): ScanFormat[] => {
  const known = formats.filter(isScanFormat);
  return (known.length ? known : [...SCAN_FORMATS]).filter((f) => FAMILY[f] === 'linear');
};
