/**
 * POST /api/submissions after the headers and body were read: idempotency first (a
 * repeated request gets the first answer even if the catalog or the keys moved on since),
 * then the envelope, opening the payload, the form version and the answers, then one
 * transaction that stores the application, its 'delivered' audit line and the response
 * to replay.
 */
import { isoDateIn } from '../../src/core/forms/dates.ts';
import { validateAnswers } from '../../src/core/forms/validate.ts';
import { recordServerEvent } from '../audit/store-audit.ts';
import { findFormVersion } from '../catalog/catalog-reads.ts';
import { jsonReply, problemReply, type Reply } from '../http/reply.ts';
import type { KeyRing } from '../keys/key-ring.ts';
import type { Db } from '../store/db.ts';
import { canonicalJson } from '../util/canonical-json.ts';
import { sha256Hex } from '../util/sha256.ts';
import { answerTextErrors } from './answer-text.ts';
import { checkEnvelope } from './check-envelope.ts';
import { claimKey, completeKey, releaseKey } from './idempotency.ts';
import { openPayload, type ReceivedApplication } from './open-payload.ts';
import { storeSubmission } from './store-submission.ts';
import { attachmentRefProblem, openAttachments, storeAttachments } from '../attachments/receive-attachments.ts';

/** Why the application cannot be accepted, or null when it can. */
async function rejection(db: Db, application: ReceivedApplication): Promise<Reply | null> {
  const form = await findFormVersion(db, application.serviceId, application.formVersion);
  if (!form.found) return problemReply(422, form.code, { detail: `${application.serviceId} version ${application.formVersion}` });
  const { answers } = application.content;
  const unstorable = answerTextErrors(answers);
  if (unstorable.length > 0) return problemReply(422, 'invalid-answers', { errors: unstorable });
  // 'today' bounds are judged on the day the citizen submitted, not the day the
  // application finally got through: it may have waited offline for days.
  const today = isoDateIn(new Date(application.submittedAt));
  const errors = validateAnswers(form.definition, answers, { today, strict: true });
  if (errors.length > 0) return problemReply(422, 'invalid-answers', { errors });
  return attachmentRefProblem(form.definition, application);
}

async function accept(db: Db, keys: KeyRing, key: string, body: unknown, requestHash: string, receivedFrom: string | null): Promise<Reply> {
  const envelope = checkEnvelope(body, key);
  if (!envelope.ok) return problemReply(422, 'invalid-request', { detail: envelope.detail });
  const opened = await openPayload(keys, envelope.request);
  if (!opened.ok) return opened.reply;
  const rejected = await rejection(db, opened.application);
  if (rejected) return rejected;
  // Photos and signatures: uploaded whole, opened and matching their references. An
  // application already stored (its key purged, the kiosk resending) took them then.
  const [known] = await db.query('SELECT 1 FROM submissions WHERE id = $1', [opened.application.id]);
  const files = known ? { ok: true as const, attachments: [] } : await openAttachments(db, keys, opened.application);
  if (!files.ok) return files.reply;
  const receivedAt = new Date();
  return db.transaction(async (tx) => {
    const outcome = await storeSubmission(tx, opened.application, requestHash, receivedAt, receivedFrom);
    if (outcome.kind === 'different-request') return problemReply(422, 'idempotency-key-reused');
    if (outcome.kind === 'stored') {
      const { id, terminalId, serviceId } = opened.application;
      await recordServerEvent(tx, { action: 'delivered', applicationId: id, terminalId, serviceId, at: receivedAt });
      await storeAttachments(tx, id, files.attachments);
    }
    const reply = jsonReply(201, outcome.receipt);
    await completeKey(tx, key, reply.status, reply.body);
    return reply;
  });
}

/** `receivedFrom`: the terminal whose device token carried the request (it may be another than the one the application was made on). */
export async function receiveSubmission(db: Db, keys: KeyRing, key: string, body: unknown, receivedFrom: string | null = null): Promise<Reply> {
  // Over the body as sent (sealed), so a resend of the same envelope is the same request.
  const requestHash = sha256Hex(canonicalJson(body));
  const claim = await claimKey(db, key, requestHash);
  if (claim.kind === 'replay') return { status: claim.status, body: claim.body, contentType: 'application/json' };
  if (claim.kind === 'in-progress') return problemReply(409, 'request-in-progress');
  if (claim.kind === 'reused') return problemReply(422, 'idempotency-key-reused');
  let reply: Reply | null = null;
  try {
    reply = await accept(db, keys, key, body, requestHash, receivedFrom);
    return reply;
  } finally {
    // Only a success is kept against the key: after a refusal (or a crash) the kiosk may
    // send a corrected application under the same id.
    if (reply?.status !== 201) await releaseKey(db, key).catch((error) => console.error('Could not release idempotency key:', error));
  }
}
