/**
 * Tracking status for a scanned or typed code: the server's answer when it gives one,
 * else this terminal's outbox, and always which source and why. The server is a stubbed
 * fetch; the outbox is a real Dexie database on fake-indexeddb.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelaisDb } from '../../../src/data/db.ts';
import { setMeta } from '../../../src/data/meta.ts';
import { lookUpTracking } from '../../../src/data/track-lookup.ts';
import type { OutboxItem } from '../../../src/core/outbox/types.ts';
import type { TrackingStatus } from '../../../src/core/sync/protocol.ts';

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const CODE = '7KQ2M-4ZP9D';

function item(trackingCode: string, status: OutboxItem['status']): OutboxItem {
  return {
    id: crypto.randomUUID(),
    status,
    request: { id: 'x', serviceId: 'residence-certificate', formVersion: 1, terminalId: 't1', language: 'fr', createdAt: '2026-01-01T10:00:00Z', submittedAt: '2026-01-01T10:05:00Z' },
    trackingCode,
    trackingConfirmed: false,
    attempts: 0,
    nextAttemptAt: 0,
    queuedAt: Date.parse('2026-01-01T10:05:00Z'),
  };
}

const status: TrackingStatus = { trackingCode: CODE, serviceId: 'residence-certificate', state: 'processing', receivedAt: '2026-01-01T10:06:00Z', updatedAt: '2026-01-02T09:00:00Z' };

function serverAnswers(res: Response | Error) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => {
    if (res instanceof Error) throw res;
    return res.clone();
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('lookUpTracking', () => {
  it('asks the server with the device token and shows its status', async () => {
    const db = freshDb();
    await setMeta(db, 'enrollment', { token: 'dev-token', terminalId: 't1', relayId: 'r1', expiresAt: '2099-01-01T00:00:00Z', issuedAt: '2026-01-01T00:00:00Z' });
    const fetchMock = serverAnswers(Response.json(status));
    const found = await lookUpTracking(db, '7kq2m4zp9d');
    expect(found).toEqual({ source: 'server', status, local: undefined });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe(`/api/submissions/${CODE}`);
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer dev-token');
  });

  it('offline: what the outbox knows, saying the network is down', async () => {
    const db = freshDb();
    const queued = item(CODE, 'queued');
    await db.outbox.bulkPut([item('AAAAA-BBBBB', 'delivered'), queued]);
    serverAnswers(new TypeError('Failed to fetch'));
    expect(await lookUpTracking(db, CODE)).toEqual({ source: 'terminal', why: 'offline', item: queued });
  });

  it('not on the server (404): the outbox, or nobody knows it', async () => {
    const db = freshDb();
    serverAnswers(Response.json({ code: 'not-found' }, { status: 404 }));
    expect(await lookUpTracking(db, CODE)).toEqual({ source: 'none', why: 'not-on-server', httpStatus: 404 });
    const waiting = item(CODE, 'needs-attention');
    await db.outbox.put(waiting);
    expect(await lookUpTracking(db, CODE)).toEqual({ source: 'terminal', why: 'not-on-server', item: waiting, httpStatus: 404 });
  });

  it('a server error or a malformed answer is not taken as a status', async () => {
    const db = freshDb();
    serverAnswers(new Response('oops', { status: 503 }));
    expect(await lookUpTracking(db, CODE)).toEqual({ source: 'none', why: 'server-unavailable', httpStatus: 503 });
    serverAnswers(Response.json({ ...status, state: 'approved-by-magic' }));
    expect(await lookUpTracking(db, CODE)).toEqual({ source: 'none', why: 'server-unavailable', httpStatus: 200 });
  });
});
