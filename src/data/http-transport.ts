/** core's SubmissionTransport over fetch. A timeout turns a hung link into a retry. */
import { API, attachmentPath, type AttachmentUploadStatus } from '../core/sync/protocol.ts';
import type { SubmissionTransport } from '../core/sync/transport.ts';
import { contentRange, type AttachmentTransport } from '../core/attachments/upload.ts';
import type { RelaisDb } from './db.ts';
import { apiFetch } from './enrollment.ts';

async function jsonOrNull(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

export function httpTransport(database: RelaisDb, baseUrl = '', timeoutMs = 30_000): SubmissionTransport & AttachmentTransport {
  return {
    async uploadStatus(applicationId, attachmentId) {
      const res = await apiFetch(database, attachmentPath(applicationId, attachmentId), { method: 'GET', signal: AbortSignal.timeout(timeoutMs) }, baseUrl);
      const body = (await jsonOrNull(res)) as AttachmentUploadStatus | null;
      return { status: res.status, body, retryAfter: res.headers.get('Retry-After') };
    },
    async uploadChunk(applicationId, attachmentId, start, chunk, total) {
      const res = await apiFetch(
        database,
        attachmentPath(applicationId, attachmentId),
        {
          method: 'PUT',
          headers: { 'Content-Type': 'application/octet-stream', 'Content-Range': contentRange({ start, end: start + chunk.length }, total) },
          body: new Uint8Array(chunk),
          signal: AbortSignal.timeout(timeoutMs),
        },
        baseUrl,
      );
      return { status: res.status, retryAfter: res.headers.get('Retry-After'), body: await jsonOrNull(res) };
    },
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
