/**
 * Sealing key pairs as JWKs (P-256). The key id names a key in envelopes and files:
 * 'k-' and the first 12 hex digits of SHA-256(x ‖ y), the raw coordinates, so it is the
 * same wherever it is computed and says nothing but which key.
 */
import type { JsonWebKeyLike, SealingKey } from '../sync/protocol.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { EnvelopeError } from './envelope-error.ts';
import { hpke, platformDigest, type CryptoKeyLike, type CryptoKeyPairLike, type DigestLike } from './suite.ts';

export interface SealingKeyPair {
  keyId: string;
  publicKey: JsonWebKeyLike; // { kty, crv, x, y }
  privateKey: JsonWebKeyLike; // { kty, crv, x, y, d }
}

export const KEY_ID_PATTERN = /^k-[0-9a-f]{12}$/;
const COORDINATE_BYTES = 32;

function coordinate(jwk: JsonWebKeyLike, name: 'x' | 'y' | 'd'): Uint8Array<ArrayBuffer> {
  const value = jwk[name];
  let bytes: Uint8Array<ArrayBuffer> | null = null;
  try {
    if (typeof value === 'string') bytes = decodeBase64Url(value);
  } catch {
    bytes = null;
  }
  if (!bytes || bytes.length !== COORDINATE_BYTES) throw new EnvelopeError('malformed', `the key's ${name} is not a P-256 coordinate`);
  return bytes;
}

function checkCurve(jwk: JsonWebKeyLike): void {
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new EnvelopeError('malformed', 'the key is not an EC P-256 JWK');
}

/** The public members only, whatever else the JWK carried (d, key_ops, ext…). */
export function publicJwk(jwk: JsonWebKeyLike): JsonWebKeyLike {
  checkCurve(jwk);
  return { kty: 'EC', crv: 'P-256', x: encodeBase64Url(coordinate(jwk, 'x')), y: encodeBase64Url(coordinate(jwk, 'y')) };
}

export async function keyIdFor(publicKey: JsonWebKeyLike, subtle: DigestLike = platformDigest()): Promise<string> {
  checkCurve(publicKey);
  const point = new Uint8Array(2 * COORDINATE_BYTES);
  point.set(coordinate(publicKey, 'x'), 0);
  point.set(coordinate(publicKey, 'y'), COORDINATE_BYTES);
  const hash = new Uint8Array(await subtle.digest('SHA-256', point));
  return `k-${[...hash.slice(0, 6)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** JWKs of a key pair @hpke/core made or derived (it exports raw bytes, not JWK). */
export async function jwkPair(pair: CryptoKeyPairLike): Promise<{ publicKey: JsonWebKeyLike; privateKey: JsonWebKeyLike }> {
  const point = new Uint8Array(await hpke.kem.serializePublicKey(pair.publicKey));
  const d = new Uint8Array(await hpke.kem.serializePrivateKey(pair.privateKey));
  const publicKey = { kty: 'EC', crv: 'P-256', x: encodeBase64Url(point.slice(1, 33)), y: encodeBase64Url(point.slice(33, 65)) };
  return { publicKey, privateKey: { ...publicKey, d: encodeBase64Url(d) } };
}

export async function generateSealingKeyPair(subtle: DigestLike = platformDigest()): Promise<SealingKeyPair> {
  const { publicKey, privateKey } = await jwkPair(await hpke.kem.generateKeyPair());
  return { keyId: await keyIdFor(publicKey, subtle), publicKey, privateKey };
}

/** What a kiosk needs to seal to this pair (the catalog's `sealing`). */
export const sealingKeyOf = (pair: SealingKeyPair): SealingKey => ({ keyId: pair.keyId, publicKey: publicJwk(pair.publicKey) });

export async function importPublicKey(jwk: JsonWebKeyLike): Promise<CryptoKeyLike> {
  const clean = publicJwk(jwk);
  try {
    return await hpke.kem.importKey('jwk', clean, true);
  } catch (error) {
    throw new EnvelopeError('malformed', 'the public key is not a point on P-256', { cause: error });
  }
}

export async function importPrivateKey(jwk: JsonWebKeyLike): Promise<CryptoKeyPairLike> {
  const clean = publicJwk(jwk);
  const d = encodeBase64Url(coordinate(jwk, 'd'));
  try {
    return {
      publicKey: await hpke.kem.importKey('jwk', clean, true),
      privateKey: await hpke.kem.importKey('jwk', { ...clean, d }, false),
    };
  } catch (error) {
    throw new EnvelopeError('malformed', 'the private key is not a P-256 key pair', { cause: error });
  }
}
