/**
 * Rate limiting per terminal: a token bucket per device token's terminal (or client address), 429
 * with Retry-After and a problem code past the limit, nothing stored for a refused
 * request, other terminals unaffected, loopback exempt unless asked.
 */
import type { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { TokenBuckets } from '../../server/http/rate-limit.ts';
import { auditEvent } from './helpers/audit.ts';
import { demoServices } from './helpers/catalog.ts';
import { testKeys } from './helpers/keys.ts';
import { lifeCertificateRequest, postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { enrollForTest, useDeviceToken, withDevice } from './helpers/terminal.ts';

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
  const device = useDeviceToken(db);
  let clock = 0;
  beforeEach(() => {
    clock += 60_000; // the app (and its buckets) lives across tests: start each with full buckets
  });
  const bare = createAppWith(3);
  const app = () => withDevice(bare(), device());
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
    // The bucket is the device token's terminal, not what the body claims.
    expect((await postSubmission(app(), lifeCertificateRequest({ terminalId: 'relay-tafraout-02' }))).status).toBe(429);
    // Another enrolled terminal has its own bucket; the first gets a token back after 20 s.
    const other = withDevice(bare(), await enrollForTest(db(), 'relay-tafraout-02'));
    expect((await postSubmission(other, lifeCertificateRequest({ terminalId: 'relay-tafraout-02' }))).status).toBe(201);
    clock += 20_000;
    expect((await postSubmission(app(), refused)).status).toBe(201);
  });

  it('counts every call by its device token, calls without a valid one by client address; never the health check', async () => {
    const post = (on: Hono, terminalId: string) =>
      on.request('/api/audit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events: [auditEvent({ terminalId })] }) });
    for (let i = 0; i < 3; i += 1) expect((await post(app(), 'relay-tafraout-01')).status).toBe(200);
    expect((await post(app(), 'relay-tafraout-01')).status).toBe(429);
    expect((await app().request('/api/catalog')).status).toBe(429); // the same terminal's bucket
    expect((await app().request('/api/submissions/ABCDE-FGHJK')).status).toBe(429);
    const other = withDevice(bare(), await enrollForTest(db(), 'relay-b'));
    expect((await post(other, 'relay-b')).status).toBe(200);
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    const forged = { authorization: 'Bearer rlt_' + 'A'.repeat(43) };
    for (let i = 0; i < 3; i += 1) expect((await bare().request('/api/catalog', { headers: forged }, from('10.0.0.7'))).status).toBe(401);
    expect((await bare().request('/api/catalog', { headers: forged }, from('10.0.0.7'))).status).toBe(429);
    expect((await bare().request('/api/terminals/enroll', { method: 'POST', body: '{}' }, from('10.0.0.7'))).status).toBe(429);
    expect((await bare().request('/api/catalog', {}, from('10.0.0.8'))).status).toBe(401);
    for (let i = 0; i < 10; i += 1) expect((await bare().request('/api/health', {}, from('10.0.0.7'))).status).toBe(200);
  });

  it('leaves direct loopback requests alone unless RATE_LIMIT_LOOPBACK asks, but not proxied ones', async () => {
    const local = { incoming: { socket: { remoteAddress: '127.0.0.1' } } };
    for (let i = 0; i < 10; i += 1) expect((await app().request('/api/catalog', {}, local)).status).toBe(200);
    const proxied = (n: number) => app().request('/api/catalog', { headers: { 'X-Forwarded-For': `203.0.113.${n}` } }, local);
    for (let i = 0; i < 3; i += 1) expect((await proxied(i)).status).toBe(200);
    expect((await proxied(9)).status).toBe(429);
    const strict = createAppWith(3, true);
    const loopback6 = { incoming: { socket: { remoteAddress: '::1' } } };
    for (let i = 0; i < 3; i += 1) expect((await withDevice(strict(), device()).request('/api/catalog', {}, loopback6)).status).toBe(200);
    expect((await withDevice(strict(), device()).request('/api/catalog', {}, loopback6)).status).toBe(429);
  });

  it('is off when the figure is 0', async () => {
    const open = withDevice(createApp({ db: db(), keys: testKeys(), version: 'test', rateLimit: { perMinute: 0 } }), device());
    for (let i = 0; i < 20; i += 1) expect((await open.request('/api/catalog')).status).toBe(200);
  });
});
