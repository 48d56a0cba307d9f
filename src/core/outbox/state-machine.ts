/**
 * The only way an outbox item changes status. Each function returns a new item and
 * throws on a transition that would lose or duplicate work (e.g. re-sending a
 * delivered application), so a bug shows up as an error, not as a silent duplicate.
 *
 *   queued ──send──▶ sending ──2xx──────▶ delivered
 *     ▲                 │  └──4xx────────▶ needs-attention ──resubmit──▶ queued
 *     └──retry (5xx, 408, 409, 429, network)      │   ▲  └──discard──▶ discarded
 *                                          hand back │   │ withdraw
 *                                                    ▼   │
 *                                                 handed-back ──correction queued──▶ replaced
 *
 * delivered, discarded and replaced are final; the last two drop the sealed payload and
 * attachments, like delivery does (law 09-08: keep no longer than needed).
 */
import type { SubmissionReceipt, SubmissionRequest } from '../sync/protocol.ts';
import type { DeliveryError, Discard, OutboxItem, OutboxStatus } from './types.ts';

export class OutboxTransitionError extends Error {
  constructor(from: OutboxStatus, to: OutboxStatus) {
    super(`outbox item cannot go from ${from} to ${to}`);
    this.name = 'OutboxTransitionError';
  }
}

function expect(item: OutboxItem, from: OutboxStatus, to: OutboxStatus): void {
  if (item.status !== from) throw new OutboxTransitionError(item.status, to);
}

export function newOutboxItem(request: SubmissionRequest, trackingCode: string, now: number, attachments: OutboxItem['attachments'] = []): OutboxItem {
  return {
    ...(attachments.length > 0 ? { attachments } : {}),
    id: request.id,
    status: 'queued',
    request,
    trackingCode,
    trackingConfirmed: false,
    attempts: 0,
    nextAttemptAt: now,
    queuedAt: now,
  };
}

export function markSending(item: OutboxItem, now: number): OutboxItem {
  expect(item, 'queued', 'sending');
  return { ...item, status: 'sending', attempts: item.attempts + 1, lastAttemptAt: now };
}

export function markDelivered(item: OutboxItem, receipt: SubmissionReceipt, now: number): OutboxItem {
  expect(item, 'sending', 'delivered');
  // The sealed answers are purged once acknowledged (law 09-08: keep no longer than needed).
  const { lastError: _dropped, ...rest } = purged(item);
  return { ...rest, status: 'delivered', receipt, trackingCode: receipt.trackingCode, trackingConfirmed: true, deliveredAt: now };
}

export function markRetry(item: OutboxItem, error: DeliveryError, delayMs: number, now: number): OutboxItem {
  expect(item, 'sending', 'queued');
  return { ...item, status: 'queued', lastError: error, nextAttemptAt: now + delayMs };
}

export function markRejected(item: OutboxItem, error: DeliveryError): OutboxItem {
  expect(item, 'sending', 'needs-attention');
  return { ...item, status: 'needs-attention', lastError: error };
}

/** After a correction (a later issue's agent flow): back in the queue, same id. */
export function requeue(item: OutboxItem, request: SubmissionRequest, now: number): OutboxItem {
  expect(item, 'needs-attention', 'queued');
  if (request.id !== item.id) throw new Error('a corrected application keeps its id');
  return { ...item, status: 'queued', request, nextAttemptAt: now };
}

/** The sealed answers and images go; ids, service, dates and the tracking code stay. */
function purged(item: OutboxItem): OutboxItem {
  const { attachments: _sealedFiles, ...rest } = item;
  const { payload: _sealed, ...metadata } = item.request;
  return { ...rest, request: metadata };
}

/** A supervisor gives a refused application back to an agent, to enter again with the citizen. */
export function handBack(item: OutboxItem, by: string, now: number): OutboxItem {
  expect(item, 'needs-attention', 'handed-back');
  return { ...item, status: 'handed-back', handedBack: { by, at: now } };
}

/** The supervisor takes a hand-back back (e.g. the citizen will not return), to discard it. */
export function withdrawHandBack(item: OutboxItem): OutboxItem {
  expect(item, 'handed-back', 'needs-attention');
  const { handedBack: _withdrawn, ...rest } = item;
  return { ...rest, status: 'needs-attention' };
}

/** Only a refused application may be discarded, and only with a reason. */
export function discard(item: OutboxItem, discarded: Discard): OutboxItem {
  expect(item, 'needs-attention', 'discarded');
  if (!discarded.reason) throw new Error('a discarded application needs a reason');
  return { ...purged(item), status: 'discarded', discarded };
}

/** The citizen's corrected application (a new id, `corrects` this one) is queued. */
export function markReplaced(item: OutboxItem, correctionId: string, now: number): OutboxItem {
  expect(item, 'handed-back', 'replaced');
  if (correctionId === item.id) throw new Error('a correction is a new application with its own id');
  return { ...purged(item), status: 'replaced', replacedBy: { id: correctionId, at: now } };
}

/**
 * An item left in 'sending' means the page died mid-request (reload, crash, power cut).
 * The server may have stored it; sending again is safe thanks to the Idempotency-Key.
 */
export function recoverInterrupted(item: OutboxItem, now: number): OutboxItem {
  if (item.status !== 'sending') return item;
  return { ...item, status: 'queued', nextAttemptAt: now, lastError: { kind: 'network', code: 'interrupted' } };
}
