import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Problem } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import type { Db } from '../../server/store/db.ts';
import { IDEMPOTENCY_KEY_TTL_DAYS, purgeExpiredKeys, STALE_CLAIM_MS } from '../../server/submissions/idempotency.ts';
import { demoServices } from './helpers/catalog.ts';
import { lifeCertificateRequest, postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { useDeviceToken, withDevice } from './helpers/terminal.ts';
import { testKeys } from './helpers/keys.ts';

const DAY_MS = 24 * 3600 * 1000;

describe.each(STORES)('idempotency keys (%s)', (kind) => {
  const db = useTestDb(kind);
  const device = useDeviceToken(db);
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), device());
  const rows = async () => (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM submissions'))[0]!.n;
  const claim = (key: string, ageMs: number) =>
    db().query(
      `INSERT INTO idempotency_keys (key, request_hash, state, created_at, updated_at)
       VALUES ($1, 'some-hash', 'processing', $2::timestamptz, $2::timestamptz)`,
      [key, new Date(Date.now() - ageMs).toISOString()],
    );

  beforeEach(async () => {
    await publishCatalog(db(), demoServices());
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('stores one application when ten copies arrive at once: one 201, the rest 409 or the same 201', async () => {
    const request = lifeCertificateRequest();
    const responses = await Promise.all(Array.from({ length: 10 }, () => postSubmission(app(), request)));
    const replies = await Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.text() })));
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body)).size).toBe(1);
    for (const other of replies.filter((r) => r.status !== 201)) {
      expect(other.status).toBe(409);
      expect((JSON.parse(other.body) as Problem).code).toBe('request-in-progress');
    }
    expect(await rows()).toBe(1);
  });

  it('answers 409 while another request holds a fresh claim on the key', async () => {
    const request = lifeCertificateRequest();
    await claim(request.id, 1000);
    const res = await postSubmission(app(), request);
    expect(res.status).toBe(409);
    expect(await rows()).toBe(0);
  });

  it('takes over a claim left by a request that died more than a minute ago', async () => {
    const request = lifeCertificateRequest();
    await claim(request.id, STALE_CLAIM_MS + 5000);
    expect((await postSubmission(app(), request)).status).toBe(201);
  });

  it('answers a resend with the stored receipt after the key was purged, never a duplicate', async () => {
    const request = lifeCertificateRequest();
    const first = await (await postSubmission(app(), request)).text();
    await db().query('DELETE FROM idempotency_keys');
    const again = await postSubmission(app(), request);
    expect(again.status).toBe(201);
    expect(JSON.parse(await again.text())).toEqual(JSON.parse(first));
    const different = await postSubmission(app(), { ...request, language: 'fr' });
    expect(different.status).toBe(422);
    expect(await rows()).toBe(1);
  });

  it(`purges keys older than ${IDEMPOTENCY_KEY_TTL_DAYS} days and keeps younger ones`, async () => {
    const old = lifeCertificateRequest();
    const recent = lifeCertificateRequest();
    await claim(old.id, (IDEMPOTENCY_KEY_TTL_DAYS + 1) * DAY_MS);
    await claim(recent.id, (IDEMPOTENCY_KEY_TTL_DAYS - 1) * DAY_MS);
    expect(await purgeExpiredKeys(db())).toBe(1);
    expect(await db().query('SELECT key FROM idempotency_keys')).toEqual([{ key: recent.id }]);
  });

  it('releases the key when storing fails, answers 500 internal-error, and keeps serving', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let failNext = true;
    const flaky: Db = {
      ...db(),
      kind: db().kind,
      transaction: (fn) =>
        db().transaction(async (tx) => {
          if (failNext) {
            failNext = false;
            throw new Error('disk full');
          }
          return fn(tx);
        }),
    };
    const request = lifeCertificateRequest();
    const app = withDevice(createApp({ db: flaky, keys: testKeys(), version: 'test' }), device());
    const failed = await postSubmission(app, request);
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toBe('application/problem+json');
    expect(failed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await failed.json()).toMatchObject({ code: 'internal-error', status: 500 });
    expect(error).toHaveBeenCalled();
    expect(await db().query('SELECT key FROM idempotency_keys')).toEqual([]);

    expect((await postSubmission(app, request)).status).toBe(201);
  });
});
