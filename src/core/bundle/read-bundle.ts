/**
 * Reads and checks a bundle before anything of it is used: header, manifest, signer,
 * signature, then every item's checksum. The answer is either every item, ready to queue,
 * or the one reason the whole file is refused — never part of it.
 */
import { encodeBase64Url } from '../crypto/base64url.ts';
import { platformDigest } from '../crypto/suite.ts';
import { sha256HexWith } from '../attachments/digest.ts';
import type { JsonWebKeyLike, SealedPayload, SubmissionRequest } from '../sync/protocol.ts';
import type { OutboxAttachment } from '../outbox/types.ts';
import { checkManifest } from './check-manifest.ts';
import { ENC_BYTES, splitBundle, type BundleProblem, type BundleSigner } from './format.ts';
import type { TerminalKey, TerminalKeyList } from './terminal-keys.ts';

type Bytes = Uint8Array<ArrayBuffer>;

/** The part of SubtleCrypto reading a bundle needs; browsers and Node both provide it. */
export interface BundleSubtle {
  digest(algorithm: 'SHA-256', data: Bytes): Promise<ArrayBuffer>;
  importKey(format: 'jwk', keyData: JsonWebKeyLike, algorithm: { name: 'ECDSA'; namedCurve: 'P-256' }, extractable: false, usages: ['verify']): Promise<unknown>;
  verify(algorithm: { name: 'ECDSA'; hash: 'SHA-256' }, key: never, signature: Bytes, data: Bytes): Promise<boolean>;
}

export interface BundleEntry {
  id: string;
  request: SubmissionRequest & { payload: SealedPayload };
  queuedAt: number;
  trackingCode: string;
  attachments: OutboxAttachment[];
}

export interface OpenedBundle {
  bundleId: string;
  createdAt: string;
  signer: BundleSigner & { label: string };
  entries: BundleEntry[];
}

export type ReadBundleResult = { ok: true; bundle: OpenedBundle } | { ok: false; problem: BundleProblem };

/** Who may have signed: the signer must be a terminal of this relay, with this very key. */
function signerKey(signer: BundleSigner, keys: TerminalKeyList | null): TerminalKey | BundleProblem {
  if (!keys || (signer.relayId !== null && signer.relayId !== keys.relayId)) return 'foreign';
  const key = keys.terminals.find((t) => t.terminalId === signer.terminalId && t.keyId === signer.keyId);
  if (!key) return 'foreign';
  return key.revoked ? 'revoked' : key;
}

async function verifies(key: TerminalKey, signature: Uint8Array, manifest: Uint8Array, subtle: BundleSubtle): Promise<boolean> {
  try {
    const imported = await subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: key.publicKey.x, y: key.publicKey.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    return await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, imported as never, new Uint8Array(signature), new Uint8Array(manifest));
  } catch {
    return false; // a key that does not import verifies nothing
  }
}

export async function readBundle(bytes: Uint8Array, keys: TerminalKeyList | null, subtle: BundleSubtle = platformDigest() as BundleSubtle): Promise<ReadBundleResult> {
  const fail = (problem: BundleProblem): ReadBundleResult => ({ ok: false, problem });
  const sections = splitBundle(bytes);
  if (!sections.ok) return fail(sections.problem);
  const checked = checkManifest(sections.manifest);
  if (!checked.ok) return fail(checked.problem);
  const { manifest } = checked;
  if (sections.body.byteLength < manifest.bodyLength) return fail('truncated');
  if (sections.body.byteLength > manifest.bodyLength) return fail('corrupt');
  const key = signerKey(manifest.signer, keys);
  if (typeof key === 'string') return fail(key);
  if (!(await verifies(key, sections.signature, sections.manifest, subtle))) return fail('tampered');
  // The signature covers the manifest, the manifest every checksum: a changed byte shows here.
  const parts = manifest.items.flatMap((item) => [item.payload, ...item.attachments]);
  const slices = parts.map((part) => sections.body.slice(part.offset, part.offset + part.length));
  const digests = await Promise.all(slices.map((slice) => sha256HexWith(subtle, slice))); // in parallel, as when written
  if (parts.some((part, i) => digests[i] !== part.sha256)) return fail('corrupt');
  let next = 0;
  const entries: BundleEntry[] = manifest.items.map((item) => {
    const sealed = slices[next++]!;
    const attachments: OutboxAttachment[] = item.attachments.map((a) => ({ id: a.id, sealed: slices[next++]! }));
    const payload: SealedPayload = { encoding: 'hpke', keyId: item.payload.keyId, enc: encodeBase64Url(sealed.subarray(0, ENC_BYTES)), ciphertext: encodeBase64Url(sealed.subarray(ENC_BYTES)) };
    return { id: item.id, request: { ...item.request, payload }, queuedAt: item.queuedAt, trackingCode: item.trackingCode, attachments };
  });
  return { ok: true, bundle: { bundleId: manifest.bundleId, createdAt: manifest.createdAt, signer: { ...manifest.signer, label: key.label }, entries } };
}
