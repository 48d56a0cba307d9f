/**
 * Chunked, resumable uploads of sealed attachments (protocol: core/sync/protocol.ts,
 * AttachmentRef). Each chunk is appended in a transaction that locks the upload row, and
 * only when it starts exactly where the upload stands, so two racing requests (a retry
 * and its original) can never write a byte twice or leave a hole.
 */
import { SEALED_ATTACHMENT_OVERHEAD, type AttachmentUploadStatus } from '../../src/core/sync/protocol.ts';
import type { Db, Queryable } from '../store/db.ts';

export type ChunkOutcome =
  | { kind: 'ok'; status: AttachmentUploadStatus }
  | { kind: 'offset-mismatch'; status: AttachmentUploadStatus }
  | { kind: 'other-terminal' };

interface UploadRow {
  terminal_id: string;
  total: number;
  received: number;
}

const statusOf = (received: number, total: number): AttachmentUploadStatus => ({ received, total, complete: received === total });

/** Where the upload stands; an attachment already stored with its application counts as whole. */
export async function uploadStatus(db: Queryable, applicationId: string, attachmentId: string): Promise<AttachmentUploadStatus | null> {
  const [stored] = await db.query<{ size: number }>('SELECT size FROM submission_attachments WHERE submission_id = $1 AND attachment_id = $2', [applicationId, attachmentId]);
  if (stored) return statusOf(stored.size + SEALED_ATTACHMENT_OVERHEAD, stored.size + SEALED_ATTACHMENT_OVERHEAD);
  const [row] = await db.query<UploadRow>('SELECT terminal_id, total, received FROM attachment_uploads WHERE application_id = $1 AND attachment_id = $2', [applicationId, attachmentId]);
  return row ? statusOf(row.received, row.total) : null;
}

export async function appendChunk(
  db: Db,
  upload: { applicationId: string; attachmentId: string; terminalId: string },
  start: number,
  chunk: Uint8Array,
  total: number,
  now = new Date(),
): Promise<ChunkOutcome> {
  const { applicationId, attachmentId, terminalId } = upload;
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const [stored] = await tx.query('SELECT 1 FROM submission_attachments WHERE submission_id = $1 AND attachment_id = $2', [applicationId, attachmentId]);
    // Already delivered with its application (a receipt that got lost): nothing to add.
    if (stored) return { kind: 'ok', status: statusOf(total, total) };
    const [row] = await tx.query<UploadRow>(
      'SELECT terminal_id, total, received FROM attachment_uploads WHERE application_id = $1 AND attachment_id = $2 FOR UPDATE',
      [applicationId, attachmentId],
    );
    if (!row) {
      if (start !== 0) return { kind: 'offset-mismatch', status: statusOf(0, total) };
      const inserted = await tx.query(
        `INSERT INTO attachment_uploads (application_id, attachment_id, terminal_id, total, received, data, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::bytea, $7::timestamptz, $7::timestamptz)
         ON CONFLICT (application_id, attachment_id) DO NOTHING RETURNING received`,
        [applicationId, attachmentId, terminalId, total, chunk.length, chunk, at],
      );
      // A concurrent first chunk won: the kiosk asks again where the upload stands.
      return inserted.length > 0 ? { kind: 'ok', status: statusOf(chunk.length, total) } : { kind: 'offset-mismatch', status: statusOf(0, total) };
    }
    if (row.terminal_id !== terminalId) {
      // Another terminal of the same relay forwards this application (a store-and-forward
      // bundle carries the same sealed bytes): it restarts the upload from byte 0 as its
      // own, since the first terminal may never come back to finish it. A terminal of
      // another relay may not touch it.
      const [sameRelay] = await tx.query(
        'SELECT 1 FROM terminals a JOIN terminals b ON a.relay_id = b.relay_id WHERE a.terminal_id = $1 AND b.terminal_id = $2',
        [row.terminal_id, terminalId],
      );
      if (!sameRelay) return { kind: 'other-terminal' };
      if (start !== 0) return { kind: 'offset-mismatch', status: statusOf(0, total) };
      await tx.query(
        `UPDATE attachment_uploads SET terminal_id = $3, total = $4, received = $5, data = $6::bytea, updated_at = $7::timestamptz
          WHERE application_id = $1 AND attachment_id = $2`,
        [applicationId, attachmentId, terminalId, total, chunk.length, chunk, at],
      );
      return { kind: 'ok', status: statusOf(chunk.length, total) };
    }
    const status = statusOf(row.received, row.total);
    if (row.total !== total) return { kind: 'offset-mismatch', status };
    // A chunk the server already holds whole (its answer was lost): say where it stands.
    if (start + chunk.length <= row.received) return { kind: 'ok', status };
    if (start !== row.received) return { kind: 'offset-mismatch', status };
    await tx.query(
      `UPDATE attachment_uploads SET data = data || $3::bytea, received = received + $4, updated_at = $5::timestamptz
        WHERE application_id = $1 AND attachment_id = $2`,
      [applicationId, attachmentId, chunk, chunk.length, at],
    );
    return { kind: 'ok', status: statusOf(row.received + chunk.length, total) };
  });
}

export interface WholeUpload {
  attachmentId: string;
  terminalId: string;
  total: number;
  received: number;
  data: Uint8Array;
}

/** The uploads of an application (whole or not), by attachment id. */
export async function uploadsOf(db: Queryable, applicationId: string, attachmentIds: readonly string[]): Promise<Map<string, WholeUpload>> {
  if (attachmentIds.length === 0) return new Map();
  const rows = await db.query<{ attachment_id: string; terminal_id: string; total: number; received: number; data: Uint8Array }>(
    `SELECT attachment_id::text AS attachment_id, terminal_id, total, received, data FROM attachment_uploads
      WHERE application_id = $1 AND attachment_id = ANY($2::uuid[])`,
    [applicationId, [...attachmentIds]],
  );
  return new Map(rows.map((r) => [r.attachment_id, { attachmentId: r.attachment_id, terminalId: r.terminal_id, total: r.total, received: r.received, data: new Uint8Array(r.data) }]));
}

export async function dropUpload(db: Queryable, applicationId: string, attachmentId: string): Promise<void> {
  await db.query('DELETE FROM attachment_uploads WHERE application_id = $1 AND attachment_id = $2', [applicationId, attachmentId]);
}

/**
 * An upload nothing was added to for this long is abandoned (its application was discarded,
 * or its terminal replaced). A terminal that still holds it and comes back later finds no
 * upload (404) and sends the photo again from byte 0: it keeps its sealed copy until the
 * application is delivered, so nothing is lost.
 */
export const ABANDONED_UPLOAD_DAYS = 30;

/** Deletes the half-done uploads untouched for ABANDONED_UPLOAD_DAYS; returns how many went. */
export async function purgeAbandonedUploads(db: Queryable, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - ABANDONED_UPLOAD_DAYS * 24 * 3600 * 1000).toISOString();
  const rows = await db.query('DELETE FROM attachment_uploads WHERE updated_at < $1::timestamptz RETURNING attachment_id', [before]);
  return rows.length;
}
