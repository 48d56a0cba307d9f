import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../../../src/core/crypto/base64url.ts';

describe('base64url', () => {
  it('encodes without padding, with the URL-safe alphabet (RFC 4648 test strings)', () => {
    const cases: Array<[string, string]> = [['', ''], ['f', 'Zg'], ['fo', 'Zm8'], ['foo', 'Zm9v'], ['foob', 'Zm9vYg'], ['fooba', 'Zm9vYmE'], ['foobar', 'Zm9vYmFy']];
    for (const [plain, coded] of cases) {
      expect(encodeBase64Url(new TextEncoder().encode(plain))).toBe(coded);
      expect(new TextDecoder().decode(decodeBase64Url(coded))).toBe(plain);
    }
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('round-trips every byte value and agrees with Node', () => {
    const bytes = new Uint8Array(256 * 3 + 1).map((_, i) => (i * 7) & 0xff);
    for (const n of [0, 1, 2, 3, 4, 5, 255, bytes.length]) {
      const part = bytes.slice(0, n);
      const coded = encodeBase64Url(part);
      expect(coded).toBe(Buffer.from(part).toString('base64url'));
      expect([...decodeBase64Url(coded)]).toEqual([...part]);
    }
  });

  it('refuses padding, whitespace, the standard alphabet, impossible lengths and stray bits', () => {
    for (const bad of ['Zg==', 'Zm9v\n', 'Zm 9v', 'ab+/', 'abcde', 'Zh', 'Zm9', '€€', 'Zm9v\u0000']) {
      expect(() => decodeBase64Url(bad), bad).toThrow(RangeError);
    }
  });
});
