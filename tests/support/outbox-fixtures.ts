/** Shared fixtures for outbox tests: a request, an in-memory store, a scripted transport. */
import type { OutboxStore } from '../../src/core/outbox/outbox-store.ts';
import type { OutboxItem } from '../../src/core/outbox/types.ts';
import type { SubmissionRequest } from '../../src/core/sync/protocol.ts';
import type { SubmissionTransport, TransportResponse } from '../../src/core/sync/transport.ts';

export function sampleRequest(id = crypto.randomUUID()): SubmissionRequest {
  return {
    id,
    serviceId: 'residence-certificate',
    formVersion: 1,
    terminalId: '6f1c2a0e-8d1b-4c3e-9f00-0000000000aa',
    language: 'ar',
    createdAt: '2026-11-23T09:00:00.000Z',
    submittedAt: '2026-11-23T09:05:00.000Z',
    payload: { encoding: 'json', answers: { fullName: 'Fatima Zahra' } },
  };
}

export function memoryStore(items: OutboxItem[] = []): OutboxStore & { items: Map<string, OutboxItem> } {
  const map = new Map(items.map((i) => [i.id, i]));
  return {
    items: map,
    async due(now, limit) {
      return [...map.values()]
        .filter((i) => i.status === 'queued' && i.nextAttemptAt <= now)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt)
        .slice(0, limit);
    },
    async nextDueAt() {
      const times = [...map.values()].filter((i) => i.status === 'queued').map((i) => i.nextAttemptAt);
      return times.length ? Math.min(...times) : null;
    },
    async interrupted() {
      return [...map.values()].filter((i) => i.status === 'sending');
    },
    async replace(next, expected) {
      if (map.get(next.id)?.status !== expected) return false;
      map.set(next.id, next);
      return true;
    },
  };
}

/** Answers each submit with the next scripted step: a response, or 'drop' (no answer). */
export function scriptedTransport(steps: Array<TransportResponse | 'drop'>): SubmissionTransport & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async submit(_request, key) {
      calls.push(key);
      const step = steps.shift() ?? 'drop';
      if (step === 'drop') throw new TypeError('Failed to fetch');
      return step;
    },
  };
}

export function receiptFor(id: string, trackingCode = 'ABCDE-12345'): TransportResponse {
  return { status: 201, retryAfter: null, body: { id, trackingCode, receivedAt: '2026-11-23T10:00:00.000Z' } };
}
