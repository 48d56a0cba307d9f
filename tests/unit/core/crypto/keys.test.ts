import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSealingKeyPair, KEY_ID_PATTERN, keyIdFor, publicJwk, sealingKeyOf } from '../../../../src/core/crypto/keys.ts';
import { EnvelopeError } from '../../../../src/core/crypto/envelope-error.ts';

describe('sealing key pairs', () => {
  it('are P-256 JWKs whose public half carries no private member', async () => {
    const pair = await generateSealingKeyPair();
    expect(pair.keyId).toMatch(KEY_ID_PATTERN);
    expect(Object.keys(pair.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(pair.privateKey).toMatchObject({ ...pair.publicKey, d: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(sealingKeyOf(pair)).toEqual({ keyId: pair.keyId, publicKey: pair.publicKey });
    // WebCrypto itself accepts both halves
    await webcrypto.subtle.importKey('jwk', pair.privateKey as webcrypto.JsonWebKey, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  });

  it('the key id is SHA-256 of x ‖ y, stable, whatever else the JWK holds', async () => {
    const pair = await generateSealingKeyPair();
    const xy = Buffer.concat([Buffer.from(pair.publicKey.x as string, 'base64url'), Buffer.from(pair.publicKey.y as string, 'base64url')]);
    expect(pair.keyId).toBe(`k-${createHash('sha256').update(xy).digest('hex').slice(0, 12)}`);
    expect(await keyIdFor(pair.privateKey)).toBe(pair.keyId);
    expect(await keyIdFor({ ...pair.publicKey, key_ops: [], ext: true })).toBe(pair.keyId);
    expect((await generateSealingKeyPair()).keyId).not.toBe(pair.keyId);
  });

  it('publicJwk drops everything private or extra, and refuses other curves', async () => {
    const pair = await generateSealingKeyPair();
    expect(publicJwk({ ...pair.privateKey, key_ops: ['deriveBits'] })).toEqual(pair.publicKey);
    expect(() => publicJwk({ ...pair.publicKey, crv: 'P-521' })).toThrow(EnvelopeError);
    expect(() => publicJwk({ ...pair.publicKey, x: 'short' })).toThrow(EnvelopeError);
  });
});
