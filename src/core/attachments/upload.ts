/**
 * Uploading one sealed attachment in chunks that resume. The kiosk first asks the server
 * how many bytes it already holds (a dropped link leaves a partial upload there), then
 * sends the rest chunk by chunk, each with `Content-Range: bytes start-end/total`. A 409
 * 'upload-offset-mismatch' carries the server's position and the upload continues from
 * there. Anything else stops the upload with the server's answer, which the sync pass
 * classifies like a submission's (retry later, or needs attention).
 */
import { ATTACHMENT_CHUNK_BYTES, type AttachmentUploadStatus } from '../sync/protocol.ts';
import type { TransportResponse } from '../sync/transport.ts';

export interface AttachmentTransport {
  /** The server's position for this attachment; null when it holds nothing. Rejects when no answer came. */
  uploadStatus(applicationId: string, attachmentId: string): Promise<{ status: number; body: AttachmentUploadStatus | null; retryAfter: string | null }>;
  /** PUTs bytes [start, start + chunk.length) of `total`. Rejects when no answer came. */
  uploadChunk(applicationId: string, attachmentId: string, start: number, chunk: Uint8Array, total: number): Promise<TransportResponse>;
}

export interface ChunkRange {
  start: number;
  end: number; // exclusive
}

/** The next chunk from `offset`, or null when the upload is whole. */
export function nextChunk(offset: number, total: number, chunkSize = ATTACHMENT_CHUNK_BYTES): ChunkRange | null {
  if (!Number.isInteger(offset) || offset < 0 || offset > total) throw new RangeError(`offset ${offset} is outside 0..${total}`);
  if (offset === total) return null;
  return { start: offset, end: Math.min(total, offset + chunkSize) };
}

/** `bytes start-end/total` with an inclusive end, as HTTP writes it. */
export function contentRange(range: ChunkRange, total: number): string {
  return `bytes ${range.start}-${range.end - 1}/${total}`;
}

/** Reads a Content-Range header; null when it is not a single, consistent byte range. */
export function parseContentRange(header: string | null | undefined): { start: number; end: number; total: number } | null {
  const match = /^bytes (\d{1,12})-(\d{1,12})\/(\d{1,12})$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const start = Number(match[1]);
  const last = Number(match[2]);
  const total = Number(match[3]);
  if (last < start || last >= total) return null;
  return { start, end: last + 1, total };
}

/** Where an upload stands, from the server's answer to a status query or a chunk. */
export function serverOffset(body: unknown, total: number): number | null {
  const b = body as Partial<AttachmentUploadStatus> | null;
  if (!b || typeof b.received !== 'number' || !Number.isInteger(b.received) || b.received < 0 || b.received > total) return null;
  if (typeof b.total === 'number' && b.total !== total) return null;
  return b.received;
}

export type UploadResult = { ok: true; chunksSent: number; resumedFrom: number } | { ok: false; response: TransportResponse };

export async function uploadSealedAttachment(
  transport: AttachmentTransport,
  applicationId: string,
  attachmentId: string,
  sealed: Uint8Array,
  chunkSize = ATTACHMENT_CHUNK_BYTES,
): Promise<UploadResult> {
  const total = sealed.length;
  const status = await transport.uploadStatus(applicationId, attachmentId);
  let offset = 0;
  if (status.status === 200) {
    const held = serverOffset(status.body, total);
    // Another size means another sealing of it: the server refuses the first chunk with 409 and its position.
    offset = held ?? 0;
  } else if (status.status !== 404) {
    return { ok: false, response: { status: status.status, body: status.body, retryAfter: status.retryAfter } };
  }
  const resumedFrom = offset;
  let chunksSent = 0;
  let resyncs = 0;
  for (let range = nextChunk(offset, total, chunkSize); range; range = nextChunk(offset, total, chunkSize)) {
    const res = await transport.uploadChunk(applicationId, attachmentId, range.start, sealed.subarray(range.start, range.end), total);
    chunksSent++;
    const held = serverOffset(res.body, total);
    if (res.status >= 200 && res.status < 300 && held !== null && held >= range.end) {
      offset = held;
    } else if (res.status === 409 && held !== null && held !== range.start && resyncs < 3) {
      offset = held; // the server is elsewhere (a chunk we thought lost had arrived): go on from there
      resyncs++;
    } else {
      return { ok: false, response: res };
    }
  }
  return { ok: true, chunksSent, resumedFrom };
}
