/**
 * Sealing one attachment for the outbox, and opening it on the server. The sealed form is
 * one byte string, `enc ‖ ciphertext`, so it can be uploaded in chunks and resumed; the
 * key id travels in the application's payload (same key), and the associated data binds
 * the application id and the attachment id (core/crypto attachmentAad).
 */
import { openBytes, sealBytes, type OpeningKey } from '../crypto/envelope.ts';
import { EnvelopeError } from '../crypto/envelope-error.ts';
import { attachmentRefWith, sha256HexWith, type Sha256Digest } from './digest.ts';
import { hpke, platformDigest, type DigestLike } from '../crypto/suite.ts';
import type { AttachmentMediaType, AttachmentRef, SealingKey } from '../sync/protocol.ts';

export async function sha256Hex(bytes: Uint8Array, subtle: DigestLike = platformDigest()): Promise<string> {
  return sha256HexWith(subtle as Sha256Digest, bytes);
}

/** The reference the sealed answers carry for an image (digest.ts makes it without HPKE). */
export async function attachmentRef(id: string, field: string, mediaType: AttachmentMediaType, bytes: Uint8Array, subtle: DigestLike = platformDigest()): Promise<AttachmentRef> {
  return attachmentRefWith(subtle as Sha256Digest, id, field, mediaType, bytes);
}

export async function sealAttachment(bytes: Uint8Array, key: SealingKey, applicationId: string, attachmentId: string): Promise<Uint8Array<ArrayBuffer>> {
  const sealed = await sealBytes(bytes, key, applicationId, attachmentId);
  const out = new Uint8Array(sealed.enc.length + sealed.ciphertext.length);
  out.set(sealed.enc, 0);
  out.set(sealed.ciphertext, sealed.enc.length);
  return out;
}

/** Throws EnvelopeError when the bytes do not open (tampered, another application or attachment, wrong key). */
export async function openAttachment(
  sealed: Uint8Array,
  keyId: string,
  privateKey: OpeningKey,
  applicationId: string,
  attachmentId: string,
  subtle?: DigestLike,
): Promise<Uint8Array> {
  const encSize = hpke.kem.encSize;
  if (sealed.length < encSize + 16) throw new EnvelopeError('malformed', 'the sealed attachment is too short');
  return openBytes({ keyId, enc: sealed.subarray(0, encSize), ciphertext: sealed.subarray(encSize) }, privateKey, applicationId, attachmentId, subtle);
}
