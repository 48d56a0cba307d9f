import { describe, expect, it } from 'vitest';
import { parseTrackingUrl, trackingUrl } from '../../../../src/core/ids/track-url.ts';
import { trackingCodeFor } from '../../../../src/core/ids/tracking-code.ts';

describe('receipt links', () => {
  it('makes the link the receipt QR carries', () => {
    expect(trackingUrl('https://relais.example', '7KQ2M-4ZP9D')).toBe('https://relais.example/?track=7KQ2M-4ZP9D');
    expect(trackingUrl('http://127.0.0.1:8080/', '7KQ2M-4ZP9D')).toBe('http://127.0.0.1:8080/?track=7KQ2M-4ZP9D');
  });

  it('reads back every code it makes', async () => {
    for (let i = 0; i < 50; i++) {
      const code = await trackingCodeFor(crypto.randomUUID(), crypto.subtle);
      expect(parseTrackingUrl(trackingUrl('http://127.0.0.1:4173', code))).toEqual({ origin: 'http://127.0.0.1:4173', trackingCode: code });
    }
  });

  it.each([
    ['HTTPS://Relais.Example/?track=7kq2m-4zp9d', { origin: 'https://relais.example', trackingCode: '7KQ2M-4ZP9D' }],
    ['  https://relais.example/?lang=ar&track=7KQ2M4ZP9D#status \n', { origin: 'https://relais.example', trackingCode: '7KQ2M-4ZP9D' }],
    ['/?track=7KQ2M-4ZP9D', { origin: null, trackingCode: '7KQ2M-4ZP9D' }],
    ['?track=7KQ2M%2D4ZP9D', { origin: null, trackingCode: '7KQ2M-4ZP9D' }],
    ['https://relais.example/?track=7KQ2M-4ZP9O', { origin: 'https://relais.example', trackingCode: '7KQ2M-4ZP90' }], // O read as 0, as people type it
  ])('reads %j', (text, expected) => {
    expect(parseTrackingUrl(text)).toEqual(expected);
  });

  it.each([
    ['a bare code', '7KQ2M-4ZP9D'],
    ['no track parameter', 'https://relais.example/?code=7KQ2M-4ZP9D'],
    ['an empty track', 'https://relais.example/?track='],
    ['a code of the wrong length', 'https://relais.example/?track=7KQ2M-4ZP9'],
    ['a letter outside the alphabet', 'https://relais.example/?track=7KQ2M-4ZPUD'],
    ['a malformed escape', 'https://relais.example/?track=%E0%A4%A'],
    ['the parameter only in the fragment', 'https://relais.example/?x=1#track=7KQ2M-4ZP9D'],
    ['something else entirely', 'WIFI:S:relais;T:WPA;P:secret;;'],
  ])('refuses %s', (_name, text) => {
    expect(parseTrackingUrl(text)).toBeNull();
  });
});
