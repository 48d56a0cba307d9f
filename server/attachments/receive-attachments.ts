/**
 * The attachments of a submission being accepted: their references (inside the sealed
 * content) must fit the answers; every one must have been uploaded whole (else 409
 * 'attachments-incomplete', which the kiosk retries after uploading); each must open with
 * the payload's key and match its size and SHA-256 (else 422 'attachment-mismatch', and
 * the bad upload is dropped so a fresh one can replace it).
 */
import { attachmentRefErrors, readAttachmentRefs } from '../../src/core/attachments/refs.ts';
import { openAttachment, sha256Hex } from '../../src/core/attachments/seal.ts';
import { isEnvelopeError } from '../../src/core/crypto/envelope-error.ts';
import type { ServiceDefinition } from '../../src/core/forms/types.ts';
import { SEALED_ATTACHMENT_OVERHEAD, type AttachmentRef } from '../../src/core/sync/protocol.ts';
import { problemReply, type Reply } from '../http/reply.ts';
import type { KeyRing } from '../keys/key-ring.ts';
import type { Db, Queryable } from '../store/db.ts';
import type { ReceivedApplication } from '../submissions/open-payload.ts';
import { dropUpload, uploadsOf } from './upload-store.ts';

export interface OpenedAttachment {
  ref: AttachmentRef;
  bytes: Uint8Array;
}

export type AttachmentCheck = { ok: true; attachments: OpenedAttachment[] } | { ok: false; reply: Reply };

/** Shape and answer rules only (no storage): run with the other answer checks. */
export function attachmentRefProblem(definition: ServiceDefinition, application: ReceivedApplication): Reply | null {
  const read = readAttachmentRefs(application.content.attachments);
  if (!read.ok) return problemReply(422, 'invalid-request', { detail: read.detail });
  if (read.refs.length > 0 && application.sealedKeyId === null) return problemReply(422, 'invalid-request', { detail: 'attachments travel only with a sealed payload' });
  const errors = attachmentRefErrors(definition, application.content.answers, read.refs);
  return errors.length > 0 ? problemReply(422, 'invalid-answers', { errors }) : null;
}

export async function openAttachments(db: Db, keys: KeyRing, application: ReceivedApplication): Promise<AttachmentCheck> {
  const read = readAttachmentRefs(application.content.attachments);
  const refs = read.ok ? read.refs : [];
  if (refs.length === 0) return { ok: true, attachments: [] };
  const uploads = await uploadsOf(db, application.id, refs.map((r) => r.id));
  const missing = refs.filter((r) => {
    const upload = uploads.get(r.id);
    return !upload || upload.received !== upload.total;
  });
  if (missing.length > 0) {
    return { ok: false, reply: problemReply(409, 'attachments-incomplete', { detail: `not yet whole: ${missing.map((r) => r.id).join(', ')}` }) };
  }
  const key = await keys.openingKey(application.sealedKeyId!);
  if (!key) return { ok: false, reply: problemReply(422, 'unknown-key') };
  const opened: OpenedAttachment[] = [];
  for (const ref of refs) {
    const upload = uploads.get(ref.id)!;
    const refuse = async (why: string): Promise<AttachmentCheck> => {
      await dropUpload(db, application.id, ref.id);
      return { ok: false, reply: problemReply(422, 'attachment-mismatch', { detail: `${ref.id}: ${why}` }) };
    };
    if (upload.total !== ref.size + SEALED_ATTACHMENT_OVERHEAD) return refuse('its size differs from the reference');
    let bytes: Uint8Array;
    try {
      bytes = await openAttachment(upload.data, application.sealedKeyId!, key, application.id, ref.id);
    } catch (error) {
      if (!isEnvelopeError(error)) throw error;
      return refuse(`it does not open (${error.code})`);
    }
    if (bytes.length !== ref.size || (await sha256Hex(bytes)) !== ref.sha256) return refuse('its SHA-256 differs from the reference');
    opened.push({ ref, bytes });
  }
  return { ok: true, attachments: opened };
}

/** In the transaction that stores the application: the opened images, and the uploads go. */
export async function storeAttachments(tx: Queryable, applicationId: string, attachments: readonly OpenedAttachment[]): Promise<void> {
  for (const { ref, bytes } of attachments) {
    await tx.query(
      `INSERT INTO submission_attachments (submission_id, attachment_id, field_id, media_type, size, sha256, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7::bytea) ON CONFLICT DO NOTHING`,
      [applicationId, ref.id, ref.field, ref.mediaType, ref.size, ref.sha256, bytes],
    );
    await dropUpload(tx, applicationId, ref.id);
  }
}
