/**
 * The relay's figures (issue 5, item 6) over the API on both stores: applications sent
 * through the real submission route (each `submittedAt` chosen, `received_at` the
 * server's own clock, so delivery times are known to within the test's run time) and
 * heartbeats through the real heartbeat route; then the exact counts per service, day and
 * language, delivered against waiting, the delivery-time bins, median and 90th percentile,
 * only the relay's own terminals counted; and every refusal.
 */
import { describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Problem, StaffSession } from '../../src/core/sync/protocol.ts';
import type { Figures } from '../../src/core/figures/figures.ts';
import type { RelayConfig } from '../../src/core/auth/staff.ts';
import { createApp } from '../../server/app.ts';
import { publishCatalog } from '../../server/catalog/publish-catalog.ts';
import { enrollTerminal, revokeTerminal } from '../../server/terminals/terminal-store.ts';
import { demoService, demoServices } from './helpers/catalog.ts';
import { testKeys } from './helpers/keys.ts';
import { lifeCertificateRequest, postSubmission } from './helpers/submissions.ts';
import { STORES, useTestDb } from './helpers/test-db.ts';
import { AGENT_PIN, enrollForTest, SUPERVISOR_PIN, TEST_RELAY, TEST_TERMINAL, testRelayConfig, withDevice } from './helpers/terminal.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const heartbeat = (queued: number, sending: number, needsAttention: number) => ({
  queued, sending, needsAttention, delivered: 0, oldestQueuedAt: null, storageUsed: null, storageQuota: null, persisted: null, appVersion: '0.1.0', catalogVersion: 1, lastSyncAt: null,
});

describe.each(STORES)('relay figures (%s)', (kind) => {
  const db = useTestDb(kind);
  let relay: RelayConfig | undefined;
  const app = () => createApp({ db: db(), keys: testKeys(), version: 'test', relay: () => relay! });
  const as = (token: string): Hono => withDevice(app(), token);
  const staffSession = async (token: string, staffId = 'supervisor-test', pin = SUPERVISOR_PIN) => {
    const res = await as(token).request('/api/staff/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ staffId, pin }) });
    expect(res.status).toBe(201);
    return ((await res.json()) as StaffSession).token;
  };
  const figures = (token: string, staff: string | null, query = '') =>
    as(token).request(`/api/relay/figures${query}`, { headers: staff ? { 'X-Relais-Staff': staff } : {} });
  const read = async (token: string, staff: string, query: string) => {
    const res = await figures(token, staff, query);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    return (await res.json()) as Figures;
  };
  /** Sends an application submitted `ago` ms before now through the real route. */
  const deliver = async (token: string, terminalId: string, serviceId: string, language: string, ago: number) => {
    const submittedAt = Date.now() - ago;
    const res = await postSubmission(as(token), lifeCertificateRequest({ serviceId, language, terminalId, createdAt: new Date(submittedAt - MINUTE).toISOString(), submittedAt: new Date(submittedAt).toISOString() }));
    expect(res.status, await res.clone().text()).toBe(201);
    return submittedAt;
  };
  const beat = async (token: string, body: unknown) => expect((await as(token).request('/api/terminal/heartbeat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).status).toBe(204);
  const setUp = async () => {
    relay ??= await testRelayConfig();
    // A second service with the same form, so the life-certificate answers fit both.
    await publishCatalog(db(), [...demoServices(), { ...demoService('life-certificate'), id: 'pension-proof' }]);
    return { own: await enrollForTest(db()), second: await enrollForTest(db(), 'relay-tafraout-02') };
  };

  it('counts per service, day and language, delivered and waiting, and bins the delivery times of the relay’s applications only', async () => {
    const { own, second } = await setUp();
    const revoked = await enrollForTest(db(), 'relay-tafraout-03');
    await enrollForTest(db(), 'relay-tafraout-04'); // enrolled, never reported
    const foreign = (await enrollTerminal(db(), { terminalId: 'relay-elsewhere-01', relayId: 'relay-other', relayName: 'Other', label: 'Ailleurs', enrolledBy: 'someone' })).token;

    const started = Date.now();
    const sent = [
      await deliver(own, TEST_TERMINAL, 'life-certificate', 'ar', 20_000), // < 1 min
      await deliver(second, 'relay-tafraout-02', 'life-certificate', 'fr', 10 * MINUTE), // < 1 h
      await deliver(own, TEST_TERMINAL, 'pension-proof', 'fr', 5 * HOUR), // < 1 day
      await deliver(second, 'relay-tafraout-02', 'life-certificate', 'shi-Latn', 3 * DAY), // < 1 week
      // Made on terminal 02, handed over by 01 (a bundle): the relay's, counted once.
      await deliver(own, 'relay-tafraout-02', 'pension-proof', 'ar', 12 * DAY), // more
    ];
    const old = await deliver(own, TEST_TERMINAL, 'life-certificate', 'ar', 40 * DAY); // only in the 90-day period
    await deliver(foreign, 'relay-elsewhere-01', 'life-certificate', 'ar', MINUTE); // another relay's: never counted
    const ran = Date.now() - started; // each delivery time is its `ago` plus at most this

    await beat(own, heartbeat(2, 1, 1));
    await beat(second, heartbeat(4, 0, 0));
    await beat(revoked, heartbeat(100, 0, 9));
    await revokeTerminal(db(), TEST_RELAY, 'relay-tafraout-03', 'supervisor-test');
    await beat(foreign, heartbeat(50, 0, 5));

    const staff = await staffSession(own);
    const month = await read(own, staff, '?days=30&tz=UTC');
    const today = utcDay(Date.now());
    expect(month).toMatchObject({ scope: 'relay', days: 30, timeZone: 'UTC', lastDay: today, firstDay: utcDay(Date.parse(today) - 29 * DAY), total: 5 });
    expect(month.byService).toEqual([{ key: 'life-certificate', count: 3 }, { key: 'pension-proof', count: 2 }]);
    expect(month.byLanguage).toEqual([{ key: 'ar', count: 2 }, { key: 'fr', count: 2 }, { key: 'shi-Latn', count: 1 }]);
    expect(month.byDay).toHaveLength(30);
    const expectedDays = new Map<string, number>();
    for (const at of sent) expectedDays.set(utcDay(at), (expectedDays.get(utcDay(at)) ?? 0) + 1);
    expect(month.byDay.filter((d) => d.count > 0)).toEqual([...expectedDays].sort().map(([key, count]) => ({ key, count })));
    expect(month.byDay.map((d) => d.key)).toEqual([...month.byDay.map((d) => d.key)].sort());
    // Delivered in the period; waiting from the active terminals' last heartbeats (2 + 1 sending, 4).
    expect(month.status).toEqual({ delivered: 5, queued: 7, needsAttention: 1, terminals: { reporting: 2, active: 3 } });
    expect(month.delivery.count).toBe(5);
    expect(month.delivery.buckets).toEqual([
      { key: 'minute', count: 1 }, { key: 'hour', count: 1 }, { key: 'day', count: 1 }, { key: 'week', count: 1 }, { key: 'more', count: 1 },
    ]);
    // Median of (20 s, 10 min, 5 h, 3 d, 12 d) is 5 h; p90 interpolates 3 d + 0.6 × 9 d.
    expect(month.delivery.medianMs! - 5 * HOUR).toBeGreaterThanOrEqual(0);
    expect(month.delivery.medianMs! - 5 * HOUR).toBeLessThanOrEqual(ran + 1000);
    expect(month.delivery.p90Ms! - 8.4 * DAY).toBeGreaterThanOrEqual(-1);
    expect(month.delivery.p90Ms! - 8.4 * DAY).toBeLessThanOrEqual(ran + 1000);

    const week = await read(own, staff, '?days=7&tz=UTC');
    expect([week.total, week.byDay.length, week.byService]).toEqual([4, 7, [{ key: 'life-certificate', count: 3 }, { key: 'pension-proof', count: 1 }]]);
    expect(week.delivery.buckets.map((b) => b.count)).toEqual([1, 1, 1, 1, 0]);
    const quarter = await read(own, staff, '?days=90');
    expect([quarter.total, quarter.timeZone, quarter.byDay.length]).toEqual([6, 'UTC', 90]);
    expect(quarter.byDay.find((d) => d.key === utcDay(old))?.count).toBeGreaterThanOrEqual(1);
    expect(quarter.delivery.buckets.at(-1)).toEqual({ key: 'more', count: 2 });
    expect((await read(own, staff, '')).days).toBe(30); // 30 days when not told
  });

  it('counts each application on its day in the time zone asked for', async () => {
    const { own } = await setUp();
    // 20:00 UTC yesterday is 05:00 today in Tokyo (UTC+9, no summer time).
    const midnight = Date.parse(`${utcDay(Date.now())}T00:00:00Z`);
    await deliver(own, TEST_TERMINAL, 'life-certificate', 'ar', Date.now() - (midnight - 4 * HOUR));
    const staff = await staffSession(own);
    const utc = await read(own, staff, '?days=7&tz=UTC');
    const tokyo = await read(own, staff, '?days=7&tz=Asia/Tokyo');
    expect(utc.byDay.filter((d) => d.count > 0)).toEqual([{ key: utcDay(midnight - DAY), count: 1 }]);
    expect(tokyo.byDay.filter((d) => d.count > 0)).toEqual([{ key: utcDay(midnight), count: 1 }]);
    expect(tokyo.timeZone).toBe('Asia/Tokyo');
    // Nothing yet: zeros, no median.
    await db().exec('DELETE FROM submissions');
    const empty = await read(own, staff, '?days=7&tz=Africa/Casablanca');
    expect([empty.total, empty.delivery.medianMs, empty.delivery.p90Ms, empty.byService, empty.byDay.every((d) => d.count === 0)]).toEqual([0, null, null, [], true]);
  });

  it("refuses without a supervisor's session on this terminal, and names a bad parameter", async () => {
    const { own, second } = await setUp();
    const codeOf = async (res: Response) => [res.status, ((await res.json()) as Problem).code];
    expect(await codeOf(await app().request('/api/relay/figures'))).toEqual([401, 'device-token-missing']);
    expect(await codeOf(await figures(own, null))).toEqual([401, 'staff-session-required']);
    expect(await codeOf(await figures(own, `rls_${'C'.repeat(43)}`))).toEqual([401, 'staff-session-required']);
    const staff = await staffSession(own);
    expect(await codeOf(await figures(second, staff))).toEqual([401, 'staff-session-required']); // opened on another terminal
    expect(await codeOf(await figures(own, await staffSession(own, 'agent-test', AGENT_PIN)))).toEqual([403, 'not-a-supervisor']);
    for (const query of ['?days=0', '?days=367', '?days=abc', '?days=7.5', '?days=-7', '?days=', '?days=007x', '?days=7&days=30', '?tz=Nope/Zone', "?tz=UTC';DROP%20TABLE%20submissions;--", '?tz=', '?tz=UTC&tz=UTC', `?tz=${'A'.repeat(200)}`]) {
      const res = await figures(own, staff, query);
      const problem = (await res.json()) as Problem;
      expect([query, res.status, problem.code], problem.detail).toEqual([query, 400, 'invalid-request']);
      expect(problem.detail).toMatch(query.startsWith('?days') ? /^days must be/ : /^tz must be/);
    }
    expect((await figures(own, staff, '?days=7&tz=Africa/Casablanca')).status).toBe(200);
  });
});
