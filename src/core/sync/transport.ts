/**
 * The one network call the outbox makes, as an interface so core/ stays free of fetch.
 * The kiosk implements it with fetch (src/data/http-transport.ts); tests with a fake
 * or a real server.
 */
import type { SubmissionRequest } from './protocol.ts';

export interface TransportResponse {
  status: number;
  retryAfter: string | null; // the Retry-After header, raw
  body: unknown; // parsed JSON, or null when the body was not JSON
}

export interface SubmissionTransport {
  /** Resolves with the server's answer; rejects when no answer came (offline, reset, timeout). */
  submit(request: SubmissionRequest, idempotencyKey: string): Promise<TransportResponse>;
}
