/**
 * Opens a submission's payload into the answers and the facts that travel with them. A
 * sealed payload is opened with the private key it names; clear JSON (tests, tools) is
 * taken as is. Either way the result is judged by the same rules afterwards.
 */
import { openContent } from '../../src/core/crypto/envelope.ts';
import { isEnvelopeError } from '../../src/core/crypto/envelope-error.ts';
import type { SealedContent, SubmissionRequest } from '../../src/core/sync/protocol.ts';
import { problemReply, type Reply } from '../http/reply.ts';
import type { KeyRing } from '../keys/key-ring.ts';
import { isToken } from './check-envelope.ts';

/** An application as the server judges and stores it: the envelope, opened. */
export type ReceivedApplication = Omit<SubmissionRequest, 'payload'> & {
  content: SealedContent;
  /** The key it was sealed to; null when it came as clear JSON. */
  sealedKeyId: string | null;
};

export type Opened = { ok: true; application: ReceivedApplication } | { ok: false; reply: Reply };

export async function openPayload(keys: KeyRing, request: SubmissionRequest): Promise<Opened> {
  const { payload, ...meta } = request;
  if (payload.encoding === 'json') return { ok: true, application: { ...meta, content: { answers: payload.answers }, sealedKeyId: null } };
  const key = await keys.openingKey(payload.keyId);
  if (!key) return { ok: false, reply: problemReply(422, 'unknown-key', { detail: `no key ${payload.keyId.slice(0, 64)} on this server` }) };
  let content: SealedContent;
  try {
    content = await openContent(payload, key, request.id);
  } catch (error) {
    if (!isEnvelopeError(error)) throw error;
    // The code says why (tampered, malformed, wrong-key) without saying anything of the content.
    return { ok: false, reply: problemReply(422, 'unreadable-envelope', { detail: error.code }) };
  }
  for (const name of ['assistedBy', 'consentVersion'] as const) {
    const value = content[name];
    if (value !== undefined && !isToken(value)) {
      return { ok: false, reply: problemReply(422, 'invalid-request', { detail: `${name} must be an id of letters, digits and . _ : @ -` }) };
    }
  }
  return { ok: true, application: { ...meta, content, sealedKeyId: payload.keyId } };
}
