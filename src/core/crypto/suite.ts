/**
 * The one HPKE suite Relais uses (RFC 9180 base mode; DESIGN §5): DHKEM(P-256,
 * HKDF-SHA256), HKDF-SHA256, AES-128-GCM, from @hpke/core over WebCrypto, which Node
 * (globalThis.crypto, Node ≥ 19) and every browser provide.
 *
 * @hpke/core's types name DOM types (CryptoKey, JsonWebKey) that core's tsconfig does not
 * have, so the rest of crypto/ talks to it only through the minimal shapes below.
 */
import { Aes128Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';

/** The parts of a WebCrypto CryptoKey we look at. */
export interface CryptoKeyLike {
  readonly type: string;
  readonly algorithm: unknown;
}
export interface CryptoKeyPairLike {
  publicKey: CryptoKeyLike;
  privateKey: CryptoKeyLike;
}

/** What core needs from SubtleCrypto besides HPKE itself (key ids). */
export interface DigestLike {
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

type Bytes = Uint8Array<ArrayBuffer>;

export interface KemLike {
  readonly encSize: number;
  importKey(format: 'jwk', key: object, isPublic: boolean): Promise<CryptoKeyLike>;
  generateKeyPair(): Promise<CryptoKeyPairLike>;
  deriveKeyPair(ikm: Bytes): Promise<CryptoKeyPairLike>;
  /** The uncompressed point, 0x04 ‖ x ‖ y (65 bytes). */
  serializePublicKey(key: CryptoKeyLike): Promise<ArrayBuffer>;
  /** The scalar d (32 bytes). */
  serializePrivateKey(key: CryptoKeyLike): Promise<ArrayBuffer>;
}

export interface SuiteLike {
  readonly kem: KemLike;
  seal(params: { recipientPublicKey: CryptoKeyLike; info: Bytes; ekm?: Bytes | CryptoKeyPairLike }, pt: Bytes, aad: Bytes): Promise<{ enc: ArrayBuffer; ct: ArrayBuffer }>;
  open(params: { recipientKey: CryptoKeyLike | CryptoKeyPairLike; enc: Bytes; info: Bytes }, ct: Bytes, aad: Bytes): Promise<ArrayBuffer>;
}

/** The suite with @hpke/core's own types, for tests that drive it (RFC 9180 vectors). */
export const cipherSuite = new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes128Gcm() });

export const hpke = cipherSuite as unknown as SuiteLike;

/** The SubtleCrypto @hpke/core itself uses; callers may pass their own instead. */
export function platformDigest(): DigestLike {
  const subtle = (globalThis as { crypto?: { subtle?: DigestLike } }).crypto?.subtle;
  if (!subtle) throw new Error('WebCrypto (globalThis.crypto.subtle) is not available');
  return subtle;
}

export const utf8 = (text: string): Bytes => new TextEncoder().encode(text);
