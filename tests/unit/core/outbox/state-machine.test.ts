import { describe, expect, it } from 'vitest';
import {
  markDelivered, markRejected, markRetry, markSending, newOutboxItem, recoverInterrupted, requeue, OutboxTransitionError,
} from '../../../../src/core/outbox/state-machine.ts';
import { sampleRequest } from '../../../support/outbox-fixtures.ts';

const receipt = (id: string) => ({ id, trackingCode: 'SRV00-00001', receivedAt: '2026-11-23T10:00:00.000Z' });

describe('outbox state machine', () => {
  it('a new application is queued, due now, with its local tracking code unconfirmed', () => {
    const item = newOutboxItem(sampleRequest(), 'LOCAL-00001', 1000);
    expect(item).toMatchObject({ status: 'queued', attempts: 0, nextAttemptAt: 1000, trackingCode: 'LOCAL-00001', trackingConfirmed: false });
  });

  it('sending counts the attempt; delivery confirms the server tracking code and clears the last error', () => {
    const q = newOutboxItem(sampleRequest(), 'LOCAL-00001', 0);
    const retried = markRetry(markSending(q, 1), { kind: 'network' }, 500, 2);
    const delivered = markDelivered(markSending(retried, 600), receipt(q.id), 700);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2, trackingCode: 'SRV00-00001', trackingConfirmed: true, deliveredAt: 700 });
    expect(delivered.lastError).toBeUndefined();
  });

  it('a delivered application keeps only its receipt: the sealed answers are purged from the terminal', () => {
    const q = newOutboxItem(sampleRequest(), 'LOCAL-00001', 0);
    const delivered = markDelivered(markSending(q, 1), receipt(q.id), 2);
    expect(delivered.request.payload).toBeUndefined();
    expect(delivered.request).toMatchObject({ id: q.id, serviceId: q.request.serviceId, submittedAt: q.request.submittedAt });
  });

  it('a retry waits for the given delay and keeps the reason', () => {
    const item = markRetry(markSending(newOutboxItem(sampleRequest(), 'X', 0), 10), { kind: 'server', status: 503 }, 4000, 20);
    expect(item).toMatchObject({ status: 'queued', nextAttemptAt: 4020, lastError: { kind: 'server', status: 503 } });
  });

  it('a rejection needs attention and keeps the per-field reasons', () => {
    const errors = [{ field: 'phone', code: 'invalid-phone' as const }];
    const item = markRejected(markSending(newOutboxItem(sampleRequest(), 'X', 0), 1), { kind: 'rejected', status: 422, errors });
    expect(item.status).toBe('needs-attention');
    expect(item.lastError?.errors).toEqual(errors);
  });

  it('refuses to send a delivered application again', () => {
    const q = newOutboxItem(sampleRequest(), 'X', 0);
    const delivered = markDelivered(markSending(q, 1), receipt(q.id), 2);
    expect(() => markSending(delivered, 3)).toThrow(OutboxTransitionError);
    expect(() => markDelivered(delivered, receipt(q.id), 3)).toThrow(OutboxTransitionError);
  });

  it('an item a dead page left in sending goes back to the queue, due at once', () => {
    const sending = markSending(newOutboxItem(sampleRequest(), 'X', 0), 1);
    expect(recoverInterrupted(sending, 99)).toMatchObject({ status: 'queued', nextAttemptAt: 99 });
    const queued = newOutboxItem(sampleRequest(), 'X', 0);
    expect(recoverInterrupted(queued, 99)).toBe(queued);
  });

  it('a corrected application is re-queued under the same id only', () => {
    const rejected = markRejected(markSending(newOutboxItem(sampleRequest(), 'X', 0), 1), { kind: 'rejected', status: 422 });
    expect(requeue(rejected, { ...sampleRequest(rejected.id as ReturnType<typeof crypto.randomUUID>), language: 'fr' }, 5)).toMatchObject({ status: 'queued', nextAttemptAt: 5 });
    expect(() => requeue(rejected, sampleRequest(), 5)).toThrow();
  });
});
