import { describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../../../src/core/crypto/base64url.ts';
import { openBytes, openContent, sealBytes, sealContent } from '../../../../src/core/crypto/envelope.ts';
import { EnvelopeError } from '../../../../src/core/crypto/envelope-error.ts';
import { generateSealingKeyPair, importPrivateKey, sealingKeyOf, type SealingKeyPair } from '../../../../src/core/crypto/keys.ts';
import type { SealedContent, SealedPayload } from '../../../../src/core/sync/protocol.ts';

const APPLICATION = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER_APPLICATION = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const CONTENT: SealedContent = {
  answers: { fullName: 'فاطمة الزهراء أمراني', cnie: 'BE123456', pensionerPresent: true, children: 3, languages: ['ar', 'shi'], note: null },
  assistedBy: 'agent-0042',
  consentVersion: 'consent-2026-01',
};

const pairs: SealingKeyPair[] = [];
async function keyPair(i = 0): Promise<SealingKeyPair> {
  while (pairs.length <= i) pairs.push(await generateSealingKeyPair());
  return pairs[i]!;
}

async function failure(promise: Promise<unknown>): Promise<EnvelopeError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(EnvelopeError);
  return error as EnvelopeError;
}

/** Flips one bit of a base64url field's bytes. */
function flip(coded: string, at = 0): string {
  const bytes = Buffer.from(coded, 'base64url');
  bytes[at % bytes.length]! ^= 0x01;
  return encodeBase64Url(bytes);
}

describe('sealed applications', () => {
  it('open to exactly what was sealed, with the key named in the envelope', async () => {
    const pair = await keyPair();
    const sealed = await sealContent(CONTENT, sealingKeyOf(pair), APPLICATION);
    expect(sealed).toMatchObject({ encoding: 'hpke', keyId: pair.keyId });
    expect(sealed.enc).toMatch(/^[A-Za-z0-9_-]{87}$/); // 65 bytes, uncompressed P-256 point
    expect(JSON.stringify(sealed)).not.toContain('BE123456');
    expect(await openContent(sealed, pair.privateKey, APPLICATION)).toEqual(CONTENT);
    // an imported key pair works too (the server keeps keys imported)
    expect(await openContent(sealed, await importPrivateKey(pair.privateKey), APPLICATION)).toEqual(CONTENT);
  });

  it('every sealing of the same content differs (a fresh ephemeral key each time)', async () => {
    const key = sealingKeyOf(await keyPair());
    const [a, b] = [await sealContent(CONTENT, key, APPLICATION), await sealContent(CONTENT, key, APPLICATION)];
    expect(a.enc).not.toBe(b.enc);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('the application id is compared in lower case, as the associated data says', async () => {
    const pair = await keyPair();
    const sealed = await sealContent(CONTENT, sealingKeyOf(pair), APPLICATION.toUpperCase());
    expect(await openContent(sealed, pair.privateKey, APPLICATION)).toEqual(CONTENT);
  });

  it('a tampered ciphertext does not open', async () => {
    const pair = await keyPair();
    const sealed = await sealContent(CONTENT, sealingKeyOf(pair), APPLICATION);
    for (const at of [0, 20, -1]) {
      const bytes = Buffer.from(sealed.ciphertext, 'base64url');
      const tampered = { ...sealed, ciphertext: flip(sealed.ciphertext, at < 0 ? bytes.length - 1 : at) };
      expect((await failure(openContent(tampered, pair.privateKey, APPLICATION))).code).toBe('tampered');
    }
    const truncated = { ...sealed, ciphertext: encodeBase64Url(Buffer.from(sealed.ciphertext, 'base64url').subarray(0, 40)) };
    expect((await failure(openContent(truncated, pair.privateKey, APPLICATION))).code).toBe('tampered');
  });

  it('a tampered enc does not open, whether or not it is still a point on the curve', async () => {
    const pair = await keyPair();
    const key = sealingKeyOf(pair);
    const sealed = await sealContent(CONTENT, key, APPLICATION);
    const offCurve = { ...sealed, enc: flip(sealed.enc, 64) };
    expect((await failure(openContent(offCurve, pair.privateKey, APPLICATION))).code).toBe('tampered');
    const otherPoint = { ...sealed, enc: (await sealContent(CONTENT, key, APPLICATION)).enc };
    expect((await failure(openContent(otherPoint, pair.privateKey, APPLICATION))).code).toBe('tampered');
  });

  it('an envelope moved onto another application (other associated data) does not open', async () => {
    const pair = await keyPair();
    const sealed = await sealContent(CONTENT, sealingKeyOf(pair), APPLICATION);
    expect((await failure(openContent(sealed, pair.privateKey, OTHER_APPLICATION))).code).toBe('tampered');
  });

  it('another key does not open it: named as such when the envelope names another key, tampered when it lies', async () => {
    const [mine, other] = [await keyPair(0), await keyPair(1)];
    const sealed = await sealContent(CONTENT, sealingKeyOf(mine), APPLICATION);
    expect((await failure(openContent(sealed, other.privateKey, APPLICATION))).code).toBe('wrong-key');
    const lying: SealedPayload = { ...sealed, keyId: other.keyId };
    expect((await failure(openContent(lying, other.privateKey, APPLICATION))).code).toBe('tampered');
  });

  it('malformed envelopes fail cleanly as malformed', async () => {
    const pair = await keyPair();
    const sealed = await sealContent(CONTENT, sealingKeyOf(pair), APPLICATION);
    const bad: unknown[] = [
      { ...sealed, enc: sealed.enc + '=' },
      { ...sealed, enc: 'not base64!' },
      { ...sealed, ciphertext: 'a+b/' },
      { ...sealed, ciphertext: '' },
      { ...sealed, enc: encodeBase64Url(new Uint8Array(33)) },
      { ...sealed, keyId: 42 },
      { ...sealed, enc: 12 },
      { ...sealed, encoding: 'json' },
      null,
    ];
    for (const payload of bad) {
      const error = await failure(openContent(payload as SealedPayload, pair.privateKey, APPLICATION));
      expect(error.code, JSON.stringify(payload)).toBe('malformed');
    }
  });

  it('content that authenticates but is not an application is malformed', async () => {
    const pair = await keyPair();
    const key = sealingKeyOf(pair);
    for (const content of [{ answers: [] }, { answers: 'x' }, { answers: {}, assistedBy: 7 }, { answers: {}, consentVersion: '' }]) {
      const sealed = await sealContent(content as unknown as SealedContent, key, APPLICATION);
      expect((await failure(openContent(sealed, pair.privateKey, APPLICATION))).code).toBe('malformed');
    }
  });

  it('a broken private key is malformed, not a crash', async () => {
    const pair = await keyPair();
    const sealed = await sealContent(CONTENT, sealingKeyOf(pair), APPLICATION);
    const noD = { ...pair.privateKey, d: undefined };
    expect((await failure(openContent(sealed, noD, APPLICATION))).code).toBe('malformed');
    expect((await failure(openContent(sealed, { ...pair.privateKey, crv: 'P-384' }, APPLICATION))).code).toBe('malformed');
  });
});

describe('sealed attachments', () => {
  const photo = new Uint8Array(300 * 1024).map((_, i) => (i * 31) & 0xff);

  it('open to the same bytes; sealing adds the 65-byte enc and a 16-byte tag', async () => {
    const pair = await keyPair();
    const sealed = await sealBytes(photo, sealingKeyOf(pair), APPLICATION, 'photo-1');
    expect(sealed.enc.length).toBe(65);
    expect(sealed.ciphertext.length).toBe(photo.length + 16);
    expect(Buffer.from(await openBytes(sealed, pair.privateKey, APPLICATION, 'photo-1')).equals(Buffer.from(photo))).toBe(true);
  });

  it('are bound to their application and attachment id, and to the application envelope kind', async () => {
    const pair = await keyPair();
    const sealed = await sealBytes(photo.subarray(0, 1000), sealingKeyOf(pair), APPLICATION, 'photo-1');
    expect((await failure(openBytes(sealed, pair.privateKey, APPLICATION, 'photo-2'))).code).toBe('tampered');
    expect((await failure(openBytes(sealed, pair.privateKey, OTHER_APPLICATION, 'photo-1'))).code).toBe('tampered');
    const asContent: SealedPayload = { encoding: 'hpke', keyId: sealed.keyId, enc: encodeBase64Url(sealed.enc), ciphertext: encodeBase64Url(sealed.ciphertext) };
    expect((await failure(openContent(asContent, pair.privateKey, APPLICATION))).code).toBe('tampered');
  });
});
