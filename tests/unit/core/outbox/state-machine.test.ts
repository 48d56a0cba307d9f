import { describe, expect, it } from 'vitest';
import {
  discard, handBack, markDelivered, markRejected, markReplaced, markRetry, markSending, newOutboxItem, recoverInterrupted, requeue, withdrawHandBack, OutboxTransitionError,
} from '../../../../src/core/outbox/state-machine.ts';
import type { OutboxItem } from '../../../../src/core/outbox/types.ts';
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

  describe('what a supervisor does with a refused application', () => {
    const sealedFile = { id: crypto.randomUUID(), sealed: new Uint8Array([1, 2, 3]) };
    const refused = (): OutboxItem =>
      markRejected(markSending(newOutboxItem(sampleRequest(), 'X', 0, [sealedFile]), 1), { kind: 'rejected', status: 422, code: 'invalid-answers', errors: [{ field: 'fullName', code: 'pattern' }] });
    const reason = { by: 'supervisor-demo', at: 9, reason: 'citizen-withdrew', note: 'parti' };

    it('discarding needs a reason, drops the sealed answers and images, and keeps ids, code and the refusal', () => {
      const item = refused();
      const gone = discard(item, reason);
      expect(gone).toMatchObject({ status: 'discarded', discarded: reason, trackingCode: 'X', lastError: { code: 'invalid-answers' } });
      expect(gone.request.payload).toBeUndefined();
      expect(gone.attachments).toBeUndefined();
      expect(gone.request).toMatchObject({ id: item.id, serviceId: item.request.serviceId, formVersion: 1 });
      expect(() => discard(item, { ...reason, reason: '' })).toThrow(/reason/);
    });

    it('only a refused application can be discarded: never a queued, sending, delivered or handed-back one', () => {
      const queued = newOutboxItem(sampleRequest(), 'X', 0);
      const sending = markSending(queued, 1);
      const delivered = markDelivered(sending, receipt(queued.id), 2);
      for (const item of [queued, sending, delivered, handBack(refused(), 'supervisor-demo', 3)]) {
        expect(() => discard(item, reason)).toThrow(OutboxTransitionError);
      }
      const discarded = discard(refused(), reason);
      expect(() => discard(discarded, reason)).toThrow(OutboxTransitionError);
      expect(() => markSending(discarded, 4)).toThrow(OutboxTransitionError);
    });

    it('a hand-back keeps the sealed answers until the correction replaces it, then drops them', () => {
      const item = refused();
      const back = handBack(item, 'supervisor-demo', 5);
      expect(back).toMatchObject({ status: 'handed-back', handedBack: { by: 'supervisor-demo', at: 5 } });
      expect(back.request.payload).toBeDefined();
      const correction = crypto.randomUUID();
      const replaced = markReplaced(back, correction, 8);
      expect(replaced).toMatchObject({ status: 'replaced', replacedBy: { id: correction, at: 8 }, trackingCode: 'X' });
      expect(replaced.request.payload).toBeUndefined();
      expect(replaced.attachments).toBeUndefined();
    });

    it('a correction is another application, and only a handed-back one is replaced', () => {
      const back = handBack(refused(), 'supervisor-demo', 5);
      expect(() => markReplaced(back, back.id, 6)).toThrow(/own id/);
      expect(() => markReplaced(refused(), crypto.randomUUID(), 6)).toThrow(OutboxTransitionError);
      expect(() => handBack(back, 'supervisor-demo', 6)).toThrow(OutboxTransitionError);
      expect(() => handBack(newOutboxItem(sampleRequest(), 'X', 0), 'supervisor-demo', 6)).toThrow(OutboxTransitionError);
    });

    it('a withdrawn hand-back needs attention again, and can then be discarded', () => {
      const back = handBack(refused(), 'supervisor-demo', 5);
      const again = withdrawHandBack(back);
      expect(again.status).toBe('needs-attention');
      expect(again.handedBack).toBeUndefined();
      expect(discard(again, reason).status).toBe('discarded');
      expect(() => withdrawHandBack(again)).toThrow(OutboxTransitionError);
    });
  });
});
