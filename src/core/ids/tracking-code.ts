/**
 * Tracking codes are derived from the application's UUID, so a kiosk that is offline
 * prints the same code the server will confirm later: no round trip is needed to
 * give the citizen something to keep. 50 bits of SHA-256 in Crockford base32
 * (no I, L, O, U: nothing to misread on a thermal receipt), as `XXXXX-XXXXX`.
 */

/** The part of SubtleCrypto the core needs; Node and browsers both provide it. */
export interface Digester {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

export const TRACKING_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

export async function trackingCodeFor(applicationId: string, subtle: Digester): Promise<string> {
  const hash = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(applicationId.toLowerCase())));
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const byte of hash) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 10) {
      bits -= 5;
      out += TRACKING_CODE_ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
    if (out.length === 10) break;
  }
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Reads a code typed by a person: case-insensitive, O→0, I/L→1, spaces and dashes ignored. */
export function normalizeTrackingCode(input: string): string | null {
  const plain = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (plain.length !== 10) return null;
  const code = `${plain.slice(0, 5)}-${plain.slice(5)}`;
  return TRACKING_CODE_PATTERN.test(code) ? code : null;
}
