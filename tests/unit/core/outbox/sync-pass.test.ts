import { describe, expect, it } from 'vitest';
import { newOutboxItem } from '../../../../src/core/outbox/state-machine.ts';
import { recoverOutbox, runSyncPass } from '../../../../src/core/outbox/sync-pass.ts';
import { markSending } from '../../../../src/core/outbox/state-machine.ts';
import { memoryStore, receiptFor, sampleRequest, scriptedTransport } from '../../../support/outbox-fixtures.ts';

function clock(start = 1_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('a sync pass', () => {
  it('an application queued offline arrives once after two dropped attempts, with the same key each time', async () => {
    const item = newOutboxItem(sampleRequest(), 'LOCAL-00001', 1000);
    const store = memoryStore([item]);
    const transport = scriptedTransport(['drop', 'drop', receiptFor(item.id)]);
    const c = clock();
    const deps = { store, transport, now: c.now, random: () => 0.5, policy: { baseMs: 1000, capMs: 60_000 } };

    expect((await runSyncPass(deps)).retrying).toBe(1);
    expect((await runSyncPass(deps)).delivered).toBe(0); // still backing off: not due
    c.advance(600);
    await runSyncPass(deps);
    c.advance(5_000);
    const last = await runSyncPass(deps);

    expect(last.delivered).toBe(1);
    expect(transport.calls).toEqual([item.id, item.id, item.id]);
    expect(store.items.get(item.id)).toMatchObject({ status: 'delivered', attempts: 3, trackingConfirmed: true });
  });

  it('a 422 stops retrying and keeps the reasons; a 503 with Retry-After waits at least that long', async () => {
    const bad = newOutboxItem(sampleRequest(), 'A', 0);
    const busy = newOutboxItem(sampleRequest(), 'B', 1);
    const store = memoryStore([bad, busy]);
    const transport = scriptedTransport([
      { status: 422, retryAfter: null, body: { code: 'invalid-answers', errors: [{ field: 'phone', code: 'invalid-phone' }] } },
      { status: 503, retryAfter: '120', body: null },
    ]);
    const c = clock();
    const report = await runSyncPass({ store, transport, now: c.now, random: () => 0, policy: { baseMs: 1000, capMs: 60_000 } });

    expect(report).toMatchObject({ rejected: 1, retrying: 1, nextDueAt: c.now() + 120_000 });
    expect(store.items.get(bad.id)).toMatchObject({ status: 'needs-attention', lastError: { code: 'invalid-answers' } });
    expect(store.items.get(busy.id)).toMatchObject({ status: 'queued', nextAttemptAt: c.now() + 120_000 });
  });

  it('a dead link stops the pass after the first failure instead of walking the whole queue', async () => {
    const items = Array.from({ length: 5 }, (_, i) => newOutboxItem(sampleRequest(), `C${i}`, i));
    const transport = scriptedTransport([]);
    await runSyncPass({ store: memoryStore(items), transport, now: () => 10, random: () => 0.5, batch: 1 });
    expect(transport.calls).toHaveLength(1);
  });

  it('delivers a long queue in batches with several lanes, each item exactly once', async () => {
    const items = Array.from({ length: 23 }, (_, i) => newOutboxItem(sampleRequest(), `D${i}`, i));
    const store = memoryStore(items);
    const transport = scriptedTransport(items.map((i) => receiptFor(i.id)));
    // the scripted receipts are in queue order; answer by key instead so lanes may interleave
    transport.submit = async (_r, key) => (transport.calls.push(key), receiptFor(key));
    const report = await runSyncPass({ store, transport, now: () => 100, random: () => 0.5, lanes: 3, batch: 5 });
    expect(report.delivered).toBe(23);
    expect(new Set(transport.calls).size).toBe(23);
    expect(transport.calls).toHaveLength(23);
  });

  it('an item left in sending by a crashed page is recovered and delivered', async () => {
    const stuck = markSending(newOutboxItem(sampleRequest(), 'E', 0), 1);
    const store = memoryStore([stuck]);
    expect(await recoverOutbox(store, 50)).toBe(1);
    const report = await runSyncPass({ store, transport: scriptedTransport([receiptFor(stuck.id)]), now: () => 50, random: Math.random });
    expect(report.delivered).toBe(1);
  });

  it('an item another runner already took is not sent twice', async () => {
    const item = newOutboxItem(sampleRequest(), 'F', 0);
    const store = memoryStore([item]);
    const realReplace = store.replace;
    // Simulate a second tab taking the item between due() and our replace().
    store.replace = async (next, expected) => {
      if (next.status === 'sending') return false;
      return realReplace(next, expected);
    };
    const transport = scriptedTransport([receiptFor(item.id)]);
    await runSyncPass({ store, transport, now: () => 5, random: Math.random });
    expect(transport.calls).toHaveLength(0);
  });
});

describe('when the next pass should run', () => {
  it('reports when the next queued item falls due even if the pass touched nothing', async () => {
    const waiting = { ...newOutboxItem(sampleRequest(), 'W', 0), nextAttemptAt: 5_000 };
    const report = await runSyncPass({ store: memoryStore([waiting]), transport: scriptedTransport([]), now: () => 1_000, random: Math.random });
    expect(report).toMatchObject({ delivered: 0, retrying: 0, nextDueAt: 5_000 });
  });

  it('after a failure, the items the pass did not reach wait for the failed one instead of being tried at once', async () => {
    const items = Array.from({ length: 3 }, (_, i) => newOutboxItem(sampleRequest(), `N${i}`, i));
    const report = await runSyncPass({ store: memoryStore(items), transport: scriptedTransport([]), now: () => 10, random: () => 0.5, batch: 1, policy: { baseMs: 1000, capMs: 60_000 } });
    expect(report).toMatchObject({ retrying: 1, nextDueAt: 10 + 500 });
  });

  it('reports nothing to wait for when the queue is empty', async () => {
    const item = newOutboxItem(sampleRequest(), 'E', 0);
    const report = await runSyncPass({ store: memoryStore([item]), transport: scriptedTransport([receiptFor(item.id)]), now: () => 1, random: Math.random });
    expect(report.nextDueAt).toBeNull();
  });
});
