import { describe, expect, it } from 'vitest';
import { checkDigit, mrzCharValue } from '../../../../src/core/identity/check-digit.ts';

describe('MRZ check digits (Doc 9303 Part 3, 4.9)', () => {
  it('values characters 0–9, A–Z as 10–35 and the filler as 0', () => {
    expect(['0', '9', 'A', 'K', 'Z', '<'].map(mrzCharValue)).toEqual([0, 9, 10, 20, 35, 0]);
    expect(mrzCharValue('a')).toBeNull();
    expect(mrzCharValue(' ')).toBeNull();
  });

  // Worked by hand with weights 7, 3, 1: D(13)·7 + 2·3 + 3·1 + 1·7 + 4·3 + 5·1 + 8·7 + 9·3 + 0·1 = 207.
  it.each([
    ['D23145890', 7],
    ['740812', 2],
    ['120415', 9],
    ['D23145890123', 3], // 207 + 1·7 + 2·3 + 3·1 = 223
    ['<<<<<<', 0],
  ])('%s → %i', (text, digit) => {
    expect(checkDigit(text)).toBe(digit);
  });

  it('has no digit for text outside the MRZ alphabet', () => {
    expect(checkDigit('74 812')).toBeNull();
  });

  it('cannot see a filler read as K: both weigh 0 modulo 10 in every position', () => {
    expect(checkDigit('AB12<<<')).toBe(checkDigit('AB12K<<'));
    expect(checkDigit('AB12<<<')).toBe(checkDigit('AB12<K<'));
    expect(checkDigit('AB12<<<')).toBe(checkDigit('AB12<<K'));
  });
});
