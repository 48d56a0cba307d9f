/**
 * Sealing applications and attachments to the server's key (DESIGN §5, RFC 9180 base
 * mode). The kiosk seals; only the holder of the private key (the server, the back-office
 * command) opens. The associated data binds each envelope to its application (and
 * attachment) id, so an envelope copied onto another application fails to open.
 */
import type { Answers } from '../forms/types.ts';
import { HPKE_INFO, sealingAad, type JsonWebKeyLike, type SealedContent, type SealedPayload, type SealingKey } from '../sync/protocol.ts';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { EnvelopeError } from './envelope-error.ts';
import { importPrivateKey, importPublicKey, keyIdFor } from './keys.ts';
import { hpke, platformDigest, utf8, type CryptoKeyPairLike, type DigestLike } from './suite.ts';

/** A private key as stored (JWK with d) or already imported. */
export type OpeningKey = JsonWebKeyLike | CryptoKeyPairLike;

/** An attachment (a photo, a scan) sealed on its own, as bytes: it travels and is kept as a blob. */
export interface SealedBytes {
  keyId: string;
  enc: Uint8Array;
  ciphertext: Uint8Array;
}

export const attachmentAad = (applicationId: string, attachmentId: string): string =>
  `${sealingAad(applicationId)}:attachment:${attachmentId}`;

const INFO = utf8(HPKE_INFO);
const AES_GCM_TAG_BYTES = 16;
const MAX_META_LENGTH = 200;

async function seal(plaintext: Uint8Array<ArrayBuffer>, key: SealingKey, aad: string): Promise<{ enc: Uint8Array; ciphertext: Uint8Array }> {
  const recipientPublicKey = await importPublicKey(key.publicKey);
  const { enc, ct } = await hpke.seal({ recipientPublicKey, info: INFO }, plaintext, utf8(aad));
  return { enc: new Uint8Array(enc), ciphertext: new Uint8Array(ct) };
}

const isPair = (key: OpeningKey): key is CryptoKeyPairLike =>
  typeof (key as CryptoKeyPairLike).privateKey === 'object' && typeof (key as CryptoKeyPairLike).publicKey === 'object';

async function keyIdOf(key: OpeningKey, subtle: DigestLike): Promise<string> {
  if (!isPair(key)) return keyIdFor(key, subtle);
  const point = new Uint8Array(await hpke.kem.serializePublicKey(key.publicKey));
  return keyIdFor({ kty: 'EC', crv: 'P-256', x: encodeBase64Url(point.slice(1, 33)), y: encodeBase64Url(point.slice(33, 65)) }, subtle);
}

function bytesOf(value: Uint8Array | string, what: string): Uint8Array<ArrayBuffer> {
  if (typeof value !== 'string') return new Uint8Array(value);
  try {
    return decodeBase64Url(value);
  } catch (error) {
    throw new EnvelopeError('malformed', `${what} is not base64url`, { cause: error });
  }
}

async function open(
  sealed: { keyId: unknown; enc: Uint8Array | string; ciphertext: Uint8Array | string },
  privateKey: OpeningKey,
  aad: string,
  subtle: DigestLike,
): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof sealed.keyId !== 'string') throw new EnvelopeError('malformed', 'keyId must be a string');
  const enc = bytesOf(sealed.enc, 'enc');
  const ciphertext = bytesOf(sealed.ciphertext, 'ciphertext');
  if (enc.length !== hpke.kem.encSize) throw new EnvelopeError('malformed', `enc must be ${hpke.kem.encSize} bytes`);
  if (ciphertext.length < AES_GCM_TAG_BYTES) throw new EnvelopeError('malformed', 'ciphertext is shorter than its tag');
  const recipientKey = isPair(privateKey) ? privateKey : await importPrivateKey(privateKey);
  if ((await keyIdOf(recipientKey, subtle)) !== sealed.keyId) throw new EnvelopeError('wrong-key', `sealed to ${sealed.keyId}, not to this key`);
  try {
    return new Uint8Array(await hpke.open({ recipientKey, enc, info: INFO }, ciphertext, utf8(aad)));
  } catch (error) {
    // HPKE cannot tell which input was changed: a changed enc, ciphertext or id all fail here.
    throw new EnvelopeError('tampered', 'the envelope does not authenticate', { cause: error });
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isMeta = (value: unknown): boolean => value === undefined || (typeof value === 'string' && value !== '' && value.length <= MAX_META_LENGTH);

function readContent(plaintext: Uint8Array<ArrayBuffer>): SealedContent {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch (error) {
    throw new EnvelopeError('malformed', 'the sealed content is not UTF-8 JSON', { cause: error });
  }
  if (!isObject(value) || !isObject(value.answers)) throw new EnvelopeError('malformed', 'the sealed content has no answers object');
  if (!isMeta(value.assistedBy) || !isMeta(value.consentVersion)) {
    throw new EnvelopeError('malformed', `assistedBy and consentVersion must be strings of 1 to ${MAX_META_LENGTH} characters`);
  }
  const content: SealedContent = { answers: value.answers as Answers };
  if (typeof value.assistedBy === 'string') content.assistedBy = value.assistedBy;
  if (typeof value.consentVersion === 'string') content.consentVersion = value.consentVersion;
  // Attachment references are judged by the reader (core/attachments/refs.ts readAttachmentRefs).
  if (value.attachments !== undefined) content.attachments = value.attachments as SealedContent['attachments'];
  return content;
}

export async function sealContent(content: SealedContent, key: SealingKey, applicationId: string): Promise<SealedPayload> {
  const { enc, ciphertext } = await seal(utf8(JSON.stringify(content)), key, sealingAad(applicationId));
  return { encoding: 'hpke', keyId: key.keyId, enc: encodeBase64Url(enc), ciphertext: encodeBase64Url(ciphertext) };
}

/** Throws EnvelopeError ('wrong-key' | 'tampered' | 'malformed') when it cannot open. */
export async function openContent(
  payload: SealedPayload,
  privateKey: OpeningKey,
  applicationId: string,
  subtle: DigestLike = platformDigest(),
): Promise<SealedContent> {
  if (!isObject(payload) || payload.encoding !== 'hpke') throw new EnvelopeError('malformed', 'not an hpke payload');
  return readContent(await open(payload, privateKey, sealingAad(applicationId), subtle));
}

export async function sealBytes(bytes: Uint8Array, key: SealingKey, applicationId: string, attachmentId: string): Promise<SealedBytes> {
  const sealed = await seal(new Uint8Array(bytes), key, attachmentAad(applicationId, attachmentId));
  return { keyId: key.keyId, ...sealed };
}

export async function openBytes(
  sealed: SealedBytes,
  privateKey: OpeningKey,
  applicationId: string,
  attachmentId: string,
  subtle: DigestLike = platformDigest(),
): Promise<Uint8Array> {
  return open(sealed, privateKey, attachmentAad(applicationId, attachmentId), subtle);
}
