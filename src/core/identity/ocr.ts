/**
 * The characters OCR engines (and people copying a card) confuse in an MRZ set in OCR-B.
 * These tables only ever produce suggestions that the parser reports with a position:
 * the parser never replaces a character by itself.
 */

/** A letter found where only a digit may stand, and the digit it most likely is. */
export const DIGIT_FOR_LETTER: Readonly<Record<string, string>> = {
  O: '0',
  Q: '0',
  D: '0',
  U: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};

/** A digit found where only a letter (or the filler) may stand, and the letter it most likely is. */
export const LETTER_FOR_DIGIT: Readonly<Record<string, string>> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '4': 'A',
  '5': 'S',
  '6': 'G',
  '8': 'B',
};

/** Characters that are not in the MRZ alphabet but are how a filler `<` often comes out. */
export const FILLER_LOOKALIKES: ReadonlySet<string> = new Set([' ', '\u00a0', '\t', '«', '‹', '≪', '(', '[', '{', '‐', '-', '_']);

/**
 * For a field whose check digit fails although every character is of the right kind
 * (letters and digits are both allowed in a document number or in optional data): the
 * characters each one may have been misread from. Trying them one at a time tells the
 * agent which character to look at; it is still only a suggestion.
 *
 * Check digits cannot see every confusion: K (20) and `<` (0), L (21) and 1, G (16) and 6
 * differ by a multiple of 10, so swapping them never changes a check digit (weights 7, 3,
 * 1). Those pairs are left out here; a K among fillers is caught by its place instead.
 */
export const MISREAD_ALTERNATIVES: Readonly<Record<string, readonly string[]>> = {
  '0': ['O', 'D', 'Q'],
  O: ['0'],
  D: ['0'],
  Q: ['0'],
  '1': ['I'],
  I: ['1'],
  '2': ['Z'],
  Z: ['2'],
  '5': ['S'],
  S: ['5'],
  '8': ['B'],
  B: ['8'],
};
