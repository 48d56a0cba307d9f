/**
 * A response as plain data (status, body text, type), so the submission logic stays
 * free of the HTTP framework and a stored response can be replayed byte for byte.
 * Every error is an RFC 9457 problem whose `code` the kiosk localizes; titles are
 * English, for logs and people reading the API.
 */
import type { FieldError } from '../../src/core/forms/types.ts';
import type { Problem, ProblemCode } from '../../src/core/sync/protocol.ts';

export interface Reply {
  status: number;
  body: string;
  contentType: string;
}

const TITLES: Record<ProblemCode, string> = {
  'missing-idempotency-key': 'The Idempotency-Key header is required',
  'invalid-idempotency-key': 'The Idempotency-Key header must be a lower-case UUID',
  'idempotency-key-reused': 'This Idempotency-Key was already used for a different request',
  'request-in-progress': 'A request with this Idempotency-Key is still being processed',
  'malformed-json': 'The body is not valid JSON',
  'invalid-request': 'The request is not valid',
  'unknown-service': 'The service is not in the catalog',
  'unknown-form-version': 'This version of the service form is unknown',
  'invalid-answers': 'Some answers are not valid',
  'payload-too-large': 'The request body is too large',
  'unknown-key': 'The application is sealed to a key this server does not hold',
  'unreadable-envelope': 'The sealed application does not open',
  'rate-limited': 'Too many requests from this terminal; retry after the time given',
  'not-found': 'Not found',
  'internal-error': 'Internal server error',
  'device-token-missing': 'This API needs an enrolled terminal\'s device token (Authorization: Bearer)',
  'device-token-invalid': 'The device token is not valid',
  'device-token-expired': 'The device token has expired; a supervisor must enrol the terminal again',
  'device-token-revoked': 'This terminal was revoked; a supervisor must enrol it again',
  'terminal-mismatch': 'The request speaks for another terminal than the one its token names',
  'wrong-pin': 'Wrong staff id or PIN',
  'staff-locked': 'Too many wrong PINs; retry after the time given',
  'not-a-supervisor': 'Only a supervisor may do this',
  'staff-session-required': 'A staff session opened on this terminal is required',
  'staff-removed': 'This staff member is no longer in the relay configuration',
  'enrollment-unavailable': 'This server has no relay configuration to enrol terminals with',
  'attachments-incomplete': 'Some attachments of this application are not uploaded whole yet; upload them, then retry',
  'attachment-mismatch': 'An uploaded attachment does not open or does not match its reference',
  'upload-offset-mismatch': 'This chunk does not start where the upload stands',
  'attachment-too-large': 'The attachment is too large',
  'invalid-speech-clip': 'The recorded prompt is not valid',
};

export function jsonReply(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: 'application/json' };
}

export function problemReply(status: number, code: ProblemCode, extra: { detail?: string; errors?: FieldError[] } = {}): Reply {
  const problem: Problem = { type: `urn:relais:problem:${code}`, title: TITLES[code], status, code, ...extra };
  return { status, body: JSON.stringify(problem), contentType: 'application/problem+json' };
}

export function toResponse(reply: Reply, headers: Record<string, string> = {}): Response {
  return new Response(reply.body, { status: reply.status, headers: { 'Content-Type': reply.contentType, ...headers } });
}

export function problemResponse(
  status: number,
  code: ProblemCode,
  extra?: { detail?: string; errors?: FieldError[] },
  headers?: Record<string, string>,
): Response {
  return toResponse(problemReply(status, code, extra), headers);
}
