import { beforeEach, describe, expect, it } from 'vitest';
import type { SubmissionReceipt, TrackingStatus } from '../../src/core/sync/protocol.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { demoServices } from './helpers/catalog.ts';
import { lifeCertificateRequest, postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { useDeviceToken, withDevice } from './helpers/terminal.ts';
import { testKeys } from './helpers/keys.ts';

describe.each(STORES)('GET /api/submissions/:trackingCode (%s)', (kind) => {
  const db = useTestDb(kind);
  const device = useDeviceToken(db);
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test' }), device());

  beforeEach(async () => {
    await publishCatalog(db(), demoServices());
  });

  it('tells a citizen the state of their application from the code as typed, lower case and without its dash', async () => {
    const receipt = (await (await postSubmission(app(), lifeCertificateRequest())).json()) as SubmissionReceipt;
    const typed = receipt.trackingCode.replace('-', '').toLowerCase();
    const res = await app().request(`/api/submissions/${typed}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const status = (await res.json()) as TrackingStatus;
    // Nothing personal: exactly these fields.
    expect(status).toEqual({
      trackingCode: receipt.trackingCode,
      serviceId: 'life-certificate',
      state: 'received',
      receivedAt: receipt.receivedAt,
      updatedAt: receipt.receivedAt,
    });
  });

  it('shows a state changed by the back office', async () => {
    const receipt = (await (await postSubmission(app(), lifeCertificateRequest())).json()) as SubmissionReceipt;
    await db().query(`UPDATE submissions SET state = 'needs-information', updated_at = now() WHERE id = $1`, [receipt.id]);
    const status = (await (await app().request(`/api/submissions/${receipt.trackingCode}`)).json()) as TrackingStatus;
    expect(status.state).toBe('needs-information');
  });

  it.each(['ABCDE-FGHJK', 'not-a-code', '12345'])('answers 404 problem for %s', async (code) => {
    const res = await app().request(`/api/submissions/${code}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'not-found', status: 404 });
  });
});
