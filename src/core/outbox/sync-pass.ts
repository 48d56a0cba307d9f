/**
 * One pass of the sync loop: deliver every due item once. Scheduling (start-up, the
 * `online` event, a timer, the "sync now" button) lives in the app; this is the policy.
 * Items go one at a time per worker lane; `lanes` > 1 lets a relay with a long queue
 * use the link better without hammering the server.
 */
import { classifyResponse, networkFailure, type DeliveryOutcome } from './classify.ts';
import type { OutboxStore } from './outbox-store.ts';
import { DEFAULT_RETRY_POLICY, parseRetryAfter, retryDelay, type RetryPolicy } from './retry-policy.ts';
import { markDelivered, markRejected, markRetry, markSending, recoverInterrupted } from './state-machine.ts';
import type { OutboxItem } from './types.ts';
import type { SubmissionTransport } from '../sync/transport.ts';
import { uploadSealedAttachment, type AttachmentTransport } from '../attachments/upload.ts';

export interface SyncDeps {
  store: OutboxStore;
  transport: SubmissionTransport;
  /** Uploads sealed attachments before their application is posted; needed when items carry any. */
  attachments?: AttachmentTransport;
  now: () => number;
  random: () => number;
  policy?: RetryPolicy;
  lanes?: number;
  batch?: number;
}

export interface SyncReport {
  delivered: number;
  retrying: number;
  rejected: number;
  /**
   * When the next queued item falls due (any item, not only those this pass touched), so
   * the caller can schedule the next pass; null when nothing is queued.
   */
  nextDueAt: number | null;
}

async function attempt(deps: SyncDeps, item: OutboxItem): Promise<DeliveryOutcome> {
  const { payload } = item.request;
  // Only a delivered item has no payload, and delivered items are never sent again.
  if (!payload) return { kind: 'rejected', error: { kind: 'rejected', code: 'missing-payload' } };
  try {
    for (const attachment of item.attachments ?? []) {
      if (!deps.attachments) return { kind: 'rejected', error: { kind: 'rejected', code: 'no-attachment-transport' } };
      const uploaded = await uploadSealedAttachment(deps.attachments, item.id, attachment.id, attachment.sealed);
      if (!uploaded.ok) {
        const { status, body, retryAfter } = uploaded.response;
        return classifyResponse(status >= 200 && status < 300 ? 502 : status, body, parseRetryAfter(retryAfter, deps.now()));
      }
    }
    const res = await deps.transport.submit({ ...item.request, payload }, item.id);
    return classifyResponse(res.status, res.body, parseRetryAfter(res.retryAfter, deps.now()));
  } catch {
    return networkFailure();
  }
}

/** Returns false when another runner had already taken the item. */
async function deliverOne(deps: SyncDeps, queued: OutboxItem, report: SyncReport): Promise<boolean> {
  const sending = markSending(queued, deps.now());
  if (!(await deps.store.replace(sending, 'queued'))) return false;
  const outcome = await attempt(deps, sending);
  const now = deps.now();
  if (outcome.kind === 'delivered') {
    await deps.store.replace(markDelivered(sending, outcome.receipt, now), 'sending');
    report.delivered++;
  } else if (outcome.kind === 'rejected') {
    await deps.store.replace(markRejected(sending, outcome.error), 'sending');
    report.rejected++;
  } else {
    const delay = retryDelay(sending.attempts, outcome.retryAfterMs, deps.random, deps.policy ?? DEFAULT_RETRY_POLICY);
    const next = markRetry(sending, outcome.error, delay, now);
    await deps.store.replace(next, 'sending');
    report.retrying++;
    retryAt.set(report, Math.min(retryAt.get(report) ?? Infinity, next.nextAttemptAt));
  }
  return true;
}

// When a pass stopped on a failed attempt, per report: the earliest retry it scheduled.
const retryAt = new WeakMap<SyncReport, number>();

/** Puts items a dead page left in 'sending' back in the queue. Call once at start-up. */
export async function recoverOutbox(store: OutboxStore, now: number): Promise<number> {
  let count = 0;
  for (const item of await store.interrupted()) {
    if (await store.replace(recoverInterrupted(item, now), 'sending')) count++;
  }
  return count;
}

export async function runSyncPass(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = { delivered: 0, retrying: 0, rejected: 0, nextDueAt: null };
  const lanes = Math.max(1, deps.lanes ?? 1);
  const batch = deps.batch ?? 50;
  for (;;) {
    const due = await deps.store.due(deps.now(), batch);
    if (due.length === 0) break;
    let cursor = 0;
    let taken = 0;
    const lane = async () => {
      while (cursor < due.length) {
        const item = due[cursor++]!;
        if (await deliverOne(deps, item, report)) taken++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(lanes, due.length) }, lane));
    // A failed link makes every item fail; stop the pass instead of walking the whole queue.
    // And if another runner took everything we saw, leave the rest to it.
    if (report.retrying > 0 || taken === 0) break;
  }
  const queuedNext = await deps.store.nextDueAt();
  // After a failure the link is probably down: the items the pass did not reach wait for
  // the failed one's retry, instead of each being tried at once.
  const failedNext = retryAt.get(report);
  report.nextDueAt = queuedNext == null || failedNext == null ? queuedNext : Math.max(queuedNext, failedNext);
  return report;
}
