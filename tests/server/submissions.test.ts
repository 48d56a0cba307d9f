import { webcrypto } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { trackingCodeFor, type Digester } from '../../src/core/ids/tracking-code.ts';
import { MAX_SUBMISSION_BYTES, type Problem, type SubmissionReceipt } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { demoServices, lifeCertificateV2 } from './helpers/catalog.ts';
import { lifeCertificateRequest, postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { useDeviceToken, withDevice } from './helpers/terminal.ts';
import { testKeys } from './helpers/keys.ts';

const subtle = webcrypto.subtle as Digester;

describe.each(STORES)('POST /api/submissions (%s)', (kind) => {
  const db = useTestDb(kind);
  const device = useDeviceToken(db);
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), device());
  const count = async () => (await db().query<{ n: number }>('SELECT count(*)::int AS n FROM submissions'))[0]!.n;

  beforeEach(async () => {
    await publishCatalog(db(), demoServices());
  });

  it('accepts a valid application with 201 and the tracking code the kiosk computed offline', async () => {
    const request = lifeCertificateRequest();
    const before = Date.now();
    const res = await postSubmission(app(), request);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const receipt = (await res.json()) as SubmissionReceipt;
    expect(receipt.id).toBe(request.id);
    expect(receipt.trackingCode).toBe(await trackingCodeFor(request.id, subtle));
    expect(Date.parse(receipt.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    const [row] = await db().query<{ answers: unknown; state: string; language: string }>(
      'SELECT answers, state, language FROM submissions WHERE id = $1',
      [request.id],
    );
    expect(row).toEqual({ answers: request.payload.answers, state: 'received', language: 'shi-Latn' });
  });

  it('answers the same key and body again with the very same status and body', async () => {
    const request = lifeCertificateRequest();
    const first = await postSubmission(app(), request);
    const firstBody = await first.text();
    // Same meaning, keys in another order: still the same request.
    const { payload, ...envelope } = request;
    const reordered = JSON.stringify({ payload, ...envelope });
    const second = await postSubmission(app(), reordered, request.id);
    expect(second.status).toBe(first.status);
    expect(await second.text()).toBe(firstBody);
    expect(await count()).toBe(1);
  });

  it('refuses the same key with a different body with 422', async () => {
    const request = lifeCertificateRequest();
    await postSubmission(app(), request);
    const res = await postSubmission(app(), { ...request, terminalId: 'another-terminal' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).code).toBe('idempotency-key-reused');
    expect(await count()).toBe(1);
  });

  it('requires an Idempotency-Key (400) that is a UUID (400)', async () => {
    const missing = await postSubmission(app(), lifeCertificateRequest(), null);
    expect(missing.status).toBe(400);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
    expect(((await missing.json()) as Problem).code).toBe('missing-idempotency-key');
    const bad = await postSubmission(app(), lifeCertificateRequest(), 'not-a-uuid');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Problem).code).toBe('invalid-idempotency-key');
  });

  it('refuses invalid answers with 422 and per-field codes, then accepts the corrected application under the same id', async () => {
    const request = lifeCertificateRequest();
    const wrong = { ...request, payload: { encoding: 'json' as const, answers: { ...request.payload.answers, phone: '12', pensionFund: 'bank', extra: 'x' } } };
    const res = await postSubmission(app(), wrong);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await res.json()) as Problem;
    expect(problem).toMatchObject({ type: 'urn:relais:problem:invalid-answers', status: 422, code: 'invalid-answers' });
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'phone', code: 'invalid-phone' },
        expect.objectContaining({ field: 'pensionFund', code: 'invalid-choice' }),
        { field: 'extra', code: 'unknown-field' },
      ]),
    );
    expect(await db().query('SELECT key FROM idempotency_keys WHERE key = $1', [request.id])).toEqual([]);

    const corrected = await postSubmission(app(), request);
    expect(corrected.status).toBe(201);
  });

  it('refuses an answer to a question hidden by its condition', async () => {
    const request = lifeCertificateRequest();
    request.payload.answers.representativeName = 'Brahim Amrani';
    const res = await postSubmission(app(), request);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors).toEqual([{ field: 'representativeName', code: 'not-applicable' }]);
  });

  it('refuses a body over the limit with 413, by its Content-Length or by the bytes read', async () => {
    const request = lifeCertificateRequest();
    const huge = JSON.stringify({ ...request, padding: 'x'.repeat(MAX_SUBMISSION_BYTES) });
    const declared = await postSubmission(app(), huge, request.id, { 'Content-Length': String(huge.length) });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as Problem).code).toBe('payload-too-large');

    // A chunked body declares no length: counted as it streams in.
    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.slice(i, i + 16_384));
        controller.close();
      },
    });
    const streamed = await app().request('/api/submissions', {
      method: 'POST',
      headers: { 'Idempotency-Key': request.id, 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await count()).toBe(0);
  });

  it('refuses malformed JSON with 400, and the next valid request still succeeds', async () => {
    const request = lifeCertificateRequest();
    const res = await postSubmission(app(), '{"id": "', request.id);
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem).code).toBe('malformed-json');
    expect((await postSubmission(app(), request)).status).toBe(201);
  });

  it('refuses an unknown service or form version with 422', async () => {
    const unknownService = await postSubmission(app(), lifeCertificateRequest({ serviceId: 'no-such-service' }));
    expect(unknownService.status).toBe(422);
    expect(((await unknownService.json()) as Problem).code).toBe('unknown-service');
    const unknownVersion = await postSubmission(app(), lifeCertificateRequest({ formVersion: 7 }));
    expect(unknownVersion.status).toBe(422);
    expect(((await unknownVersion.json()) as Problem).code).toBe('unknown-form-version');
  });

  it.each([
    ['an id that is not the key', (r: Record<string, unknown>) => ({ ...r, id: crypto.randomUUID() })],
    ['a missing service id', ({ serviceId: _, ...r }: Record<string, unknown>) => r],
    ['a form version that is not an integer', (r: Record<string, unknown>) => ({ ...r, formVersion: '1' })],
    ['a creation time that is not ISO 8601', (r: Record<string, unknown>) => ({ ...r, createdAt: '02/03/2026 09:00' })],
    ['an impossible submission time', (r: Record<string, unknown>) => ({ ...r, submittedAt: '2026-02-30T25:00:00Z' })],
    ['an unknown payload encoding', (r: Record<string, unknown>) => ({ ...r, payload: { encoding: 'rsa', answers: {} } })],
    ['a sealed payload without its key id', (r: Record<string, unknown>) => ({ ...r, payload: { encoding: 'hpke', enc: 'AA', ciphertext: 'AA' } })],
    ['a sealed payload without its ciphertext', (r: Record<string, unknown>) => ({ ...r, payload: { encoding: 'hpke', keyId: 'k-2f8e96c7ac41', enc: 'AA' } })],
    ['a calendar date that does not exist', (r: Record<string, unknown>) => ({ ...r, createdAt: '2026-02-30T09:00:00Z' })],
    ['year 0', (r: Record<string, unknown>) => ({ ...r, createdAt: '0000-01-01T00:00:00Z' })],
    ['a form version beyond PostgreSQL integers', (r: Record<string, unknown>) => ({ ...r, formVersion: 2 ** 40 })],
    ['answers that are not an object', (r: Record<string, unknown>) => ({ ...r, payload: { encoding: 'json', answers: [] } })],
    ['a body that is not an object', () => [1, 2, 3]],
  ])('refuses %s with 422 invalid-request', async (_name, breakIt) => {
    const request = lifeCertificateRequest();
    const res = await postSubmission(app(), breakIt(request as unknown as Record<string, unknown>), request.id);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('invalid-request');
    expect(problem.detail).toEqual(expect.any(String));
  });

  it('still accepts an application filled against an older form version after a new one is published', async () => {
    await publishCatalog(db(), [...demoServices().filter((s) => s.id !== 'life-certificate'), lifeCertificateV2()]);
    expect((await postSubmission(app(), lifeCertificateRequest({ formVersion: 1 }))).status).toBe(201);
    const onV2 = await postSubmission(app(), lifeCertificateRequest({ formVersion: 2 }));
    expect(onV2.status).toBe(422);
    expect(((await onV2.json()) as Problem).errors).toEqual([{ field: 'lastPaymentMonth', code: 'required' }]);
  });

  it('judges "today" bounds on the day the citizen submitted, not the day the application arrived', async () => {
    // Submitted on 1 March 2026, delivered later: a birth date of 5 March was in the future then.
    const request = lifeCertificateRequest({ submittedAt: '2026-03-01T10:00:00.000Z' });
    request.payload.answers.birthDate = '2026-03-05';
    const res = await postSubmission(app(), request);
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).errors).toEqual([{ field: 'birthDate', code: 'date-too-late', params: { max: '2026-03-01' } }]);
    request.payload.answers.birthDate = '2026-03-01';
    expect((await postSubmission(app(), request)).status).toBe(201);
  });

  it('derives another tracking code when the kiosk-computed one is already taken', async () => {
    const request = lifeCertificateRequest();
    const expected = await trackingCodeFor(request.id, subtle);
    const squatter = lifeCertificateRequest();
    await postSubmission(app(), squatter);
    await db().query('UPDATE submissions SET tracking_code = $1 WHERE id = $2', [expected, squatter.id]);

    const receipt = (await (await postSubmission(app(), request)).json()) as SubmissionReceipt;
    expect(receipt.trackingCode).toBe(await trackingCodeFor(`${request.id}:1`, subtle));
  });
});
