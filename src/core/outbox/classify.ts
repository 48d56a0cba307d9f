/**
 * What a server answer means for a queued application (DESIGN §4):
 * 2xx delivered; 408, 429, 5xx and 409 (the same key is still being processed) retry
 * later, and so does 401: the server refused this terminal's device token (not enrolled
 * yet, revoked, expired), not the application, which goes once a supervisor has enrolled
 * the terminal again. Any other 4xx needs a person, because sending the same bytes again
 * cannot succeed. A transport failure (no answer at all) is always a retry: the server may or
 * may not have stored it, and the Idempotency-Key makes the retry safe either way.
 */
import type { Problem, SubmissionReceipt } from '../sync/protocol.ts';
import type { DeliveryError } from './types.ts';

export type DeliveryOutcome =
  | { kind: 'delivered'; receipt: SubmissionReceipt }
  | { kind: 'retry'; error: DeliveryError; retryAfterMs: number | null }
  | { kind: 'rejected'; error: DeliveryError };

export function isRetryableStatus(status: number): boolean {
  return status === 401 || status === 408 || status === 409 || status === 429 || status >= 500;
}

function isReceipt(body: unknown): body is SubmissionReceipt {
  const b = body as Partial<SubmissionReceipt> | null;
  return !!b && typeof b.id === 'string' && typeof b.trackingCode === 'string' && typeof b.receivedAt === 'string';
}

function asProblem(body: unknown): Partial<Problem> {
  return body && typeof body === 'object' ? (body as Partial<Problem>) : {};
}

export function classifyResponse(status: number, body: unknown, retryAfterMs: number | null): DeliveryOutcome {
  if (status >= 200 && status < 300) {
    if (isReceipt(body)) return { kind: 'delivered', receipt: body };
    // A 2xx we cannot read is most likely a proxy's page, not our server: try again later.
    return { kind: 'retry', error: { kind: 'server', status, code: 'unreadable-receipt' }, retryAfterMs };
  }
  const problem = asProblem(body);
  const error: DeliveryError = { kind: isRetryableStatus(status) ? 'server' : 'rejected', status };
  if (typeof problem.code === 'string') error.code = problem.code;
  if (Array.isArray(problem.errors)) error.errors = problem.errors;
  if (isRetryableStatus(status)) return { kind: 'retry', error, retryAfterMs };
  return { kind: 'rejected', error };
}

export function networkFailure(): DeliveryOutcome {
  return { kind: 'retry', error: { kind: 'network' }, retryAfterMs: null };
}
