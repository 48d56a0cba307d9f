/** core's SubmissionTransport over fetch. A timeout turns a hung link into a retry. */
import { API } from '../core/sync/protocol.ts';
import type { SubmissionTransport } from '../core/sync/transport.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';

export function httpTransport(database: RelaisDb, baseUrl = '', timeoutMs = 30_000): SubmissionTransport {
  return {
    async submit(request, idempotencyKey) {
      const res = await apiFetch(
        database,
        API.submissions,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(timeoutMs),
        },
        baseUrl,
      );
      let body: unknown = null;
      try {
        body = await res.json();
      } catch {
        body = null; // not JSON: classify() decides from the status alone
      }
      return { status: res.status, retryAfter: res.headers.get('Retry-After'), body };
    },
  };
}
