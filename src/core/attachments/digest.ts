/**
 * The reference a photo or signature carries in the sealed answers: its id, field, type,
 * size and SHA-256. Apart from sealing (seal.ts) so the form can make it without loading
 * the HPKE code, which stays out of the start-up JavaScript.
 */
import type { AttachmentMediaType, AttachmentRef } from '../sync/protocol.ts';

/** The part of SubtleCrypto a digest needs (browsers and Node both have it). */
export interface Sha256Digest {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

export async function sha256HexWith(subtle: Sha256Digest, bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function attachmentRefWith(subtle: Sha256Digest, id: string, field: string, mediaType: AttachmentMediaType, bytes: Uint8Array): Promise<AttachmentRef> {
  return { id, field, mediaType, size: bytes.length, sha256: await sha256HexWith(subtle, bytes) };
}
