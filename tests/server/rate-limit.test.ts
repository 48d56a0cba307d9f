/**
 * Rate limiting per terminal: a token bucket per terminal id (or client address), 429
 * with Retry-After and a problem code past the limit, nothing stored for a refused
 * request, other terminals unaffected, loopback exempt unless asked.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { TokenBuckets } from '../../server/http/rate-limit.ts';
import { auditEvent } from './helpers/audit.ts';
import { demoServices } from './helpers/catalog.ts';
import { testKeys } from './helpers/keys.ts';
import { lifeCertificateRequest, postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';

describe('token buckets', () => {
  it('grant a burst of the per-minute figure, then one token per 60/N seconds', () => {
    const buckets = new TokenBuckets(120);
    for (let i = 0; i < 120; i += 1) expect(buckets.take('t', 0)).toBe(0);
    expect(buckets.take('t', 0)).toBe(500);
    expect(buckets.take('t', 499)).toBeGreaterThan(0);
    expect(buckets.take('t', 500)).toBe(0);
    expect(buckets.take('other', 500)).toBe(0);
  });

  it('keep a bounded number of keys however many made-up ids arrive', () => {
    const buckets = new TokenBuckets(2);
    for (let i = 0; i < 60_000; i += 1) buckets.take(`t-${i}`, i);
    expect((buckets as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(50_000);
  });
});

describe.each(STORES)('rate limiting (%s)', (kind) => {
  const db = useTestDb(kind);
  let clock = 0;
  const app = createAppWith(3);
  function createAppWith(perMinute: number, limitLoopback = false) {
    let built: ReturnType<typeof createApp> | undefined;
    return () => (built ??= createApp({ db: db(), keys: testKeys(), version: 'test', rateLimit: { perMinute, limitLoopback, now: () => clock } }));
  }

  it('answers 429 rate-limited with Retry-After once a terminal spent its tokens, stores nothing, and lets it in again later', async () => {
    await publishCatalog(db(), demoServices());
    for (let i = 0; i < 3; i += 1) expect((await postSubmission(app(), lifeCertificateRequest())).status).toBe(201);
    const refused = lifeCertificateRequest();
    const res = await postSubmission(app(), refused);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('20');
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(((await res.json()) as Problem).code).toBe('rate-limited');
    expect(await db().query('SELECT id FROM submissions WHERE id = $1', [refused.id])).toEqual([]);
    // Another terminal has its own bucket; the first gets a token back after 20 s.
    expect((await postSubmission(app(), lifeCertificateRequest({ terminalId: 'relay-tafraout-02' }))).status).toBe(201);
    clock += 20_000;
    expect((await postSubmission(app(), refused)).status).toBe(201);
  });

  it('counts audit batches by their terminal, and catalog and tracking reads by client address; never the health check', async () => {
    const post = (terminalId: string) =>
      app().request('/api/audit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events: [auditEvent({ terminalId })] }) });
    for (let i = 0; i < 3; i += 1) expect((await post('relay-a')).status).toBe(200);
    expect((await post('relay-a')).status).toBe(429);
    expect((await post('relay-b')).status).toBe(200);
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    for (let i = 0; i < 3; i += 1) expect((await app().request('/api/catalog', {}, from('10.0.0.7'))).status).toBe(200);
    expect((await app().request('/api/catalog', {}, from('10.0.0.7'))).status).toBe(429);
    expect((await app().request('/api/submissions/ABCDE-FGHJK', {}, from('10.0.0.7'))).status).toBe(429);
    expect((await app().request('/api/catalog', {}, from('10.0.0.8'))).status).toBe(200);
    for (let i = 0; i < 10; i += 1) expect((await app().request('/api/health', {}, from('10.0.0.7'))).status).toBe(200);
  });

  it('leaves direct loopback requests alone unless RATE_LIMIT_LOOPBACK asks, but not proxied ones', async () => {
    const local = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    for (let i = 0; i < 10; i += 1) expect((await app().request('/api/catalog', {}, local)).status).toBe(200);
    const proxied = (n: number) => app().request('/api/catalog', { headers: { 'X-Forwarded-For': `203.0.113.${n}` } }, local);
    for (let i = 0; i < 3; i += 1) expect((await proxied(i)).status).toBe(200);
    expect((await proxied(9)).status).toBe(429);
    const strict = createAppWith(3, true);
    for (let i = 0; i < 3; i += 1) expect((await strict().request('/api/catalog', {}, { incoming: { socket: { remoteAddress: '::1' } } })).status).toBe(200);
    expect((await strict().request('/api/catalog', {}, { incoming: { socket: { remoteAddress: '::1' } } })).status).toBe(429);
  });

  it('is off when the figure is 0', async () => {
    const open = createApp({ db: db(), keys: testKeys(), version: 'test', rateLimit: { perMinute: 0 } });
    for (let i = 0; i < 20; i += 1) expect((await open.request('/api/catalog')).status).toBe(200);
  });
});
