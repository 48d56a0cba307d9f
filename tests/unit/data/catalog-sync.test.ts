/**
 * Catalog refresh against scripted HTTP answers (the real server's side is covered in
 * tests/server and end to end). What matters here: bad entries are skipped and reported,
 * and a bad or missing answer never empties the cache.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RelaisDb } from '../../../src/data/db.ts';
import { syncCatalog } from '../../../src/data/catalog-sync.ts';
import { getMeta } from '../../../src/data/meta.ts';
import { demoService } from '../../support/catalog.ts';

const freshDb = () => new RelaisDb(`t-${crypto.randomUUID()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
const json = (body: unknown, etag = '"c1"') => new Response(JSON.stringify(body), { status: 200, headers: { ETag: etag, 'Content-Type': 'application/json' } });

function serve(...answers: Array<Response | Error>) {
  const requests: Array<{ url: string; ifNoneMatch: string | null }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    requests.push({ url, ifNoneMatch: new Headers(init.headers).get('If-None-Match') });
    const next = answers.shift();
    if (!next || next instanceof Error) throw next ?? new TypeError('Failed to fetch');
    return next;
  });
  return requests;
}

afterEach(() => vi.unstubAllGlobals());

describe('catalog refresh', () => {
  it('stores valid services, skips a malformed one with its reason, and remembers version and ETag', async () => {
    const db = freshDb();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve(json({ version: 3, full: true, removed: [], services: [demoService('life-certificate'), { id: 'broken', version: 'x' }] }, '"c3"'));
    const result = await syncCatalog(db);
    expect(result).toMatchObject({ kind: 'updated', version: 3, upserted: 1, rejected: [{ id: 'broken' }] });
    expect(await db.catalog.toCollection().primaryKeys()).toEqual(['life-certificate']);
    expect(await getMeta(db, 'catalogEtag')).toBe('"c3"');
    expect(warn).toHaveBeenCalled();
  });

  it('asks for a delta with its ETag, applies upserts and removals, and treats 304 as unchanged', async () => {
    const db = freshDb();
    const life = demoService('life-certificate');
    const residence = demoService('residence-certificate');
    const requests = serve(
      json({ version: 1, full: true, removed: [], services: [life, residence] }, '"c1"'),
      json({ version: 2, full: false, removed: ['life-certificate'], services: [{ ...residence, version: 2 }] }, '"c2"'),
      new Response(null, { status: 304 }),
    );
    await syncCatalog(db);
    await syncCatalog(db);
    expect(await syncCatalog(db)).toEqual({ kind: 'unchanged', version: 2 });
    expect(requests.map((r) => [r.url, r.ifNoneMatch])).toEqual([
      ['/api/catalog', null],
      ['/api/catalog?since=1', '"c1"'],
      ['/api/catalog?since=2', '"c2"'],
    ]);
    expect((await db.catalog.toArray()).map((c) => [c.id, c.definition.version])).toEqual([['residence-certificate', 2]]);
  });

  it('offline, a server error or an unreadable answer leave the cached catalog as it was', async () => {
    const db = freshDb();
    serve(json({ version: 1, full: true, removed: [], services: [demoService('life-certificate')] }), new TypeError('offline'), new Response('oops', { status: 500 }), json({ hello: 'world' }));
    await syncCatalog(db);
    expect(await syncCatalog(db)).toEqual({ kind: 'failed', reason: 'offline' });
    expect(await syncCatalog(db)).toEqual({ kind: 'failed', reason: 'http', status: 500 });
    expect(await syncCatalog(db)).toEqual({ kind: 'failed', reason: 'unreadable' });
    expect(await db.catalog.count()).toBe(1);
  });
});

describe('catalog refresh after the server was reset', () => {
  it('a server that no longer knows our version gets a full request, which replaces the cache', async () => {
    const db = freshDb();
    const requests = serve(
      json({ version: 7, full: true, removed: [], services: [demoService('life-certificate')] }, '"c7"'),
      new Response(JSON.stringify({ code: 'invalid-request' }), { status: 400 }),
      json({ version: 1, full: true, removed: [], services: [demoService('residence-certificate')] }, '"c1"'),
    );
    await syncCatalog(db);
    expect(await syncCatalog(db)).toMatchObject({ kind: 'updated', version: 1 });
    expect(requests.map((r) => [r.url, r.ifNoneMatch])).toEqual([['/api/catalog', null], ['/api/catalog?since=7', '"c7"'], ['/api/catalog', null]]);
    expect(await db.catalog.toCollection().primaryKeys()).toEqual(['residence-certificate']);
  });
});
