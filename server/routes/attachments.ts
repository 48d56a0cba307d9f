/**
 * PUT and GET /api/submissions/:id/attachments/:attachmentId: a sealed attachment arrives
 * in chunks (`Content-Range: bytes start-end/total`), and GET says how much the server
 * holds so an interrupted upload resumes (protocol: core/sync/protocol.ts AttachmentRef).
 */
import type { Context, Handler } from 'hono';
import { parseContentRange } from '../../src/core/attachments/upload.ts';
import { isUuid } from '../../src/core/ids/uuid.ts';
import { MAX_ATTACHMENT_CHUNK_BYTES, MAX_SEALED_ATTACHMENT_BYTES, type AttachmentUploadStatus, type Problem } from '../../src/core/sync/protocol.ts';
import { appendChunk, uploadStatus } from '../attachments/upload-store.ts';
import { readBytesLimited } from '../http/read-body.ts';
import { requestTerminal } from '../http/device-auth.ts';
import { problemReply, problemResponse } from '../http/reply.ts';
import type { Db } from '../store/db.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

function ids(c: Context): { applicationId: string; attachmentId: string } | null {
  const applicationId = c.req.param('id') ?? '';
  const attachmentId = c.req.param('attachmentId') ?? '';
  return isUuid(applicationId) && isUuid(attachmentId) ? { applicationId, attachmentId } : null;
}

function statusResponse(status: AttachmentUploadStatus): Response {
  return new Response(JSON.stringify(status), { status: 200, headers: { 'Content-Type': 'application/json', ...NO_STORE } });
}

/** 409 with the server's position beside the problem, so the kiosk continues from there. */
function offsetMismatch(status: AttachmentUploadStatus): Response {
  const problem = JSON.parse(problemReply(409, 'upload-offset-mismatch', { detail: `the server holds ${status.received} of ${status.total} bytes` }).body) as Problem;
  return new Response(JSON.stringify({ ...problem, ...status }), { status: 409, headers: { 'Content-Type': 'application/problem+json', ...NO_STORE } });
}

export function attachmentStatusRoute(db: Db): Handler {
  return async (c) => {
    const target = ids(c);
    if (!target) return problemResponse(400, 'invalid-request', { detail: 'the application and attachment ids must be lower-case UUIDs' });
    const status = await uploadStatus(db, target.applicationId, target.attachmentId);
    if (!status) return problemResponse(404, 'not-found', { detail: 'nothing uploaded for this attachment' }, NO_STORE);
    return statusResponse(status);
  };
}

export function attachmentChunkRoute(db: Db): Handler {
  return async (c) => {
    const { terminalId } = requestTerminal(c);
    const target = ids(c);
    if (!target) return problemResponse(400, 'invalid-request', { detail: 'the application and attachment ids must be lower-case UUIDs' });
    const range = parseContentRange(c.req.header('content-range'));
    if (!range) return problemResponse(400, 'invalid-request', { detail: 'Content-Range: bytes <start>-<end>/<total> is required' });
    if (range.total > MAX_SEALED_ATTACHMENT_BYTES) return problemResponse(413, 'attachment-too-large', { detail: `at most ${MAX_SEALED_ATTACHMENT_BYTES} bytes` });
    if (range.end - range.start > MAX_ATTACHMENT_CHUNK_BYTES) return problemResponse(413, 'payload-too-large', { detail: `chunks of at most ${MAX_ATTACHMENT_CHUNK_BYTES} bytes` });
    const read = await readBytesLimited(c.req.raw, MAX_ATTACHMENT_CHUNK_BYTES);
    if (!read.ok) return problemResponse(413, 'payload-too-large', { detail: `chunks of at most ${MAX_ATTACHMENT_CHUNK_BYTES} bytes` });
    if (read.bytes.length !== range.end - range.start) return problemResponse(400, 'invalid-request', { detail: 'the body length differs from Content-Range' });
    const outcome = await appendChunk(db, { ...target, terminalId }, range.start, read.bytes, range.total);
    if (outcome.kind === 'other-terminal') return problemResponse(403, 'terminal-mismatch', { detail: 'another terminal started this upload' });
    if (outcome.kind === 'offset-mismatch') return offsetMismatch(outcome.status);
    return statusResponse(outcome.status);
  };
}
