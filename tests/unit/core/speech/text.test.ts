import { describe, expect, it } from 'vitest';
import { fnv1a64, normalizeSpeechText, speechTextHash } from '../../../../src/core/speech/text.ts';

function fnvReference(bytes: Uint8Array): string {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
}

describe('clip text hashing', () => {
  it('is FNV-1a 64 (checked against a BigInt reference and the published vectors)', () => {
    expect(fnv1a64(new Uint8Array())).toBe('cbf29ce484222325');
    expect(fnv1a64(new TextEncoder().encode('a'))).toBe('af63dc4c8601ec8c');
    expect(fnv1a64(new TextEncoder().encode('foobar'))).toBe('85944171f73967e8');
    const random = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + (i >> 3)) & 0xff);
    expect(fnv1a64(random)).toBe(fnvReference(random));
  });

  it('ignores what cannot be heard: spacing, quotes, composition, case', () => {
    const a = speechTextHash('Vos données  personnelles', 'fr');
    expect(speechTextHash(' vos données personnelles ', 'fr')).toBe(a);
    expect(speechTextHash('Vos donne\u0301es\u00a0personnelles', 'fr')).toBe(a); // decomposed é, no-break space
    expect(speechTextHash('J’accepte', 'fr')).toBe(speechTextHash("J'accepte", 'fr'));
    expect(normalizeSpeechText('مـرحبا', 'ar')).toBe('مرحبا'); // tatweel
  });

  it('changes when the words change (the language is part of the clip key, not of the hash)', () => {
    expect(speechTextHash('Vos données personnelles', 'fr')).not.toBe(speechTextHash('Vos données', 'fr'));
    expect(speechTextHash('Il a 7 ans', 'fr')).not.toBe(speechTextHash('Il a 8 ans', 'fr'));
  });

  it('Amazigh text hashes the same in Tifinagh and Latin', () => {
    expect(speechTextHash('ⴰⵣⵓⵍ ⴼⵍⵍⴰⵡⵏ', 'shi-Tfng')).toBe(speechTextHash('Azul fllawn', 'shi-Latn'));
  });
});
