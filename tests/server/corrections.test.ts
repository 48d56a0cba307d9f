/**
 * Refused applications (issue 5, "needs attention") on the server, on both stores: a
 * corrected application names the refused one (`corrects`, a UUID, stored as a link), the
 * supervisor's discard reason and note reach the audit log with the hand-back and the
 * replacement, and the dashboard learns the catalog version the server publishes.
 */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Problem, StaffSession } from '../../src/core/sync/protocol.ts';
import type { RelayConfig } from '../../src/core/auth/staff.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { auditEvent } from './helpers/audit.ts';
import { demoServices, lifeCertificateV2 } from './helpers/catalog.ts';
import { testKeys } from './helpers/keys.ts';
import { lifeCertificateRequest, postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { SUPERVISOR_PIN, testRelayConfig, useDeviceToken, withDevice } from './helpers/terminal.ts';

let relay: RelayConfig | undefined;

describe.each(STORES)('corrections and discards (%s)', (kind) => {
  const db = useTestDb(kind);
  const device = useDeviceToken(db);
  const app = () => withDevice(createApp({ db: db(), keys: testKeys(), version: 'test', relay: () => relay! }), device());
  const postAudit = (events: unknown[]) => app().request('/api/audit', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ events }) });

  beforeEach(async () => {
    await publishCatalog(db(), demoServices());
  });

  it('stores the link from a corrected application to the refused one it replaces', async () => {
    const refused = randomUUID(); // never stored: the server refused it
    const correction = lifeCertificateRequest({ corrects: refused });
    expect((await postSubmission(app(), correction)).status).toBe(201);
    const plain = lifeCertificateRequest();
    expect((await postSubmission(app(), plain)).status).toBe(201);
    const rows = await db().query<{ id: string; corrects: string | null }>('SELECT id::text AS id, corrects::text AS corrects FROM submissions ORDER BY corrects NULLS LAST');
    expect(rows).toEqual([
      { id: correction.id, corrects: refused },
      { id: plain.id, corrects: null },
    ]);
    // The link is part of the request: the same id with another link is another request.
    const res = await postSubmission(app(), { ...correction, corrects: randomUUID() });
    expect(res.status).toBe(422);
    expect(((await res.json()) as Problem).code).toBe('idempotency-key-reused');
  });

  it('refuses a `corrects` that is not the UUID of another application, storing nothing', async () => {
    for (const corrects of ['not-a-uuid', randomUUID().toUpperCase(), 42, null, '']) {
      const res = await postSubmission(app(), { ...lifeCertificateRequest(), corrects });
      expect(res.status).toBe(422);
      const problem = (await res.json()) as Problem;
      expect(problem).toMatchObject({ code: 'invalid-request', detail: expect.stringContaining('corrects') });
    }
    const self = lifeCertificateRequest();
    const res = await postSubmission(app(), { ...self, corrects: self.id });
    expect(((await res.json()) as Problem).detail).toContain('corrects');
    expect(await db().query('SELECT 1 FROM submissions')).toEqual([]);
  });

  it("keeps a discard's reason and note, and takes the hand-back and the replacement", async () => {
    const applicationId = randomUUID();
    const events = [
      auditEvent({ action: 'handed-back', actor: 'supervisor-demo', applicationId }),
      auditEvent({ action: 'handed-back', actor: 'supervisor-demo', applicationId, reason: 'withdrawn' }),
      auditEvent({ action: 'discarded', actor: 'supervisor-demo', applicationId, reason: 'citizen-withdrew', note: 'المواطن تراجع عن الطلب' }),
      auditEvent({ action: 'replaced', actor: 'agent-demo', applicationId: randomUUID() }),
    ];
    expect(await (await postAudit(events)).json()).toEqual({ accepted: 4 });
    const rows = await db().query<{ action: string; reason: string | null; note: string | null }>(
      'SELECT action, reason, note FROM audit_events WHERE id = ANY($1::uuid[]) ORDER BY action, reason NULLS FIRST',
      [events.map((e) => e.id)],
    );
    expect(rows).toEqual([
      { action: 'discarded', reason: 'citizen-withdrew', note: 'المواطن تراجع عن الطلب' },
      { action: 'handed-back', reason: null, note: null },
      { action: 'handed-back', reason: 'withdrawn', note: null },
      { action: 'replaced', reason: null, note: null },
    ]);
  });

  it('refuses a reason that is not a code and a note that is too long or carries control characters', async () => {
    for (const bad of [{ reason: 'the citizen left' }, { reason: 'x'.repeat(41) }, { note: 'x'.repeat(201) }, { note: 'a\u202Eb' }, { note: 7 }]) {
      const res = await postAudit([auditEvent({ action: 'discarded', ...(bad as object) })]);
      expect(res.status).toBe(422);
      expect(((await res.json()) as Problem).code).toBe('invalid-request');
    }
    expect(await db().query('SELECT 1 FROM audit_events')).toEqual([]);
  });

  it("tells the dashboard the catalog version the server publishes", async () => {
    relay ??= await testRelayConfig();
    await publishCatalog(db(), [...demoServices().filter((s) => s.id !== 'life-certificate'), lifeCertificateV2()]);
    const session = await app().request('/api/staff/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ staffId: 'supervisor-test', pin: SUPERVISOR_PIN }) });
    const { token } = (await session.json()) as StaffSession;
    const listed = (await (await app().request('/api/terminals', { headers: { 'X-Relais-Staff': token } })).json()) as { catalogVersion: number };
    expect(listed.catalogVersion).toBe(2);
  });
});
