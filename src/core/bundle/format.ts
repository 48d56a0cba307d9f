/**
 * The bundle container: a terminal's queued (sealed) applications in one file, to carry
 * them to another terminal by hand (USB stick, download, animated QR codes).
 *
 * Layout (integers little-endian):
 *   bytes 0–3    "RLB" and the format version as an ASCII digit: "RLB1"
 *   bytes 4–7    manifest length M
 *   bytes 8–11   signature length S (64)
 *   M bytes      manifest, UTF-8 JSON (BundleManifest)
 *   S bytes      ECDSA P-256 / SHA-256 signature of the M manifest bytes, r ‖ s (WebCrypto's form)
 *   the rest     the sealed bytes, back to back at the offsets the manifest gives; its
 *                length is the manifest's bodyLength
 *
 * The manifest names every item's bytes with their SHA-256, so the one signature covers
 * the whole file.
 */
import type { OutboxRequest } from '../outbox/types.ts';

export const BUNDLE_MAGIC = 'RLB';
export const BUNDLE_VERSION = 1;
export const BUNDLE_FORMAT = 'relais-bundle';
export const HEADER_BYTES = 12;
export const SIGNATURE_BYTES = 64;
/** The file extension and media type a download gets. */
export const BUNDLE_EXTENSION = '.relais';
export const BUNDLE_MEDIA_TYPE = 'application/vnd.relais.bundle';

/** Larger files are refused before they are read (a kiosk has little memory). */
export const MAX_BUNDLE_BYTES = 128 * 1024 * 1024;
export const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
export const MAX_BUNDLE_ITEMS = 5_000;
/** `enc` of DHKEM(P-256): an uncompressed point, before the ciphertext in a sealed payload's bytes. */
export const ENC_BYTES = 65;

/** Why a file is refused; the kiosk turns each into a localized message that says what to do. */
export type BundleProblem =
  | 'not-a-bundle' // not a Relais bundle at all
  | 'unsupported-version' // a bundle of a format this kiosk does not read
  | 'truncated' // cut short (a copy that did not finish)
  | 'corrupt' // damaged: a checksum does not match, or the manifest does not make sense
  | 'tampered' // the signature does not match the manifest
  | 'foreign' // signed by a key this terminal does not know as one of its relay's terminals
  | 'revoked' // signed by a terminal a supervisor revoked
  | 'too-large'; // more than this kiosk takes

/** Where a run of bytes lies in the body, and its SHA-256 (lower-case hex). */
export interface BodyPart {
  offset: number;
  length: number;
  sha256: string;
}

export interface ManifestItem {
  /** The application's UUID: its Idempotency-Key, kept as it is by every terminal it passes. */
  id: string;
  /** The request as its terminal made it (the payload aside), member for member: the server's idempotency compares it. */
  request: Omit<OutboxRequest, 'payload'>;
  queuedAt: number; // epoch ms, on the terminal that made it
  trackingCode: string;
  /** The sealed answers: `enc ‖ ciphertext` of the HPKE envelope sealed to key `keyId`. */
  payload: BodyPart & { keyId: string };
  /** Each photo or signature, sealed on its own (`enc ‖ ciphertext`). */
  attachments: Array<BodyPart & { id: string }>;
}

export interface BundleSigner {
  terminalId: string;
  relayId: string | null; // null when the terminal did not know its relay (never enrolled)
  keyId: string; // keyIdFor of its signing key
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  version: number;
  bundleId: string; // UUID
  createdAt: string; // ISO 8601
  signer: BundleSigner;
  bodyLength: number;
  items: ManifestItem[];
}

/** The file: header, manifest, signature, body. */
export function assembleBundle(manifest: Uint8Array, signature: Uint8Array, body: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const bodyLength = body.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(HEADER_BYTES + manifest.byteLength + signature.byteLength + bodyLength);
  out.set(new TextEncoder().encode(`${BUNDLE_MAGIC}${BUNDLE_VERSION}`), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, manifest.byteLength, true);
  view.setUint32(8, signature.byteLength, true);
  out.set(manifest, HEADER_BYTES);
  out.set(signature, HEADER_BYTES + manifest.byteLength);
  let at = HEADER_BYTES + manifest.byteLength + signature.byteLength;
  for (const part of body) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

export type Sections = { ok: true; manifest: Uint8Array; signature: Uint8Array; body: Uint8Array } | { ok: false; problem: BundleProblem };

const MAGIC = [...BUNDLE_MAGIC].map((c) => c.charCodeAt(0));
const ASCII_DIGIT = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;

/** Splits a file into its sections, checking only the header and the lengths. */
export function splitBundle(bytes: Uint8Array): Sections {
  const fail = (problem: BundleProblem): Sections => ({ ok: false, problem });
  const prefix = bytes.subarray(0, MAGIC.length);
  if (bytes.byteLength === 0 || !prefix.every((b, i) => b === MAGIC[i])) return fail('not-a-bundle');
  if (bytes.byteLength > MAGIC.length) {
    if (!ASCII_DIGIT(bytes[3])) return fail('not-a-bundle');
    if (bytes[3] !== 0x30 + BUNDLE_VERSION) return fail('unsupported-version');
  }
  // Only the start of a bundle: a copy that stopped early.
  if (bytes.byteLength < HEADER_BYTES) return fail('truncated');
  if (bytes.byteLength > MAX_BUNDLE_BYTES) return fail('too-large');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const manifestLength = view.getUint32(4, true);
  const signatureLength = view.getUint32(8, true);
  if (manifestLength > MAX_MANIFEST_BYTES) return fail('too-large');
  if (signatureLength !== SIGNATURE_BYTES) return fail('corrupt');
  const bodyStart = HEADER_BYTES + manifestLength + signatureLength;
  if (bodyStart > bytes.byteLength) return fail('truncated');
  return {
    ok: true,
    manifest: bytes.subarray(HEADER_BYTES, HEADER_BYTES + manifestLength),
    signature: bytes.subarray(HEADER_BYTES + manifestLength, bodyStart),
    body: bytes.subarray(bodyStart),
  };
}
