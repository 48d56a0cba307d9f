/**
 * WebAuthn for agents and supervisors, checked on the terminal itself (DESIGN §5: "WebAuthn
 * where the hardware has it"). The terminal is both the relying party and the client: it
 * registers a credential after a PIN sign-in, keeps the public key in its own store, and
 * later verifies assertions offline, following the steps of WebAuthn Level 3 §7.2:
 *
 *   clientDataJSON: type "webauthn.get", our challenge, our origin, not cross-origin;
 *   authenticatorData: rpIdHash = SHA-256(rp id), flags UP and UV, a signature counter that
 *     moves forward (a cloned authenticator or a replayed assertion shows up there);
 *   signature: ECDSA P-256 / SHA-256 (COSE -7, "ES256") over authenticatorData ‖
 *     SHA-256(clientDataJSON), sent as an ASN.1 DER Ecdsa-Sig-Value, which WebCrypto wants as
 *     the raw 64-byte r ‖ s.
 *
 * Only ES256 is accepted: every platform authenticator offers it, and one algorithm keeps
 * the verifier small. Pure: the caller passes the bytes and a SubtleCrypto-shaped object.
 */
import { decodeBase64Url } from '../crypto/base64url.ts';
import type { StaffMember } from './staff.ts';

export const ES256 = -7;
const P256_FIELD_BYTES = 32;

type Bytes = Uint8Array<ArrayBuffer>;

/** What the terminal keeps per member (meta store, key `webauthn:<staffId>`); bytes as base64url. */
export interface StoredCredential {
  credentialId: string;
  staffId: string;
  /** The random user.id given to the authenticator, mapped to the staff id here only. */
  userHandle: string;
  /** SubjectPublicKeyInfo (DER), from AuthenticatorAttestationResponse.getPublicKey(). */
  publicKey: string;
  algorithm: number;
  signCount: number;
  createdAt: string; // ISO 8601
  /**
   * The salt of the member's PIN record when the credential was registered. The relay
   * re-hashes a PIN with a new salt whenever it re-adds a member (new PIN, id given to
   * someone else): that revokes the member's fingerprints and keys on every terminal too.
   */
  pinSalt: string;
}

/** The credential belongs to this member of the current relay configuration, as registered. */
export function credentialMatchesMember(credential: StoredCredential, member: StaffMember): boolean {
  return credential.staffId === member.id && credential.pinSalt === member.pin.salt;
}

/** The part of SubtleCrypto the checks need; browsers and Node both provide it. */
export interface WebAuthnSubtle {
  digest(algorithm: 'SHA-256', data: Bytes): Promise<ArrayBuffer>;
  importKey(format: 'spki', keyData: Bytes, algorithm: { name: 'ECDSA'; namedCurve: 'P-256' }, extractable: false, usages: ['verify']): Promise<unknown>;
  verify(algorithm: { name: 'ECDSA'; hash: 'SHA-256' }, key: never, signature: Bytes, data: Bytes): Promise<boolean>;
}

/** Why an assertion or a registration was refused: one reason per check, for logs and tests. */
export type WebAuthnFailure =
  | 'unknown-credential' // not the credential this member registered here
  | 'wrong-user' // the authenticator answered for another user handle
  | 'unsupported-algorithm' // the stored key is not ES256
  | 'bad-public-key' // the stored key is not a P-256 SubjectPublicKeyInfo
  | 'malformed-client-data' // not UTF-8 JSON with the three string members
  | 'wrong-type' // "webauthn.create" where "webauthn.get" was due, or the reverse
  | 'wrong-challenge' // not the challenge this attempt sent (a replay, or another attempt)
  | 'wrong-origin' // made for another site
  | 'cross-origin' // made inside a frame of another site
  | 'malformed-authenticator-data'
  | 'wrong-rp' // rpIdHash is not SHA-256 of our rp id
  | 'user-not-present' // flag UP missing
  | 'user-not-verified' // flag UV missing: no fingerprint, face or authenticator PIN
  | 'malformed-signature' // not a strict DER Ecdsa-Sig-Value for P-256
  | 'bad-signature' // the signature does not hold: tampered data, or another key
  | 'sign-count'; // the counter did not move forward: a clone or a replay

export type WebAuthnCheck<T> = { ok: true; value: T } | { ok: false; reason: WebAuthnFailure };

export interface ExpectedCeremony {
  challenge: Uint8Array;
  origin: string;
  rpId: string;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;
const FLAG_ED = 0x80;
const HEADER_BYTES = 37; // rpIdHash 32, flags 1, signCount 4

export interface AuthenticatorData {
  rpIdHash: Uint8Array;
  flags: number;
  userPresent: boolean;
  userVerified: boolean;
  signCount: number;
  /** Present when the AT flag is set (registration). */
  attestedCredentialId?: Uint8Array;
}

class Refusal extends Error {
  constructor(readonly reason: WebAuthnFailure) {
    super(reason);
  }
}
const refuse = (reason: WebAuthnFailure): never => {
  throw new Refusal(reason);
};

/** Parses the fixed part of authenticatorData (WebAuthn §6.1) and, with AT, the credential id. */
export function parseAuthenticatorData(bytes: Uint8Array): AuthenticatorData {
  if (bytes.length < HEADER_BYTES) throw new RangeError('authenticatorData is shorter than 37 bytes');
  const flags = bytes[32]!;
  const signCount = ((bytes[33]! << 24) >>> 0) + (bytes[34]! << 16) + (bytes[35]! << 8) + bytes[36]!;
  const data: AuthenticatorData = {
    rpIdHash: bytes.slice(0, 32),
    flags,
    userPresent: (flags & FLAG_UP) !== 0,
    userVerified: (flags & FLAG_UV) !== 0,
    signCount,
  };
  if (flags & FLAG_AT) {
    // aaguid (16) ‖ credentialIdLength (2, big-endian) ‖ credentialId ‖ COSE key (CBOR, not read here)
    const at = HEADER_BYTES + 16;
    if (bytes.length < at + 2) throw new RangeError('attested credential data is truncated');
    const idLength = (bytes[at]! << 8) | bytes[at + 1]!;
    if (idLength === 0 || idLength > 1023 || bytes.length <= at + 2 + idLength) throw new RangeError('attested credential id has an impossible length');
    data.attestedCredentialId = bytes.slice(at + 2, at + 2 + idLength);
  } else if (!(flags & FLAG_ED) && bytes.length !== HEADER_BYTES) {
    throw new RangeError('authenticatorData has trailing bytes but no AT or ED flag');
  } else if (flags & FLAG_ED && bytes.length === HEADER_BYTES) {
    throw new RangeError('authenticatorData has the ED flag but no extensions');
  }
  return data;
}

export interface ClientData {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin?: boolean;
}

/** Parses clientDataJSON (WebAuthn §5.8.1): UTF-8 JSON with string type, challenge and origin. */
export function parseClientData(bytes: Uint8Array): ClientData {
  const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const c = value as Partial<ClientData> | null;
  if (!c || typeof c !== 'object' || typeof c.type !== 'string' || typeof c.challenge !== 'string' || typeof c.origin !== 'string') {
    throw new TypeError('clientDataJSON lacks type, challenge or origin');
  }
  if (c.crossOrigin !== undefined && typeof c.crossOrigin !== 'boolean') throw new TypeError('clientDataJSON crossOrigin is not a boolean');
  return c as ClientData;
}

/**
 * A DER Ecdsa-Sig-Value (SEQUENCE { r INTEGER, s INTEGER }) to the fixed-size r ‖ s that
 * WebCrypto verifies. Strict DER: short-form lengths, minimal positive integers, nothing
 * after the sequence; each integer at most `size` bytes once its sign byte is dropped.
 */
export function derToRawSignature(der: Uint8Array, size = P256_FIELD_BYTES): Bytes {
  const fail = (why: string): never => {
    throw new RangeError(`ECDSA signature: ${why}`);
  };
  if (der.length < 8 || der[0] !== 0x30) fail('not a DER SEQUENCE');
  if (der[1]! >= 0x80 || der[1] !== der.length - 2) fail('wrong SEQUENCE length');
  const out = new Uint8Array(2 * size);
  let at = 2;
  for (let part = 0; part < 2; part++) {
    if (at + 2 > der.length || der[at] !== 0x02) fail('expected an INTEGER');
    const length = der[at + 1]!;
    at += 2;
    if (length === 0 || length >= 0x80 || at + length > der.length) fail('wrong INTEGER length');
    let value = der.subarray(at, at + length);
    if (value[0]! & 0x80) fail('negative INTEGER');
    if (value.length > 1 && value[0] === 0 && !(value[1]! & 0x80)) fail('INTEGER not minimally encoded');
    if (value[0] === 0 && value.length > 1) value = value.subarray(1);
    if (value.length > size) fail('INTEGER larger than the curve');
    out.set(value, part * size + size - value.length);
    at += length;
  }
  if (at !== der.length) fail('bytes after the INTEGERs');
  return out;
}

const equalBytes = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
};

const sha256 = async (subtle: WebAuthnSubtle, bytes: Uint8Array): Promise<Uint8Array> => new Uint8Array(await subtle.digest('SHA-256', new Uint8Array(bytes)));

function checkClientData(bytes: Uint8Array, type: 'webauthn.get' | 'webauthn.create', expected: ExpectedCeremony): void {
  let client: ClientData;
  try {
    client = parseClientData(bytes);
  } catch {
    return refuse('malformed-client-data');
  }
  if (client.type !== type) refuse('wrong-type');
  let challenge: Uint8Array;
  try {
    challenge = decodeBase64Url(client.challenge);
  } catch {
    return refuse('wrong-challenge');
  }
  if (!equalBytes(challenge, expected.challenge)) refuse('wrong-challenge');
  if (client.origin !== expected.origin) refuse('wrong-origin');
  if (client.crossOrigin === true) refuse('cross-origin');
}

async function checkAuthenticatorData(bytes: Uint8Array, expected: ExpectedCeremony, subtle: WebAuthnSubtle): Promise<AuthenticatorData> {
  let data: AuthenticatorData;
  try {
    data = parseAuthenticatorData(bytes);
  } catch {
    return refuse('malformed-authenticator-data');
  }
  if (!equalBytes(data.rpIdHash, await sha256(subtle, new TextEncoder().encode(expected.rpId)))) refuse('wrong-rp');
  if (!data.userPresent) refuse('user-not-present');
  if (!data.userVerified) refuse('user-not-verified');
  return data;
}

async function run<T>(steps: () => Promise<T>): Promise<WebAuthnCheck<T>> {
  try {
    return { ok: true, value: await steps() };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    throw error;
  }
}

/** Imports a stored ES256 key, or refuses. */
async function importCredentialKey(credential: Pick<StoredCredential, 'algorithm' | 'publicKey'>, subtle: WebAuthnSubtle): Promise<unknown> {
  if (credential.algorithm !== ES256) refuse('unsupported-algorithm');
  try {
    return await subtle.importKey('spki', decodeBase64Url(credential.publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch {
    return refuse('bad-public-key');
  }
}

export interface Assertion {
  credentialId: Uint8Array; // PublicKeyCredential.rawId
  clientDataJSON: Uint8Array;
  authenticatorData: Uint8Array;
  signature: Uint8Array; // DER
  userHandle: Uint8Array | null;
}

/**
 * Verifies an assertion against the credential the terminal stored for this member. On
 * success, `value.signCount` is the counter to store in place of the old one.
 */
export function verifyAssertion(
  assertion: Assertion,
  credential: StoredCredential,
  expected: ExpectedCeremony,
  subtle: WebAuthnSubtle,
): Promise<WebAuthnCheck<{ signCount: number }>> {
  return run(async () => {
    if (!equalBytes(assertion.credentialId, decodeBase64Url(credential.credentialId))) refuse('unknown-credential');
    if (assertion.userHandle && assertion.userHandle.length > 0 && !equalBytes(assertion.userHandle, decodeBase64Url(credential.userHandle))) refuse('wrong-user');
    const key = await importCredentialKey(credential, subtle);
    checkClientData(assertion.clientDataJSON, 'webauthn.get', expected);
    const data = await checkAuthenticatorData(assertion.authenticatorData, expected, subtle);
    let signature: Bytes;
    try {
      signature = derToRawSignature(assertion.signature);
    } catch {
      return refuse('malformed-signature');
    }
    const clientHash = await sha256(subtle, assertion.clientDataJSON);
    const signed = new Uint8Array(assertion.authenticatorData.length + clientHash.length);
    signed.set(assertion.authenticatorData);
    signed.set(clientHash, assertion.authenticatorData.length);
    if (!(await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key as never, signature, signed))) refuse('bad-signature');
    // §7.2 step 22: a counter that does not move forward means two authenticators share the
    // key (a clone) or the assertion is old; authenticators without a counter send 0 always.
    if ((data.signCount !== 0 || credential.signCount !== 0) && data.signCount <= credential.signCount) refuse('sign-count');
    return { signCount: data.signCount };
  });
}

export interface Registration {
  credentialId: Uint8Array; // PublicKeyCredential.rawId
  clientDataJSON: Uint8Array;
  authenticatorData: Uint8Array; // AuthenticatorAttestationResponse.getAuthenticatorData()
  publicKey: Uint8Array; // SPKI, AuthenticatorAttestationResponse.getPublicKey()
  algorithm: number; // getPublicKeyAlgorithm()
}

/**
 * Checks a new credential before the terminal keeps it (attestation "none": the browser is
 * ours, so we check the ceremony, not the authenticator's make): our challenge, origin and
 * rp id, user present and verified, the credential id the browser reported, and an ES256
 * key that imports. Returns the initial counter.
 */
export function verifyRegistration(registration: Registration, expected: ExpectedCeremony, subtle: WebAuthnSubtle): Promise<WebAuthnCheck<{ signCount: number }>> {
  return run(async () => {
    checkClientData(registration.clientDataJSON, 'webauthn.create', expected);
    const data = await checkAuthenticatorData(registration.authenticatorData, expected, subtle);
    if (!data.attestedCredentialId) refuse('malformed-authenticator-data');
    if (!equalBytes(data.attestedCredentialId!, registration.credentialId)) refuse('unknown-credential');
    if (registration.algorithm !== ES256) refuse('unsupported-algorithm');
    try {
      await subtle.importKey('spki', new Uint8Array(registration.publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    } catch {
      refuse('bad-public-key');
    }
    return { signCount: data.signCount };
  });
}

/** A stored record read back from the meta store, checked before use. */
export function isStoredCredential(value: unknown): value is StoredCredential {
  const c = value as Partial<StoredCredential> | null;
  return (
    !!c &&
    typeof c.credentialId === 'string' &&
    typeof c.staffId === 'string' &&
    typeof c.userHandle === 'string' &&
    typeof c.publicKey === 'string' &&
    typeof c.algorithm === 'number' &&
    Number.isInteger(c.signCount) &&
    c.signCount! >= 0 &&
    typeof c.createdAt === 'string' &&
    typeof c.pinSalt === 'string' &&
    [c.credentialId, c.userHandle, c.publicKey].every(isBase64Url)
  );
}

function isBase64Url(text: string): boolean {
  try {
    return decodeBase64Url(text).length > 0;
  } catch {
    return false;
  }
}
