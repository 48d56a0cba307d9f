/**
 * Sealed applications (DESIGN §5) from the server's side: opened with the key they name,
 * judged by the same rules as clear ones, stored opened with who assisted and the consent
 * version, and refused cleanly (nothing stored) when they cannot be opened.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeBase64Url } from '../../src/core/crypto/base64url.ts';
import type { Problem, SubmissionReceipt } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { memoryKeyRing } from '../../server/keys/key-ring.ts';
import { demoServices } from './helpers/catalog.ts';
import { sealedRequest, TEST_KEY, TEST_KEY_2, testKeys } from './helpers/keys.ts';
import { postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { useDeviceToken, withDevice } from './helpers/terminal.ts';

const flip = (coded: string, at: number) => {
  const bytes = Buffer.from(coded, 'base64url');
  bytes[at]! ^= 0x80;
  return encodeBase64Url(bytes);
};

describe.each(STORES)('sealed applications (%s)', (kind) => {
  const db = useTestDb(kind);
  const device = useDeviceToken(db);
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), device());
  const count = async (table = 'submissions') => (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeEach(async () => {
    await publishCatalog(db(), demoServices());
  });

  it('opens, validates and stores a sealed application with who assisted and the consent version', async () => {
    const request = await sealedRequest({}, { assistedBy: 'agent-0042', consentVersion: 'consent-2026-01' });
    const res = await postSubmission(app(), request);
    expect(res.status).toBe(201);
    const receipt = (await res.json()) as SubmissionReceipt;
    expect(receipt.id).toBe(request.id);
    const [row] = await db().query('SELECT answers, assisted_by, consent_version, sealed_key_id FROM submissions WHERE id = $1', [request.id]);
    expect(row).toEqual({
      answers: expect.objectContaining({ fullName: 'Fatima Zahra Amrani', cnie: 'BE123456' }),
      assisted_by: 'agent-0042',
      consent_version: 'consent-2026-01',
      sealed_key_id: TEST_KEY.keyId,
    });
  });

  it('writes a "delivered" audit line by the server, with ids only, once however often it is resent', async () => {
    const request = await sealedRequest();
    const first = await postSubmission(app(), request);
    const again = await postSubmission(app(), request);
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(await first.text());
    const lines = await db().query('SELECT actor, action, terminal_id, application_id, service_id FROM audit_events');
    expect(lines).toEqual([{ actor: 'server', action: 'delivered', terminal_id: request.terminalId, application_id: request.id, service_id: 'life-certificate' }]);
  });

  it('judges the opened answers exactly as clear ones: field errors, and a corrected envelope under the same id is accepted', async () => {
    const bad = await sealedRequest({}, { answers: { fullName: 'Fatima', cnie: '12', extra: 'x' } });
    const res = await postSubmission(app(), bad);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as Problem;
    expect(problem.code).toBe('invalid-answers');
    expect(problem.errors).toEqual(expect.arrayContaining([{ field: 'extra', code: 'unknown-field' }, expect.objectContaining({ field: 'cnie' })]));
    const fixed = await sealedRequest({ id: bad.id });
    expect((await postSubmission(app(), fixed)).status).toBe(201);
  });

  it('opens an application sealed to an older key after a rotation', async () => {
    const before = await sealedRequest({}, {}, TEST_KEY);
    const rotated = withDevice(createApp({ db: db(), keys: memoryKeyRing([TEST_KEY, TEST_KEY_2]), version: 'test' }), device());
    const catalog = (await (await rotated.request('/api/catalog')).json()) as { sealing: { keyId: string } };
    expect(catalog.sealing.keyId).toBe(TEST_KEY_2.keyId);
    expect((await postSubmission(rotated, before)).status).toBe(201);
    expect((await postSubmission(rotated, await sealedRequest({}, {}, TEST_KEY_2))).status).toBe(201);
  });

  it('refuses an envelope sealed to a key the server does not hold with 422 unknown-key', async () => {
    const res = await postSubmission(app(), await sealedRequest({}, {}, TEST_KEY_2));
    expect(res.status).toBe(422);
    expect((await res.json()) as Problem).toMatchObject({ code: 'unknown-key', type: 'urn:relais:problem:unknown-key' });
    expect(await count()).toBe(0);
  });

  it.each([
    ['a tampered ciphertext', 'tampered', (r: Awaited<ReturnType<typeof sealedRequest>>) => ({ ...r.payload, ciphertext: flip(r.payload.ciphertext, 5) })],
    ['a tampered enc', 'tampered', (r: Awaited<ReturnType<typeof sealedRequest>>) => ({ ...r.payload, enc: flip(r.payload.enc, 40) })],
    ['an enc that is not base64url', 'malformed', (r: Awaited<ReturnType<typeof sealedRequest>>) => ({ ...r.payload, enc: `${r.payload.enc}==` })],
    ['a short ciphertext', 'malformed', (r: Awaited<ReturnType<typeof sealedRequest>>) => ({ ...r.payload, ciphertext: 'AAAA' })],
  ])('refuses %s with 422 unreadable-envelope (%s), storing nothing', async (_name, why, breakIt) => {
    const request = await sealedRequest();
    const res = await postSubmission(app(), { ...request, payload: breakIt(request) });
    expect(res.status).toBe(422);
    expect((await res.json()) as Problem).toMatchObject({ code: 'unreadable-envelope', detail: why });
    expect(await count()).toBe(0);
    expect(await count('audit_events')).toBe(0);
    // The key is released: the intact envelope is accepted afterwards.
    expect((await postSubmission(app(), request)).status).toBe(201);
  });

  it('refuses an envelope moved onto another application (its associated data names the first)', async () => {
    const original = await sealedRequest();
    const moved = { ...(await sealedRequest()), payload: original.payload };
    const res = await postSubmission(app(), moved);
    expect(res.status).toBe(422);
    expect((await res.json()) as Problem).toMatchObject({ code: 'unreadable-envelope', detail: 'tampered' });
  });

  it('refuses sealed facts that cannot be stored (control characters in who assisted)', async () => {
    const res = await postSubmission(app(), await sealedRequest({}, { assistedBy: 'agent\u0000' }));
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).code).toBe('invalid-request');
    expect(await count()).toBe(0);
  });
});
