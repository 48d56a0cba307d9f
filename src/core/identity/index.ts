/** Reading identity documents: the ICAO TD1 machine-readable zone and form prefill from it. */
export { parseMrz, readMrzLines, birthDateFrom, expiryDateFrom, TD1_LINE_COUNT, TD1_LINE_LENGTH, type MrzOptions } from './mrz.ts';
export type * from './mrz-types.ts';
export { checkDigit, mrzCharValue } from './check-digit.ts';
export { prefillFromMrz, mrzValue, type PrefillItem } from './prefill.ts';
