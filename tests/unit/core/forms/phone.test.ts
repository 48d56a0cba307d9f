import { describe, expect, it } from 'vitest';
import { formatMoroccanPhone, normalizeMoroccanPhone } from '../../../../src/core/forms/phone.ts';

describe('normalizeMoroccanPhone', () => {
  it.each([
    ['0612345678', '+212612345678'],
    ['06 12 34 56 78', '+212612345678'],
    ['06-12-34-56-78', '+212612345678'],
    ['06.12.34.56.78', '+212612345678'],
    ['  0712345678 ', '+212712345678'],
    ['0528123456', '+212528123456'],
    ['+212612345678', '+212612345678'],
    ['+212 6 12 34 56 78', '+212612345678'],
    ['00212 612345678', '+212612345678'],
    ['00212612345678', '+212612345678'],
    ['212612345678', '+212612345678'],
    ['+212 (0)6 12 34 56 78', '+212612345678'],
    ['+212 0612345678', '+212612345678'],
    ['٠٦١٢٣٤٥٦٧٨', '+212612345678'],
    ['۰۶۱۲۳۴۵۶۷۸', '+212612345678'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizeMoroccanPhone(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['061234567', 'nine digits'],
    ['06123456789', 'eleven digits'],
    ['612345678', 'no trunk zero'],
    ['0812345678', '08 prefix'],
    ['0912345678', '09 prefix'],
    ['0412345678', '04 prefix'],
    ['+33612345678', 'a French number'],
    ['+2126123456789', 'too long after +212'],
    ['06 12 34 56 7a', 'a letter'],
    ['06/12/34/56/78/9', 'extra digits with separators'],
  ])('rejects %j (%s)', (input) => {
    expect(normalizeMoroccanPhone(input)).toBeNull();
  });

  it('rejects a value that is not a string instead of throwing', () => {
    expect(normalizeMoroccanPhone(612345678 as unknown as string)).toBeNull();
  });
});

describe('formatMoroccanPhone', () => {
  it('writes an E.164 number in pairs, the national way', () => {
    expect(formatMoroccanPhone('+212612345678')).toBe('06 12 34 56 78');
    expect(formatMoroccanPhone('+212528123456')).toBe('05 28 12 34 56');
  });

  it('formats any accepted spelling', () => {
    expect(formatMoroccanPhone('00212712345678')).toBe('07 12 34 56 78');
  });

  it('shows an unreadable number as it was typed', () => {
    expect(formatMoroccanPhone('12345')).toBe('12345');
  });
});
