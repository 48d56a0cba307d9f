/**
 * The app's sync runner over a real (fake-indexeddb) database: an item left in 'sending'
 * (by a page that died, or by a pass that could not write its outcome on a full disk) goes
 * back to the queue at the next pass, not only at the next reload; and never while another
 * tab's pass holds the lock, since that item is really in flight.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RelaisDb } from '../../../src/data/db.ts';
import { SyncRunner } from '../../../src/data/sync-runner.ts';
import { markSending, newOutboxItem } from '../../../src/core/outbox/state-machine.ts';
import { sampleRequest } from '../../support/outbox-fixtures.ts';

/** Web Locks as Chromium gives them, for one origin: `ifAvailable` gets null while another holder has the lock. */
function webLocks() {
  const held = new Set<string>();
  return {
    held,
    async request<T>(name: string, options: { ifAvailable?: boolean }, run: (lock: { name: string } | null) => Promise<T>): Promise<T> {
      if (held.has(name)) {
        if (options.ifAvailable) return run(null);
        throw new Error('this stand-in only grants free locks');
      }
      held.add(name);
      try {
        return await run({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

/** An application a dead pass left in 'sending' an hour ago. */
async function leftSending(db: RelaisDb) {
  const now = Date.now();
  const item = markSending(newOutboxItem(sampleRequest(), 'RL-TEST-0001', now - 3_600_000), now - 3_600_000);
  await db.outbox.put(item);
  return item;
}

describe('the sync runner', () => {
  let locks: ReturnType<typeof webLocks>;
  let posted: string[];

  beforeEach(() => {
    locks = webLocks();
    posted = [];
    vi.stubGlobal('navigator', { locks, onLine: false });
    vi.stubGlobal('window', new EventTarget());
    // No link: every request fails as fetch does offline.
    vi.stubGlobal('fetch', async (url: string) => {
      posted.push(url);
      throw new TypeError('Failed to fetch');
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('puts an item left in sending back in the queue at a pass, and tries it', async () => {
    const db = freshDb();
    const item = await leftSending(db);
    const runner = new SyncRunner(db, 3_600_000);
    const report = await runner.run();
    runner.stop();
    const after = (await db.outbox.get(item.id))!;
    expect(after.status).toBe('queued');
    expect(after.attempts).toBe(item.attempts + 1); // recovered, then tried once more
    expect(after.lastError).toMatchObject({ kind: 'network' });
    expect(posted).toEqual(['/api/submissions']);
    expect(report).toMatchObject({ retrying: 1, delivered: 0 });
  });

  it('leaves a sending item alone while another tab holds the sync lock', async () => {
    const db = freshDb();
    const item = await leftSending(db);
    locks.held.add('relais-outbox-sync');
    const runner = new SyncRunner(db, 3_600_000);
    expect(await runner.run()).toBeNull();
    runner.stop();
    expect((await db.outbox.get(item.id))!.status).toBe('sending');
    expect(posted).toEqual([]);
  });

  it('a pass whose writes fail reports nothing and throws nothing; the next one recovers the item', async () => {
    const db = freshDb();
    const item = await leftSending(db);
    const runner = new SyncRunner(db, 3_600_000);
    const put = vi.spyOn(db.outbox, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await expect(runner.run()).resolves.toBeNull();
    expect(warn).toHaveBeenCalledWith('sync pass failed', expect.objectContaining({ name: 'QuotaExceededError' }));
    expect((await db.outbox.get(item.id))!.status).toBe('sending');
    for (const spy of [put, warn]) spy.mockRestore();
    await runner.run();
    runner.stop();
    expect((await db.outbox.get(item.id))!.status).toBe('queued');
  });
});
