import { describe, expect, it } from 'vitest';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { attachmentRef, openAttachment, sealAttachment, sha256Hex } from '../../../../src/core/attachments/seal.ts';
import { generateSealingKeyPair, sealingKeyOf } from '../../../../src/core/crypto/keys.ts';
import { EnvelopeError } from '../../../../src/core/crypto/envelope-error.ts';
import { SEALED_ATTACHMENT_OVERHEAD } from '../../../../src/core/sync/protocol.ts';

describe('attachment sealing', async () => {
  const pair = await generateSealingKeyPair();
  const other = await generateSealingKeyPair();
  const key = sealingKeyOf(pair);
  const image = new Uint8Array(randomBytes(50_000));
  const app = randomUUID();
  const att = randomUUID();

  it('round-trips: the opened bytes are the image, and sealing adds exactly enc and the tag', async () => {
    const sealed = await sealAttachment(image, key, app, att);
    expect(sealed.length).toBe(image.length + SEALED_ATTACHMENT_OVERHEAD);
    const opened = await openAttachment(sealed, pair.keyId, pair.privateKey, app, att);
    expect(Buffer.from(opened).equals(Buffer.from(image))).toBe(true);
  });

  it('never holds the image in clear, and two sealings of one image differ', async () => {
    const a = await sealAttachment(image, key, app, att);
    const b = await sealAttachment(image, key, app, att);
    expect(Buffer.from(a).includes(Buffer.from(image.subarray(0, 32)))).toBe(false);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  const fails = async (promise: Promise<unknown>, code: string) => {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvelopeError);
    expect((error as EnvelopeError).code).toBe(code);
  };

  it('refuses tampered bytes (in enc, in the ciphertext, in the tag) and a truncated upload', async () => {
    const sealed = await sealAttachment(image, key, app, att);
    for (const at of [3, 100, sealed.length - 1]) {
      const bad = new Uint8Array(sealed);
      bad[at]! ^= 0x01;
      await fails(openAttachment(bad, pair.keyId, pair.privateKey, app, att), 'tampered');
    }
    await fails(openAttachment(sealed.subarray(0, sealed.length - 10), pair.keyId, pair.privateKey, app, att), 'tampered');
    await fails(openAttachment(sealed.subarray(0, 40), pair.keyId, pair.privateKey, app, att), 'malformed');
  });

  it('refuses the bytes under another application or attachment id (wrong associated data), or another key', async () => {
    const sealed = await sealAttachment(image, key, app, att);
    await fails(openAttachment(sealed, pair.keyId, pair.privateKey, randomUUID(), att), 'tampered');
    await fails(openAttachment(sealed, pair.keyId, pair.privateKey, app, randomUUID()), 'tampered');
    await fails(openAttachment(sealed, pair.keyId, other.privateKey, app, att), 'wrong-key');
  });

  it('references an image by id, field, type, size and SHA-256 of the plaintext', async () => {
    const ref = await attachmentRef(att, 'cniePhoto', 'image/jpeg', image);
    expect(ref).toEqual({ id: att, field: 'cniePhoto', mediaType: 'image/jpeg', size: 50_000, sha256: createHash('sha256').update(image).digest('hex') });
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
