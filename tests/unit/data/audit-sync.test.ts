import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelaisDb } from '../../../src/data/db.ts';
import { appendAudit, unsentAudit } from '../../../src/data/audit-log.ts';
import { deliverAudit } from '../../../src/data/audit-sync.ts';
import { getMeta } from '../../../src/data/meta.ts';

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
afterEach(() => vi.unstubAllGlobals());

async function logSome(db: RelaisDb, n: number) {
  for (let i = 0; i < n; i++) await appendAudit(db, { actor: 'citizen', action: 'created', applicationId: crypto.randomUUID() });
}

describe('audit log delivery', () => {
  it('sends what the server has not acknowledged, once, in order', async () => {
    const db = freshDb();
    await logSome(db, 3);
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => (bodies.push(JSON.parse(String(init.body))), new Response('{"accepted":3}', { status: 200 })));
    expect(await deliverAudit(db)).toBe(3);
    expect(await deliverAudit(db)).toBe(0);
    expect(bodies).toHaveLength(1);
    expect(await db.audit.count()).toBe(3); // append-only: nothing is deleted locally
  });

  it('a network failure or a 5xx keeps the events for the next pass', async () => {
    const db = freshDb();
    await logSome(db, 2);
    vi.stubGlobal('fetch', async () => new Response('', { status: 503 }));
    await expect(deliverAudit(db)).rejects.toThrow();
    expect(await unsentAudit(db)).toHaveLength(2);
  });

  it('a batch the server refuses as malformed does not block later events, and the refusal is kept', async () => {
    const db = freshDb();
    await logSome(db, 2);
    vi.stubGlobal('fetch', async () => new Response('{"code":"invalid-request"}', { status: 422 }));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await deliverAudit(db)).toBe(2);
    expect(await unsentAudit(db)).toHaveLength(0);
    expect(await getMeta(db, 'auditRefused')).toMatchObject([{ fromSeq: 1, toSeq: 2, status: 422 }]);
    expect(await db.audit.count()).toBe(2);
  });
});
