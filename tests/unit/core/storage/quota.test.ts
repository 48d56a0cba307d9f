import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Dexie from 'dexie';
import { roomForPhoto } from '../../../../src/core/attachments/sizing.ts';
import { describe, expect, it } from 'vitest';
import { isQuotaError, storageFullOr, StorageFullError, storageLevel, storageRatio } from '../../../../src/core/storage/quota.ts';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const mb = 1024 * 1024;

/** A Dexie database on fake-indexeddb whose IndexedDB transactions can be aborted the way a browser does. */
async function openDb() {
  const db = new Dexie(`quota-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  db.version(1).stores({ items: 'id' });
  await db.open();
  return db;
}
/** What Chromium does when a commit goes over quota: the transaction aborts with a QuotaExceededError. */
const abortForQuota = () => (Dexie.currentTransaction as unknown as { idbtrans: { _abort(name: string): void } }).idbtrans._abort('QuotaExceededError');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('isQuotaError', () => {
  it('recognises a real DOMException named QuotaExceededError', () => {
    const error = quota();
    expect(error.code).toBe(22);
    expect(isQuotaError(error)).toBe(true);
  });

  it("recognises Dexie's QuotaExceededError, made by Dexie from a write the store refused", async () => {
    const db = await openDb();
    const store = db.backendDB().transaction('items', 'readwrite').objectStore('items');
    const proto = Object.getPrototypeOf(store) as { put: (...args: unknown[]) => unknown };
    const put = proto.put;
    proto.put = () => {
      throw quota();
    };
    try {
      const error = await rejection(db.table('items').put({ id: 1 }));
      expect(error).toBeInstanceOf(Dexie.QuotaExceededError);
      expect(isQuotaError(error)).toBe(true);
    } finally {
      proto.put = put;
    }
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
  });

  it('recognises it wrapped in the AbortError Dexie rejects with when the transaction aborts over quota', async () => {
    const db = await openDb();
    const error = await rejection(
      db.transaction('rw', 'items', async () => {
        await db.table('items').put({ id: 1 });
        abortForQuota();
      }),
    );
    expect((error as Error).name).toBe('AbortError');
    expect(isQuotaError(error)).toBe(true);
    expect(await db.table('items').count()).toBe(0); // nothing half-written
  });

  it("recognises a request aborted by its transaction's failure once given the transaction", async () => {
    const db = await openDb();
    let transaction: IDBTransaction | undefined;
    const error = await rejection(
      db.transaction('rw', 'items', async (tx) => {
        transaction = tx.idbtrans;
        const write = db.table('items').put({ id: 1 }); // still pending when the transaction fails
        abortForQuota();
        await write;
      }),
    );
    expect(isQuotaError(error)).toBe(false); // the request only saw an AbortError
    expect(isQuotaError(error, transaction)).toBe(true);
    const full = storageFullOr(error, transaction);
    expect(full).toBeInstanceOf(StorageFullError);
    expect(isQuotaError(full)).toBe(true);
    expect(storageFullOr(full)).toBe(full);
    const other = new TypeError('x');
    expect(storageFullOr(other)).toBe(other);
  });

  it('recognises it in a cause, a BulkError failure, and a request event whose transaction failed', () => {
    expect(isQuotaError(new Error('could not queue', { cause: quota() }))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('1 of 2 failed', { 1: quota() }))).toBe(true);
    const aborted = new DOMException('A request was aborted', 'AbortError');
    expect(isQuotaError({ type: 'error', target: { error: aborted, transaction: { error: quota() } } })).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', new Error('wrapped', { cause: quota() })))).toBe(true);
  });

  it('does not take other failures for a full disk', () => {
    expect(isQuotaError(new DOMException('A request was aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('aborted', new DOMException('nope', 'ConstraintError')))).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('key exists'))).toBe(false);
    expect(isQuotaError(new TypeError('x is undefined'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop; // a cycle ends the search instead of hanging
    expect(isQuotaError(loop)).toBe(false);
  });
});

describe('storage levels', () => {
  it('warns from 80 % and refuses photos from 90 % of the quota', () => {
    expect(storageRatio({ usage: 50, quota: 100 })).toBe(0.5);
    expect(storageRatio({})).toBeNull();
    expect(storageLevel({ usage: 79, quota: 100 })).toBe('ok');
    expect(storageLevel({ usage: 80, quota: 100 })).toBe('warning');
    expect(storageLevel({ usage: 90, quota: 100 })).toBe('photos-refused');
    expect(storageLevel({})).toBe('ok'); // unknown: never block
  });

  it('refuses a photo above 90 %, or when the free space cannot hold it with its copies', () => {
    expect(roomForPhoto({ usage: 10 * mb, quota: 100 * mb }, mb)).toBe(true);
    expect(roomForPhoto({ usage: 91 * mb, quota: 100 * mb }, mb)).toBe(false); // room, but the last tenth is for applications
    expect(roomForPhoto({ usage: 10 * mb, quota: 16 * mb }, 2 * mb)).toBe(false); // 62 %, but 6 MB < 4 × 2 MB + 5 MB
  });
});
