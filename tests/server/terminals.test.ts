/**
 * Terminal enrollment, device tokens and supervisor sessions (issue 4, item 4), over the
 * API on both stores: a supervisor's PIN enrols a terminal, the token it gets opens every
 * route, a renewal never locks a terminal out, a supervisor lists and revokes terminals,
 * and every refusal names its reason.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceToken, Problem, StaffSession, TerminalSummary } from '../../src/core/sync/protocol.ts';
import type { RelayConfig } from '../../src/core/auth/staff.ts';
import { createApp } from '../../server/app.ts';
import { sha256Hex } from '../../server/util/sha256.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { auditEvent } from './helpers/audit.ts';
import { demoServices } from './helpers/catalog.ts';
import { sealedRequest, testKeys } from './helpers/keys.ts';
import { postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { AGENT_PIN, enrollForTest, SUPERVISOR_PIN, TEST_RELAY, testRelayConfig, withDevice } from './helpers/terminal.ts';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const codeOf = async (res: Response) => ((await res.json()) as Problem).code;

describe.each(STORES)('terminals and device tokens (%s)', (kind) => {
  const db = useTestDb(kind);
  let relay: RelayConfig | undefined;
  const app = () => createApp({ db: db(), keys: testKeys(), version: 'test', relay: () => relay! });
  const enroll = async (terminalId: string, staffId = 'supervisor-test', pin = SUPERVISOR_PIN) =>
    app().request('/api/terminals/enroll', json({ terminalId, label: `Guichet ${terminalId.slice(-1)}`, staffId, pin }));
  const enrolled = async (terminalId: string) => (await (await enroll(terminalId)).json()) as DeviceToken;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const session = async (token: string, staffId = 'supervisor-test', pin = SUPERVISOR_PIN) =>
    app().request('/api/staff/sessions', json({ staffId, pin }, bearer(token)));

  it("a supervisor's PIN enrols a terminal; its token opens the API, and the enrollment is audited without the PIN", async () => {
    relay ??= await testRelayConfig();
    expect((await app().request('/api/catalog')).status).toBe(401);
    const res = await enroll('relay-tafraout-01');
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const issued = (await res.json()) as DeviceToken;
    expect(issued).toMatchObject({ terminalId: 'relay-tafraout-01', relayId: TEST_RELAY, relayName: 'Test relay', label: 'Guichet 1' });
    expect(issued.token).toMatch(/^rlt_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    await publishCatalog(db(), demoServices());
    expect((await app().request('/api/catalog', { headers: bearer(issued.token) })).status).toBe(200);
    const stored = await db().query<{ token_hash: string }>('SELECT token_hash FROM terminals');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(sha256Hex(issued.token)); // only a hash is kept, never the token
    const events = await db().query<{ actor: string; action: string; terminal_id: string }>('SELECT actor, action, terminal_id FROM audit_events');
    expect(events).toEqual([{ actor: 'supervisor-test', action: 'terminal-enrolled', terminal_id: 'relay-tafraout-01' }]);
  });

  it('refuses an agent, a wrong PIN and an unknown member, and locks the member out after three wrong PINs', async () => {
    relay ??= await testRelayConfig();
    const agent = await enroll('relay-tafraout-01', 'agent-test', AGENT_PIN);
    expect([agent.status, await codeOf(agent)]).toEqual([403, 'not-a-supervisor']);
    const unknown = await enroll('relay-tafraout-01', 'nobody', SUPERVISOR_PIN);
    expect([unknown.status, await codeOf(unknown)]).toEqual([401, 'wrong-pin']);
    for (const pin of ['000001', '000002']) expect(await codeOf(await enroll('relay-tafraout-01', 'supervisor-test', pin))).toBe('wrong-pin');
    const third = await enroll('relay-tafraout-01', 'supervisor-test', '000003');
    expect([third.status, await codeOf(third)]).toEqual([429, 'staff-locked']);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(29);
    // Locked even with the right PIN, and nothing was enrolled.
    expect(await codeOf(await enroll('relay-tafraout-01'))).toBe('staff-locked');
    expect(await db().query('SELECT terminal_id FROM terminals')).toEqual([]);
  });

  it('names why a token is refused: missing, invalid, expired, revoked', async () => {
    const expect401 = async (headers: Record<string, string>, code: string) => {
      const res = await app().request('/api/catalog', { headers });
      expect([res.status, await codeOf(res)]).toEqual([401, code]);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="relais"');
    };
    await expect401({}, 'device-token-missing');
    await expect401(bearer('rlt_nope'), 'device-token-invalid');
    await expect401(bearer(`rlt_${'x'.repeat(43)}`), 'device-token-invalid');
    await expect401(bearer(await enrollForTest(db(), 'relay-old', { ttlDays: 1, now: new Date(Date.now() - 2 * 86_400_000) })), 'device-token-expired');
    const token = await enrollForTest(db(), 'relay-stolen');
    await db().query("UPDATE terminals SET revoked_at = now(), revoked_by = 'supervisor-test' WHERE terminal_id = 'relay-stolen'");
    await expect401(bearer(token), 'device-token-revoked');
  });

  it('a renewal gives a new token; the old one works until the new one is used, so a lost answer locks nobody out', async () => {
    const old = await enrollForTest(db(), 'relay-tafraout-01');
    const renew = (token: string) => app().request('/api/terminal/token', { method: 'POST', headers: bearer(token) });
    const first = (await (await renew(old)).json()) as DeviceToken;
    // The answer was "lost": the terminal renews again with its old token.
    const second = (await (await renew(old)).json()) as DeviceToken;
    expect(second.token).not.toBe(first.token);
    expect((await app().request('/api/relay', { headers: bearer(old) })).status).toBe(200);
    expect((await app().request('/api/relay', { headers: bearer(second.token) })).status).toBe(200);
    expect(await codeOf(await app().request('/api/relay', { headers: bearer(old) }))).toBe('device-token-invalid');
    expect(await codeOf(await app().request('/api/relay', { headers: bearer(first.token) }))).toBe('device-token-invalid');
  });

  it('a supervisor session lists the relay’s terminals and revokes one: its token and sessions stop at once, and it is audited', async () => {
    relay ??= await testRelayConfig();
    const mine = await enrolled('relay-tafraout-1');
    const stolen = await enrolled('relay-tafraout-2');
    const stolenSession = (await (await session(stolen.token)).json()) as StaffSession;
    const opened = await session(mine.token);
    expect(opened.status).toBe(201);
    const { token: staff, role } = (await opened.json()) as StaffSession;
    expect(role).toBe('supervisor');
    const staffHeaders = { ...bearer(mine.token), 'X-Relais-Staff': staff };

    const list = (await (await app().request('/api/terminals', { headers: staffHeaders })).json()) as { terminals: TerminalSummary[] };
    expect(list.terminals.map((t) => [t.terminalId, t.label, t.enrolledBy, t.revokedAt])).toEqual([
      ['relay-tafraout-1', 'Guichet 1', 'supervisor-test', null],
      ['relay-tafraout-2', 'Guichet 2', 'supervisor-test', null],
    ]);
    expect(JSON.stringify(list)).not.toContain('rlt_');
    expect(list.terminals[0]!.lastSeenAt).not.toBeNull();

    const revoked = await app().request('/api/terminals/relay-tafraout-2/revoke', { method: 'POST', headers: staffHeaders });
    expect(await revoked.json()).toEqual({ terminalId: 'relay-tafraout-2', status: 'revoked' });
    expect(await codeOf(await app().request('/api/catalog', { headers: bearer(stolen.token) }))).toBe('device-token-revoked');
    expect(await db().query("SELECT 1 FROM staff_sessions WHERE terminal_id = 'relay-tafraout-2'")).toEqual([]);
    expect(stolenSession.token).toMatch(/^rls_/);
    const again = await app().request('/api/terminals/relay-tafraout-2/revoke', { method: 'POST', headers: staffHeaders });
    expect(await again.json()).toEqual({ terminalId: 'relay-tafraout-2', status: 'already-revoked' });
    expect((await app().request('/api/terminals/relay-unknown/revoke', { method: 'POST', headers: staffHeaders })).status).toBe(404);
    const audit = await db().query<{ actor: string; action: string; terminal_id: string }>("SELECT actor, action, terminal_id FROM audit_events WHERE action = 'terminal-revoked'");
    expect(audit).toEqual([{ actor: 'supervisor-test', action: 'terminal-revoked', terminal_id: 'relay-tafraout-2' }]);

    // Enrolled again by a supervisor, the terminal works again with a new token.
    const back = await enrolled('relay-tafraout-2');
    expect((await app().request('/api/relay', { headers: bearer(back.token) })).status).toBe(200);
    expect(await codeOf(await app().request('/api/relay', { headers: bearer(stolen.token) }))).toBe('device-token-invalid');
  });

  it("refuses a session used from another terminal, an agent's session, and a session after sign-out", async () => {
    relay ??= await testRelayConfig();
    const a = await enrolled('relay-tafraout-1');
    const b = await enrolled('relay-tafraout-2');
    const { token: staff } = (await (await session(a.token)).json()) as StaffSession;
    const fromB = await app().request('/api/terminals', { headers: { ...bearer(b.token), 'X-Relais-Staff': staff } });
    expect([fromB.status, await codeOf(fromB)]).toEqual([401, 'staff-session-required']);
    const { token: agentStaff } = (await (await session(a.token, 'agent-test', AGENT_PIN)).json()) as StaffSession;
    const asAgent = await app().request('/api/terminals', { headers: { ...bearer(a.token), 'X-Relais-Staff': agentStaff } });
    expect([asAgent.status, await codeOf(asAgent)]).toEqual([403, 'not-a-supervisor']);
    const out = await app().request('/api/staff/sessions', { method: 'DELETE', headers: { ...bearer(a.token), 'X-Relais-Staff': staff } });
    expect(out.status).toBe(204);
    expect(await codeOf(await app().request('/api/terminals', { headers: { ...bearer(a.token), 'X-Relais-Staff': staff } }))).toBe('staff-session-required');
    const wrong = await session(a.token, 'supervisor-test', '999999');
    expect([wrong.status, await codeOf(wrong)]).toEqual([401, 'wrong-pin']);
  });

  it("records which terminal delivered an application, and refuses audit events in another terminal's name", async () => {
    await publishCatalog(db(), demoServices());
    const forwarder = await enrollForTest(db(), 'relay-tafraout-02');
    const request = await sealedRequest({ terminalId: 'relay-tafraout-01' });
    expect((await postSubmission(withDevice(app(), forwarder), request)).status).toBe(201);
    const [row] = await db().query<{ terminal_id: string; received_from: string }>('SELECT terminal_id, received_from FROM submissions WHERE id = $1', [request.id]);
    expect(row).toEqual({ terminal_id: 'relay-tafraout-01', received_from: 'relay-tafraout-02' });
    const foreign = await withDevice(app(), forwarder).request('/api/audit', json({ events: [auditEvent({ terminalId: 'relay-tafraout-01' })] }));
    expect([foreign.status, await codeOf(foreign)]).toEqual([403, 'terminal-mismatch']);
    const own = await withDevice(app(), forwarder).request('/api/audit', json({ events: [auditEvent({ terminalId: 'relay-tafraout-02' })] }));
    expect(own.status).toBe(200);
  });

  it("keeps each terminal's latest heartbeat for the supervisor's dashboard, and refuses a malformed one", async () => {
    relay ??= await testRelayConfig();
    const a = await enrolled('relay-tafraout-1');
    const beat = {
      queued: 3, sending: 0, needsAttention: 1, delivered: 12, oldestQueuedAt: '2026-11-20T08:00:00.000Z',
      storageUsed: 5_000_000, storageQuota: 100_000_000, persisted: true, appVersion: '0.1.0', catalogVersion: 4, lastSyncAt: '2026-11-23T09:00:00.000Z',
    };
    const post = (body: unknown) => app().request('/api/terminal/heartbeat', json(body, bearer(a.token)));
    expect((await post(beat)).status).toBe(204);
    for (const bad of [{ ...beat, queued: -1 }, { ...beat, appVersion: '<script>' }, { ...beat, lastSyncAt: 'yesterday' }, { ...beat, persisted: 'yes' }, [beat], 'x']) {
      const res = await post(bad);
      expect([res.status, await codeOf(res)]).toEqual([422, 'invalid-request']);
    }
    expect((await app().request('/api/terminal/heartbeat', json(beat))).status).toBe(401); // a device token is required
    const { token: staff } = (await (await session(a.token)).json()) as StaffSession;
    const listed = (await (await app().request('/api/terminals', { headers: { ...bearer(a.token), 'X-Relais-Staff': staff } })).json()) as { terminals: TerminalSummary[]; staleAfterMinutes: number };
    expect(listed.staleAfterMinutes).toBe(30);
    expect(listed.terminals[0]!.heartbeat).toEqual(beat); // the malformed ones changed nothing
    expect(Date.now() - Date.parse(listed.terminals[0]!.heartbeatAt!)).toBeLessThan(60_000);
  });
});
