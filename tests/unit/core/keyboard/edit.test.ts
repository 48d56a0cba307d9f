import { describe, expect, it } from 'vitest';
import { backspace, clampSelection, insertText, pressKey, shouldAutoShift, typeText } from '../../../../src/core/keyboard/edit.ts';
import { LAYOUTS } from '../../../../src/core/keyboard/layouts.ts';

const at = (value: string, start: number, end = start) => ({ value, start, end });

describe('insertText', () => {
  it('types at the caret, at the end, at the start and in the middle', () => {
    expect(insertText(at('', 0), 'ⴰ')).toEqual(at('ⴰ', 1));
    expect(insertText(at('ⴰⵣ', 2), 'ⵓ')).toEqual(at('ⴰⵣⵓ', 3));
    expect(insertText(at('ⵣⵓ', 0), 'ⴰ')).toEqual(at('ⴰⵣⵓ', 1));
    expect(insertText(at('Acha', 1), 'i')).toEqual(at('Aicha', 2));
  });

  it('replaces a selection, whichever way round the input reports it', () => {
    expect(insertText(at('0612345678', 2, 6), '99')).toEqual(at('06995678', 4));
    expect(insertText(at('0612345678', 6, 2), '99')).toEqual(at('06995678', 4));
    expect(insertText(at('abc', 0, 3), 'x')).toEqual(at('x', 1));
  });

  it('keeps a caret that the input reported out of range inside the value', () => {
    expect(insertText(at('ab', 99), 'c')).toEqual(at('abc', 3));
    expect(insertText(at('ab', -4), 'c')).toEqual(at('cab', 1));
    expect(clampSelection(at('ab', Number.NaN))).toEqual(at('ab', 2));
  });

  it('types a key of several characters as one', () => {
    expect(insertText(at('Rue 4', 4), 'n°')).toEqual(at('Rue n°4', 6));
  });
});

describe('backspace', () => {
  it('deletes the character before the caret', () => {
    expect(backspace(at('ⴰⵣⵓⵍ', 4))).toEqual(at('ⴰⵣⵓ', 3));
    expect(backspace(at('ⴰⵣⵓⵍ', 2))).toEqual(at('ⴰⵓⵍ', 1));
    expect(backspace(at('061', 3))).toEqual(at('06', 2));
  });

  it('does nothing at the start of the field', () => {
    expect(backspace(at('abc', 0))).toEqual(at('abc', 0));
    expect(backspace(at('', 0))).toEqual(at('', 0));
  });

  it('deletes only the selection when there is one', () => {
    expect(backspace(at('06 12 34', 2, 5))).toEqual(at('06 34', 2));
    expect(backspace(at('06 12 34', 5, 2))).toEqual(at('06 34', 2));
  });

  it('deletes a character outside the BMP whole, not half a surrogate pair', () => {
    const v = 'a𝐀';
    expect(backspace(at(v, v.length))).toEqual(at('a', 1));
  });

  it('takes back the ⵯ of a labialised letter first, leaving its base', () => {
    expect(backspace(at('ⴰⴳⵯ', 3))).toEqual(at('ⴰⴳ', 2));
  });
});

describe('typing on a layout', () => {
  it('the digit pads refuse letters and signs they do not carry', () => {
    for (const text of ['a', 'ⴰ', 'ب', 'A', ' ', 'é']) {
      expect(typeText(at('06', 2), LAYOUTS.phone, text)).toEqual(at('06', 2));
      expect(typeText(at('12', 2), LAYOUTS.number, text)).toEqual(at('12', 2));
    }
    expect(typeText(at('06', 2), LAYOUTS.phone, '1')).toEqual(at('061', 3));
    expect(typeText(at('', 0), LAYOUTS.phone, '+')).toEqual(at('+', 1));
    expect(typeText(at('1', 1), LAYOUTS.phone, ',')).toEqual(at('1', 1));
    expect(typeText(at('1', 1), LAYOUTS.number, ',')).toEqual(at('1,', 2));
  });

  it('the CNIE layout takes capitals and digits, not small letters', () => {
    expect(typeText(at('', 0), LAYOUTS.cnie, 'B')).toEqual(at('B', 1));
    expect(typeText(at('B', 1), LAYOUTS.cnie, '7')).toEqual(at('B7', 2));
    expect(typeText(at('B', 1), LAYOUTS.cnie, 'e')).toEqual(at('B', 1));
  });

  it('Shift gives the emphatic Tifinagh letter and the Latin capital', () => {
    const z = LAYOUTS.tifinagh.rows[0]![1]!;
    expect(pressKey(at('', 0), LAYOUTS.tifinagh, z, false).value).toBe('ⵣ');
    expect(pressKey(at('', 0), LAYOUTS.tifinagh, z, true).value).toBe('ⵥ');
    const eps = LAYOUTS.latin.rows.flat().find((k) => k.text === 'ɛ')!;
    expect(pressKey(at('', 0), LAYOUTS.latin, eps, true).value).toBe('Ɛ');
  });

  it('Shift comes on by itself only at the start of a field with capitals', () => {
    expect(shouldAutoShift(LAYOUTS.latin, at('', 0))).toBe(true);
    expect(shouldAutoShift(LAYOUTS.latin, at('Ai', 2))).toBe(false);
    expect(shouldAutoShift(LAYOUTS.tifinagh, at('', 0))).toBe(false);
    expect(shouldAutoShift(LAYOUTS.cnie, at('', 0))).toBe(false);
  });
});
