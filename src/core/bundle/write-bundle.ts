/**
 * Writes a bundle of outbox items (format.ts): only what the outbox holds for them, that
 * is ciphertext and the metadata the sync needs. The terminal signs the manifest with its
 * own key through `sign`, so core never touches the private key.
 */
import { decodeBase64Url } from '../crypto/base64url.ts';
import { platformDigest, type DigestLike } from '../crypto/suite.ts';
import { sha256HexWith } from '../attachments/digest.ts';
import type { SealedPayload } from '../sync/protocol.ts';
import type { OutboxItem } from '../outbox/types.ts';
import { assembleBundle, BUNDLE_FORMAT, BUNDLE_VERSION, ENC_BYTES, type BodyPart, type BundleManifest, type BundleSigner, type ManifestItem } from './format.ts';

/** An item a bundle can carry: still to deliver, with its answers sealed. */
export type BundleableItem = OutboxItem & { request: { payload: SealedPayload } };

export function isBundleable(item: OutboxItem): item is BundleableItem {
  return (item.status === 'queued' || item.status === 'sending') && item.request.payload?.encoding === 'hpke';
}

/** The sealed payload as bytes: `enc ‖ ciphertext` (the key id goes in the manifest). */
export function payloadBytes(payload: SealedPayload): Uint8Array<ArrayBuffer> {
  const enc = decodeBase64Url(payload.enc);
  const ciphertext = decodeBase64Url(payload.ciphertext);
  if (enc.length !== ENC_BYTES) throw new RangeError(`a sealed payload's enc is ${enc.length} bytes, not ${ENC_BYTES}`);
  const out = new Uint8Array(enc.length + ciphertext.length);
  out.set(enc, 0);
  out.set(ciphertext, enc.length);
  return out;
}

export interface BundleHeader {
  bundleId: string;
  createdAt: string;
  signer: BundleSigner;
}

/** Signs the manifest bytes: ECDSA P-256 / SHA-256, the 64-byte r ‖ s WebCrypto returns. */
export type SignManifest = (manifest: Uint8Array<ArrayBuffer>) => Promise<ArrayBuffer | Uint8Array>;

export async function writeBundle(header: BundleHeader, items: readonly BundleableItem[], sign: SignManifest, subtle: DigestLike = platformDigest()): Promise<Uint8Array<ArrayBuffer>> {
  const body: Uint8Array[] = [];
  const parts: BodyPart[] = [];
  let offset = 0;
  const place = (bytes: Uint8Array): BodyPart => {
    const part = { offset, length: bytes.byteLength, sha256: '' }; // digests below, all at once
    body.push(bytes);
    parts.push(part);
    offset += bytes.byteLength;
    return part;
  };
  const entries: ManifestItem[] = items.map((item) => {
    const { payload, ...request } = item.request;
    const sealed = place(payloadBytes(payload));
    const attachments = (item.attachments ?? []).map((a) => Object.assign(place(a.sealed), { id: a.id }));
    return { id: item.id, request, queuedAt: item.queuedAt, trackingCode: item.trackingCode, payload: Object.assign(sealed, { keyId: payload.keyId }), attachments };
  });
  // In parallel: one digest each is a round trip to the crypto thread (measured: bench/bundle.ts).
  const digests = await Promise.all(body.map((bytes) => sha256HexWith(subtle, bytes)));
  parts.forEach((part, i) => (part.sha256 = digests[i]!));
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    bundleId: header.bundleId,
    createdAt: header.createdAt,
    signer: header.signer,
    bodyLength: offset,
    items: entries,
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest));
  const signature = new Uint8Array(await sign(manifestBytes));
  return assembleBundle(manifestBytes, signature, body);
}
