import { describe, expect, it } from 'vitest';
import { normalizeCnie } from '../../../../src/core/forms/cnie.ts';

describe('normalizeCnie', () => {
  it.each([
    ['BE123456', 'BE123456'],
    ['A123456', 'A123456'],
    ['JB12345', 'JB12345'],
    ['be123456', 'BE123456'],
    ['Be 123 456', 'BE123456'],
    [' be-123456 ', 'BE123456'],
    ['K1', 'K1'],
    ['AB٣٤٥٦٧٨', 'AB345678'],
  ])('reads %j as %s', (input, expected) => {
    expect(normalizeCnie(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['123456', 'no letter'],
    ['ABC12345', 'three letters'],
    ['BE1234567', 'seven digits'],
    ['BE', 'no digit'],
    ['B1E2345', 'letters after digits'],
    ['ÉB12345', 'a non-Latin letter'],
    ['بي123456', 'Arabic letters'],
    ['BE12345!', 'punctuation'],
  ])('rejects %j (%s)', (input) => {
    expect(normalizeCnie(input)).toBeNull();
  });
});
